package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A desk form refused for its input says why in the user's language, with
// numbers and days written as that language writes them, while the JSON
// API refuses the same input in English.
func TestRefusedFormsSpeakTheUsersLanguageAndTheAPIEnglish(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			e.mustPost(t, e.ed, "/account/language", url.Values{"language": {"fr"}}, http.StatusSeeOther, "/account?done=language#language")

			bad := claimForm()
			bad.Set("text", "")
			bad.Set("summary", strings.Repeat("s", models.MaxSummary+1))
			bad.Set("said_at", "2999-01-01")
			r := e.post(t, e.ed, "/desk/claims", bad)
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("refused claim: %d, want 422\n%s", r.status, errorsIn(r.body))
			}
			mustContain(t, "French page", r.body, `<html lang="fr" dir="ltr">`)
			errs := errorsIn(r.body)
			for _, want := range []string{
				"e-f-text: ",
				"champ obligatoire",
				"75 caractères au maximum",
				"ne peut pas être postérieure à aujourd&#39;hui (",
			} {
				if !strings.Contains(errs, want) {
					t.Errorf("French errors lack %q:\n%s", want, errs)
				}
			}
			if strings.Contains(errs, "is required") || strings.Contains(errs, "must ") {
				t.Errorf("English reasons on a French page:\n%s", errs)
			}

			// The API, with a token of the same French-speaking user.
			tok, _, err := e.store.CreateAPIToken(context.Background(), nil, models.Meta{}, e.edUser.Email, "tests")
			if err != nil {
				t.Fatal(err)
			}
			body := `{"text":"","summary":"` + strings.Repeat("s", models.MaxSummary+1) + `","speaker":"Pat Speaker","said_at":"2999-01-01"}`
			api := e.do(t, e.client(t), "POST", "/api/v1/claims", strings.NewReader(body),
				map[string]string{"Authorization": "Bearer " + tok, "Content-Type": "application/json", "Accept-Language": "fr"})
			if api.status != http.StatusUnprocessableEntity {
				t.Fatalf("API: %d, want 422\n%s", api.status, api.body)
			}
			var got struct {
				Error struct {
					Message string            `json:"message"`
					Fields  map[string]string `json:"fields"`
				} `json:"error"`
			}
			if err := json.Unmarshal([]byte(api.body), &got); err != nil {
				t.Fatal(err)
			}
			if got.Error.Message != "Some fields are invalid." || got.Error.Fields["text"] != "is required" ||
				got.Error.Fields["summary"] != "must be at most 75 characters" ||
				!strings.HasPrefix(got.Error.Fields["said_at"], "must not be after today (") {
				t.Errorf("API error, want English: %s", api.body)
			}
		})
	}
}

// The account page chooses the language the desk speaks to its user: the
// site's (empty) or one of the interface languages, each named in its own
// language; an unknown one is refused in the page's language.
func TestAccountLanguageSetsTheDesksLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			pg := e.page(t, e.ed, "/account", http.StatusOK)
			mustContain(t, "account", pg, `action="/account/language"`, `<option value="" selected>Same as the site</option>`,
				`<option value="fr" lang="fr" dir="ltr">Français</option>`, `<option value="ar" lang="ar" dir="rtl">العربية</option>`)

			e.mustPost(t, e.ed, "/account/language", url.Values{"language": {"ar"}}, http.StatusSeeOther, "/account?done=language#language")
			pg = e.page(t, e.ed, "/account?done=language", http.StatusOK)
			mustContain(t, "Arabic account", pg, `<html lang="ar" dir="rtl">`, "<h2 id=\"h-language\">اللغة</h2>",
				"حُفظت اللغة.", `<option value="ar" lang="ar" dir="rtl" selected>العربية</option>`)
			desk := e.page(t, e.ed, "/desk", http.StatusOK)
			mustContain(t, "Arabic desk", desk, `<html lang="ar" dir="rtl">`)
			// Other users keep theirs.
			mustContain(t, "other user's desk", e.page(t, e.other, "/desk", http.StatusOK), `<html lang="en" dir="ltr">`)

			r := e.post(t, e.ed, "/account/language", url.Values{"language": {"xx"}})
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("unknown language: %d, want 422", r.status)
			}
			mustContain(t, "refused language", r.body, "يجب أن تكون إحدى لغات الواجهة")

			e.mustPost(t, e.ed, "/account/language", url.Values{"language": {""}}, http.StatusSeeOther, "/account?done=language#language")
			mustContain(t, "back to the site's", e.page(t, e.ed, "/desk", http.StatusOK), `<html lang="en" dir="ltr">`)
			u, err := e.store.GetUser(context.Background(), e.edUser.ID)
			if err != nil || u.Language != "" {
				t.Fatalf("language after choosing the site's: %q (%v)", u.Language, err)
			}
		})
	}
}

