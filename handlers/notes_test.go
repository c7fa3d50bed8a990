package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The notes API: anyone with a token reads a claim's notes, oldest first,
// and adds one (201) that mentions colleagues by handle; an empty, long or
// ambiguous note is refused by name (422), an oversize request is a 413,
// a claim that does not exist a 404, no token a 401; nothing refused is
// stored.
func TestAPINotes(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.draft(t, asAuthor, "A draft to discuss")
			path := apiPath("/claims/%d/notes", c.ID)
			apiExpect(t, "no notes yet", e.call(t, asEditor, "GET", path, ""), 200, map[string]any{"notes.#": 0})

			first := e.must(t, 201, asEditor, "POST", path, `{"body":"Can @reviewer check the **transcript**? And @nobody."}`)
			apiExpect(t, "a note", first, 201, map[string]any{
				"id": apiID, "claim_id": c.ID, "author_id": e.users[asEditor].ID, "author": "Test editor",
				"body": "Can @reviewer check the **transcript**? And @nobody.", "created_at": apiStamp,
				"mentions.#": 1, "mentions.0.user_id": e.users[asReviewer].ID, "mentions.0.handle": "reviewer", "mentions.0.name": "Test reviewer",
			})
			e.must(t, 201, asReviewer, "POST", path, `{"body":"Done."}`)
			list := e.must(t, 200, asAdmin, "GET", path, "")
			apiExpect(t, "the thread", list, 200, map[string]any{"notes.#": 2, "notes.0.id": first.id(t, "id"), "notes.1.body": "Done.", "notes.1.mentions": []any{}})

			modelstest.User(t, e.store, "reviewer@elsewhere.example", models.RoleEditor)
			for _, tc := range []struct {
				name, body string
				status     int
				want       map[string]any
			}{
				{"an empty note", `{"body":"  "}`, 422, apiInvalid("body", "is required")},
				{"no body", `{}`, 422, apiInvalid("body", "is required")},
				{"a long note", fmt.Sprintf(`{"body":%q}`, strings.Repeat("x", models.MaxNoteBody+1)), 422, apiInvalid("body", "must be at most 10000 characters")},
				{"an ambiguous mention", `{"body":"Over to @reviewer"}`, 422, apiInvalid("body",
					"mentions @reviewer, which names more than one colleague (reviewer@elsewhere.example, reviewer@example.org): name them in words instead")},
				{"a number", `{"body":12}`, 422, apiInvalid("body", "must be a string")},
				{"another field", `{"body":"Hi","public":true}`, 422, apiInvalid("public", "is not a known field")},
				{"an oversize request", fmt.Sprintf(`{"body":%q}`, strings.Repeat("x", handlers.MaxBodyBytes)), 413, nil},
			} {
				before := e.auditCount(t)
				apiExpect(t, tc.name, e.call(t, asEditor, "POST", path, tc.body), tc.status, tc.want)
				if e.auditCount(t) != before {
					t.Errorf("%s: a refused note changed something", tc.name)
				}
			}
			apiExpect(t, "nothing refused was stored", e.call(t, asEditor, "GET", path, ""), 200, map[string]any{"notes.#": 2})
			apiExpect(t, "a note on no claim", e.call(t, asEditor, "POST", apiPath("/claims/99999/notes"), `{"body":"Lost"}`), 404, nil)
			apiExpect(t, "notes of no claim", e.call(t, asEditor, "GET", apiPath("/claims/99999/notes"), ""), 404, nil)
			apiExpect(t, "no token", e.call(t, asNone, "POST", path, `{"body":"Hi"}`), 401, nil)
			apiExpect(t, "no token", e.call(t, asNone, "GET", path, ""), 401, nil)
		})
	}
}

// The desk claim page shows a claim's notes, oldest first, with their
// mentions as names, and adds one (303 back to the notes); a refused note
// comes back beside its field with what was typed. Notes go with their
// claim.
func TestDeskNotes(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			page := e.page(t, e.rev, path, http.StatusOK)
			mustContain(t, "claim page", page, `<form class="form note-form" method="post" action="`+path+`/notes#notes" data-draft="claim:`+idStr(id)+`:note:new">`, "No notes yet.", "(you are \u2068@rev\u2069)")
			e.mustPost(t, e.rev, path+"/notes", url.Values{"body": {"@ed the **transcript** says otherwise; cc @nobody"}}, http.StatusSeeOther, path+"?done=note-added#notes")
			e.mustPost(t, e.ed, path+"/notes", url.Values{"body": {"Thanks, @REV."}}, http.StatusSeeOther, path+"?done=note-added#notes")
			page = e.page(t, e.admin, path+"?done=note-added", http.StatusOK)
			got := texts(doc(t, page).Find("#notes .note"))
			if len(got) != 2 || !strings.HasPrefix(got[0], "Test rev") || !strings.Contains(got[0], "@Test ed the transcript says otherwise; cc @nobody") ||
				!strings.Contains(got[1], "Thanks, @Test rev.") {
				t.Errorf("thread: %q", got)
			}
			mustContain(t, "thread", page, "Note added.", `<mark class="mention"><bdi>@Test ed</bdi></mark>`, "<strong>transcript</strong>")

			long := strings.Repeat("y", models.MaxNoteBody+1)
			for _, body := range []string{"", long} {
				r := e.post(t, e.ed, path+"/notes", url.Values{"body": {body}})
				if r.status != http.StatusUnprocessableEntity {
					t.Fatalf("refused note: %d", r.status)
				}
				if !strings.Contains(r.body, `id="e-note-body"`) {
					t.Errorf("no error beside the note field:\n%s", errorsIn(r.body))
				}
				if body != "" && !strings.Contains(r.body, ">"+long+"</textarea>") {
					t.Error("the refused note's text is not kept")
				}
			}
			if n, _ := e.store.ClaimNotes(t.Context(), id); len(n) != 2 {
				t.Errorf("%d notes after refusals", len(n))
			}
			e.mustPost(t, e.ed, path+"/delete", url.Values{"confirm": {"true"}, "revision": {"1"}}, http.StatusSeeOther, "/desk/claims?done=claim-deleted")
			if _, err := e.store.ClaimNotes(t.Context(), id); err == nil {
				t.Error("the deleted claim still has notes")
			}
		})
	}
}

