package models

import "time"

// PersonKind tells a person from an organisation; ClaimReview names the
// speaker as a schema.org Person or Organization accordingly.
type PersonKind string

// The kinds of speaker.
const (
	KindPerson       PersonKind = "person"
	KindOrganization PersonKind = "organization"
)

// Person is a speaker, a person or an organisation, that makes claims.
type Person struct {
	ID   uint
	Name string
	// Slug is the speaker's page address, /people/{slug}, made from the
	// name; it changes with the name, and every slug a speaker had stays
	// a PersonRedirect to them.
	Slug string
	Kind PersonKind
	// Title is the speaker's title or role ("Attorney General"), and
	// Affiliation the party, employer or body they speak for; either may
	// be empty. They map to schema.org Person's jobTitle and affiliation.
	Title       string
	Affiliation string
	Description string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Revision counts the speaker's saved edits, from 1; an edit made
	// from an older revision is refused.
	Revision int `gorm:"default:1"`
	// PublicClaims is how many of the speaker's claims are public
	// (published or retracted). The database keeps it in step with every
	// change of a claim's status or speaker (migration 00013); the store
	// never writes it.
	PublicClaims int `gorm:"->"`
}

// PersonRedirect is a former page address of a speaker: a slug the speaker
// had before a rename, or that a speaker merged into them had. The public
// page at /people/{Slug} answers 301 with the page of PersonID.
type PersonRedirect struct {
	Slug      string `gorm:"primaryKey"`
	PersonID  uint
	CreatedAt time.Time
}

