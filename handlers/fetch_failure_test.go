package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/archive"
	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/models/modelstest"
	"claimtracker/wayback"
)

// fetchFailures logs a claim whose sources fail to be fetched in each way
// that matters here, on a local server (the fetcher may reach it) and
// beyond: a page gone (404), an address on a private network, a redirect
// to the cloud's metadata address, and a server error, which the archive
// job tries again later. It runs the archive jobs once, checks the first
// three links and asks Save Page Now, which refuses, for a copy of the
// page gone; it returns the claim and its sources by title.
func fetchFailures(t *testing.T, e *deskEnv) (*models.Claim, map[string]*models.Source) {
	t.Helper()
	ctx := context.Background()
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/save/"):
			w.WriteHeader(http.StatusForbidden) // Save Page Now turns the page down
		case r.URL.Path == "/moved":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data", http.StatusFound)
		case r.URL.Path == "/busy":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(web.Close)
	c, err := e.store.CreateClaim(ctx, e.edUser, models.Meta{}, seedInput())
	if err != nil {
		t.Fatal(err)
	}
	srcs := map[string]*models.Source{}
	for title, u := range map[string]string{"Gone": web.URL + "/deleted", "Private": "http://10.1.2.3/report", "Moved": web.URL + "/moved", "Busy": web.URL + "/busy"} {
		in := seedSources()[0]
		in.URL, in.Title = u, title
		if srcs[title], err = e.store.AddSource(ctx, e.edUser, models.Meta{}, c.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	runner := jobs.New(e.store, jobs.Config{Logger: slog.New(slog.DiscardHandler)})
	runner.Handle(models.JobArchiveSource, (&archive.Archiver{Store: e.store,
		Fetcher: fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})}).Run)
	if err := runner.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Gone", "Private", "Moved"} {
		check(t, e.store, srcs[title])
	}
	saver := &wayback.Saver{Store: e.store, Fetcher: fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}),
		Endpoint: web.URL + "/save/", HostGap: time.Millisecond}
	j := &models.Job{Kind: models.JobWayback, Payload: fmt.Sprintf(`{"source_id":%d}`, srcs["Gone"].ID), Attempts: 1, MaxAttempts: 5, CreatedAt: time.Now()}
	// The link checks just asked the same host: the saver may first wait
	// out the host's gap (a millisecond) before it asks.
	wait, err := saver.Run(ctx, j)
	for tries := 0; err == nil && wait > 0 && tries < 5; tries++ {
		time.Sleep(wait)
		wait, err = saver.Run(ctx, j)
	}
	if wait != 0 || err != nil {
		t.Fatalf("wayback: %v %v", wait, err)
	}
	return c, srcs
}

