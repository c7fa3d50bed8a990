package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/input"
	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
	"claimtracker/views/pages"
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
	ctx := c.Request().Context()
	out := make(map[string]string, len(reasons))
	for field, why := range reasons {
		out[field] = fieldReasonText(ctx, why)
	}
	return out
}

// fieldReasonText writes why a field of a page's form was refused in ctx's
// language; a value outside a fixed set is refused with the choices named
// as the page named them (choiceLabels).
func fieldReasonText(ctx context.Context, why models.Reason) string {
	if labels := choiceLabels[why.ID]; labels != nil {
		return choicesText(ctx, labels(ctx))
	}
	return views.ReasonText(ctx, why)
}

// choiceLabels are, for each reason that refuses a value outside a fixed
// set, the set's values named as the desk's selects and buttons name them,
// in ctx's language. The reason itself lists the API's values, in English,
// as the JSON API gives them; a form names the choices it showed.
var choiceLabels = map[string]func(context.Context) []string{
	"reasons.stance": func(ctx context.Context) []string {
		return labelsOf(ctx, models.Stances, components.StanceLabel)
	},
	"reasons.source_kind": func(ctx context.Context) []string {
		return labelsOf(ctx, models.SourceKinds, components.SourceKindLabel)
	},
	"reasons.priority": func(ctx context.Context) []string {
		return labelsOf(ctx, models.Priorities, components.PriorityLabel)
	},
	"reasons.correction_kind": func(ctx context.Context) []string {
		return labelsOf(ctx, []models.CorrectionKind{models.CorrectionClarification, models.CorrectionCorrection}, components.CorrectionKindLabel)
	},
	"reasons.decision": func(ctx context.Context) []string {
		// The review form's buttons.
		return []string{views.T(ctx, "desk.action.approve"), views.T(ctx, "desk.action.send_back")}
	},
	"reasons.person_or_organization": func(ctx context.Context) []string {
		return labelsOf(ctx, []models.PersonKind{models.KindPerson, models.KindOrganization}, components.SpeakerKindLabel)
	},
	"reasons.claim_sort": func(ctx context.Context) []string {
		return labelsOf(ctx, models.ClaimSorts, pages.SortLabel)
	},
	"reasons.desk_status": func(ctx context.Context) []string {
		return labelsOf(ctx, pages.DeskClaimStatuses, components.ClaimStatusLabel)
	},
	"reasons.role": func(ctx context.Context) []string {
		roles := make([]string, len(models.Roles))
		for i, r := range models.Roles {
			roles[i] = string(r)
		}
		return labelsOf(ctx, roles, components.RoleLabel)
	},
}

// labelsOf names each of values with label.
func labelsOf[T any](ctx context.Context, values []T, label func(context.Context, T) string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = label(ctx, v)
	}
	return out
}

// choicesText says that a field must be one of labels, each quoted, in
// ctx's language: "must be “Supports”, “Contradicts” or “Context”".
func choicesText(ctx context.Context, labels []string) string {
	quoted := make([]string, len(labels))
	for i, l := range labels {
		quoted[i] = views.T(ctx, "desk.error.choice", "Label", l)
	}
	return views.T(ctx, "desk.error.one_of", "Choices", pages.OrList(ctx, quoted))
}

// reasonText writes a reason in the request's language.
func reasonText(c echo.Context, r models.Reason) string {
	return views.ReasonText(c.Request().Context(), r)
}