// Article is where an editor found claims.
type Article struct {
	ID  uint
	URL string `gorm:"column:url"`
	// URLKey is the SHA-256 (hex) of URL written one way (see
	// NormalizeArticleURL), by which an article logged twice is found.
	URLKey      string `gorm:"column:url_key"`
	Title       string
	Outlet      string
	Author      string
	PublishedAt *time.Time
	Body        string
	CreatedBy   *uint
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// ClaimStatus is where a claim stands in the workflow.
type ClaimStatus string

// Claim statuses: draft → researching → in review → published (a draft
// may go to review at once, and a claim whose verdict a reviewer sends
// back is researched again); published claims may be retracted. These are
// fixed workflow states, named for people by ClaimStatus.Label.
const (
	ClaimDraft ClaimStatus = "draft"
	// ClaimResearching: someone is gathering the evidence; the claim is
	// edited as a draft is.
	ClaimResearching ClaimStatus = "researching"
	ClaimInReview    ClaimStatus = "in_review"
	ClaimPublished   ClaimStatus = "published"
	ClaimRetracted   ClaimStatus = "retracted"
	// ClaimSentBack is how the desk names a claim whose verdict a reviewer
	// sent back for changes. It is never stored (such a claim's Status is
	// ClaimResearching, or ClaimDraft when it was sent back before that
	// stage existed): see Claim.DeskStatus and ClaimFilter.
	ClaimSentBack ClaimStatus = "sent_back"
)

// Claim is one statement a speaker made, logged verbatim.
type Claim struct {
	ID      uint
	Slug    string
	Text    string
	Summary string
	// Language is the BCP 47 tag (canonical, see CanonicalLanguage) of
	// the language the claim was made in, its Text's; "" when not known.
	Language  string
	PersonID  uint
	Person    *Person `gorm:"foreignKey:PersonID"`
	SaidAt    *time.Time
	Setting   string
	ArticleID *uint
	Status    ClaimStatus
	CreatedBy *uint
	// AssigneeID is the colleague the claim is assigned to, nil when it is
	// nobody's; Assignee is that account (id, email, name, role and
	// whether it is disabled) when the query loaded it. DueOn is the
	// newsroom's calendar day it is due, nil for none; Priority how urgent
	// it is. All three are the desk's own: no public page, feed or API
	// shows them.
	AssigneeID  *uint
	Assignee    *User `gorm:"foreignKey:AssigneeID"`
	DueOn       *time.Time
	Priority    Priority `gorm:"default:normal"`
	PublishedAt *time.Time
	RetractedAt *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// PublicVersion and PublicChangedMs version the claim's public page
	// (see versions.go); only the public change counter writes them.
	PublicVersion   int64 `gorm:"->" json:"-"`
	PublicChangedMs int64 `gorm:"->" json:"-"`
	// RatingSlug is the rating of the published verdict, nil without one.
	// The database keeps it in step with the verdicts (migration 00013);
	// the store never writes it.
	RatingSlug  *string      `gorm:"->"`
	Tags        []ClaimTag   `gorm:"foreignKey:ClaimID"`
	Sources     []Source     `gorm:"foreignKey:ClaimID"`
	Verdicts    []Verdict    `gorm:"foreignKey:ClaimID"`
	Corrections []Correction `gorm:"foreignKey:ClaimID"`
	// Appearances are the works the claim appeared in, earliest first
	// (see SortAppearances and appearance.go).
	Appearances []Appearance `gorm:"foreignKey:ClaimID"`

	// Revision counts the edits of the claim's own fields (UpdateClaim),
	// from 1; an edit made from an older revision is refused.
	Revision int `gorm:"default:1"`

	// SentBack is set, on a claim before review (BeforeReview) whose
	// verdict a reviewer sent back for changes, by the store methods that
	// return claims for the desk (GetClaim, ListClaims, ArticleClaims);
	// it is not a column.
	SentBack bool `gorm:"-"`
}

// DeskStatus is the claim's status as the desk shows it: ClaimSentBack for
// a claim before review whose verdict a reviewer sent back, else its
// Status.
func (c *Claim) DeskStatus() ClaimStatus {
	if c.SentBack && c.Status.BeforeReview() {
		return ClaimSentBack
	}
	return c.Status
}

// ClaimTag is one tag on a claim.
type ClaimTag struct {
	ClaimID uint   `gorm:"primaryKey;autoIncrement:false"`
	Tag     string `gorm:"primaryKey"`
	// PublishedAt is the claim's published_at while the claim is public,
	// else nil, so that a tag's public claims are listed from an index in
	// list order. The database keeps it in step with the claim (migration
	// 00013); the store never writes it.
	PublishedAt *time.Time `gorm:"->"`
}

// SourceKind is what kind of document a source is.
type SourceKind string

// The kinds of source.
const (
	SourceTranscript     SourceKind = "transcript"
	SourceOfficialRecord SourceKind = "official_record"
	SourceNewsReport     SourceKind = "news_report"
	SourceStatement      SourceKind = "statement"
	SourceSocialPost     SourceKind = "social_post"
	SourceDataset        SourceKind = "dataset"
	SourceOther          SourceKind = "other"
)

// Stance is how a source bears on its claim.
type Stance string

// The stances a source may take.
const (
	StanceSupports    Stance = "supports"
	StanceContradicts Stance = "contradicts"
	StanceContext     Stance = "context"
)

// Source is a piece of evidence attached to a claim.
type Source struct {
	ID          uint
	ClaimID     uint
	URL         string `gorm:"column:url"`
	Title       string
	Outlet      string
	PublishedAt *time.Time
	Kind        SourceKind
	Stance      Stance
	Excerpt     string
	Locator     string
	// Language is the BCP 47 tag of the source's language, its title's
	// and excerpt's; "" when not known.
	Language  string
	CreatedBy *uint
	CreatedAt time.Time
	UpdatedAt time.Time

	// Revision counts the source's edits, from 1, a file attached or
	// removed included; an edit or removal made from an older revision is
	// refused.
	Revision int `gorm:"default:1"`

	// ArchiveStatus says where the archiving of URL stands: "" (never
	// asked), queued, archived, refused (the fetcher's rules or the type
	// allow-list said no) or failed (the page could not be had).
	ArchiveStatus ArchiveStatus
	// ArchiveSnapshotID is the snapshot of URL last taken, when there is
	// one; ArchiveError says why the last attempt did not take one, in
	// English (as the API gives it), and ArchiveReason says the same as a
	// reason of the catalogue, for pages in other languages (zero for an
	// error recorded before reasons were kept: ArchiveError alone).
	// LinkError and LinkReason, WaybackError and WaybackReason go
	// together the same way.
	ArchiveSnapshotID *uint
	ArchiveError      string
	ArchiveReason     Reason
	// ArchiveSnapshot is the snapshot ArchiveSnapshotID names, without its
	// text, when loaded with the claim.
	ArchiveSnapshot *Snapshot `gorm:"foreignKey:ArchiveSnapshotID"`

	// LinkStatus is what the last link check found at URL ("" before the
	// first), at LinkCheckedAt, with LinkError saying why when it failed.
	LinkStatus    LinkStatus
	LinkCheckedAt *time.Time
	LinkError     string
	LinkReason    Reason
	// LinkHTTPStatus is the last check's final HTTP status (nil when no
	// answer came) and LinkFinalURL the address that gave it; LinkSince
	// is when a check first found LinkStatus, which stays put while later
	// checks find the same.
	LinkHTTPStatus *int   `gorm:"column:link_http_status"`
	LinkFinalURL   string `gorm:"column:link_final_url"`
	LinkSince      *time.Time

	// WaybackStatus says where the request for an Internet Archive copy
	// stands ("" when none was asked), WaybackURL is the copy's address
	// once saved, WaybackError why it failed, WaybackAt when it ended.
	WaybackStatus string
	WaybackURL    string `gorm:"column:wayback_url"`
	WaybackError  string
	WaybackReason Reason
	WaybackAt     *time.Time

	// Files are the files attached to the source, oldest first, when the
	// query loaded them (loadClaim does).
	Files []SourceFile `gorm:"foreignKey:SourceID"`
}

// Rating is one step of the rating scale. Ordered ratings are ranked by
// Position, best first; an unordered rating ("Unproven") has no rank.
type Rating struct {
	ID          uint
	Slug        string
	Label       string
	Description string
	Position    int
	Ordered     bool
	CreatedAt   time.Time
	UpdatedAt   time.Time

	// Revision counts the rating's edits, from 1; an edit made from an
	// older revision is refused.
	Revision int `gorm:"default:1"`
}

// VerdictStatus is where a verdict stands in review.
type VerdictStatus string

// Verdict statuses.
const (
	VerdictInReview         VerdictStatus = "in_review"
	VerdictChangesRequested VerdictStatus = "changes_requested"
	VerdictPublished        VerdictStatus = "published"
	VerdictSuperseded       VerdictStatus = "superseded"
)

// Verdict is a proposed or published rating of a claim. RatingSlug and
// RatingLabel keep the rating as it was, whatever later happens to the scale.
type Verdict struct {
	ID          uint
	ClaimID     uint
	RatingID    uint
	RatingSlug  string
	RatingLabel string
	Headline    string
	Explanation string
	// Language is the BCP 47 tag of the language the headline and
	// explanation are written in; "" when not known.
	Language string
	AuthorID *uint
	Status   VerdictStatus
	// Version numbers what reviewers approve: it grows with every change to
	// the verdict, or to its claim's words or sources while it is open.
	Version int
	// ReviewerCount is how many reviewers' approvals counted towards the
	// quorum that published this verdict; 0 until it is published.
	ReviewerCount int
	// InReviewSince is when the verdict last went to review: proposed, or
	// revised after a reviewer sent it back (nil for verdicts that left
	// review before this was kept). The review queue says how long it has
	// waited from then.
	InReviewSince *time.Time
	PublishedAt   *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Reviews       []Review         `gorm:"foreignKey:VerdictID"`
	Versions      []VerdictVersion `gorm:"foreignKey:VerdictID"`
}

// VersionChange says what made a new version of a verdict.
type VersionChange string

// The changes that make a new version of a verdict.
const (
	ChangeProposed      VersionChange = "proposed"
	ChangeRevised       VersionChange = "revised"
	ChangeClaimEdited   VersionChange = "claim_edited"
	ChangeSourceAdded   VersionChange = "source_added"
	ChangeSourceUpdated VersionChange = "source_updated"
	ChangeSourceRemoved VersionChange = "source_removed"
	// ChangeRatingRelabelled: an admin renamed the verdict's rating on the
	// scale while the verdict was open.
	ChangeRatingRelabelled VersionChange = "rating_relabelled"
)

// VerdictVersion records one version of a verdict: what changed, who
// changed it, and the verdict's words at that version. Everyone who made a
// version is an author of the verdict and may not approve it.
type VerdictVersion struct {
	ID          uint
	VerdictID   uint
	Version     int
	Change      VersionChange
	ChangedBy   *uint
	RatingSlug  string
	Headline    string
	Explanation string
	CreatedAt   time.Time
}

// Decision is a reviewer's answer to a verdict.
type Decision string

// The decisions a reviewer may take.
const (
	DecisionApprove        Decision = "approve"
	DecisionRequestChanges Decision = "request_changes"
)

// Review is one reviewer's decision on one version of a verdict.
type Review struct {
	ID         uint
	VerdictID  uint
	ReviewerID *uint
	Version    int
	Decision   Decision
	Comment    string
	CreatedAt  time.Time
}

// CorrectionKind says what a public correction did.
type CorrectionKind string

// The kinds of correction.
const (
	CorrectionClarification CorrectionKind = "clarification"
	CorrectionCorrection    CorrectionKind = "correction"
	CorrectionRatingChange  CorrectionKind = "rating_change"
	CorrectionRetraction    CorrectionKind = "retraction"
	// CorrectionUpdate: a published update of the fact-check that kept
	// its rating (one that moved it is a rating change).
	CorrectionUpdate CorrectionKind = "update"
)

// Correction is a public note on a published claim.
type Correction struct {
	ID      uint
	ClaimID uint
	Kind    CorrectionKind
	// Note is the public note as its author wrote it (Markdown), or ""
	// for the note the server writes itself when a newer verdict is
	// published without one (a rating change, or an update that kept the
	// rating): pages phrase that one in the reader's language, and the
	// API in English, from Kind and the ratings (views.CorrectionNoteText).
	Note string
	// OldRating and NewRating are the labels of the ratings a rating
	// change moved from and to; "" for other kinds.
	OldRating string
	NewRating string
	// KeptRating is the label of the rating an update kept (kind update);
	// "" for other kinds.
	KeptRating string
	AuthorID   *uint
	CreatedAt  time.Time
}

// Setting is one key of the newsroom's settings (organisation name, URL…).
type Setting struct {
	Key       string `gorm:"primaryKey"`
	Value     string
	UpdatedAt time.Time
}
