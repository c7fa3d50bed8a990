package handlers

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/fetcher"
	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// apiError is the body of every JSON API error.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
	// Reason is why an outside page could not be fetched (a
	// fetcher.Reason, e.g. "refused address"); only with such a 422.
	Reason string `json:"reason,omitempty"`
	// Existing are the articles already logged at the address of an
	// article refused as a duplicate (409 duplicate), oldest first.
	Existing []existingArticleJSON `json:"existing,omitempty"`
}

// existingArticleJSON is an article already logged at the address of one
// refused as a duplicate: its id, address, headline, when it was logged
// and its page on the desk.
type existingArticleJSON struct {
	ID        uint   `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	CreatedAt string `json:"created_at"`
	DeskURL   string `json:"desk_url"`
}

// existingArticles lists the articles that err (a
// *models.DuplicateArticleError) names, or nil for any other error.
func (h *Handler) existingArticles(err error) []existingArticleJSON {
	var dup *models.DuplicateArticleError
	if !errors.As(err, &dup) {
		return nil
	}
	out := make([]existingArticleJSON, len(dup.Existing))
	for i, a := range dup.Existing {
		out[i] = existingArticleJSON{ID: a.ID, URL: a.URL, Title: a.Title, CreatedAt: stampJSON(a.CreatedAt),
			DeskURL: h.absURL(components.ArticlePath(a.ID))}
	}
	return out
}

// problem is what an error means to the client.
type problem struct {
	status  int
	code    string
	title   string
	message string
	fields  map[string]string
	// reason is why an outside page could not be fetched (a
	// fetcher.Reason), for the API's error body; "" for other errors.
	reason string
}

// classify maps an error to the status, code and words the client sees.
// Unknown errors are internal: the client learns nothing of them.
func classify(err error) problem {
	var he *echo.HTTPError
	var mbe *http.MaxBytesError
	var stale *models.StaleError
	var pf *preconditionFailed
	var ce *models.ConflictError
	var fe *fetcher.Error
	var dup *models.DuplicateArticleError
	var tl *models.TooLargeError
	switch {
	case errors.As(err, &tl):
		return problem{http.StatusRequestEntityTooLarge, "too_large", "Too large", tl.Error(), nil, ""}
	case errors.As(err, &fe):
		// The URL the client gave could not be fetched: its field says why.
		return problem{http.StatusUnprocessableEntity, "invalid", "Could not fetch the page",
			"The page at url could not be fetched (" + string(fe.Reason) + ").", map[string]string{"url": fe.Message}, string(fe.Reason)}
	case errors.As(err, &pf):
		return problem{http.StatusPreconditionFailed, "stale", "Changed meanwhile",
			fmt.Sprintf("If-Match does not name the current ETag: it is %s now (%s %d). Nothing was changed. Read it again, then try again.", pf.tag, pf.counter, pf.current), nil, ""}
	case errors.As(err, &dup):
		return problem{http.StatusConflict, "duplicate", "Already logged",
			"An article at this address is already logged. Nothing was saved.", nil, ""}
	case errors.As(err, &stale):
		return problem{http.StatusConflict, "stale", "Changed meanwhile",
			fmt.Sprintf("It changed since you read it: it is at version %d now, not %d. Read it again, then try again.", stale.Current, stale.Sent), nil, ""}
	case errors.As(err, &mbe):
		return problem{http.StatusRequestEntityTooLarge, "too_large", "Too large", "The request is larger than 1 MiB.", nil, ""}
	case errors.Is(err, models.ErrNotFound):
		return problem{http.StatusNotFound, "not_found", "Not found", "There is nothing at this address.", nil, ""}
	case errors.Is(err, models.ErrForbidden):
		return problem{http.StatusForbidden, "forbidden", "Not allowed", "Your account may not do this.", nil, ""}
	case errors.As(err, &ce):
		return problem{http.StatusConflict, "conflict", "Not possible now", ce.Reason, nil, ""}
	case errors.Is(err, models.ErrConflict):
		return problem{http.StatusConflict, "conflict", "Not possible now", "This cannot be changed in its current state.", nil, ""}
	case errors.Is(err, models.ErrThrottled):
		return problem{http.StatusTooManyRequests, "too_many_requests", "Too many attempts", "Too many failed sign-ins. Please wait before trying again.", nil, ""}
	case errors.Is(err, models.ErrBusy):
		return problem{http.StatusServiceUnavailable, "busy", "Busy", "The server is busy. Please try again in a moment.", nil, ""}
	case errors.Is(err, models.ErrUnauthenticated):
		return problem{http.StatusUnauthorized, "unauthorized", "Sign in needed", "A valid API token or session is required.", nil, ""}
	case models.FieldErrors(err) != nil:
		return problem{http.StatusUnprocessableEntity, "invalid", "Invalid input", "Some fields are invalid.", models.FieldErrors(err), ""}
	case errors.As(err, &he):
		p := problem{status: he.Code, code: strings.ReplaceAll(strings.ToLower(http.StatusText(he.Code)), " ", "_"), title: http.StatusText(he.Code)}
		if msg, ok := he.Message.(string); ok && he.Code < 500 {
			p.message = msg
		}
		switch he.Code {
		case http.StatusNotFound:
			p.code, p.title, p.message = "not_found", "Not found", "There is nothing at this address."
		case http.StatusMethodNotAllowed:
			p.message = "This address does not accept that method."
		case http.StatusRequestEntityTooLarge:
			p.code, p.title = "too_large", "Too large"
		case http.StatusForbidden:
			p.code, p.title = "forbidden", "Not allowed"
		}
		if he.Code >= 500 {
			p.code, p.title, p.message = "internal", "Something went wrong", "The error has been logged."
		}
		return p
	}
	return problem{http.StatusInternalServerError, "internal", "Something went wrong", "The error has been logged. Please try again later.", nil, ""}
}

// fieldList names each refused field and why, for an error page: pages
// that keep a form show these next to its fields instead.
func fieldList(fields map[string]string) string {
	if len(fields) == 0 {
		return ""
	}
	parts := make([]string, 0, len(fields))
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		parts = append(parts, name+" "+fields[name])
	}
	return " " + strings.Join(parts, "; ") + "."
}

// isAPI reports whether the request expects JSON.
func isAPI(c echo.Context) bool {
	return strings.HasPrefix(c.Request().URL.Path, "/api/")
}

// handleError is the one error handler: it logs internal errors with the
// request id and answers JSON to the API and an error page to browsers.
func (h *Handler) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	p := classify(err)
	if p.code == "internal" {
		h.log.ErrorContext(c.Request().Context(), "internal error", "request_id", requestIDOf(c), "path", c.Request().URL.Path, "err", err)
	}
	if p.status == http.StatusUnauthorized {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="claimtracker"`)
	}
	if wait, ok := models.RetryAfter(err); ok {
		setRetryAfter(c, wait)
	}
	// A HEAD gets the headers of the GET's answer, error or not; the
	// server drops the body.
	var werr error
	switch {
	case isAPI(c):
		body := apiErrorBody{Code: p.code, Message: p.message, Fields: p.fields, Reason: p.reason, Existing: h.existingArticles(err)}
		werr = c.JSON(p.status, apiError{body})
	default:
		pg := page(c, p.title)
		werr = render(c, p.status, pages.Error(pg, p.status, p.message+fieldList(p.fields)))
	}
	if werr != nil {
		h.log.ErrorContext(c.Request().Context(), "write error response", "request_id", requestIDOf(c), "err", werr)
	}
}

// setRetryAfter tells the client how long to wait before trying again, in
// whole seconds (RFC 9110, section 10.2.3), rounded up.
func setRetryAfter(c echo.Context, wait time.Duration) {
	c.Response().Header().Set("Retry-After", strconv.Itoa(waitSeconds(wait)))
}

// waitSeconds is wait in whole seconds, rounded up, at least one.
func waitSeconds(wait time.Duration) int {
	return max(1, int((wait+time.Second-1)/time.Second))
}

// waitWords says a wait the way a person would: "1 second", "40 seconds",
// "3 minutes" (rounded up).
func waitWords(wait time.Duration) string {
	n, unit := waitSeconds(wait), "second"
	if n >= 60 {
		n, unit = (n+59)/60, "minute"
	}
	if n != 1 {
		unit += "s"
	}
	return fmt.Sprintf("%d %s", n, unit)
}
