package handlers

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiClaimFields are the fields of a claim an editor writes, in the bodies of
// POST /api/v1/claims and PATCH /api/v1/claims/{id}.
type apiClaimFields struct {
	Text        *string            `json:"text" input:"multiline"`
	Summary     *string            `json:"summary"`
	Speaker     *string            `json:"speaker"`
	SpeakerKind *models.PersonKind `json:"speaker_kind"`
	SaidAt      *string            `json:"said_at"`
	Setting     *string            `json:"setting"`
	// Appearances replace the claim's list; AppearanceURL is the older
	// single appearance (see appearances).
	Appearances   *[]apiAppearance `json:"appearances"`
	AppearanceURL *string          `json:"appearance_url"`
	Tags          *[]string        `json:"tags"`
	// Language is a BCP 47 language tag; "" (or, on creation, leaving it
	// out) has the server detect it from the text.
	Language *string `json:"language"`
	// AssigneeID is the id of the colleague the claim is assigned to,
	// null for nobody; DueOn the day it is due (YYYY-MM-DD, "" for none);
	// Priority one of low, normal, high, urgent (normal when left out on
	// creation).
	AssigneeID apiNullableID    `json:"assignee_id"`
	DueOn      *string          `json:"due_on"`
	Priority   *models.Priority `json:"priority"`
}

// apiAppearance is one appearance of a claim, as the API reads and writes
// it: the work's address, the day the claim appeared there (YYYY-MM-DD or
// "") and where, in words.
type apiAppearance struct {
	URL   string `json:"url"`
	Date  string `json:"date"`
	Where string `json:"where"`
}

// appearanceURLField is how the store names the URL of the appearance that
// appearance_url stands for: errors about it are given back under
// appearance_url, the field the client sent.
var appearanceURLField = models.AppearanceField(0, "url")

// appearances is the list of appearances the request gives, nil when it
// leaves them as they are:
//   - appearances, as sent;
//   - else appearance_url alone, the single appearance of older clients: one
//     appearance at that address (none for ""), on the day the claim was
//     said (saidAt, when it is a date), since it names where the words can
//     be seen or heard;
//   - sent with appearances, appearance_url must be "" or the url of one of
//     them (as a claim read from the API comes back), or it is refused.
//
// short reports whether appearance_url stood for the list.
func (f apiClaimFields) appearances(saidAt string) (list *[]models.AppearanceInput, short bool, err error) {
	switch {
	case f.Appearances != nil:
		out := make([]models.AppearanceInput, 0, len(*f.Appearances))
		for _, a := range *f.Appearances {
			out = append(out, models.AppearanceInput(a))
		}
		if u := strings.TrimSpace(sentOr(f.AppearanceURL, "")); u != "" &&
			!slices.ContainsFunc(out, func(a models.AppearanceInput) bool { return strings.TrimSpace(a.URL) == u }) {
			return nil, false, models.Invalid("appearance_url",
				models.NewReason("reasons.appearance_url", "must be the url of one of the appearances sent, or left out"))
		}
		return &out, false, nil
	case f.AppearanceURL != nil:
		out := []models.AppearanceInput{}
		if u := *f.AppearanceURL; strings.TrimSpace(u) != "" {
			a := models.AppearanceInput{URL: u}
			if _, perr := time.Parse(models.DateLayout, strings.TrimSpace(saidAt)); perr == nil {
				a.Date = saidAt
			}
			out = append(out, a)
		}
		return &out, true, nil
	}
	return nil, false, nil
}

// shortError gives the store's refusal of the appearance that
// appearance_url stood for back under appearance_url.
func shortError(err error, short bool) error {
	var ve *models.ValidationError
	if !short || !errors.As(err, &ve) {
		return err
	}
	if why, ok := ve.Fields[appearanceURLField]; ok {
		delete(ve.Fields, appearanceURLField)
		ve.Fields["appearance_url"] = why
	}
	return err
}

// patch keeps the fields that were sent; saidAt is the day the claim was
// said once the patch applies, for appearance_url (see appearances).
func (f apiClaimFields) patch(saidAt string) (models.ClaimPatch, bool, error) {
	list, short, err := f.appearances(saidAt)
	if err != nil {
		return models.ClaimPatch{}, false, err
	}
	return models.ClaimPatch{Text: f.Text, Summary: f.Summary, Speaker: f.Speaker, SpeakerKind: f.SpeakerKind,
		SaidAt: f.SaidAt, Setting: f.Setting, Appearances: list, Tags: f.Tags, Language: f.Language,
		AssigneeID: f.AssigneeID.patch(), DueOn: f.DueOn, Priority: f.Priority}, short, nil
}

// apiClaimCreateRequest is the body of POST /api/v1/claims: a claim's fields
// and, once only, the article it was found in.
type apiClaimCreateRequest struct {
	apiClaimFields
	ArticleID *uint32 `json:"article_id"`
}

// input is the new claim; fields left out are empty. short reports whether
// appearance_url stood for its appearances.
func (r apiClaimCreateRequest) input() (in models.ClaimInput, short bool, err error) {
	list, short, err := r.appearances(sentOr(r.SaidAt, ""))
	if err != nil {
		return in, false, err
	}
	in = models.ClaimInput{
		Text: sentOr(r.Text, ""), Summary: sentOr(r.Summary, ""), Speaker: sentOr(r.Speaker, ""),
		SpeakerKind: sentOr(r.SpeakerKind, ""), SaidAt: sentOr(r.SaidAt, ""), Setting: sentOr(r.Setting, ""),
		Appearances: sentOr(list, nil), Tags: sentOr(r.Tags, nil), Language: sentOr(r.Language, ""),
		AssigneeID: sentOr(r.AssigneeID.patch(), 0), DueOn: sentOr(r.DueOn, ""), Priority: sentOr(r.Priority, ""),
	}
	if r.ArticleID != nil {
		id := uint(*r.ArticleID)
		in.ArticleID = &id
	}
	return in, short, nil
}

// claimCreatedJSON is a new claim with the logged claims that resemble it,
// so the editor can spot a duplicate.
type claimCreatedJSON struct {
	claimJSON
	Similar []models.Similar `json:"similar"`
}

// apiMaxSimilar is how many similar claims a new claim's answer lists.
const apiMaxSimilar = 5

// apiClaimCreate logs a draft claim and lists the claims that resemble it.
func (h *Handler) apiClaimCreate(c echo.Context) error {
	var req apiClaimCreateRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	in, short, err := req.input()
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	created, err := h.store.CreateClaim(ctx, currentUser(c), meta(c), in)
	if err != nil {
		return shortError(err, short)
	}
	similar, err := h.store.SimilarClaims(ctx, created.Text, created.ID, apiMaxSimilar)
	if err != nil {
		// The claim is saved; a failed hint must not make the client retry
		// and log it twice.
		h.log.ErrorContext(ctx, "similar claims", "request_id", requestIDOf(c), "claim_id", created.ID, "err", err)
	}
	if similar == nil {
		similar = []models.Similar{}
	}
	claim, err := h.store.GetClaim(ctx, created.ID)
	if err != nil {
		return err
	}
	setETag(c, claimETag(claim))
	return writeJSON(c, http.StatusCreated, claimCreatedJSON{claimJSON: h.newClaimJSON(claim), Similar: similar})
}
