package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// adminUsers lists every account with the form that adds one.
func (h *Handler) adminUsers(c echo.Context) error {
	return h.renderAdminUsers(c, http.StatusOK, views.Form{})
}

func (h *Handler) renderAdminUsers(c echo.Context, status int, f views.Form) error {
	users, err := h.store.ListUsers(c.Request().Context())
	if err != nil {
		return err
	}
	p := page(c, "Accounts")
	p.Flash = flashMessage(c.QueryParam("done"))
	return render(c, status, pages.AdminUsers(p, users, f))
}

// flashMessage turns a ?done= code from a redirect into its confirmation;
// unknown codes show nothing, so a link cannot put words on the page.
func flashMessage(code string) string {
	switch code {
	case "created":
		return "Account created."
	case "updated":
		return "Account updated."
	case "revoked":
		return "Token revoked."
	case "password-changed":
		return "Password changed. Every other browser signed in as you has been signed out."
	case "password-set":
		return "Your new password is set. Sign in with it."
	case "session-ended":
		return "Session ended: that browser is signed out."
	case "two-factor-off":
		return "Two-factor sign-in is off. Signing in asks for your password only."
	case "settings":
		return "Settings saved. Public pages show them from now on."
	case "article-logged":
		return "Article logged. The candidate claims are highlighted below."
	case "claim-logged":
		return "Claim logged as a draft. Add its sources, then propose a verdict."
	case "claim-updated":
		return "Claim saved."
	case "person-updated":
		return "Speaker saved."
	case "person-merged":
		return "Speakers merged. Their claims are listed here, and the merged speaker's page address leads to this speaker's."
	case "person-deleted":
		return "Speaker deleted."
	case "claim-deleted":
		return "Draft deleted. The audit log keeps a record of it."
	case "article-deleted":
		return "Article deleted. The claims logged from it stay; the audit log keeps a record of it."
	case "source-added":
		return "Source added."
	case "source-updated":
		return "Source saved."
	case "source-removed":
		return "Source removed."
	case "source-added-file":
		return "Source added with its file."
	case "source-updated-file":
		return "Source saved with its file."
	case "file-removed":
		return "File removed from the source."
	case "verdict-proposed":
		return "Verdict sent to review."
	case "verdict-revised":
		return "Verdict revised and sent to review again."
	case "approved":
		return "Approval recorded. The verdict needs more approvals to be published."
	case "published":
		return "Approved and published."
	case "sent-back":
		return "Verdict sent back to its author with your comment."
	case "update-saved":
		return "Update saved. The public page still shows the published version."
	case "update-submitted":
		return "Update sent to review. The public page still shows the published version until it is approved."
	case "update-withdrawn":
		return "Update withdrawn. The published fact-check stays as it was."
	case "correction-added":
		return "Correction published."
	case "retracted":
		return "Claim retracted. Its page stays online with your note."
	case "rating-created":
		return "Rating added to the scale."
	case "rating-updated":
		return "Rating saved."
	case "job-retried":
		return "Job queued again. It runs within moments."
	}
	return ""
}
