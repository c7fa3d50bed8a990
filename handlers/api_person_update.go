package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiPersonRequest is the body of PATCH /api/v1/people/{id}; fields left
// out keep their value.
type apiPersonRequest struct {
	Name        *string `json:"name"`
	Kind        *string `json:"kind"`
	Title       *string `json:"title"`
	Affiliation *string `json:"affiliation"`
	Description *string `json:"description" input:"multiline"`
}

// over returns base with the fields that were sent put over it.
func (r apiPersonRequest) over(base models.PersonInput) models.PersonInput {
	return models.PersonInput{Name: sentOr(r.Name, base.Name), Kind: models.PersonKind(sentOr(r.Kind, string(base.Kind))),
		Title: sentOr(r.Title, base.Title), Affiliation: sentOr(r.Affiliation, base.Affiliation), Description: sentOr(r.Description, base.Description)}
}

// apiPersonUpdate changes the fields sent of one speaker. A new name that
// makes another slug moves the public page; the old address redirects.
// Editors and above. With If-Match, the speaker changes only while their
// ETag is one of those listed (412 otherwise). Without, the fields sent
// are put over the speaker as they are; should someone save them
// meanwhile, they are put over that save.
func (h *Handler) apiPersonUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cond, err := parseIfMatch(c.Request().Header)
	if err != nil {
		return err
	}
	var req apiPersonRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request().Context()
	for attempt := 1; ; attempt++ {
		old, err := h.store.PersonByID(ctx, id)
		if err != nil {
			return err
		}
		in := req.over(models.PersonInput{Name: old.Name, Kind: old.Kind, Title: old.Title, Affiliation: old.Affiliation, Description: old.Description})
		in.Revision = cond.expect(personETag(old), old.Revision, true)
		_, err = h.store.UpdatePerson(ctx, currentUser(c), meta(c), id, in)
		if cond.retryMerge(err, attempt) {
			continue
		}
		if err != nil {
			return cond.preconditioned(err, "revision", func(rev int) string { return objectETag("person", id, rev) })
		}
		return h.writePersonJSON(c, http.StatusOK, id)
	}
}
