package notifymail_test

import (
	"context"
	"log/slog"
	"mime"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimtracker/jobs"
	"claimtracker/mailer"
	"claimtracker/mailer/smtptest"
	"claimtracker/models"
	"claimtracker/models/modelstest"
	"claimtracker/notifymail"
)

var base, _ = url.Parse("https://facts.example.org/newsroom")

// newsroom is a store with mail on, on a clock, an admin, an editor and a
// reviewer, and a runner that sends mail through srv.
type newsroom struct {
	s               *models.Store
	c               *modelstest.Clock
	r               *jobs.Runner
	admin, ed, rev  *models.User
	ctx             context.Context
	m               models.Meta
	srv             *smtptest.Server
	sentBy, refused int
}

func newNewsroom(t *testing.T, engine string, o smtptest.Options) *newsroom {
	t.Helper()
	c := modelstest.NewClock(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
	quiet := slog.New(slog.DiscardHandler)
	s := modelstest.Open(t, engine, models.Config{Now: c.Now, Logger: quiet, MailEnabled: true})
	srv := smtptest.Start(t, o)
	sec := mailer.None
	if o.STARTTLS {
		sec = mailer.STARTTLS
	}
	m, err := mailer.New(mailer.Config{Host: srv.Host, Port: srv.Port, Security: sec, User: o.User, Password: o.Password,
		From: "desk@example.org", TLSConfig: srv.ClientTLS})
	if err != nil {
		t.Fatal(err)
	}
	r := jobs.New(s, jobs.Config{Logger: quiet})
	r.Handle(models.JobSendMail, (&notifymail.Sender{Store: s, Mailer: m, BaseURL: base}).Handle)
	return &newsroom{s: s, c: c, r: r, srv: srv, ctx: context.Background(), m: models.Meta{IP: "192.0.2.7"},
		admin: modelstest.User(t, s, "admin@example.org", models.RoleAdmin),
		ed:    modelstest.User(t, s, "ed@example.org", models.RoleEditor),
		rev:   modelstest.User(t, s, "rev@example.org", models.RoleReviewer)}
}

func (n *newsroom) optIn(t *testing.T, u *models.User) {
	t.Helper()
	if _, err := n.s.SetEmailNotifications(n.ctx, u, n.m, true); err != nil {
		t.Fatal(err)
	}
}

func (n *newsroom) assign(t *testing.T, to *models.User) *models.Claim {
	t.Helper()
	c, err := n.s.CreateClaim(n.ctx, n.admin, n.m, models.ClaimInput{
		Text: "The bridge will open in May", Summary: "The mayor said the bridge opens in May", Speaker: "The Mayor",
		SaidAt: "2026-04-01", AssigneeID: to.ID,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (n *newsroom) drain(t *testing.T) {
	t.Helper()
	if err := n.r.Drain(n.ctx); err != nil {
		t.Fatal(err)
	}
}

func (n *newsroom) mailJob(t *testing.T) models.Job {
	t.Helper()
	l, err := n.s.ListJobs(n.ctx, models.JobFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []models.Job
	for _, it := range l.Items {
		if it.Kind == models.JobSendMail {
			out = append(out, it.Job)
		}
	}
	if len(out) != 1 {
		t.Fatalf("%d mail jobs, want 1", len(out))
	}
	return out[0]
}

func subject(t *testing.T, m smtptest.Message) string {
	t.Helper()
	h, err := m.Header()
	if err != nil {
		t.Fatal(err)
	}
	s, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A claim assigned to an editor who opted in reaches them by e-mail,
// through a real SMTP server with STARTTLS and AUTH PLAIN, when the job
// runs (never in the request): addressed to them, in their language (a
// Spanish subject and body), naming the claim, who assigned it, and with
// the absolute link to the claim's desk page. A mention reaches a
// reviewer who reads English, quoting the note's start. Nobody who did
// not opt in gets mail.
func TestNotificationMailThroughSMTP(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			n := newNewsroom(t, engine, smtptest.Options{STARTTLS: true, User: "desk", Password: "relay pass"})
			n.optIn(t, n.ed)
			n.optIn(t, n.rev)
			if _, err := n.s.SetLanguage(n.ctx, n.ed, n.m, "es"); err != nil {
				t.Fatal(err)
			}
			c := n.assign(t, n.ed)
			if got := n.srv.Messages(); len(got) != 0 {
				t.Fatalf("mail sent in the request: %d", len(got))
			}
			n.drain(t)
			msgs := n.srv.Messages()
			if len(msgs) != 1 {
				t.Fatalf("%d messages, want 1", len(msgs))
			}
			m := msgs[0]
			h, _ := m.Header()
			if len(m.To) != 1 || m.To[0] != "ed@example.org" || !strings.Contains(h.Get("To"), "<ed@example.org>") || !m.TLS || m.User != "desk" {
				t.Errorf("envelope %+v, To %q", m, h.Get("To"))
			}
			if s := subject(t, m); s != "Asignada a ti: The mayor said the bridge opens in May" {
				t.Errorf("subject %q", s)
			}
			text, err := m.Part("text/plain")
			if err != nil {
				t.Fatal(err)
			}
			text = strings.ReplaceAll(text, "\r\n", "\n")
			link := "https://facts.example.org/newsroom/desk/claims/" + idText(c.ID)
			for _, want := range []string{"Hola, Test ed:", "Test admin te asignó «The mayor said the bridge opens in May».", "\n" + link + "\n",
				"https://facts.example.org/newsroom/account#email"} {
				if !strings.Contains(text, want) {
					t.Errorf("body lacks %q:\n%s", want, text)
				}
			}
			if html, err := m.Part("text/html"); err != nil || !strings.Contains(html, `href="`+link+`"`) || !strings.Contains(html, `lang="es"`) {
				t.Errorf("html %q %v", html, err)
			}
			if h.Get("Content-Language") != "es" {
				t.Errorf("Content-Language %q", h.Get("Content-Language"))
			}

			// A mention: in English, with the note's start.
			if _, err := n.s.AddNote(n.ctx, n.ed, n.m, c.ID, models.NoteInput{Body: "@rev please check the **council minutes** of 12 March first"}); err != nil {
				t.Fatal(err)
			}
			n.drain(t)
			msgs = n.srv.Messages()
			if len(msgs) != 2 || msgs[1].To[0] != "rev@example.org" {
				t.Fatalf("messages %+v", msgs)
			}
			if s := subject(t, msgs[1]); s != "Test ed mentioned you: The mayor said the bridge opens in May" {
				t.Errorf("subject %q", s)
			}
			text, _ = msgs[1].Part("text/plain")
			if !strings.Contains(text, "> @rev please check the council minutes of 12 March first") || !strings.Contains(text, link) {
				t.Errorf("mention body:\n%s", text)
			}
			// The admin did not opt in: an assignment to them sends nothing.
			if _, err := n.s.UpdateClaim(n.ctx, n.ed, n.m, c.ID, models.ClaimPatch{AssigneeID: &n.admin.ID}); err != nil {
				t.Fatal(err)
			}
			n.drain(t)
			if got := len(n.srv.Messages()); got != 2 {
				t.Errorf("%d messages after an assignment to someone who did not opt in", got)
			}
		})
	}
}

// A 4xx answer on the first attempt leaves the job queued for its
// backoff with nothing delivered; the second attempt delivers it. A 5xx
// answer (an unknown mailbox) fails the job at once.
func TestNotificationMailIsRetriedAfterA4xxAnswer(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			n := newNewsroom(t, engine, smtptest.Options{Rcpt: func(i int, to string) error {
				switch {
				case to == "rev@example.org":
					return smtptest.Reply(550, "No such mailbox")
				case i == 1:
					return smtptest.Reply(451, "Greylisted, try again later")
				}
				return nil
			}})
			n.optIn(t, n.ed)
			c := n.assign(t, n.ed)
			n.drain(t)
			j := n.mailJob(t)
			if j.State != models.JobQueued || j.Attempts != 1 || !strings.Contains(j.LastError, "451") || len(n.srv.Messages()) != 0 {
				t.Fatalf("after a 451: %+v, %d messages", j, len(n.srv.Messages()))
			}
			n.c.Add(j.RunAt.Sub(n.c.Now()))
			n.drain(t)
			j = n.mailJob(t)
			msgs := n.srv.Messages()
			if j.State != models.JobDone || j.Attempts != 2 || len(msgs) != 1 || msgs[0].To[0] != "ed@example.org" {
				t.Fatalf("second attempt: %+v, %d messages", j, len(msgs))
			}
			text, _ := msgs[0].Part("text/plain")
			if !strings.Contains(text, "https://facts.example.org/newsroom/desk/claims/"+idText(c.ID)) {
				t.Errorf("body:\n%s", text)
			}

			// The reviewer's mailbox does not exist: failed for good at once.
			n.optIn(t, n.rev)
			if _, err := n.s.UpdateClaim(n.ctx, n.ed, n.m, c.ID, models.ClaimPatch{AssigneeID: &n.rev.ID}); err != nil {
				t.Fatal(err)
			}
			n.drain(t)
			failed, err := n.s.ListJobs(n.ctx, models.JobFilter{State: models.JobFailed})
			if err != nil || failed.Total != 1 || failed.Items[0].Attempts != 1 || !strings.Contains(failed.Items[0].LastError, "550") {
				t.Fatalf("after a 550: %+v %v", failed, err)
			}
		})
	}
}

func idText(id uint) string { return strconv.FormatUint(uint64(id), 10) }
