package mailer_test

import (
	"context"
	"mime"
	"strings"
	"testing"

	"claimtracker/mailer"
	"claimtracker/mailer/smtptest"
)

func newMailer(t *testing.T, srv *smtptest.Server, sec mailer.Security, user, password string) *mailer.Mailer {
	t.Helper()
	m, err := mailer.New(mailer.Config{Host: srv.Host, Port: srv.Port, Security: sec, User: user, Password: password,
		From: "Newsroom desk <desk@example.org>", TLSConfig: srv.ClientTLS})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var hello = mailer.Message{To: "ana@example.org", ToName: "Ana Ruiz", Subject: "Asignada: «El puente»",
	Text: "Hola Ana,\nse te asignó una afirmación.\nhttps://facts.example.org/desk/claims/7\n", HTML: "<p>Hola Ana</p>", Language: "es"}

// STARTTLS upgrades the connection (RFC 3207) before AUTH PLAIN signs in
// with the user and password the server checks; the message reaches the
// recipient with its headers and both bodies intact.
func TestSendWithSTARTTLSAndAuth(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{STARTTLS: true, User: "desk", Password: "s3cret pass"})
	if err := newMailer(t, srv, mailer.STARTTLS, "desk", "s3cret pass").Send(context.Background(), hello); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	got := msgs[0]
	if !got.TLS || got.User != "desk" || got.From != "desk@example.org" || len(got.To) != 1 || got.To[0] != "ana@example.org" {
		t.Errorf("envelope %+v", got)
	}
	h, err := got.Header()
	if err != nil {
		t.Fatal(err)
	}
	subj, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if subj != hello.Subject || !strings.Contains(h.Get("To"), "<ana@example.org>") || !strings.Contains(h.Get("From"), "<desk@example.org>") ||
		h.Get("Content-Language") != "es" || h.Get("Message-Id") == "" || h.Get("Date") == "" {
		t.Errorf("header %v (subject %q)", h, subj)
	}
	text, err := got.Part("text/plain")
	if err != nil || strings.ReplaceAll(text, "\r\n", "\n") != hello.Text {
		t.Errorf("text %q %v", text, err)
	}
	if html, err := got.Part("text/html"); err != nil || html != hello.HTML {
		t.Errorf("html %q %v", html, err)
	}
	// A wrong password is refused for good (535).
	err = newMailer(t, srv, mailer.STARTTLS, "desk", "wrong").Send(context.Background(), hello)
	if err == nil || !mailer.Permanent(err) || mailer.Code(err) != 535 {
		t.Errorf("wrong password: %v (code %d)", err, mailer.Code(err))
	}
	// A client that may not upgrade (none) never sends the password in the
	// clear: the server offers no AUTH before TLS.
	err = newMailer(t, srv, mailer.None, "desk", "s3cret pass").Send(context.Background(), hello)
	if err == nil || len(srv.Messages()) != 1 {
		t.Errorf("sent without TLS: %v", err)
	}
}

// Implicit TLS (RFC 8314) speaks TLS from the first byte.
func TestSendWithImplicitTLS(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{ImplicitTLS: true})
	if err := newMailer(t, srv, mailer.TLS, "", "").Send(context.Background(), hello); err != nil {
		t.Fatal(err)
	}
	if msgs := srv.Messages(); len(msgs) != 1 || !msgs[0].TLS {
		t.Errorf("messages %+v", msgs)
	}
}

