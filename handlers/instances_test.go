package handlers_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// propagation is how soon every instance must serve a change that another
// instance acknowledged.
const propagation = 250 * time.Millisecond

// instances starts n instances of the app, each with a Store of its own, on
// one new database, all under one public address as behind a load
// balancer. The first one's clock runs an hour behind the others'.
func instances(t *testing.T, engine string, n int) []*testServer {
	t.Helper()
	dsn := modelstest.MigratedDSN(t, engine)
	base := &url.URL{Scheme: "http", Host: "facts.example.test"}
	var out []*testServer
	for i := range n {
		cfg := models.Config{Logger: slog.New(slog.DiscardHandler)}
		if i == 0 {
			cfg.Now = func() time.Time { return time.Now().Add(-time.Hour) }
		}
		s := modelstest.OpenDSN(t, engine, dsn, cfg)
		out = append(out, newServerOn(t, s, func(c *handlers.Config) {
			c.BaseURL, c.Context, c.Prerender = base, t.Context(), true
		}))
	}
	return out
}

// instancesWithAClaim starts the instances of a multi-instance test on
// engine (three on Postgres; on SQLite two, as two processes on one file
// would be) and publishes one claim with sources through the first, the
// writer, whose newsroom it returns.
func instancesWithAClaim(t *testing.T, engine string) ([]*testServer, *newsroom, *models.Claim) {
	t.Helper()
	n := 2
	if engine == "postgres" {
		n = 3
	}
	inst := instances(t, engine, n)
	nr := newNewsroom(t, inst[0])
	return inst, nr, nr.publish(t, seedInput(), "false", "x", seedSources()...)
}

// fetch reads path from ts as an anonymous reader, without failing the
// test, for use from many goroutines.
func fetch(ts *testServer, path string) (result, error) {
	res, err := http.Get(ts.URL + path)
	if err != nil {
		return result{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return result{res.StatusCode, res.Header, string(b)}, err
}

// etagBodies remembers the body served under each ETag of each path, on any
// instance: one ETag must always name one body.
type etagBodies struct {
	mu   sync.Mutex
	seen map[string]string
}

func (e *etagBodies) check(path string, r result) error {
	tag := r.header.Get("ETag")
	if r.status != http.StatusOK || tag == "" {
		return fmt.Errorf("%s: status %d, ETag %q", path, r.status, tag)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	key := path + " " + tag
	if prev, ok := e.seen[key]; ok && prev != r.body {
		return fmt.Errorf("%s: two different bodies under ETag %s", path, tag)
	}
	e.seen[key] = r.body
	return nil
}

// TestInstancesServeEveryChangeWithin250ms runs three instances on one
// Postgres database (two processes' worth on one SQLite file): after a
// write is acknowledged by one, whose clock is an hour behind, the writer
// serves the change on its very next request and every other instance
// within 250 ms, on every public page and document; no ETag ever names two
// bodies, and no stored render is kept under a version it does not show.
func TestInstancesServeEveryChangeWithin250ms(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			inst, nr, c := instancesWithAClaim(t, engine)
			writer := inst[0]
			ctx := context.Background()
			claim, api := "/claims/"+c.Slug, "/api/v1/public/claims/"+c.Slug
			all := []string{claim, api, "/", "/feed.atom", "/sitemap.xml", "/claimreview.json", "/api/v1/public/claims", "/methodology"}
			seen := &etagBodies{seen: map[string]string{}}

			steps := []struct {
				name   string
				write  func() error
				marker string
				paths  []string
			}{
				{"correction", func() error {
					_, err := writer.store.AddCorrection(ctx, nr.ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionCorrection, Note: "Quetzal correction note."})
					return err
				}, "Quetzal correction note.", []string{claim, api}},
				{"a new fact-check", func() error {
					in := seedInput()
					in.Text, in.Summary = "Capybaras run the treasury", "Capybaras run the treasury, he said"
					nr.publish(t, in, "false", "x")
					return nil
				}, "Capybaras run the treasury", []string{"/", "/feed.atom", "/claimreview.json", "/api/v1/public/claims"}},
				{"the settings", func() error {
					st, err := writer.store.Settings(ctx)
					if err != nil {
						return err
					}
					st.OrganizationName = "Okapi Fact Desk"
					_, err = writer.store.UpdateSettings(ctx, nr.adm, models.Meta{}, st)
					return err
				}, "Okapi Fact Desk", []string{claim, "/", "/feed.atom", "/claimreview.json"}},
				{"a rating relabelled", func() error {
					_, err := writer.store.UpdateRating(ctx, nr.adm, models.Meta{}, "misleading", models.RatingInput{Label: "Axolotl misleading", Description: "A false impression.", Position: 4, Ordered: true})
					return err
				}, "Axolotl misleading", []string{"/", "/methodology"}},
			}
			for _, st := range steps {
				// Every instance holds the current pages before the change.
				for _, ts := range inst {
					for _, p := range all {
						r, err := fetch(ts, p)
						if err == nil {
							err = seen.check(p, r)
						}
						if err != nil {
							t.Fatal(err)
						}
					}
				}
				if err := st.write(); err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
				written := time.Now()
				// The writer's very next request shows it.
				for _, p := range st.paths {
					r, err := fetch(writer, p)
					if err == nil {
						err = seen.check(p, r)
					}
					if err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(r.body, st.marker) {
						t.Errorf("%s: the writing instance's next %s does not show it", st.name, p)
					}
				}
				var wg sync.WaitGroup
				errs := make(chan error, len(inst)*len(st.paths))
				for i, ts := range inst[1:] {
					for _, p := range st.paths {
						wg.Go(func() {
							for {
								sent := time.Now()
								r, err := fetch(ts, p)
								if err == nil {
									err = seen.check(p, r)
								}
								if err != nil {
									errs <- err
									return
								}
								if strings.Contains(r.body, st.marker) {
									if late := sent.Sub(written); late > propagation {
										errs <- fmt.Errorf("%s: instance %d served %s %v after the write", st.name, i+2, p, late.Round(time.Millisecond))
									}
									return
								}
								if time.Since(written) > 10*time.Second {
									errs <- fmt.Errorf("%s: instance %d never served %s", st.name, i+2, p)
									return
								}
								time.Sleep(5 * time.Millisecond)
							}
						})
					}
				}
				wg.Wait()
				close(errs)
				for err := range errs {
					t.Error(err)
				}
			}

			// A stored render is the page of the version it is stored under.
			cur, err := fetch(inst[len(inst)-1], claim)
			if err != nil {
				t.Fatal(err)
			}
			tag := cur.header.Get("ETag")
			waitStored(t, writer.store, "claim:"+c.Slug, tag)
			gz, err := writer.store.PageRender(ctx, "claim:"+c.Slug, tag)
			if err != nil {
				t.Fatal(err)
			}
			if body := gunzip(t, gz); body != cur.body {
				t.Errorf("the stored render under %s is not the page served under it", tag)
			}
		})
	}
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	return string(out)
}

