package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
)

// accountEmail turns the signed-in user's e-mail notifications on
// (email_notifications=true, as the ticked box sends it) or off (the
// field absent, as an unticked box leaves it). Turning them on where this
// site has no mail set up is refused (422) on the account page.
func (h *Handler) accountEmail(c echo.Context) error {
	f, err := parseForm(c, "email_notifications")
	if err != nil {
		return err
	}
	on := f.Get("email_notifications") == "true"
	_, err = h.store.SetEmailNotifications(c.Request().Context(), currentUser(c), meta(c), on)
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderAccountView(c, http.StatusUnprocessableEntity, h.accountView(c, views.Form{}, f))
	}
	if err != nil {
		return err
	}
	if on {
		return seeOther(c, "/account?done=email-on#email")
	}
	return seeOther(c, "/account?done=email-off#email")
}