// STARTTLS is mandatory: a server that does not offer it gets nothing, and
// the failure may pass later (not permanent). A server whose certificate
// is not trusted gets nothing either.
func TestSTARTTLSIsRequired(t *testing.T) {
	plain := smtptest.Start(t, smtptest.Options{})
	err := newMailer(t, plain, mailer.STARTTLS, "", "").Send(context.Background(), hello)
	if err == nil || mailer.Permanent(err) || len(plain.Messages()) != 0 {
		t.Errorf("no STARTTLS offered: %v", err)
	}
	tlsSrv := smtptest.Start(t, smtptest.Options{STARTTLS: true})
	m, err := mailer.New(mailer.Config{Host: tlsSrv.Host, Port: tlsSrv.Port, Security: mailer.STARTTLS, From: "desk@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), hello); err == nil || len(tlsSrv.Messages()) != 0 {
		t.Errorf("untrusted certificate: %v", err)
	}
}

// A 5xx answer (an unknown mailbox) is permanent, a 4xx answer (try
// later) is not; both carry their code.
func TestRefusalsCarryTheirCode(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{Rcpt: func(n int, to string) error {
		if strings.HasPrefix(to, "nobody@") {
			return smtptest.Reply(550, "No such user here")
		}
		if n == 2 {
			return smtptest.Reply(451, "Try again later")
		}
		return nil
	}})
	m := newMailer(t, srv, mailer.None, "", "")
	nobody := hello
	nobody.To = "nobody@example.org"
	err := m.Send(context.Background(), nobody)
	if !mailer.Permanent(err) || mailer.Code(err) != 550 {
		t.Errorf("unknown recipient: %v (code %d)", err, mailer.Code(err))
	}
	err = m.Send(context.Background(), hello)
	if err == nil || mailer.Permanent(err) || mailer.Code(err) != 451 {
		t.Errorf("try later: %v (code %d)", err, mailer.Code(err))
	}
	if err := m.Send(context.Background(), hello); err != nil || len(srv.Messages()) != 1 {
		t.Errorf("third try: %v, %d messages", err, len(srv.Messages()))
	}
	// An address that does not parse fails for good, before any server
	// is asked.
	bad := hello
	bad.To = "mal@example.org\r\nBcc: x@evil.test"
	if err := m.Send(context.Background(), bad); !mailer.Permanent(err) || len(srv.Messages()) != 1 {
		t.Errorf("an address that does not parse: %v (permanent %v), %d messages", err, mailer.Permanent(err), len(srv.Messages()))
	}
	// Nobody listening: not permanent, no code.
	gone := mailer.Config{Host: "127.0.0.1", Port: 1, Security: mailer.None, From: "desk@example.org"}
	gm, err := mailer.New(gone)
	if err != nil {
		t.Fatal(err)
	}
	if err := gm.Send(context.Background(), hello); err == nil || mailer.Permanent(err) || mailer.Code(err) != 0 {
		t.Errorf("nobody listening: %v", err)
	}
}

func TestConfigCheck(t *testing.T) {
	ok := mailer.Config{Host: "smtp.example.org", Port: 587, Security: mailer.STARTTLS, From: "Desk <desk@example.org>"}
	if err := ok.Check(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		change func(*mailer.Config)
		want   string
	}{
		{func(c *mailer.Config) { c.Host = " " }, "host: is required"},
		{func(c *mailer.Config) { c.Port = 0 }, "port: must be between 1 and 65535, not 0"},
		{func(c *mailer.Config) { c.Port = 70000 }, "port: must be between 1 and 65535, not 70000"},
		{func(c *mailer.Config) { c.Security = "ssl" }, `security: "ssl" is not starttls, tls or none`},
		{func(c *mailer.Config) { c.Password = "x" }, "password: is set without a user"},
		{func(c *mailer.Config) { c.From = "desk" }, `from: "desk" is not an e-mail address like Newsroom <desk@example.org>`},
	} {
		c := ok
		tc.change(&c)
		if err := c.Check(); err == nil || err.Error() != tc.want {
			t.Errorf("%+v: %v, want %q", c, err, tc.want)
		}
		if _, err := mailer.New(c); err == nil {
			t.Errorf("New took %+v", c)
		}
	}
	for in, want := range map[string]mailer.Security{"STARTTLS": mailer.STARTTLS, " tls": mailer.TLS, "none": mailer.None} {
		if got, err := mailer.ParseSecurity(in); err != nil || got != want {
			t.Errorf("ParseSecurity(%q) = %q %v", in, got, err)
		}
	}
}
