package pages

import (
	"context"
	"strconv"
	"strings"

	"claimtracker/extract"
	"claimtracker/models"
	"claimtracker/views"
)

// ArticleDesk is what the article page shows: the text cut into plain and
// highlighted segments, and the candidate claims found in it.
type ArticleDesk struct {
	Article    *models.Article
	Segments   []Segment
	Candidates []Candidate
	// Total is how many candidates the text holds; when it is more than
	// len(Candidates), only the first ones are shown.
	Total int
	// Logged are the claims already logged from this article.
	Logged []models.Claim
	// Same are the other articles logged at the same address (see
	// models.NormalizeArticleURL), oldest first.
	Same []models.Article
	// Remove is the form that deletes the article.
	Remove views.Form
}

// Deletable reports whether the article may be deleted: no claim logged
// from it is, or ever was, public.
func (d ArticleDesk) Deletable() bool {
	for _, c := range d.Logged {
		if c.Status == models.ClaimPublished || c.Status == models.ClaimRetracted || c.PublishedAt != nil {
			return false
		}
	}
	return true
}

// Segment is a run of the article's text; Mark is the number of the
// candidate it highlights, or 0 for plain text.
type Segment struct {
	Text string
	Mark int
}

// Candidate is one candidate claim as the article page lists it.
type Candidate struct {
	extract.Candidate
	// N numbers the candidate from 1, in text order.
	N int
	// Marked is false when the candidate overlaps an earlier one, so that
	// it is listed but not highlighted.
	Marked bool
	// Claim is the claim already logged from this article with these
	// words, or nil.
	Claim *models.Claim
	// Checked are the published fact-checks that already answer the
	// candidate, best first (Claim's own left out).
	Checked []models.Checked
}

// NewArticleDesk highlights the candidates, in text order, in the article's
// text; total is how many the text holds, and checked[i] the published
// fact-checks that answer cands[i]. Every segment is text to escape:
// nothing of the article becomes markup.
func NewArticleDesk(a *models.Article, cands []extract.Candidate, total int, logged []models.Claim, checked [][]models.Checked) ArticleDesk {
	d := ArticleDesk{Article: a, Logged: logged, Total: max(total, len(cands))}
	text, pos := a.Body, 0
	for i, c := range cands {
		cv := Candidate{Candidate: c, N: i + 1}
		for j := range logged {
			if logged[j].Text == strings.TrimSpace(c.Quote) {
				cv.Claim = &logged[j]
				break
			}
		}
		if i < len(checked) {
			for _, m := range checked[i] {
				if cv.Claim == nil || m.ID != cv.Claim.ID {
					cv.Checked = append(cv.Checked, m)
				}
			}
		}
		if c.Start >= pos && c.Start < c.End && c.End <= len(text) {
			if c.Start > pos {
				d.Segments = append(d.Segments, Segment{Text: text[pos:c.Start]})
			}
			d.Segments = append(d.Segments, Segment{Text: text[c.Start:c.End], Mark: cv.N})
			pos, cv.Marked = c.End, true
		}
		d.Candidates = append(d.Candidates, cv)
	}
	if pos < len(text) {
		d.Segments = append(d.Segments, Segment{Text: text[pos:]})
	}
	return d
}

// KindLabel names the kind of candidate for people, in ctx's language.
func (c Candidate) KindLabel(ctx context.Context) string {
	switch c.Kind {
	case extract.KindQuote:
		return views.T(ctx, "desk.article.kind.quote")
	case extract.KindSocialPost:
		return views.T(ctx, "desk.article.kind.social_post")
	case extract.KindReported:
		return views.T(ctx, "desk.article.kind.reported")
	}
	return c.Kind
}

// SpeakerHint tells the editor, in ctx's language, how the speaker was
// found when it should be checked: from "he", a role or a surname, or only
// as a guess.
func (c Candidate) SpeakerHint(ctx context.Context) string {
	switch c.SpeakerConfidence {
	case extract.ConfidenceMedium:
		return views.T(ctx, "desk.article.speaker_inferred")
	case extract.ConfidenceLow:
		return views.T(ctx, "desk.article.speaker_uncertain")
	}
	return ""
}

// DateHint tells the editor, in ctx's language, where the date comes from
// when the words around the quote do not give it.
func (c Candidate) DateHint(ctx context.Context) string {
	switch c.DateSource {
	case extract.DateCarried:
		return views.T(ctx, "desk.article.date_carried")
	case extract.DateArticle:
		return views.T(ctx, "desk.article.date_article")
	}
	return ""
}

// matchHint says, in ctx's language, how closely a candidate's words match
// a published fact-check's (see models.Checked).
func matchHint(ctx context.Context, score float64) string {
	if score >= 1 {
		return views.T(ctx, "desk.article.same_words")
	}
	return views.T(ctx, "desk.article.words_alike", "Percent", views.Number(ctx, int(score*100+0.5)))
}

// Summary is the quote cut to fit a claim's summary.
func (c Candidate) Summary() string { return models.Shorten(c.Quote, models.MaxSummary) }

// markID is the element id of candidate n's highlight.
func markID(n int) string { return "m-" + strconv.Itoa(n) }

// candidateID is the element id of candidate n in the list.
func candidateID(n int) string { return "cand-" + strconv.Itoa(n) }
