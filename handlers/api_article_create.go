package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/extract"
	"claimtracker/input"
	"claimtracker/models"
)

// apiArticleRequest is the body of POST /api/v1/articles.
type apiArticleRequest struct {
	URL         *string `json:"url"`
	Title       *string `json:"title"`
	Outlet      *string `json:"outlet"`
	Author      *string `json:"author"`
	PublishedAt *string `json:"published_at"`
	Text        *string `json:"text" input:"exact"` // offsets in the answer count its bytes as sent
	// AllowDuplicate logs the article even when one at the same address
	// is logged already (see models.ArticleInput).
	AllowDuplicate *bool `json:"allow_duplicate"`
}

// articleJSON is a logged article with the claims found in its text: the
// first extract.MaxCandidates of them, in text order, out of
// CandidatesTotal.
type articleJSON struct {
	ID          uint            `json:"id"`
	URL         string          `json:"url"`
	Title       string          `json:"title"`
	Outlet      string          `json:"outlet"`
	Author      string          `json:"author"`
	PublishedAt *string         `json:"published_at"`
	CreatedAt   string          `json:"created_at"`
	Candidates  []candidateJSON `json:"candidates"`
	// CandidatesTotal is how many candidates the text holds; when it is
	// more than len(Candidates), only the first ones are listed.
	CandidatesTotal int `json:"candidates_total"`
	// Fetched is set when the server fetched the article's page because
	// the request sent a URL without text.
	Fetched *fetchedJSON `json:"fetched,omitempty"`
}

// fetchedJSON says what the server fetched for an article sent without
// text: the address that answered (after redirects), when, and the text
// it read there, into which the candidates' offsets point.
type fetchedJSON struct {
	URL       string `json:"url"`
	FetchedAt string `json:"fetched_at"`
	Text      string `json:"text"`
}

// candidateJSON is one statement found in an article's text. Start and End
// are byte offsets into the text as it was sent. Sentence is at most
// extract.MaxSentence characters.
type candidateJSON struct {
	Quote    string  `json:"quote"`
	Speaker  string  `json:"speaker"`
	SaidAt   *string `json:"said_at"`
	Sentence string  `json:"sentence"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Kind     string  `json:"kind"`
	// Parts are the [start, end) byte ranges of the pieces of a quotation
	// split by its attribution, whose texts joined by one space make
	// Quote; absent when Quote is text[start:end].
	Parts [][2]int `json:"parts,omitempty"`
	// SpeakerConfidence is "high", "medium", "low" or "none"; DateSource
	// is "stated", "carried", "article_date" or "none" (see package
	// extract), so that a client can flag what an editor should check.
	SpeakerConfidence string `json:"speaker_confidence"`
	DateSource        string `json:"date_source"`
	// Checked are the published fact-checks that already answer the
	// candidate, best first; empty, never null, when none does.
	Checked []checkedJSON `json:"checked"`
}

// checkedJSON is a published fact-check that a candidate repeats: its
// public page, its published verdict's rating (slug and label) and
// headline, and Score, from 0 to 1, how closely the words match.
type checkedJSON struct {
	Slug        string  `json:"slug"`
	URL         string  `json:"url"`
	Rating      string  `json:"rating"`
	RatingLabel string  `json:"rating_label"`
	Headline    string  `json:"headline"`
	Score       float64 `json:"score"`
}

// newCandidateJSON converts one extracted candidate and the published
// fact-checks it repeats.
func (h *Handler) newCandidateJSON(k *extract.Candidate, checked []models.Checked) candidateJSON {
	c := candidateJSON{Quote: k.Quote, Speaker: k.Speaker, SaidAt: dateJSON(k.SaidAt), Sentence: k.Sentence,
		Start: k.Start, End: k.End, Kind: k.Kind, SpeakerConfidence: k.SpeakerConfidence, DateSource: k.DateSource,
		Checked: make([]checkedJSON, 0, len(checked))}
	for _, p := range k.Parts {
		c.Parts = append(c.Parts, [2]int{p.Start, p.End})
	}
	for _, m := range checked {
		c.Checked = append(c.Checked, checkedJSON{Slug: m.Slug, URL: h.absURL("/claims/" + m.Slug), Rating: m.RatingSlug,
			RatingLabel: m.RatingLabel, Headline: m.Headline, Score: m.Score})
	}
	return c
}

// apiArticleCreate logs an article and answers with the candidate claims
// found in its text, for the editor to pick from, each with the published
// fact-checks that already answer it. A request with a URL and
// no text (left out or null) has the server fetch the page and read the
// text, title, outlet, author and date from it; the fields the request
// sent (not empty) win over the page's. A page that cannot be fetched is
// a 422 naming url and the reason, and nothing is saved. An article whose
// address is already logged (see models.NormalizeArticleURL) is a 409
// listing the articles there, and nothing is fetched or saved, unless the
// request sets allow_duplicate.
func (h *Handler) apiArticleCreate(c echo.Context) error {
	var req apiArticleRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	in := models.ArticleInput{
		URL: sentOr(req.URL, ""), Title: sentOr(req.Title, ""), Outlet: sentOr(req.Outlet, ""),
		Author: sentOr(req.Author, ""), PublishedAt: sentOr(req.PublishedAt, ""), Text: sentOr(req.Text, ""),
		AllowDuplicate: sentOr(req.AllowDuplicate, false),
	}
	var fetched *fetchedJSON
	if req.Text == nil && strings.TrimSpace(in.URL) != "" {
		// The API group admits only the tokens of editors and above, so
		// no one below may make the server fetch.
		pageURL, err := input.URL(strings.TrimSpace(in.URL))
		if err != nil {
			return models.Invalid("url", models.InputReason(err))
		}
		// An article already logged is not fetched again for nothing; the
		// store checks again when it saves.
		if !in.AllowDuplicate {
			same, err := h.store.ArticlesAt(c.Request().Context(), pageURL, 0)
			if err != nil {
				return err
			}
			if len(same) > 0 {
				return &models.DuplicateArticleError{Existing: same}
			}
		}
		got, err := h.fetchArticle(c.Request().Context(), pageURL)
		if err != nil {
			return err
		}
		in.Title, in.Outlet = orFetched(strings.TrimSpace(in.Title), got.Title), orFetched(strings.TrimSpace(in.Outlet), got.Outlet)
		in.Author = orFetched(strings.TrimSpace(in.Author), got.Author)
		in.PublishedAt = orFetched(strings.TrimSpace(in.PublishedAt), got.PublishedAt)
		in.Text = got.Text
		fetched = &fetchedJSON{URL: got.FinalURL, FetchedAt: stampJSON(got.FetchedAt), Text: got.Text}
	}
	a, err := h.store.CreateArticle(c.Request().Context(), currentUser(c), meta(c), in)
	if err != nil {
		return err
	}
	found, total, checked, err := h.articleCandidates(c.Request().Context(), in.Text, a.PublishedAt)
	if err != nil {
		return err
	}
	cands := make([]candidateJSON, len(found))
	for i := range found {
		cands[i] = h.newCandidateJSON(&found[i], checked[i])
	}
	return writeJSON(c, http.StatusCreated, articleJSON{
		ID: a.ID, URL: a.URL, Title: a.Title, Outlet: a.Outlet, Author: a.Author, PublishedAt: dateJSON(a.PublishedAt),
		CreatedAt: stampJSON(a.CreatedAt), Candidates: cands, CandidatesTotal: total,
		Fetched: fetched,
	})
}
