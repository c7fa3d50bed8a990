package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// claimUpdateFields are the fields of the claim edit form: the claim's, and
// the revision the form was made from.
var claimUpdateFields = append(slices.Clone(claimEditFields), "revision")

// deskClaimUpdate saves the edit of a draft claim. When someone saved the
// claim after the form was made, nothing is saved: the form comes back
// (409) with the user's input beside the claim as saved now, ready to
// replace it if the user saves again. Asked for another appearance row, it
// shows the form again with one, saving nothing.
func (h *Handler) deskClaimUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, claimUpdateFields...)
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	rows := postedRows(f)
	if f.Get("add_appearance") != "" {
		cl, err := h.store.GetClaim(ctx, id)
		if err != nil {
			return err
		}
		return h.renderClaimEdit(c, http.StatusOK, cl, f, rows)
	}
	appearances, rowOf := formAppearances(f)
	_, err = h.store.UpdateClaim(ctx, currentUser(c), meta(c), id, models.ClaimPatch{
		Text: new(f.Get("text")), Summary: new(f.Get("summary")), Speaker: new(f.Get("speaker")),
		SpeakerKind: new(models.PersonKind(f.Get("speaker_kind"))), SaidAt: new(f.Get("said_at")),
		Setting: new(f.Get("setting")), Appearances: &appearances, Tags: new(splitTags(f.Get("tags"))),
		Language: new(f.Get("language")), Revision: revision,
	})
	var stale *models.StaleError
	if errors.As(err, &stale) {
		cl, err := h.store.GetClaim(ctx, id)
		if err != nil {
			return err
		}
		if cl.Status != models.ClaimDraft {
			return fmt.Errorf("edit claim %d: it is %s now: %w", id, cl.Status, models.ErrConflict)
		}
		f.Values["appearances"] = appearancesText(appearances)
		st := staleForm(&f, "Someone else saved this claim after you opened the form, so your changes were not saved.",
			"claim", "revision", stale.Sent, cl.Revision, claimStaleFields, claimFormValues(cl))
		st.SavedBy, st.SavedAt, err = h.lastSaved(ctx, models.AuditQuery{ObjectType: "claim", ObjectID: id, Action: "claim.update"})
		if err != nil {
			return err
		}
		return h.renderClaimEdit(c, http.StatusConflict, cl, f, rows)
	}
	if errors.Is(err, models.ErrConflict) {
		// The claim left draft after the form was made: nothing can be
		// saved, but what was typed stays on the page.
		cl, gerr := h.store.GetClaim(ctx, id)
		if gerr != nil {
			return gerr
		}
		if cl.Status != models.ClaimDraft {
			f.Error = fmt.Sprintf("This claim is %s now: it changed after you opened the form, and only drafts can be edited, so your changes were not saved. "+
				"What you typed is kept below for you to copy; the claim now changes through its verdict.", strings.ToLower(components.ClaimStatusLabel(cl.Status)))
			return h.renderClaimEdit(c, http.StatusConflict, cl, f, rows)
		}
	}
	if fe := models.FieldErrors(err); fe != nil {
		cl, gerr := h.store.GetClaim(ctx, id)
		if gerr != nil {
			return gerr
		}
		f.Errors = rowErrors(fe, rowOf)
		return h.renderClaimEdit(c, http.StatusUnprocessableEntity, cl, f, rows)
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ClaimPath(id)+"?done=claim-updated")
}
