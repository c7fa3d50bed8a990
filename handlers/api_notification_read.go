package handlers

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiNotificationReadRequest is the body of POST
// /api/v1/notifications/read: the ids of notifications to mark read, or
// all of them.
type apiNotificationReadRequest struct {
	// IDs are 32-bit, as every id the API takes: a larger number is
	// refused as it is decoded, never handed to the database.
	IDs []uint32 `json:"ids"`
	All *bool    `json:"all"`
}

// notificationReadJSON answers how many notifications were unread before
// and how many are unread now.
type notificationReadJSON struct {
	Marked int64 `json:"marked"`
	Unread int64 `json:"unread"`
}

// apiNotificationRead marks the token's user's notifications read: those
// of {"ids": [...]} (at most models.MaxMarkRead), or every one with
// {"all": true}. One of the two is required, not both (422); an id that
// is not one of the user's notifications is 404 and marks nothing.
func (h *Handler) apiNotificationRead(c echo.Context) error {
	var req apiNotificationReadRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	all := sentOr(req.All, false)
	var v models.Validator
	v.Check(all || len(req.IDs) > 0, "ids", models.NewReason("reasons.ids_or_all", "give the ids to mark read, or \"all\": true"))
	v.Check(!all || req.IDs == nil, "all", models.NewReason("reasons.ids_and_all", "give either ids or \"all\", not both"))
	ids := make([]uint, 0, len(req.IDs))
	for _, id := range req.IDs {
		ids = append(ids, uint(id))
	}
	v.Check(!slices.Contains(ids, 0), "ids", reasonListOfIDs)
	if err := v.Err(); err != nil {
		return err
	}
	ctx := c.Request().Context()
	u := currentUser(c)
	if all {
		ids = nil
	}
	marked, err := h.store.MarkNotificationsRead(ctx, u, ids)
	if err != nil {
		return err
	}
	unread, err := h.store.UnreadNotifications(ctx, u)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, notificationReadJSON{Marked: marked, Unread: unread})
}
