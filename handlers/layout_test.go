package handlers_test

import (
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// layoutPages are pages of every kind: public (cached or not), sign-in,
// errors, the desk, administration and the account.
func layoutPages(slug string) (public, signedIn []string) {
	public = []string{"/", "/claims/" + slug, "/people", "/people/jeff-sessions", "/search?q=russians", "/methodology", "/login", "/no/such/page"}
	signedIn = []string{"/desk", "/desk/claims", "/desk/articles", "/desk/review", "/admin", "/admin/users", "/admin/ratings", "/admin/settings", "/account", "/"}
	return public, signedIn
}

// The newsroom's name from the settings was in no page's masthead, title
// or footer, which all said "Claimtracker". Every page now names the
// newsroom, and a public page shown before the name changed shows the new
// name after.
func TestPagesNameTheNewsroom(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			public, signedIn := layoutPages(c.Slug)
			anon := ts.client(t)
			for _, p := range public {
				ts.get(t, anon, p) // cached under the old name
			}
			st, err := ts.store.Settings(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			st.OrganizationName = "The Harbour Ledger"
			if _, err := ts.store.UpdateSettings(t.Context(), n.adm, models.Meta{}, st); err != nil {
				t.Fatal(err)
			}
			admin, _ := ts.login(t, "layout-admin@example.org", models.RoleAdmin)
			for _, who := range []struct {
				name  string
				paths []string
			}{{"public", public}, {"admin", signedIn}} {
				cl := anon
				if who.name == "admin" {
					cl = admin
				}
				for _, p := range who.paths {
					d := doc(t, ts.get(t, cl, p).body)
					title := d.Find("head title").Text()
					if !strings.HasSuffix(title, "The Harbour Ledger") || strings.Contains(title, "Claimtracker") {
						t.Errorf("%s %s: title %q", who.name, p, title)
					}
					if got := strings.TrimSpace(d.Find("header .brand").Text()); got != "The Harbour Ledger" {
						t.Errorf("%s %s: masthead %q", who.name, p, got)
					}
					if got := d.Find("footer").Text(); !strings.Contains(got, "The Harbour Ledger") {
						t.Errorf("%s %s: footer %q", who.name, p, strings.Join(strings.Fields(got), " "))
					}
				}
			}
		})
	}
}

// Every navigation link carried aria-current, empty ("") on all but the
// current page, which the Nu HTML checker rejects. Now only the link to the
// page shown carries it, as "page".
func TestNavigationMarksOnlyTheCurrentPage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			public, signedIn := layoutPages(c.Slug)
			admin, _ := ts.login(t, "nav-admin@example.org", models.RoleAdmin)
			current := map[string]string{"/": "/", "/people": "/people", "/people/jeff-sessions": "/people", "/methodology": "/methodology",
				"/desk": "/desk", "/desk/claims": "/desk/claims", "/desk/articles": "/desk/articles", "/desk/review": "/desk/review",
				"/admin": "/admin", "/admin/users": "/admin", "/admin/ratings": "/admin", "/admin/settings": "/admin", "/account": "/account"}
			for _, who := range []struct {
				name  string
				paths []string
			}{{"public", public}, {"admin", signedIn}} {
				cl := ts.client(t)
				if who.name == "admin" {
					cl = admin
				}
				for _, p := range append(who.paths, "/desk/claims?status=draft") {
					if who.name == "public" && strings.HasPrefix(p, "/desk") {
						continue
					}
					body := ts.get(t, cl, p).body
					if strings.Contains(body, `aria-current=""`) {
						t.Errorf("%s %s: an empty aria-current", who.name, p)
					}
					marked := doc(t, body).Find(`header.masthead nav [aria-current]`)
					want := current[strings.SplitN(p, "?", 2)[0]]
					switch {
					case want == "" && marked.Length() != 0:
						t.Errorf("%s %s: %d links marked current", who.name, p, marked.Length())
					case want != "" && (marked.Length() != 1 || marked.AttrOr("aria-current", "") != "page" || marked.AttrOr("href", "") != want):
						t.Errorf("%s %s: marked %d links, the first %q", who.name, p, marked.Length(), marked.AttrOr("href", ""))
					}
				}
			}
		})
	}
}
