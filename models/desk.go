package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// notSentBack leaves out claims whose verdict was sent back: those are
// listed, once, under "sent back"; sentBack keeps only those.
const (
	notSentBack = "NOT EXISTS (SELECT 1 FROM verdicts sb WHERE sb.claim_id = claims.id AND sb.status = 'changes_requested')"
	sentBack    = "EXISTS (SELECT 1 FROM verdicts sb WHERE sb.claim_id = claims.id AND sb.status = 'changes_requested')"
)

// markSentBack sets SentBack on the claims before review whose verdict a
// reviewer sent back for changes.
func markSentBack(db *gorm.DB, claims []Claim) error {
	var early []uint
	for _, c := range claims {
		if c.Status.BeforeReview() {
			early = append(early, c.ID)
		}
	}
	if len(early) == 0 {
		return nil
	}
	var back []uint
	if err := db.Model(&Verdict{}).Where("claim_id IN ? AND status = ?", early, VerdictChangesRequested).Distinct().Pluck("claim_id", &back).Error; err != nil {
		return fmt.Errorf("find claims sent back: %w", err)
	}
	set := make(map[uint]bool, len(back))
	for _, id := range back {
		set[id] = true
	}
	for i := range claims {
		claims[i].SentBack = set[claims[i].ID]
	}
	return nil
}

// DeskCounts is what waits for one user on the desk.
type DeskCounts struct {
	// AssignedToMe counts the claims assigned to the user that are still
	// worked on (not published or retracted).
	AssignedToMe int64
	// DueSoon counts the claims still worked on, assigned to the user or
	// to nobody, due within DueSoonDays days or overdue.
	DueSoon int64
	// AwaitingReview counts the verdicts in review the user may review
	// (reviewers and admins; zero for editors).
	AwaitingReview int64
	// SentBack counts the user's verdicts a reviewer sent back.
	SentBack int64
	// MyDrafts counts the claims the user logged that have not gone to
	// review and were not sent back.
	MyDrafts          int64
	RecentlyPublished int64
	// Waiting counts the claims that wait for the user to act: assigned
	// to them and still worked on, or with their verdict sent back; each
	// once. The desk's navigation shows it beside "Desk".
	Waiting int64
	// Unread counts the user's unread notifications (see Inbox); the
	// navigation shows it beside "Inbox".
	Unread int64
}

// deskQueries are the queries behind each of the desk's lists for one
// user on one calendar day, shared by its counts and its lists.
type deskQueries struct {
	db    *gorm.DB
	u     *User
	today time.Time
}

func (q deskQueries) assignedToMe() *gorm.DB {
	return q.db.Model(&Claim{}).Where("claims.assignee_id = ? AND claims.status IN ?", q.u.ID, openStatuses)
}

func (q deskQueries) dueSoon() *gorm.DB {
	return dueBy(q.db.Model(&Claim{}), q.u.ID, DueSoonBy(q.today))
}

// DueSoonBy is the last due day that is soon on the newsroom's calendar
// day today (see DueSoonDays).
func DueSoonBy(today time.Time) time.Time { return today.AddDate(0, 0, DueSoonDays) }

// dueBy keeps, of db's claims, those still worked on that are due on day
// by or earlier and are assigned to userID or to nobody.
func dueBy(db *gorm.DB, userID uint, by time.Time) *gorm.DB {
	return db.Where("claims.status IN ? AND claims.due_on IS NOT NULL AND claims.due_on <= ?", openStatuses, by).
		Where("claims.assignee_id IS NULL OR claims.assignee_id = ?", userID)
}

func (q deskQueries) sentBack() *gorm.DB {
	return q.db.Table("verdicts v").Where("v.author_id = ? AND v.status = ?", q.u.ID, VerdictChangesRequested)
}

func (q deskQueries) waiting() *gorm.DB {
	return q.db.Model(&Claim{}).Where("(claims.assignee_id = ? AND claims.status IN ?) OR EXISTS (SELECT 1 FROM verdicts w WHERE w.claim_id = claims.id AND w.author_id = ? AND w.status = ?)",
		q.u.ID, openStatuses, q.u.ID, VerdictChangesRequested)
}

func (q deskQueries) myDrafts() *gorm.DB {
	return q.db.Model(&Claim{}).Where("created_by = ? AND status IN ?", q.u.ID, beforeReview).Where(notSentBack)
}

