package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// errorPage is an error page's language, title and words, as a reader sees them.
type errorPage struct {
	status      int
	html, title string
	text        string
}

func readErrorPage(t *testing.T, r result) errorPage {
	t.Helper()
	d := doc(t, r.body)
	return errorPage{status: r.status, html: htmlOpen(t, r.body), title: d.Find("head title").Text(),
		text: strings.Join(strings.Fields(d.Find("main").Text()), " ")}
}

// The 403 of a form sent from another site and the 413 of a body too large
// were always in English (<html lang="en">): the middleware that refuses
// them runs before the one that chooses the reader's language. Every error
// page now speaks the reader's language, and varies by it.
func TestEarlyRefusalsSpeakTheReadersLanguage(t *testing.T) {
	ts := newServer(t, "sqlite")
	big := "email=" + strings.Repeat("x", handlers.MaxBodyBytes+10)
	for _, tc := range []struct {
		lang, html            string
		forbidden, crossSite  string
		tooLarge, tooLargeMsg string
	}{
		{"fr", `<html lang="fr" dir="ltr">`, "Non autorisé", "Ce formulaire a été envoyé depuis un autre site", "Trop volumineux", "La requête dépasse 1 Mio."},
		{"ar", `<html lang="ar" dir="rtl">`, "غير مسموح", "أُرسل هذا النموذج من موقع آخر فرُفض.", "كبير جدًا", "حجم الطلب أكبر من 1 ميبيبايت."},
	} {
		for _, how := range []struct {
			name string
			hdr  map[string]string
		}{
			{"cookie", map[string]string{"Cookie": "lang=" + tc.lang}},
			{"Accept-Language", map[string]string{"Accept-Language": tc.lang}},
		} {
			with := func(extra map[string]string) map[string]string {
				out := map[string]string{}
				for k, v := range how.hdr {
					out[k] = v
				}
				for k, v := range extra {
					out[k] = v
				}
				return out
			}
			cross := ts.do(t, ts.client(t), "POST", "/login", strings.NewReader("email=a"), with(map[string]string{"Origin": "http://evil.com"}))
			p := readErrorPage(t, cross)
			if p.status != http.StatusForbidden || p.html != tc.html || !strings.Contains(p.title, tc.forbidden) || !strings.Contains(p.text, tc.crossSite) {
				t.Errorf("%s by %s, a cross-site post: %d %s, title %q, text %q", tc.lang, how.name, p.status, p.html, p.title, p.text)
			}
			if !varies(cross.header, "Accept-Language") {
				t.Errorf("%s by %s, a cross-site post: Vary %q", tc.lang, how.name, cross.header.Values("Vary"))
			}

			large := ts.do(t, ts.client(t), "POST", "/login", strings.NewReader(big), with(nil))
			p = readErrorPage(t, large)
			if p.status != http.StatusRequestEntityTooLarge || p.html != tc.html || !strings.Contains(p.title, tc.tooLarge) || !strings.Contains(p.text, tc.tooLargeMsg) {
				t.Errorf("%s by %s, a body too large: %d %s, title %q, text %q", tc.lang, how.name, p.status, p.html, p.title, p.text)
			}
			if !varies(large.header, "Accept-Language") {
				t.Errorf("%s by %s, a body too large: Vary %q", tc.lang, how.name, large.header.Values("Vary"))
			}
		}
	}
}

// The JSON API's errors stay in English, whatever language the client
// asks for, refusals by early middleware included.
func TestEarlyRefusalsOfTheAPIStayEnglishJSON(t *testing.T) {
	e := newAPIEnv(t, "sqlite")
	hdr := map[string]string{"Authorization": "Bearer " + e.tokens[asEditor], "Content-Type": "application/json",
		"Accept-Language": "fr", "Cookie": "lang=ar"}
	big := `{"text":"` + strings.Repeat("x", handlers.MaxBodyBytes) + `"}`
	large := e.do(t, e.http, "POST", "/api/v1/claims", strings.NewReader(big), hdr)
	if large.status != http.StatusRequestEntityTooLarge || !strings.HasPrefix(large.header.Get("Content-Type"), "application/json") ||
		!strings.Contains(large.body, `"message":"The request is larger than 1 MiB."`) {
		t.Errorf("API body too large: %d %s\n%s", large.status, large.header.Get("Content-Type"), large.body)
	}
	hdr["Origin"] = "http://evil.com"
	cross := e.do(t, e.http, "POST", "/api/v1/claims", strings.NewReader(`{}`), hdr)
	if cross.status != http.StatusForbidden || !strings.HasPrefix(cross.header.Get("Content-Type"), "application/json") ||
		!strings.Contains(cross.body, `"message":"This form was sent from another site and was refused."`) {
		t.Errorf("API cross-site: %d %s\n%s", cross.status, cross.header.Get("Content-Type"), cross.body)
	}
}

// Error pages made by middleware that runs before the newsroom's name is
// known (403 cross-site, 413, the 404 and 422 of a bad path or query
// parameter) said "Claimtracker" instead of the site name of Admin →
// Settings. Every error page now names the newsroom.
func TestErrorPagesNameTheNewsroom(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			admin := modelstest.User(t, e.store, "settings-admin@example.org", models.RoleAdmin)
			st, err := e.store.Settings(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			st.OrganizationName = "Claimtracker Newsroom"
			if _, err := e.store.UpdateSettings(t.Context(), admin, models.Meta{}, st); err != nil {
				t.Fatal(err)
			}
			big := "email=" + strings.Repeat("x", handlers.MaxBodyBytes+10)
			anon := e.client(t)
			for _, tc := range []struct {
				name   string
				r      result
				status int
			}{
				{"cross-site post", e.do(t, anon, "POST", "/login", strings.NewReader("email=a"), map[string]string{"Origin": "http://evil.com"}), 403},
				{"body too large", e.do(t, anon, "POST", "/login", strings.NewReader(big), nil), 413},
				{"bad path parameter", e.get(t, anon, "/claims/a%00b"), 404},
				{"bad query parameter", e.get(t, anon, "/search?q=a%00b"), 422},
				{"no such page", e.get(t, anon, "/no/such/page"), 404},
				{"no such claim on the desk", e.get(t, e.ed, "/desk/claims/999999"), 404},
			} {
				d := doc(t, tc.r.body)
				title, brand := d.Find("head title").Text(), strings.TrimSpace(d.Find("header .brand").Text())
				footer := strings.Join(strings.Fields(d.Find("footer").Text()), " ")
				if tc.r.status != tc.status || !strings.HasSuffix(title, "Claimtracker Newsroom") || brand != "Claimtracker Newsroom" ||
					!strings.Contains(footer, "Claimtracker Newsroom") {
					t.Errorf("%s: %d (want %d), title %q, masthead %q, footer %q", tc.name, tc.r.status, tc.status, title, brand, footer)
				}
			}
		})
	}
}
