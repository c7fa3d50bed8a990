package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiNotificationsPerPage is how many notifications a page of the API
// list holds.
const apiNotificationsPerPage = 50

// notificationJSON is one of the token's user's notifications.
type notificationJSON struct {
	ID uint `json:"id"`
	// Kind is what happened: assigned, mentioned, sent_to_review,
	// sent_back, published or corrected.
	Kind         models.EventKind `json:"kind"`
	ClaimID      uint             `json:"claim_id"`
	ClaimSummary string           `json:"claim_summary"`
	// ActorID and Actor are who made it happen (id and display name),
	// null when no one person did.
	ActorID   *uint   `json:"actor_id"`
	Actor     *string `json:"actor"`
	CreatedAt string  `json:"created_at"`
	// ReadAt is when it was read, null while it is unread.
	ReadAt *string `json:"read_at"`
}

func newNotificationJSON(it *models.InboxItem) notificationJSON {
	return notificationJSON{ID: it.ID, Kind: it.Kind, ClaimID: it.ClaimID, ClaimSummary: it.ClaimSummary,
		ActorID: it.ActorID, Actor: textOrNull(it.ActorName), CreatedAt: stampJSON(it.CreatedAt), ReadAt: optStampJSON(it.ReadAt)}
}

// notificationListJSON is one page of notifications, newest first, with
// the count of all unread ones.
type notificationListJSON struct {
	Notifications []notificationJSON `json:"notifications"`
	Unread        int64              `json:"unread"`
	Page          int                `json:"page"`
	PerPage       int                `json:"per_page"`
	NextPage      *int               `json:"next_page"`
}

// apiNotificationList lists the token's user's notifications, newest
// first, a page at a time (?page=, from 1); ?unread=1 keeps the unread
// ones. A bad page or unread value is 422 naming it.
func (h *Handler) apiNotificationList(c echo.Context) error {
	ctx := c.Request().Context()
	var v models.Validator
	page := apiPageParam(c, &v)
	unread := c.QueryParam("unread")
	v.Check(unread == "" || unread == "0" || unread == "1", "unread", models.NewReason("reasons.unread_flag", "must be 0 or 1"))
	if err := v.Err(); err != nil {
		return err
	}
	u := currentUser(c)
	items, err := h.store.Inbox(ctx, u, models.InboxFilter{Unread: unread == "1", Limit: apiNotificationsPerPage + 1, Offset: (page - 1) * apiNotificationsPerPage})
	if err != nil {
		return err
	}
	out := notificationListJSON{Page: page, PerPage: apiNotificationsPerPage}
	if len(items) > apiNotificationsPerPage {
		items = items[:apiNotificationsPerPage]
		out.NextPage = new(page + 1)
	}
	out.Notifications = jsonList(items, newNotificationJSON)
	if out.Unread, err = h.store.UnreadNotifications(ctx, u); err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, out)
}
