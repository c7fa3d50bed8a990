package handlers

import (
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/input"
	"claimtracker/models"
)

// Every text a request brings passes the input policy (package input) where
// it is decoded: path and query parameters in cleanParams, form fields in
// parseForm, JSON members in decodeJSON. Form fields and query parameters
// are single lines unless their name says otherwise here; JSON members are
// single lines unless their struct field is tagged `input:"multiline"` or
// `input:"exact"`.

// fieldKind is the input kind of a form field or query parameter (see
// input.FieldKind). Passwords (any field whose name holds "password":
// current, new, ...) are taken byte for byte, without trimming or
// normalising: they are only checked.
func fieldKind(name string) input.Kind {
	if strings.Contains(name, "password") {
		return input.Exact
	}
	return input.FieldKind(name)
}

// cleanParams applies the input policy to the path parameters, where a bad
// value means there is nothing at this address (404), and to the query
// parameters, where it is refused with 422 naming the parameter. What passes
// is what handlers read, normalised.
func (h *Handler) cleanParams(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if names := c.ParamNames(); len(names) > 0 {
			values := append([]string(nil), c.ParamValues()...)
			for i := range values {
				v := values[i]
				if c.Request().URL.RawPath != "" {
					// The router matched the path as it came, still
					// percent-encoded (it does when the encoding is not
					// Go's own, e.g. "%d0%bf" in lower case): the value
					// is decoded here, as it is for every other request.
					var err error
					if v, err = url.PathUnescape(v); err != nil {
						return models.ErrNotFound
					}
				}
				v, err := input.Line(v)
				if err != nil {
					return models.ErrNotFound
				}
				values[i] = v
			}
			c.SetParamValues(values...)
		}
		r := c.Request()
		if r.URL.RawQuery == "" {
			return next(c)
		}
		// Query() drops pairs that are not valid URL encoding, as every
		// handler's reading of the query does.
		q, changed := r.URL.Query(), false
		bad := map[string]models.Reason{}
		for name, values := range q {
			if len(bad) == maxFieldErrors {
				break
			}
			if err := input.Check(name, input.SingleLine); err != nil {
				bad["query"] = models.NewReason("reasons.query_name", "names a parameter that {{.Reason}}", "Reason", models.InputReason(err))
				continue
			}
			for i, v := range values {
				clean, err := input.Clean(v, fieldKind(name))
				if err != nil {
					bad[name] = models.InputReason(err)
					break
				}
				if clean != v {
					values[i], changed = clean, true
				}
			}
		}
		if len(bad) > 0 {
			return &models.ValidationError{Fields: bad}
		}
		if changed {
			// Handlers read the query afresh from RawQuery; nothing has read it yet.
			r.URL.RawQuery = q.Encode()
		}
		return next(c)
	}
}
