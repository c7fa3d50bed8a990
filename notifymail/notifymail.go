// Package notifymail sends the e-mail of a notification (see
// models.JobSendMail): a background job reads the notification when it
// runs, writes the message in the recipient's interface language (the
// site's when they chose none) and sends it through a mailer.Mailer. The
// message states the facts of the event, who did what to which claim,
// with an absolute link to the claim's desk page; a mention quotes the
// start of its note, which the recipient may read on the desk anyway.
package notifymail

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"

	"claimtracker/i18n"
	"claimtracker/jobs"
	"claimtracker/mailer"
	"claimtracker/models"
	"claimtracker/views"
)

// Sender is the handler of models.JobSendMail jobs.
type Sender struct {
	Store  *models.Store
	Mailer *mailer.Mailer
	// BaseURL is the site's public address (--base-url), which the
	// message's links start with.
	BaseURL *url.URL
}

// Handle sends the e-mail of the job's notification. A notification that
// is gone (its claim was deleted), or whose recipient was disabled or
// turned e-mail off since, completes the job with nothing sent. An SMTP
// server's permanent refusal (5yz: an unknown mailbox, a refused sign-in)
// fails the job at once (jobs.Permanent); a transient one (4yz) or a
// network failure is retried with the runner's backoff.
func (s *Sender) Handle(ctx context.Context, j *models.Job) error {
	var p models.NotificationJob
	if err := j.Decode(&p); err != nil || p.NotificationID == 0 {
		return jobs.Permanent(fmt.Errorf("job %d names no notification: %v", j.ID, err))
	}
	n, err := s.Store.NotificationMail(ctx, p.NotificationID)
	if errors.Is(err, models.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if !n.To.Active() || !n.To.EmailNotifications {
		return nil
	}
	if err := s.Mailer.Send(ctx, Compose(n, s.BaseURL)); err != nil {
		if mailer.Permanent(err) {
			return jobs.Permanent(err)
		}
		return err
	}
	return nil
}

// ClaimURL is the absolute address of claim id's desk page under base.
func ClaimURL(base *url.URL, id uint) string {
	return strings.TrimRight(base.String(), "/") + "/desk/claims/" + strconv.FormatUint(uint64(id), 10)
}

// Compose writes the message of n: to its recipient, in their language, a
// subject naming the claim and what happened, and a plain-text body (with
// an HTML alternative) saying who did it, linking to the claim's desk
// page, the inbox and the account page where e-mail is turned off.
func Compose(n *models.NotificationMail, base *url.URL) mailer.Message {
	tag := n.To.Language
	if tag == "" {
		tag = n.SiteLanguage
	}
	l := i18n.For(tag)
	actor := n.ActorName
	if actor == "" {
		actor = l.T("desk.inbox.someone")
	}
	claim := l.T("desk.mail.quoted", "Text", n.ClaimSummary)
	root := strings.TrimRight(base.String(), "/")
	link, inbox, account := ClaimURL(base, n.ClaimID), root+"/desk/inbox", root+"/account#email"

	var paras []string
	paras = append(paras, l.T("desk.mail.greeting", "Name", n.To.Name))
	paras = append(paras, l.T(views.NotificationSentence(n.Kind), "Actor", actor, "Claim", claim))
	if n.NoteExcerpt != "" {
		paras = append(paras, l.T("desk.mail.note_begins")+"\n> "+n.NoteExcerpt)
	}
	if n.CorrectionKind != "" {
		paras = append(paras, l.T("desk.mail.correction_kind", "Kind", l.T("public.correction_kind."+string(n.CorrectionKind))))
	}
	open := l.T("desk.mail.open")
	why := l.T("desk.mail.why", "Newsroom", n.Newsroom)

	var text strings.Builder
	for _, p := range paras {
		text.WriteString(p + "\n\n")
	}
	text.WriteString(open + "\n" + link + "\n\n")
	text.WriteString(l.T("desk.mail.inbox") + "\n" + inbox + "\n\n-- \n" + why + "\n" + account + "\n")

	var h strings.Builder
	h.WriteString(`<!DOCTYPE html><html lang="` + html.EscapeString(l.Tag()) + `" dir="` + l.Dir() + `"><head><meta charset="utf-8"><title>`)
	subject := l.T(views.NotificationSubject(n.Kind), "Claim", n.ClaimSummary, "Actor", actor)
	h.WriteString(html.EscapeString(subject) + "</title></head><body>")
	for _, p := range paras {
		if strings.Contains(p, "\n> ") {
			head, quote, _ := strings.Cut(p, "\n> ")
			h.WriteString("<p>" + html.EscapeString(head) + "</p><blockquote dir=\"auto\">" + html.EscapeString(quote) + "</blockquote>")
			continue
		}
		h.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	h.WriteString(`<p><a href="` + html.EscapeString(link) + `">` + html.EscapeString(open) + "</a></p>")
	h.WriteString(`<p><a href="` + html.EscapeString(inbox) + `">` + html.EscapeString(l.T("desk.mail.inbox")) + "</a></p>")
	h.WriteString(`<hr><p><small>` + html.EscapeString(why) + ` <a href="` + html.EscapeString(account) + `">` + html.EscapeString(account) + "</a></small></p></body></html>")

	return mailer.Message{To: n.To.Email, ToName: n.To.Name, FromName: n.Newsroom, Subject: subject,
		Text: text.String(), HTML: h.String(), Language: l.Tag()}
}
