package pages

import (
	"context"
	"strconv"
	"time"

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
	// Notes are the claim's internal discussion, oldest first.
	Notes []models.Note
	// Colleagues are the accounts the claim may be assigned to.
	Colleagues []models.Colleague
	// Today is the newsroom's calendar day, by which the due day is soon
	// or past.
	Today time.Time
}

// TriageForm is the assignment form as it starts: the user's input when it
// was refused, else the claim's assignee, due day, priority and revision.
func (d ClaimDesk) TriageForm() views.Form {
	if d.Forms.Triage.Values != nil {
		return d.Forms.Triage
	}
	return views.Form{Values: TriageValues(d.Claim), Errors: d.Forms.Triage.Errors, Error: d.Forms.Triage.Error}
}

// TriageValues are a claim's assignee, due day, priority and revision as
// the desk's forms hold them.
func TriageValues(c *models.Claim) map[string]string {
	v := map[string]string{"assignee_id": "", "due_on": models.FormatDate(c.DueOn), "priority": string(c.Priority),
		"revision": strconv.Itoa(c.Revision)}
	if c.AssigneeID != nil {
		v["assignee_id"] = strconv.FormatUint(uint64(*c.AssigneeID), 10)
	}
	return v
}

// MyHandle is how a note mentions u, "@" and their handle (see
// models.MentionHandle), isolated for direction (U+2068, U+2069) so that
// a right-to-left sentence keeps it whole.
func MyHandle(u *models.User) string { return "\u2068@" + models.MentionHandle(u.Email) + "\u2069" }

// ClaimForms are the forms of the claim page. A refused form comes back
// with the user's input and its errors; the others are fresh.
type ClaimForms struct {
	Source, Verdict, Review, Correction, Retract views.Form
	// Triage changes the assignee, due day and priority; Research starts
	// research on a draft; Note adds a note.
	Triage, Research, Note views.Form
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
	// Colleagues are the accounts the claim may be assigned to.
	Colleagues []models.Colleague
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
		s = views.T(ctx, "desk.appearance.article", "Outlet", s, "Date", components.Day(ctx, a.PublishedAt))
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
	return d.Claim.Status.BeforeReview() || d.Claim.Status == models.ClaimInReview
}

// CanPropose reports whether a first verdict may be proposed now: the
// claim has not gone to review (a draft, or being researched) and has no
// verdict open. A published claim gets a new verdict through an update
// (CanOpenUpdate).
func (d ClaimDesk) CanPropose() bool {
	return d.Claim.OpenVerdict() == nil && d.Claim.Status.BeforeReview()
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

// Name is the display name of user id, or neutral words in ctx's
// language when unknown.
func (d ClaimDesk) Name(ctx context.Context, id *uint) string {
	if id == nil {
		return views.T(ctx, "desk.someone")
	}
	if n, ok := d.Names[*id]; ok {
		return n
	}
	return views.T(ctx, "desk.former_account")
}

// IsAuthor reports whether u wrote v first: its author, who may revise it.
func IsAuthor(v *models.Verdict, u *models.User) bool {
	return v != nil && u != nil && v.AuthorID != nil && *v.AuthorID == u.ID
}

// ChangeKey is the message that says what made a version of a verdict,
// and who ({{.Name}}): "proposed by Ed Itor".
func ChangeKey(c models.VersionChange) string {
	switch c {
	case models.ChangeProposed:
		return "desk.version.proposed"
	case models.ChangeRevised:
		return "desk.version.revised"
	case models.ChangeClaimEdited:
		return "desk.version.claim_edited"
	case models.ChangeSourceAdded:
		return "desk.version.source_added"
	case models.ChangeSourceUpdated:
		return "desk.version.source_updated"
	case models.ChangeSourceRemoved:
		return "desk.version.source_removed"
	case models.ChangeFileAttached:
		return "desk.version.file_attached"
	case models.ChangeFileRemoved:
		return "desk.version.file_removed"
	case models.ChangeRatingRelabelled:
		return "desk.version.rating_relabelled"
	}
	return "desk.version.changed"
}

// CanRevise reports whether u may revise the open verdict v: its author or
// an admin.
func CanRevise(v *models.Verdict, u *models.User) bool {
	return IsAuthor(v, u) || u.Can(models.RoleAdmin)
}

// ReviewRefusal says, in ctx's language, why u may not review v now, or
// "" when u may.
func ReviewRefusal(ctx context.Context, v *models.Verdict, u *models.User) string {
	switch {
	case IsAuthor(v, u):
		return views.T(ctx, "desk.review.refusal.author")
	case v.IsAuthor(u):
		return views.T(ctx, "desk.review.refusal.changed")
	case !u.Can(models.RoleReviewer):
		return views.T(ctx, "desk.review.refusal.not_reviewer")
	case v.Status == models.VerdictChangesRequested:
		return views.T(ctx, "desk.review.refusal.sent_back")
	case v.Status != models.VerdictInReview:
		return views.T(ctx, "desk.review.refusal.not_in_review")
	}
	for _, r := range v.Reviews {
		if r.ReviewerID != nil && *r.ReviewerID == u.ID && r.Version == v.Version {
			return views.T(ctx, "desk.review.refusal.already")
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

// noteAuthor names who wrote a note, or neutral words once that account
// is gone.
func noteAuthor(ctx context.Context, n *models.Note) string {
	if n.Author != nil {
		return n.Author.Name
	}
	return views.T(ctx, "desk.former_account")
}
