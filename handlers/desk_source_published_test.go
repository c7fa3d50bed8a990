package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// Posting a source to a published claim's desk form answered 422 with the
// claim page and no word of why (its page has no source form to show the
// errors in; a valid form got the bare 409 page). The page now comes back
// (409) saying, in the reader's language, that a published fact-check's
// sources change through an update; nothing is saved. The edit and delete
// routes of its sources gave the bare 409 page, and a file of a refused
// type was judged (422) before the claim's state: they say the same now.
func TestSourceOfAPublishedClaimSaysWhy(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.publish(t, id)
			before := len(e.storedClaim(t, id).Sources)
			for _, tc := range []struct {
				lang string
				form url.Values
				want string
			}{
				{"en", sourceForm("supports"), "so its sources are fixed: the sources of a published fact-check change through an update."},
				{"en", url.Values{"title": {"x"}}, "so its sources are fixed: the sources of a published fact-check change through an update."},
				{"fr", sourceForm("supports"), "ses sources sont donc figées : les sources d'une vérification publiée changent par une mise à jour."},
			} {
				if tc.lang == "fr" {
					e.page(t, e.ed, "/desk?lang=fr", http.StatusOK) // the switcher's choice is remembered
				}
				r := e.post(t, e.ed, claimPath(id)+"/sources", tc.form)
				d := doc(t, r.body)
				alert := strings.Join(strings.Fields(d.Find("#sources .alert.error").Text()), " ")
				if r.status != http.StatusConflict || !strings.Contains(alert, tc.want) || htmlOpen(t, r.body) != `<html lang="`+tc.lang+`" dir="ltr">` {
					t.Errorf("%s %v: %d, alert %q, %s", tc.lang, tc.form, r.status, alert, htmlOpen(t, r.body))
				}
			}
			// The source's own routes, and a form whose file is of a
			// refused type, give the same reason on the claim's page.
			e.page(t, e.ed, "/desk?lang=en", http.StatusOK)
			sid := idStr(e.storedClaim(t, id).Sources[0].ID)
			body, ctype := multipartBody(t, sourceForm("supports"), "run.exe", []byte("MZ\x90\x00 not a screenshot"))
			for name, r := range map[string]result{
				"edit":         e.do(t, e.ed, "GET", "/desk/sources/"+sid+"/edit", nil, nil),
				"delete":       e.post(t, e.ed, "/desk/sources/"+sid+"/delete", url.Values{"revision": {"1"}}),
				"refused file": e.do(t, e.ed, "POST", claimPath(id)+"/sources", strings.NewReader(body), map[string]string{"Content-Type": ctype}),
			} {
				alert := strings.Join(strings.Fields(doc(t, r.body).Find("#sources .alert.error").Text()), " ")
				if r.status != http.StatusConflict || !strings.Contains(alert, "so its sources are fixed") {
					t.Errorf("%s: %d, alert %q", name, r.status, alert)
				}
			}
			if n := len(e.storedClaim(t, id).Sources); n != before {
				t.Errorf("the published claim has %d sources, had %d", n, before)
			}
		})
	}
}
