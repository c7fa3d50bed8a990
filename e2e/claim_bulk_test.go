package e2e

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// On the desk's list of claims, the box "select all on this page" (shown
// by the desk's script) ticks every claim, and the bulk form assigns them
// all; the search form, its filters open, keeps its layout at 1440 and
// 390 px, in English and in Arabic.
func TestSelectAllAndBulkAssignInBrowser(t *testing.T) {
	a := startApp(t)
	ctx := browser(t)
	bg := context.Background()
	ed := modelstest.User(t, a.store, "ed@example.org", models.RoleEditor)
	rev := modelstest.User(t, a.store, "rev@example.org", models.RoleReviewer)
	var ids []uint
	for i, s := range []string{"Port fees doubled in a year", "Ferry levy tripled on the island", "Harbour tax rose by a tenth"} {
		c, err := a.store.CreateClaim(bg, ed, models.Meta{}, models.ClaimInput{Text: s + ", the mayor said in the council", Summary: s,
			Speaker: "Mayor Quintrell", SaidAt: fmt.Sprintf("2024-0%d-10", i+1), Tags: []string{"harbour"}, Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	signIn(t, ctx, a, "ed@example.org")
	list := a.url + "/desk/claims?status=draft&tag=harbour&sort=said"
	do(t, ctx, chromedp.EmulateViewport(1440, 900), chromedp.Navigate(list), chromedp.WaitVisible(chromedp.CSS(`#pick-all`)))
	shot(t, ctx, "desk-claims-filters-1440-en")
	do(t, ctx, chromedp.Click(chromedp.CSS(`#pick-all`)))
	if n := evaluate[int](t, ctx, `document.querySelectorAll('input[data-pick]:checked').length`); n != len(ids) {
		t.Fatalf("select all ticked %d claims, want %d", n, len(ids))
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`input[data-pick]`)))
	if evaluate[bool](t, ctx, `document.querySelector('#pick-all').indeterminate`) != true {
		t.Error("with one claim cleared, select all is not half ticked")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#pick-all`)))
	if n := evaluate[int](t, ctx, `document.querySelectorAll('input[data-pick]:checked').length`); n != len(ids) {
		t.Fatalf("select all again ticked %d claims", n)
	}
	shot(t, ctx, "desk-claims-bulk-1440-en")
	do(t, ctx,
		chromedp.SetValue(chromedp.CSS(`#bulk-assignee`), strconv.FormatUint(uint64(rev.ID), 10)),
		chromedp.Click(chromedp.CSS(`button[value=assign]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if got := text(t, ctx, `.flash`); got != "3 claims assigned to rev@example.org." && got != "3 claims assigned to "+rev.Name+"." {
		t.Errorf("flash: %q", got)
	}
	for _, id := range ids {
		c, err := a.store.GetClaim(bg, id)
		if err != nil || c.AssigneeID == nil || *c.AssigneeID != rev.ID {
			t.Errorf("claim %d is not assigned to the reviewer: %v", id, err)
		}
	}
	for _, v := range []struct {
		width int
		lang  string
	}{{1440, "ar"}, {390, "en"}, {390, "ar"}} {
		do(t, ctx, chromedp.EmulateViewport(int64(v.width), 900), chromedp.Navigate(list+"&lang="+v.lang), chromedp.WaitVisible(chromedp.CSS(`#pick-all`)))
		if over := evaluate[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`); over {
			t.Errorf("%d px, %s: the page is wider than the window", v.width, v.lang)
		}
		shot(t, ctx, fmt.Sprintf("desk-claims-filters-%d-%s", v.width, v.lang))
	}
}
