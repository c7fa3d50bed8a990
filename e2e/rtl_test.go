package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// arabicHash is a SHA-256 written into the Arabic fact-check's words and
// source: 64 characters without a break, wider than a phone.
const arabicHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// arabicAddress is a web address in the same words, just as long.
const arabicAddress = "https://budget.example.org/2019/finance-law/annex-" + arabicHash + "?section=vat&year=2019"

// arabicClaim is the words of the Arabic fact-check (Modern Standard
// Arabic, written for this test): a minister's statement on taxes, with the
// address of the budget law it cites.
const arabicClaim = "لم نرفع الضرائب على الطبقة المتوسطة منذ عام 2019، والأرقام منشورة في " + arabicAddress

// seedArabic publishes a fact-check written in Arabic by an Arabic-named
// minister, with a source in Arabic, approved by approver; it returns the
// claim.
func seedArabic(t *testing.T, s *models.Store, editor, approver *models.User) *models.Claim {
	t.Helper()
	ctx := context.Background()
	m := models.Meta{}
	c, err := s.CreateClaim(ctx, editor, m, models.ClaimInput{Text: arabicClaim,
		Summary: "وزير المالية يقول إن الضرائب على الطبقة المتوسطة لم ترتفع منذ 2019",
		Speaker: "سامي الخطيب", SaidAt: "2024-05-12", Setting: "مؤتمر صحفي في وزارة المالية", Tags: []string{"ضرائب", "الميزانية"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSource(ctx, editor, m, c.ID, models.SourceInput{URL: arabicAddress, Title: "مرسوم رفع ضريبة القيمة المضافة إلى 15 في المئة",
		Outlet: "الجريدة الرسمية", PublishedAt: "2020-07-01", Kind: models.SourceOfficialRecord, Stance: models.StanceContradicts,
		Excerpt: "تُرفع ضريبة القيمة المضافة من 5 إلى 15 في المئة اعتباراً من الأول من تموز 2020. بصمة الملف: " + arabicHash}); err != nil {
		t.Fatal(err)
	}
	v, err := s.ProposeVerdict(ctx, editor, m, c.ID, models.VerdictInput{Rating: "misleading",
		Headline:    "ضريبة القيمة المضافة، التي تدفعها الطبقة المتوسطة، ارتفعت ثلاثة أضعاف في 2020",
		Explanation: "لم تتغير شرائح ضريبة الدخل منذ 2019، لكن الحكومة رفعت ضريبة القيمة المضافة من 5 إلى **15 في المئة** في تموز 2020، وهي ضريبة يدفعها كل مستهلك."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReviewVerdict(ctx, approver, m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	c, err = s.GetClaim(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// axeSerious runs axe-core (already injected) on the page and returns its
// serious and critical violations, one line each; the others go to the log.
func axeSerious(t *testing.T, ctx context.Context, label string) []string {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))`,
		chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe on %s: %v", label, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatal(err)
	}
	var bad []string
	for _, v := range vs {
		line := fmt.Sprintf("%s: %s (%s): %s", label, v.ID, v.Impact, v.Help)
		if len(v.Nodes) > 0 {
			line += fmt.Sprintf(", e.g. %v", v.Nodes[0].Target)
		}
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, line)
		} else {
			t.Log(line)
		}
	}
	return bad
}

// isolatedJS finds, inside main, the smallest element whose text holds the
// words passed as its argument and tells how it is isolated for direction:
// the dir of its nearest ancestor (itself included) that sets one, "bdi"
// when that is a <bdi> without dir, "" when none does, "missing" when the
// words are not on the page.
const isolatedJS = `(words => {
	const all = [...document.querySelectorAll('main *')].filter(e => e.textContent.includes(words));
	if (all.length === 0) return 'missing';
	const el = all[all.length - 1];
	const iso = el.closest('[dir], bdi');
	if (!iso || !document.querySelector('main').contains(iso)) return '';
	return iso.getAttribute('dir') || 'bdi';
})`

// Arabic pages read right to left: the home page, a claim page (of a
// fact-check in Arabic and of one in English), a speaker's page, the desk
// and a desk claim page, at 1440 and 360 px, say <html lang="ar"
// dir="rtl">, isolate user text for direction, never scroll sideways (the
// Arabic fact-check's words hold a 64-character hash and a long address)
// and have no serious or critical accessibility violation.
func TestArabicPagesReadRightToLeft(t *testing.T) {
	axe := axeScript(t)
	a := startApp(t)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	desk := seedDesk(t, a.store, ed, admin)
	ar := seedArabic(t, a.store, ed, admin)
	en, err := a.store.GetClaim(context.Background(), desk.published)
	if err != nil {
		t.Fatal(err)
	}
	speaker, err := a.store.PersonByID(context.Background(), ar.PersonID)
	if err != nil {
		t.Fatal(err)
	}
	type page struct {
		name, path string
		// words is user text the page shows, which must sit in an element
		// isolated for direction (dir="auto" or <bdi>).
		words string
		// mirrored, when set, is JavaScript that says what is laid out
		// left to right on the page, "" when nothing is.
		mirrored string
	}
	// The claim page's furniture sits on the right: the timeline's dates
	// before its events, the numbers of the sources' list, and the rule
	// beside an Arabic quote (an English one, isolated by dir="auto", has
	// it on its own start, the left).
	// The quote's marks are its own language's, whatever the page's: ”…“
	// around Arabic words, “…” around English ones.
	claimMirrored := func(quoteDir, openMark string) string {
		return `(() => {
		const bad = [];
		const marks = getComputedStyle(document.querySelector('.claim-quote p')).quotes;
		if (!marks.startsWith('"` + openMark + `"')) bad.push('the quote\'s marks are ' + marks);
		const q = getComputedStyle(document.querySelector('.claim-quote'));
		if (q.direction !== '` + quoteDir + `' || (q.borderRightWidth === '4px') !== (q.direction === 'rtl')) bad.push('the quote reads ' + q.direction + ' with its rule on the ' + (q.borderRightWidth === '4px' ? 'right' : 'left'));
		const d = document.querySelector('.tl-date').getBoundingClientRect(), b = document.querySelector('.tl-body').getBoundingClientRect();
		if (d.right <= b.right && innerWidth > 640) bad.push('the timeline\'s dates are left of its events');
		const s = getComputedStyle(document.querySelector('.source-list'));
		if (parseFloat(s.paddingRight) <= parseFloat(s.paddingLeft)) bad.push('the sources\' numbers are on the left');
		return bad.join('; ');
	})()`
	}
	public := []page{
		{"home", "/", "سامي الخطيب", ""},
		{"claim-ar", "/claims/" + url.PathEscape(ar.Slug), "لم نرفع الضرائب على الطبقة المتوسطة", claimMirrored("rtl", "\u201d")},
		{"claim-en", "/claims/" + url.PathEscape(en.Slug), en.Text, claimMirrored("ltr", "\u201c")},
		{"person", "/people/" + url.PathEscape(speaker.Slug), "ضريبة القيمة المضافة، التي تدفعها الطبقة المتوسطة", ""},
	}
	signedIn := []page{
		{"desk", "/desk", claimSummary, ""},
		{"desk-claim-ar", fmt.Sprintf("/desk/claims/%d", ar.ID), "لم نرفع الضرائب على الطبقة المتوسطة", ""},
		{"desk-claim-en", fmt.Sprintf("/desk/claims/%d", desk.inReview), swornQuote, ""},
	}
	ctx := browser(t)
	check := func(p page) {
		for _, width := range []int64{1440, 360} {
			label := fmt.Sprintf("%s at %dpx", p.path, width)
			do(t, ctx,
				chromedp.EmulateViewport(width, 900),
				chromedp.Navigate(a.url+p.path+"?lang=ar"),
				chromedp.WaitVisible(chromedp.CSS("main h1")),
			)
			if got := evaluate[string](t, ctx, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != "ar rtl" {
				t.Errorf("%s: <html> has lang and dir %q, want \"ar rtl\"", label, got)
			}
			over := evaluate[int](t, ctx, `document.scrollingElement.scrollWidth - window.innerWidth`)
			if over > 0 {
				wide := evaluate[[]string](t, ctx, `[...document.querySelectorAll('main *')].filter(e => { const r = e.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1; }).slice(0, 6).map(e => e.tagName + '.' + e.className)`)
				t.Errorf("%s scrolls sideways by %dpx; out of the page: %v", label, over, wide)
			}
			if got := evaluate[string](t, ctx, isolatedJS+`(`+jsString(p.words)+`)`); got != "auto" && got != "bdi" {
				t.Errorf("%s: the user text %q is isolated by %q, want dir=\"auto\" or <bdi>", label, p.words, got)
			}
			if p.mirrored != "" {
				if got := evaluate[string](t, ctx, p.mirrored); got != "" {
					t.Errorf("%s is not mirrored: %s", label, got)
				}
			}
			do(t, ctx, chromedp.Evaluate[chromedp.Void](axe))
			for _, v := range axeSerious(t, ctx, label) {
				t.Error(v)
			}
			shot(t, ctx, fmt.Sprintf("rtl-%s-ar-%d", p.name, width))
		}
	}
	for _, p := range public {
		check(p)
	}
	signIn(t, ctx, a, admin.Email)
	for _, p := range signedIn {
		check(p)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
