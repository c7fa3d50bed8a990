package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The desk's long forms keep what the user typed in the browser until it
// is saved (static/files/drafts.js): these tests type into them in
// Chromium, reload, leave, send them and sign out.

// typedExplanation is what the tests type as a verdict's explanation.
const typedExplanation = "Sessions met the ambassador twice in 2016; the Senate's own records show both meetings."

// draftKey is where the browser keeps user's draft of the form named key
// (its data-draft attribute).
func draftKey(u *models.User, key string) string {
	return fmt.Sprintf("claimtracker:draft:%d:%s", u.ID, key)
}

// stored is the draft the tab's localStorage holds under key, "" when none.
func stored(t *testing.T, ctx context.Context, key string) string {
	t.Helper()
	return evaluate[string](t, ctx, `localStorage.getItem(`+jsString(key)+`) || ""`)
}

// waitFor waits until the JavaScript expression js is true on the page.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// waitStored waits until the draft under key holds the words typed.
func waitStored(t *testing.T, ctx context.Context, key, typed string) {
	t.Helper()
	waitFor(t, ctx, "the draft to be kept", `(localStorage.getItem(`+jsString(key)+`) || "").includes(`+jsString(typed)+`)`)
}

// retype empties the form control css and types words into it, key by
// key, as a user does.
func retype(css, words string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.CSS(css)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector(`+jsString(css)+`).value = ""`),
		chromedp.SendKeys(chromedp.CSS(css), words),
	)
}

// value is the value of the form control the CSS selector finds.
func value(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	return evaluate[string](t, ctx, `document.querySelector(`+jsString(css)+`).value`)
}

// noNotice checks, once the page's scripts have run, that it shows no
// draft notice.
func noNotice(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	do(t, ctx, chromedp.WaitReady(chromedp.CSS(`footer`)), chromedp.Sleep(300*time.Millisecond))
	if n := evaluate[int](t, ctx, `document.querySelectorAll('.draft-notice').length`); n != 0 {
		t.Errorf("%s: the page shows %d draft notices, want none", label, n)
	}
}

// leaveBy clicks the link css (a real click, as a user's) and reports
// whether the page warned before it was left: the warning is dismissed,
// so the page stays; without one the browser follows the link.
func (w *dialogWatch) leaveBy(t *testing.T, ctx context.Context, css string) bool {
	t.Helper()
	w.mu.Lock()
	w.stay = true
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.stay = false
		w.mu.Unlock()
	}()
	before := w.beforeUnload()
	from := evaluate[string](t, ctx, `location.href`)
	do(t, ctx, chromedp.Click(chromedp.CSS(css)))
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if w.beforeUnload() > before {
			if at := evaluate[string](t, ctx, `location.href`); at != from {
				t.Fatalf("the page warned, was kept, and yet the browser is at %s", at)
			}
			return true
		}
		if at, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`)); err == nil && at != from {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("clicking %s neither warned nor left %s", css, from)
	return false
}

