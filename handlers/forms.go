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
		return views.Form{}, echo.NewHTTPError(http.StatusUnsupportedMediaType, "Send the form as application/x-www-form-urlencoded.")
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
		return views.Form{}, echo.NewHTTPError(http.StatusBadRequest, "The form could not be read.")
	}
	f := views.Form{Values: make(map[string]string, len(allowed)), Errors: map[string]string{}}
	bad := map[string]string{}
	for _, name := range allowed {
		kind := fieldKind(name)
		v, err := input.Clean(r.PostForm.Get(name), kind)
		if err != nil {
			bad[name] = err.Error()
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
