package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// deskClaimCreate logs a draft claim and opens its desk page.
func (h *Handler) deskClaimCreate(c echo.Context) error {
	f, err := parseForm(c, claimFields...)
	if err != nil {
		return err
	}
	in := models.ClaimInput{
		Text: f.Get("text"), Summary: f.Get("summary"), Speaker: f.Get("speaker"),
		SpeakerKind: models.PersonKind(f.Get("speaker_kind")), SaidAt: f.Get("said_at"), Setting: f.Get("setting"),
		AppearanceURL: f.Get("appearance_url"), Tags: splitTags(f.Get("tags")),
	}
	if s := f.Get("article_id"); s != "" {
		if id, perr := strconv.ParseUint(s, 10, 32); perr != nil || id == 0 {
			f.Errors["article_id"] = "is not a logged article"
		} else {
			in.ArticleID = new(uint(id))
		}
	}
	var cl *models.Claim
	if len(f.Errors) == 0 {
		cl, err = h.store.CreateClaim(c.Request().Context(), currentUser(c), meta(c), in)
		if fe := models.FieldErrors(err); fe != nil {
			f.Errors = fe
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		return h.renderClaimNew(c, http.StatusUnprocessableEntity, f)
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
