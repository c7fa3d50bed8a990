package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/pquerna/otp/totp"

	"claimtracker/demo"
	"claimtracker/handlers"
	"claimtracker/models"
)

// The Nu HTML checker (vnu.jar, https://validator.github.io/validator/)
// reads every distinct HTML page the browser tests were served, in one run
// after all the tests: a page with an error fails the package.
//
// The pages are recorded on the server side (startApp wraps the handler in
// servedPages.record), so what is checked is the markup the server sent,
// before any script ran. Each distinct document (same request, same bytes)
// is checked once; fragments that are not whole documents (no doctype) and
// answers that are not text/html are left out.
//
// CLAIMTRACKER_VNU_JAR names vnu.jar (CI installs it from npm's vnu-jar);
// java must be on PATH. Without either the check is skipped, unless
// CLAIMTRACKER_REQUIRE_BROWSER=1, when it fails.

// servedPages collects the HTML documents served during this test run.
var servedPages = &pageLog{}

// TestMain runs the tests, then the HTML checker once over every page the
// tests were served.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "claimtracker-e2e-pages-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	servedPages.dir = dir
	code := m.Run()
	ok := validateServedPages(os.Stdout)
	if flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.skip").Value.String() == "" {
		ok = allPagesVisited(os.Stdout) && ok
	}
	if !ok {
		// Keep the pages, to open the ones the report names.
		fmt.Printf("The checked pages are kept in %s\n", dir)
		os.Exit(1)
	}
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// servedPage is one recorded document: its file, and how it was asked for.
type servedPage struct {
	file string
	// label reads "GET /desk/claims/3 → 200 (TestName)".
	label string
}

// pageLog records HTML documents into files in dir, once per distinct
// request and body. It is safe for concurrent use.
type pageLog struct {
	dir   string
	mu    sync.Mutex
	seen  map[[32]byte]bool
	pages []servedPage
	// routes are the application's routes; visited holds "GET /claims/:slug"
	// for each route that served a recorded page.
	routes  []*echo.Route
	visited map[string]bool
}

// record wraps e so that every whole HTML document it serves to test is
// kept for the checker, with the route that served it.
func (l *pageLog) record(test string, e *echo.Echo) http.Handler {
	// Global middleware runs after routing, so the route is known here.
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if slot, ok := c.Request().Context().Value(routeSlot{}).(*string); ok {
				*slot = c.Path()
			}
			return next(c)
		}
	})
	l.mu.Lock()
	if l.routes == nil {
		l.routes = e.Routes()
	}
	l.mu.Unlock()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead || l.dir == "" {
			e.ServeHTTP(w, r)
			return
		}
		var route string
		rec := &teeWriter{ResponseWriter: w}
		e.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), routeSlot{}, &route)))
		l.add(test, r, route, rec)
	})
}

// routeSlot is the context key of the route a request was served by.
type routeSlot struct{}

// add keeps what rec captured if it is a whole HTML document not seen yet.
func (l *pageLog) add(test string, r *http.Request, route string, rec *teeWriter) {
	h := rec.Header()
	if !strings.HasPrefix(h.Get("Content-Type"), "text/html") || notPages[route] {
		return
	}
	body := rec.body.Bytes()
	if h.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return
		}
		if body, err = io.ReadAll(zr); err != nil {
			return
		}
	}
	if !bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 64)])), []byte("<!doctype html")) {
		return
	}
	status := rec.status
	if status == 0 {
		status = http.StatusOK
	}
	label := fmt.Sprintf("%s %s → %d (%s)", r.Method, r.URL.RequestURI(), status, test)
	key := sha256.Sum256(append([]byte(r.Method+" "+r.URL.RequestURI()+"\x00"), body...))
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen[key] {
		return
	}
	if l.seen == nil {
		l.seen = map[[32]byte]bool{}
	}
	l.seen[key] = true
	if l.visited == nil {
		l.visited = map[string]bool{}
	}
	if status < 300 {
		l.visited[r.Method+" "+route] = true
	}
	file := filepath.Join(l.dir, fmt.Sprintf("page-%04d.html", len(l.pages)+1))
	if err := os.WriteFile(file, body, 0o644); err != nil {
		return
	}
	l.pages = append(l.pages, servedPage{file: file, label: label})
}

