package handlers_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// assignTo logs a claim summed up as summary by the store user by,
// assigned to the user to, and returns it.
func assignTo(t *testing.T, s *models.Store, by, to *models.User, summary string) *models.Claim {
	t.Helper()
	c, err := s.CreateClaim(context.Background(), by, models.Meta{}, models.ClaimInput{
		Text: "The words " + summary, Summary: summary, Speaker: "Pat Speaker", AssigneeID: to.ID,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// inboxBadge is the navigation's link to the inbox with its count.
func inboxBadge(n int, words string, current bool) string {
	cur := ""
	if current {
		cur = ` aria-current="page"`
	}
	return fmt.Sprintf(`<a href="/desk/inbox"%s>Inbox <span class="nav-badge"><span aria-hidden="true">%d</span><span class="sr-only">(%s)</span></span></a>`, cur, n, words)
}

// The inbox lists a person's notifications, newest first, the unread
// ones marked, each a sentence that opens its claim; opening one marks it
// read and goes to the claim; "mark all read" clears the rest. The
// navigation counts the unread ones. Nobody reads or marks another's
// notifications. It pages by 50.
func TestDeskInbox(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			ctx := context.Background()
			bridge := assignTo(t, e.store, e.edUser, e.revUser, "The bridge opens in May")
			if _, err := e.store.AddNote(ctx, e.edUser, models.Meta{}, bridge.ID, models.NoteInput{Body: "@rev the minutes say June"}); err != nil {
				t.Fatal(err)
			}
			items, err := e.store.Inbox(ctx, e.revUser, models.InboxFilter{})
			if err != nil || len(items) != 2 {
				t.Fatalf("inbox %+v %v", items, err)
			}
			mention, assignment := items[0], items[1]

			desk := e.page(t, e.rev, "/desk", http.StatusOK)
			mustContain(t, "the badge", desk, inboxBadge(2, "2 unread notifications", false))
			page := e.page(t, e.rev, "/desk/inbox", http.StatusOK)
			mustContain(t, "the inbox", page,
				`<a href="/desk/inbox" aria-current="page">Inbox`,
				`<form method="post" action="/desk/inbox/`+idStr(mention.ID)+`/read" class="row-main"><button class="inbox-open" type="submit"><span class="pill new">New</span> <bdi>Test ed</bdi> mentioned you in a note on <bdi class="inbox-claim">The bridge opens in May</bdi>.</button>`,
				`<form method="post" action="/desk/inbox/`+idStr(assignment.ID)+`/read" class="row-main"><button class="inbox-open" type="submit"><span class="pill new">New</span> <bdi>Test ed</bdi> assigned <bdi class="inbox-claim">The bridge opens in May</bdi> to you.</button>`,
				`<form method="post" action="/desk/inbox/read"><button class="btn secondary" type="submit">Mark all read</button></form>`)
			if strings.Index(page, "mentioned you") > strings.Index(page, "assigned <bdi") {
				t.Error("not newest first")
			}
			// Ed's inbox is empty; ed can neither open nor mark rev's.
			mustContain(t, "ed's inbox", e.page(t, e.ed, "/desk/inbox", http.StatusOK), "Nothing yet.")
			if r := e.post(t, e.ed, "/desk/inbox/"+idStr(mention.ID)+"/read", url.Values{}); r.status != http.StatusNotFound {
				t.Errorf("ed opens rev's notification: %d", r.status)
			}
			e.mustPost(t, e.ed, "/desk/inbox/read", url.Values{}, http.StatusSeeOther, "/desk/inbox?done=all-read")
			if n, _ := e.store.UnreadNotifications(ctx, e.revUser); n != 2 {
				t.Errorf("rev's unread %d after ed's marks, want 2", n)
			}
			if r := e.post(t, e.rev, "/desk/inbox/99999/read", url.Values{}); r.status != http.StatusNotFound {
				t.Errorf("no such notification: %d", r.status)
			}

			// Opening one marks it read and goes to the claim.
			e.mustPost(t, e.rev, "/desk/inbox/"+idStr(mention.ID)+"/read", url.Values{}, http.StatusSeeOther, claimPath(bridge.ID))
			page = e.page(t, e.rev, "/desk/inbox", http.StatusOK)
			mustContain(t, "one read", page, inboxBadge(1, "1 unread notification", true),
				`<li class="row-item"><form method="post" action="/desk/inbox/`+idStr(mention.ID)+`/read" class="row-main"><button class="inbox-open" type="submit"><bdi>Test ed</bdi> mentioned`,
				`<li class="row-item unread"><form method="post" action="/desk/inbox/`+idStr(assignment.ID)+`/read"`)
			unread := e.page(t, e.rev, "/desk/inbox?unread=1", http.StatusOK)
			if strings.Contains(unread, "mentioned you") || !strings.Contains(unread, "assigned <bdi") {
				t.Errorf("unread only lists:\n%s", unread)
			}
			// Mark all read.
			e.mustPost(t, e.rev, "/desk/inbox/read", url.Values{}, http.StatusSeeOther, "/desk/inbox?done=all-read")
			page = e.page(t, e.rev, "/desk/inbox?done=all-read", http.StatusOK)
			mustContain(t, "all read", page, "Every notification is marked read.")
			if strings.Contains(page, `class="nav-badge"><span aria-hidden="true">`) && strings.Contains(page, "unread notification") {
				t.Error("the badge stays after all were read")
			}
			mustContain(t, "nothing unread", e.page(t, e.rev, "/desk/inbox?unread=1", http.StatusOK), "You have read everything.")

			// Fifty more mentions: the inbox pages by fifty.
			for i := range 50 {
				if _, err := e.store.AddNote(ctx, e.edUser, models.Meta{}, bridge.ID, models.NoteInput{Body: fmt.Sprintf("@rev note %d", i)}); err != nil {
					t.Fatal(err)
				}
			}
			first := e.page(t, e.rev, "/desk/inbox", http.StatusOK)
			if n := strings.Count(first, `class="inbox-open"`); n != 50 {
				t.Errorf("first page lists %d", n)
			}
			mustContain(t, "first page", first, `<a class="btn secondary small" href="/desk/inbox?offset=50">Older →</a>`)
			second := e.page(t, e.rev, "/desk/inbox?offset=50", http.StatusOK)
			if n := strings.Count(second, `class="inbox-open"`); n != 2 {
				t.Errorf("second page lists %d, want 2", n)
			}
			mustContain(t, "second page", second, `<a class="btn secondary small" href="/desk/inbox">← Newer</a>`)
		})
	}
}

