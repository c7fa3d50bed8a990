package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// adminUserUpdate changes an account's role, or disables or enables it.
func (h *Handler) adminUserUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "role", "disabled")
	if err != nil {
		return err
	}
	var ch models.UserChange
	if r := f.Get("role"); r != "" {
		role := models.Role(r)
		ch.Role = &role
	}
	switch f.Get("disabled") {
	case "true":
		yes := true
		ch.Disabled = &yes
	case "false":
		no := false
		ch.Disabled = &no
	case "":
	default:
		f.Errors["disabled"] = reasonText(c, reasonTrueOrFalse)
	}
	if ch.Role == nil && ch.Disabled == nil && len(f.Errors) == 0 {
		f.Errors["role"] = reasonText(c, models.NewReason("reasons.role_or_disabled", "or disabled is required"))
	}
	if len(f.Errors) == 0 {
		_, err = h.store.UpdateUser(c.Request().Context(), currentUser(c), meta(c), id, ch)
		if fe := formErrors(c, err); fe != nil {
			f.Errors = fe
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		return h.renderAdminUser(c, http.StatusUnprocessableEntity, id, f, "")
	}
	return seeOther(c, "/admin/users/"+strconv.FormatUint(uint64(id), 10)+"?done=updated")
}
