package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// noteJSON is one note of a claim's internal discussion.
type noteJSON struct {
	ID      uint `json:"id"`
	ClaimID uint `json:"claim_id"`
	// AuthorID and Author are who wrote it (id and display name), null
	// once that account is gone.
	AuthorID *uint   `json:"author_id"`
	Author   *string `json:"author"`
	// Body is the note as written, in Markdown.
	Body string `json:"body"`
	// Mentions are the colleagues the body names with @handle.
	Mentions  []mentionJSON `json:"mentions"`
	CreatedAt string        `json:"created_at"`
}

// mentionJSON is one colleague a note mentions: their id, the handle the
// note used, and their display name.
type mentionJSON struct {
	UserID uint   `json:"user_id"`
	Handle string `json:"handle"`
	Name   string `json:"name"`
}

// newNoteJSON converts a note loaded with its author and mentions.
func newNoteJSON(n *models.Note) noteJSON {
	j := noteJSON{ID: n.ID, ClaimID: n.ClaimID, AuthorID: n.AuthorID, Body: n.Body, CreatedAt: stampJSON(n.CreatedAt),
		Mentions: jsonList(n.Mentions, func(m *models.NoteMention) mentionJSON {
			out := mentionJSON{UserID: m.UserID, Handle: m.Handle}
			if m.User != nil {
				out.Name = m.User.Name
			}
			return out
		})}
	if n.Author != nil {
		j.Author = &n.Author.Name
	}
	return j
}

// noteListJSON is a claim's notes, oldest first.
type noteListJSON struct {
	Notes []noteJSON `json:"notes"`
}

// apiNoteList answers with a claim's notes, oldest first, whatever the
// claim's status; 404 when there is no such claim.
func (h *Handler) apiNoteList(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	notes, err := h.store.ClaimNotes(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, noteListJSON{Notes: jsonList(notes, newNoteJSON)})
}
