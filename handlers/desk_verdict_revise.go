package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// verdictReviseFields are the fields of the revise form: the verdict's, and
// the version the form was made from.
var verdictReviseFields = append(slices.Clone(verdictFields), "version")

// deskVerdictRevise saves its author's revision of an open verdict and sends
// it to review again as a new version. When the verdict got a new version
// after the form was made (someone revised it, or changed its claim's
// words or sources), nothing is saved: the page comes back (409) with the
// revision as typed beside the verdict as it is now, and what made each
// version since.
func (h *Handler) deskVerdictRevise(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, verdictReviseFields...)
	if err != nil {
		return err
	}
	version, err := formRevision(f, "version")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	v, err := h.store.GetVerdict(ctx, id)
	if err != nil {
		return err
	}
	in := verdictInput(f)
	in.Version = version
	_, err = h.store.ReviseVerdict(ctx, currentUser(c), meta(c), id, in)
	err = verdictFormError(err)
	var stale *models.StaleError
	if errors.As(err, &stale) {
		if err := h.staleVerdictForm(c, &f, stale.Sent, id); err != nil {
			return err
		}
		return h.renderClaimDesk(c, http.StatusConflict, v.ClaimID, pages.ClaimForms{Verdict: f})
	}
	if errors.Is(err, models.ErrConflict) {
		// Published (or replaced) after the form was made: it can no
		// longer be revised, but the words typed become the form of a new
		// verdict, when the claim may get one.
		cl, gerr := h.store.GetClaim(ctx, v.ClaimID)
		if gerr != nil {
			return gerr
		}
		if cl.Status == models.ClaimPublished && cl.OpenVerdict() == nil {
			delete(f.Values, "version")
			f.Error = "This verdict was published after you opened the form, so it can no longer be revised and your revision was not saved. " +
				"What you typed is kept below: open an update with it, and send it to review if it still stands."
			return h.renderClaimDesk(c, http.StatusConflict, v.ClaimID, pages.ClaimForms{Verdict: f})
		}
	}
	return h.finishClaimForm(c, v.ClaimID, err, f.Errors, pages.ClaimForms{Verdict: f}, "verdict-revised#verdict")
}

// staleVerdictForm marks the revise form f, made from version sent of
// verdict id, as refused: it compares the verdict as it is now with what
// was typed and lists what made each version since.
func (h *Handler) staleVerdictForm(c echo.Context, f *views.Form, sent int, id uint) error {
	ctx := c.Request().Context()
	cur, err := h.store.GetVerdict(ctx, id)
	if err != nil {
		return err
	}
	ratings, err := h.store.Ratings(ctx)
	if err != nil {
		return err
	}
	labels := map[string]string{cur.RatingSlug: cur.RatingLabel}
	for _, r := range ratings {
		if _, ok := labels[r.Slug]; !ok {
			labels[r.Slug] = r.Label
		}
	}
	fields := []staleField{
		{name: "rating", label: "Rating", show: func(v string) string {
			if l, ok := labels[v]; ok {
				return l
			}
			return v
		}},
		{name: "headline", label: "Headline"},
		{name: "explanation", label: "Explanation"},
		{name: "verdict_language", label: "Language"},
	}
	saved := map[string]string{"rating": cur.RatingSlug, "headline": cur.Headline, "explanation": cur.Explanation, "verdict_language": cur.Language}
	st := staleForm(f, "This verdict got a new version after you opened the form, so your revision was not saved.",
		"verdict", "version", sent, cur.Version, fields, saved)
	st.SavedAt = cur.UpdatedAt
	var since []models.VerdictVersion
	var ids []uint
	for _, x := range cur.Versions {
		if x.Version > sent {
			since = append(since, x)
			if x.ChangedBy != nil {
				ids = append(ids, *x.ChangedBy)
			}
		}
	}
	names, err := h.store.UserNames(ctx, ids)
	if err != nil {
		return err
	}
	for _, x := range since {
		who := "someone"
		if x.ChangedBy != nil {
			if n, ok := names[*x.ChangedBy]; ok {
				who = n
			}
		}
		st.Changes = append(st.Changes, fmt.Sprintf("Version %s: %s %s.", strconv.Itoa(x.Version), pages.ChangeText(x.Change), who))
	}
	return nil
}
