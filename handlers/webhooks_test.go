package handlers_test

import (
	"context"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"claimtracker/fetcher"
	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// POST /api/v1/webhooks refuses each bad field with 422 naming it and
// stores nothing; a literal loopback address passes only when
// --fetch-allow allows it. The secret is given back once, on creation,
// and never by the GETs; a webhook is deleted with its log.
func TestWebhookAPI(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			for _, tc := range []struct{ name, body, field, words string }{
				{"no url", `{"events":["claim.published"]}`, "url", "is required"},
				{"relative url", `{"url":"/hooks/in","events":["claim.published"]}`, "url", "http or https"},
				{"not http", `{"url":"ftp://hooks.example.org/in","events":["claim.published"]}`, "url", "http or https"},
				{"loopback", `{"url":"http://127.0.0.1:9000/in","events":["claim.published"]}`, "url", "127.0.0.1, a loopback address"},
				{"private", `{"url":"https://10.1.2.3/in","events":["claim.published"]}`, "url", "private address"},
				{"no events", `{"url":"https://hooks.example.org/in","events":[]}`, "events", "is required"},
				{"events left out", `{"url":"https://hooks.example.org/in"}`, "events", "is required"},
				{"unknown event", `{"url":"https://hooks.example.org/in","events":["claim.published","claim.deleted"]}`, "events", "claim.deleted"},
				{"short secret", `{"url":"https://hooks.example.org/in","events":["claim.published"],"secret":"too-short"}`, "secret", "at least 16 characters"},
				{"events not a list", `{"url":"https://hooks.example.org/in","events":"claim.published"}`, "events", ""},
			} {
				r := e.call(t, asAdmin, "POST", "/api/v1/webhooks", tc.body)
				fields, _ := jget(r, "error.fields").(map[string]any)
				why, _ := fields[tc.field].(string)
				if r.status != http.StatusUnprocessableEntity || why == "" || !strings.Contains(why, tc.words) {
					t.Errorf("%s: %d %s", tc.name, r.status, r.body)
				}
			}
			if list := e.call(t, asAdmin, "GET", "/api/v1/webhooks", ""); list.status != 200 || list.body != `{"webhooks":[]}`+"\n" {
				t.Fatalf("refused webhooks were stored: %s", list.body)
			}

			const secret = "shared-secret-of-the-cms"
			r := e.call(t, asAdmin, "POST", "/api/v1/webhooks", `{"name":"CMS","url":"https://hooks.example.org/in","events":["claim.corrected","claim.published","claim.published"],"secret":"`+secret+`"}`)
			if r.status != http.StatusCreated || jget(r, "secret") != secret || jget(r, "active") != true ||
				jsonOf(t, jget(r, "events")) != `["claim.published","claim.corrected"]` || jget(r, "created_by.name") != "Test admin" {
				t.Fatalf("create: %d %s", r.status, r.body)
			}
			id := uint(jget(r, "id").(float64))
			made := e.call(t, asAdmin, "POST", "/api/v1/webhooks", `{"url":"https://hooks.example.org/other","events":["claim.assigned"]}`)
			if got, _ := jget(made, "secret").(string); made.status != http.StatusCreated || !strings.HasPrefix(got, "whsec_") || len(got) < models.MinWebhookSecret {
				t.Fatalf("a secret made for the webhook: %d %s", made.status, made.body)
			}
			for _, path := range []string{"/api/v1/webhooks", apiPath("/webhooks/%d", id)} {
				g := e.call(t, asAdmin, "GET", path, "")
				if g.status != 200 || strings.Contains(g.body, "secret") || strings.Contains(g.body, secret) || !strings.Contains(g.body, `"url":"https://hooks.example.org/in"`) {
					t.Errorf("GET %s: %d %s", path, g.status, g.body)
				}
			}

			// A claim published makes a delivery, which the log lists with
			// the body it sends.
			ed := e.users[asAuthor]
			c, err := e.store.CreateClaim(e.ctx(), ed, models.Meta{}, models.ClaimInput{Text: "Crime fell by half", Summary: "Crime halved", Speaker: "The Mayor"})
			if err != nil {
				t.Fatal(err)
			}
			v, err := e.store.ProposeVerdict(e.ctx(), ed, models.Meta{}, c.ID, models.VerdictInput{Rating: "false", Headline: "No", Explanation: "It rose."})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := e.store.ReviewVerdict(e.ctx(), e.users[asReviewer], models.Meta{}, v.ID, models.ReviewInput{Decision: models.DecisionApprove, Version: 1}); err != nil {
				t.Fatal(err)
			}
			log := e.call(t, asAdmin, "GET", apiPath("/webhooks/%d/deliveries", id), "")
			if log.status != 200 || jget(log, "deliveries.0.state") != "pending" || jget(log, "deliveries.0.event") != "claim.published" ||
				jget(log, "deliveries.0.payload.claim.quote") != "Crime fell by half" || jget(log, "deliveries.0.status") != nil {
				t.Errorf("deliveries: %d %s", log.status, log.body)
			}
			if del := e.call(t, asAdmin, "DELETE", apiPath("/webhooks/%d", id), ""); del.status != http.StatusNoContent {
				t.Fatalf("delete: %d %s", del.status, del.body)
			}
			for _, path := range []string{apiPath("/webhooks/%d", id), apiPath("/webhooks/%d/deliveries", id)} {
				if g := e.call(t, asAdmin, "GET", path, ""); g.status != http.StatusNotFound {
					t.Errorf("GET %s after the delete: %d", path, g.status)
				}
			}
			if g := e.call(t, asAdmin, "DELETE", apiPath("/webhooks/%d", id), ""); g.status != http.StatusNotFound {
				t.Errorf("deleted twice: %d", g.status)
			}
		})
	}
}

