package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// accountLanguage sets the interface language the user reads the desk in:
// one of the interface languages, or "" to follow the site's choice (the
// browser's, then the site's language). The next page is in it: it
// becomes this browser's choice too (the lang cookie), and other browsers'
// where their reader has chosen none. Another value is refused (422) on the account page.
func (h *Handler) accountLanguage(c echo.Context) error {
	f, err := parseForm(c, "language")
	if err != nil {
		return err
	}
	u, err := h.store.SetLanguage(c.Request().Context(), currentUser(c), meta(c), f.Get("language"))
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return h.renderAccount(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	// This browser's last choice was the switcher's; now it is this one.
	h.rememberLanguage(c, u.Language)
	return seeOther(c, "/account?done=language#language")
}