// The API lists the token's user's notifications (all, or ?unread=1) and
// marks theirs read by id or all at once; another's id is 404 and marks
// nothing; a body naming neither, or both, is 422.
func TestAPINotifications(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			first := e.notification(t, asAuthor, asReviewer)
			second := e.notification(t, asAuthor, asReviewer)
			theirs := e.notification(t, asAuthor, asEditor)
			list := e.must(t, 200, asReviewer, "GET", "/api/v1/notifications", "")
			apiExpect(t, "the list", list, 200, map[string]any{
				"notifications.#": 2, "unread": 2, "page": 1, "per_page": 50, "next_page": nil,
				"notifications.0.id": second, "notifications.0.kind": "assigned", "notifications.0.claim_summary": "Words to check",
				"notifications.0.actor_id": e.users[asAuthor].ID, "notifications.0.actor": "Test author",
				"notifications.0.created_at": apiStamp, "notifications.0.read_at": nil, "notifications.1.id": first,
			})
			apiExpect(t, "another's id", e.call(t, asReviewer, "POST", "/api/v1/notifications/read", fmt.Sprintf(`{"ids":[%d,%d]}`, first, theirs)), 404, nil)
			apiExpect(t, "nothing marked", e.call(t, asReviewer, "GET", "/api/v1/notifications?unread=1", ""), 200, map[string]any{"notifications.#": 2, "unread": 2})
			apiExpect(t, "mark one", e.call(t, asReviewer, "POST", "/api/v1/notifications/read", fmt.Sprintf(`{"ids":[%d]}`, first)), 200, map[string]any{"marked": 1, "unread": 1})
			apiExpect(t, "unread only", e.call(t, asReviewer, "GET", "/api/v1/notifications?unread=1", ""), 200, map[string]any{"notifications.#": 1, "notifications.0.id": second})
			apiExpect(t, "read one", e.call(t, asReviewer, "GET", "/api/v1/notifications", ""), 200, map[string]any{"notifications.1.read_at": apiStamp})
			apiExpect(t, "neither", e.call(t, asReviewer, "POST", "/api/v1/notifications/read", `{}`), 422, apiInvalid("ids", `give the ids to mark read, or "all": true`))
			apiExpect(t, "both", e.call(t, asReviewer, "POST", "/api/v1/notifications/read", fmt.Sprintf(`{"ids":[%d],"all":true}`, second)), 422, apiInvalid("all", `give either ids or "all", not both`))
			for _, ids := range []string{"-1", "0", "9223372036854775808", "18446744073709551615"} {
				apiExpect(t, "ids "+ids, e.call(t, asReviewer, "POST", "/api/v1/notifications/read", `{"ids":[`+ids+`]}`), 422, apiInvalid("ids", "must be a list of positive whole numbers"))
			}
			apiExpect(t, "a bad flag", e.call(t, asReviewer, "GET", "/api/v1/notifications?unread=yes", ""), 422, apiInvalid("unread", "must be 0 or 1"))
			apiExpect(t, "mark all", e.call(t, asReviewer, "POST", "/api/v1/notifications/read", `{"all":true}`), 200, map[string]any{"marked": 1, "unread": 0})
			apiExpect(t, "the editor's stays unread", e.call(t, asEditor, "GET", "/api/v1/notifications", ""), 200, map[string]any{"notifications.#": 1, "unread": 1})
		})
	}
}

