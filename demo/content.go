package demo

import (
	"fmt"

	"claimtracker/models"
)

// seedArticle is the demo's account, in its own words, of the case the
// product was made for.
const seedArticle = `Attorney General Jeff Sessions met Russia's ambassador to the United States twice during the 2016 campaign, the Washington Post reported on Wednesday, despite telling senators at his confirmation hearing that he had no such contacts.

At the hearing on January 10, Mr Sessions was asked what he would do if he learned of contacts between the campaign and Russia. "I did not have communications with the Russians," Mr Sessions said under oath.

At the time of the meetings Mr Sessions was a senator and an adviser to the Trump campaign.

Late on Wednesday Mr Sessions rejected the story. "I have no idea what this allegation is about - it is false," he said in a statement.

Democratic leaders called for him to step aside. Nancy Pelosi @NancyPelosi Follow Sessions is not fit to serve as the top law enforcement officer of our country and must resign.`

// claim logs a claim with its sources, as the demo editor.
func (nr *newsroom) claim(in models.ClaimInput, sources ...models.SourceInput) (*models.Claim, error) {
	c, err := nr.s.CreateClaim(nr.ctx, nr.editor, nr.m, in)
	if err != nil {
		return nil, fmt.Errorf("claim %q: %w", in.Summary, err)
	}
	for _, src := range sources {
		if _, err := nr.s.AddSource(nr.ctx, nr.editor, nr.m, c.ID, src); err != nil {
			return nil, fmt.Errorf("source %q: %w", src.Title, err)
		}
	}
	return c, nil
}

// verdict proposes a verdict as the demo editor.
func (nr *newsroom) verdict(c *models.Claim, rating, headline, explanation string) (*models.Verdict, error) {
	v, err := nr.s.ProposeVerdict(nr.ctx, nr.editor, nr.m, c.ID, models.VerdictInput{Rating: rating, Headline: headline, Explanation: explanation})
	if err != nil {
		return nil, fmt.Errorf("verdict on %q: %w", c.Summary, err)
	}
	return v, nil
}

// approve has the first demo reviewer approve v.
func (nr *newsroom) approve(v *models.Verdict, comment string) error {
	_, err := nr.s.ReviewVerdict(nr.ctx, nr.rev, nr.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove, Comment: comment})
	return err
}

// publish proposes and approves a verdict.
func (nr *newsroom) publish(c *models.Claim, rating, headline, explanation string) error {
	v, err := nr.verdict(c, rating, headline, explanation)
	if err != nil {
		return err
	}
	return nr.approve(v, "Sources check out.")
}

func (nr *newsroom) seedCase() error {
	a, err := nr.s.CreateArticle(nr.ctx, nr.editor, nr.m, models.ArticleInput{
		URL: "https://www.washingtonpost.com/", Title: "Sessions met Russian envoy twice in 2016, report says",
		Outlet: "Demo wire summary", PublishedAt: "2017-03-02", Text: seedArticle,
	})
	if err != nil {
		return err
	}
	c, err := nr.claim(models.ClaimInput{
		Text:    "I did not have communications with the Russians",
		Summary: "Sessions told senators he had no communications with the Russians",
		Speaker: "Jeff Sessions", SaidAt: "2017-01-10", Setting: "Senate confirmation hearing, under oath",
		Appearances: []models.AppearanceInput{{URL: "https://www.judiciary.senate.gov/", Date: "2017-01-10", Where: "Senate confirmation hearing"}},
		ArticleID:   &a.ID, Tags: []string{"Russia", "Confirmation hearings"},
	},
		models.SourceInput{URL: "https://www.judiciary.senate.gov/", Title: "Confirmation hearing on the nomination of Jeff Sessions to be Attorney General",
			Outlet: "Senate Judiciary Committee", PublishedAt: "2017-01-10", Kind: models.SourceTranscript, Stance: models.StanceContext,
			Excerpt: "I did not have communications with the Russians", Locator: "Answer on campaign contacts with Russia"},
		models.SourceInput{URL: "https://www.washingtonpost.com/", Title: "Report: Sessions met the Russian ambassador twice during the campaign",
			Outlet: "The Washington Post", PublishedAt: "2017-03-01", Kind: models.SourceNewsReport, Stance: models.StanceContradicts,
			Excerpt: "Two conversations with the Russian ambassador during the 2016 campaign."},
		models.SourceInput{URL: "https://www.justice.gov/", Title: "Statement by the Attorney General",
			Outlet: "US Department of Justice", PublishedAt: "2017-03-02", Kind: models.SourceStatement, Stance: models.StanceContext,
			Excerpt: "I have no idea what this allegation is about - it is false"},
		models.SourceInput{URL: "https://x.com/NancyPelosi", Title: "Post calling on Sessions to resign", Outlet: "Nancy Pelosi on X",
			PublishedAt: "2017-03-02", Kind: models.SourceSocialPost, Stance: models.StanceContext,
			Excerpt: "not fit to serve as the top law enforcement officer of our country and must resign"},
	)
	if err != nil {
		return err
	}
	return nr.publish(c, "false", "Sessions met the Russian ambassador twice in 2016",
		"Asked under oath about contacts between the campaign and Russia, Jeff Sessions said he *did not have communications with the Russians*.\n\n"+
			"The Washington Post reported on 1 March 2017 that he spoke with Russia's ambassador on two occasions during the 2016 campaign. "+
			"The next day Sessions called the allegation false and said he had never met Russian officials to discuss the campaign.\n\n"+
			"The record shows two conversations with the ambassador, so the sworn statement as given was **false**.")
}