// elementShot saves a screenshot of the element css when
// CLAIMTRACKER_SCREENSHOTS is set.
func elementShot(t *testing.T, ctx context.Context, name, css string) {
	t.Helper()
	dir := os.Getenv("CLAIMTRACKER_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkAxe runs axe-core on the page when it is at hand (see axeScript)
// and reports its serious and critical violations.
func checkAxe(t *testing.T, ctx context.Context, label string) {
	t.Helper()
	path := os.Getenv("CLAIMTRACKER_AXE_JS")
	if path == "" && os.Getenv("CLAIMTRACKER_REQUIRE_BROWSER") != "1" {
		t.Logf("%s: no accessibility check without CLAIMTRACKER_AXE_JS", label)
		return
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](axeScript(t)))
	for _, v := range axeSerious(t, ctx, label) {
		t.Error(v)
	}
}

// timeOfDay is the time the notice shows for a draft of today: HH:MM.
var timeOfDay = regexp.MustCompile(`\b[0-2][0-9]:[0-5][0-9]\b`)

// An editor revises a verdict: what they type survives a reload, with a
// notice that offers to discard it, which puts back what is saved; leaving
// the page with changes warns, sending the form does not; once the server
// has saved it, the draft is gone.
func TestVerdictDraftIsKeptUntilSaved(t *testing.T) {
	a := startApp(t)
	editor := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	d := seedDesk(t, a.store, editor, admin)
	c, err := a.store.GetClaim(t.Context(), d.inReview)
	if err != nil {
		t.Fatal(err)
	}
	verdict := c.OpenVerdict()
	saved := verdict.Explanation
	key := draftKey(editor, "verdict:"+strconv.Itoa(int(verdict.ID)))
	claimPage := a.url + "/desk/claims/" + strconv.Itoa(int(d.inReview))
	const field = `#verdict-explanation`

	ctx := browser(t)
	dialogs := dialogsOf(ctx)
	signIn(t, ctx, a, editor.Email)
	do(t, ctx,
		chromedp.Navigate(claimPage),
		chromedp.Click(chromedp.CSS(`details.revise > summary`)),
		chromedp.WaitVisible(chromedp.CSS(field)),
	)
	noNotice(t, ctx, "the claim page before any typing")
	if dialogs.leaveBy(t, ctx, `.nav a[href="/desk/claims"]`) {
		t.Error("the page warned before it was left with no changes")
	}
	do(t, ctx,
		chromedp.Navigate(claimPage),
		chromedp.Click(chromedp.CSS(`details.revise > summary`)),
		retype(field, typedExplanation),
	)
	waitStored(t, ctx, key, typedExplanation)
	if got := stored(t, ctx, key); strings.Contains(got, `"version"`) || !strings.Contains(got, `"explanation"`) {
		t.Errorf("the draft keeps a hidden field or lacks the explanation: %s", got)
	}

	// A reload brings the words back, with the notice.
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`.draft-notice p`)))
	if got := value(t, ctx, field); got != typedExplanation {
		t.Fatalf("after a reload the explanation reads %q, want what was typed", got)
	}
	notice := text(t, ctx, `.draft-notice`)
	if !strings.Contains(notice, "Your unsaved changes from") || !strings.Contains(notice, "were restored") || !timeOfDay.MatchString(notice) {
		t.Errorf("the notice reads %q", notice)
	}
	if !evaluate[bool](t, ctx, `document.querySelector('details.revise').open`) {
		t.Error("the restored draft's form is folded away")
	}
	elementShot(t, ctx, "draft-notice-en", `details.revise`)
	checkAxe(t, ctx, "claim page with a restored draft")

	// Discarding it puts back what the server gave, and forgets it.
	do(t, ctx, chromedp.Click(chromedp.CSS(`.draft-notice button`)), chromedp.WaitNotPresent(chromedp.CSS(`.draft-notice`)))
	if got := value(t, ctx, field); got != saved {
		t.Errorf("after Discard the explanation reads %q, want the saved %q", got, saved)
	}
	if got := stored(t, ctx, key); got != "" {
		t.Errorf("after Discard the browser still keeps %s", got)
	}
	if dialogs.leaveBy(t, ctx, `.nav a[href="/desk/claims"]`) {
		t.Error("the page warned before it was left, with the changes discarded")
	}

	// With changes, leaving warns (and the warning keeps the page).
	do(t, ctx,
		chromedp.Navigate(claimPage),
		chromedp.Click(chromedp.CSS(`details.revise > summary`)),
		retype(field, typedExplanation),
	)
	waitStored(t, ctx, key, typedExplanation)
	if !dialogs.leaveBy(t, ctx, `.nav a[href="/desk/claims"]`) {
		t.Fatal("the page was left with unsaved changes without a warning")
	}
	if got := value(t, ctx, field); got != typedExplanation {
		t.Errorf("after the warning the explanation reads %q", got)
	}

	// Sending the form does not warn; once saved, the draft is gone.
	warned := dialogs.beforeUnload()
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`details.revise button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)),
	)
	if dialogs.beforeUnload() != warned {
		t.Error("sending the form warned that changes would be lost")
	}
	if got := stored(t, ctx, key); got != "" {
		t.Errorf("after the save the browser still keeps %s", got)
	}
	if n := evaluate[int](t, ctx, `sessionStorage.length`); n != 0 {
		t.Errorf("after the save the tab still holds %d sent drafts", n)
	}
	if got := text(t, ctx, `.verdict.is-open .prose`); !strings.Contains(got, typedExplanation) {
		t.Fatalf("the saved verdict reads %q", got)
	}
	do(t, ctx, chromedp.Navigate(claimPage))
	noNotice(t, ctx, "the claim page after the save")
	if dialogs.leaveBy(t, ctx, `.nav a[href="/desk/claims"]`) {
		t.Error("the page warned before it was left after the save")
	}
}

// A form the server sends back with an error keeps what was typed, in the
// form and in the browser; when the verdict changed since the draft was
// made, the draft is offered, not put over what is saved now.
func TestRefusedVerdictKeepsDraft(t *testing.T) {
	a := startApp(t)
	editor := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	d := seedDesk(t, a.store, editor, admin)
	c, err := a.store.GetClaim(t.Context(), d.inReview)
	if err != nil {
		t.Fatal(err)
	}
	verdict := c.OpenVerdict()
	key := draftKey(editor, "verdict:"+strconv.Itoa(int(verdict.ID)))
	claimPage := a.url + "/desk/claims/" + strconv.Itoa(int(d.inReview))
	const field = `#verdict-explanation`

	ctx := browser(t)
	dialogs := dialogsOf(ctx)
	signIn(t, ctx, a, editor.Email)
	do(t, ctx,
		chromedp.Navigate(claimPage),
		chromedp.Click(chromedp.CSS(`details.revise > summary`)),
		retype(field, typedExplanation),
		// A headline over 200 characters, which the server refuses.
		chromedp.SetValue(chromedp.CSS(`#verdict-headline`), strings.Repeat("Too long. ", 21)),
		chromedp.Click(chromedp.CSS(`details.revise button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`details.revise .has-error`)),
	)
	if got := value(t, ctx, field); got != typedExplanation {
		t.Fatalf("the refused form shows %q, want what was typed", got)
	}
	if got := stored(t, ctx, key); !strings.Contains(got, typedExplanation) || !strings.Contains(got, "Too long.") {
		t.Fatalf("after the refusal the browser keeps %q, want the draft", got)
	}
	noNotice(t, ctx, "the refused form")
	if !dialogs.leaveBy(t, ctx, `.nav a[href="/desk/claims"]`) {
		t.Error("the refused form, still not saved, was left without a warning")
	}

	// Back on the claim page, the draft is restored.
	do(t, ctx, chromedp.Navigate(claimPage), chromedp.WaitVisible(chromedp.CSS(`.draft-notice p`)))
	if got := value(t, ctx, field); got != typedExplanation {
		t.Fatalf("the claim page restored %q", got)
	}

	// Someone saves a new version: the draft is offered, not restored.
	if _, err := a.store.ReviseVerdict(t.Context(), editor, models.Meta{}, verdict.ID,
		models.VerdictInput{Rating: "false", Headline: "He met the ambassador twice", Explanation: "Saved from elsewhere."}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate(claimPage), chromedp.WaitVisible(chromedp.CSS(`.draft-notice p`)))
	if got := value(t, ctx, field); got != "Saved from elsewhere." {
		t.Errorf("with a newer version saved, the form shows %q, want what is saved", got)
	}
	notice := text(t, ctx, `.draft-notice`)
	if !strings.Contains(notice, "You have unsaved changes from") || !strings.Contains(notice, "Restore them") || !strings.Contains(notice, "Discard them") {
		t.Errorf("the offer reads %q", notice)
	}
	elementShot(t, ctx, "draft-offer-en", `details.revise`)
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.draft-notice button:first-child`)),
		chromedp.WaitVisible(chromedp.CSS(`.draft-notice p`)),
	)
	if got := value(t, ctx, field); got != typedExplanation {
		t.Errorf("Restore put %q in the form", got)
	}
	if got := text(t, ctx, `.draft-notice`); !strings.Contains(got, "were restored") {
		t.Errorf("after Restore the notice reads %q", got)
	}
	// Restored over version 2, the draft now is a change of it: a reload
	// restores it without asking.
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`.draft-notice p`)))
	if got := value(t, ctx, field); got != typedExplanation {
		t.Errorf("after Restore and a reload the form shows %q", got)
	}
}

