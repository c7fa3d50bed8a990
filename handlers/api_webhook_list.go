package handlers

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// webhookJSON is a webhook as the API gives it. Secret is set only in the
// answer that made it: it is never given again.
type webhookJSON struct {
	ID     uint     `json:"id"`
	Name   string   `json:"name"`
	URL    string   `json:"url"`
	Events []string `json:"events"`
	// Active is false once the webhook was turned off (DisabledAt).
	Active     bool         `json:"active"`
	CreatedAt  string       `json:"created_at"`
	CreatedBy  *accountJSON `json:"created_by"`
	DisabledAt *string      `json:"disabled_at"`
	Secret     string       `json:"secret,omitempty"`
}

// accountJSON names an account: its id and display name.
type accountJSON struct {
	ID   uint   `json:"id"`
	Name string `json:"name"`
}

// newWebhookJSON converts a webhook loaded with its creator, without its
// secret.
func newWebhookJSON(w *models.Webhook) webhookJSON {
	j := webhookJSON{ID: w.ID, Name: w.Name, URL: w.URL, Events: append([]string{}, w.Events...), Active: w.Active(),
		CreatedAt: stampJSON(w.CreatedAt), DisabledAt: optStampJSON(w.DisabledAt)}
	if w.Creator != nil {
		j.CreatedBy = &accountJSON{ID: w.Creator.ID, Name: w.Creator.Name}
	}
	return j
}

// webhookListJSON is every webhook, oldest first.
type webhookListJSON struct {
	Webhooks []webhookJSON `json:"webhooks"`
}

// apiWebhookList answers with every webhook, oldest first, without their
// secrets. Admins only.
func (h *Handler) apiWebhookList(c echo.Context) error {
	list, err := h.store.ListWebhooks(c.Request().Context())
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, webhookListJSON{Webhooks: jsonList(list, func(s *models.WebhookSummary) webhookJSON { return newWebhookJSON(&s.Webhook) })})
}

// deliveryJSON is one delivery of the log: Payload is the exact body sent
// (or to be sent); Status the last answer's HTTP status, null when none
// came; Error why the last attempt failed, "" when none did.
type deliveryJSON struct {
	ID            uint            `json:"id"`
	WebhookID     uint            `json:"webhook_id"`
	Event         string          `json:"event"`
	State         string          `json:"state"`
	Attempts      int             `json:"attempts"`
	Status        *int            `json:"status"`
	Error         string          `json:"error"`
	DurationMs    int64           `json:"duration_ms"`
	CreatedAt     string          `json:"created_at"`
	LastAttemptAt *string         `json:"last_attempt_at"`
	DeliveredAt   *string         `json:"delivered_at"`
	Payload       json.RawMessage `json:"payload"`
}

// newDeliveryJSON converts a delivery.
func newDeliveryJSON(d *models.WebhookDelivery) deliveryJSON {
	j := deliveryJSON{ID: d.ID, WebhookID: d.WebhookID, Event: d.Event, State: string(d.State), Attempts: d.Attempts, Error: d.Error,
		DurationMs: d.DurationMs, CreatedAt: stampJSON(d.CreatedAt), LastAttemptAt: optStampJSON(d.LastAttemptAt),
		DeliveredAt: optStampJSON(d.DeliveredAt), Payload: json.RawMessage(d.Body)}
	if d.Status != 0 {
		j.Status = &d.Status
	}
	if !json.Valid(j.Payload) {
		j.Payload = json.RawMessage("null")
	}
	return j
}
