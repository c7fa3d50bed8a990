package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// seedJobs puts background jobs in every state but running on s: queued
// ones (one about a source of a claim ed logs), failed ones with long
// reasons, and a done one. It returns the id of a failed job.
func seedJobs(t *testing.T, s *models.Store, ed *models.User) uint {
	t.Helper()
	ctx := context.Background()
	c, err := s.CreateClaim(ctx, ed, models.Meta{}, models.ClaimInput{
		Text: "I did not have communications with the Russians", Summary: "Sessions said he had no communications with the Russians",
		Speaker: "Jeff Sessions", SaidAt: "2017-01-10", Setting: "Senate confirmation hearing, under oath",
	})
	if err != nil {
		t.Fatal(err)
	}
	var sources []uint
	for i, u := range []string{"https://www.example.com/2017/03/01/sessions-spoke-twice-with-russian-ambassador-during-trumps-presidential-campaign", "https://www.example.org/statement", "https://www.example.net/transcript"} {
		src, err := s.AddSource(ctx, ed, models.Meta{}, c.ID, models.SourceInput{
			URL: u, Title: fmt.Sprintf("Source %d", i+1), Kind: models.SourceNewsReport, Stance: models.StanceContradicts,
		})
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, src.ID)
	}
	fail := func(kind string, source uint, reason string) uint {
		if err := s.EnqueueJob(ctx, kind, fmt.Sprintf("%s:source:%d", kind, source), models.SourceJob{SourceID: source}, time.Now()); err != nil {
			t.Fatal(err)
		}
		j, err := s.ClaimJob(ctx, []string{kind}, time.Minute, "seed")
		if err != nil || j == nil {
			t.Fatalf("claim %s: %v %v", kind, j, err)
		}
		if err := s.FailJob(ctx, j.ID, "seed", reason, models.Reason{}); err != nil {
			t.Fatal(err)
		}
		return j.ID
	}
	failed := fail(models.JobCheckLink, sources[0], "The address could not be reached: dial tcp: lookup www.example.com on 127.0.0.53:53: no such host (after 5 attempts; the last at 09:14 UTC)")
	fail(models.JobWayback, sources[1], "Save Page Now answered 523: https://web.archive.org/save/https://www.example.org/statement?capture_all=1&skip_first_archive=1 could not be saved because the origin server refused the connection.")
	if err := s.EnqueueJob(ctx, models.JobWayback, "wayback:source:later", models.SourceJob{SourceID: sources[2]}, time.Now().Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.EnqueueJob(ctx, models.JobCheckLink, "check_link:source:done", models.SourceJob{SourceID: sources[2]}, time.Now()); err != nil {
		t.Fatal(err)
	}
	j, err := s.ClaimJob(ctx, []string{models.JobCheckLink}, time.Minute, "done")
	if err != nil || j == nil {
		t.Fatalf("claim: %v %v", j, err)
	}
	if err := s.CompleteJob(ctx, j.ID, "done"); err != nil {
		t.Fatal(err)
	}
	return failed
}

// An admin finds a failed background job on /admin/jobs, reads why it
// failed, and queues it again with its Retry button; the page fits a
// phone, where the table becomes labelled lines.
func TestAdminRetriesAFailedJobInBrowser(t *testing.T) {
	a := startApp(t)
	modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	failed := seedJobs(t, a.store, ed)
	ctx := browser(t)
	signIn(t, ctx, a, "admin@example.org")
	row := fmt.Sprintf("tr#job-%d", failed)
	for _, width := range []int64{1440, 360} {
		do(t, ctx,
			chromedp.EmulateViewport(width, 900),
			chromedp.Navigate(a.url+"/admin"),
			chromedp.Click(chromedp.CSS(`a[href="/admin/jobs"]`)),
			chromedp.WaitVisible(chromedp.CSS(row)),
		)
		if got := text(t, ctx, row+" .job-error"); !strings.HasPrefix(got, "The address could not be reached") || !strings.HasSuffix(got, "the last at 09:14 UTC)") {
			t.Errorf("at %dpx the reason reads %q", width, got)
		}
		label, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('`+row+` td[data-label="Last error"]'), '::before').content`))
		if err != nil {
			t.Fatal(err)
		}
		if want := map[int64]string{1440: "none", 360: `"Last error"`}[width]; label != want {
			t.Errorf("at %dpx the error cell's label is %s, want %s", width, label, want)
		}
		shot(t, ctx, fmt.Sprintf("admin-jobs-%d", width))
	}
	do(t, ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Click(chromedp.CSS(`.tabs a[href="/admin/jobs?state=failed"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.tabs a[aria-current="page"][href="/admin/jobs?state=failed"]`)),
		chromedp.Click(chromedp.CSS(row+` button`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert`)),
	)
	if got := text(t, ctx, ".alert"); !strings.Contains(got, "Job queued again.") {
		t.Errorf("after retry the page says %q", got)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('`+row+`').length`)); err != nil || n != 0 {
		t.Errorf("the retried job is still listed as failed (%d, %v)", n, err)
	}
	j, err := a.store.GetJob(context.Background(), failed)
	if err != nil || j.State != models.JobQueued {
		t.Fatalf("after retry: %+v %v", j, err)
	}
	shot(t, ctx, "admin-jobs-retried-1440")
}

// The background jobs page has no serious or critical accessibility
// violations, at desktop and phone widths, with failed jobs and their
// Retry buttons on it.
func TestAdminJobsPassAxe(t *testing.T) {
	axe := axeScript(t)
	a := startApp(t)
	modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	seedJobs(t, a.store, modelstest.User(t, a.store, "editor@example.org", models.RoleEditor))
	ctx := browser(t)
	signIn(t, ctx, a, "admin@example.org")
	for _, width := range []int64{1440, 360} {
		for _, path := range []string{"/admin/jobs", "/admin/jobs?state=failed", "/admin"} {
			do(t, ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(a.url+path), chromedp.WaitVisible(chromedp.CSS("main h1")),
				chromedp.Evaluate[chromedp.Void](axe))
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))`,
				chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("run axe on %s: %v", path, err)
			}
			var vs []axeViolation
			if err := json.Unmarshal([]byte(raw), &vs); err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("%s at %dpx: %s (%s): %s, e.g. %v", path, width, v.ID, v.Impact, v.Help, v.Nodes[0].Target)
				}
			}
		}
	}
}
