package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// htmlOpen returns the page's <html …> start tag.
func htmlOpen(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, "<html")
	if i < 0 {
		t.Fatal("no <html> in the page")
	}
	return body[i : i+strings.IndexByte(body[i:], '>')+1]
}

// The public site speaks the language a reader picks (?lang=, then
// remembered in a cookie), else the one their browser asks for, else the
// site's; each language is its own page to every cache, and a page in one
// language is never served for another.
func TestPublicPagesSpeakTheReadersLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			anon := ts.client(t)

			en := ts.get(t, anon, "/")
			if got := htmlOpen(t, en.body); got != `<html lang="en" dir="ltr">` {
				t.Errorf("a first visit with no Accept-Language: %s", got)
			}
			mustContain(t, "English home", en.body, ">Sign in<", `hreflang="ar"`, `>العربية<`)

			fr := ts.get(t, anon, "/?lang=fr")
			if got := htmlOpen(t, fr.body); got != `<html lang="fr" dir="ltr">` {
				t.Errorf("?lang=fr: %s", got)
			}
			mustContain(t, "?lang=fr", fr.body, ">Se connecter<", ">Personnalités<")
			if !strings.Contains(fr.header.Get("Set-Cookie"), "lang=fr") || fr.header.Get("Cache-Control") != "private, no-cache" {
				t.Errorf("?lang=fr: Set-Cookie %q, Cache-Control %q; want the choice remembered, privately", fr.header.Get("Set-Cookie"), fr.header.Get("Cache-Control"))
			}
			if fr.header.Get("Etag") == en.header.Get("Etag") {
				t.Error("the French and English home pages share an ETag")
			}
			if !varies(fr.header, "Accept-Language") || !varies(fr.header, "Cookie") {
				t.Errorf("Vary = %q", fr.header.Values("Vary"))
			}

			again := ts.get(t, anon, "/people")
			mustContain(t, "the next page, with the cookie", again.body, ">Se connecter<")
			if again.header.Get("Set-Cookie") != "" || again.header.Get("Cache-Control") != "public, no-cache" {
				t.Errorf("a page in the remembered language: Set-Cookie %q, Cache-Control %q", again.header.Get("Set-Cookie"), again.header.Get("Cache-Control"))
			}

			// A browser that asks for Arabic gets the page right to left;
			// one that asks for no language the interface speaks gets the
			// site's, and an unknown ?lang= changes nothing.
			ar := ts.do(t, ts.client(t), "GET", "/", nil, map[string]string{"Accept-Language": "ar-EG,ar;q=0.9,en;q=0.5"})
			if got := htmlOpen(t, ar.body); got != `<html lang="ar" dir="rtl">` {
				t.Errorf("Accept-Language ar-EG: %s", got)
			}
			mustContain(t, "Arabic home", ar.body, ">تسجيل الدخول<")
			de := ts.do(t, ts.client(t), "GET", "/?lang=xx", nil, map[string]string{"Accept-Language": "de-DE"})
			if got := htmlOpen(t, de.body); got != `<html lang="en" dir="ltr">` || de.header.Get("Set-Cookie") != "" {
				t.Errorf("Accept-Language de with ?lang=xx: %s, Set-Cookie %q", got, de.header.Get("Set-Cookie"))
			}

			// The site's own language decides for readers who ask for none.
			admin := modelstest.User(t, ts.store, "admin@example.org", models.RoleAdmin)
			st, _ := ts.store.Settings(context.Background())
			st.Language = "pt"
			if _, err := ts.store.UpdateSettings(context.Background(), admin, models.Meta{}, st); err != nil {
				t.Fatal(err)
			}
			pt := ts.get(t, ts.client(t), "/")
			if got := htmlOpen(t, pt.body); got != `<html lang="pt" dir="ltr">` {
				t.Errorf("site language pt: %s", got)
			}
			mustContain(t, "Portuguese home", pt.body, ">Entrar<")
			if r := ts.get(t, ts.client(t), "/claimreview.json"); r.status != http.StatusOK || varies(r.header, "Accept-Language") {
				t.Errorf("the ClaimReview feed is data, the same in every language: %d, Vary %q", r.status, r.header.Values("Vary"))
			}
		})
	}
}

