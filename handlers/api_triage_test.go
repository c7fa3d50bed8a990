package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The API sets a claim's assignee, due day and priority on creation and
// by PATCH, refuses bad ones by name (422) and stale ones (412) with
// nothing changed, changes them on a claim in review while its words stay
// fixed, and starts research on a draft; GET /me gives the caller's id,
// as assignee_id takes it.
func TestAPIClaimTriage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			rev := e.users[asReviewer]
			me := e.must(t, 200, asReviewer, "GET", "/api/v1/me", "")
			if me.id(t, "id") != rev.ID {
				t.Fatalf("me: %s", me.body)
			}
			body := func(extra string) string {
				return `{"text":"The tunnel opened in 2019","summary":"The tunnel opened in 2019","speaker":"Pat Speaker"` + extra + `}`
			}
			created := e.must(t, 201, asEditor, "POST", "/api/v1/claims", body(fmt.Sprintf(`,"assignee_id":%d,"due_on":"2031-07-19","priority":"high"`, me.id(t, "id"))))
			apiExpect(t, "created with triage", created, 201, map[string]any{"assignee_id": rev.ID, "due_on": "2031-07-19", "priority": "high", "status": "draft"})
			plain := e.must(t, 201, asEditor, "POST", "/api/v1/claims", body(""))
			apiExpect(t, "created without", plain, 201, map[string]any{"assignee_id": nil, "due_on": nil, "priority": "normal"})

			path := apiPath("/claims/%d", created.id(t, "id"))
			off := modelstest.User(t, e.store, "gone@example.org", models.RoleEditor)
			if _, err := e.store.UpdateUser(e.ctx(), e.users[asAdmin], models.Meta{}, off.ID, models.UserChange{Disabled: new(true)}); err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				name, body, field, why string
			}{
				{"an unknown assignee", `{"assignee_id":99999}`, "assignee_id", "must be an active colleague's account"},
				{"a disabled assignee", fmt.Sprintf(`{"assignee_id":%d}`, off.ID), "assignee_id", "must be an active colleague's account"},
				{"an assignee by name", `{"assignee_id":"rev"}`, "assignee_id", "must be a positive whole number, or null for none"},
				{"assignee 0", `{"assignee_id":0}`, "assignee_id", "must be a positive whole number, or null for none"},
				{"a due day in words", `{"due_on":"next week"}`, "due_on", "must be a date like 2017-01-10"},
				{"a due day as a number", `{"due_on":20310719}`, "due_on", "must be a string"},
				{"an unknown priority", `{"priority":"asap"}`, "priority", "must be low, normal, high or urgent"},
				{"a stage set by hand", `{"status":"in_review"}`, "status", "must be researching: a claim goes to review with a verdict"},
			} {
				for _, p := range []string{"/api/v1/claims", path} {
					method, b := "PATCH", tc.body
					if p == "/api/v1/claims" {
						if tc.field == "status" {
							continue // not a field of a new claim
						}
						method, b = "POST", body(","+tc.body[1:len(tc.body)-1])
					}
					before := e.auditCount(t)
					apiExpect(t, method+" "+tc.name, e.call(t, asEditor, method, p, b), 422, apiInvalid(tc.field, tc.why))
					if after := e.auditCount(t); after != before {
						t.Errorf("%s %s: a refused request changed something", method, tc.name)
					}
				}
			}

			cur := e.must(t, 200, asEditor, "GET", path, "")
			etag := cur.header.Get("ETag")
			upd := e.do(t, e.http, "PATCH", path, strings.NewReader(`{"assignee_id":null,"due_on":"","priority":"urgent"}`),
				map[string]string{"Authorization": "Bearer " + e.tokens[asEditor], "Content-Type": "application/json", "If-Match": etag})
			if upd.status != 200 {
				t.Fatalf("unassign: %d %s", upd.status, upd.body)
			}
			got := e.must(t, 200, asEditor, "GET", path, "")
			apiExpect(t, "unassigned", got, 200, map[string]any{"assignee_id": nil, "due_on": nil, "priority": "urgent"})
			// The same If-Match again is stale: nothing changes.
			stale := e.do(t, e.http, "PATCH", path, strings.NewReader(fmt.Sprintf(`{"assignee_id":%d}`, rev.ID)),
				map[string]string{"Authorization": "Bearer " + e.tokens[asEditor], "Content-Type": "application/json", "If-Match": etag})
			if stale.status != http.StatusPreconditionFailed {
				t.Errorf("stale reassignment: %d %s", stale.status, stale.body)
			}
			apiExpect(t, "after the stale write", e.must(t, 200, asEditor, "GET", path, ""), 200, map[string]any{"assignee_id": nil, "revision": got.at(t, "revision").json})

			// Research, then review: the words are fixed, the triage is not.
			apiExpect(t, "start research", e.call(t, asEditor, "PATCH", path, `{"status":"researching"}`), 200, map[string]any{"status": "researching"})
			e.verdict(t, asAuthor, created.id(t, "id"))
			apiExpect(t, "words in review", e.call(t, asEditor, "PATCH", path, `{"setting":"A rally"}`), 409, nil)
			apiExpect(t, "back to research by hand", e.call(t, asEditor, "PATCH", path, `{"status":"researching"}`), 409, nil)
			apiExpect(t, "assign in review", e.call(t, asEditor, "PATCH", path, fmt.Sprintf(`{"assignee_id":%d,"due_on":"2031-08-01"}`, rev.ID)), 200,
				map[string]any{"assignee_id": rev.ID, "due_on": "2031-08-01", "status": "in_review"})
			apiExpect(t, "list researching", e.call(t, asEditor, "GET", "/api/v1/claims?status=researching", ""), 200, map[string]any{"claims.#": 0})
			if _, err := e.store.UpdateClaim(e.ctx(), e.users[asEditor], models.Meta{}, plain.id(t, "id"), models.ClaimPatch{Status: new(models.ClaimResearching)}); err != nil {
				t.Fatal(err)
			}
			apiExpect(t, "list researching", e.call(t, asEditor, "GET", "/api/v1/claims?status=researching", ""), 200,
				map[string]any{"claims.#": 1, "claims.0.id": plain.id(t, "id"), "claims.0.priority": "normal"})
		})
	}
}
