package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// bulkFields are the fields of the claim list's bulk form besides the
// ticked claims (ids): the list to come back to (back, its query
// string), the action its button names, and each action's own field.
var bulkFields = []string{"back", "action", "tag", "assignee_id", "confirm"}

// bulkListParams are the parameters of the claim list's address that the
// bulk form brings back to: its status, view and filters, never its page
// (the claims changed may move) nor a confirmation.
var bulkListParams = append([]string{"status", "mine", "assigned", "due"}, pages.ClaimFilterFields...)

// deskClaimBulk does one action with the claims ticked in the desk's list
// of claims: assign them (deskClaimBulkAssign), tag them
// (deskClaimBulkTag) or discard them (deskClaimBulkDiscard), all or none.
// The form names the action with the button pressed. Success goes back to
// the same list with a confirmation that counts the claims; a refusal
// shows the same list again with the claims still ticked and why: 422
// for a field (no claim ticked, more than models.MaxBulkClaims, an id
// that is not one, no assignee chosen), 409 when a ticked claim stands in
// the way (deleted since, in review, published).
func (h *Handler) deskClaimBulk(c echo.Context) error {
	f, err := parseForm(c, bulkFields...)
	if err != nil {
		return err
	}
	back := bulkBack(f.Get("back"))
	ids, ok := postedIDs(c)
	b := bulk{f: f, back: back, ids: ids}
	if !ok {
		f.Errors["ids"] = reasonText(c, models.ReasonNumberFrom(1))
		return h.renderBulk(c, http.StatusUnprocessableEntity, b)
	}
	switch f.Get("action") {
	case "assign":
		return h.deskClaimBulkAssign(c, b)
	case "tag":
		return h.deskClaimBulkTag(c, b)
	case "discard":
		return h.deskClaimBulkDiscard(c, b)
	}
	f.Error = localeOf(c).T("desk.claims.bulk_no_action")
	b.f = f
	return h.renderBulk(c, http.StatusUnprocessableEntity, b)
}

// bulk is one bulk form as sent: its fields, the list it came from and
// the claims ticked.
type bulk struct {
	f    views.Form
	back url.Values
	ids  []uint
}

// done is the list the form came from, with the confirmation code done
// and its values (see bulkFlash).
func (b bulk) done(code string, n int, more ...string) string {
	q := url.Values{}
	for k, v := range b.back {
		q[k] = v
	}
	q.Set("done", code)
	q.Set("n", strconv.Itoa(n))
	for i := 0; i+1 < len(more); i += 2 {
		q.Set(more[i], more[i+1])
	}
	return "/desk/claims?" + q.Encode()
}

// refused shows the form again for err, the store's refusal: a field's
// (422), a ticked claim's (409), or err itself for anything else.
func (h *Handler) refused(c echo.Context, b bulk, err error) error {
	if fe := formErrors(c, err); fe != nil {
		for k, v := range fe {
			b.f.Errors[k] = v
		}
		return h.renderBulk(c, http.StatusUnprocessableEntity, b)
	}
	var ce *models.ConflictError
	if errors.As(err, &ce) {
		b.f.Error = reasonText(c, ce.Reason)
		return h.renderBulk(c, http.StatusConflict, b)
	}
	return err
}

// bulkBack keeps, of a list's query string, the parameters the bulk form
// comes back to (bulkListParams).
func bulkBack(raw string) url.Values {
	q, _ := url.ParseQuery(raw)
	out := url.Values{}
	for _, k := range bulkListParams {
		if v := q.Get(k); v != "" {
			out.Set(k, v)
		}
	}
	return out
}

// postedIDs reads the ticked claims' ids of the bulk form; ok is false
// when one is not an id.
func postedIDs(c echo.Context) (ids []uint, ok bool) {
	for _, s := range c.Request().PostForm["ids"] {
		n, err := strconv.ParseUint(s, 10, 32)
		if err != nil || n == 0 {
			return ids, false
		}
		ids = append(ids, uint(n))
	}
	return ids, true
}

// renderBulk shows the list the bulk form came from with the form as
// sent, its claims still ticked, and why it was refused.
func (h *Handler) renderBulk(c echo.Context, status int, b bulk) error {
	l, f := h.claimListQuery(c, b.back.Get)
	if len(l.Filters.Errors) == 0 {
		if err := h.fillClaimList(c, &l, f); err != nil {
			return err
		}
	}
	l.Bulk = b.f
	l.Chosen = make(map[uint]bool, len(b.ids))
	for _, id := range b.ids {
		l.Chosen[id] = true
	}
	if err := h.claimListChoices(c, &l); err != nil {
		return err
	}
	return render(c, status, pages.DeskClaims(page(c, localeOf(c).T("desk.claims.title")), l))
}

// bulkFlash is the confirmation of a bulk action that the list's address
// carries (done, one of the codes each action gives bulk.done, with
// n=COUNT and who=ACCOUNT or label=TAG), in the request's language; ""
// for anything else. These counted confirmations are not in the table of
// flashes, whose messages take no values. The names it shows are read from the
// store (an account's, a tag in use), so that a link cannot put words of
// its own on the page.
func (h *Handler) bulkFlash(c echo.Context) string {
	n, err := strconv.Atoi(c.QueryParam("n"))
	if err != nil || n < 1 || n > models.MaxBulkClaims {
		return ""
	}
	ctx := c.Request().Context()
	l := localeOf(c)
	switch c.QueryParam("done") {
	case "bulk-assigned":
		to := c.QueryParam("who")
		if to == whoNobody {
			return l.N("desk.flash.bulk_unassigned", n)
		}
		id, err := strconv.ParseUint(to, 10, 32)
		if err != nil {
			return ""
		}
		names, err := h.store.UserNames(ctx, []uint{uint(id)})
		if name, ok := names[uint(id)]; err == nil && ok {
			return l.N("desk.flash.bulk_assigned", n, "Name", name)
		}
	case "bulk-tagged":
		tag := c.QueryParam("label")
		if tag == "" || models.NormalizeTag(tag) != tag {
			return ""
		}
		if some, err := h.store.ListClaims(ctx, models.ClaimFilter{Tag: tag, Limit: 1}); err == nil && len(some) > 0 {
			return l.N("desk.flash.bulk_tagged", n, "Tag", tag)
		}
	case "bulk-discarded":
		return l.N("desk.flash.bulk_discarded", n)
	}
	return ""
}
