package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiNoteCreateRequest is the body of POST /api/v1/claims/{id}/notes.
type apiNoteCreateRequest struct {
	Body *string `json:"body" input:"multiline"`
}

// apiNoteCreate adds a note to a claim's discussion and answers 201 with
// it. The body is required, Markdown of at most models.MaxNoteBody
// characters (422 otherwise; a request over the size limit is a 413);
// @handle mentions a colleague (see models.AddNote).
func (h *Handler) apiNoteCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req apiNoteCreateRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	n, err := h.store.AddNote(c.Request().Context(), currentUser(c), meta(c), id, models.NoteInput{Body: sentOr(req.Body, "")})
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusCreated, newNoteJSON(n))
}
