package handlers_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// movingClock is a store clock that a test sets.
type movingClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *movingClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *movingClock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

// Every date the public site, its feeds and exports, and the desk show is
// the day in the newsroom's time zone (the time_zone setting), whatever the
// zone of the database session, here UTC+14: a claim published at 23:30
// UTC on 1 March was published on 1 March in UTC and in Los Angeles, on 2
// March in Tokyo. Calendar dates (when the claim was said, a source's date)
// never move, and the JSON APIs give RFC 3339 instants in UTC.
func TestDatesShowInTheNewsroomTimeZone(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			clock := &movingClock{now: time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC)}
			dsn := modelstest.InSessionZone(t, modelstest.MigratedDSN(t, engine), modelstest.FarZone)
			s := modelstest.OpenDSN(t, engine, dsn, models.Config{Now: clock.Now, Logger: slog.New(slog.DiscardHandler)})
			ts := newServerOn(t, s)
			author := modelstest.User(t, s, "author@example.org", models.RoleEditor)
			rev := modelstest.User(t, s, "rev@example.org", models.RoleReviewer)
			// Two fact-checks published at 23:30 UTC on 1 March and clarified
			// at 15:10 UTC on 4 March, already 5 March in Tokyo; the first is
			// retracted at 15:20, the second keeps its ClaimReview.
			var claims []*models.Claim
			for _, text := range []string{"The tunnel opened on time", "The bridge opened on time"} {
				c, err := s.CreateClaim(ctx, author, models.Meta{}, models.ClaimInput{Text: text, Summary: text, Speaker: "Pat Speaker", SaidAt: "2020-05-01"})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.AddSource(ctx, author, models.Meta{}, c.ID, models.SourceInput{URL: "https://example.org/report", Title: "A report",
					PublishedAt: "2020-05-02", Kind: models.SourceNewsReport, Stance: models.StanceContradicts}); err != nil {
					t.Fatal(err)
				}
				v, err := s.ProposeVerdict(ctx, author, models.Meta{}, c.ID, models.VerdictInput{Rating: "false", Headline: "It opened a year late", Explanation: "The records say so."})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.ReviewVerdict(ctx, rev, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
					t.Fatal(err)
				}
				claims = append(claims, c)
			}
			c, kept := claims[0], claims[1]
			clock.Set(time.Date(2026, 3, 4, 15, 10, 0, 0, time.UTC))
			for _, x := range claims {
				if _, err := s.AddCorrection(ctx, author, models.Meta{}, x.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "We added a source."}); err != nil {
					t.Fatal(err)
				}
			}
			clock.Set(time.Date(2026, 3, 4, 15, 20, 0, 0, time.UTC))
			if _, err := s.RetractClaim(ctx, rev, models.Meta{}, c.ID, "We retract this fact-check."); err != nil {
				t.Fatal(err)
			}
			admin, _ := ts.login(t, "admin@example.org", models.RoleAdmin)
			ed, _ := ts.login(t, "ed@example.org", models.RoleEditor)
			anon := ts.client(t)
			get := func(cl *http.Client, path string) string {
				t.Helper()
				r := ts.get(t, cl, path)
				if r.status != http.StatusOK {
					t.Fatalf("GET %s: %d", path, r.status)
				}
				return r.body
			}
			saved := time.Date(2026, 3, 4, 15, 30, 0, 0, time.UTC)
			settings := func(zone string) result {
				saved = saved.Add(time.Minute)
				clock.Set(saved)
				cur, err := ts.store.Settings(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				return ts.post(t, admin, "/admin/settings", url.Values{"organization_name": {"The Daily Check"},
					"corrections_policy": {"We fix errors."}, "time_zone": {zone}, "revision": {strconv.Itoa(cur.Revision)}})
			}
			for _, z := range []struct {
				zone                          string
				published, publishedISO       string // the day of publication
				retracted, retractedISO       string // the day of the retraction, the last correction
				feedPublished, csvPublished   string
				deskPublished, correctionFeed string
			}{
				{"UTC", "1 Mar 2026", "2026-03-01", "4 Mar 2026", "2026-03-04",
					"2026-03-01T23:30:00Z", "2026-03-01T23:30:00Z", "1 Mar 2026, 23:30 UTC", "2026-03-04T15:20:00Z"},
				{"Asia/Tokyo", "2 Mar 2026", "2026-03-02", "5 Mar 2026", "2026-03-05",
					"2026-03-02T08:30:00+09:00", "2026-03-02T08:30:00+09:00", "2 Mar 2026, 08:30 JST", "2026-03-05T00:20:00+09:00"},
				{"America/Los_Angeles", "1 Mar 2026", "2026-03-01", "4 Mar 2026", "2026-03-04",
					"2026-03-01T15:30:00-08:00", "2026-03-01T15:30:00-08:00", "1 Mar 2026, 15:30 PST", "2026-03-04T07:20:00-08:00"},
			} {
				if r := settings(z.zone); r.status != http.StatusSeeOther {
					t.Fatalf("set zone %s: %d\n%s", z.zone, r.status, errorsIn(r.body))
				}
				where := func(page string) string { return z.zone + ": " + page }
				page := get(anon, "/claims/"+c.Slug)
				mustContain(t, where("claim page"), page,
					"<dt>Published</dt><dd>"+z.published+"</dd>", "<dt>Updated</dt><dd>"+z.retracted+"</dd>",
					"<strong>Retracted</strong> on "+z.retracted, `<time datetime="`+z.retractedISO+`">`+z.retracted+`</time>`,
					// The verdict on the timeline, on the day it was published.
					`<time class="tl-date" datetime="`+z.publishedISO+`">`+z.published+`</time>`,
					// Calendar dates stay as they are.
					"1 May 2020", `<time class="tl-date" datetime="2020-05-02">2 May 2020</time>`)
				// The retracted page has no ClaimReview; the kept one's dates
				// are the newsroom's days, the claim's its calendar date.
				mustContain(t, where("ClaimReview"), get(anon, "/claims/"+kept.Slug),
					`"datePublished":"`+z.publishedISO+`"`, `"dateModified":"`+z.retractedISO+`"`, `"datePublished":"2020-05-01"`)
				mustContain(t, where("home"), get(anon, "/"), "said 1 May 2020", "checked "+z.published)
				mustContain(t, where("ClaimReview feed"), get(anon, "/claimreview.json"), `"datePublished":"`+z.publishedISO+`"`, `"datePublished":"2020-05-01"`)
				mustContain(t, where("Atom feed"), get(anon, "/feed.atom"), "<published>"+z.feedPublished+"</published>")
				mustContain(t, where("corrections feed"), get(anon, "/corrections.atom"), "<published>"+z.correctionFeed+"</published>")
				mustContain(t, where("CSV export"), get(anon, "/export.csv"), ",2020-05-01,", ","+z.csvPublished+",")
				mustContain(t, where("sitemap"), get(anon, "/sitemap.xml"), "<lastmod>"+z.retractedISO+"</lastmod>")
				mustContain(t, where("desk"), get(ed, "/desk/claims/"+idStr(c.ID)), "published "+z.deskPublished)
				mustContain(t, where("public API"), get(anon, "/api/v1/public/claims/"+c.Slug), `"published_at":"2026-03-01T23:30:00Z"`, `"said_at":"2020-05-01"`)
			}

			// A zone the IANA database does not know is refused, next to
			// the field, and changes nothing.
			r := settings("Mars/Olympus_Mons")
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("unknown zone: %d, want 422", r.status)
			}
			fieldError(t, r.body, "f-time_zone", "Newsroom time zone must be a time zone name from the IANA database, such as Europe/Paris, America/New_York or UTC")
			if st, err := s.Settings(ctx); err != nil || st.TimeZone != "America/Los_Angeles" {
				t.Errorf("after a refused zone the setting is %q (%v)", st.TimeZone, err)
			}
			mustContain(t, "settings form", get(admin, "/admin/settings"), `value="America/Los_Angeles"`)
			if !strings.Contains(get(anon, "/claims/"+c.Slug), "<dt>Published</dt><dd>1 Mar 2026</dd>") {
				t.Error("a refused zone changed the dates shown")
			}
		})
	}
}