// teeWriter passes a response through and keeps a copy of its status and
// body.
type teeWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (w *teeWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *teeWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body.Write(b)
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the server's writer (flush,
// deadlines).
func (w *teeWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// notPages are the GET routes that serve no HTML page, besides those under
// /api/ and /static/ and files named with an extension (feeds, sitemaps,
// exports, images): a health check, sitemap parts, a fragment that the
// claim form's script fetches, archived copies (other sites' pages) and
// oEmbed's JSON.
var notPages = map[string]bool{"/healthz": true, "/sitemaps/:name": true, "/desk/claims/similar": true, "/archive/:sha256": true, "/oembed": true}

// allPagesVisited reports whether the tests were served a page by every
// GET route that serves one, so that the checker read them all; it names
// the routes that served none. It is checked when the whole package ran.
func allPagesVisited(out io.Writer) bool {
	servedPages.mu.Lock()
	defer servedPages.mu.Unlock()
	if servedPages.routes == nil { // no test started the app
		return true
	}
	var missing []string
	for _, r := range servedPages.routes {
		last := r.Path[strings.LastIndex(r.Path, "/")+1:]
		if r.Method != http.MethodGet || notPages[r.Path] || strings.HasPrefix(r.Path, "/api/") || strings.HasPrefix(r.Path, "/static/") ||
			strings.Contains(last, ".") || servedPages.visited["GET "+r.Path] {
			continue
		}
		missing = append(missing, r.Path)
	}
	if len(missing) == 0 {
		return true
	}
	sort.Strings(missing)
	fmt.Fprintf(out, "FAIL: no browser test was served a page by these routes, so the HTML checker did not read them "+
		"(visit them in TestEveryPageIsChecked):\n  GET %s\n", strings.Join(missing, "\n  GET "))
	return false
}

// vnuMessage is one message of the checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"`
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	FirstCol int    `json:"firstColumn"`
	LastCol  int    `json:"lastColumn"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

// validateServedPages runs the checker once over every recorded page and
// writes what it found to out: nothing when there were no pages, the pages
// and lines with errors otherwise. It reports false when the check failed
// (errors, or a required checker that is missing).
func validateServedPages(out io.Writer) bool {
	servedPages.mu.Lock()
	pages := append([]servedPage(nil), servedPages.pages...)
	servedPages.mu.Unlock()
	if len(pages) == 0 {
		return true
	}
	required := os.Getenv("CLAIMTRACKER_REQUIRE_BROWSER") == "1"
	jar := os.Getenv("CLAIMTRACKER_VNU_JAR")
	if jar == "" {
		jar = filepath.Join("node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	}
	java, err := exec.LookPath("java")
	if err == nil {
		_, err = os.Stat(jar)
	}
	if err != nil {
		if required {
			fmt.Fprintf(out, "FAIL: the Nu HTML checker is required: %v (install java and set CLAIMTRACKER_VNU_JAR to vnu.jar)\n", err)
			return false
		}
		fmt.Fprintf(out, "SKIP: HTML of %d pages not checked: %v (set CLAIMTRACKER_VNU_JAR to vnu.jar)\n", len(pages), err)
		return true
	}
	// The quick compiler alone starts the checker in half the time; it
	// needs a larger stack than the default to build the HTML schema.
	args := []string{"-Xss8m", "-XX:TieredStopAtLevel=1", "-jar", jar, "--errors-only", "--format", "json", "--stdout", "--exit-zero-always"}
	byFile := map[string]string{}
	for _, p := range pages {
		args = append(args, p.file)
		byFile[p.file] = p.label
	}
	cmd := exec.Command(java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(out, "FAIL: the Nu HTML checker: %v\n%s", err, stderr.String())
		return false
	}
	var res struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		fmt.Fprintf(out, "FAIL: reading the Nu HTML checker's answer: %v\n%s%s", err, stdout.String(), stderr.String())
		return false
	}
	report, errs := vnuReport(res.Messages, byFile)
	if errs == 0 {
		fmt.Fprintf(out, "ok: the Nu HTML checker found no errors in %d pages\n", len(pages))
		return true
	}
	fmt.Fprintf(out, "FAIL: the Nu HTML checker found %d errors in %d pages:\n%s", errs, len(pages), report)
	return false
}

// vnuReport lists the errors by kind: each distinct message with an
// example of the markup it is about, then the pages where it occurs (how
// each was asked for, and where in it), at most ten of them. It returns
// the report and the number of errors.
func vnuReport(msgs []vnuMessage, byFile map[string]string) (string, int) {
	var kinds []string
	extract := map[string]string{}
	at := map[string]map[string][]string{} // message → page → "line:column"
	errs := 0
	for _, m := range msgs {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		errs++
		page := byFile[strings.TrimPrefix(m.URL, "file:")]
		if page == "" {
			page = m.URL
		}
		if at[m.Message] == nil {
			kinds = append(kinds, m.Message)
			at[m.Message] = map[string][]string{}
			extract[m.Message] = strings.Join(strings.Fields(m.Extract), " ")
		}
		col := m.FirstCol
		if col == 0 {
			col = m.LastCol
		}
		at[m.Message][page] = append(at[m.Message][page], fmt.Sprintf("%d:%d", m.LastLine, col))
	}
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "\n  %s\n    e.g. %s\n", k, extract[k])
		pages := make([]string, 0, len(at[k]))
		for p := range at[k] {
			pages = append(pages, p)
		}
		sort.Strings(pages)
		for i, p := range pages {
			if i == 10 {
				fmt.Fprintf(&b, "    and %d more pages\n", len(pages)-i)
				break
			}
			fmt.Fprintf(&b, "    %s at line:column %s\n", p, strings.Join(at[k][p], ", "))
		}
	}
	return b.String(), errs
}

// Every page of the demo newsroom goes to the HTML checker: the pages that
// links lead to from the home page as the public, and from the home page,
// the desk, administration and the account as an admin; and the pages no
// link leads to: first-run setup, a password reset, a refusal (403), pages
// that are not there (404) and forms refused for what was typed (422). A
// link on a page that answers with an error fails the test.
func TestEveryPageIsChecked(t *testing.T) {
	fresh := startApp(t, func(cfg *handlers.Config) { cfg.SetupToken = "setup-secret" })
	public := pageClient(t, fresh, "", "")
	public.visit("/setup?token=setup-secret", http.StatusOK)
	public.post("/setup", url.Values{"token": {"setup-secret"}}, http.StatusUnprocessableEntity)

	a := startApp(t)
	accounts, err := demo.Load(context.Background(), a.store, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var admin, editor, reviewer demo.Account
	for _, acc := range accounts {
		switch acc.Role {
		case models.RoleAdmin:
			admin = acc
		case models.RoleEditor:
			editor = acc
		case models.RoleReviewer:
			reviewer = acc
		}
	}
	public = pageClient(t, a, "", "")
	public.crawl("/")
	public.visit("/claims/no-such-claim", http.StatusNotFound)
	// The embeddable card, which no page links: in English and in Arabic
	// (by a reader of its own, whom ?lang=ar leaves reading Arabic).
	embed := "/claims/sessions-told-senators-he-had-no-communications-with-the-russians/embed"
	public.visit(embed, http.StatusOK)
	pageClient(t, a, "", "").visit(embed+"?lang=ar", http.StatusOK)
	public.visit("/search?q=nothing+matches+these+words", http.StatusOK)
	public.post("/login", url.Values{"email": {admin.Email}, "password": {"not the password"}}, http.StatusUnauthorized)

	adminUser, err := a.store.UserByEmail(context.Background(), admin.Email)
	if err != nil {
		t.Fatal(err)
	}
	editorUser, err := a.store.UserByEmail(context.Background(), editor.Email)
	if err != nil {
		t.Fatal(err)
	}
	// The admin is setting up two-factor sign-in (the account page shows
	// the QR code); the reviewer has it on, and signs in with a code.
	if _, err := a.store.BeginTwoFactor(context.Background(), adminUser, models.Meta{}); err != nil {
		t.Fatal(err)
	}
	reviewerUser, err := a.store.UserByEmail(context.Background(), reviewer.Email)
	if err != nil {
		t.Fatal(err)
	}
	setup, err := a.store.BeginTwoFactor(context.Background(), reviewerUser, models.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	code, err := totp.GenerateCode(setup.Secret, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.ConfirmTwoFactor(context.Background(), reviewerUser, models.Meta{}, code); err != nil {
		t.Fatal(err)
	}
	rev := pageClient(t, a, "", "")
	rev.post("/login", url.Values{"email": {reviewer.Email}, "password": {reviewer.Password}}, http.StatusSeeOther)
	rev.visit("/login/code", http.StatusOK)
	rev.post("/login/code", url.Values{"code": {"000000"}}, http.StatusUnauthorized, http.StatusUnprocessableEntity)

	ad := pageClient(t, a, admin.Email, admin.Password)
	seedJobs(t, a.store, editorUser)
	seedWebhooks(t, a.store, adminUser, editorUser)
	ad.crawl("/", "/desk", "/desk/inbox", "/desk/inbox?unread=1", "/admin/users", "/admin/ratings", "/admin/settings", "/admin/jobs", "/admin/webhooks", "/account")
	token, _, err := a.store.CreatePasswordReset(context.Background(), adminUser, models.Meta{}, editorUser.ID)
	if err != nil {
		t.Fatal(err)
	}
	public.visit("/reset?token="+url.QueryEscape(token), http.StatusOK)
	public.post("/reset", url.Values{"token": {token}, "password": {"short"}, "password_confirm": {"other"}}, http.StatusUnprocessableEntity)
	pageClient(t, a, editor.Email, editor.Password).visit("/admin/users", http.StatusForbidden)

	// The claim list searched and filtered, and refused filters beside
	// their fields.
	ad.visit("/desk/claims?q=sessions&status=published&assignee=nobody&author=me&language=en&from=2017-01-01&to=2017-12-31&sort=said", http.StatusOK)
	ad.visit("/desk/claims?speaker=x&from=2017-13-01&sort=up", http.StatusUnprocessableEntity)

	// Forms refused for what was typed show the errors beside the fields.
	claim := ad.firstLink("/desk/claims", `^/desk/claims/\d+$`)
	for _, f := range []struct {
		path string
		form url.Values
	}{
		{"/desk/articles", url.Values{"url": {"not a url"}}},
		{"/desk/claims", url.Values{"text": {""}, "said_at": {"2017-02-30"}}},
		{claim, url.Values{"text": {""}}},
		{claim + "/sources", url.Values{"url": {"not a url"}}},
		{claim + "/verdicts", url.Values{"rating": {""}}},
		{claim + "/corrections", url.Values{"kind": {""}}},
		{claim + "/notes", url.Values{"body": {""}}},
		{claim + "/triage", url.Values{"revision": {"1"}, "assignee_id": {"someone"}, "priority": {"normal"}}},
		{"/desk/claims/bulk", url.Values{"action": {"assign"}, "back": {"status=draft"}}},
		{"/admin/users", url.Values{"email": {"not an address"}}},
		{"/admin/ratings", url.Values{"label": {""}}},
		{"/admin/settings", url.Values{"review_quorum": {"0"}}},
		{"/admin/webhooks", url.Values{"url": {"not a url"}, "secret": {"short"}}},
		{"/account/password", url.Values{"password": {"short"}}},
	} {
		ad.post(f.path, f.form, http.StatusUnprocessableEntity, http.StatusConflict)
	}
}

// pageClient is a plain HTTP client on a, signed in as email when it is
// not empty. Its requests go through startApp's recorder like a browser's.
func pageClient(t *testing.T, a *app, email, password string) *pages {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	p := &pages{t: t, base: a.url, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	if email != "" {
		p.post("/login", url.Values{"email": {email}, "password": {password}}, http.StatusSeeOther)
	}
	return p
}

// pages visits pages of one app as one user.
type pages struct {
	t    *testing.T
	base string
	c    *http.Client
}

// fetch answers method path with form, and the status and body.
func (p *pages) fetch(method, path string, form url.Values) (int, string) {
	p.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(p.t.Context(), method, p.base+path, body)
	if err != nil {
		p.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

// visit gets path and checks its status.
func (p *pages) visit(path string, status int) string {
	p.t.Helper()
	got, body := p.fetch(http.MethodGet, path, nil)
	if got != status {
		p.t.Errorf("GET %s: %d, want %d", path, got, status)
	}
	return body
}

// post posts form to path and checks that the status is one of statuses.
func (p *pages) post(path string, form url.Values, statuses ...int) {
	p.t.Helper()
	got, _ := p.fetch(http.MethodPost, path, form)
	for _, s := range statuses {
		if got == s {
			return
		}
	}
	p.t.Errorf("POST %s: %d, want %v", path, got, statuses)
}

// link finds the site's own links on a page: href="/…", not to a file,
// the static files or the API.
var link = regexp.MustCompile(`href="(/[^"/][^"]*|/)"`)

// crawl visits every page that links lead to from roots on the same site,
// each path with at most three different queries; each must answer 200
// (or redirect). It stops at 600 pages.
func (p *pages) crawl(roots ...string) {
	p.t.Helper()
	queue := append([]string(nil), roots...)
	seen, queries := map[string]bool{}, map[string]int{}
	for len(queue) > 0 && len(seen) < 600 {
		path := queue[0]
		queue = queue[1:]
		if seen[path] {
			continue
		}
		seen[path] = true
		status, body := p.fetch(http.MethodGet, path, nil)
		if status >= 400 {
			p.t.Errorf("GET %s: %d", path, status)
			continue
		}
		for _, m := range link.FindAllStringSubmatch(body, -1) {
			next, _, _ := strings.Cut(html.UnescapeString(m[1]), "#")
			bare, query, _ := strings.Cut(next, "?")
			last := bare[strings.LastIndex(bare, "/")+1:]
			if seen[next] || strings.HasPrefix(bare, "/static/") || strings.HasPrefix(bare, "/api/") || strings.Contains(last, ".") {
				continue
			}
			if query != "" {
				if queries[bare] == 3 {
					continue
				}
				queries[bare]++
			}
			queue = append(queue, next)
		}
	}
	if len(queue) > 0 {
		p.t.Errorf("more than %d pages from %v", len(seen), roots)
	}
	p.t.Logf("%d pages from %v", len(seen), roots)
}

// firstLink is the first link on page that matches pattern.
func (p *pages) firstLink(page, pattern string) string {
	p.t.Helper()
	re := regexp.MustCompile(pattern)
	for _, m := range link.FindAllStringSubmatch(p.visit(page, http.StatusOK), -1) {
		if re.MatchString(m[1]) {
			return m[1]
		}
	}
	p.t.Fatalf("no link like %s on %s", pattern, page)
	return ""
}
