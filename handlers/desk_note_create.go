package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// deskNoteCreate adds a note to a claim's discussion and goes back to the
// claim's notes; a refused note comes back beside the field (422) with
// what was typed.
func (h *Handler) deskNoteCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "body")
	if err != nil {
		return err
	}
	_, err = h.store.AddNote(c.Request().Context(), currentUser(c), meta(c), id, models.NoteInput{Body: f.Get("body")})
	return h.finishClaimForm(c, id, err, f.Errors, pages.ClaimForms{Note: f}, "note-added#notes")
}
