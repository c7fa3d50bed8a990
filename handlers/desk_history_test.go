package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// A claim's history said "Review quorum published the verdict" and listed
// "Verdicts it replaced 1", "Verdict number 3", "Decision Approve" and
// "Version 1". It now says who did what in plain words.
func TestDeskHistorySaysWhoDidWhatInPlainWords(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			e.publish(t, id)
			// A new verdict with another rating replaces the published one.
			e.mustPost(t, e.ed, path+"/verdicts", verdictForm("mostly-false"), http.StatusSeeOther, "")
			v := e.openVerdict(t, id)
			e.mustPost(t, e.admin, "/desk/verdicts/"+idStr(v.ID)+"/reviews", url.Values{"decision": {"approve"}, "version": {"1"}, "comment": {"Agreed."}},
				http.StatusSeeOther, path+"?done=published#verdict")

			h := e.page(t, e.ed, path+"/history", http.StatusOK)
			lines := texts(doc(t, h).Find(".history-list .what"))
			want := []string{
				"Test ed logged the claim",
				"Test ed added a source",
				"Test ed proposed a verdict",
				"Test rev approved the verdict, version 1",
				"The verdict was published, rated False, once Test rev had approved it.",
				"Test ed proposed a verdict",
				"Test admin approved the verdict, version 1",
				"The verdict was published, rated Mostly false, once Test admin had approved it; it replaces the verdict published before.",
			}
			if strings.Join(lines, "\n") != strings.Join(want, "\n") {
				t.Errorf("history reads:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
			}
			for _, jargon := range []string{"Review quorum", "review quorum", "Verdicts it replaced", "Verdict number", "<dt>Decision</dt>", "<dt>Version</dt>", "<dt>Status</dt>"} {
				if strings.Contains(h, jargon) {
					t.Errorf("the history says %q", jargon)
				}
			}
			mustContain(t, "history", h, `<dt>Comment</dt><dd><ins><span class="sr-only">now: </span><span dir="auto">Agreed.</span></ins>`)
		})
	}
}
