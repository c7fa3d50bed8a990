package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// maxListOffset bounds the offset of a desk list, far beyond any archive,
// so that the links to the next page cannot overflow.
const maxListOffset = 1_000_000

// deskPeopleList lists every logged speaker by name, optionally those whose
// name contains ?q=, 50 at a time from ?offset=.
func (h *Handler) deskPeopleList(c echo.Context) error {
	l := pages.PeopleList{Name: c.QueryParam("q")}
	if n, err := strconv.Atoi(c.QueryParam("offset")); err == nil && n > 0 {
		l.Offset = min(n, maxListOffset)
	}
	people, err := h.store.FindPeople(c.Request().Context(), models.PeopleQuery{Name: l.Name, Limit: pages.PeoplePerPage + 1, Offset: l.Offset})
	if err != nil {
		return err
	}
	if len(people) > pages.PeoplePerPage {
		people, l.More = people[:pages.PeoplePerPage], true
	}
	l.People = people
	p := page(c, localeOf(c).T("desk.people.title"))
	p.Flash = flash(c)
	return render(c, http.StatusOK, pages.DeskPeople(p, l))
}