// No public page, feed, sitemap, ClaimReview, search or public API shows a
// claim's notes or its triage: every public GET route of the server is
// read (its parameters filled with the claim's, its speaker's, and the
// sitemap's parts), in three interface languages, and searched for a
// note's unique words, the due day and the triage fields' names.
func TestNotesAndTriageNeverPublic(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.publish(t, id)
			draft := e.created(t, e.ed, "/desk/claims", with(claimForm(), "summary", "A draft with notes"))
			const marker = "Quillwort7Zephyrine"
			for _, c := range []uint{id, draft} {
				e.mustPost(t, e.ed, claimPath(c)+"/notes", url.Values{"body": {marker + " is our internal code name, @rev."}}, http.StatusSeeOther, "")
			}
			cl, err := e.store.GetClaim(t.Context(), id)
			if err != nil {
				t.Fatal(err)
			}
			e.mustPost(t, e.ed, claimPath(id)+"/triage", url.Values{"revision": {idStr(uint(cl.Revision))}, "assignee_id": {idStr(e.revUser.ID)},
				"due_on": {"2031-07-19"}, "priority": {"urgent"}}, http.StatusSeeOther, "")
			if desk := e.page(t, e.ed, claimPath(id), http.StatusOK); !strings.Contains(desk, marker) || !strings.Contains(desk, "19 Jul 2031") {
				t.Fatal("the desk does not show the note and due day: the test proves nothing")
			}
			secrets := []string{marker, strings.ToLower(marker), "2031", "٢٠٣١", "assignee", "due_on", `"priority"`, "note_"}

			pub := e.client(t)
			slugOf := func(path string) string {
				if strings.HasPrefix(path, "/people/") {
					return cl.Person.Slug
				}
				return cl.Slug
			}
			// A sitemap this small has no parts; these are the names a
			// larger one gives them.
			parts := []string{"claims-1.xml", "pages.xml"}
			checked := 0
			for _, rt := range e.echo.Routes() {
				p := rt.Path
				if rt.Method != http.MethodGet || rt.Method == "echo_route_not_found" || strings.HasPrefix(p, "/desk") || strings.HasPrefix(p, "/admin") ||
					strings.HasPrefix(p, "/account") || strings.HasPrefix(p, "/static") || strings.HasPrefix(p, "/api/v1/") && !strings.HasPrefix(p, "/api/v1/public/") {
					continue
				}
				var paths []string
				switch {
				case strings.Contains(p, ":slug"):
					paths = []string{strings.Replace(p, ":slug", slugOf(p), 1)}
				case strings.Contains(p, ":name"):
					for _, part := range parts {
						paths = append(paths, strings.Replace(p, ":name", part, 1))
					}
				case strings.Contains(p, ":sha256"):
					paths = []string{strings.Replace(p, ":sha256", strings.Repeat("a", 64), 1)}
				case strings.Contains(p, ":") || strings.Contains(p, "*"):
					t.Errorf("public route %s: no value for its parameter in this test", p)
					continue
				default:
					paths = []string{p}
				}
				if p == "/search" || p == "/api/v1/public/claims" || p == "/" {
					// Search pages repeat the query: the note's other words.
					paths = append(paths, p+"?q=internal+code+name", p+"?q=sessions")
				}
				for _, path := range paths {
					for _, lang := range []string{"en", "fr", "ar"} {
						sep := "?"
						if strings.Contains(path, "?") {
							sep = "&"
						}
						r := e.get(t, pub, path+sep+"lang="+lang)
						for _, s := range secrets {
							if strings.Contains(r.body, s) {
								t.Errorf("GET %s (%s, %d) shows %q", path, lang, r.status, s)
							}
						}
					}
				}
				checked++
			}
			for _, path := range []string{"/search?q=internal+code+name", "/api/v1/public/claims?q=internal+code+name"} {
				if r := e.get(t, pub, path); r.status != http.StatusOK || strings.Contains(r.body, cl.Slug) {
					t.Errorf("GET %s: %d, finds the claim by its note's words", path, r.status)
				}
			}
			if r := e.get(t, pub, "/search?q=sessions"); !strings.Contains(r.body, cl.Slug) {
				t.Error("public search does not find the claim by its own words: the test proves nothing")
			}
			if checked < 15 {
				t.Errorf("only %d public routes checked", checked)
			}
		})
	}
}
