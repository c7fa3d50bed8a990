package handlers_test

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models"
	"claimtracker/models/modelstest"
	"claimtracker/views/ldcheck"
)

// Texts a newsroom would log, in three languages and scripts.
const (
	arabicWords  = "الحكومة لم تلتق بالسفير الروسي قط، وهذه الاتهامات كاذبة تماما."
	russianWords = "Я не встречался с российским послом и не знаю, о чём идёт речь в этой статье."
	frenchWords  = "Le chômage n'a jamais été aussi bas depuis quarante ans dans notre pays."
)

// badLanguage is why a language that is no language tag is refused.
const badLanguage = "must be a BCP 47 language tag, such as ar, pt-BR or zh-Hant"

// apiJSONString writes s as a JSON string, for a request body.
func apiJSONString(t *testing.T, s string) string { return apiJSONText(t, s) }

// approve has the reviewer approve the verdict verdictID at its current
// version, which publishes its claim.
func (e *apiEnv) approve(t *testing.T, verdictID uint) {
	t.Helper()
	v, err := e.store.GetVerdict(e.ctx(), verdictID)
	if err != nil {
		t.Fatal(err)
	}
	e.must(t, http.StatusCreated, asReviewer, "POST", apiPath("/verdicts/%d/reviews", verdictID),
		`{"decision":"approve","version":`+apiItoa(uint(v.Version))+`}`)
}