// The claim form keeps its draft too, restored with a notice in the
// reader's language; a draft is its author's: another user on the same
// browser never sees it, and signing out forgets it.
func TestClaimDraftIsPerUserAndTranslated(t *testing.T) {
	a := startApp(t)
	editor := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	other := modelstest.User(t, a.store, "other@example.org", models.RoleEditor)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	d := seedDesk(t, a.store, editor, admin)
	edit := a.url + "/desk/claims/" + strconv.Itoa(int(d.draft)) + "/edit"
	key := draftKey(editor, "claim:"+strconv.Itoa(int(d.draft))+":edit")
	typed := "I have no idea what this allegation is about. It is false."
	summary := "Sessions denied the report of the meetings"

	ctx := browser(t)
	signIn(t, ctx, a, editor.Email)
	do(t, ctx,
		chromedp.Navigate(edit),
		chromedp.WaitVisible(chromedp.CSS(`#f-text`)),
		retype(`#f-text`, typed),
		retype(`#f-summary`, summary),
	)
	waitStored(t, ctx, key, summary)
	do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`.draft-notice p`)))
	if got := value(t, ctx, `#f-text`) + " / " + value(t, ctx, `#f-summary`); got != typed+" / "+summary {
		t.Errorf("after a reload the claim form reads %q", got)
	}
	// The summary's count follows the restored words.
	if got := text(t, ctx, `#n-f-summary`); !strings.HasPrefix(got, strconv.Itoa(len(summary))+" ") {
		t.Errorf("the summary's count reads %q after the restore", got)
	}
	elementShot(t, ctx, "draft-claim-en", `.form-card`)

	// In Arabic, the notice is Arabic, with the page's digits.
	ar := i18n.For("ar")
	restored, _, _ := strings.Cut(ar.T("desk.draft.restored", "Time", "{time}"), "{time}")
	do(t, ctx, chromedp.Navigate(edit+"?lang=ar"), chromedp.WaitVisible(chromedp.CSS(`.draft-notice p`)))
	notice := text(t, ctx, `.draft-notice`)
	if !strings.HasPrefix(notice, strings.TrimSpace(restored)) || !strings.Contains(notice, ar.T("desk.draft.discard")) {
		t.Errorf("the Arabic notice reads %q, want it to begin %q", notice, restored)
	}
	if when := text(t, ctx, `.draft-notice time`); !regexp.MustCompile(`^[٠-٩]{2}:[٠-٩]{2}$`).MatchString(when) {
		t.Errorf("the Arabic notice writes the time %q, want Arabic-Indic digits", when)
	}
	elementShot(t, ctx, "draft-claim-ar", `.form-card`)
	checkAxe(t, ctx, "Arabic claim form with a restored draft")
	do(t, ctx, chromedp.Navigate(edit+"?lang=en"), chromedp.WaitVisible(chromedp.CSS(`.draft-notice p`)))

	// Another user on this browser: no notice, and the draft stays its
	// author's.
	do(t, ctx, chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`.nav-signin`)))
	if got := stored(t, ctx, key); got != "" {
		t.Errorf("after signing out the browser still keeps %s", got)
	}
	signIn(t, ctx, a, editor.Email)
	do(t, ctx,
		chromedp.Navigate(edit),
		chromedp.WaitVisible(chromedp.CSS(`#f-text`)),
		retype(`#f-text`, typed),
	)
	waitStored(t, ctx, key, typed)
	// Signed out by the session's end, not by the button: the draft stays.
	if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, a, other.Email)
	do(t, ctx, chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.CSS(`#f-text`)))
	noNotice(t, ctx, "another user's claim form")
	if got := value(t, ctx, `#f-text`); got == typed {
		t.Error("another user was shown the editor's draft")
	}
	if got := stored(t, ctx, key); !strings.Contains(got, typed) {
		t.Errorf("the editor's draft is gone once another user opened the form: %q", got)
	}
}
