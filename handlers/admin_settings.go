package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// settingsFields are the fields of the settings form.
var settingsFields = []string{"organization_name", "organization_url", "time_zone", "corrections_policy", "require_admin_two_factor"}

// adminSettings shows the site settings form.
func (h *Handler) adminSettings(c echo.Context) error {
	st, err := h.store.Settings(c.Request().Context())
	if err != nil {
		return err
	}
	f := views.Form{Values: map[string]string{
		"organization_name": st.OrganizationName, "organization_url": st.OrganizationURL, "corrections_policy": st.CorrectionsPolicy,
		"time_zone":                st.TimeZone,
		"require_admin_two_factor": strconv.FormatBool(st.RequireAdminTwoFactor),
	}}
	p := page(c, "Site settings")
	p.Flash = flashMessage(c.QueryParam("done"))
	return render(c, http.StatusOK, pages.AdminSettings(p, f))
}

// adminSettingsUpdate saves the site settings.
func (h *Handler) adminSettingsUpdate(c echo.Context) error {
	f, err := parseForm(c, settingsFields...)
	if err != nil {
		return err
	}
	_, err = h.store.UpdateSettings(c.Request().Context(), currentUser(c), meta(c), models.SiteSettings{
		OrganizationName: f.Get("organization_name"), OrganizationURL: f.Get("organization_url"), CorrectionsPolicy: f.Get("corrections_policy"),
		TimeZone:              f.Get("time_zone"),
		RequireAdminTwoFactor: f.Get("require_admin_two_factor") == "true",
	})
	if fe := models.FieldErrors(err); fe != nil {
		f.Errors = fe
		return render(c, http.StatusUnprocessableEntity, pages.AdminSettings(page(c, "Site settings"), f))
	}
	if err != nil {
		return err
	}
	return seeOther(c, "/admin/settings?done=settings")
}
