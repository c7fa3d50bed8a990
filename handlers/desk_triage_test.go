package handlers_test

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The claim form logs and edits a claim with its assignee, due day and
// priority; the claim page's assignment form changes them in any status,
// refusing a bad value beside its field (422) and a stale form (409) with
// what was typed kept; a draft starts research with a button.
func TestDeskClaimTriage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			newForm := e.page(t, e.ed, "/desk/claims/new", http.StatusOK)
			mustContain(t, "new claim form", newForm, `<select id="f-assignee" name="assignee_id"`, `<input type="date" value="" id="f-due" name="due_on"`,
				`<option value="normal" selected>Normal</option>`, ">Test rev (reviewer)</option>")
			bad := e.post(t, e.ed, "/desk/claims", with(with(claimForm(), "priority", "someday"), "assignee_id", "99999"))
			if bad.status != http.StatusUnprocessableEntity {
				t.Fatalf("bad triage: %d", bad.status)
			}
			fieldError(t, bad.body, "f-priority", "Priority must be “Low”, “Normal”, “High” or “Urgent”")
			fieldError(t, bad.body, "f-assignee", "Assigned to must be an active colleague&#39;s account")

			form := with(with(with(claimForm(), "assignee_id", idStr(e.edUser.ID)), "due_on", "2031-07-19"), "priority", "high")
			id := e.created(t, e.ed, "/desk/claims", form)
			page := e.page(t, e.ed, claimPath(id), http.StatusOK)
			d := doc(t, page)
			if got := texts(d.Find("#triage dd")); len(got) != 3 || got[0] != "Test ed" || got[1] != "19 Jul 2031" || got[2] != "High" {
				t.Errorf("assignment card: %q", got)
			}
			mustContain(t, "claim page", page, `<span class="priority p-high">High</span>`, `action="`+claimPath(id)+`/research"`)

			// Start research.
			e.mustPost(t, e.ed, claimPath(id)+"/research", url.Values{"revision": {"1"}}, http.StatusSeeOther, claimPath(id)+"?done=research-started")
			page = e.page(t, e.ed, claimPath(id)+"?done=research-started", http.StatusOK)
			mustContain(t, "researching", page, "Research started.", `<span class="status s-researching">Researching</span>`, "/edit")
			if strings.Contains(page, `action="`+claimPath(id)+`/research"`) {
				t.Error("a claim being researched offers to start research")
			}
			stale := e.post(t, e.ed, claimPath(id)+"/research", url.Values{"revision": {"1"}})
			if stale.status != http.StatusConflict || !strings.Contains(stale.body, "Someone changed this claim after you opened this page") {
				t.Errorf("stale research: %d", stale.status)
			}

			// Reassign from the claim page, in review too.
			e.mustPost(t, e.ed, claimPath(id)+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
			// Its sources are edited as a draft's are.
			researched, _ := e.store.GetClaim(t.Context(), id)
			e.page(t, e.ed, "/desk/sources/"+idStr(researched.Sources[0].ID)+"/edit", http.StatusOK)
			e.mustPost(t, e.ed, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			cl, _ := e.store.GetClaim(t.Context(), id)
			rev := idStr(uint(cl.Revision))
			refused := e.post(t, e.rev, claimPath(id)+"/triage", url.Values{"revision": {rev}, "assignee_id": {idStr(e.revUser.ID)}, "due_on": {"31 July"}, "priority": {"low"}})
			if refused.status != http.StatusUnprocessableEntity {
				t.Fatalf("bad due day: %d", refused.status)
			}
			fieldError(t, refused.body, "triage-due", "Due must be a date like 2017-01-10")
			if !strings.Contains(refused.body, `value="31 July"`) || !strings.Contains(refused.body, `<details class="more" open>`) {
				t.Error("the refused assignment does not keep what was typed, open")
			}
			e.mustPost(t, e.rev, claimPath(id)+"/triage", url.Values{"revision": {rev}, "assignee_id": {idStr(e.revUser.ID)}, "due_on": {"2031-07-31"}, "priority": {"low"}},
				http.StatusSeeOther, claimPath(id)+"?done=triage-updated#triage")
			staleForm := e.post(t, e.ed, claimPath(id)+"/triage", url.Values{"revision": {rev}, "assignee_id": {""}, "due_on": {""}, "priority": {"urgent"}})
			if staleForm.status != http.StatusConflict || !strings.Contains(staleForm.body, "your assignment was not saved") ||
				!strings.Contains(staleForm.body, `<option value="urgent" selected>Urgent</option>`) {
				t.Errorf("stale assignment: %d", staleForm.status)
			}
			got, _ := e.store.GetClaim(t.Context(), id)
			if got.Status != models.ClaimInReview || got.AssigneeID == nil || *got.AssigneeID != e.revUser.ID || models.FormatDate(got.DueOn) != "2031-07-31" || got.Priority != models.PriorityLow {
				t.Errorf("after the assignment: %s, %v, %v, %s", got.Status, got.AssigneeID, got.DueOn, got.Priority)
			}
			hist := e.page(t, e.ed, claimPath(id)+"/history", http.StatusOK)
			mustContain(t, "history", hist, "changed the assignment", "started research on the claim", "Test rev", "31 Jul 2031")

			// Disabled since, the assignee stays in the claim's forms.
			if _, err := e.store.UpdateUser(t.Context(), adminUser(t, e), models.Meta{}, e.revUser.ID, models.UserChange{Disabled: new(true)}); err != nil {
				t.Fatal(err)
			}
			page = e.page(t, e.ed, claimPath(id), http.StatusOK)
			mustContain(t, "a disabled assignee", page, `<option value="`+idStr(e.revUser.ID)+`" selected>Test rev (reviewer)</option>`)
		})
	}
}

