package handlers_test

import (
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The public search page quoted an explanation's Markdown in its snippets
// ("*did not have*"), and a tag's word found nothing. Snippets are now the
// text readers see, and a tag's word finds the published fact-checks that
// carry it, on the page and in the public API.
func TestPublicSearchShowsPlainSnippetsAndFindsTags(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			in := seedInput()
			in.Tags = []string{"russia", "Confirmation hearings"}
			c := n.publish(t, in, "false", "He said he *did not have* them; `two` meetings were **reported** by [the Post](https://www.example.com/post).")
			draft := seedInput()
			draft.Summary = "A draft with the same tags"
			draft.Tags = in.Tags
			if _, err := ts.store.CreateClaim(t.Context(), n.ed, models.Meta{}, draft); err != nil {
				t.Fatal(err)
			}
			cl := ts.client(t)
			for _, q := range []string{"reported", "meetings", "hearings"} {
				d := doc(t, ts.get(t, cl, "/search?q="+q).body)
				cards := d.Find(".claim-card")
				if cards.Length() != 1 || cards.Find(`a[href="/claims/`+c.Slug+`"]`).Length() == 0 {
					t.Errorf("search %q: %d results, want the published claim", q, cards.Length())
					continue
				}
				snip := cards.Find(".snippet")
				if strings.ContainsAny(snip.Text(), "*`[]") || snip.Find("mark").Length() == 0 {
					t.Errorf("search %q: snippet %q (marked %q)", q, snip.Text(), snip.Find("mark").Text())
				}
			}
			if got := strings.Join(strings.Fields(doc(t, ts.get(t, cl, "/search?q=hearings").body).Find(".snippet").Text()), " "); got != "Tags: confirmation-hearings, russia" {
				t.Errorf("search by a tag: snippet %q", got)
			}
			r := ts.get(t, cl, "/api/v1/public/claims?q=hearings")
			if r.status != 200 || strings.Count(r.body, `"slug":"`+c.Slug+`"`) != 1 || strings.Count(r.body, `"claim":`) != 1 {
				t.Errorf("public API search by a tag: %d %s", r.status, r.body)
			}
		})
	}
}
