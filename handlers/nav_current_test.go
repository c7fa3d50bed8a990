package handlers_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"claimtracker/models/modelstest"
)

// ariaCurrent finds each aria-current attribute and the link text after it.
var ariaCurrent = regexp.MustCompile(`aria-current="([^"]*)"[^>]*>([^<]*)<`)

// Navigation marks the link to the page being shown with
// aria-current="page" and leaves the attribute off every other link: an
// empty aria-current is invalid HTML. In the main navigation and the desk's
// claim filters, for the public, the desk and administration.
func TestNavigationMarksOnlyTheCurrentPage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			pages := []struct {
				path    string
				current []string // the texts of the links marked current, in order
			}{
				{"/", []string{"Fact-checks"}},
				{"/people", []string{"People"}},
				{"/methodology", []string{"Methodology"}},
				{"/search?q=russians", nil},
				{"/no/such/page", nil},
				{"/desk", []string{"Desk"}},
				{"/desk/claims", []string{"Claims", "All", "Everyone's"}},
				{"/desk/claims?status=draft&mine=1", []string{"Claims", "Draft", "Mine"}},
				{claimPath(id), []string{"Claims"}},
				{"/desk/articles", []string{"Articles"}},
				{"/desk/review", []string{"Review"}},
				{"/admin/users", []string{"Admin"}},
				{"/admin/settings", []string{"Admin"}},
				{"/account", []string{"Account"}},
			}
			for _, p := range pages {
				r := e.get(t, e.admin, p.path)
				if r.status != http.StatusOK && r.status != http.StatusNotFound {
					t.Fatalf("GET %s: %d", p.path, r.status)
				}
				var current []string
				for _, m := range ariaCurrent.FindAllStringSubmatch(r.body, -1) {
					if m[1] != "page" {
						t.Errorf("GET %s: aria-current=%q on %q", p.path, m[1], m[2])
						continue
					}
					current = append(current, strings.TrimSpace(m[2]))
				}
				if strings.Join(current, "|") != strings.Join(p.current, "|") {
					t.Errorf("GET %s: links marked current %q, want %q", p.path, current, p.current)
				}
			}
		})
	}
}
