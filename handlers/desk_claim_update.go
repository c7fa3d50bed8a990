package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// claimUpdateFields are the fields of the claim edit form: the claim's, and
// the revision the form was made from.
var claimUpdateFields = append(claimFormFields(claimEditFields), "revision")

// deskClaimUpdate saves the edit of a claim not yet sent to review (a
// draft, or being researched), with its assignee, due day and priority. When someone saved the
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
	assignee, due, priority := formTriage(f, func(r models.Reason) string { return reasonText(c, r) })
	if len(f.Errors) > 0 {
		cl, err := h.store.GetClaim(ctx, id)
		if err != nil {
			return err
		}
		return h.renderClaimEdit(c, http.StatusUnprocessableEntity, cl, f, rows)
	}
	_, err = h.store.UpdateClaim(ctx, currentUser(c), meta(c), id, models.ClaimPatch{
		Text: new(f.Get("text")), Summary: new(f.Get("summary")), Speaker: new(f.Get("speaker")),
		SpeakerKind: new(models.PersonKind(f.Get("speaker_kind"))), SaidAt: new(f.Get("said_at")),
		Setting: new(f.Get("setting")), Appearances: &appearances, Tags: new(splitTags(f.Get("tags"))),
		Language: new(f.Get("language")), Revision: revision,
		AssigneeID: assignee, DueOn: due, Priority: priority,
	})
	var stale *models.StaleError
	if errors.As(err, &stale) {
		cl, err := h.store.GetClaim(ctx, id)
		if err != nil {
			return err
		}
		if !cl.Status.BeforeReview() {
			return fmt.Errorf("edit claim %d: it is %s now: %w", id, cl.Status, models.ErrConflict)
		}
		colleagues, err := h.colleaguesFor(ctx, cl)
		if err != nil {
			return err
		}
		f.Values["appearances"] = appearancesText(appearances)
		st := staleForm(&f, localeOf(c).T("desk.error.claim_saved_stale"),
			"claim", "revision", stale.Sent, cl.Revision, claimStaleFields(ctx, colleagues), claimFormValues(cl))
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
		if !cl.Status.BeforeReview() {
			f.Error = localeOf(c).T("desk.error.claim_not_draft", "Status", strings.ToLower(components.ClaimStatusLabel(ctx, cl.Status)))
			return h.renderClaimEdit(c, http.StatusConflict, cl, f, rows)
		}
	}
	if fe := formErrors(c, err); fe != nil {
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
