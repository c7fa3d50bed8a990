package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// journeyArticle is a short article written for this test: sworn
// testimony, a newspaper report that contradicts it, and the answer.
const journeyArticle = `WASHINGTON - Attorney General Jeff Sessions faced calls to step aside on Thursday after a report that he had met Russia's ambassador during the 2016 campaign.

At his Senate confirmation hearing on 10 January 2017, Sessions was asked what he would do if anyone from the campaign had been in touch with Moscow. Under oath, he replied: "I did not have communications with the Russians."

The Washington Post reported on 1 March 2017 that Sessions had met the Russian ambassador twice in 2016, in July and in September.

On 2 March, Sessions rejected the report. "I have no idea what this allegation is about - it is false," he said in a statement.`

const (
	swornQuote   = "I did not have communications with the Russians"
	claimSummary = "Sessions said he had no communications with the Russians"
)

// An editor pastes an article, logs the sworn statement it contains with
// one click, adds the report that contradicts it and proposes "False"; a
// reviewer approves it from the review queue and the claim is published.
func TestEditorialJourney(t *testing.T) {
	a := startApp(t)
	modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	modelstest.User(t, a.store, "reviewer@example.org", models.RoleReviewer)
	ctx := browser(t)
	value := func(css string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(css)))
		if err != nil {
			t.Fatalf("value of %s: %v", css, err)
		}
		return v
	}
	content := func(css string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(css)))
		if err != nil {
			t.Fatalf("text content of %s: %v", css, err)
		}
		return v
	}
	expect := func(what, got string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", what, got, w)
			}
		}
	}

	// 1. The editor pastes the article; the desk highlights the candidates.
	signIn(t, ctx, a, "editor@example.org")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.head-actions a[href="/desk/articles/new"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#f-text`)),
		chromedp.SendKeys(chromedp.CSS(`#f-url`), "https://news.example.com/2017/03/02/sessions-russia"),
		chromedp.SendKeys(chromedp.CSS(`#f-title`), "Sessions faces calls to step aside over Russia meetings"),
		chromedp.SendKeys(chromedp.CSS(`#f-outlet`), "Example News"),
		chromedp.SendKeys(chromedp.CSS(`#f-author`), "A. Reporter"),
		chromedp.SetValue(chromedp.CSS(`#f-published_at`), "2017-03-02"),
		chromedp.SetValue(chromedp.CSS(`#f-text`), journeyArticle),
		chromedp.Click(chromedp.CSS(`form[action="/desk/articles"] .actions button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.article-text mark`)),
	)
	expect("flash", text(t, ctx, `.flash`), "Article logged.")
	expect("first highlight", text(t, ctx, `.article-text mark#m-1`), swornQuote)
	expect("first candidate", content(`#cand-1`), swornQuote, "Jeff Sessions", "10 Jan 2017", "Direct quote")
	expect("report candidate", content(`#cand-2`), "The Washington Post", "Reported claim")
	expect("answer candidate", text(t, ctx, `#cand-3`), "I have no idea what this allegation is about - it is false", "2 Mar 2017")
	shot(t, ctx, "journey-1-intake")

	// 2. One click turns the sworn statement into a pre-filled claim form.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#cand-1 button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#f-summary`)),
	)
	if got := value(`#f-text`); got != swornQuote {
		t.Fatalf("pre-filled words %q", got)
	}
	if got := value(`#f-speaker`); got != "Jeff Sessions" {
		t.Fatalf("pre-filled speaker %q", got)
	}
	if got := value(`#f-said_at`); got != "2017-01-10" {
		t.Fatalf("pre-filled date %q", got)
	}
	if got := value(`#f-summary`); got != swornQuote {
		t.Fatalf("pre-filled summary %q", got)
	}
	do(t, ctx,
		chromedp.Clear(chromedp.CSS(`#f-summary`)),
		chromedp.SendKeys(chromedp.CSS(`#f-summary`), claimSummary),
		chromedp.SendKeys(chromedp.CSS(`#f-setting`), "Senate confirmation hearing, under oath"),
		chromedp.SendKeys(chromedp.CSS(`#f-tags`), "russia, testimony"),
	)
	expect("summary counter", text(t, ctx, `#n-f-summary`), "56 / 75")
	shot(t, ctx, "journey-2-claim-form")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/desk/claims"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.claim-box`)),
	)
	expect("claim heading", text(t, ctx, `main h1`), claimSummary)
	expect("claim status", text(t, ctx, `.head-actions .status`), "Draft")
	expect("claim facts", text(t, ctx, `.claim-box`), swornQuote, "Jeff Sessions", "10 Jan 2017", "Senate confirmation hearing, under oath")

	// 3. The report that contradicts it is added as a source.
	do(t, ctx,
		chromedp.WaitVisible(chromedp.CSS(`#source-url`)),
		chromedp.SendKeys(chromedp.CSS(`#source-url`), "https://www.example.com/2017/03/01/sessions-ambassador"),
		chromedp.SendKeys(chromedp.CSS(`#source-title`), "Sessions spoke twice with Russian ambassador during campaign"),
		chromedp.SetValue(chromedp.CSS(`#source-stance`), "contradicts"),
		chromedp.SetValue(chromedp.CSS(`#source-kind`), "news_report"),
		chromedp.SendKeys(chromedp.CSS(`#source-outlet`), "The Washington Post"),
		chromedp.SetValue(chromedp.CSS(`#source-published_at`), "2017-03-01"),
		chromedp.SendKeys(chromedp.CSS(`#source-excerpt`), "He met the Russian ambassador twice in 2016, in July and in September."),
		chromedp.Click(chromedp.CSS(`.add-source button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.sc-contradicts .source`)),
	)
	expect("contradicting source", content(`.sc-contradicts`), "Contradicts 1", "Sessions spoke twice with Russian ambassador during campaign",
		"News report", "The Washington Post", "1 Mar 2017")
	expect("supporting sources", text(t, ctx, `.sc-supports`), "None yet.")

	// 4. The editor proposes "False".
	do(t, ctx,
		chromedp.SetValue(chromedp.CSS(`#verdict-rating`), "false"),
		chromedp.SendKeys(chromedp.CSS(`#verdict-headline`), "He had met the Russian ambassador twice in 2016"),
		chromedp.SetValue(chromedp.CSS(`#verdict-explanation`), "Sessions said under oath that he had **no communications** with the Russians. "+
			"The Washington Post [reported](https://www.example.com/2017/03/01/sessions-ambassador) two meetings with the ambassador in 2016."),
		chromedp.Click(chromedp.CSS(`.propose button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.verdict.is-open`)),
	)
	expect("open verdict", text(t, ctx, `.verdict.is-open`), "False", "In review", "He had met the Russian ambassador twice in 2016",
		"no communications", "You wrote this verdict")
	expect("claim status in review", text(t, ctx, `.head-actions .status`), "In review")
	shot(t, ctx, "journey-3-claim")

	// 5. The editor signs out; a reviewer signs in and finds it in the queue.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action="/logout"]`)),
	)
	signIn(t, ctx, a, "reviewer@example.org")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.nav a[href="/desk/review"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.rows .row-title`)),
	)
	expect("queue item", text(t, ctx, `.rows .row-item`), claimSummary, "Proposed by Test editor", "1 source", "version 1", "False")
	shot(t, ctx, "journey-4-review-queue")

	// 6. The reviewer approves it, and the claim is published.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.rows .row-title`)),
		chromedp.WaitVisible(chromedp.CSS(`.review-form`)),
		chromedp.SendKeys(chromedp.CSS(`#review-comment`), "Checked against the hearing transcript."),
		chromedp.Click(chromedp.CSS(`.review-form button[value=approve]`)),
		chromedp.WaitVisible(chromedp.CSS(`.verdict.is-published`)),
	)
	expect("flash after approval", text(t, ctx, `.flash`), "Approved and published.")
	expect("published status", text(t, ctx, `.head-actions .status`), "Published")
	expect("published verdict", text(t, ctx, `.verdict.is-published`), "False", "Published", "Test reviewer approved version 1",
		"Checked against the hearing transcript.")
	shot(t, ctx, "journey-5-published")

	// 7. The history tells the story; the dashboard lists the publication.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.head-actions a[href$="/history"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.history-list`)),
	)
	expect("history", text(t, ctx, `.history-list`), "Test editor logged the claim", "Test editor added a source", "Test editor proposed a verdict",
		"Test reviewer approved the verdict, version 1", "The verdict was published, rated False, once Test reviewer had approved it.", "UTC")
	shot(t, ctx, "journey-6-history")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.nav a[href="/desk"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.panels`)),
	)
	expect("dashboard", text(t, ctx, `.panels`), "Published in 30 days", claimSummary, "Nothing waits for your review.")
	shot(t, ctx, "journey-7-dashboard")

	// 8. Typing the same words again brings up the logged claim before it
	// is logged twice (the form's script, under the site's strict CSP).
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.head-actions a[href="/desk/claims/new"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#f-text`)),
		chromedp.SendKeys(chromedp.CSS(`#f-text`), "He did not have communications with the Russians"),
		chromedp.SendKeys(chromedp.CSS(`#f-summary`), "Short"),
		chromedp.WaitVisible(chromedp.CSS(`#similar-live .similar a`)),
	)
	expect("similar while typing", text(t, ctx, `#similar-live`), claimSummary, "Published")
	expect("live counter", text(t, ctx, `#n-f-summary`), "5 / 75")
}

