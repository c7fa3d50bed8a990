package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// After each kind of public write, no instance answers 304 to the
// old ETag (GET or HEAD, gzip or not) once the writer acknowledged it
// (writer: at once; others: after 250 ms), and none serves the old ETag.
func TestNoInstanceAnswersAnOldETagAfterAWrite(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			inst, nr, c := instancesWithAClaim(t, engine)
			writer := inst[0]
			// No transparent gzip: each request says what it takes.
			plain := &http.Client{Transport: &http.Transport{DisableCompression: true}}
			ctx := context.Background()
			claim, api := "/claims/"+c.Slug, "/api/v1/public/claims/"+c.Slug
			variants := []struct {
				method string
				hdr    map[string]string
			}{
				{"GET", map[string]string{"Accept-Encoding": "gzip"}},
				{"GET", nil},
				{"HEAD", map[string]string{"Accept-Encoding": "gzip"}},
				{"HEAD", nil},
			}
			i := 0
			steps := []struct {
				name  string
				write func() error
				paths []string
			}{
				{"correction", func() error {
					_, err := writer.store.AddCorrection(ctx, nr.ed, models.Meta{}, c.ID, models.CorrectionInput{Kind: models.CorrectionCorrection, Note: "A later note."})
					return err
				}, []string{claim, api, "/", "/feed.atom"}},
				{"settings", func() error {
					st, err := writer.store.Settings(ctx)
					if err != nil {
						return err
					}
					i++
					st.OrganizationName = fmt.Sprintf("Desk %d", i)
					_, err = writer.store.UpdateSettings(ctx, nr.adm, models.Meta{}, st)
					return err
				}, []string{claim, "/", "/methodology"}},
				{"rating relabel", func() error {
					_, err := writer.store.UpdateRating(ctx, nr.adm, models.Meta{}, "misleading", models.RatingInput{Label: "Misleading (relabelled)", Description: "A false impression.", Position: 4, Ordered: true})
					return err
				}, []string{"/methodology"}},
				{"new fact-check", func() error {
					in := seedInput()
					in.Text, in.Summary = "A second claim", "A second claim summary"
					nr.publish(t, in, "false", "x")
					return nil
				}, []string{"/", "/feed.atom", "/api/v1/public/claims"}},
				{"retraction", func() error {
					_, err := writer.store.RetractClaim(ctx, nr.rev, models.Meta{}, c.ID, "Retracted after review.")
					return err
				}, []string{claim, api, "/"}},
			}
			for _, st := range steps {
				old := map[string]string{} // instance/path -> etag
				for k, ts := range inst {
					for _, p := range st.paths {
						for range 3 { // confirm it at this generation
							for _, v := range variants {
								r := ts.do(t, plain, v.method, p, nil, v.hdr)
								if r.status != 200 {
									t.Fatalf("%s warm %d %s: %d", st.name, k, p, r.status)
								}
								old[fmt.Sprint(k, p)] = r.header.Get("ETag")
							}
						}
					}
				}
				if err := st.write(); err != nil {
					t.Fatal(err)
				}
				written := time.Now()
				for k, ts := range inst {
					for _, p := range st.paths {
						etag := old[fmt.Sprint(k, p)]
						for {
							sent := time.Now()
							bad := ""
							for _, v := range variants {
								hdr := map[string]string{"If-None-Match": etag}
								for kk, vv := range v.hdr {
									hdr[kk] = vv
								}
								r := ts.do(t, plain, v.method, p, nil, hdr)
								if r.status == 304 || r.header.Get("ETag") == etag {
									bad = fmt.Sprintf("%s %s status %d etag %s (old %s)", v.method, v.hdr, r.status, r.header.Get("ETag"), etag)
								}
							}
							if bad == "" {
								break
							}
							if k == 0 {
								t.Errorf("%s: writer's next request %s: %s", st.name, p, bad)
								break
							}
							if sent.Sub(written) > propagation {
								t.Errorf("%s: instance %d %s %v after the write: %s", st.name, k+1, p, sent.Sub(written), bad)
								break
							}
							time.Sleep(3 * time.Millisecond)
						}
					}
				}
			}
		})
	}
}
