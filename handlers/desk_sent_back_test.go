package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// A claim whose verdict a reviewer sent back showed as "Draft", and the
// claim list had no filter for it. It now shows as "Sent back" on the
// desk (its page and the claim list), and the list
// has a "Sent back" filter, which "Draft" no longer overlaps.
func TestDeskShowsClaimsSentBack(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			e.mustPost(t, e.ed, path+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			e.mustPost(t, e.ed, path+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			other := e.created(t, e.ed, "/desk/claims", with(claimForm(), "summary", "A draft nobody reviewed yet"))
			v := e.openVerdict(t, id)
			e.mustPost(t, e.rev, "/desk/verdicts/"+idStr(v.ID)+"/reviews", url.Values{"version": {"1"}, "decision": {"request_changes"}, "comment": {"Cite the transcript."}},
				http.StatusSeeOther, path+"?done=sent-back#verdict")

			badge := func(body string, claim uint) string {
				t.Helper()
				row := doc(t, body).Find(`li.row-item:has(a[href="` + claimPath(claim) + `"]) .status`)
				return strings.TrimSpace(row.Text()) + " " + row.AttrOr("class", "")
			}
			all := e.page(t, e.ed, "/desk/claims", http.StatusOK)
			if got := badge(all, id); got != "Sent back status s-sent_back" {
				t.Errorf("claim list: the claim sent back shows %q", got)
			}
			if got := badge(all, other); got != "Draft status s-draft" {
				t.Errorf("claim list: the draft shows %q", got)
			}
			back := e.page(t, e.ed, "/desk/claims?status=sent_back", http.StatusOK)
			mustContain(t, "sent back list", back, `<a href="/desk/claims?status=sent_back" aria-current="page">Sent back</a>`)
			if badge(back, id) == " " || badge(back, other) != " " {
				t.Errorf("the sent back filter lists %q and %q", badge(back, id), badge(back, other))
			}
			drafts := e.page(t, e.ed, "/desk/claims?status=draft", http.StatusOK)
			if badge(drafts, id) != " " || badge(drafts, other) == " " {
				t.Errorf("the draft filter lists %q and %q", badge(drafts, id), badge(drafts, other))
			}
			mustContain(t, "claim page", e.page(t, e.ed, path, http.StatusOK), `<span class="status s-sent_back">Sent back</span>`)

			// Revised, it is in review again, and no longer sent back.
			e.mustPost(t, e.ed, "/desk/verdicts/"+idStr(v.ID), with(verdictForm("false"), "version", "1"), http.StatusSeeOther, path+"?done=verdict-revised#verdict")
			if got := badge(e.page(t, e.ed, "/desk/claims", http.StatusOK), id); got != "In review status s-in_review" {
				t.Errorf("revised: the claim shows %q", got)
			}
			if got := badge(e.page(t, e.ed, "/desk/claims?status=sent_back", http.StatusOK), id); got != " " {
				t.Errorf("revised: still listed as sent back: %q", got)
			}
		})
	}
}