// TestAPIContentLanguage: claims, sources and verdicts take, detect,
// canonicalise and give back their language in the API; a bad tag is a
// 422 naming language that writes nothing; both claim lists filter by a
// language range; and a published claim's language reaches the public
// API, its page's lang attributes, its ClaimReview's inLanguage (page,
// public API, /claimreview.json) and its Atom entry's xml:lang.
func TestAPIContentLanguage(t *testing.T) {
	vocab, err := ldcheck.Load("../views/testdata/schemaorg.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			claimBody := func(text, summary, extra string) string {
				return `{"text":` + apiJSONString(t, text) + `,"summary":` + apiJSONString(t, summary) + `,"speaker":"Nadia Haddad","said_at":"2024-02-01"` + extra + `}`
			}

			// Detected, given (canonicalised), refused.
			ar := e.must(t, http.StatusCreated, asAuthor, "POST", "/api/v1/claims", claimBody(arabicWords, "The minister denied meeting the ambassador", ""))
			apiExpect(t, "Arabic claim, language left out", ar, http.StatusCreated, map[string]any{"language": "ar"})
			arID, arSlug := ar.id(t, "id"), ar.str(t, "slug")
			br := e.must(t, http.StatusCreated, asAuthor, "POST", "/api/v1/claims",
				claimBody("O desemprego caiu pela metade em dois anos, disse o ministro.", "Unemployment halved, says the minister", `,"language":"PT-br"`))
			apiExpect(t, "language given", br, http.StatusCreated, map[string]any{"language": "pt-BR"})
			before := e.auditCount(t)
			apiExpect(t, "a bad tag", e.call(t, asAuthor, "POST", "/api/v1/claims", claimBody(frenchWords, "Unemployment at a low", `,"language":"français"`)),
				http.StatusUnprocessableEntity, apiInvalid("language", badLanguage))
			apiExpect(t, "a tag of the wrong type", e.call(t, asAuthor, "POST", "/api/v1/claims", claimBody(frenchWords, "Unemployment at a low", `,"language":7`)),
				http.StatusUnprocessableEntity, apiInvalid("language", "must be a string"))
			if n := e.auditCount(t); n != before {
				t.Errorf("refused claims wrote %d audit events", n-before)
			}

			// PATCH: left out, the language stays; "" detects it again.
			fr := e.must(t, http.StatusCreated, asAuthor, "POST", "/api/v1/claims", claimBody(frenchWords, "Unemployment at a forty-year low", `,"language":"ar"`))
			frID := fr.id(t, "id")
			apiExpect(t, "patch without language", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", frID), `{"setting":"Un meeting à Lyon"}`),
				http.StatusOK, map[string]any{"language": "ar"})
			apiExpect(t, "language emptied", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", frID), `{"language":""}`),
				http.StatusOK, map[string]any{"language": "fr"})
			apiExpect(t, "language set", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", frID), `{"language":"fr-be"}`),
				http.StatusOK, map[string]any{"language": "fr-BE"})
			apiExpect(t, "a bad tag in a patch", e.call(t, asAuthor, "PATCH", apiPath("/claims/%d", frID), `{"language":"und"}`),
				http.StatusUnprocessableEntity, apiInvalid("language", badLanguage))

			// Sources and verdicts.
			src := e.must(t, http.StatusCreated, asAuthor, "POST", apiPath("/claims/%d/sources", arID),
				`{"url":"https://example.org/interview","title":"Интервью министра","published_at":"2024-02-03","kind":"transcript","stance":"contradicts","excerpt":`+apiJSONString(t, russianWords)+`}`)
			apiExpect(t, "Russian source", src, http.StatusCreated, map[string]any{"language": "ru"})
			apiExpect(t, "source language set", e.call(t, asAuthor, "PATCH", apiPath("/sources/%d", src.id(t, "id")), `{"language":"RU-ru"}`),
				http.StatusOK, map[string]any{"language": "ru-RU", "excerpt": russianWords})
			apiExpect(t, "source with a bad tag", e.call(t, asAuthor, "POST", apiPath("/claims/%d/sources", arID),
				`{"url":"https://example.org/b","title":"B","kind":"other","stance":"context","language":"x-private"}`),
				http.StatusUnprocessableEntity, apiInvalid("language", badLanguage))
			verdict := e.must(t, http.StatusCreated, asAuthor, "POST", apiPath("/claims/%d/verdicts", arID),
				`{"rating":"false","headline":"Le ministre a bien rencontré l'ambassadeur à deux reprises",`+
					`"explanation":"Deux rencontres ont été **rapportées** par la presse, et le ministère ne les a pas démenties."}`)
			apiExpect(t, "French verdict", verdict, http.StatusCreated, map[string]any{"language": "fr"})
			vID := verdict.id(t, "id")
			apiExpect(t, "verdict with a bad tag", e.call(t, asAuthor, "PATCH", apiPath("/verdicts/%d", vID), `{"language":"fr_FR_x"}`),
				http.StatusUnprocessableEntity, apiInvalid("language", badLanguage))
			apiExpect(t, "verdict language set", e.call(t, asAuthor, "PATCH", apiPath("/verdicts/%d", vID), `{"language":"FR"}`),
				http.StatusOK, map[string]any{"language": "fr"})
			apiExpect(t, "the claim shows them all", e.call(t, asEditor, "GET", apiPath("/claims/%d", arID), ""), http.StatusOK,
				map[string]any{"language": "ar", "sources.0.language": "ru-RU", "verdicts.0.language": "fr"})

			// The desk's list filters by a language range.
			apiExpect(t, "desk list, ar", e.call(t, asEditor, "GET", "/api/v1/claims?language=ar", ""), http.StatusOK,
				map[string]any{"claims.#": 1, "claims.0.id": arID, "claims.0.language": "ar"})
			apiExpect(t, "desk list, pt", e.call(t, asEditor, "GET", "/api/v1/claims?language=pt", ""), http.StatusOK,
				map[string]any{"claims.#": 1, "claims.0.language": "pt-BR"})
			apiExpect(t, "desk list, a bad filter", e.call(t, asEditor, "GET", "/api/v1/claims?language=%2A%2A", ""),
				http.StatusUnprocessableEntity, apiInvalid("language", badLanguage))

			// Published: the public API, the page, the ClaimReview, the feeds.
			e.approve(t, vID)
			brV := e.must(t, http.StatusCreated, asAuthor, "POST", apiPath("/claims/%d/verdicts", br.id(t, "id")),
				`{"rating":"true","headline":"The figures bear it out","explanation":"The statistics office reports the same fall."}`)
			e.approve(t, brV.id(t, "id"))
			apiExpect(t, "public list, ar", e.call(t, asNone, "GET", "/api/v1/public/claims?language=ar", ""), http.StatusOK,
				map[string]any{"claims.#": 1, "claims.0.slug": arSlug, "claims.0.language": "ar"})
			apiExpect(t, "public list, pt-BR", e.call(t, asNone, "GET", "/api/v1/public/claims?language=pt-br", ""), http.StatusOK,
				map[string]any{"claims.#": 1, "claims.0.language": "pt-BR"})
			apiExpect(t, "public list, pt-PT", e.call(t, asNone, "GET", "/api/v1/public/claims?language=pt-PT", ""), http.StatusOK,
				map[string]any{"claims.#": 0})
			apiExpect(t, "public list, a bad filter", e.call(t, asNone, "GET", "/api/v1/public/claims?language=zz-zz-zz-zz", ""),
				http.StatusUnprocessableEntity, apiInvalid("language", badLanguage))
			pub := e.call(t, asNone, "GET", "/api/v1/public/claims/"+arSlug, "")
			apiExpect(t, "public claim", pub, http.StatusOK, map[string]any{"language": "ar", "verdict.language": "fr",
				"sources.0.language": "ru-RU", "claim_review.inLanguage": "ar"})

			page := doc(t, e.get(t, e.client(t), "/claims/"+arSlug).body)
			for sel, want := range map[string]string{"blockquote.claim-quote": "ar", "h1": "fr", ".verdict-box .prose": "fr", "blockquote.excerpt": "ru-RU", ".timeline q": "ar"} {
				el := page.Find(sel).First()
				if lang, _ := el.Attr("lang"); lang != want {
					t.Errorf("%s has lang %q, want %q", sel, lang, want)
				}
				if dir, _ := el.Attr("dir"); dir != "auto" {
					t.Errorf("%s has dir %q, want auto", sel, dir)
				}
			}
			ld := pageClaimReview(t, e.testServer, arSlug)
			for _, p := range vocab.Problems("ClaimReview", ld) {
				t.Error(p)
			}
			if ld["inLanguage"] != "ar" {
				t.Errorf("the page's ClaimReview inLanguage = %v, want ar", ld["inLanguage"])
			}
			var df struct {
				Elements []map[string]any `json:"dataFeedElement"`
			}
			if err := json.Unmarshal([]byte(e.get(t, e.client(t), "/claimreview.json").body), &df); err != nil {
				t.Fatal(err)
			}
			inLanguage := map[string]any{}
			for _, el := range df.Elements {
				inLanguage[el["url"].(string)] = el["inLanguage"]
			}
			if got := inLanguage[e.URL+"/claims/"+arSlug]; got != "ar" {
				t.Errorf("/claimreview.json inLanguage = %v, want ar (all: %v)", got, inLanguage)
			}

			rows, err := csv.NewReader(strings.NewReader(e.get(t, e.client(t), "/export.csv").body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			csvLangs := map[string]string{}
			for _, row := range rows[1:] {
				csvLangs[row[0]] = row[len(row)-1]
			}
			if rows[0][len(rows[0])-1] != "language" || csvLangs[e.URL+"/claims/"+arSlug] != "ar" || csvLangs[e.URL+"/claims/"+br.str(t, "slug")] != "pt-BR" {
				t.Errorf("export.csv languages: %q %v", rows[0], csvLangs)
			}

			var feed struct {
				Entries []struct {
					Lang string `xml:"http://purl.org/dc/elements/1.1/ language"`
					Link struct {
						Href string `xml:"href,attr"`
					} `xml:"link"`
				} `xml:"entry"`
			}
			body := e.get(t, e.client(t), "/feed.atom").body
			if err := xml.Unmarshal([]byte(body), &feed); err != nil {
				t.Fatal(err)
			}
			langs := map[string]string{}
			for _, en := range feed.Entries {
				langs[en.Link.Href] = en.Lang
			}
			if langs[e.URL+"/claims/"+arSlug] != "ar" || langs[e.URL+"/claims/"+br.str(t, "slug")] != "pt-BR" || !strings.Contains(body, `xml:lang="en"`) || strings.Contains(body, `<entry xml:lang`) {
				t.Errorf("feed entries' languages = %v, or the feed's words not marked English:\n%s", langs, body)
			}
		})
	}
}

