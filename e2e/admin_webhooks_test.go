package e2e

import (
	"context"
	"testing"
	"time"

	"claimtracker/models"
)

// seedWebhooks gives the admin pages a webhook with a delivery log to
// show: one delivery failed for good with a long reason, one delivered,
// one pending; and a second webhook, paused, with none.
func seedWebhooks(t *testing.T, s *models.Store, admin, ed *models.User) {
	t.Helper()
	ctx := context.Background()
	w, err := s.CreateWebhook(ctx, admin, models.Meta{}, models.WebhookInput{Name: "Slack #desk", URL: "https://hooks.example.org/services/T000/B000/desk-channel-with-a-long-path",
		Events: []string{models.WebhookClaimAssigned, models.WebhookClaimSentToReview, models.WebhookClaimPublished}})
	if err != nil {
		t.Fatal(err)
	}
	paused, err := s.CreateWebhook(ctx, admin, models.Meta{}, models.WebhookInput{URL: "https://cms.example.org/hooks/claims", Events: models.WebhookEvents})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetWebhookActive(ctx, admin, models.Meta{}, paused.ID, false); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := s.CreateClaim(ctx, ed, models.Meta{}, models.ClaimInput{Text: "Crime fell by half in the city since 2019", Summary: "Crime halved since 2019",
			Speaker: "The Mayor's Office", AssigneeID: ed.ID}); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := s.WebhookDeliveries(ctx, w.ID)
	if err != nil || len(ds) != 3 {
		t.Fatalf("deliveries: %v %v", ds, err)
	}
	why := models.AddressReason(models.NewReason("reasons.fetch.redirected", "was redirected to {{.URL}}, which {{.Why}}",
		"URL", "https://login.example.org/sso/redirect?return_to=https%3A%2F%2Fhooks.example.org%2Fservices%2FT000%2FB000", "Why", models.StatusReason(403)))
	if err := s.RecordDeliveryAttempt(ctx, ds[2].ID, models.DeliveryAttempt{State: models.DeliveryFailed, Status: 403, Error: why.String(), Reason: why,
		At: time.Now(), Duration: 1234 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordDeliveryAttempt(ctx, ds[1].ID, models.DeliveryAttempt{State: models.DeliveryDelivered, Status: 200, At: time.Now(), Duration: 87 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
}
