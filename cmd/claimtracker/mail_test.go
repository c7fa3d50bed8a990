package main

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimtracker/mailer/smtptest"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// serve with --smtp-host sends a notification's e-mail through the SMTP
// server, from the background jobs, with the link built from --base-url:
// a claim assigned through the API reaches its assignee, who opted in.
func TestServeSendsNotificationMail(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{})
	db := filepath.Join(t.TempDir(), "ct.db")
	for _, u := range []struct{ email, name, role string }{{"ann@example.org", "Ann Admin", "admin"}, {"ed@example.org", "Ed Itor", "editor"}} {
		if _, err := runCmd(t, modelstest.Password+"\n", "user", "add", "--db", db, "--email", u.email, "--name", u.name, "--role", u.role, "--password-stdin"); err != nil {
			t.Fatal(err)
		}
	}
	o, err := runCmd(t, "", "token", "create", "--db", db, "--email", "ann@example.org", "--name", "CMS")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(o, "\n"), "\n")
	token := lines[len(lines)-1]
	s, err := models.Open(context.Background(), db, models.Config{MailEnabled: true})
	if err != nil {
		t.Fatal(err)
	}
	ed, err := s.UserByEmail(context.Background(), "ed@example.org")
	if err == nil {
		_, err = s.SetEmailNotifications(context.Background(), ed, models.Meta{}, true)
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}

	base, _, _ := startServe(t, "--db", db, "--base-url", "https://facts.example.org", "--smtp-host", srv.Host, "--smtp-port", strconv.Itoa(srv.Port),
		"--smtp-security", "none", "--mail-from", "Desk <desk@example.org>")
	body := fmt.Sprintf(`{"text":"The bridge opens in May","summary":"The bridge opens in May","speaker":"The Mayor","assignee_id":%d}`, ed.ID)
	req, _ := http.NewRequest("POST", base+"/api/v1/claims", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	created, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 201 {
		t.Fatalf("create: %d %s", res.StatusCode, created)
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(srv.Messages()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || len(msgs[0].To) != 1 || msgs[0].To[0] != "ed@example.org" || msgs[0].From != "desk@example.org" {
		t.Fatalf("messages %+v", msgs)
	}
	h, _ := msgs[0].Header()
	subject, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	text, _ := msgs[0].Part("text/plain")
	if subject != "Assigned to you: The bridge opens in May" || !strings.Contains(text, "Ann Admin assigned “The bridge opens in May” to you.") ||
		!strings.Contains(text, "https://facts.example.org/desk/claims/1\r\n") {
		t.Errorf("subject %q, body:\n%s", subject, text)
	}
}
