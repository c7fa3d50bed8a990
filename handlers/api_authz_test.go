package handlers_test

import (
	"cmp"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"claimtracker/media/mediatest"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// apiAccess is what one API route answers each caller. Every API route the
// server has must appear here at least once, so that a new route cannot slip
// in without its access being declared and checked.
type apiAccess struct {
	route string // the route as registered: "METHOD /api/v1/path/:param"
	note  string // which variant of the route, when it has several
	// setup makes fresh objects for one call by who and returns the path
	// and body to send.
	setup func(t *testing.T, e *apiEnv, who string) (path, body string)
	// The answer for each caller; none (no token) is 401 when left zero.
	none, editor, reviewer, admin int
	// ctype is the body's Content-Type; JSON when empty.
	ctype string
}

// apiFixed sends the same path and body every time.
func apiFixed(path, body string) func(*testing.T, *apiEnv, string) (string, string) {
	return func(*testing.T, *apiEnv, string) (string, string) { return path, body }
}

// apiOwner is who, or the author when there is no caller to own things.
func apiOwner(who string) string {
	if who == asNone {
		return asAuthor
	}
	return who
}

var apiAccessTable = []apiAccess{
	{route: "GET /api/v1/me", setup: apiFixed("/api/v1/me", ""), editor: 200, reviewer: 200, admin: 200},
	{route: "GET /api/v1/notifications", setup: apiFixed("/api/v1/notifications?unread=1", ""), editor: 200, reviewer: 200, admin: 200},
	{route: "POST /api/v1/notifications/read", note: "all", setup: apiFixed("/api/v1/notifications/read", `{"all":true}`), editor: 200, reviewer: 200, admin: 200},
	{route: "POST /api/v1/notifications/read", note: "one's own", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			to := who
			if who == asNone {
				to = asEditor
			}
			return "/api/v1/notifications/read", fmt.Sprintf(`{"ids":[%d]}`, e.notification(t, asAuthor, to))
		}},
	{route: "POST /api/v1/notifications/read", note: "someone else's", editor: 404, reviewer: 404, admin: 404,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return "/api/v1/notifications/read", fmt.Sprintf(`{"ids":[%d]}`, e.notification(t, asEditor, asAuthor))
		}},
	{route: "POST /api/v1/articles", editor: 201, reviewer: 201, admin: 201,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			// Each caller logs an article of its own: the same address twice is a 409.
			return "/api/v1/articles", fmt.Sprintf(`{"url":"https://example.org/a/%s","title":"A","text":"Some text."}`, who)
		}},
	{route: "DELETE /api/v1/articles/:id", note: "one's own article", editor: 204, reviewer: 204, admin: 204,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			return apiPath("/articles/%d", e.article(t, apiOwner(who), "An article").ID), ""
		}},
	{route: "DELETE /api/v1/articles/:id", note: "someone else's article", editor: 403, reviewer: 403, admin: 204,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/articles/%d", e.article(t, asAuthor, "Someone else's article").ID), ""
		}},
	{route: "GET /api/v1/claims", setup: apiFixed("/api/v1/claims", ""), editor: 200, reviewer: 200, admin: 200},
	{route: "POST /api/v1/claims", setup: apiFixed("/api/v1/claims", `{"text":"Some words","summary":"Some words","speaker":"Pat Speaker"}`),
		editor: 201, reviewer: 201, admin: 201},
	{route: "GET /api/v1/claims/:id", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d", e.draft(t, asAuthor, "Someone else's draft").ID), ""
		}},
	{route: "PATCH /api/v1/claims/:id", note: "someone else's draft", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d", e.draft(t, asAuthor, "Someone else's draft").ID), `{"setting":"A rally"}`
		}},
	{route: "DELETE /api/v1/claims/:id", note: "one's own draft", editor: 204, reviewer: 204, admin: 204,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			return apiPath("/claims/%d", e.draft(t, apiOwner(who), "One's own draft").ID), ""
		}},
	{route: "DELETE /api/v1/claims/:id", note: "someone else's draft", editor: 403, reviewer: 403, admin: 204,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d", e.draft(t, asAuthor, "Someone else's draft").ID), ""
		}},
	{route: "GET /api/v1/claims/:id/history", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/history", e.published(t, "A published claim").ID), ""
		}},
	{route: "GET /api/v1/claims/:id/notes", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/notes", e.draft(t, asAuthor, "Someone else's draft").ID), ""
		}},
	{route: "POST /api/v1/claims/:id/notes", editor: 201, reviewer: 201, admin: 201,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/notes", e.published(t, "A published claim").ID), `{"body":"Worth a second look."}`
		}},
	{route: "POST /api/v1/claims/:id/sources", editor: 201, reviewer: 201, admin: 201,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/sources", e.draft(t, asAuthor, "A draft").ID), `{"url":"https://example.org/s","title":"S","kind":"other","stance":"context"}`
		}},
	{route: "POST /api/v1/claims/:id/verdicts", editor: 201, reviewer: 201, admin: 201,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/verdicts", e.draft(t, asAuthor, "A draft").ID), `{"rating":"true","headline":"H","explanation":"E"}`
		}},
	{route: "POST /api/v1/claims/:id/corrections", editor: 201, reviewer: 201, admin: 201,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/corrections", e.published(t, "A published claim").ID), `{"kind":"correction","note":"Fixed a name."}`
		}},
	{route: "POST /api/v1/claims/:id/retract", editor: 403, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/retract", e.published(t, "A published claim").ID), `{"note":"Withdrawn."}`
		}},
	{route: "GET /api/v1/claims/:id/updates", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/updates", e.openUpdate(t, "A published claim").ClaimID), ""
		}},
	{route: "POST /api/v1/claims/:id/updates", editor: 201, reviewer: 201, admin: 201,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/updates", e.published(t, "A published claim").ID), ""
		}},
	{route: "GET /api/v1/claims/:id/versions", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/claims/%d/versions", e.published(t, "A published claim").ID), ""
		}},
	{route: "GET /api/v1/updates/:id", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/updates/%d", e.openUpdate(t, "A published claim").ID), ""
		}},
	{route: "PATCH /api/v1/updates/:id", note: "the author's update", editor: 403, reviewer: 403, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/updates/%d", e.openUpdate(t, "A published claim").ID), `{"setting":"A rally"}`
		}},
	{route: "DELETE /api/v1/updates/:id", note: "the author's update", editor: 403, reviewer: 403, admin: 204,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/updates/%d", e.openUpdate(t, "A published claim").ID), ""
		}},
	{route: "POST /api/v1/updates/:id/submit", note: "the author's update", editor: 403, reviewer: 403, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			u := e.openUpdate(t, "A published claim")
			if _, err := e.store.SaveUpdate(e.ctx(), e.users[asAuthor], models.Meta{}, u.ID, models.UpdatePatch{Setting: new("A rally"), Note: new("We added the setting.")}); err != nil {
				t.Fatal(err)
			}
			return apiPath("/updates/%d/submit", u.ID), ""
		}},
	{route: "GET /api/v1/sources/:id", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/sources/%d", e.source(t, e.draft(t, asAuthor, "A draft").ID).ID), ""
		}},
	{route: "PATCH /api/v1/sources/:id", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/sources/%d", e.source(t, e.draft(t, asAuthor, "A draft").ID).ID), `{"locator":"p. 4"}`
		}},
	{route: "DELETE /api/v1/sources/:id", editor: 204, reviewer: 204, admin: 204,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/sources/%d", e.source(t, e.draft(t, asAuthor, "A draft").ID).ID), ""
		}},
	{route: "GET /api/v1/sources/:id/files", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/sources/%d/files", e.source(t, e.draft(t, asAuthor, "A draft").ID).ID), ""
		}},
	{route: "POST /api/v1/sources/:id/files", editor: 201, reviewer: 201, admin: 201, ctype: "multipart/form-data; boundary=claimtracker-test-boundary",
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			body, _ := multipartBody(t, nil, "shot.png", mediatest.PNG())
			return apiPath("/sources/%d/files", e.source(t, e.draft(t, asAuthor, "A draft").ID).ID), body
		}},
	{route: "DELETE /api/v1/files/:id", editor: 204, reviewer: 204, admin: 204,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			src := e.source(t, e.draft(t, asAuthor, "A draft").ID)
			f, err := e.store.AttachSourceFile(e.ctx(), e.users[asAuthor], models.Meta{}, src.ID, "a.png", mediatest.PNG())
			if err != nil {
				t.Fatal(err)
			}
			return apiPath("/files/%d", f.ID), ""
		}},
	{route: "GET /api/v1/verdicts/:id", note: "someone else's verdict", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/verdicts/%d", e.verdict(t, asAuthor, e.draft(t, asAuthor, "A draft").ID).ID), ""
		}},
	{route: "PATCH /api/v1/verdicts/:id", note: "one's own verdict", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			return apiPath("/verdicts/%d", e.verdict(t, apiOwner(who), e.draft(t, apiOwner(who), "A draft").ID).ID), `{"headline":"Revised"}`
		}},
	{route: "PATCH /api/v1/verdicts/:id", note: "someone else's verdict", editor: 403, reviewer: 403, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/verdicts/%d", e.verdict(t, asAuthor, e.draft(t, asAuthor, "A draft").ID).ID), `{"headline":"Revised"}`
		}},
	{route: "POST /api/v1/verdicts/:id/reviews", note: "someone else's verdict", editor: 403, reviewer: 201, admin: 201,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/verdicts/%d/reviews", e.verdict(t, asAuthor, e.draft(t, asAuthor, "A draft").ID).ID), `{"decision":"approve","version":1}`
		}},
	{route: "POST /api/v1/verdicts/:id/reviews", note: "one's own verdict", editor: 403, reviewer: 403, admin: 403,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			return apiPath("/verdicts/%d/reviews", e.verdict(t, apiOwner(who), e.draft(t, apiOwner(who), "A draft").ID).ID), `{"decision":"approve","version":1}`
		}},
	{route: "GET /api/v1/ratings", setup: apiFixed("/api/v1/ratings", ""), editor: 200, reviewer: 200, admin: 200},
	{route: "POST /api/v1/ratings", editor: 403, reviewer: 403, admin: 201,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			return "/api/v1/ratings", fmt.Sprintf(`{"label":"New rating by %s","position":9}`, who)
		}},
	{route: "GET /api/v1/ratings/:slug", setup: apiFixed("/api/v1/ratings/unproven", ""), editor: 200, reviewer: 200, admin: 200},
	{route: "PATCH /api/v1/ratings/:slug", setup: apiFixed("/api/v1/ratings/unproven", `{"description":"We cannot tell."}`),
		editor: 403, reviewer: 403, admin: 200},
	{route: "GET /api/v1/webhooks", setup: apiFixed("/api/v1/webhooks", ""), editor: 403, reviewer: 403, admin: 200},
	{route: "POST /api/v1/webhooks", setup: apiFixed("/api/v1/webhooks", `{"url":"https://hooks.example.org/in","events":["claim.published"]}`),
		editor: 403, reviewer: 403, admin: 201},
	{route: "GET /api/v1/webhooks/:id", editor: 403, reviewer: 403, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/webhooks/%d", e.webhook(t).ID), ""
		}},
	{route: "DELETE /api/v1/webhooks/:id", editor: 403, reviewer: 403, admin: 204,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/webhooks/%d", e.webhook(t).ID), ""
		}},
	{route: "GET /api/v1/webhooks/:id/deliveries", editor: 403, reviewer: 403, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return apiPath("/webhooks/%d/deliveries", e.webhook(t).ID), ""
		}},
	{route: "GET /api/v1/people", setup: apiFixed("/api/v1/people?q=speaker", ""), editor: 200, reviewer: 200, admin: 200},
	{route: "GET /api/v1/people/:id", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			return apiPath("/people/%d", e.speaker(t, "Shown to "+who).ID), ""
		}},
	{route: "PATCH /api/v1/people/:id", editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			return apiPath("/people/%d", e.speaker(t, "Edited by "+who).ID), `{"title":"Finance minister"}`
		}},
	{route: "DELETE /api/v1/people/:id", editor: 403, reviewer: 204, admin: 204,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			return apiPath("/people/%d", e.speaker(t, "Deleted by "+who).ID), ""
		}},
	{route: "POST /api/v1/people/:id/merge", editor: 403, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, who string) (string, string) {
			from, into := e.speaker(t, "Merged by "+who), e.speaker(t, "Kept by "+who)
			return apiPath("/people/%d/merge", from.ID), fmt.Sprintf(`{"into":%d}`, into.ID)
		}},

	// The public API needs no token.
	{route: "GET /api/v1/public/claims", setup: apiFixed("/api/v1/public/claims", ""), none: 200, editor: 200, reviewer: 200, admin: 200},
	{route: "GET /api/v1/public/claims/:slug", note: "a published claim", none: 200, editor: 200, reviewer: 200, admin: 200,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return "/api/v1/public/claims/" + e.published(t, "A published claim").Slug, ""
		}},
	{route: "GET /api/v1/public/claims/:slug", note: "a draft", none: 404, editor: 404, reviewer: 404, admin: 404,
		setup: func(t *testing.T, e *apiEnv, _ string) (string, string) {
			return "/api/v1/public/claims/" + e.draft(t, asAuthor, "A draft").Slug, ""
		}},
}