// TestReaderLeavingMidFillDoesNotFailOthers: the first reader of a cold
// page goes away while it is being rendered; the readers waiting for the
// same render still get the page.
func TestReaderLeavingMidFillDoesNotFailOthers(t *testing.T) {
	ts := newServer(t, "sqlite")
	nr := newNewsroom(t, ts)
	c := nr.publish(t, seedInput(), "false", "x", seedSources()...)
	key := "claim:" + c.Slug
	started, release := make(chan struct{}, 1), make(chan struct{})
	restore := handlers.SetRenderHookForTest(func(k string) {
		if k == key {
			started <- struct{}{}
			<-release
		}
	})
	defer restore()

	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/claims/"+c.Slug, nil)
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		first <- err
	}()
	<-started
	others := make(chan result, 3)
	for range 3 {
		go func() {
			r, err := fetch(ts, "/claims/"+c.Slug)
			if err != nil {
				r.status = -1
			}
			others <- r
		}()
	}
	time.Sleep(100 * time.Millisecond) // the others are waiting for the render
	cancel()
	if err := <-first; err == nil {
		t.Error("the first reader was not cancelled")
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	for range 3 {
		r := <-others
		if r.status != http.StatusOK || !strings.Contains(r.body, "Sessions") {
			t.Errorf("a waiting reader got %d", r.status)
		}
	}
}

// TestStreamsAreBounded: slow readers of the streamed documents hold at
// most two database snapshots; the next one is told to come back, and
// every other page is still served meanwhile.
func TestStreamsAreBounded(t *testing.T) {
	ts := newServer(t, "sqlite")
	nr := newNewsroom(t, ts)
	c := nr.publish(t, seedInput(), "false", "x", seedSources()...)
	// Two slow readers: the hook holds their streams open.
	hold := make(chan struct{})
	restore := handlers.SetStreamHookForTest(func() { <-hold })
	defer restore()
	done := make(chan int, 3)
	for range 2 {
		go func() {
			r, err := fetch(ts, "/export.csv")
			if err != nil {
				r.status = -1
			}
			done <- r.status
		}()
	}
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	busyCSV := make(chan result, 1)
	go func() {
		r, _ := fetch(ts, "/export.csv")
		busyCSV <- r
	}()
	third, err := fetch(ts, "/claimreview.json")
	if err != nil {
		t.Fatal(err)
	}
	if third.status != http.StatusServiceUnavailable || third.header.Get("Retry-After") == "" {
		t.Errorf("a third stream: %d, Retry-After %q", third.status, third.header.Get("Retry-After"))
	}
	if waited := time.Since(start); waited > 8*time.Second {
		t.Errorf("the third stream waited %v", waited)
	}
	// The page that says to come back is not offered as the export's file.
	if r := <-busyCSV; r.status != http.StatusServiceUnavailable || r.header.Get("Content-Disposition") != "" {
		t.Errorf("a busy export: %d, Content-Disposition %q", r.status, r.header.Get("Content-Disposition"))
	}
	if r, err := fetch(ts, "/claims/"+c.Slug); err != nil || r.status != http.StatusOK {
		t.Errorf("a claim page while the streams are busy: %v %d", err, r.status)
	}
	close(hold)
	for range 2 {
		if st := <-done; st != http.StatusOK {
			t.Errorf("a held stream ended with %d", st)
		}
	}
}