// TestHomeFiltersByLanguage: the home page offers a language filter once
// the public claims are in more than one language, lists only the claims
// of the language range chosen (ar lists ar and ar-EG), marks each card's
// text with its language, and answers 400 to a filter that is no tag.
func TestHomeFiltersByLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			cl := e.client(t)
			e.publish(t, e.draftSaying(t, asAuthor, arabicWords, "The minister denied meeting the ambassador"))
			if d := doc(t, e.get(t, cl, "/").body); d.Find("#f-language").Length() != 0 {
				t.Error("a language filter with the claims in one language")
			}
			egypt, err := e.store.CreateClaim(e.ctx(), e.users[asAuthor], models.Meta{}, models.ClaimInput{Text: "قال الوزير إن الأسعار لم ترتفع هذا العام.",
				Summary: "The minister said prices did not rise", Speaker: "Nadia Haddad", Language: "ar-EG"})
			if err != nil {
				t.Fatal(err)
			}
			e.publish(t, egypt)
			e.publish(t, e.draftSaying(t, asAuthor, frenchWords, "Unemployment at a forty-year low"))

			home := doc(t, e.get(t, cl, "/").body)
			var options []string
			home.Find("#f-language option").Each(func(_ int, o *goquery.Selection) {
				v, _ := o.Attr("value")
				options = append(options, v+"="+o.Text())
			})
			if strings.Join(options, "|") != "=All languages|ar=العربية|fr=français" {
				t.Errorf("language options = %q", options)
			}
			if d := doc(t, e.get(t, cl, "/?lang=fr").body); d.Find(`#f-language option[value=""]`).Text() != "Toutes les langues" ||
				d.Find(`label[for="f-language"]`).Text() != "Langue" {
				t.Error("the language filter does not speak French on the French home page")
			}
			d := doc(t, e.get(t, cl, "/?language=ar").body)
			cards := texts(d.Find(".claim-card h3"))
			if len(cards) != 2 || strings.Contains(strings.Join(cards, "|"), "Unemployment") {
				t.Errorf("?language=ar lists %q", cards)
			}
			if v, _ := d.Find(`#f-language option[selected]`).Attr("value"); v != "ar" {
				t.Errorf("the filter keeps %q selected", v)
			}
			langs := map[string]bool{}
			d.Find(".claim-card .card-quote").Each(func(_ int, q *goquery.Selection) {
				lang, _ := q.Attr("lang")
				langs[lang] = true
			})
			if !langs["ar"] || !langs["ar-EG"] || len(langs) != 2 {
				t.Errorf("card quotes' lang = %v, want ar and ar-EG", langs)
			}
			if d.Find(`form.filters a[href="/"]`).Length() != 1 {
				t.Error("no way to clear the language filter")
			}
			if d := doc(t, e.get(t, cl, "/?language=ar-EG").body); len(texts(d.Find(".claim-card h3"))) != 1 {
				t.Error("?language=ar-EG does not list the one claim in ar-EG")
			}
			english := e.client(t)
			for _, bad := range []string{"arabic", "x-y", "%3Cscript%3E"} {
				r := e.get(t, english, "/?language="+bad)
				if why := doc(t, r.body).Find(".lede").Text(); r.status != http.StatusBadRequest || !strings.Contains(why, "is not a language tag") {
					t.Errorf("?language=%s: %d %q, want 400 saying why", bad, r.status, why)
				}
			}
			// The reader who chose French (above) is told in French.
			if why := doc(t, e.get(t, cl, "/?language=arabic").body).Find(".lede").Text(); !strings.Contains(why, "n'est pas un code de langue valide") {
				t.Errorf("in French, a bad filter says %q", why)
			}
		})
	}
}