// Each desk user reads the desk in their own language, whatever their
// browser asks for; with none set, the reader's choice applies.
func TestDeskSpeaksTheUsersLanguage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			if _, err := e.store.SetLanguage(context.Background(), e.edUser, models.Meta{}, "ar"); err != nil {
				t.Fatal(err)
			}
			r := e.do(t, e.ed, "GET", "/desk", nil, map[string]string{"Accept-Language": "fr"})
			if got := htmlOpen(t, r.body); got != `<html lang="ar" dir="rtl">` {
				t.Errorf("an editor who reads Arabic: %s", got)
			}
			mustContain(t, "the Arabic desk", r.body, ">تسجيل الخروج<")
			r = e.do(t, e.rev, "GET", "/desk", nil, map[string]string{"Accept-Language": "fr"})
			if got := htmlOpen(t, r.body); got != `<html lang="fr" dir="ltr">` {
				t.Errorf("a reviewer with no language of their own: %s", got)
			}
			if _, err := e.store.SetLanguage(context.Background(), e.revUser, models.Meta{}, "de"); models.FieldErrors(err)["language"] == "" {
				t.Errorf("SetLanguage(de) = %v, want a field error on language", err)
			}
		})
	}
}

// The language switcher never links to another host, keeps what makes a
// search a search, and the cookie it sets never goes out on an answer a
// shared cache may keep (a file, robots.txt).
func TestLanguageSwitchStaysOnTheSiteAndPrivate(t *testing.T) {
	ts := newServer(t, modelstest.Engines()[0])
	anon := ts.client(t)
	r := ts.get(t, anon, "//evil.example/x")
	if strings.Contains(r.body, "//evil.example") {
		t.Errorf("a page asked for as //evil.example/x links there: %d", r.status)
	}
	if !varies(r.header, "Accept-Language") {
		t.Errorf("an error page in the reader's language: Vary %q", r.header.Values("Vary"))
	}
	s := ts.get(t, anon, "/search?q=minister")
	mustContain(t, "search", s.body, `href="/search?lang=fr&amp;q=minister"`)
	for _, path := range []string{"/robots.txt?lang=ar", "/?lang=es"} {
		r := ts.get(t, ts.client(t), path)
		if cc := r.header.Get("Cache-Control"); r.header.Get("Set-Cookie") != "" && strings.Contains(cc, "public") {
			t.Errorf("%s sets a cookie with Cache-Control %q", path, cc)
		}
	}
}

// A desk user whose own language is Arabic who picks French in the footer
// keeps French on the next pages of that browser; saving a language on the
// account page makes it this browser's choice again.
func TestLanguageSwitchOutlastsOnePageForADeskUser(t *testing.T) {
	e := newDeskEnv(t, modelstest.Engines()[0])
	if _, err := e.store.SetLanguage(context.Background(), e.edUser, models.Meta{}, "ar"); err != nil {
		t.Fatal(err)
	}
	if got := htmlOpen(t, e.get(t, e.ed, "/desk?lang=fr").body); got != `<html lang="fr" dir="ltr">` {
		t.Errorf("the switcher's page: %s", got)
	}
	if got := htmlOpen(t, e.get(t, e.ed, "/desk/claims").body); got != `<html lang="fr" dir="ltr">` {
		t.Errorf("the next page after choosing French: %s", got)
	}
	e.mustPost(t, e.ed, "/account/language", url.Values{"language": {"ar"}}, http.StatusSeeOther, "/account?done=language#language")
	if got := htmlOpen(t, e.get(t, e.ed, "/desk/claims").body); got != `<html lang="ar" dir="rtl">` {
		t.Errorf("after saving Arabic on the account page: %s", got)
	}
}