// With --fetch-allow naming the loopback network, a webhook may point at
// it, as a test server or a sidecar on the same machine does.
func TestWebhookAPIFetchAllow(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine, func(c *handlers.Config) {
				c.Fetcher = fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
			})
			if r := e.call(t, asAdmin, "POST", "/api/v1/webhooks", `{"url":"http://127.0.0.1:9000/in","events":["claim.published"]}`); r.status != http.StatusCreated {
				t.Errorf("allowed loopback: %d %s", r.status, r.body)
			}
			if r := e.call(t, asAdmin, "POST", "/api/v1/webhooks", `{"url":"http://127.0.0.2:9000/in","events":["claim.published"]}`); r.status != http.StatusUnprocessableEntity {
				t.Errorf("loopback outside the allowed network: %d %s", r.status, r.body)
			}
		})
	}
}

// /admin/webhooks adds a webhook from its form, showing the secret made
// for it once; a webhook's page lists its delivery log (time, event,
// state, attempts, status, reason) and sends a failed delivery again;
// pausing and deleting go back where they should; the admin index links
// the page.
func TestAdminWebhookPages(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			e := newDeskEnv(t, engine)
			if body := e.page(t, e.admin, "/admin", http.StatusOK); !strings.Contains(body, `href="/admin/webhooks"`) {
				t.Error("the admin index does not link the webhooks")
			}
			d := doc(t, e.page(t, e.admin, "/admin/webhooks", http.StatusOK))
			if got := d.Find("main h1").Text(); got != "Webhooks" {
				t.Errorf("h1 %q", got)
			}
			if n := d.Find(`input[type=checkbox][name=events]`).Length(); n != len(models.WebhookEvents) {
				t.Errorf("%d event boxes", n)
			}

			bad := e.mustPost(t, e.admin, "/admin/webhooks", url.Values{"url": {"http://192.168.0.9/in"}, "secret": {"short"}, "name": {"Desk"}}, http.StatusUnprocessableEntity, "")
			bd := doc(t, bad.body)
			if got := bd.Find("#e-url").Text(); !strings.Contains(got, "private address") {
				t.Errorf("url error %q", got)
			}
			if bd.Find("#e-events").Length() != 1 || bd.Find("#e-secret").Length() != 1 {
				t.Errorf("errors on events and secret missing: %s", errorsIn(bad.body))
			}
			if v, _ := bd.Find("#f-name").Attr("value"); v != "Desk" {
				t.Errorf("name not kept: %q", v)
			}
			if v, _ := bd.Find("#f-secret").Attr("value"); v != "" {
				t.Errorf("the secret was echoed back: %q", v)
			}

			made := e.mustPost(t, e.admin, "/admin/webhooks", url.Values{"name": {"Slack #desk"}, "url": {"https://hooks.example.org/slack"},
				"events": {"claim.published", "claim.sent_back"}}, http.StatusCreated, "")
			md := doc(t, made.body)
			secret := md.Find("#new-secret").Text()
			if !strings.HasPrefix(secret, "whsec_") {
				t.Fatalf("the new secret is not shown: %q", secret)
			}
			list, _ := e.store.ListWebhooks(ctx)
			if len(list) != 1 || list[0].Secret != secret || strings.Join(list[0].Events, " ") != "claim.sent_back claim.published" {
				t.Fatalf("stored: %+v", list)
			}
			hookPath := "/admin/webhooks/" + idStr(list[0].ID)
			if body := e.page(t, e.admin, hookPath, http.StatusOK); strings.Contains(body, secret) {
				t.Error("the secret is shown again")
			}

			// One delivery failed for good, one pending.
			id := e.newClaim(t)
			e.publish(t, id)
			e.publish(t, e.newClaim(t))
			ds, err := e.store.WebhookDeliveries(ctx, list[0].ID)
			if err != nil || len(ds) != 2 {
				t.Fatalf("deliveries: %+v %v", ds, err)
			}
			why := models.AddressReason(models.StatusReason(404))
			if err := e.store.RecordDeliveryAttempt(ctx, ds[1].ID, models.DeliveryAttempt{State: models.DeliveryFailed, Status: 404, Error: why.String(), Reason: why,
				At: time.Now(), Duration: 42 * time.Millisecond}); err != nil {
				t.Fatal(err)
			}
			hd := doc(t, e.page(t, e.admin, hookPath, http.StatusOK))
			rows := hd.Find(".deliveries-table tbody tr")
			if rows.Length() != 2 {
				t.Fatalf("%d rows in the log", rows.Length())
			}
			failed := hd.Find("#delivery-" + idStr(ds[1].ID))
			var cells []string
			failed.Find("td").Each(func(_ int, td *goquery.Selection) { cells = append(cells, strings.TrimSpace(td.Text())) })
			if len(cells) != 8 || !strings.HasPrefix(cells[0], "#"+idStr(ds[1].ID)) || cells[1] != "A fact-check is published" || cells[2] != "Failed" ||
				cells[3] != "1" || cells[4] != "404" || cells[5] != "The address answered 404 Not Found" || cells[6] != "42 ms" || cells[7] != "Send again" {
				t.Errorf("failed row: %q", cells)
			}
			if p := hd.Find("#delivery-" + idStr(ds[0].ID)); !strings.Contains(p.Text(), "Pending") || p.Find("button").Length() != 0 {
				t.Errorf("pending row: %s", p.Text())
			}

			e.mustPost(t, e.admin, "/admin/webhook-deliveries/"+idStr(ds[1].ID)+"/redeliver", nil, http.StatusSeeOther, hookPath+"?done=delivery-queued#log")
			if ds, _ := e.store.WebhookDeliveries(ctx, list[0].ID); ds[1].State != models.DeliveryPending {
				t.Errorf("sent again, the delivery is %s", ds[1].State)
			}
			if r := e.post(t, e.admin, "/admin/webhook-deliveries/"+idStr(ds[1].ID)+"/redeliver", nil); r.status != http.StatusConflict {
				t.Errorf("a pending delivery sent again: %d", r.status)
			}

			for _, v := range []string{"maybe", "", "1"} {
				e.mustPost(t, e.admin, hookPath+"/active", url.Values{"active": {v}}, http.StatusUnprocessableEntity, "")
			}
			if w, err := e.store.GetWebhook(ctx, list[0].ID); err != nil || !w.Active() {
				t.Fatalf("a refused pause changed the webhook: %+v %v", w, err)
			}
			e.mustPost(t, e.admin, hookPath+"/active", url.Values{"active": {"false"}}, http.StatusSeeOther, hookPath+"?done=webhook-paused")
			pd := doc(t, e.page(t, e.admin, "/admin/webhooks", http.StatusOK))
			if got := pd.Find(".webhooks-table tbody tr").Text(); !strings.Contains(got, "Slack #desk") || !strings.Contains(got, "Paused") ||
				strings.Contains(got, "Pending") || !strings.Contains(got, "Failed 2") { // pausing failed the waiting delivery
				t.Errorf("the list's row: %s", got)
			}
			e.mustPost(t, e.admin, hookPath+"/delete", nil, http.StatusSeeOther, "/admin/webhooks?done=webhook-deleted")
			ld := doc(t, e.page(t, e.admin, "/admin/webhooks?done=webhook-deleted", http.StatusOK))
			if ld.Find(".webhooks-table").Length() != 0 || !strings.Contains(ld.Find(".flash").Text(), "Webhook deleted") {
				t.Errorf("the deleted webhook is still listed, or no confirmation")
			}
			e.page(t, e.admin, hookPath, http.StatusNotFound)
		})
	}
}

// jget is the value of r at a dotted path, nil when there is none.
func jget(r apiResult, path string) any {
	v, _ := r.get(path)
	return v
}

// jsonOf is v as JSON.
func jsonOf(t *testing.T, v any) string { return apiJSONText(t, v) }
