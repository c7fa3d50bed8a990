package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/input"
	"claimtracker/models"
	"claimtracker/views"
)

// parseForm reads a form body and returns only the allowed fields, trimmed
// (all but passwords), after the input policy (fieldKind): a field that
// breaks it makes the whole form a *models.ValidationError naming each such
// field (422), before anything reads the values.
// A body over the size limit is an error (413), never a truncated form.
func parseForm(c echo.Context, allowed ...string) (views.Form, error) {
	r := c.Request()
	ct := r.Header.Get(echo.HeaderContentType)
	if !strings.HasPrefix(ct, echo.MIMEApplicationForm) && !strings.HasPrefix(ct, echo.MIMEMultipartForm) {
		return views.Form{}, echo.NewHTTPError(http.StatusUnsupportedMediaType,
			models.NewReason("admin.error.form_type", "Send the form as application/x-www-form-urlencoded."))
	}
	var err error
	if strings.HasPrefix(ct, echo.MIMEMultipartForm) {
		err = r.ParseMultipartForm(MaxBodyBytes)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return views.Form{}, err
		}
		return views.Form{}, echo.NewHTTPError(http.StatusBadRequest, models.NewReason("admin.error.form_unreadable", "The form could not be read."))
	}
	f := views.Form{Values: make(map[string]string, len(allowed)), Errors: map[string]string{}}
	bad := map[string]models.Reason{}
	for _, name := range allowed {
		kind := fieldKind(name)
		v, err := input.Clean(r.PostForm.Get(name), kind)
		if err != nil {
			bad[name] = models.InputReason(err)
			continue
		}
		if kind != input.Exact { // passwords are taken exactly as typed
			v = strings.TrimSpace(v)
		}
		f.Values[name] = v
	}
	if len(bad) > 0 {
		return f, &models.ValidationError{Fields: bad}
	}
	return f, nil
}

// safeNext returns a local path to go to after login, or fallback when next
// could send the user to another site.
func safeNext(next, fallback string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return fallback
	}
	u, err := url.Parse(next)
	if err != nil || u.Host != "" || u.Scheme != "" {
		return fallback
	}
	return next
}

// formErrors is the one place where a refusal becomes a form's errors:
// each refused field of err (a *models.ValidationError) with its reason in
// the request's language; nil when err refuses no field. The JSON API
// gives the same reasons in English (classify).
func formErrors(c echo.Context, err error) map[string]string {
	reasons := models.FieldReasons(err)
	if reasons == nil {
		return nil
	}
	return views.ReasonsText(c.Request().Context(), reasons)
}

// reasonText writes a reason in the request's language.
func reasonText(c echo.Context, r models.Reason) string {
	return views.ReasonText(c.Request().Context(), r)
}