// TestDeskLanguageFields: the desk's claim, source and verdict forms take a
// language, canonical once saved, detected when left empty, shown again in
// the edit form, and refused beside its field when it is no tag.
func TestDeskLanguageFields(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			bad := with(with(claimForm(), "text", arabicWords), "language", "Arabic")
			r := e.mustPost(t, e.ed, "/desk/claims", bad, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "f-language", "Language "+badLanguage)
			if hint := doc(t, r.body).Find("#h-f-language").Text(); !strings.Contains(hint, "detected from the words") {
				t.Errorf("the language field's hint is %q", hint)
			}
			id := e.created(t, e.ed, "/desk/claims", with(with(claimForm(), "text", arabicWords), "language", "AR-eg"))
			c, err := e.store.GetClaim(t.Context(), id)
			if err != nil || c.Language != "ar-EG" {
				t.Fatalf("claim saved with language %q, %v", c.Language, err)
			}
			edit := doc(t, e.page(t, e.ed, claimPath(id)+"/edit", http.StatusOK))
			if v, _ := edit.Find(`#f-language`).Attr("value"); v != "ar-EG" {
				t.Errorf("the edit form shows the claim's language as %q", v)
			}
			if list, _ := edit.Find(`#f-language`).Attr("list"); edit.Find(`datalist#`+list+` option[value="ar"]`).Text() != "العربية" {
				t.Error("the language field does not suggest Arabic by its name")
			}
			e.mustPost(t, e.ed, claimPath(id), with(with(with(claimForm(), "text", frenchWords), "language", ""), "revision", "1"), http.StatusSeeOther, "")
			if c, _ = e.store.GetClaim(t.Context(), id); c.Language != "fr" {
				t.Fatalf("emptied, the language is %q, want fr detected", c.Language)
			}
			desk := doc(t, e.page(t, e.ed, claimPath(id), http.StatusOK))
			if lang, _ := desk.Find("blockquote.quote").Attr("lang"); lang != "fr" {
				t.Errorf("the desk's quote has lang %q", lang)
			}

			r = e.mustPost(t, e.ed, claimPath(id)+"/sources", with(sourceForm("contradicts"), "language", "??"), http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "source-language", "Language "+badLanguage)
			e.mustPost(t, e.ed, claimPath(id)+"/sources", with(with(sourceForm("contradicts"), "excerpt", russianWords), "language", ""), http.StatusSeeOther, "")
			if c, _ = e.store.GetClaim(t.Context(), id); len(c.Sources) != 1 || c.Sources[0].Language != "ru" {
				t.Fatalf("source languages: %+v", c.Sources)
			}

			r = e.mustPost(t, e.ed, claimPath(id)+"/verdicts", with(verdictForm("false"), "verdict_language", "english"), http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "verdict-language", "Language "+badLanguage)
			e.mustPost(t, e.ed, claimPath(id)+"/verdicts", with(verdictForm("false"), "verdict_language", "en-gb"), http.StatusSeeOther, "")
			v := e.openVerdict(t, id)
			if v.Language != "en-GB" {
				t.Fatalf("verdict language %q", v.Language)
			}
			page := doc(t, e.page(t, e.ed, claimPath(id), http.StatusOK))
			if got, _ := page.Find(`#verdict-language`).Attr("value"); got != "en-GB" {
				t.Errorf("the revise form shows the verdict's language as %q", got)
			}
			if lang, _ := page.Find("h3.verdict-headline").Attr("lang"); lang != "en-GB" {
				t.Errorf("the verdict headline has lang %q", lang)
			}
		})
	}
}

