package handlers

import (
	"github.com/labstack/echo/v4"
)

// flashes are the confirmations a page shows after the redirect that ends
// an action: each ?done= code of such a redirect and the id of its
// message. Desk, account, sign-in and administration pages all read this
// one table.
var flashes = map[string]string{
	// The desk.
	"article-logged":      "desk.flash.article_logged",
	"claim-logged":        "desk.flash.claim_logged",
	"claim-updated":       "desk.flash.claim_updated",
	"person-updated":      "desk.flash.person_updated",
	"person-merged":       "desk.flash.person_merged",
	"person-deleted":      "desk.flash.person_deleted",
	"claim-deleted":       "desk.flash.claim_deleted",
	"article-deleted":     "desk.flash.article_deleted",
	"source-added":        "desk.flash.source_added",
	"source-updated":      "desk.flash.source_updated",
	"source-removed":      "desk.flash.source_removed",
	"source-added-file":   "desk.flash.source_added_file",
	"source-updated-file": "desk.flash.source_updated_file",
	"file-removed":        "desk.flash.file_removed",
	"verdict-proposed":    "desk.flash.verdict_proposed",
	"verdict-revised":     "desk.flash.verdict_revised",
	"approved":            "desk.flash.approved",
	"published":           "desk.flash.published",
	"sent-back":           "desk.flash.sent_back",
	"update-saved":        "desk.flash.update_saved",
	"update-submitted":    "desk.flash.update_submitted",
	"update-withdrawn":    "desk.flash.update_withdrawn",
	"correction-added":    "desk.flash.correction_added",
	"retracted":           "desk.flash.retracted",
	"triage-updated":      "desk.flash.triage_updated",
	"research-started":    "desk.flash.research_started",
	"note-added":          "desk.flash.note_added",
	"all-read":            "desk.flash.all_read",
	// Accounts, signing in and administration.
	"created":          "admin.flash.created",
	"updated":          "admin.flash.updated",
	"revoked":          "admin.flash.revoked",
	"password-changed": "admin.flash.password_changed",
	"password-set":     "admin.flash.password_set",
	"session-ended":    "admin.flash.session_ended",
	"two-factor-off":   "admin.flash.two_factor_off",
	"language":         "admin.flash.language",
	"email-on":         "admin.flash.email_on",
	"email-off":        "admin.flash.email_off",
	"settings":         "admin.flash.settings",
	"rating-created":   "admin.flash.rating_created",
	"rating-updated":   "admin.flash.rating_updated",
	"job-retried":      "admin.flash.job_retried",
	"webhook-paused":   "admin.flash.webhook_paused",
	"webhook-resumed":  "admin.flash.webhook_resumed",
	"webhook-deleted":  "admin.flash.webhook_deleted",
	"delivery-queued":  "admin.flash.delivery_queued",
}

// flash is the confirmation of the request's ?done= code (see flashes) in
// the request's language, or "" for a code not in the table, so that a
// link cannot put words of its own on the page.
func flash(c echo.Context) string {
	if id, ok := flashes[c.QueryParam("done")]; ok {
		return localeOf(c).T(id)
	}
	return ""
}
