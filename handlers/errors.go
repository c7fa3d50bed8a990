package handlers

import (
	"errors"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/fetcher"
	"claimtracker/models"
	"claimtracker/views"
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

// problem is what an error means to the client. Its words are reasons
// (models.Reason): the JSON API gives them in English, the error page in
// the reader's language.
type problem struct {
	status  int
	code    string
	title   models.Reason
	message models.Reason
	fields  map[string]models.Reason
	// reason is why an outside page could not be fetched (a
	// fetcher.Reason), for the API's error body; "" for other errors.
	reason string
}

// The titles and messages of the error answers.
var (
	titleNotFound     = models.NewReason("admin.error.not_found.title", "Not found")
	titleNotAllowed   = models.NewReason("admin.error.forbidden.title", "Not allowed")
	titleTooLarge     = models.NewReason("admin.error.too_large.title", "Too large")
	titleChanged      = models.NewReason("admin.error.stale.title", "Changed meanwhile")
	titleNotPossible  = models.NewReason("admin.error.conflict.title", "Not possible now")
	titleInternal     = models.NewReason("admin.error.internal.title", "Something went wrong")
	messageNotFound   = models.NewReason("admin.error.not_found.message", "There is nothing at this address.")
	messageNotAllowed = models.NewReason("admin.error.forbidden.message", "Your account may not do this.")
)

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
		return problem{http.StatusRequestEntityTooLarge, "too_large", titleTooLarge, tl.Reason(), nil, ""}
	case errors.As(err, &fe):
		// The URL the client gave could not be fetched: its field says why.
		return problem{http.StatusUnprocessableEntity, "invalid", models.NewReason("admin.error.fetch.title", "Could not fetch the page"),
			models.NewReason("admin.error.fetch.message", "The page at url could not be fetched ({{.Reason}}).", "Reason", string(fe.Reason)),
			map[string]models.Reason{"url": models.FetchReason(fe)}, string(fe.Reason)}
	case errors.As(err, &pf):
		return problem{http.StatusPreconditionFailed, "stale", titleChanged,
			models.NewReason("admin.error.precondition.message",
				"If-Match does not name the current ETag: it is {{.ETag}} now ({{.Counter}} {{.Current}}). Nothing was changed. Read it again, then try again.",
				"ETag", pf.tag, "Counter", pf.counter, "Current", strconv.Itoa(pf.current)), nil, ""}
	case errors.As(err, &dup):
		return problem{http.StatusConflict, "duplicate", models.NewReason("admin.error.duplicate.title", "Already logged"),
			models.NewReason("admin.error.duplicate.message", "An article at this address is already logged. Nothing was saved."), nil, ""}
	case errors.As(err, &stale):
		return problem{http.StatusConflict, "stale", titleChanged,
			models.NewReason("admin.error.stale.message", "It changed since you read it: it is at version {{.Current}} now, not {{.Sent}}. Read it again, then try again.",
				"Current", strconv.Itoa(stale.Current), "Sent", strconv.Itoa(stale.Sent)), nil, ""}
	case errors.As(err, &mbe):
		return problem{http.StatusRequestEntityTooLarge, "too_large", titleTooLarge, reasonBodyTooLarge, nil, ""}
	case errors.Is(err, models.ErrNotFound):
		return problem{http.StatusNotFound, "not_found", titleNotFound, messageNotFound, nil, ""}
	case errors.Is(err, models.ErrForbidden):
		return problem{http.StatusForbidden, "forbidden", titleNotAllowed, messageNotAllowed, nil, ""}
	case errors.As(err, &ce):
		return problem{http.StatusConflict, "conflict", titleNotPossible, ce.Reason, nil, ""}
	case errors.Is(err, models.ErrConflict):
		return problem{http.StatusConflict, "conflict", titleNotPossible,
			models.NewReason("admin.error.conflict.message", "This cannot be changed in its current state."), nil, ""}
	case errors.Is(err, models.ErrThrottled):
		return problem{http.StatusTooManyRequests, "too_many_requests", models.NewReason("admin.error.throttled.title", "Too many attempts"),
			models.NewReason("admin.error.throttled.message", "Too many failed sign-ins. Please wait before trying again."), nil, ""}
	case errors.Is(err, models.ErrBusy):
		return problem{http.StatusServiceUnavailable, "busy", models.NewReason("admin.error.busy.title", "Busy"),
			models.NewReason("admin.error.busy.message", "The server is busy. Please try again in a moment."), nil, ""}
	case errors.Is(err, models.ErrUnauthenticated):
		return problem{http.StatusUnauthorized, "unauthorized", models.NewReason("admin.error.unauthorized.title", "Sign in needed"),
			models.NewReason("admin.error.unauthorized.message", "A valid API token or session is required."), nil, ""}
	case models.FieldReasons(err) != nil:
		return problem{http.StatusUnprocessableEntity, "invalid", models.NewReason("admin.error.invalid.title", "Invalid input"),
			models.NewReason("admin.error.invalid.message", "Some fields are invalid."), models.FieldReasons(err), ""}
	case errors.As(err, &he):
		return classifyHTTP(he)
	}
	return problem{http.StatusInternalServerError, "internal", titleInternal,
		models.NewReason("admin.error.internal.message", "The error has been logged. Please try again later."), nil, ""}
}