// The account page turns e-mail notifications on and off where mail is
// set up; where it is not, it says so, the box is disabled, and turning
// it on anyway is refused (422) with nothing saved.
func TestAccountEmailNotifications(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			off := newDeskEnv(t, engine)
			page := off.page(t, off.ed, "/account", http.StatusOK)
			mustContain(t, "mail off", page, "E-mail is not set up on this site",
				`<input type="checkbox" id="f-email_notifications" disabled aria-describedby="email-off-hint">`)
			r := off.post(t, off.ed, "/account/email", url.Values{"email_notifications": {"true"}})
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `<div class="alert error" role="alert"><p>E-mail is not set up on this site`) {
				t.Errorf("opting in without mail: %d\n%s", r.status, errorsIn(r.body))
			}
			if u, _ := off.store.GetUser(context.Background(), off.edUser.ID); u.EmailNotifications {
				t.Error("saved without mail")
			}

			s := modelstest.Open(t, engine, models.Config{Logger: slog.New(slog.DiscardHandler), MailEnabled: true})
			on := &deskEnv{testServer: newServerOn(t, s)}
			ed, edUser := on.login(t, "ed@example.org", models.RoleEditor)
			page = on.page(t, ed, "/account", http.StatusOK)
			mustContain(t, "mail on", page, `<form method="post" action="/account/email">`,
				`<input type="checkbox" value="true" aria-describedby="h-f-email_notifications" id="f-email_notifications" name="email_notifications">`,
				"The e-mails go to ed@example.org")
			on.mustPost(t, ed, "/account/email", url.Values{"email_notifications": {"true"}}, http.StatusSeeOther, "/account?done=email-on#email")
			if u, _ := s.GetUser(context.Background(), edUser.ID); !u.EmailNotifications {
				t.Error("not saved")
			}
			mustContain(t, "ticked", on.page(t, ed, "/account?done=email-on", http.StatusOK), `<input type="checkbox" value="true" checked aria-describedby="h-f-email_notifications"`, "each notification is also sent to your e-mail address")
			on.mustPost(t, ed, "/account/email", url.Values{}, http.StatusSeeOther, "/account?done=email-off#email")
			if u, _ := s.GetUser(context.Background(), edUser.ID); u.EmailNotifications {
				t.Error("still on")
			}
		})
	}
}
