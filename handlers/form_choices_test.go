package handlers_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// A desk form that gets a value outside a fixed set (a stance, a kind of
// source, a kind of speaker) names the allowed values as its select names
// them, in the reader's language, not as the API's English values (the
// API keeps those: api_errors_test). (textOf reads French no-break spaces
// as spaces.)
func TestFormErrorsNameChoicesByTheirLabels(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			for _, c := range []struct {
				lang, path string
				field      string
				want       string
			}{
				{"fr", claimPath(id) + "/sources", "stance", "doit être « Étaye », « Contredit » ou « Contexte »"},
				{"fr", claimPath(id) + "/sources", "kind", "doit être « Transcription », « Document officiel », « Article de presse », « Déclaration », « Publication sur les réseaux sociaux », « Jeu de données » ou « Autre »"},
				{"en", claimPath(id) + "/sources", "stance", "must be “Supports”, “Contradicts” or “Context”"},
				{"en", "/desk/claims", "speaker_kind", "must be “A person” or “An organisation”"},
			} {
				form := sourceForm("bogus")
				form.Set("kind", "bogus")
				if c.path == "/desk/claims" {
					form = with(claimForm(), "speaker_kind", "robot")
				}
				r := e.post(t, e.ed, c.path+"?lang="+c.lang, form)
				if r.status != http.StatusUnprocessableEntity {
					t.Fatalf("%s %s: %d, want 422", c.lang, c.path, r.status)
				}
				if got := textOf(doc(t, r.body).Find(`[id^="e-"][id$="` + c.field + `"]`)); !strings.HasSuffix(got, " "+c.want) {
					t.Errorf("%s %s: %q, want %q", c.lang, c.field, got, c.want)
				}
			}
			// A review's decision is named as the form's buttons name it.
			e.mustPost(t, e.ed, claimPath(id)+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			e.mustPost(t, e.ed, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			v := e.openVerdict(t, id)
			r := e.post(t, e.rev, "/desk/verdicts/"+idStr(v.ID)+"/reviews?lang=fr", url.Values{"decision": {"bogus"}, "version": {strconv.Itoa(v.Version)}})
			if want := "Décision : doit être « Approuver » ou « Renvoyer pour modifications »"; r.status != http.StatusUnprocessableEntity || !strings.Contains(textOf(doc(t, r.body).Find("main")), want) {
				t.Errorf("review: %d, want 422 with %q\n%s", r.status, want, textOf(doc(t, r.body).Find("main")))
			}

			// Every language names them in its own words and leaves no
			// API value behind.
			for _, lang := range []string{"es", "pt", "ar"} {
				form := sourceForm("bogus")
				form.Set("kind", "bogus")
				r := e.post(t, e.ed, claimPath(id)+"/sources?lang="+lang, form)
				d := doc(t, r.body)
				for _, f := range []string{"stance", "kind"} {
					got := textOf(d.Find("#e-source-" + f))
					for _, raw := range []string{"supports", "contradicts", "official_record", "news_report", "social_post"} {
						if got == "" || strings.Contains(got, raw) {
							t.Errorf("%s %s: %q", lang, f, got)
						}
					}
				}
			}
		})
	}
}