// classifyHTTP maps an echo.HTTPError: the router's 404 and 405, and the
// refusals that handlers and middleware make with one. Its message is a
// models.Reason, or a string, which the API gives as it is and pages
// leave out (they say what the status means instead).
func classifyHTTP(he *echo.HTTPError) problem {
	p := problem{status: he.Code, code: strings.ReplaceAll(strings.ToLower(http.StatusText(he.Code)), " ", "_"),
		title: statusTitle(he.Code)}
	switch msg := he.Message.(type) {
	case models.Reason:
		p.message = msg
	case string:
		if he.Code < 500 {
			p.message = models.Reason{English: msg}
		}
	}
	switch he.Code {
	case http.StatusNotFound:
		p.code, p.message = "not_found", messageNotFound
	case http.StatusMethodNotAllowed:
		p.message = models.NewReason("admin.error.method.message", "This address does not accept that method.")
	case http.StatusRequestEntityTooLarge:
		p.code = "too_large"
	case http.StatusForbidden:
		p.code = "forbidden"
	}
	// 501 says what the client asked for is not offered (an oEmbed
	// format): its words stand. Any other 5xx is ours, and logged.
	if he.Code >= 500 && he.Code != http.StatusNotImplemented {
		p.code, p.title, p.message = "internal", titleInternal, models.NewReason("admin.error.logged.message", "The error has been logged.")
	}
	return p
}

// statusTitle is the error page's title for an HTTP status.
func statusTitle(status int) models.Reason {
	switch status {
	case http.StatusBadRequest:
		return models.NewReason("admin.error.bad_request.title", "Bad Request")
	case http.StatusNotFound:
		return titleNotFound
	case http.StatusForbidden:
		return titleNotAllowed
	case http.StatusMethodNotAllowed:
		return models.NewReason("admin.error.method.title", "Method Not Allowed")
	case http.StatusRequestEntityTooLarge:
		return titleTooLarge
	case http.StatusUnsupportedMediaType:
		return models.NewReason("admin.error.media_type.title", "Unsupported Media Type")
	}
	if status >= 500 {
		return titleInternal
	}
	return models.NewReason("admin.error.refused.title", "Request refused")
}

// reasonBodyTooLarge: a request body over MaxBodyBytes.
var reasonBodyTooLarge = models.NewReason("admin.error.too_large.message", "The request is larger than 1 MiB.")

// errorPageMessage is what the error page says: the message, and each
// refused field with its reason, in the reader's language. An HTTP
// error's plain words are shown as they are (a handler may have put them
// in the reader's language already); without any, the page says what the
// status means.
func errorPageMessage(c echo.Context, p problem) string {
	msg := p.message
	if msg.ID == "" && msg.English == "" {
		msg = statusMessage(p.status)
	}
	text := views.ReasonText(c.Request().Context(), msg)
	if len(p.fields) == 0 {
		return text
	}
	parts := make([]string, 0, len(p.fields))
	for _, name := range slices.Sorted(maps.Keys(p.fields)) {
		parts = append(parts, views.T(c.Request().Context(), "admin.error.field", "Field", name, "Reason", fieldReasonText(c.Request().Context(), p.fields[name])))
	}
	return views.T(c.Request().Context(), "admin.error.with_fields", "Message", text, "Fields", strings.Join(parts, views.T(c.Request().Context(), "admin.error.field_separator")))
}

// statusMessage says what an HTTP status means, for an error page whose
// error has no words of its own for people.
func statusMessage(status int) models.Reason {
	switch {
	case status == http.StatusNotFound:
		return messageNotFound
	case status == http.StatusForbidden:
		return messageNotAllowed
	case status >= 500:
		return models.NewReason("admin.error.logged.message", "The error has been logged.")
	}
	return models.NewReason("admin.error.refused.message", "The server could not accept this request.")
}

// isAPI reports whether the request expects JSON: the API and oEmbed.
func isAPI(c echo.Context) bool {
	p := c.Request().URL.Path
	return strings.HasPrefix(p, "/api/") || p == "/oembed"
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
		body := apiErrorBody{Code: p.code, Message: p.message.String(), Fields: englishFields(p.fields), Reason: p.reason, Existing: h.existingArticles(err)}
		werr = c.JSON(p.status, apiError{body})
	default:
		if !localeChosen(c) {
			// Refused before locale ran: choose the language now.
			h.setLocale(c)
		}
		pg := page(c, views.ReasonText(c.Request().Context(), p.title))
		// The page is in the reader's language (see locale).
		addVary(c.Response().Header(), "Accept-Language")
		werr = render(c, p.status, pages.Error(pg, p.status, errorPageMessage(c, p)))
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

// waitReason says a wait the way a person would: "1 second", "40
// seconds", "3 minutes" (rounded up).
func waitReason(wait time.Duration) models.Reason {
	n := waitSeconds(wait)
	if n >= 60 {
		return models.TimeReason((n+59)/60, time.Minute)
	}
	return models.TimeReason(n, time.Second)
}

// englishFields are the refused fields with their reasons in English, as
// the JSON API gives them.
func englishFields(fields map[string]models.Reason) map[string]string {
	if fields == nil {
		return nil
	}
	out := make(map[string]string, len(fields))
	for name, why := range fields {
		out[name] = why.String()
	}
	return out
}
