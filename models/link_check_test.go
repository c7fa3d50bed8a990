package models_test

import (
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// linkCheck is a check's input for src at clock's time.
func linkCheck(src *models.Source, status models.LinkStatus, code int, clock *modelstest.Clock) models.LinkCheckInput {
	in := models.LinkCheckInput{URL: src.URL, Status: status, HTTPStatus: code, FinalURL: src.URL, CheckedAt: clock.Now()}
	switch status {
	case models.LinkGone:
		in.Error = models.StatusReason(404)
	case models.LinkUnreachable:
		in.Error, in.HTTPStatus, in.FinalURL = models.Reason{English: "could not be reached"}, 0, ""
	}
	return in
}

// A check is kept on the source and in its history; the public page's
// version moves when what it shows of the link changes, not with every
// visit that finds the same; a status's "since" stays while it holds.
func TestRecordLinkCheck(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, src := d.published(t)
		record := func(in models.LinkCheckInput) *models.LinkCheck {
			t.Helper()
			row, err := s.RecordLinkCheck(d.ctx, src.ID, in)
			if err != nil || row == nil {
				t.Fatalf("record %+v: %v %v", in, row, err)
			}
			return row
		}
		_, page0 := d.versions(t, c.Slug)
		first := clock.Now()
		record(linkCheck(src, models.LinkLive, 200, clock))
		_, page1 := d.versions(t, c.Slug)
		if page1 == page0 {
			t.Errorf("a first status left the page version at %s", page0)
		}
		clock.Add(7 * 24 * time.Hour)
		record(linkCheck(src, models.LinkLive, 200, clock))
		got, _ := s.GetSource(d.ctx, src.ID)
		if got.LinkStatus != models.LinkLive || !got.LinkCheckedAt.Equal(clock.Now()) || !got.LinkSince.Equal(first) ||
			got.LinkHTTPStatus == nil || *got.LinkHTTPStatus != 200 || got.LinkFinalURL != src.URL || got.LinkError != "" {
			t.Fatalf("after two live checks: %+v", got)
		}
		if !got.UpdatedAt.Equal(src.UpdatedAt) {
			t.Errorf("a visit moved updated_at from %v to %v", src.UpdatedAt, got.UpdatedAt)
		}
		if _, page := d.versions(t, c.Slug); page != page1 {
			t.Errorf("a visit that found the same moved the page version %s → %s", page1, page)
		}
		events, _ := s.ClaimHistory(d.ctx, c.ID)
		before := len(events)
		clock.Add(7 * 24 * time.Hour)
		gone := clock.Now()
		row := record(linkCheck(src, models.LinkGone, 404, clock))
		if row.Status != models.LinkGone || row.HTTPStatus == nil || *row.HTTPStatus != 404 || row.Error != "answered 404 Not Found" {
			t.Errorf("row %+v", row)
		}
		_, page2 := d.versions(t, c.Slug)
		if page2 == page1 {
			t.Errorf("gone left the page version at %s", page1)
		}
		got, _ = s.GetSource(d.ctx, src.ID)
		if got.LinkStatus != models.LinkGone || !got.LinkSince.Equal(gone) || got.LinkError != "answered 404 Not Found" {
			t.Fatalf("after gone: %+v", got)
		}
		if events, _ = s.ClaimHistory(d.ctx, c.ID); len(events) != before+1 || events[len(events)-1].Action != "source.link" {
			t.Errorf("history after a change of status: %d events, want %d", len(events), before+1)
		}
		// Gone again a week later: since stays, the page too.
		clock.Add(7 * 24 * time.Hour)
		record(linkCheck(src, models.LinkGone, 404, clock))
		if got, _ = s.GetSource(d.ctx, src.ID); !got.LinkSince.Equal(gone) || !got.LinkCheckedAt.Equal(clock.Now()) {
			t.Errorf("since %v, checked %v", got.LinkSince, got.LinkCheckedAt)
		}
		if _, page := d.versions(t, c.Slug); page != page2 {
			t.Errorf("gone again moved the page version")
		}
		// The same status with another answer is a public change.
		clock.Add(time.Hour)
		in := linkCheck(src, models.LinkGone, 410, clock)
		in.Error = models.StatusReason(410)
		record(in)
		if _, page := d.versions(t, c.Slug); page == page2 {
			t.Errorf("410 after 404 left the page version")
		}
		rows, err := s.LinkChecksOf(d.ctx, src.ID, 10)
		if err != nil || len(rows) != 5 || *rows[0].HTTPStatus != 410 || rows[4].Status != models.LinkLive {
			t.Fatalf("history: %+v %v", rows, err)
		}
		// A check of an address the source no longer has is dropped.
		old := linkCheck(src, models.LinkLive, 200, clock)
		old.URL = "https://elsewhere.example.org/"
		if row, err := s.RecordLinkCheck(d.ctx, src.ID, old); row != nil || err != nil {
			t.Errorf("a check of another URL: %v %v", row, err)
		}
		if rows, _ := s.LinkChecksOf(d.ctx, src.ID, 10); len(rows) != 5 {
			t.Errorf("a check of another URL was kept")
		}
		if _, err := s.RecordLinkCheck(d.ctx, 999999, linkCheck(src, models.LinkLive, 200, clock)); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("an unknown source: %v", err)
		}
		bad := linkCheck(src, "fine", 200, clock)
		if _, err := s.RecordLinkCheck(d.ctx, src.ID, bad); models.FieldErrors(err)["status"] == "" {
			t.Errorf("an unknown status: %v", err)
		}
	})
}

