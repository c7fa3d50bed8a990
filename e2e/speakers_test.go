package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A claim logged from a quote under "Nandakumar" is merged on the desk
// into "Priya Nandakumar": a reviewer finds the likely duplicate on the
// speaker's page, types the name to keep and merges; the kept speaker's
// page lists both claims, and the browser that follows the old public
// address lands on the kept speaker's page.
func TestReviewerMergesADuplicateSpeaker(t *testing.T) {
	a := startApp(t)
	editor := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	reviewer := modelstest.User(t, a.store, "reviewer@example.org", models.RoleReviewer)
	ctx0, m := t.Context(), models.Meta{}
	publish := func(speaker, words string) *models.Claim {
		t.Helper()
		c, err := a.store.CreateClaim(ctx0, editor, m, models.ClaimInput{Text: words, Summary: words, Speaker: speaker, SaidAt: "2024-05-01"})
		if err != nil {
			t.Fatal(err)
		}
		v, err := a.store.ProposeVerdict(ctx0, editor, m, c.ID, models.VerdictInput{Rating: "false", Headline: "Not so", Explanation: "The timetable says otherwise."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.ReviewVerdict(ctx0, reviewer, m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
		return c
	}
	kept := publish("Priya Nandakumar", "Rail fares fell by a third last year")
	moved := publish("Nandakumar", "The tunnel will open in May")

	ctx := browser(t)
	signIn(t, ctx, a, reviewer.Email)
	do(t, ctx,
		chromedp.Navigate(a.url+"/desk/people?q=nanda"),
		chromedp.WaitVisible(chromedp.CSS(`.row-title`)),
	)
	shot(t, ctx, "desk-people-search")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`a.row-title[href="/desk/people/%d"]`, moved.PersonID))),
		chromedp.WaitVisible(chromedp.CSS(`#merge-h`)),
	)
	if got := text(t, ctx, `aside`); !strings.Contains(got, "Possibly the same speaker") || !strings.Contains(got, "Priya Nandakumar") {
		t.Fatalf("the speaker's page does not offer the duplicate: %q", got)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#merge details.more:not(.danger-zone) > summary`)),
		chromedp.WaitVisible(chromedp.CSS(`#merge-into`)),
		chromedp.SendKeys(chromedp.CSS(`#merge-into`), "Priya Nandakumar"),
	)
	shot(t, ctx, "desk-person-merge")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action$="/merge"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if got := text(t, ctx, `h1`); got != "Priya Nandakumar" {
		t.Fatalf("after the merge the page is headed %q", got)
	}
	if got := text(t, ctx, `aside`); !strings.Contains(got, "The tunnel will open in May") || !strings.Contains(got, "Rail fares fell by a third last year") {
		t.Errorf("the kept speaker's claims: %q", got)
	}
	if got := text(t, ctx, `.history-list > li:last-child`); !strings.Contains(got, "merged another speaker into this one") || !strings.Contains(got, "Nandakumar") {
		t.Errorf("the kept speaker's history ends with %q", got)
	}
	shot(t, ctx, "desk-person-merged")
	do(t, ctx,
		chromedp.Navigate(a.url+"/people/nandakumar"),
		chromedp.WaitVisible(chromedp.CSS(`main h1`)),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if loc != a.url+"/people/priya-nandakumar" || text(t, ctx, `main h1`) != "Priya Nandakumar" {
		t.Errorf("the old address led to %s, headed %q", loc, text(t, ctx, `main h1`))
	}
	if c, err := a.store.GetClaim(ctx0, moved.ID); err != nil || c.PersonID != kept.PersonID {
		t.Errorf("the claim was not moved: %v", err)
	}
}
