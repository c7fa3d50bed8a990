package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// deskClaimCreate logs a draft claim and opens its desk page. Asked for
// another appearance row, it shows the form again with one, saving nothing.
func (h *Handler) deskClaimCreate(c echo.Context) error {
	f, err := parseForm(c, claimFormFields(claimFields)...)
	if err != nil {
		return err
	}
	if f.Get("add_appearance") != "" {
		return h.renderClaimNew(c, http.StatusOK, f, postedRows(f))
	}
	appearances, rowOf := formAppearances(f)
	assignee, due, priority := formTriage(f, func(r models.Reason) string { return reasonText(c, r) })
	in := models.ClaimInput{
		Text: f.Get("text"), Summary: f.Get("summary"), Speaker: f.Get("speaker"),
		SpeakerKind: models.PersonKind(f.Get("speaker_kind")), SaidAt: f.Get("said_at"), Setting: f.Get("setting"),
		Appearances: appearances, Tags: splitTags(f.Get("tags")), Language: f.Get("language"),
		AssigneeID: *assignee, DueOn: *due, Priority: *priority,
	}
	if s := f.Get("article_id"); s != "" {
		if id, perr := strconv.ParseUint(s, 10, 32); perr != nil || id == 0 {
			f.Errors["article_id"] = reasonText(c, models.ReasonNotLoggedArticle)
		} else {
			in.ArticleID = new(uint(id))
		}
	}
	var cl *models.Claim
	if len(f.Errors) == 0 {
		cl, err = h.store.CreateClaim(c.Request().Context(), currentUser(c), meta(c), in)
		if fe := formErrors(c, err); fe != nil {
			f.Errors = rowErrors(fe, rowOf)
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		return h.renderClaimNew(c, http.StatusUnprocessableEntity, f, postedRows(f))
	}
	return seeOther(c, components.ClaimPath(cl.ID)+"?done=claim-logged")
}

// splitTags reads comma-separated tags; the store normalises them.
func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
