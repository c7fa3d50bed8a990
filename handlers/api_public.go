package handlers

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// publicSpeaker is a speaker in the public API.
type publicSpeaker struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
	Kind string `json:"kind"`
}

// publicRating is a rating in the public API.
type publicRating struct {
	Slug  string `json:"slug"`
	Label string `json:"label"`
}

// publicRatings splits a fact-check's rating into the current one and the
// withdrawn one, exactly one of them set: a published fact-check's rating
// is current; a retracted one has no current rating, and the rating it had
// is given as withdrawn (see models.ClaimStatus.RatingStands).
func publicRatings(st models.ClaimStatus, slug, label string) (current, withdrawn *publicRating) {
	r := &publicRating{slug, label}
	if st.RatingStands() {
		return r, nil
	}
	return nil, r
}

// publicListItem is one fact-check in GET /api/v1/public/claims. Rating
// is null, and WithdrawnRating set, once the fact-check is retracted.
type publicListItem struct {
	Slug            string        `json:"slug"`
	URL             string        `json:"url"`
	Claim           string        `json:"claim"`
	Summary         string        `json:"summary"`
	Language        string        `json:"language"`
	Speaker         publicSpeaker `json:"speaker"`
	SaidAt          *string       `json:"said_at"`
	Rating          *publicRating `json:"rating"`
	WithdrawnRating *publicRating `json:"withdrawn_rating"`
	Headline        string        `json:"headline"`
	Status          string        `json:"status"`
	PublishedAt     *string       `json:"published_at"`
	UpdatedAt       string        `json:"updated_at"`
}

// publicList is the body of GET /api/v1/public/claims.
type publicList struct {
	Claims   []publicListItem `json:"claims"`
	Page     int              `json:"page"`
	NextPage *int             `json:"next_page"`
}

// publicCORS lets any site read the public API.
func publicCORS(c echo.Context) {
	c.Response().Header().Set("Access-Control-Allow-Origin", "*")
}

// apiPublicClaims lists public fact-checks: a search with ?q=, else the
// latest, filtered by ?rating=, ?person= (slug), ?tag= and ?language= (a
// language range, see models.PublicQuery), 20 a page.
func (h *Handler) apiPublicClaims(c echo.Context) error {
	publicCORS(c)
	page := pageParam(c)
	var v models.Validator
	v.Check(len([]rune(c.QueryParam("q"))) <= models.MaxSearchQuery, "q", models.ReasonMaxChars(models.MaxSearchQuery))
	lang := languageParam(c, &v)
	if err := v.Err(); err != nil {
		return err
	}
	key := "api:claims?" + url.Values{"q": {c.QueryParam("q")}, "rating": {c.QueryParam("rating")}, "person": {c.QueryParam("person")},
		"tag": {c.QueryParam("tag")}, "language": {lang}, "page": {strconv.Itoa(page)}}.Encode()
	return h.servePublic(c, publicPage{key: key, contentType: echo.MIMEApplicationJSON, build: func(c echo.Context) ([]byte, error) {
		return h.buildPublicClaims(c, page, lang)
	}})
}