func (q deskQueries) awaitingReview() *gorm.DB {
	return q.db.Table("verdicts v").Where("v.status = ?", VerdictInReview).Where(awaitsReviewBy, q.u.ID, q.u.ID, q.u.ID)
}

// deskQueries starts the desk's queries for u, reading from ctx.
func (s *Store) deskQueries(ctx context.Context, u *User) (deskQueries, error) {
	db := s.read(ctx)
	today, err := s.today(db)
	return deskQueries{db: db, u: u, today: today}, err
}

// DeskCounts counts, for u: the claims assigned to them, those due soon
// (see DeskCounts.DueSoon), the verdicts by others waiting for their
// review (reviewers only), their verdicts sent back, their drafts, the
// claims published in the last 30 days, and their unread notifications.
func (s *Store) DeskCounts(ctx context.Context, u *User) (DeskCounts, error) {
	var c DeskCounts
	q, err := s.deskQueries(ctx, u)
	if err != nil {
		return c, err
	}
	counts := []struct {
		what string
		n    *int64
		db   *gorm.DB
	}{
		{"assigned", &c.AssignedToMe, q.assignedToMe()},
		{"due soon", &c.DueSoon, q.dueSoon()},
		{"sent back", &c.SentBack, q.sentBack()},
		{"drafts", &c.MyDrafts, q.myDrafts()},
		{"waiting", &c.Waiting, q.waiting()},
		{"unread", &c.Unread, unreadQuery(q.db, u.ID)},
		{"published", &c.RecentlyPublished, q.db.Model(&Claim{}).Where("status = ? AND published_at >= ?", ClaimPublished, s.now().AddDate(0, 0, -30))},
	}
	if u.Can(RoleReviewer) {
		counts = append(counts, struct {
			what string
			n    *int64
			db   *gorm.DB
		}{"awaiting review", &c.AwaitingReview, q.awaitingReview()})
	}
	for _, k := range counts {
		if err := k.db.Count(k.n).Error; err != nil {
			return c, fmt.Errorf("count %s: %w", k.what, err)
		}
	}
	return c, nil
}

// QueueItem is one verdict waiting for review, with its claim's speaker
// and its author.
type QueueItem struct {
	VerdictID    uint
	ClaimID      uint
	ClaimSlug    string
	ClaimSummary string
	RatingSlug   string
	RatingLabel  string
	Version      int
	// SubmittedAt is when the verdict went to review (Verdict.InReviewSince,
	// or its last change for one that went before that was kept).
	SubmittedAt time.Time
	SpeakerID   uint
	SpeakerName string
	// AuthorID is the verdict's author (0 once that account is gone),
	// AuthorName their display name.
	AuthorID   uint
	AuthorName string
}

// QueueFilter narrows the review queue; zero fields match everything.
type QueueFilter struct {
	// SpeakerID keeps the verdicts on claims by this person.
	SpeakerID uint
	// AuthorID keeps the verdicts this account wrote.
	AuthorID uint
}

// awaitsReviewBy is the condition on a verdict "v" that it waits for the
// review of a user (given three times): they are none of its authors and
// have not reviewed its current version.
const awaitsReviewBy = `(v.author_id IS NULL OR v.author_id <> ?)
	AND NOT EXISTS (SELECT 1 FROM verdict_versions vv WHERE vv.verdict_id = v.id AND vv.changed_by = ?)
	AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.verdict_id = v.id AND r.version = v.version AND r.reviewer_id = ?)`

// ReviewQueue lists the verdicts in review that wait for u's review, those
// waiting longest first: none that u wrote or changed, nor ones whose
// current version u has reviewed already, narrowed by f. Only reviewers
// and admins have a queue.
func (s *Store) ReviewQueue(ctx context.Context, u *User, f QueueFilter) ([]QueueItem, error) {
	if !u.Can(RoleReviewer) {
		return nil, fmt.Errorf("review queue: %w", ErrForbidden)
	}
	q := deskQueries{db: s.read(ctx), u: u}
	db := q.awaitingReview().
		Select(`v.id AS verdict_id, c.id AS claim_id, c.slug AS claim_slug, c.summary AS claim_summary, v.rating_slug, v.rating_label, v.version,
			v.in_review_since, v.updated_at, p.id AS speaker_id, p.name AS speaker_name,
			COALESCE(au.id, 0) AS author_id, COALESCE(au.name, '') AS author_name`).
		Joins("JOIN claims c ON c.id = v.claim_id").
		Joins("JOIN people p ON p.id = c.person_id").
		Joins("LEFT JOIN users au ON au.id = v.author_id")
	if f.SpeakerID != 0 {
		db = db.Where("c.person_id = ?", f.SpeakerID)
	}
	if f.AuthorID != 0 {
		db = db.Where("v.author_id = ?", f.AuthorID)
	}
	var rows []struct {
		QueueItem
		InReviewSince *time.Time
		UpdatedAt     time.Time
	}
	if err := db.Order("COALESCE(v.in_review_since, v.updated_at), v.id").Limit(200).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	out := make([]QueueItem, 0, len(rows))
	for _, r := range rows {
		r.SubmittedAt = r.UpdatedAt
		if r.InReviewSince != nil {
			r.SubmittedAt = *r.InReviewSince
		}
		out = append(out, r.QueueItem)
	}
	return out, nil
}

