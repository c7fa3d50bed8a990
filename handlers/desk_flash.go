package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
)

// deskFlash is the confirmation a desk page shows after the redirect that
// ends a desk action: the request's ?done= code in the page's language.
// Unknown codes show nothing, so a link cannot put words on the page.
func deskFlash(c echo.Context) string {
	return deskFlashMessage(localeOf(c), c.QueryParam("done"))
}

// deskFlashMessage turns a desk action's ?done= code into its confirmation
// in l's language, or "" for a code it does not know.
func deskFlashMessage(l *i18n.Locale, code string) string {
	switch code {
	case "article-logged":
		return l.T("desk.flash.article_logged")
	case "claim-logged":
		return l.T("desk.flash.claim_logged")
	case "claim-updated":
		return l.T("desk.flash.claim_updated")
	case "person-updated":
		return l.T("desk.flash.person_updated")
	case "person-merged":
		return l.T("desk.flash.person_merged")
	case "person-deleted":
		return l.T("desk.flash.person_deleted")
	case "claim-deleted":
		return l.T("desk.flash.claim_deleted")
	case "article-deleted":
		return l.T("desk.flash.article_deleted")
	case "source-added":
		return l.T("desk.flash.source_added")
	case "source-updated":
		return l.T("desk.flash.source_updated")
	case "source-removed":
		return l.T("desk.flash.source_removed")
	case "source-added-file":
		return l.T("desk.flash.source_added_file")
	case "source-updated-file":
		return l.T("desk.flash.source_updated_file")
	case "file-removed":
		return l.T("desk.flash.file_removed")
	case "verdict-proposed":
		return l.T("desk.flash.verdict_proposed")
	case "verdict-revised":
		return l.T("desk.flash.verdict_revised")
	case "approved":
		return l.T("desk.flash.approved")
	case "published":
		return l.T("desk.flash.published")
	case "sent-back":
		return l.T("desk.flash.sent_back")
	case "update-saved":
		return l.T("desk.flash.update_saved")
	case "update-submitted":
		return l.T("desk.flash.update_submitted")
	case "update-withdrawn":
		return l.T("desk.flash.update_withdrawn")
	case "correction-added":
		return l.T("desk.flash.correction_added")
	case "retracted":
		return l.T("desk.flash.retracted")
	}
	return ""
}