// buildPublicClaims is the body of GET /api/v1/public/claims; lang is the
// canonical ?language= filter.
func (h *Handler) buildPublicClaims(c echo.Context, page int, lang string) ([]byte, error) {
	ctx := c.Request().Context()
	var items []models.PublicItem
	var more bool
	var err error
	if q := c.QueryParam("q"); q != "" {
		items, more, err = h.store.Search(ctx, q, page, 20)
	} else {
		items, more, err = h.store.PublicClaims(ctx, models.PublicQuery{Rating: c.QueryParam("rating"), Person: c.QueryParam("person"), Tag: c.QueryParam("tag"),
			Language: lang, Page: page, PerPage: 20})
	}
	if err != nil {
		return nil, err
	}
	out := publicList{Claims: make([]publicListItem, 0, len(items)), Page: page}
	for _, it := range items {
		rating, withdrawn := publicRatings(it.Status, it.RatingSlug, it.RatingLabel)
		out.Claims = append(out.Claims, publicListItem{
			Slug: it.Slug, URL: h.absURL("/claims/" + it.Slug), Claim: it.Text, Summary: it.Summary, Language: it.Language,
			Speaker: publicSpeaker{it.PersonName, it.PersonSlug, string(it.PersonKind)}, SaidAt: dateJSON(it.SaidAt),
			Rating: rating, WithdrawnRating: withdrawn, Headline: it.Headline, Status: string(it.Status),
			PublishedAt: optStampJSON(it.PublishedAt), UpdatedAt: stampJSON(it.UpdatedAt),
		})
	}
	if more {
		n := page + 1
		out.NextPage = &n
	}
	return jsonBody(out)
}

// publicClaimJSON is the body of GET /api/v1/public/claims/{slug}.
// ClaimReview is null once the fact-check is retracted, as its page then
// carries none.
type publicClaimJSON struct {
	Slug          string               `json:"slug"`
	URL           string               `json:"url"`
	Claim         string               `json:"claim"`
	Summary       string               `json:"summary"`
	Language      string               `json:"language"`
	Speaker       publicSpeaker        `json:"speaker"`
	SaidAt        *string              `json:"said_at"`
	Setting       string               `json:"setting"`
	AppearanceURL string               `json:"appearance_url"`
	Appearances   []apiAppearanceJSON  `json:"appearances"`
	Status        string               `json:"status"`
	PublishedAt   *string              `json:"published_at"`
	RetractedAt   *string              `json:"retracted_at"`
	UpdatedAt     string               `json:"updated_at"`
	Tags          []string             `json:"tags"`
	Verdict       publicVerdict        `json:"verdict"`
	Sources       []publicSource       `json:"sources"`
	Corrections   []publicCorrection   `json:"corrections"`
	ClaimReview   *views.ClaimReviewLD `json:"claim_review"`
}

// publicVerdict is the published verdict of a public fact-check; Rating
// is null, and WithdrawnRating set, once the fact-check is retracted.
type publicVerdict struct {
	Rating          *publicRating `json:"rating"`
	WithdrawnRating *publicRating `json:"withdrawn_rating"`
	Headline        string        `json:"headline"`
	Explanation     string        `json:"explanation"`
	Language        string        `json:"language"`
	PublishedAt     *string       `json:"published_at"`
	Reviewers       int           `json:"reviewers"`
}

type publicSource struct {
	URL         string  `json:"url"`
	Title       string  `json:"title"`
	Outlet      string  `json:"outlet"`
	PublishedAt *string `json:"published_at"`
	Kind        string  `json:"kind"`
	Stance      string  `json:"stance"`
	Excerpt     string  `json:"excerpt"`
	Locator     string  `json:"locator"`
	Language    string  `json:"language"`
	// Archive is the snapshot of URL (see archiveJSON).
	Archive archiveJSON `json:"archive"`
	// Files are the files attached to the source, oldest first.
	Files []publicFile `json:"files"`
	// Link and Wayback: see publicLinkJSON and waybackJSON.
	Link    publicLinkJSON `json:"link"`
	Wayback waybackJSON    `json:"wayback"`
}

