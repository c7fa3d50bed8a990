package handlers

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// sourceUpdateFields are the fields of the source edit form: the source's,
// and the revision the form was made from.
var sourceUpdateFields = append(slices.Clone(sourceFields), "revision")

// deskSourceUpdate saves the edit of a source of a claim not yet published,
// and attaches the file chosen in the form, if any, checked first as
// deskSourceCreate does (413, or 422 beside the file field).
// A claim published meanwhile brings the form back (409) with what was
// typed and the reason, before any file is checked.
// When someone saved the source after the form was made, nothing is saved:
// the form comes back (409) with the user's input beside the source as
// saved now, ready to replace it if the user saves again.
func (h *Handler) deskSourceUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, sourceUpdateFields...)
	if err != nil {
		return h.uploadErr(err)
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	// A published claim's sources are fixed, whatever file came with the
	// form: that is said first (the conflict below).
	var file *models.PreparedFile
	if err = h.sourcesOpen(ctx, id); err == nil {
		file, err = h.prepareFormFile(c, f)
	}
	if err == nil {
		in := sourceInput(f)
		in.Revision, in.File = revision, file
		_, err = h.store.UpdateSource(ctx, currentUser(c), meta(c), id, in)
		if err != nil {
			keepFileNote(localeOf(c), f, file)
		}
	}
	var src *models.Source
	if err == nil {
		src, err = h.store.GetSource(ctx, id)
	}
	done := "source-updated#sources"
	if file != nil {
		done = "source-updated-file#sources"
	}
	var stale *models.StaleError
	if errors.As(err, &stale) {
		cur, err := h.store.GetSource(ctx, id)
		if err != nil {
			return err
		}
		st := staleForm(&f, localeOf(c).T("desk.error.source_saved_stale"),
			"source", "revision", stale.Sent, cur.Revision, sourceStaleFields(ctx), sourceFormValues(cur))
		st.SavedAt = cur.UpdatedAt
		return h.renderSourceEdit(c, http.StatusConflict, cur, f)
	}
	if errors.Is(err, models.ErrConflict) {
		// The claim was published after the form was made: its sources
		// no longer change, but what was typed stays on the page.
		cur, gerr := h.store.GetSource(ctx, id)
		if gerr != nil {
			return gerr
		}
		cl, gerr := h.store.GetClaim(ctx, cur.ClaimID)
		if gerr != nil {
			return gerr
		}
		if cl.Status == models.ClaimPublished || cl.Status == models.ClaimRetracted {
			f.Error = localeOf(c).T("desk.error.source_published", "Status", strings.ToLower(components.ClaimStatusLabel(ctx, cl.Status)))
			return render(c, http.StatusConflict, pages.DeskSourceEdit(page(c, localeOf(c).T("desk.source.title")), cl, cur, f, h.store.MaxFileBytes()))
		}
	}
	if fe := formErrors(c, err); fe != nil {
		old, gerr := h.store.GetSource(ctx, id)
		if gerr != nil {
			return gerr
		}
		f.Errors = fe
		return h.renderSourceEdit(c, http.StatusUnprocessableEntity, old, f)
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(src.ClaimID)+"?done="+done)
}