// A draft's source is checked too, without moving any public version.
func TestRecordLinkCheckOfDraftIsNotPublic(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, _, _ := d.proposed(t, "false")
		c, _ = s.GetClaim(d.ctx, c.ID)
		src := &c.Sources[0]
		site0, err := fresh(d.ctx, s, s.SiteVersion)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.RecordLinkCheck(d.ctx, src.ID, linkCheck(src, models.LinkGone, 404, clock)); err != nil {
			t.Fatal(err)
		}
		if site, _ := fresh(d.ctx, s, s.SiteVersion); site.Tag != site0.Tag {
			t.Errorf("a draft's check moved the site version %s → %s", site0.Tag, site.Tag)
		}
	})
}

// sourcesAt adds to a new draft claim one source per URL.
func (d *desk) sourcesAt(t *testing.T, urls ...string) []*models.Source {
	t.Helper()
	c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, sworn())
	if err != nil {
		t.Fatal(err)
	}
	var out []*models.Source
	for _, u := range urls {
		in := report()
		in.URL = u
		src, err := d.s.AddSource(d.ctx, d.ed, d.m, c.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, src)
	}
	return out
}

// Sources come due an interval after their last check (never checked:
// after they were saved); each gets one check_link job however many
// instances ask at once; the checks of one host are spread by the host
// gap and capped per call; 0 turns checks off.
func TestEnqueueLinkChecks(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		srcs := d.sourcesAt(t, "https://a.example.org/1", "https://A.example.org./2", "https://a.example.org/3", "https://b.example.org/1")
		week := 7 * 24 * time.Hour
		sch := models.LinkSchedule{Interval: week, Limit: 100, HostGap: 10 * time.Second}
		if due, err := s.DueLinkChecks(d.ctx, week, 100); err != nil || len(due) != 0 {
			t.Fatalf("just saved, due: %+v %v", due, err)
		}
		clock.Add(week + time.Minute)
		if due, err := s.DueLinkChecks(d.ctx, week, 100); err != nil || len(due) != 4 || due[0].SourceID != srcs[0].ID || due[0].URL != srcs[0].URL {
			t.Fatalf("a week later, due: %+v %v", due, err)
		}
		if due, _ := s.DueLinkChecks(d.ctx, 0, 100); len(due) != 0 {
			t.Fatalf("interval 0: %d due", len(due))
		}
		if n, _ := s.EnqueueLinkChecks(d.ctx, models.LinkSchedule{Limit: 100}); n != 0 {
			t.Fatalf("interval 0: %d enqueued", n)
		}
		// Three instances at once.
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				if _, err := s.EnqueueLinkChecks(d.ctx, sch); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		jobs, err := s.OpenSourceJobsForTest(d.ctx, models.JobCheckLink)
		if err != nil || len(jobs) != 4 {
			t.Fatalf("%d open jobs, want 4: %v", len(jobs), err)
		}
		runAt := map[uint]time.Time{}
		for _, j := range jobs {
			var p models.SourceJob
			if err := j.Decode(&p); err != nil || j.Key == nil || *j.Key != "check_link:source:"+itoa(p.SourceID) {
				t.Fatalf("job %+v: %v", j, err)
			}
			runAt[p.SourceID] = j.RunAt
		}
		now := clock.Now()
		if !runAt[srcs[0].ID].Equal(now) || !runAt[srcs[1].ID].Equal(now.Add(10*time.Second)) ||
			!runAt[srcs[2].ID].Equal(now.Add(20*time.Second)) || !runAt[srcs[3].ID].Equal(now) {
			t.Errorf("run at %v (now %v)", runAt, now)
		}
		// Sources with a check queued are not due again.
		if due, _ := s.DueLinkChecks(d.ctx, week, 100); len(due) != 0 {
			t.Errorf("%d due while queued", len(due))
		}
		// Checked and done: due again only a week later.
		for _, src := range srcs {
			if _, err := s.RecordLinkCheck(d.ctx, src.ID, linkCheck(src, models.LinkLive, 200, clock)); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.FinishJobsForTest(d.ctx, models.JobCheckLink); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.EnqueueLinkChecks(d.ctx, sch); n != 0 {
			t.Errorf("just checked: %d enqueued", n)
		}
		clock.Add(week + time.Second)
		// At most two per host per call.
		capped := sch
		capped.PerHost = 2
		if n, err := s.EnqueueLinkChecks(d.ctx, capped); err != nil || n != 3 {
			t.Errorf("capped per host: %d enqueued, want 3: %v", n, err)
		}
		if n, _ := s.EnqueueLinkChecks(d.ctx, capped); n != 1 {
			t.Errorf("the rest: %d enqueued, want 1", n)
		}
	})
}

