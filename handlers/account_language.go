package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// accountLanguage sets the interface language the user reads the desk in:
// one of the interface languages, or "" to follow the site's choice (the
// language switcher, the browser's, then the site's language). The next
// page is in it. Another value is refused (422) on the account page.
func (h *Handler) accountLanguage(c echo.Context) error {
	f, err := parseForm(c, "language")
	if err != nil {
		return err
	}
	_, err = h.store.SetLanguage(c.Request().Context(), currentUser(c), meta(c), f.Get("language"))
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderAccount(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	return seeOther(c, "/account?done=language#language")
}