func TestAPIAuthorizationMatrix(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			declared := map[string]bool{}
			for _, a := range apiAccessTable {
				declared[a.route] = true
			}
			registered := map[string]bool{}
			for _, rt := range e.echo.Routes() {
				if rt.Method == "echo_route_not_found" || !strings.HasPrefix(rt.Path, "/api/v1/") {
					continue
				}
				key := rt.Method + " " + rt.Path
				if rt.Method == http.MethodHead {
					// HEAD answers as GET does, with GET's access.
					key = http.MethodGet + " " + rt.Path
				}
				registered[key] = true
				if !declared[key] {
					t.Errorf("route %s has no declared access in this test", key)
				}
			}
			for key := range declared {
				if !registered[key] {
					t.Errorf("the table declares %s, which the server does not have", key)
				}
			}

			unauthorized := apiFail("unauthorized", "A valid API token or session is required.")
			forbidden := apiFail("forbidden", "Your account may not do this.")
			for _, a := range apiAccessTable {
				method, _, _ := strings.Cut(a.route, " ")
				want := map[string]int{asNone: cmp.Or(a.none, http.StatusUnauthorized), asEditor: a.editor, asReviewer: a.reviewer, asAdmin: a.admin}
				for _, who := range []string{asNone, asEditor, asReviewer, asAdmin} {
					path, body := a.setup(t, e, who)
					what := fmt.Sprintf("%s (%s) as %s", a.route, a.note, who)
					before := e.auditCount(t)
					r := e.call(t, who, method, path, body)
					if a.ctype != "" {
						r = e.send(t, who, method, path, strings.NewReader(body), a.ctype)
					}
					switch want[who] {
					case http.StatusUnauthorized:
						apiExpect(t, what, r, want[who], unauthorized)
					case http.StatusForbidden:
						apiExpect(t, what, r, want[who], forbidden)
					default:
						apiExpect(t, what, r, want[who], nil)
						continue
					}
					if after := e.auditCount(t); after != before {
						t.Errorf("%s: a refused request wrote %d audit events", what, after-before)
					}
				}
			}
		})
	}
}
