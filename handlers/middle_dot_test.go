package handlers_test

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models/modelstest"
)

// glued is a middle dot that touches the word before or after it.
var glued = regexp.MustCompile(`\S·|·\S`)

// The middle dots that separate a line's parts (author · date, outlet ·
// day) have a space on each side on every desk and public page that has
// them, in every language: templ drops the white space that starts a line
// after a component or an element, which glued "Eli Editor· published".
func TestMiddleDotsStandApart(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.publish(t, id)
			e.newClaim(t)
			for _, lang := range []string{"en", "fr", "ar"} {
				for _, path := range []string{claimPath(id), claimPath(id) + "/history", "/desk/claims", "/desk", "/admin"} {
					d := doc(t, e.page(t, e.admin, path+"?lang="+lang, http.StatusOK))
					d.Find("p, span, li, summary").Each(func(_ int, s *goquery.Selection) {
						if s.Children().Length() > 0 && s.Is("li") {
							return
						}
						if m := glued.FindString(s.Text()); m != "" {
							t.Errorf("%s in %s: %q glues a middle dot: %q", path, lang, m, s.Text())
						}
					})
				}
			}
		})
	}
}
