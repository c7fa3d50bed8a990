package handlers_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// coldClaims is how many published claims the cold-render benchmarks run
// against.
const coldClaims = 100_000

// coldBudget is the most a public page may take to render cold at
// coldClaims; a benchmark whose mean is over it fails.
const coldBudget = 20 * time.Millisecond

// coldSite is one app on a store seeded with coldClaims published claims,
// shared by every cold-render benchmark of a run on one engine: seeding
// takes longer than all of them together.
type coldSite struct {
	once sync.Once
	err  error
	echo *echo.Echo
	// cookie signs the benchmark's reader in. Public pages are built afresh
	// for a signed-in reader on every request, bypassing the caches in
	// memory and in the database (see servePublic), so each request costs
	// one cold render.
	cookie *http.Cookie
	// person is the slug of the speaker with the most public claims.
	person string
}

var (
	coldSites = map[string]*coldSite{"sqlite": {}, "postgres": {}}
	// coldCleanups close the seeded stores and remove their data when the
	// test binary ends, newest first.
	coldMu       sync.Mutex
	coldCleanups []func()
)

// TestMain removes what the cold-render benchmarks seeded, once every test
// and benchmark of the package has run.
func TestMain(m *testing.M) {
	code := m.Run()
	coldMu.Lock()
	for i := len(coldCleanups) - 1; i >= 0; i-- {
		coldCleanups[i]()
	}
	coldMu.Unlock()
	os.Exit(code)
}

// onExit has fn run when the test binary ends.
func onExit(fn func()) {
	coldMu.Lock()
	coldCleanups = append(coldCleanups, fn)
	coldMu.Unlock()
}

// coldSiteOn returns the seeded site of engine, seeding it on first use.
func coldSiteOn(b *testing.B, engine string) *coldSite {
	b.Helper()
	site := coldSites[engine]
	site.once.Do(func() { site.err = site.seed(engine) })
	if site.err != nil {
		b.Fatal(site.err)
	}
	return site
}

