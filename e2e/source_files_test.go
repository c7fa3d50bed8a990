package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/media/mediatest"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// An editor attaches a screenshot to a new source through the desk form;
// the desk lists it, a program dressed as a PNG is refused beside the file
// field, and once published the public page links the file, which the
// browser shows from /archive/{sha256}.
func TestEditorUploadsAScreenshotWithASource(t *testing.T) {
	a := startApp(t)
	ed := modelstest.User(t, a.store, "files-ed@example.org", models.RoleEditor)
	rev := modelstest.User(t, a.store, "files-rev@example.org", models.RoleReviewer)
	c, err := a.store.CreateClaim(t.Context(), ed, models.Meta{}, models.ClaimInput{Text: "I did not have communications with the Russians",
		Summary: "Sessions said he had no communications with the Russians", Speaker: "Jeff Sessions", SaidAt: "2017-01-10"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	shotPath := filepath.Join(dir, "hearing-screenshot.png")
	fakePath := filepath.Join(dir, "evidence.png")
	if err := os.WriteFile(shotPath, mediatest.PNG(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fakePath, mediatest.ELF(), 0o644); err != nil {
		t.Fatal(err)
	}
	claimURL := a.url + "/desk/claims/" + strconv.FormatUint(uint64(c.ID), 10)

	ctx := browser(t)
	signIn(t, ctx, a, ed.Email)
	fill := func(url, title, file string) {
		do(t, ctx, chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS(`.add-source summary`)))
		if open := evaluate[bool](t, ctx, `document.querySelector('.add-source').open`); !open {
			do(t, ctx, chromedp.Click(chromedp.CSS(`.add-source summary`)))
		}
		do(t, ctx,
			chromedp.WaitVisible(chromedp.CSS(`#source-url`)),
			chromedp.SendKeys(chromedp.CSS(`#source-url`), url),
			chromedp.SendKeys(chromedp.CSS(`#source-title`), title),
			chromedp.SetValue(chromedp.CSS(`#source-stance`), "contradicts"),
			chromedp.SetValue(chromedp.CSS(`#source-kind`), "news_report"),
			chromedp.SendKeys(chromedp.CSS(`#source-outlet`), "The Washington Post"),
			chromedp.SetValue(chromedp.CSS(`#source-published_at`), "2017-03-01"),
			chromedp.SetUploadFiles(chromedp.CSS(`#source-file`), []string{file}),
		)
	}
	fill("https://www.example.com/2017/03/01/envoy", "Sessions met the Russian envoy twice", shotPath)
	shot(t, ctx, "files-desk-source-form-1440")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.add-source button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.source-files`)),
	)
	if got := text(t, ctx, `.source-files`); !strings.Contains(got, "hearing-screenshot.png") || !strings.Contains(got, "PNG image") ||
		!strings.Contains(got, "Remove file") {
		t.Fatalf("the desk lists %q", got)
	}
	if got := text(t, ctx, `.flash [role=status]`); !strings.Contains(got, "Source added with its file.") {
		t.Errorf("the desk says %q", got)
	}
	shot(t, ctx, "files-desk-claim-1440")
	do(t, ctx, chromedp.EmulateViewport(360, 800))
	shot(t, ctx, "files-desk-claim-360")
	do(t, ctx, chromedp.EmulateViewport(1440, 900))

	// A program named evidence.png: the form comes back with the reason.
	fill("https://www.example.com/other", "Another report", fakePath)
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.add-source button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#e-source-file`)),
	)
	if got := text(t, ctx, `#e-source-file`); !strings.Contains(got, "is a program (application/x-executable), which is not kept") {
		t.Errorf("the file field says %q", got)
	}
	if got := text(t, ctx, `.stance-grid`); strings.Contains(got, "Another report") {
		t.Error("the source of the refused file was saved")
	}
	do(t, ctx, chromedp.ScrollIntoView(chromedp.CSS(`#source-file`)))
	shot(t, ctx, "files-desk-refused-1440")

	// Published, the public page links the file; the browser shows it.
	v, err := a.store.ProposeVerdict(t.Context(), ed, models.Meta{}, c.ID, models.VerdictInput{Rating: "false", Headline: "He met the envoy twice", Explanation: "Two meetings were reported."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.ReviewVerdict(t.Context(), rev, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	c, err = a.store.GetClaim(t.Context(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := c.Sources[0].Files[0]
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action="/logout"]`)),
		chromedp.Navigate(a.url+"/claims/"+c.Slug),
		chromedp.WaitVisible(chromedp.CSS(`.source-list .source-files`)),
	)
	if got := text(t, ctx, `.source-list .source-files`); !strings.Contains(got, "hearing-screenshot.png") || !strings.Contains(got, f.SHA256[:12]) {
		t.Errorf("the public page lists %q", got)
	}
	shot(t, ctx, "files-public-1440")
	do(t, ctx, chromedp.EmulateViewport(360, 800))
	shot(t, ctx, "files-public-360")
	do(t, ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Click(chromedp.CSS(`.source-files a`)),
		chromedp.WaitVisible(chromedp.CSS(`img`)),
	)
	if w := evaluate[int](t, ctx, `document.querySelector('img').naturalWidth`); w != mediatest.Image().Bounds().Dx() {
		t.Errorf("the file shows %d pixels wide", w)
	}
}
