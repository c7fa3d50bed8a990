package pages

import (
	"context"
	"strconv"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// ClaimDesk is everything the claim's desk page shows.
type ClaimDesk struct {
	Claim   *models.Claim
	Ratings []models.Rating
	// Similar are other logged claims that resemble this one.
	Similar []models.Similar
	// Names are the display names of the people who wrote the verdicts
	// and reviews, by user id.
	Names map[uint]string
	Forms ClaimForms
	// Update is the claim's open update (draft or submitted), or nil.
	Update *models.ClaimUpdate
	// MaxFileBytes is the largest file the source form may attach.
	MaxFileBytes int64
}

// ClaimForms are the forms of the claim page. A refused form comes back
// with the user's input and its errors; the others are fresh.
type ClaimForms struct {
	Source, Verdict, Review, Correction, Retract views.Form
	// Remove carries why a source was not removed.
	Remove views.Form
	// Delete is the form that deletes a draft claim.
	Delete views.Form
}

// ClaimForm is the view of the claim form: for a new claim (Claim nil) or
// an edit.
type ClaimForm struct {
	Form   views.Form
	Claim  *models.Claim
	People []models.Person
	// Article is the article a new claim comes from, or nil.
	Article *models.Article
	// LoggedFrom is the article an edited claim was logged from, or nil:
	// its appearance stays whatever the form says.
	LoggedFrom *models.Article
	Similar    []models.Similar
	// AppearanceRows is how many appearance rows the form shows; row i
	// posts the fields models.AppearanceField(i, "url"), "date", "where"
	// and "remove".
	AppearanceRows int
}

// Action is the address the claim form posts to.
func (f ClaimForm) Action() string {
	if f.Claim == nil {
		return "/desk/claims"
	}
	return components.ClaimPath(f.Claim.ID)
}

// Rows lists the appearance rows, from 0.
func (f ClaimForm) Rows() []int {
	out := make([]int, f.AppearanceRows)
	for i := range out {
		out[i] = i
	}
	return out
}

// CanAddRow reports whether the form may show one more appearance row.
func (f ClaimForm) CanAddRow() bool { return f.AppearanceRows < models.MaxAppearances }

// IsArticleRow reports whether row i holds the appearance of the article
// the edited claim was logged from.
func (f ClaimForm) IsArticleRow(i int) bool {
	return f.LoggedFrom != nil && f.Form.Get(models.AppearanceField(i, "url")) == f.LoggedFrom.URL
}

// articleAppearance says how the article a new claim comes from will
// appear among its appearances: "The Washington Post, 1 Mar 2017".
func articleAppearance(ctx context.Context, a *models.Article) string {
	s := a.Outlet
	if s == "" {
		s = components.URLHost(a.URL)
	}
	if a.PublishedAt != nil {
		s += ", " + components.Day(ctx, a.PublishedAt)
	}
	return s
}

// rowID is the element id of a member of appearance row i.
func rowID(i int, member string) string {
	return "f-appearance-" + strconv.Itoa(i) + "-" + member
}

// SourcesBy returns the claim's sources of one stance, oldest first.
func (d ClaimDesk) SourcesBy(s models.Stance) []models.Source {
	var out []models.Source
	for _, src := range d.Claim.Sources {
		if src.Stance == s {
			out = append(out, src)
		}
	}
	return out
}

// EvidenceOpen reports whether sources may still be added, edited and
// removed: until the claim is published.
func (d ClaimDesk) EvidenceOpen() bool {
	return d.Claim.Status == models.ClaimDraft || d.Claim.Status == models.ClaimInReview
}

// CanPropose reports whether a first verdict may be proposed now: the
// claim is a draft with no verdict open. A published claim gets a new
// verdict through an update (CanOpenUpdate).
func (d ClaimDesk) CanPropose() bool {
	return d.Claim.OpenVerdict() == nil && d.Claim.Status == models.ClaimDraft
}

// verdictFieldNames are the fields of a verdict's form.
var verdictFieldNames = []string{"rating", "headline", "explanation"}

// CanOpenUpdate reports whether an update of the published fact-check may
// be opened now: it is published and nothing is open on it.
func (d ClaimDesk) CanOpenUpdate() bool {
	return d.Claim.Status == models.ClaimPublished && d.Update == nil && d.Claim.OpenVerdict() == nil
}

// IsUpdateVerdict reports whether v carries the review of the open update.
func (d ClaimDesk) IsUpdateVerdict(v *models.Verdict) bool {
	return d.Update != nil && d.Update.VerdictID != nil && *d.Update.VerdictID == v.ID
}

// Name is the display name of user id, or a neutral word when unknown.
func (d ClaimDesk) Name(id *uint) string {
	if id == nil {
		return "someone"
	}
	if n, ok := d.Names[*id]; ok {
		return n
	}
	return "a former account"
}

// IsAuthor reports whether u wrote v first: its author, who may revise it.
func IsAuthor(v *models.Verdict, u *models.User) bool {
	return v != nil && u != nil && v.AuthorID != nil && *v.AuthorID == u.ID
}

// ChangeText says in words what made a version of a verdict.
func ChangeText(c models.VersionChange) string {
	switch c {
	case models.ChangeProposed:
		return "proposed by"
	case models.ChangeRevised:
		return "revised by"
	case models.ChangeClaimEdited:
		return "the claim was edited by"
	case models.ChangeSourceAdded:
		return "a source was added by"
	case models.ChangeSourceUpdated:
		return "a source was changed by"
	case models.ChangeSourceRemoved:
		return "a source was removed by"
	case models.ChangeFileAttached:
		return "a file was attached to a source by"
	case models.ChangeFileRemoved:
		return "a file was removed from a source by"
	case models.ChangeRatingRelabelled:
		return "its rating was renamed on the scale by"
	}
	return "changed by"
}

// CanRevise reports whether u may revise the open verdict v: its author or
// an admin.
func CanRevise(v *models.Verdict, u *models.User) bool {
	return IsAuthor(v, u) || u.Can(models.RoleAdmin)
}

// ReviewRefusal says why u may not review v now, or "" when u may.
func ReviewRefusal(v *models.Verdict, u *models.User) string {
	switch {
	case IsAuthor(v, u):
		return "You wrote this verdict, so a reviewer other than you must approve it or send it back."
	case v.IsAuthor(u):
		return "You changed this verdict or what it judges, so a reviewer other than you must approve it or send it back."
	case !u.Can(models.RoleReviewer):
		return "A reviewer will approve this verdict or send it back."
	case v.Status == models.VerdictChangesRequested:
		return "This verdict was sent back. It returns to review when its author revises it."
	case v.Status != models.VerdictInReview:
		return "This verdict is not in review."
	}
	for _, r := range v.Reviews {
		if r.ReviewerID != nil && *r.ReviewerID == u.ID && r.Version == v.Version {
			return "You already reviewed this version. It needs another reviewer, or a revision."
		}
	}
	return ""
}

// UserIDs lists everyone whose name the claim page shows.
func UserIDs(c *models.Claim) []uint {
	var ids []uint
	for _, v := range c.Verdicts {
		if v.AuthorID != nil {
			ids = append(ids, *v.AuthorID)
		}
		for _, r := range v.Reviews {
			if r.ReviewerID != nil {
				ids = append(ids, *r.ReviewerID)
			}
		}
		for _, x := range v.Versions {
			if x.ChangedBy != nil {
				ids = append(ids, *x.ChangedBy)
			}
		}
	}
	for _, corr := range c.Corrections {
		if corr.AuthorID != nil {
			ids = append(ids, *corr.AuthorID)
		}
	}
	return ids
}