// TestClaimReviewFallsBackToTheSiteLanguage: a fact-check whose claim's
// language is not known gives the site's language as inLanguage, and its
// Atom entry no language of its own.
func TestClaimReviewFallsBackToTheSiteLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.publish(t, e.draftSaying(t, asAuthor, "OK", "The minister said OK"))
			if c.Language != "" {
				t.Fatalf("a two-letter claim has language %q", c.Language)
			}
			st, err := e.store.Settings(e.ctx())
			if err != nil {
				t.Fatal(err)
			}
			st.Language = "es"
			if _, err := e.store.UpdateSettings(e.ctx(), e.users[asAdmin], models.Meta{}, st); err != nil {
				t.Fatal(err)
			}
			if ld := pageClaimReview(t, e.testServer, c.Slug); ld["inLanguage"] != "es" {
				t.Errorf("inLanguage = %v, want es, the site's language", ld["inLanguage"])
			}
			if body := e.get(t, e.client(t), "/feed.atom").body; strings.Contains(body, "dc/elements/1.1/") {
				t.Errorf("the entry of a claim of no known language names one:\n%s", body)
			}
		})
	}
}

// TestAPIUpdateLanguages: an update of a published fact-check gives the
// claim's, each source's and the verdict's languages, takes new ones
// (verdict_language for the verdict's, refused under that name), and
// lists a change of language among its changes.
func TestAPIUpdateLanguages(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.publish(t, e.draftSaying(t, asAuthor, arabicWords, "The minister denied meeting the ambassador"))
			u := e.must(t, http.StatusCreated, asEditor, "POST", apiPath("/claims/%d/updates", c.ID), "")
			apiExpect(t, "the update's copy", u, http.StatusCreated, map[string]any{"claim.language": "ar", "verdict.language": apiString, "sources.0.language": apiString})
			path := apiPath("/updates/%d", u.id(t, "id"))
			apiExpect(t, "a bad verdict language", e.call(t, asEditor, "PATCH", path, `{"language":"ar-eg","verdict_language":"english"}`),
				http.StatusUnprocessableEntity, apiInvalid("verdict_language", badLanguage))
			apiExpect(t, "languages set", e.call(t, asEditor, "PATCH", path,
				`{"language":"ar-eg","verdict_language":"en-gb","sources":[{"source_id":`+apiItoa(u.id(t, "sources.0.source_id"))+`,"language":"EN"}]}`),
				http.StatusOK, map[string]any{"claim.language": "ar-EG", "verdict.language": "en-GB", "sources.0.language": "en",
					"changes.0.field": "Language", "changes.0.before": "ar", "changes.0.after": "ar-EG"})
		})
	}
}
