package handlers_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// /admin was a 404, and the rating scale and settings pages were linked
// from the desk only. /admin is now the index of the admin pages (accounts,
// API tokens, the rating scale, the settings), and the main navigation's
// "Admin" leads there, for admins only.
func TestAdminIndexListsTheAdminPages(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			disabled := true
			gone := modelstest.User(t, e.store, "gone@example.org", models.RoleEditor)
			if _, err := e.store.UpdateUser(context.Background(), modelstest.User(t, e.store, "boss@example.org", models.RoleAdmin), models.Meta{}, gone.ID, models.UserChange{Disabled: &disabled}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := e.store.CreateAPIToken(context.Background(), nil, models.Meta{}, "ed@example.org", "CMS import"); err != nil {
				t.Fatal(err)
			}
			body := e.page(t, e.admin, "/admin", http.StatusOK)
			d := doc(t, body)
			if got := d.Find("main h1").Text(); got != "Administration" {
				t.Errorf("h1 %q", got)
			}
			for _, href := range []string{"/admin/users", "/admin/ratings", "/admin/settings", "/admin/jobs"} {
				if d.Find(`main a[href="`+href+`"]`).Length() == 0 {
					t.Errorf("the index does not link to %s", href)
				}
			}
			panels := map[string]*goquery.Selection{}
			d.Find("main section.panel").Each(func(_ int, s *goquery.Selection) {
				panels[strings.TrimSpace(s.Find("h2").Text())] = s
			})
			// ed, other, rev, admin and boss are active; gone is disabled.
			for title, n := range map[string]string{"Accounts": "5", "API tokens": "1", "Rating scale": "7"} {
				if got := panels[title].Find(".n").Text(); got != n {
					t.Errorf("panel %q counts %q, want %s", title, got, n)
				}
			}
			mustContain(t, "accounts", panels["Accounts"].Text(), "1 more is disabled")
			mustContain(t, "tokens", strings.Join(texts(panels["API tokens"].Find(".row-item")), "\n"), "CMS import", "Test ed · ct_", "· never used")
			if got := strings.Join(texts(panels["Site settings"].Find("dt, dd")), "|"); got != "Newsroom|Claimtracker Newsroom|Time zone|UTC|Public site language|English|Two-factor sign-in for admins|Not required" {
				t.Errorf("settings panel: %s", got)
			}
			nav := doc(t, e.page(t, e.admin, "/desk", http.StatusOK)).Find(`header.masthead nav a[href="/admin"]`)
			if nav.Length() != 1 || strings.TrimSpace(nav.Text()) != "Admin" {
				t.Errorf("the admin's navigation has %d links to /admin", nav.Length())
			}
			if n := doc(t, e.page(t, e.ed, "/desk", http.StatusOK)).Find(`a[href^="/admin"]`).Length(); n != 0 {
				t.Errorf("an editor's desk links to admin pages %d times", n)
			}
			e.page(t, e.ed, "/admin", http.StatusForbidden)
			e.page(t, e.rev, "/admin", http.StatusForbidden)
		})
	}
}
