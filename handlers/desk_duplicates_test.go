package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// TestDeskSimilarShowsTheSameWordsFirst: the desk scores similar claims as
// the API does, on the words alone: the same quotation logged again under
// another summary lists the first claim first as "the same words", on the
// claim's page and in the form's live list.
func TestDeskSimilarShowsTheSameWordsFirst(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			near := claimForm()
			near.Set("text", "I did not have communications with the Russians, and I did not meet them either")
			near.Set("summary", "Sessions denied meeting the Russians")
			nearID := e.created(t, e.ed, "/desk/claims", near)
			first := e.newClaim(t)
			again := claimForm()
			again.Set("text", "“I did not have communications with the Russians”")
			again.Set("summary", "Nominee's sworn answer at the January 2017 hearing")
			twin := e.created(t, e.other, "/desk/claims", again)

			body := e.page(t, e.other, claimPath(twin), http.StatusOK)
			frag := e.page(t, e.other, "/desk/claims/similar?exclude="+idStr(twin)+"&text="+url.QueryEscape(again.Get("text")), http.StatusOK)
			for what, b := range map[string]string{"claim page": body, "live list": frag} {
				firstAt := strings.Index(b, `href="/desk/claims/`+idStr(first)+`"`)
				nearAt := strings.Index(b, `href="/desk/claims/`+idStr(nearID)+`"`)
				if firstAt < 0 || nearAt < 0 || firstAt > nearAt {
					t.Errorf("%s: the same words (claim %d at %d) do not come before the near one (claim %d at %d)", what, first, firstAt, nearID, nearAt)
				}
				mustContain(t, what, b, `Jeff Sessions · <strong>the same words</strong>`, "99% of the words match")
			}
		})
	}
}
