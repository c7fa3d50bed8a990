package handlers_test

import (
	"html"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// bulkForm is the list's bulk form: the action, the claims ticked, the
// list it came from, and the action's fields as pairs.
func bulkForm(action, back string, ids []uint, pairs ...string) url.Values {
	f := url.Values{"action": {action}, "back": {back}}
	for _, id := range ids {
		f.Add("ids", idStr(id))
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		f.Set(pairs[i], pairs[i+1])
	}
	return f
}

// The list's bulk form assigns, tags and discards the claims ticked, all
// or none, and comes back to the same filtered list with a confirmation
// that counts them; what stands in the way refuses the whole action and
// keeps the claims ticked.
func TestDeskBulkActions(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			ctx := t.Context()
			var drafts []uint
			for _, s := range []string{"First draft to sort", "Second draft to sort", "Third draft to sort"} {
				drafts = append(drafts, e.created(t, e.ed, "/desk/claims", with(claimForm(), "summary", s)))
			}
			pub := e.newClaim(t)
			e.publish(t, pub)
			list := e.page(t, e.ed, "/desk/claims?q=sort&status=draft", http.StatusOK)
			d := doc(t, list)
			if got := d.Find(`form[action="/desk/claims/bulk"] input[name="ids"]`).Length(); got != 3 {
				t.Fatalf("the list offers %d tick boxes, want 3", got)
			}
			if got := html.UnescapeString(hidden(t, list, "/desk/claims/bulk", "back")); got != "q=sort&status=draft" {
				t.Errorf("the bulk form comes back to %q", got)
			}
			mustContain(t, "bulk bar", list, `data-select-all`, `value="assign"`, `value="tag"`, `value="discard"`, "/desk.js")

			// Assign: an event and an audit row for each claim.
			before, err := e.store.ClaimEvents(ctx, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			back := "q=sort&status=draft"
			done := e.mustPost(t, e.ed, "/desk/claims/bulk", bulkForm("assign", back, drafts, "assignee_id", idStr(e.revUser.ID)), http.StatusSeeOther,
				"/desk/claims?done=bulk-assigned&n=3&q=sort&status=draft&who="+idStr(e.revUser.ID))
			page := e.page(t, e.ed, done.header.Get("Location"), http.StatusOK)
			mustContain(t, "after assigning", page, "3 claims assigned to Test rev.")
			after, err := e.store.ClaimEvents(ctx, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			var assigned []uint
			for _, ev := range after[len(before):] {
				if ev.Kind == models.EventAssigned && ev.UserID != nil && *ev.UserID == e.revUser.ID {
					assigned = append(assigned, ev.ClaimID)
				}
			}
			if !slices.Equal(assigned, drafts) {
				t.Errorf("assigned events for %v, want %v", assigned, drafts)
			}
			for _, id := range drafts {
				if audit, _ := e.store.AuditEvents(ctx, models.AuditQuery{ObjectType: "claim", ObjectID: id, Action: "claim.triage"}); len(audit) != 1 {
					t.Errorf("claim %d: %d triage audit rows", id, len(audit))
				}
			}
			e.mustPost(t, e.ed, "/desk/claims/bulk", bulkForm("assign", "", drafts[:1], "assignee_id", "nobody"), http.StatusSeeOther,
				"/desk/claims?done=bulk-assigned&n=1&who=nobody")
			mustContain(t, "unassigned", e.page(t, e.ed, "/desk/claims?done=bulk-assigned&n=1&who=nobody", http.StatusOK), "1 claim now assigned to nobody.")
			if c, _ := e.store.GetClaim(ctx, drafts[0]); c.AssigneeID != nil {
				t.Error("the claim is still assigned")
			}
			// A link cannot name whom it likes.
			if p := e.page(t, e.ed, "/desk/claims?done=bulk-assigned&n=3&who=999999", http.StatusOK); strings.Contains(p, "claims assigned to") {
				t.Error("a confirmation names an account that does not exist")
			}

			// Tag: normalised, each claim once; a published claim in the
			// selection refuses it all.
			refused := e.post(t, e.ed, "/desk/claims/bulk", bulkForm("tag", back, append(slices.Clone(drafts), pub), "tag", "Élections 2024"))
			if refused.status != http.StatusConflict || !strings.Contains(refused.body, "One of the chosen claims is in review, published or retracted") {
				t.Errorf("tagging a published claim: %d\n%s", refused.status, errorsIn(refused.body))
			}
			if !strings.Contains(refused.body, `value="Élections 2024"`) || doc(t, refused.body).Find(`input[name="ids"][checked]`).Length() != 3 {
				t.Error("the refused form does not keep what was typed and ticked")
			}
			e.mustPost(t, e.ed, "/desk/claims/bulk", bulkForm("tag", back, drafts, "tag", "Élections 2024"), http.StatusSeeOther,
				"/desk/claims?done=bulk-tagged&label=elections-2024&n=3&q=sort&status=draft")
			mustContain(t, "tagged", e.page(t, e.ed, "/desk/claims?done=bulk-tagged&label=elections-2024&n=3&q=sort&status=draft", http.StatusOK),
				"3 claims tagged “elections-2024”.")
			for _, id := range drafts {
				c, _ := e.store.GetClaim(ctx, id)
				if got := strings.Join(c.TagNames(), ","); got != "elections-2024,russia,testimony" {
					t.Errorf("claim %d tags: %q", id, got)
				}
			}
			if c, _ := e.store.GetClaim(ctx, pub); slices.Contains(c.TagNames(), "elections-2024") {
				t.Error("the published claim was tagged")
			}
			if got := listed(e.page(t, e.ed, "/desk/claims?tag=elections-2024", http.StatusOK)); len(got) != 3 {
				t.Errorf("the tag lists %v", got)
			}

			// Fields refused (422), with nothing changed.
			many := make([]uint, models.MaxBulkClaims+1)
			for i := range many {
				many[i] = uint(i + 1)
			}
			for _, tc := range []struct {
				form url.Values
				why  string
			}{
				{bulkForm("assign", back, drafts), "Assign to is required"},
				{bulkForm("assign", back, drafts, "assignee_id", "999999"), "Assign to must be an active colleague&#39;s account"},
				{bulkForm("tag", back, drafts, "tag", "!!"), "Tag must hold a letter or a digit"},
				{bulkForm("tag", back, nil, "tag", "x"), "Claims ticked choose at least one claim"},
				{bulkForm("tag", back, many, "tag", "x"), "Claims ticked must be at most 200"},
				{bulkForm("discard", back, drafts), "Yes, discard for good must be ticked: a deletion cannot be undone"},
				{bulkForm("archive", back, drafts), "Choose what to do with the claims ticked."},
				{url.Values{"action": {"tag"}, "tag": {"x"}, "ids": {"abc"}}, "Claims ticked must be a whole number from 1"},
			} {
				r := e.post(t, e.ed, "/desk/claims/bulk", tc.form)
				if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, tc.why) {
					t.Errorf("%v: %d, want 422 with %q\n%s", tc.form, r.status, tc.why, errorsIn(r.body))
				}
			}

			// Discard: a published claim in the selection keeps them all.
			form := bulkForm("discard", back, append(slices.Clone(drafts), pub), "confirm", "true")
			mixed := e.post(t, e.ed, "/desk/claims/bulk", form)
			if mixed.status != http.StatusConflict || !strings.Contains(mixed.body, "One of the chosen claims cannot be discarded, so none was") {
				t.Errorf("discarding a published claim: %d\n%s", mixed.status, errorsIn(mixed.body))
			}
			// Another editor's drafts are not theirs to discard.
			theirs := e.post(t, e.other, "/desk/claims/bulk", bulkForm("discard", back, drafts, "confirm", "true"))
			if theirs.status != http.StatusConflict || !strings.Contains(theirs.body, "3 of the chosen claims cannot be discarded") {
				t.Errorf("discarding another's drafts: %d\n%s", theirs.status, errorsIn(theirs.body))
			}
			for _, id := range append(slices.Clone(drafts), pub) {
				if _, err := e.store.GetClaim(ctx, id); err != nil {
					t.Fatalf("claim %d after refused discards: %v", id, err)
				}
			}
			e.mustPost(t, e.ed, "/desk/claims/bulk", bulkForm("discard", back, drafts[:2], "confirm", "true"), http.StatusSeeOther,
				"/desk/claims?done=bulk-discarded&n=2&q=sort&status=draft")
			mustContain(t, "discarded", e.page(t, e.ed, "/desk/claims?done=bulk-discarded&n=2", http.StatusOK), "2 drafts discarded.")
			for _, id := range drafts[:2] {
				if _, err := e.store.GetClaim(ctx, id); err == nil {
					t.Errorf("claim %d was not discarded", id)
				}
				if audit, _ := e.store.AuditEvents(ctx, models.AuditQuery{ObjectType: "claim", ObjectID: id, Action: "claim.delete"}); len(audit) != 1 {
					t.Errorf("claim %d: %d delete audit rows", id, len(audit))
				}
			}
			if c, err := e.store.GetClaim(ctx, pub); err != nil || c.Status != models.ClaimPublished {
				t.Errorf("the published claim: %v", err)
			}

			// A form from before: claims discarded since refuse it all.
			stale := e.post(t, e.ed, "/desk/claims/bulk", bulkForm("assign", back, drafts, "assignee_id", idStr(e.edUser.ID)))
			if stale.status != http.StatusConflict || !strings.Contains(stale.body, "2 of the chosen claims no longer exist, so nothing was changed") {
				t.Errorf("a stale selection: %d\n%s", stale.status, errorsIn(stale.body))
			}
			if c, _ := e.store.GetClaim(ctx, drafts[2]); c.AssigneeID == nil || *c.AssigneeID != e.revUser.ID {
				t.Error("a stale selection changed the claim still there")
			}
			// An admin discards anyone's draft.
			e.mustPost(t, e.admin, "/desk/claims/bulk", bulkForm("discard", "", drafts[2:], "confirm", "true"), http.StatusSeeOther,
				"/desk/claims?done=bulk-discarded&n=1")
		})
	}
}
