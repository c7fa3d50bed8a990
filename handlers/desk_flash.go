package handlers

// deskFlash turns a ?done= code of the desk's redirects into its
// confirmation; unknown codes show nothing. The codes of accounts and
// administration are flashMessage's.
func deskFlash(code string) string {
	switch code {
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
	}
	return ""
}
