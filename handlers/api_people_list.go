package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiPeoplePerPage is how many speakers one page of GET /api/v1/people holds.
const apiPeoplePerPage = 50

// peopleListJSON is one page of speakers, by name.
type peopleListJSON struct {
	People   []personJSON `json:"people"`
	Page     int          `json:"page"`
	PerPage  int          `json:"per_page"`
	NextPage *int         `json:"next_page"`
}

// apiPeopleList lists speakers by name, a page at a time, optionally
// those whose name contains ?q= (whatever its case), with how many claims
// each has: the way to find a speaker's id, and duplicates to merge.
func (h *Handler) apiPeopleList(c echo.Context) error {
	var v models.Validator
	page := apiPageParam(c, &v)
	if err := v.Err(); err != nil {
		return err
	}
	people, err := h.store.FindPeople(c.Request().Context(), models.PeopleQuery{Name: c.QueryParam("q"),
		Limit: apiPeoplePerPage + 1, Offset: (page - 1) * apiPeoplePerPage})
	if err != nil {
		return err
	}
	out := peopleListJSON{Page: page, PerPage: apiPeoplePerPage}
	if len(people) > apiPeoplePerPage {
		people = people[:apiPeoplePerPage]
		next := page + 1
		out.NextPage = &next
	}
	out.People = jsonList(people, func(p *models.PersonListing) personJSON { return newPersonJSON(&p.Person, int64(p.Claims)) })
	return writeJSON(c, http.StatusOK, out)
}