// The site's language, set in the admin settings, is what a new reader
// gets; the settings form offers every interface language.
func TestAdminSettingsChooseTheSitesLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			pg := e.page(t, e.admin, "/admin/settings", http.StatusOK)
			mustContain(t, "settings", pg, `<label for="f-language">Public site language</label>`,
				`<option value="en" lang="en" dir="ltr" selected>English</option>`, `<option value="pt" lang="pt" dir="ltr">Português</option>`)
			form := url.Values{"organization_name": {"La Rédaction"}, "time_zone": {"UTC"}, "language": {"fr"},
				"corrections_policy": {"Nous corrigeons."}, "revision": {hidden(t, pg, "/admin/settings", "revision")}}
			e.mustPost(t, e.admin, "/admin/settings", form, http.StatusSeeOther, "/admin/settings?done=settings")
			reader := e.client(t)
			mustContain(t, "new reader", e.get(t, reader, "/").body, `<html lang="fr" dir="ltr">`)
			mustContain(t, "new reader's 404", e.get(t, reader, "/nothing-here").body, "Introuvable", "Il n&#39;y a rien à cette adresse.")

			form.Set("language", "xx")
			form.Set("revision", hidden(t, e.page(t, e.admin, "/admin/settings", http.StatusOK), "/admin/settings", "revision"))
			r := e.post(t, e.admin, "/admin/settings", form)
			// The site now speaks French to the admin too, who chose no language.
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `<span class="error-text" id="e-language">Langue du site public : doit être l&#39;une des langues de l&#39;interface</span>`) {
				t.Errorf("unknown site language: %d\n%s", r.status, errorsIn(r.body))
			}
		})
	}
}

// The error pages speak the reader's language: a 404 in Arabic, right to
// left, and a refused form without its own page naming each field in
// French.
func TestErrorPagesSpeakTheReadersLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			c := ts.client(t)
			r := ts.get(t, c, "/claims/no-such-claim?lang=ar")
			if r.status != http.StatusNotFound {
				t.Fatalf("missing claim: %d, want 404", r.status)
			}
			mustContain(t, "Arabic 404", r.body, `<html lang="ar" dir="rtl">`, "<title>غير موجود ·", "<h1>غير موجود</h1>",
				`<p class="lede">لا يوجد شيء على هذا العنوان.</p>`, `<a class="btn secondary" href="/">الانتقال إلى التدقيقات</a>`)
			if strings.Contains(r.body, "Not found") || strings.Contains(r.body, "nothing at this address") {
				t.Error("English words on the Arabic 404 page")
			}

			// A query parameter the input policy refuses is a 422 page that
			// names the parameter and why, nested reason included.
			r = ts.get(t, ts.client(t), "/search?lang=fr&q=a%00b")
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("refused query: %d, want 422", r.status)
			}
			mustContain(t, "French 422", r.body, "<h1>Saisie non valide</h1>",
				"Certains champs ne sont pas valides. q : ne doit pas contenir de caractères de contrôle (U+0000).")

			// Throttled sign-ins wait in words of the language.
			ts2 := newServer(t, engine)
			modelstest.User(t, ts2.store, "ed@example.org", models.RoleEditor)
			b := ts2.client(t)
			ts2.get(t, b, "/login?lang=es")
			var last result
			for range 12 {
				last = ts2.post(t, b, "/login", url.Values{"email": {"ed@example.org"}, "password": {"wrong password here"}})
				if last.status == http.StatusTooManyRequests {
					break
				}
			}
			if last.status != http.StatusTooManyRequests {
				t.Fatalf("no throttling after many failures: %d", last.status)
			}
			mustContain(t, "Spanish throttling", last.body, "Demasiados intentos fallidos para esta cuenta o desde esta dirección. Vuelva a intentarlo dentro de ")
			if !strings.Contains(last.body, " minuto") && !strings.Contains(last.body, " segundo") {
				t.Errorf("the wait is not in Spanish words:\n%s", last.body)
			}
		})
	}
}