func itoa(n uint) string { return strconv.FormatUint(uint64(n), 10) }

// The desk lists gone, moved, unreachable and changed sources with their
// claim, the latest breakage first; live ones are not listed; only
// editors and above may see it (a user without a role may not).
func TestBrokenSources(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		srcs := d.sourcesAt(t, "https://a.example.org/live", "https://a.example.org/gone", "https://b.example.org/moved",
			"https://c.example.org/down", "https://d.example.org/changed")
		for i, st := range []models.LinkStatus{models.LinkLive, models.LinkGone, models.LinkMoved, models.LinkUnreachable, models.LinkChanged} {
			clock.Add(time.Minute)
			if _, err := s.RecordLinkCheck(d.ctx, srcs[i].ID, linkCheck(srcs[i], st, 200, clock)); err != nil {
				t.Fatal(err)
			}
		}
		all, err := s.BrokenSources(d.ctx, d.ed, "", 50)
		if err != nil || len(all) != 4 {
			t.Fatalf("broken: %d %v", len(all), err)
		}
		if all[0].ID != srcs[4].ID || all[3].ID != srcs[1].ID || all[0].ClaimSlug == "" || all[0].ClaimSummary == "" || all[0].ClaimStatus != models.ClaimDraft {
			t.Errorf("first %+v, last %+v", all[0], all[3])
		}
		gone, err := s.BrokenSources(d.ctx, d.ed, models.LinkGone, 50)
		if err != nil || len(gone) != 1 || gone[0].ID != srcs[1].ID || gone[0].LinkError != "answered 404 Not Found" {
			t.Errorf("gone only: %+v %v", gone, err)
		}
		if _, err := s.BrokenSources(d.ctx, &models.User{}, "", 50); !errors.Is(err, models.ErrForbidden) {
			t.Errorf("a viewer: %v", err)
		}
	})
}

// An edit that keeps a source's URL keeps what its checks found; a new URL
// starts again with none.
func TestSourceEditKeepsLinkState(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		src := d.sourcesAt(t, "https://a.example.org/story")[0]
		if _, err := s.RecordLinkCheck(d.ctx, src.ID, linkCheck(src, models.LinkGone, 404, clock)); err != nil {
			t.Fatal(err)
		}
		in := report()
		in.URL, in.Title, in.Revision = src.URL, "A new title", src.Revision
		if _, err := s.UpdateSource(d.ctx, d.ed, d.m, src.ID, in); err != nil {
			t.Fatal(err)
		}
		got, _ := s.GetSource(d.ctx, src.ID)
		if got.LinkStatus != models.LinkGone || got.LinkSince == nil || got.LinkHTTPStatus == nil || *got.LinkHTTPStatus != 404 ||
			got.LinkFinalURL != src.URL || got.LinkError == "" || got.LinkCheckedAt == nil {
			t.Fatalf("after an edit that kept the URL: %+v", got)
		}
		in.URL, in.Revision = "https://a.example.org/story-moved", got.Revision
		if _, err := s.UpdateSource(d.ctx, d.ed, d.m, src.ID, in); err != nil {
			t.Fatal(err)
		}
		got, _ = s.GetSource(d.ctx, src.ID)
		if got.LinkStatus != "" || got.LinkSince != nil || got.LinkHTTPStatus != nil || got.LinkFinalURL != "" || got.LinkError != "" || got.LinkCheckedAt != nil {
			t.Fatalf("after a new URL: %+v", got)
		}
	})
}
