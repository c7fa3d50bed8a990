package handlers

import (
	"errors"
	"maps"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// deskClaimDelete deletes a draft claim for good, when its author or an
// admin ticks the form's confirmation box. The form carries the revision
// of the claim the page showed: when someone changed the claim since,
// nothing is deleted and the page comes back (409) showing it as it is
// now. An unticked box comes back as the box's error (422). Success goes
// to the list of claims with a confirmation.
func (h *Handler) deskClaimDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "revision", "confirm")
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	if err := confirmed(f); err != nil {
		maps.Copy(f.Errors, formErrors(c, err))
		return h.renderClaimDesk(c, http.StatusUnprocessableEntity, id, pages.ClaimForms{Delete: f})
	}
	err = h.store.DeleteClaim(c.Request().Context(), currentUser(c), meta(c), id, revision)
	var stale *models.StaleError
	if errors.As(err, &stale) {
		refused := views.Form{Error: localeOf(c).T("desk.error.claim_deleted_stale")}
		return h.renderClaimDesk(c, http.StatusConflict, id, pages.ClaimForms{Delete: refused})
	}
	if err != nil {
		return err
	}
	return seeOther(c, "/desk/claims?done=claim-deleted")
}

// confirmed checks a deletion form's confirmation box ("confirm", a
// components.Checkbox): a *models.ValidationError naming it when it was
// not ticked.
func confirmed(f views.Form) error {
	if f.Get("confirm") != "true" {
		return models.Invalid("confirm", models.NewReason("reasons.confirm_delete", "must be ticked: a deletion cannot be undone"))
	}
	return nil
}
