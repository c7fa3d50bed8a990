package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A reviewer reads a verdict; its author changes the rating while the page
// is open; the reviewer's click on "Approve" publishes nothing and shows the
// new version with a note; approving that one publishes it.
func TestReviewerApprovesOnlyWhatTheyRead(t *testing.T) {
	a := startApp(t)
	editor := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	reviewer := modelstest.User(t, a.store, "reviewer@example.org", models.RoleReviewer)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	d := seedDesk(t, a.store, editor, admin)
	ctx := browser(t)
	signIn(t, ctx, a, reviewer.Email)
	do(t, ctx,
		chromedp.Navigate(a.url+"/desk/claims/"+strconv.Itoa(int(d.inReview))),
		chromedp.WaitVisible(chromedp.CSS(`.review-form`)),
	)
	if got := text(t, ctx, `.review-form h4`); !strings.EqualFold(got, "Your review of version 1") {
		t.Fatalf("review form heading %q", got)
	}
	c, err := a.store.GetClaim(t.Context(), d.inReview)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.ReviseVerdict(t.Context(), editor, models.Meta{}, c.OpenVerdict().ID,
		models.VerdictInput{Rating: "true", Headline: "He never met the ambassador", Explanation: "Changed while the reviewer read."}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.review-form button[value=approve]`)),
		chromedp.WaitVisible(chromedp.CSS(`.review-form .alert.error`)),
	)
	got := text(t, ctx, `.verdict.is-open`)
	for _, want := range []string{"The verdict changed while you were reading it: it is now version 2. Nothing was recorded",
		"He never met the ambassador", "YOUR REVIEW OF VERSION 2", "Version 2: revised by Test editor"} {
		if !strings.Contains(got, want) {
			t.Errorf("after a stale approval the verdict reads %q, lacking %q", got, want)
		}
	}
	shot(t, ctx, "review-stale-approval")
	if c, _ := a.store.GetClaim(t.Context(), d.inReview); c.Status != models.ClaimInReview || len(c.OpenVerdict().Reviews) != 0 {
		t.Fatalf("the stale approval changed the claim: %s", c.Status)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.review-form button[value=approve]`)),
		chromedp.WaitVisible(chromedp.CSS(`.verdict.is-published`)),
	)
	if got := text(t, ctx, `.verdict.is-published`); !strings.Contains(got, "Test reviewer approved version 2") || !strings.Contains(got, "True") {
		t.Fatalf("published verdict reads %q", got)
	}
}