// The remaining claims are invented for the demo; their speakers are fictional.

func (nr *newsroom) publishedWithCorrection() error {
	c, err := nr.claim(models.ClaimInput{
		Text: "Since 2022 we have cut bus fares in this city in half.", Summary: "Mayor says bus fares were halved since 2022",
		Speaker: "Dana Whitfield", SaidAt: "2026-09-14", Setting: "Council budget session (fictional demo)", Tags: []string{"Transport"},
	}, models.SourceInput{URL: "https://transit.example.org/fares-2026", Title: "Fare tables 2022–2026", Outlet: "City Transit Authority (fictional)",
		PublishedAt: "2026-01-05", Kind: models.SourceOfficialRecord, Stance: models.StanceSupports, Excerpt: "Single fare: 2.80 in 2022, 1.50 in 2026."},
		models.SourceInput{URL: "https://transit.example.org/passes", Title: "Monthly pass prices", Outlet: "City Transit Authority (fictional)",
			PublishedAt: "2026-01-05", Kind: models.SourceOfficialRecord, Stance: models.StanceContext, Excerpt: "Monthly passes fell by a third, not by half."})
	if err != nil {
		return err
	}
	if err := nr.publish(c, "mostly-true", "Single fares fell by nearly half; monthly passes by a third",
		"Single fares dropped from 2.80 to 1.50, a cut of 46%. Monthly passes, which most commuters use, fell by a third."); err != nil {
		return err
	}
	_, err = nr.s.AddCorrection(nr.ctx, nr.editor, nr.m, c.ID, models.CorrectionInput{Kind: models.CorrectionClarification,
		Note: "An earlier version gave the 2022 single fare as 2.60. It was 2.80; the rating is unchanged."})
	return err
}

func (nr *newsroom) ratingChanged() error {
	c, err := nr.claim(models.ClaimInput{
		Text: "Our plan created 40,000 new jobs in its first year.", Summary: "Harbor Party says its plan created 40,000 jobs in a year",
		Speaker: "Harbor Party", SpeakerKind: models.KindOrganization, SaidAt: "2026-06-02", Setting: "Campaign leaflet (fictional demo)", Tags: []string{"Jobs"},
	}, models.SourceInput{URL: "https://stats.example.org/jobs", Title: "Employment survey, second quarter", Outlet: "Statistics Office (fictional)",
		PublishedAt: "2026-07-15", Kind: models.SourceDataset, Stance: models.StanceContradicts, Excerpt: "Net new jobs over the year: 41,200, of which 9,800 in programmes under the plan."})
	if err != nil {
		return err
	}
	if err := nr.publish(c, "half-true", "Jobs grew by about 40,000, but not all from the plan", "The total is right; the credit is not."); err != nil {
		return err
	}
	return nr.publish(c, "misleading", "Only about 10,000 of the new jobs came from the plan",
		"Newer survey tables split the figure by programme: about 9,800 jobs are attributable to the plan. The 40,000 figure is the economy-wide total.")
}

func (nr *newsroom) retracted() error {
	c, err := nr.claim(models.ClaimInput{
		Text: "The river is cleaner today than at any time in the last fifty years.", Summary: "Senator says the river is the cleanest in fifty years",
		Speaker: "Omar Lindqvist", SaidAt: "2026-04-22", Setting: "Earth Day speech (fictional demo)", Tags: []string{"Environment"},
	}, models.SourceInput{URL: "https://water.example.org/river-2026", Title: "River quality report", Outlet: "Water Agency (fictional)",
		PublishedAt: "2026-03-30", Kind: models.SourceOfficialRecord, Stance: models.StanceSupports, Excerpt: "Best readings since monitoring began in 1976."})
	if err != nil {
		return err
	}
	if err := nr.publish(c, "true", "Water quality readings are the best on record", "Readings began in 1976, fifty years ago, and 2026 is the best year."); err != nil {
		return err
	}
	_, err = nr.s.RetractClaim(nr.ctx, nr.rev, nr.m, c.ID, "The agency withdrew its report after a calibration error; we retract this fact-check until new data is published.")
	return err
}