// A source's archive, link check and Internet Archive failures, and a job's
// failed fetch, are kept with their reasons: the desk says them in the
// reader's language (French here: no English sentence is left), while the
// API gives the English it always gave, word for word.
func TestFetchFailuresSpeakTheReadersLanguage(t *testing.T) {
	const (
		goneEN    = "The address answered 404 Not Found"
		privateEN = "The address leads to 10.1.2.3, a private address (RFC 1918), which is not fetched"
		movedEN   = "The address was redirected to http://169.254.169.254/latest/meta-data, which leads to 169.254.169.254, a link-local address (RFC 3927), which is not fetched"
		busyEN    = "The address answered 503 Service Unavailable"
	)
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			ctx := context.Background()
			c, srcs := fetchFailures(t, e)

			d := doc(t, e.page(t, e.ed, claimPath(c.ID)+"?lang=fr", http.StatusOK))
			source := func(title string) *goquery.Selection {
				return d.Find("li.source").FilterFunction(func(_ int, s *goquery.Selection) bool { return textOf(s.Find(".src-title")) == title })
			}
			for _, tc := range []struct{ title, archive, link string }{
				{"Gone", "Non archivée. L'adresse a répondu 404", "L'adresse a répondu 404"},
				{"Private", "Non archivée. L'adresse mène à 10.1.2.3, une adresse privée (RFC 1918), que ce serveur ne consulte pas",
					"L'adresse mène à 10.1.2.3, une adresse privée (RFC 1918), que ce serveur ne consulte pas"},
				{"Moved", "Non archivée. L'adresse redirige vers http://169.254.169.254/latest/meta-data, qui mène à 169.254.169.254, une adresse lien-local (RFC 3927), que ce serveur ne consulte pas",
					"L'adresse redirige vers http://169.254.169.254/latest/meta-data, qui mène à 169.254.169.254, une adresse lien-local (RFC 3927), que ce serveur ne consulte pas"},
				{"Busy", "Archivage : nouvelle tentative. L'adresse a répondu 503", ""},
			} {
				s := source(tc.title)
				if s.Length() != 1 {
					t.Fatalf("no source %q on the desk page", tc.title)
				}
				if got := textOf(s.Find(".src-archive")); got != tc.archive {
					t.Errorf("%s, archive:\n got %q\nwant %q", tc.title, got, tc.archive)
				}
				if got := textOf(s.Find(".link-error")); got != tc.link {
					t.Errorf("%s, link check:\n got %q\nwant %q", tc.title, got, tc.link)
				}
			}
			if got := textOf(source("Gone").Find(".src-link > span").Last()); got != "Pas de copie d'Internet Archive. Save Page Now a répondu 403" {
				t.Errorf("Gone, Internet Archive copy: %q", got)
			}
			sources := d.Find("ul.sources").Text()
			for _, en := range []string{"The address", "answered", "leads to", "which is not fetched", "redirected to", "private address", "link-local address"} {
				if strings.Contains(sources, en) {
					t.Errorf("the French desk page says %q in English", en)
				}
			}
			broken := doc(t, e.page(t, e.ed, "/desk/sources/broken?lang=fr", http.StatusOK))
			mustContain(t, "French broken links", textOf(broken.Find("main")), "L'adresse a répondu 404", "une adresse privée (RFC 1918)")

			// In Arabic and Spanish the status is its code alone: the
			// remote server's reason phrase would stay English and, in
			// Arabic, change places with the code.
			for _, lang := range []string{"ar", "es"} {
				page := doc(t, e.page(t, e.ed, claimPath(c.ID)+"?lang="+lang, http.StatusOK))
				gone := page.Find("li.source").FilterFunction(func(_ int, s *goquery.Selection) bool { return textOf(s.Find(".src-title")) == "Gone" })
				for _, part := range []string{".src-archive", ".link-error"} {
					if got := textOf(gone.Find(part)); !strings.Contains(got, "404") || strings.Contains(got, "Not Found") {
						t.Errorf("%s, Gone %s: %q, want the code 404 alone", lang, part, got)
					}
				}
			}

			// The job that will try again says why in the admin's language.
			jobs := doc(t, e.page(t, e.admin, "/admin/jobs?lang=fr&state=queued", http.StatusOK))
			if got := texts(jobs.Find(".job-error")); len(got) != 1 || got[0] != "L'adresse a répondu 503" {
				t.Errorf("French /admin/jobs: the failed fetch is %q", got)
			}
			// In English it is the job's error as it always was.
			jobs = doc(t, e.page(t, e.admin, "/admin/jobs?lang=en&state=queued", http.StatusOK))
			if got := texts(jobs.Find(".job-error")); len(got) != 1 || got[0] != "archive: try again later: source "+idStr(srcs["Busy"].ID)+": "+busyEN {
				t.Errorf("English /admin/jobs: %q", got)
			}

			// The API, whatever language is asked for.
			token, _, err := e.store.CreateAPIToken(ctx, nil, models.Meta{}, e.edUser.Email, "CMS import")
			if err != nil {
				t.Fatal(err)
			}
			r := e.do(t, e.client(t), "GET", "/api/v1/claims/"+idStr(c.ID), nil, map[string]string{"Authorization": "Bearer " + token, "Accept-Language": "fr"})
			var got struct {
				Sources []struct {
					Title   string
					Archive struct{ Status, Error string }
					Link    struct{ Status, Error string }
					Wayback struct{ Error string }
				}
			}
			if err := json.Unmarshal([]byte(r.body), &got); err != nil {
				t.Fatal(err, r.body)
			}
			want := map[string][2]string{"Gone": {goneEN, goneEN}, "Private": {privateEN, privateEN}, "Moved": {movedEN, movedEN}, "Busy": {busyEN, ""}}
			for _, s := range got.Sources {
				if w := want[s.Title]; s.Archive.Error != w[0] || s.Link.Error != w[1] {
					t.Errorf("API, source %s: archive error %q, link error %q; want %q, %q", s.Title, s.Archive.Error, s.Link.Error, w[0], w[1])
				}
			}
			for _, s := range got.Sources {
				if w := map[string]string{"Gone": "Save Page Now answered 403 Forbidden"}[s.Title]; s.Wayback.Error != w {
					t.Errorf("API, source %s: Wayback error %q, want %q", s.Title, s.Wayback.Error, w)
				}
			}
			if len(got.Sources) != 4 {
				t.Errorf("API: %d sources", len(got.Sources))
			}
		})
	}
}