// VerdictItem is one verdict in a desk list, with its claim and the latest
// reviewer comment.
type VerdictItem struct {
	VerdictID    uint
	ClaimID      uint
	ClaimSlug    string
	ClaimSummary string
	RatingSlug   string
	RatingLabel  string
	Version      int
	UpdatedAt    time.Time
	LastComment  string
}

// DeskLists is what the dashboard shows under each count.
type DeskLists struct {
	// Today is the newsroom's calendar day the lists were made on, by
	// which due days are soon or past.
	Today             time.Time
	AssignedToMe      []Claim
	DueSoon           []Claim
	AwaitingReview    []QueueItem
	SentBack          []VerdictItem
	MyDrafts          []Claim
	RecentlyPublished []Claim
}

// deskClaimOrder lists claims by due day (the earliest first, those
// without one last), then most urgent, then the oldest.
const deskClaimOrder = "claims.due_on IS NULL, claims.due_on, " + priorityOrder + ", claims.id"

// DeskLists returns, up to limit each: the claims assigned to u and those
// due soon, by due day; the review queue (reviewers only); u's verdicts
// sent back with the reviewer's last comment; u's drafts; and the latest
// published claims. The claims come with their speakers and assignees.
func (s *Store) DeskLists(ctx context.Context, u *User, limit int) (DeskLists, error) {
	var l DeskLists
	q, err := s.deskQueries(ctx, u)
	if err != nil {
		return l, err
	}
	l.Today = q.today
	claims := func(db *gorm.DB) *gorm.DB { return withAssignee(db.Preload("Person")) }
	if err := claims(q.assignedToMe()).Order(deskClaimOrder).Limit(limit).Find(&l.AssignedToMe).Error; err != nil {
		return l, fmt.Errorf("list assigned: %w", err)
	}
	if err := claims(q.dueSoon()).Order(deskClaimOrder).Limit(limit).Find(&l.DueSoon).Error; err != nil {
		return l, fmt.Errorf("list due soon: %w", err)
	}
	err = q.sentBack().
		Select(`v.id AS verdict_id, c.id AS claim_id, c.slug AS claim_slug, c.summary AS claim_summary, v.rating_slug, v.rating_label, v.version, v.updated_at,
			COALESCE((SELECT r.comment FROM reviews r WHERE r.verdict_id = v.id ORDER BY r.id DESC LIMIT 1), '') AS last_comment`).
		Joins("JOIN claims c ON c.id = v.claim_id").
		Order("v.updated_at DESC, v.id DESC").Limit(limit).Scan(&l.SentBack).Error
	if err != nil {
		return l, fmt.Errorf("list sent back: %w", err)
	}
	if u.Can(RoleReviewer) {
		q, err := s.ReviewQueue(ctx, u, QueueFilter{})
		if err != nil {
			return l, err
		}
		if len(q) > limit {
			q = q[:limit]
		}
		l.AwaitingReview = q
	}
	if err := claims(q.myDrafts()).Order("updated_at DESC, id DESC").Limit(limit).Find(&l.MyDrafts).Error; err != nil {
		return l, fmt.Errorf("list drafts: %w", err)
	}
	since := s.now().AddDate(0, 0, -30)
	if err := claims(q.db).Where("status = ? AND published_at >= ?", ClaimPublished, since).
		Order("published_at DESC, id DESC").Limit(limit).Find(&l.RecentlyPublished).Error; err != nil {
		return l, fmt.Errorf("list published: %w", err)
	}
	for _, list := range [][]Claim{l.AssignedToMe, l.DueSoon, l.MyDrafts} {
		if err := markSentBack(q.db, list); err != nil {
			return l, err
		}
	}
	return l, nil
}