// coldDSN is a fresh, empty database of engine that lives until the test
// binary ends.
func coldDSN(engine string) (string, error) {
	if engine == "sqlite" {
		dir, err := os.MkdirTemp("", "claimtracker-cold-")
		if err != nil {
			return "", err
		}
		onExit(func() { _ = os.RemoveAll(dir) })
		return filepath.Join(dir, "cold.db"), nil
	}
	base := os.Getenv(modelstest.PostgresEnv)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "cold_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		_ = admin.Close()
		return "", fmt.Errorf("create schema: %w", err)
	}
	onExit(func() {
		_, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		_ = admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// seed opens a store of engine, fills it and signs a reader in.
func (site *coldSite) seed(engine string) error {
	ctx := context.Background()
	dsn, err := coldDSN(engine)
	if err != nil {
		return err
	}
	cfg := models.Config{Logger: slog.New(slog.DiscardHandler)}
	s, err := models.Open(ctx, dsn, cfg)
	if err != nil {
		return err
	}
	if _, err := s.Migrate(ctx); err != nil {
		_ = s.Close()
		return err
	}
	start := time.Now()
	if err := s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: coldClaims, SourcesPerClaim: 3, Published: true, Seed: 7}); err != nil {
		_ = s.Close()
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: seeded %d claims in %v\n", engine, coldClaims, time.Since(start).Round(time.Millisecond))
	// Serve from a store opened afresh, as a server starts on a database
	// loaded before: SQLite connections read the planner's statistics when
	// they open, and those of the loading store opened with none.
	if err := s.Close(); err != nil {
		return err
	}
	if s, err = models.Open(ctx, dsn, cfg); err != nil {
		return err
	}
	onExit(func() { _ = s.Close() })
	const email = "cold-reader@example.org"
	if _, err := s.CreateUser(ctx, nil, models.Meta{}, models.NewUser{Email: email, Name: "Cold Reader", Role: models.RoleEditor, Password: modelstest.Password}); err != nil {
		return err
	}
	token, _, err := s.Login(ctx, models.Meta{}, email, modelstest.Password)
	if err != nil {
		return err
	}
	people, err := s.PublicPeople(ctx)
	if err != nil {
		return err
	}
	most := 0
	for _, p := range people {
		if p.Claims > most {
			most, site.person = p.Claims, p.Slug
		}
	}
	site.cookie = &http.Cookie{Name: "claimtracker_session", Value: token}
	site.echo = handlers.New(handlers.Config{Store: s, Logger: slog.New(slog.DiscardHandler), BaseURL: &url.URL{Scheme: "http", Host: "facts.example.org"}})
	return nil
}

// get serves one request for path as the signed-in reader and fails the
// benchmark unless it is a 200.
func (site *coldSite) get(b *testing.B, path string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.AddCookie(site.cookie)
	w := httptest.NewRecorder()
	site.echo.ServeHTTP(w, req)
	if w.Code != http.StatusOK {
		body := w.Body.String()
		b.Fatalf("GET %s: %d %.300s", path, w.Code, body)
	}
	// The public API's list is never cached; everything else a signed-in
	// reader gets is built for them alone.
	if cc := w.Header().Get("Cache-Control"); cc != "private, no-store" && !strings.HasPrefix(path, "/api/") {
		b.Fatalf("GET %s was not rendered afresh (Cache-Control %q)", path, cc)
	}
}

// withinBudget fails the benchmark when its mean is over coldBudget. The
// first, single-request run, which also warms the connections, is not
// judged.
func withinBudget(b *testing.B) {
	if b.N < 2 {
		return
	}
	if per := b.Elapsed() / time.Duration(b.N); per > coldBudget {
		b.Errorf("%v a cold render, over the budget of %v", per, coldBudget)
	}
}

// BenchmarkColdRender renders each kind of public page cold, that is
// without any cache, on a store of 100,000 published claims: what the
// first reader after a publish waits for. A page kind whose mean is over
// coldBudget (20 ms) fails. On PostgreSQL too when CLAIMTRACKER_TEST_POSTGRES
// is set.
//
//	go test -tags sqlite_fts5 -run '^$' -bench ColdRender -benchtime 20x ./handlers
func BenchmarkColdRender(b *testing.B) {
	for _, engine := range modelstest.Engines() {
		b.Run(engine, func(b *testing.B) {
			site := coldSiteOn(b, engine)
			pages := []struct{ name, path string }{
				{"home", "/"},
				{"home_page_50", "/?page=50"},
				{"home_by_rating", "/?rating=false"},
				{"home_by_rating_page_50", "/?rating=false&page=50"},
				{"home_by_person", "/?person=" + site.person},
				// Tags: "budget" is on about half the claims, "oceans" on 0.4%.
				{"home_by_tag", "/?tag=budget"},
				{"home_by_rare_tag", "/?tag=oceans"},
				// Words: "budget" is in over half the claims; the surname
				// "zeller" in about 4% (more than are ranked); the full name
				// in about 0.15%, which are ranked by relevance.
				{"search_common_word", "/search?q=budget"},
				{"search_common_word_page_50", "/search?q=budget&page=50"},
				{"search_rare_word", "/search?q=zeller"},
				{"search_name", "/search?q=zoe+zeller"},
				// Inside words (the substring index): "udge" inside
				// "budget"; a word that is nowhere; one Chinese
				// character, which no index holds alone (every claim's
				// text is read).
				{"search_inside_word", "/search?q=udge"},
				{"search_no_match", "/search?q=qwzxv"},
				{"search_one_han_character", "/search?q=%E7%96%AB"},
				{"feed_atom", "/feed.atom"},
				{"corrections_atom", "/corrections.atom"},
				{"people", "/people"},
				{"person", "/people/" + site.person},
				{"sitemap_index", "/sitemap.xml"},
				{"sitemap_claims", "/sitemaps/claims-2.xml"},
				{"sitemap_pages", "/sitemaps/pages.xml"},
				{"methodology", "/methodology"},
				{"api_list", "/api/v1/public/claims"},
				{"api_list_page_50", "/api/v1/public/claims?page=50"},
				{"api_search_common_word", "/api/v1/public/claims?q=budget"},
			}
			b.Run("claim", func(b *testing.B) {
				i := 0
				for b.Loop() {
					i++
					site.get(b, fmt.Sprintf("/claims/seed-0-%d", (i*7919)%coldClaims+1))
				}
				withinBudget(b)
			})
			for _, p := range pages {
				b.Run(p.name, func(b *testing.B) {
					for b.Loop() {
						site.get(b, p.path)
					}
					withinBudget(b)
				})
			}
		})
	}
}
