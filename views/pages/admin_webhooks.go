package pages

import (
	"context"
	"strconv"
	"strings"

	"claimtracker/models"
	"claimtracker/views"
)

// WebhooksPage is the webhooks' list and the form that adds one.
type WebhooksPage struct {
	List []models.WebhookSummary
	Form views.Form
}

// WebhookPage is one webhook with its delivery log, newest first, and,
// just after it was made, its secret, shown this once.
type WebhookPage struct {
	Hook       *models.Webhook
	Deliveries []models.WebhookDelivery
	NewSecret  string
}

// webhookPath is the page of webhook id.
func webhookPath(id uint) string { return "/admin/webhooks/" + strconv.FormatUint(uint64(id), 10) }

// WebhookEventLabel says what an event name means in the reader's
// language ("A claim is published"); a name this server does not know is
// shown as it is.
func WebhookEventLabel(ctx context.Context, name string) string {
	switch name {
	case models.WebhookClaimAssigned:
		return views.T(ctx, "admin.webhooks.event.assigned")
	case models.WebhookClaimMentioned:
		return views.T(ctx, "admin.webhooks.event.mentioned")
	case models.WebhookClaimSentToReview:
		return views.T(ctx, "admin.webhooks.event.sent_to_review")
	case models.WebhookClaimSentBack:
		return views.T(ctx, "admin.webhooks.event.sent_back")
	case models.WebhookClaimPublished:
		return views.T(ctx, "admin.webhooks.event.published")
	case models.WebhookClaimCorrected:
		return views.T(ctx, "admin.webhooks.event.corrected")
	}
	return name
}

// DeliveryStateLabel names a delivery's state in the reader's language.
func DeliveryStateLabel(ctx context.Context, st models.DeliveryState) string {
	switch st {
	case models.DeliveryPending:
		return views.T(ctx, "admin.webhooks.state.pending")
	case models.DeliveryDelivered:
		return views.T(ctx, "admin.webhooks.state.delivered")
	case models.DeliveryFailed:
		return views.T(ctx, "admin.webhooks.state.failed")
	}
	return string(st)
}

// deliveryStates are the states in the order the list counts them.
var deliveryStates = []models.DeliveryState{models.DeliveryDelivered, models.DeliveryFailed, models.DeliveryPending}

// ticked reports whether the form's events (names separated by spaces)
// hold name.
func ticked(f views.Form, name string) bool {
	return strings.Contains(" "+f.Get("events")+" ", " "+name+" ")
}

// durationText says how long an attempt took, in milliseconds.
func durationText(ctx context.Context, ms int64) string {
	return views.T(ctx, "admin.webhooks.ms", "N", views.Number(ctx, int(ms)))
}