// deskPages are the ids of what seedDesk logged: an article, a draft, a
// claim in review, a published claim and a source.
type deskPages struct {
	article, draft, inReview, published, source, speaker uint
}

// pages lists the desk's pages of the seeded data (besides the dashboard
// and the review queue), by a name for their screenshots.
func (d deskPages) pages() []struct{ name, path string } {
	return []struct{ name, path string }{
		{"admin-ratings", "/admin/ratings"},
		{"desk-articles", "/desk/articles"},
		{"desk-article-new", "/desk/articles/new"},
		{"desk-article", fmt.Sprintf("/desk/articles/%d", d.article)},
		{"desk-claims", "/desk/claims"},
		{"desk-claims-sent-back", "/desk/claims?status=sent_back"},
		{"desk-claim-new", fmt.Sprintf("/desk/claims/new?article_id=%d&text=%s&speaker=Jeff+Sessions", d.article, url.QueryEscape(swornQuote))},
		{"desk-claim-edit", fmt.Sprintf("/desk/claims/%d/edit", d.draft)},
		{"desk-claim-draft", fmt.Sprintf("/desk/claims/%d", d.draft)},
		{"desk-claim-review", fmt.Sprintf("/desk/claims/%d", d.inReview)},
		{"desk-claim-published", fmt.Sprintf("/desk/claims/%d", d.published)},
		{"desk-history", fmt.Sprintf("/desk/claims/%d/history", d.published)},
		{"desk-source-edit", fmt.Sprintf("/desk/sources/%d/edit", d.source)},
		{"desk-people", "/desk/people"},
		{"desk-person", fmt.Sprintf("/desk/people/%d", d.speaker)},
	}
}

