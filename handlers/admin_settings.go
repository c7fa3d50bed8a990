package handlers

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// settingsFields are the fields of the settings form.
var settingsFields = []string{"organization_name", "organization_url", "time_zone", "language", "corrections_policy", "require_admin_two_factor"}

// adminSettings shows the site settings form.
func (h *Handler) adminSettings(c echo.Context) error {
	st, err := h.store.Settings(c.Request().Context())
	if err != nil {
		return err
	}
	f := views.Form{Values: settingsFormValues(st)}
	f.Values["revision"] = strconv.Itoa(st.Revision)
	p := page(c, views.T(c.Request().Context(), "admin.settings.title"))
	p.Flash = flash(c)
	return render(c, http.StatusOK, pages.AdminSettings(p, f))
}

// adminSettingsUpdate saves the site settings. When someone saved them
// after the form was made, nothing is saved: the form comes back (409) with
// the user's input beside the settings as saved now.
func (h *Handler) adminSettingsUpdate(c echo.Context) error {
	f, err := parseForm(c, append(slices.Clone(settingsFields), "revision")...)
	if err != nil {
		return err
	}
	revision, err := formRevision(f, "revision")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	_, err = h.store.UpdateSettings(ctx, currentUser(c), meta(c), models.SiteSettings{
		OrganizationName: f.Get("organization_name"), OrganizationURL: f.Get("organization_url"), CorrectionsPolicy: f.Get("corrections_policy"),
		TimeZone:              f.Get("time_zone"),
		Language:              f.Get("language"),
		RequireAdminTwoFactor: f.Get("require_admin_two_factor") == "true",
		Revision:              revision,
	})
	var stale *models.StaleError
	if errors.As(err, &stale) {
		return h.staleSettings(c, f, stale.Sent)
	}
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return render(c, http.StatusUnprocessableEntity, pages.AdminSettings(page(c, views.T(ctx, "admin.settings.title")), f))
	}
	if err != nil {
		return err
	}
	return seeOther(c, "/admin/settings?done=settings")
}

// settingsFormValues are the settings as their form shows them.
func settingsFormValues(st models.SiteSettings) map[string]string {
	return map[string]string{
		"organization_name": st.OrganizationName, "organization_url": st.OrganizationURL, "corrections_policy": st.CorrectionsPolicy,
		"time_zone":                st.TimeZone,
		"language":                 st.Language,
		"require_admin_two_factor": strconv.FormatBool(st.RequireAdminTwoFactor),
	}
}

// settingsStaleFields are the settings form's fields as a stale save
// compares them, named in the request's language.
func settingsStaleFields(ctx context.Context) []staleField {
	return []staleField{
		{name: "organization_name", label: views.T(ctx, "admin.settings.newsroom_name")},
		{name: "organization_url", label: views.T(ctx, "admin.settings.newsroom_url")},
		{name: "corrections_policy", label: views.T(ctx, "admin.settings.corrections_policy")},
		{name: "time_zone", label: views.T(ctx, "admin.settings.time_zone")},
		{name: "language", label: views.T(ctx, "admin.settings.language"), show: i18n.Name},
		{name: "require_admin_two_factor", label: views.T(ctx, "admin.settings.require_two_factor"), show: yesNo(ctx)},
	}
}

// staleSettings shows the settings form f, made from revision sent, again
// (409) with what is saved now beside what was typed.
func (h *Handler) staleSettings(c echo.Context, f views.Form, sent int) error {
	ctx := c.Request().Context()
	cur, err := h.store.Settings(ctx)
	if err != nil {
		return err
	}
	st := staleForm(&f, views.T(ctx, "admin.settings.stale_lead"),
		"settings", "revision", sent, cur.Revision, settingsStaleFields(ctx), settingsFormValues(cur))
	st.SavedBy, st.SavedAt, err = h.lastSaved(ctx, models.AuditQuery{ObjectType: "settings", Action: "settings.update"})
	if err != nil {
		return err
	}
	return render(c, http.StatusConflict, pages.AdminSettings(page(c, views.T(ctx, "admin.settings.title")), f))
}
