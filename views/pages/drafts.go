package pages

import "claimtracker/views/components"

// DraftKey names the claim form's unsaved draft (see components.DraftKey):
// the claim it edits, or a new claim, of the article it comes from when it
// does.
func (f ClaimForm) DraftKey() string {
	switch {
	case f.Claim != nil:
		return components.DraftKey("claim", f.Claim.ID, "edit")
	case f.Form.Get("article_id") != "":
		return components.DraftKey("article", f.Form.Get("article_id"), "claim", "new")
	}
	return components.DraftKey("claim", "new")
}
