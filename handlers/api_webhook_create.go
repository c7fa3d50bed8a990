package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// apiWebhookCreateRequest is the body of POST /api/v1/webhooks.
type apiWebhookCreateRequest struct {
	Name   *string  `json:"name"`
	URL    *string  `json:"url"`
	Events []string `json:"events"`
	// Secret is taken exactly as sent: it is a key, not text.
	Secret *string `json:"secret" input:"exact"`
}

// apiWebhookCreate adds a webhook and answers 201 with it, its secret
// included this once: the one sent, or one made when it was left out.
// 422 names each refused field (see models.Store.CreateWebhook): a URL
// written with an address the fetcher may not reach (a private or
// loopback one that --fetch-allow does not allow) is refused here; a host
// name that leads to one is refused when a delivery is sent. Admins only.
func (h *Handler) apiWebhookCreate(c echo.Context) error {
	var req apiWebhookCreateRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	w, err := h.store.CreateWebhook(c.Request().Context(), currentUser(c), meta(c), models.WebhookInput{
		Name: sentOr(req.Name, ""), URL: sentOr(req.URL, ""), Events: req.Events, Secret: sentOr(req.Secret, ""), Check: h.fetcher.CheckURL,
	})
	if err != nil {
		return err
	}
	j := newWebhookJSON(w)
	j.Secret = w.Secret
	return writeJSON(c, http.StatusCreated, j)
}
