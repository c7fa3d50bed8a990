package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// /admin/jobs shows admins the background jobs by state, with counts, what
// each job is about, and the full reason a failed one gives; a failed job
// is queued again from its Retry button, once; the admin index links the
// page with the number of failed jobs.
func TestAdminJobsListsJobsAndRetriesAFailedOne(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			e := newDeskEnv(t, engine)
			claimID := e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(claimID)+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			var sourceID uint
			l, err := e.store.ListJobs(ctx, models.JobFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range l.Items {
				if it.Kind == models.JobArchiveSource {
					sourceID = it.SourceID
				}
			}
			if sourceID == 0 {
				t.Fatalf("saving a source queued no archive job: %+v", l.Items)
			}
			// A job about a source, failed for good with a long reason.
			reason := "The address could not be reached: dial tcp 192.0.2.1:443: i/o timeout\nafter 5 attempts <script>alert(1)</script>"
			if err := e.store.EnqueueJob(ctx, models.JobCheckLink, "check_link:source:t", models.SourceJob{SourceID: sourceID}, time.Now()); err != nil {
				t.Fatal(err)
			}
			j, err := e.store.ClaimJob(ctx, []string{models.JobCheckLink}, time.Minute, "test")
			if err != nil || j == nil {
				t.Fatalf("claim: %v %v", j, err)
			}
			if err := e.store.FailJob(ctx, j.ID, "test", reason, models.Reason{}); err != nil {
				t.Fatal(err)
			}
			failedID := idStr(j.ID)

			d := doc(t, e.page(t, e.admin, "/admin/jobs", http.StatusOK))
			if got := d.Find("main h1").Text(); got != "Background jobs" {
				t.Errorf("h1 %q", got)
			}
			if got := strings.Join(texts(d.Find(".tabs a")), "|"); got != "All 2|Queued 1|Running 0|Failed 1|Done 0" {
				t.Errorf("tabs: %s", got)
			}
			row := d.Find("tr#job-" + failedID)
			if row.Length() != 1 {
				t.Fatalf("no row for job %s", failedID)
			}
			if got := strings.TrimSpace(row.Find(".job-error").Text()); got != reason {
				t.Errorf("the reason shown is %q, want it in full: %q", got, reason)
			}
			if href, _ := row.Find(`td[data-label="About"] a`).Attr("href"); href != claimPath(claimID)+"#sources" {
				t.Errorf("about links to %q", href)
			}
			mustContain(t, "failed row", strings.Join(texts(row.Find("td")), "|"), "#"+failedID+" Check the link", "Source "+idStr(sourceID), "Failed", "1 of 5")
			if action, _ := row.Find("form").Attr("action"); action != "/admin/jobs/"+failedID+"/retry" {
				t.Errorf("retry form posts to %q", action)
			}
			if n := d.Find("tbody form").Length(); n != 1 {
				t.Errorf("%d retry buttons, want one for the failed job", n)
			}
			mustContain(t, "queued row", strings.Join(texts(d.Find("tbody tr").Not("#job-"+failedID).Find("td")), "|"), "Archive the source page", "Queued", "0 of 5", "Runs from")

			d = doc(t, e.page(t, e.admin, "/admin/jobs?state=failed", http.StatusOK))
			if n := d.Find("tbody tr").Length(); n != 1 || d.Find("tr#job-"+failedID).Length() != 1 {
				t.Errorf("the failed tab lists %d jobs", n)
			}
			if cur := d.Find(`.tabs a[aria-current="page"]`).Text(); !strings.HasPrefix(cur, "Failed") {
				t.Errorf("the current tab is %q", cur)
			}
			for _, q := range []string{"?state=lost", "?page=x", "?page=-3", "?state=failed&page=99999999999999999999"} {
				e.page(t, e.admin, "/admin/jobs"+q, http.StatusOK)
			}
			if n := doc(t, e.page(t, e.admin, "/admin/jobs?state=running", http.StatusOK)).Find("tbody tr").Length(); n != 0 {
				t.Errorf("the running tab lists %d jobs", n)
			}

			panel := doc(t, e.page(t, e.admin, "/admin", http.StatusOK)).Find("section.panel").FilterFunction(func(_ int, s *goquery.Selection) bool {
				return strings.TrimSpace(s.Find("h2").Text()) == "Background jobs"
			})
			if panel.Find(".n").Text() != "1" || panel.Find(`a[href="/admin/jobs"]`).Length() == 0 {
				t.Errorf("the admin index's jobs panel: %q", panel.Text())
			}

			if r := e.post(t, e.ed, "/admin/jobs/"+failedID+"/retry", url.Values{}); r.status != http.StatusForbidden {
				t.Errorf("an editor's retry: %d", r.status)
			}
			e.mustPost(t, e.admin, "/admin/jobs/"+failedID+"/retry", url.Values{"state": {"failed"}}, http.StatusSeeOther, "/admin/jobs?state=failed&done=job-retried")
			got, err := e.store.GetJob(ctx, j.ID)
			if err != nil || got.State != models.JobQueued || got.Attempts != 0 {
				t.Fatalf("after retry: %+v %v", got, err)
			}
			mustContain(t, "flash", e.page(t, e.admin, "/admin/jobs?state=failed&done=job-retried", http.StatusOK), "Job queued again.", "No job has failed.")
			again := e.post(t, e.admin, "/admin/jobs/"+failedID+"/retry", url.Values{})
			if again.status != http.StatusConflict || !strings.Contains(again.body, "only a failed job can be retried") {
				t.Errorf("retried twice: %d", again.status)
			}
			if r := e.post(t, e.admin, "/admin/jobs/999999/retry", url.Values{}); r.status != http.StatusNotFound {
				t.Errorf("retry of no job: %d", r.status)
			}
			evs, _ := e.store.AuditEvents(ctx, models.AuditQuery{Action: "job.retry"})
			if len(evs) != 1 || evs[0].Actor != "admin@example.org" {
				t.Errorf("audit: %+v", evs)
			}
			e.page(t, e.ed, "/admin/jobs", http.StatusForbidden)
		})
	}
}

// A job's state has one name in a language: the jobs page's tabs and rows
// and the refusal to retry a job that has not failed say the same word.
func TestJobStateHasOneNameInFrench(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			claimID := e.newClaim(t)
			e.mustPost(t, e.ed, claimPath(claimID)+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			l, err := e.store.ListJobs(context.Background(), models.JobFilter{State: models.JobQueued})
			if err != nil || len(l.Items) == 0 {
				t.Fatalf("no queued job: %v %+v", err, l.Items)
			}
			queued := idStr(l.Items[0].ID)

			d := doc(t, e.page(t, e.admin, "/admin/jobs?lang=fr", http.StatusOK))
			if got := strings.Join(texts(d.Find(".tabs a")), "|"); got != "Toutes 1|En attente 1|En cours 0|En échec 0|Terminée 0" {
				t.Errorf("tabs: %s", got)
			}
			mustContain(t, "queued row", strings.Join(texts(d.Find("tr#job-"+queued+" td")), "|"), "En attente", "Archiver la page de la source")
			r := e.post(t, e.admin, "/admin/jobs/"+queued+"/retry", url.Values{})
			if r.status != http.StatusConflict {
				t.Fatalf("retry of a queued job: %d", r.status)
			}
			mustContain(t, "refused retry", r.body, "La tâche "+queued+" a le statut « En attente » : seule une tâche en échec peut être relancée.")
		})
	}
}