// The desk's front page shows each role, first, the claims assigned to
// them, those due soon, the verdicts waiting for their review and theirs
// sent back, with counts; the navigation counts what waits for them. The
// review queue says how long each verdict has waited, whose words and
// whose verdict it is, and narrows to a speaker or an author, keeping the
// other in its links.
func TestDeskFrontPageAndQueuePerRole(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	clock := &now
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			now = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
			e := newDeskEnvClock(t, engine, func() time.Time { return *clock })
			log := func(summary, speaker string, assignee *models.User, due string) uint {
				t.Helper()
				f := with(with(with(claimForm(), "summary", summary), "speaker", speaker), "due_on", due)
				if assignee != nil {
					f = with(f, "assignee_id", idStr(assignee.ID))
				}
				return e.created(t, e.ed, "/desk/claims", f)
			}
			propose := func(id uint, c *http.Client) {
				t.Helper()
				e.mustPost(t, c, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			}
			mine := log("Ed's claim, due tomorrow", "Ann Speaker", e.edUser, "2026-03-11")
			log("Nobody's claim, overdue", "Ann Speaker", nil, "2026-03-01")
			log("Rev's claim, due in a month", "Bo Speaker", e.revUser, "2026-04-10")
			propose(mine, e.ed)
			now = now.Add(50 * time.Hour) // the verdict has waited two days
			other := log("Another claim, by Bo", "Bo Speaker", nil, "")
			propose(other, e.admin)
			back := log("A claim sent back", "Bo Speaker", nil, "")
			propose(back, e.ed)
			v := e.openVerdict(t, back)
			e.mustPost(t, e.rev, "/desk/verdicts/"+idStr(v.ID)+"/reviews", url.Values{"version": {"1"}, "decision": {"request_changes"}, "comment": {"More."}}, http.StatusSeeOther, "")

			panel := func(body, title string) []string {
				t.Helper()
				sec := doc(t, body).Find(`section.panel[aria-label="` + title + `"]`)
				if sec.Length() != 1 {
					t.Fatalf("no panel %q", title)
				}
				return append([]string{strings.TrimSpace(sec.Find(".panel-head .n").Text())}, texts(sec.Find(".row-title"))...)
			}
			for _, tc := range []struct {
				who                     string
				c                       *http.Client
				assigned, due, awaiting []string
				sentBack                []string
				desk, review            string
			}{
				{"editor", e.ed, []string{"1", "Ed's claim, due tomorrow"}, []string{"2", "Nobody's claim, overdue", "Ed's claim, due tomorrow"},
					nil, []string{"1", "A claim sent back"}, "2", ""},
				{"reviewer", e.rev, []string{"1", "Rev's claim, due in a month"}, []string{"1", "Nobody's claim, overdue"},
					[]string{"2", "Ed's claim, due tomorrow", "Another claim, by Bo"}, []string{"0"}, "1", "2"},
				{"admin", e.admin, []string{"0"}, []string{"1", "Nobody's claim, overdue"},
					[]string{"1", "Ed's claim, due tomorrow"}, []string{"0"}, "", "1"},
			} {
				body := e.page(t, tc.c, "/desk", http.StatusOK)
				for _, p := range []struct {
					title string
					want  []string
				}{{"Assigned to me", tc.assigned}, {"Due soon", tc.due}, {"Waiting for my review", tc.awaiting}, {"Sent back to me", tc.sentBack}} {
					if p.want == nil {
						if strings.Contains(body, `aria-label="`+p.title+`"`) {
							t.Errorf("%s: the desk shows %q", tc.who, p.title)
						}
						continue
					}
					if got := panel(body, p.title); strings.Join(got, "|") != strings.Join(p.want, "|") {
						t.Errorf("%s: %s = %q, want %q", tc.who, p.title, got, p.want)
					}
				}
				// The four come first, in this order.
				titles := texts(doc(t, body).Find("section.panel h2"))
				if len(titles) < 3 || titles[0] != "Assigned to me" || titles[1] != "Due soon" {
					t.Errorf("%s: panels in the order %q", tc.who, titles)
				}
				nav := doc(t, body).Find(`header.masthead nav`)
				badge := func(href string) string {
					return strings.TrimSpace(nav.Find(`a[href="` + href + `"] .nav-badge span[aria-hidden]`).Text())
				}
				if badge("/desk") != tc.desk || badge("/desk/review") != tc.review {
					t.Errorf("%s: badges desk %q, review %q; want %q, %q", tc.who, badge("/desk"), badge("/desk/review"), tc.desk, tc.review)
				}
			}
			mustContain(t, "editor's badge", e.page(t, e.ed, "/desk/claims", http.StatusOK), `<span class="sr-only">(2 items wait for you)</span>`)
			// The panels' full lists.
			due := e.page(t, e.ed, "/desk/claims?due=soon", http.StatusOK)
			if got := texts(doc(t, due).Find(".rows .row-title")); strings.Join(got, "|") != "Nobody's claim, overdue|Ed's claim, due tomorrow" {
				t.Errorf("due soon list: %q", got)
			}
			mustContain(t, "due soon list", due, "Earliest due first.", `<a href="/desk/claims?due=soon" aria-current="page">Due soon</a>`)
			assigned := e.page(t, e.rev, "/desk/claims?assigned=1", http.StatusOK)
			if got := texts(doc(t, assigned).Find(".rows .row-title")); strings.Join(got, "|") != "Rev's claim, due in a month" {
				t.Errorf("assigned list: %q", got)
			}

			// The queue: waits, speakers, authors, filters.
			q := e.page(t, e.rev, "/desk/review", http.StatusOK)
			rows := texts(doc(t, q).Find(".rows li"))
			if len(rows) != 2 || !strings.Contains(rows[0], "Said by Ann Speaker · Proposed by Test ed") || !strings.Contains(rows[0], "waiting for 2 days") ||
				!strings.Contains(rows[1], "Said by Bo Speaker · Proposed by Test admin") || !strings.Contains(rows[1], "waiting for less than an hour") {
				t.Errorf("queue rows: %q", rows)
			}
			speakers := texts(doc(t, q).Find("#queue-speaker option"))
			if strings.Join(speakers, "|") != "Any speaker|Ann Speaker|Bo Speaker" {
				t.Errorf("speaker filter: %q", speakers)
			}
			bo := doc(t, q).Find(`#queue-speaker option:contains("Bo Speaker")`).AttrOr("value", "")
			admin := doc(t, q).Find(`#queue-author option:contains("Test admin")`).AttrOr("value", "")
			narrowed := e.page(t, e.rev, "/desk/review?speaker="+bo, http.StatusOK)
			if rows := texts(doc(t, narrowed).Find(".rows li .row-title")); len(rows) != 1 || rows[0] != "Another claim, by Bo" {
				t.Errorf("by speaker: %q", rows)
			}
			// Narrowing by author keeps the speaker, in the links too.
			mustContain(t, "links keep the filter", narrowed, `href="/desk/review?author=`+admin+`&amp;speaker=`+bo+`"`, `<option value="`+bo+`" selected>Bo Speaker</option>`,
				`<a href="/desk/review">Show all</a>`)
			if r := e.page(t, e.rev, "/desk/review?speaker="+bo+"&author="+idStr(e.edUser.ID), http.StatusOK); !strings.Contains(r, "Nothing waiting for your review matches this filter.") {
				t.Error("an empty filter says nothing")
			}
			if r := e.get(t, e.rev, "/desk/review?speaker=bo"); r.status != http.StatusUnprocessableEntity {
				t.Errorf("a speaker by name: %d", r.status)
			}
		})
	}
}

// adminUser is the admin of e.
func adminUser(t *testing.T, e *deskEnv) *models.User {
	t.Helper()
	u, err := e.store.UserByEmail(t.Context(), "admin@example.org")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// newDeskEnvClock is newDeskEnv on a store whose clock is now.
func newDeskEnvClock(t *testing.T, engine string, now func() time.Time) *deskEnv {
	t.Helper()
	s := modelstest.Open(t, engine, models.Config{Now: now, Logger: slog.New(slog.DiscardHandler), SessionIdle: 1000 * time.Hour, SessionLifetime: 1000 * time.Hour})
	e := &deskEnv{testServer: newServerOn(t, s)}
	e.ed, e.edUser = e.login(t, "ed@example.org", models.RoleEditor)
	e.other, _ = e.login(t, "other@example.org", models.RoleEditor)
	e.rev, e.revUser = e.login(t, "rev@example.org", models.RoleReviewer)
	e.admin, _ = e.login(t, "admin@example.org", models.RoleAdmin)
	return e
}
