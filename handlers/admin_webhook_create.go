package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/input"
	"claimtracker/models"
)

// adminWebhookCreate adds a webhook from the form (name, url, the ticked
// events, secret) and shows its page, with the secret this once (201); a
// refused form comes back with its errors (422), the secret not echoed.
func (h *Handler) adminWebhookCreate(c echo.Context) error {
	f, err := parseForm(c, "name", "url", "secret")
	var events []string
	if err == nil {
		for _, e := range c.Request().PostForm["events"] {
			e, cerr := input.Line(e)
			if cerr != nil {
				err = models.Invalid("events", models.InputReason(cerr))
				break
			}
			events = append(events, e)
		}
	}
	if err == nil {
		var w *models.Webhook
		w, err = h.store.CreateWebhook(c.Request().Context(), currentUser(c), meta(c), models.WebhookInput{
			Name: f.Get("name"), URL: f.Get("url"), Events: events, Secret: f.Get("secret"), Check: h.fetcher.CheckURL,
		})
		if err == nil {
			return h.renderAdminWebhook(c, http.StatusCreated, w.ID, w.Secret)
		}
	}
	fe := formErrors(c, err)
	if fe == nil {
		return err
	}
	f.Errors = fe
	if f.Values != nil {
		f.Values["events"] = strings.Join(events, " ")
		delete(f.Values, "secret")
	}
	return h.renderAdminWebhooks(c, http.StatusUnprocessableEntity, f)
}