func (nr *newsroom) inReview() error {
	c, err := nr.claim(models.ClaimInput{
		Text: "Rents have gone up faster here than anywhere else in the country.", Summary: "Councillor says local rents rose fastest in the country",
		Speaker: "Priya Raman", SaidAt: "2026-10-30", Setting: "Radio interview (fictional demo)", Tags: []string{"Housing"},
		AssigneeID: nr.rev.ID, DueOn: nr.day(2), Priority: models.PriorityHigh,
	}, models.SourceInput{URL: "https://stats.example.org/rents", Title: "Rent index by region", Outlet: "Statistics Office (fictional)",
		PublishedAt: "2026-10-01", Kind: models.SourceDataset, Stance: models.StanceContradicts, Excerpt: "The region ranks third of twelve."})
	if err != nil {
		return err
	}
	_, err = nr.verdict(c, "mostly-false", "Rents rose fast, but two regions rose faster", "The rent index ranks the region third of twelve.")
	return err
}

func (nr *newsroom) sentBack() error {
	c, err := nr.claim(models.ClaimInput{
		Text: "Crime has fallen every single year since I took office.", Summary: "Police chief says crime fell every year of his tenure",
		Speaker: "Marcus Hale", SaidAt: "2026-11-03", Setting: "Press conference (fictional demo)", Tags: []string{"Crime"},
		AssigneeID: nr.editor.ID, DueOn: nr.day(1), Priority: models.PriorityHigh,
	}, models.SourceInput{URL: "https://police.example.org/annual", Title: "Annual crime statistics", Outlet: "City Police (fictional)",
		PublishedAt: "2026-02-01", Kind: models.SourceOfficialRecord, Stance: models.StanceContradicts, Excerpt: "Recorded crime rose 3% in 2024."})
	if err != nil {
		return err
	}
	v, err := nr.verdict(c, "false", "Crime rose in 2024", "The annual statistics show a rise in 2024.")
	if err != nil {
		return err
	}
	_, err = nr.s.ReviewVerdict(nr.ctx, nr.rev2, nr.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionRequestChanges,
		Comment: "One rise in five years: is False fair, or is this Mostly false? Please also cite the victimisation survey."})
	return err
}

func (nr *newsroom) draft() error {
	c, err := nr.claim(models.ClaimInput{
		Text: "Every school in the district now has a full-time nurse.", Summary: "Superintendent says every school has a full-time nurse",
		Speaker: "Helen Okafor", SaidAt: "2026-11-20", Setting: "School board meeting (fictional demo)", Tags: []string{"Education"},
		AssigneeID: nr.editor.ID, DueOn: nr.day(6),
	})
	if err != nil {
		return err
	}
	for _, n := range []struct {
		by   *models.User
		body string
	}{
		{nr.editor, "The district's staffing list names a nurse at 14 of 16 schools. @reviewer, could you ask the board office about the other two?"},
		{nr.rev, "Asked them: two small schools **share** one nurse, three days and two days a week. @editor, that sounds like *Mostly false* to me."},
	} {
		if _, err := nr.s.AddNote(nr.ctx, n.by, nr.m, c.ID, models.NoteInput{Body: n.body}); err != nil {
			return fmt.Errorf("note on %q: %w", c.Summary, err)
		}
	}
	return nil
}

// researching is a claim someone has started checking, overdue and
// urgent, that nobody has taken yet.
func (nr *newsroom) researching() error {
	c, err := nr.claim(models.ClaimInput{
		Text: "The new bridge will cut everyone's commute in half.", Summary: "Transport minister says the new bridge halves commutes",
		Speaker: "Dana Ortiz", SaidAt: "2026-11-24", Setting: "Ribbon-cutting ceremony (fictional demo)", Tags: []string{"Transport"},
		DueOn: nr.day(-1), Priority: models.PriorityUrgent,
	})
	if err != nil {
		return err
	}
	_, err = nr.s.UpdateClaim(nr.ctx, nr.editor, nr.m, c.ID, models.ClaimPatch{Status: new(models.ClaimResearching)})
	return err
}

// day is the newsroom's calendar day n days from today (YYYY-MM-DD).
func (nr *newsroom) day(n int) string {
	return nr.today.AddDate(0, 0, n).Format(models.DateLayout)
}
