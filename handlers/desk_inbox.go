package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/pages"
)

// deskInbox lists the signed-in user's notifications, newest first, the
// unread ones marked, a page of pages.InboxPerPage at a time (?offset=);
// ?unread=1 keeps the unread ones.
func (h *Handler) deskInbox(c echo.Context) error {
	ctx := c.Request().Context()
	v := pages.InboxView{Unread: c.QueryParam("unread") == "1"}
	if n, err := strconv.Atoi(c.QueryParam("offset")); err == nil && n > 0 && n <= apiMaxPage*pages.InboxPerPage {
		v.Offset = n
	}
	items, err := h.store.Inbox(ctx, currentUser(c), models.InboxFilter{Unread: v.Unread, Limit: pages.InboxPerPage + 1, Offset: v.Offset})
	if err != nil {
		return err
	}
	if len(items) > pages.InboxPerPage {
		items, v.More = items[:pages.InboxPerPage], true
	}
	v.Items = items
	p := page(c, localeOf(c).T("desk.inbox.title"))
	p.Flash = flash(c)
	return render(c, http.StatusOK, pages.DeskInbox(p, v))
}
