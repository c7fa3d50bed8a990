package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// testServer is the whole app on a real database behind a real HTTP server.
type testServer struct {
	*httptest.Server
	store *models.Store
	echo  *echo.Echo
}

func newServer(t testing.TB, engine string, mod ...func(*handlers.Config)) *testServer {
	t.Helper()
	return newServerOn(t, modelstest.Open(t, engine, models.Config{Logger: slog.New(slog.DiscardHandler)}), mod...)
}

// newServerOn starts another instance of the app on an existing store.
func newServerOn(t testing.TB, s *models.Store, mod ...func(*handlers.Config)) *testServer {
	t.Helper()
	cfg := handlers.Config{Store: s, Logger: slog.New(slog.DiscardHandler), SetupToken: "setup-secret"}
	for _, m := range mod {
		m(&cfg)
	}
	srv := httptest.NewUnstartedServer(nil)
	if cfg.BaseURL == nil {
		cfg.BaseURL = &url.URL{Scheme: "http", Host: srv.Listener.Addr().String()}
	}
	e := handlers.New(cfg)
	srv.Config.Handler = e
	srv.Start()
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, store: s, echo: e}
}

// client is a browser: it keeps cookies and does not follow redirects.
func (ts *testServer) client(t testing.TB) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// result is a finished response with its body read.
type result struct {
	status int
	header http.Header
	body   string
}

func (ts *testServer) do(t *testing.T, c *http.Client, method, path string, body io.Reader, hdr map[string]string) result {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	if body != nil && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return result{res.StatusCode, res.Header, string(b)}
}

func (ts *testServer) get(t *testing.T, c *http.Client, path string) result {
	t.Helper()
	return ts.do(t, c, "GET", path, nil, nil)
}

func (ts *testServer) post(t *testing.T, c *http.Client, path string, form url.Values) result {
	t.Helper()
	return ts.do(t, c, "POST", path, strings.NewReader(form.Encode()), nil)
}

// login signs a new browser in as a fresh user with role.
func (ts *testServer) login(t *testing.T, email string, role models.Role) (*http.Client, *models.User) {
	t.Helper()
	u := modelstest.User(t, ts.store, email, role)
	c := ts.client(t)
	r := ts.post(t, c, "/login", url.Values{"email": {email}, "password": {modelstest.Password}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("login %s: status %d", email, r.status)
	}
	return c, u
}

func (ts *testServer) sessionCookie(t *testing.T, c *http.Client) *http.Cookie {
	t.Helper()
	u, _ := url.Parse(ts.URL)
	for _, ck := range c.Jar.Cookies(u) {
		if strings.HasSuffix(ck.Name, "claimtracker_session") {
			return ck
		}
	}
	return nil
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: body lacks %q", what, w)
		}
	}
}