// The desk's pages have no serious or critical accessibility violations,
// at desktop and phone widths, for an admin who sees every form.
func TestDeskPagesPassAxe(t *testing.T) {
	axe := axeScript(t)
	a := startApp(t)
	admin := modelstest.User(t, a.store, "admin@example.org", models.RoleAdmin)
	ed := modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	desk := seedDesk(t, a.store, ed, admin)
	ctx := browser(t)
	signIn(t, ctx, a, admin.Email)
	for _, width := range []int64{1440, 360} {
		for _, p := range append(desk.pages(), struct{ name, path string }{"desk", "/desk"}, struct{ name, path string }{"review", "/desk/review"}) {
			do(t, ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(a.url+p.path), chromedp.WaitVisible(chromedp.CSS("main h1")),
				chromedp.Evaluate[chromedp.Void](axe))
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))`,
				chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("run axe on %s: %v", p.path, err)
			}
			var vs []axeViolation
			if err := json.Unmarshal([]byte(raw), &vs); err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("%s at %dpx: %s (%s): %s, e.g. %v", p.path, width, v.ID, v.Impact, v.Help, v.Nodes[0].Target)
				} else {
					t.Logf("%s at %dpx: %s (%s): %s", p.path, width, v.ID, v.Impact, v.Help)
				}
			}
		}
	}
}

// seedDesk logs journeyArticle and three claims from it through the store:
// a draft, one in review with a source, and one published after review by
// approver.
func seedDesk(t *testing.T, s *models.Store, editor, approver *models.User) deskPages {
	t.Helper()
	ctx := t.Context()
	m := models.Meta{}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	art, err := s.CreateArticle(ctx, editor, m, models.ArticleInput{URL: "https://news.example.com/2017/03/02/sessions-russia",
		Title: "Sessions faces calls to step aside over Russia meetings", Outlet: "Example News", PublishedAt: "2017-03-02", Text: journeyArticle})
	must(err)
	claim := func(text, summary, said string) *models.Claim {
		t.Helper()
		c, err := s.CreateClaim(ctx, editor, m, models.ClaimInput{Text: text, Summary: summary, Speaker: "Jeff Sessions", SaidAt: said,
			Setting: "Senate confirmation hearing, under oath", ArticleID: &art.ID, Tags: []string{"russia", "testimony"}})
		must(err)
		return c
	}
	source := func(c *models.Claim, stance models.Stance, kind models.SourceKind, title string) *models.Source {
		t.Helper()
		src, err := s.AddSource(ctx, editor, m, c.ID, models.SourceInput{URL: "https://www.example.com/" + string(stance), Title: title,
			Outlet: "The Washington Post", PublishedAt: "2017-03-01", Kind: kind, Stance: stance,
			Excerpt: "He met the Russian ambassador twice in 2016, in July and in September."})
		must(err)
		return src
	}
	verdict := models.VerdictInput{Rating: "false", Headline: "He had met the Russian ambassador twice in 2016",
		Explanation: "Sessions said under oath that he had **no communications** with the Russians.\n\n- July 2016\n- September 2016"}

	draft := claim("I have no idea what this allegation is about - it is false", "Sessions called the report of the meetings false", "2017-03-02")
	open := claim(swornQuote, claimSummary, "2017-01-10")
	src := source(open, models.StanceContradicts, models.SourceNewsReport, "Sessions spoke twice with Russian ambassador during campaign")
	source(open, models.StanceContext, models.SourceTranscript, "Transcript of the confirmation hearing, 10 January 2017")
	_, err = s.ProposeVerdict(ctx, editor, m, open.ID, verdict)
	must(err)
	pub := claim("I never met with any Russian officials to discuss issues of the campaign", "Sessions said he never discussed the campaign with Russian officials", "2017-03-02")
	source(pub, models.StanceSupports, models.SourceStatement, "Statement by the Attorney General, 2 March 2017")
	v, err := s.ProposeVerdict(ctx, editor, m, pub.ID, models.VerdictInput{Rating: "unproven", Headline: "No record shows what was discussed", Explanation: "No record of the talks is public."})
	must(err)
	_, err = s.ReviewVerdict(ctx, approver, m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove, Comment: "Fair."})
	must(err)
	_, err = s.AddCorrection(ctx, editor, m, pub.ID, models.CorrectionInput{Kind: models.CorrectionClarification, Note: "We added the date of the statement."})
	must(err)
	// The speaker has a title and a likely duplicate, logged from a quote.
	_, err = s.UpdatePerson(ctx, editor, m, pub.PersonID, models.PersonInput{Name: "Jeff Sessions", Title: "Attorney General of the United States",
		Affiliation: "Department of Justice", Description: "Senator for Alabama from 1997 to 2017."})
	must(err)
	_, err = s.CreatePerson(ctx, editor, m, models.PersonInput{Name: "Sessions"})
	must(err)
	return deskPages{article: art.ID, draft: draft.ID, inReview: open.ID, published: pub.ID, source: src.ID, speaker: pub.PersonID}
}
