package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// republish publishes a newer verdict of claim c, rated rating, with no
// update of its own: the server writes the correction's note.
func republish(t *testing.T, e *deskEnv, c *models.Claim, rating string) {
	t.Helper()
	ctx := context.Background()
	v, err := e.store.ProposeVerdict(ctx, e.edUser, models.Meta{}, c.ID, models.VerdictInput{Rating: rating, Headline: "The meetings were in his role as senator", Explanation: "He later answered."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.ReviewVerdict(ctx, e.revUser, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
}

// The note the server writes for a rating change, and for an update that
// kept the rating, is in the reader's language on the public claim page
// (its corrections and its timeline), on the desk and in the corrections
// feed, with the ratings' labels as the scale names them; both JSON APIs
// give it in English, word for word as before.
func TestGeneratedCorrectionNotesSpeakTheReadersLanguage(t *testing.T) {
	const (
		changedEN = "We changed our rating from False to Mostly false after a new review of the evidence."
		updatedEN = "We updated this fact-check after a new review; the rating stays Mostly false."
	)
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			ctx := context.Background()
			c, err := e.store.CreateClaim(ctx, e.edUser, models.Meta{}, seedInput())
			if err != nil {
				t.Fatal(err)
			}
			publishClaim(t, e, c)
			republish(t, e, c, "mostly-false")
			republish(t, e, c, "mostly-false")
			claim := "/claims/" + c.Slug

			for _, tc := range []struct{ lang, changed, updated string }{
				{"fr", "Nous avons changé notre note de False à Mostly false après un nouvel examen des éléments de preuve.",
					"Nous avons mis à jour cette vérification après un nouvel examen\u202f; la note reste Mostly false."},
				{"ar", "غيّرنا تقييمنا من False إلى Mostly false بعد مراجعة جديدة للأدلة.",
					"حدّثنا هذا التحقق بعد مراجعة جديدة؛ ويبقى التقييم Mostly false."},
			} {
				d := doc(t, e.page(t, e.client(t), claim+"?lang="+tc.lang, http.StatusOK))
				notes := d.Find("#corrections-h ~ ol.corrections .prose p")
				// textOf folds the narrow no-break space before a French ";".
				if notes.Length() != 2 || textOf(notes.Eq(0)) != tc.changed || textOf(notes.Eq(1)) != strings.Join(strings.Fields(tc.updated), " ") {
					t.Errorf("%s claim page's corrections: %q", tc.lang, notes.Text())
				}
				if got := notes.Eq(0).Find("bdi").Length(); got != 2 {
					t.Errorf("%s: the ratings are not isolated in <bdi> (%d)", tc.lang, got)
				}
				if tl := textOf(d.Find(".tl-correction .prose p")); tl != tc.changed {
					t.Errorf("%s timeline's correction: %q", tc.lang, tl)
				}
				body, _ := d.Html()
				for _, en := range []string{"We changed our rating", "We updated this fact-check", "after a new review"} {
					if strings.Contains(body, en) {
						t.Errorf("%s claim page says %q in English", tc.lang, en)
					}
				}
				desk := e.page(t, e.ed, claimPath(c.ID)+"?lang="+tc.lang, http.StatusOK)
				mustContain(t, tc.lang+" desk claim page", desk, tc.changed, tc.updated)
				feed := e.page(t, e.client(t), "/corrections.atom?lang="+tc.lang, http.StatusOK)
				mustContain(t, tc.lang+" corrections feed", feed, "&lt;bdi&gt;False&lt;/bdi&gt;")
				if strings.Contains(feed, "We changed our rating") {
					t.Errorf("%s corrections feed says it in English", tc.lang)
				}
			}
			mustContain(t, "English claim page", e.page(t, e.client(t), claim+"?lang=en", http.StatusOK),
				"We changed our rating from <bdi>False</bdi> to <bdi>Mostly false</bdi> after a new review of the evidence.")

			// Both APIs, whatever language the reader's browser asks for.
			var pub struct {
				Corrections []struct {
					Kind, Note string
					OldRating  string `json:"old_rating"`
					NewRating  string `json:"new_rating"`
				} `json:"corrections"`
			}
			r := e.do(t, e.client(t), "GET", "/api/v1/public/claims/"+c.Slug, nil, map[string]string{"Accept-Language": "fr"})
			if err := json.Unmarshal([]byte(r.body), &pub); err != nil {
				t.Fatal(err, r.body)
			}
			if len(pub.Corrections) != 2 || pub.Corrections[0].Note != changedEN || pub.Corrections[1].Note != updatedEN ||
				pub.Corrections[1].OldRating != "" || pub.Corrections[1].NewRating != "" {
				t.Errorf("public API corrections: %+v", pub.Corrections)
			}
			token, _, err := e.store.CreateAPIToken(ctx, nil, models.Meta{}, e.edUser.Email, "CMS import")
			if err != nil {
				t.Fatal(err)
			}
			r = e.do(t, e.client(t), "GET", "/api/v1/claims/"+idStr(c.ID), nil, map[string]string{"Authorization": "Bearer " + token, "Accept-Language": "ar"})
			mustContain(t, "desk API", r.body, `"kind":"rating_change","note":"`+changedEN+`","old_rating":"False","new_rating":"Mostly false"`,
				`"kind":"update","note":"`+updatedEN+`","old_rating":null,"new_rating":null`)
		})
	}
}