// publicFile is a file attached to a public source: its bytes as kept
// (location metadata removed) are served at URL, this site's
// /archive/{sha256}.
type publicFile struct {
	SHA256      string `json:"sha256"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	Filename    string `json:"filename"`
	UploadedAt  string `json:"uploaded_at"`
}

func (h *Handler) newPublicFile(f *models.SourceFile) publicFile {
	return publicFile{SHA256: f.SHA256, URL: h.absURL(components.ArchivePath(f.SHA256)), ContentType: f.ContentType, Size: f.Size, Filename: f.Filename, UploadedAt: stampJSON(f.CreatedAt)}
}

// publicArchive is a source's archive for the public: why an attempt
// failed is the desk's (it may name inside addresses).
func publicArchive(a archiveJSON) archiveJSON {
	a.Error = nil
	return a
}

type publicCorrection struct {
	Kind      string `json:"kind"`
	Note      string `json:"note"`
	OldRating string `json:"old_rating,omitempty"`
	NewRating string `json:"new_rating,omitempty"`
	Date      string `json:"date"`
}

// apiPublicClaim is one public fact-check with its verdict, sources,
// corrections and ClaimReview (none once retracted); drafts are 404.
func (h *Handler) apiPublicClaim(c echo.Context) error {
	publicCORS(c)
	slug := c.Param("slug")
	return h.servePublic(c, publicPage{key: "api:claim:" + slug, claim: slug, contentType: echo.MIMEApplicationJSON, build: func(c echo.Context) ([]byte, error) {
		return h.buildPublicClaim(c, slug)
	}})
}

// buildPublicClaim is the body of GET /api/v1/public/claims/{slug}.
func (h *Handler) buildPublicClaim(c echo.Context, slug string) ([]byte, error) {
	ctx := c.Request().Context()
	claim, err := h.store.PublicClaim(ctx, slug)
	if err != nil {
		return nil, err
	}
	v := claim.CurrentVerdict()
	if v == nil {
		return nil, models.ErrNotFound
	}
	scale, err := h.ratings(ctx)
	if err != nil {
		return nil, err
	}
	org, _, err := h.organization(ctx)
	if err != nil {
		return nil, err
	}
	url := h.absURL("/claims/" + claim.Slug)
	rating, withdrawn := publicRatings(claim.Status, v.RatingSlug, v.RatingLabel)
	out := publicClaimJSON{
		Slug: claim.Slug, URL: url, Claim: claim.Text, Summary: claim.Summary, Language: claim.Language,
		Speaker: publicSpeaker{claim.Person.Name, claim.Person.Slug, string(claim.Person.Kind)}, SaidAt: dateJSON(claim.SaidAt),
		Setting: claim.Setting, AppearanceURL: firstAppearanceURL(claim), Appearances: appearancesJSON(claim.Appearances), Status: string(claim.Status), PublishedAt: optStampJSON(claim.PublishedAt),
		RetractedAt: optStampJSON(claim.RetractedAt), UpdatedAt: stampJSON(claim.UpdatedAt), Tags: claim.TagNames(),
		Verdict: publicVerdict{Rating: rating, WithdrawnRating: withdrawn, Headline: v.Headline, Explanation: v.Explanation, Language: v.Language,
			PublishedAt: optStampJSON(v.PublishedAt), Reviewers: v.ReviewerCount},
		Sources:     make([]publicSource, 0, len(claim.Sources)),
		Corrections: make([]publicCorrection, 0, len(claim.Corrections)),
	}
	if claim.Status.RatingStands() {
		ld := views.ClaimReview(claim, v, scale, org, url, h.absURL("/people/"+claim.Person.Slug))
		out.ClaimReview = &ld
	}
	for _, s := range views.NumberedSources(claim) {
		out.Sources = append(out.Sources, publicSource{s.URL, s.Title, s.Outlet, dateJSON(s.PublishedAt), string(s.Kind), string(s.Stance), s.Excerpt, s.Locator, s.Language, publicArchive(h.newArchiveJSON(s)),
			jsonList(s.Files, h.newPublicFile), newPublicLinkJSON(s), newWaybackJSON(s)})
	}
	for _, k := range claim.Corrections {
		out.Corrections = append(out.Corrections, publicCorrection{string(k.Kind), views.CorrectionNoteEnglish(&k), k.OldRating, k.NewRating, stampJSON(k.CreatedAt)})
	}
	return jsonBody(out)
}

// jsonBody encodes v as a JSON response body, as the API writes them.
func jsonBody(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
