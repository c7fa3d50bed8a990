package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiClaimFields are the fields of a claim an editor writes, in the bodies of
// POST /api/v1/claims and PATCH /api/v1/claims/{id}.
type apiClaimFields struct {
	Text          *string            `json:"text" input:"multiline"`
	Summary       *string            `json:"summary"`
	Speaker       *string            `json:"speaker"`
	SpeakerKind   *models.PersonKind `json:"speaker_kind"`
	SaidAt        *string            `json:"said_at"`
	Setting       *string            `json:"setting"`
	AppearanceURL *string            `json:"appearance_url"`
	Tags          *[]string          `json:"tags"`
}

// patch keeps the fields that were sent.
func (f apiClaimFields) patch() models.ClaimPatch {
	return models.ClaimPatch{Text: f.Text, Summary: f.Summary, Speaker: f.Speaker, SpeakerKind: f.SpeakerKind,
		SaidAt: f.SaidAt, Setting: f.Setting, AppearanceURL: f.AppearanceURL, Tags: f.Tags}
}

// apiClaimCreateRequest is the body of POST /api/v1/claims: a claim's fields
// and, once only, the article it was found in.
type apiClaimCreateRequest struct {
	apiClaimFields
	ArticleID *uint32 `json:"article_id"`
}

// input is the new claim; fields left out are empty.
func (r apiClaimCreateRequest) input() models.ClaimInput {
	in := models.ClaimInput{
		Text: sentOr(r.Text, ""), Summary: sentOr(r.Summary, ""), Speaker: sentOr(r.Speaker, ""),
		SpeakerKind: sentOr(r.SpeakerKind, ""), SaidAt: sentOr(r.SaidAt, ""), Setting: sentOr(r.Setting, ""),
		AppearanceURL: sentOr(r.AppearanceURL, ""), Tags: sentOr(r.Tags, nil),
	}
	if r.ArticleID != nil {
		id := uint(*r.ArticleID)
		in.ArticleID = &id
	}
	return in
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
	ctx := c.Request().Context()
	created, err := h.store.CreateClaim(ctx, currentUser(c), meta(c), req.input())
	if err != nil {
		return err
	}
	similar, err := h.store.SimilarClaims(ctx, created.Text+" "+created.Summary, created.ID, apiMaxSimilar)
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
	return writeJSON(c, http.StatusCreated, claimCreatedJSON{claimJSON: newClaimJSON(claim), Similar: similar})
}
