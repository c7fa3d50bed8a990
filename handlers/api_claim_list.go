package handlers

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiClaimsPerPage is how many claims one page of GET /api/v1/claims holds.
const apiClaimsPerPage = 50

// apiMaxPage keeps the offset of a page far from overflowing.
const apiMaxPage = 100_000

// apiClaimStatuses are the statuses a claim list may be filtered by: the
// stored ones, and sent_back as the desk's list has it (a claim whose
// verdict a reviewer sent back; its status stays draft or researching).
var apiClaimStatuses = []models.ClaimStatus{models.ClaimDraft, models.ClaimResearching, models.ClaimSentBack, models.ClaimInReview, models.ClaimPublished, models.ClaimRetracted}

// claimListJSON is one page of claims, most recently changed first.
type claimListJSON struct {
	Claims   []claimItemJSON `json:"claims"`
	Page     int             `json:"page"`
	PerPage  int             `json:"per_page"`
	NextPage *int            `json:"next_page"`
}

// apiClaimList lists claims, drafts included (the API is for the desk's
// accounts only), most recently changed first or in ?sort='s order, a page
// at a time, narrowed by the filters of apiClaimListQuery (see
// models.ClaimFilter).
func (h *Handler) apiClaimList(c echo.Context) error {
	f, page, err := apiClaimListQuery(c)
	if err != nil {
		return err
	}
	claims, err := h.store.ListClaims(c.Request().Context(), f)
	if err != nil {
		return err
	}
	out := claimListJSON{Page: page, PerPage: apiClaimsPerPage}
	if len(claims) > apiClaimsPerPage {
		claims = claims[:apiClaimsPerPage]
		next := page + 1
		out.NextPage = &next
	}
	out.Claims = jsonList(claims, newClaimItemJSON)
	return writeJSON(c, http.StatusOK, out)
}

// apiClaimListQuery reads ?status=, ?page= and the filters the desk's
// list shares (pages.ClaimFilterFields: ?q=, ?speaker=, ?tag=, ?assignee=,
// ?author=, ?language=, ?from=, ?to=, ?sort=) into a filter that asks for
// one claim more than a page holds, to tell whether another page follows.
// A refused value is a *models.ValidationError naming its parameter.
func apiClaimListQuery(c echo.Context) (models.ClaimFilter, int, error) {
	var v models.Validator
	var f models.ClaimFilter
	f.Status = models.ClaimStatus(c.QueryParam("status"))
	if f.Status != "" {
		v.Check(slices.Contains(apiClaimStatuses, f.Status), "status", models.NewReason("reasons.claim_status", "must be draft, researching, sent_back, in_review, published or retracted"))
	}
	parseClaimQuery(c.QueryParam, currentUser(c), &f, &v)
	page := apiPageParam(c, &v)
	if err := v.Err(); err != nil {
		return models.ClaimFilter{}, 0, err
	}
	f.Limit, f.Offset = apiClaimsPerPage+1, (page-1)*apiClaimsPerPage
	return f, page, nil
}

// languageParam reads ?language=, a language range (see
// models.PublicQuery), in its canonical form (models.CanonicalLanguage):
// "" when absent, else v records why it is refused.
func languageParam(c echo.Context, v *models.Validator) string {
	lang, err := models.CanonicalLanguage(c.QueryParam("language"))
	if err != nil {
		v.Fail("language", models.ReasonLanguageTag)
	}
	return lang
}

// apiPageParam reads ?page= of an API list: 1 when absent, else a whole
// number from 1 to apiMaxPage, or v records why not.
func apiPageParam(c echo.Context, v *models.Validator) int {
	p := c.QueryParam("page")
	if p == "" {
		return 1
	}
	n, err := strconv.Atoi(p)
	v.Check(err == nil && n >= 1 && n <= apiMaxPage, "page", models.ReasonNumberRange(1, apiMaxPage))
	return n
}
