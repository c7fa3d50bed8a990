package pages

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// KindLabel names the kind of candidate for people.
func (c Candidate) KindLabel() string {
	switch c.Kind {
	case extract.KindQuote:
		return "Direct quote"
	case extract.KindSocialPost:
		return "Social post"
	case extract.KindReported:
		return "Reported claim"
	}
	return c.Kind
}

// SpeakerHint tells the editor how the speaker was found when it should be
// checked: from "he", a role or a surname, or only as a guess.
func (c Candidate) SpeakerHint() string {
	switch c.SpeakerConfidence {
	case extract.ConfidenceMedium:
		return "inferred from the text: check"
	case extract.ConfidenceLow:
		return "uncertain: check"
	}
	return ""
}

// DateHint tells the editor where the date comes from when the words
// around the quote do not give it.
func (c Candidate) DateHint() string {
	switch c.DateSource {
	case extract.DateCarried:
		return "from earlier in the text"
	case extract.DateArticle:
		return "the article's date"
	}
	return ""
}

// matchHint says how closely a candidate's words match a published
// fact-check's (see models.Checked).
func matchHint(score float64) string {
	if score >= 1 {
		return "same words"
	}
	return strconv.Itoa(int(score*100+0.5)) + "% of the words alike"
}

// Summary is the quote cut to fit a claim's summary.
func (c Candidate) Summary() string { return SummaryCut(c.Quote, models.MaxSummary) }

// SummaryCut shortens s to at most max characters, at a word boundary when
// one is near, and marks the cut with an ellipsis.
func SummaryCut(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := string(r[:max-1])
	if !unicode.IsSpace(r[max-1]) { // mid-word: back off to the last space, if one is near
		if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > 0 && utf8.RuneCountInString(cut[:i]) > max/2 {
			cut = cut[:i]
		}
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

// markID is the element id of candidate n's highlight.
func markID(n int) string { return "m-" + strconv.Itoa(n) }

// candidateID is the element id of candidate n in the list.
func candidateID(n int) string { return "cand-" + strconv.Itoa(n) }

// byline lists what is known of where and when an article appeared.
func byline(a *models.Article) []string {
	var out []string
	for _, s := range []string{a.Outlet, a.Author} {
		if s != "" {
			out = append(out, s)
		}
	}
	if a.PublishedAt != nil {
		out = append(out, "published "+a.PublishedAt.Format("2 January 2006"))
	}
	return out
}
