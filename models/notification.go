package models

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// Notifications are a person's inbox: one row for each person a workflow
// event (see claim_event.go) concerns, made by notify in the transaction
// that records the event. Who is told, never the person who made it
// happen, never a disabled account, each person once per event:
//
//   - assigned, mentioned, sent back: the one person the event is about
//     (ClaimEvent.UserID);
//   - sent to review: every active reviewer and admin who may review the
//     verdict, that is none of its authors (see ReviewVerdict);
//   - published, corrected: the people who worked on the claim: whoever
//     logged it, its assignee, and the authors of the verdict. A newer
//     verdict's publication records both a correction and a publication;
//     only the publication is told.
//
// A person who opted in to e-mail (User.EmailNotifications) on a site
// whose mail is set up (Config.MailEnabled) also gets a JobSendMail job
// per notification, enqueued in the same transaction; the job builds and
// sends the message later, never the request. Notifications go with their
// claim (ON DELETE CASCADE), as its events do.

// JobSendMail sends the e-mail of one notification; its payload is a
// NotificationJob.
const JobSendMail = "send_mail"

// NotificationJob is the payload of a JobSendMail job.
type NotificationJob struct {
	NotificationID uint `json:"notification_id"`
}

// Notification tells one person of one workflow event. ReadAt is nil
// while it is unread.
type Notification struct {
	ID        uint
	UserID    uint
	EventID   uint
	ClaimID   uint
	Kind      EventKind
	CreatedAt time.Time
	ReadAt    *time.Time
}

// Unread reports whether n has not been read.
func (n *Notification) Unread() bool { return n.ReadAt == nil }

// notify adds the notifications of event e, just recorded in tx by
// actor (nil for none), and their mail jobs.
func (s *Store) notify(tx *gorm.DB, actor *User, e *ClaimEvent) error {
	to, err := eventRecipients(tx, actor, e)
	if err != nil {
		return fmt.Errorf("recipients of %s event %d: %w", e.Kind, e.ID, err)
	}
	if len(to) == 0 {
		return nil
	}
	ns := make([]Notification, len(to))
	for i, u := range to {
		ns[i] = Notification{UserID: u.ID, EventID: e.ID, ClaimID: e.ClaimID, Kind: e.Kind, CreatedAt: e.CreatedAt}
	}
	if err := tx.Create(&ns).Error; err != nil {
		return fmt.Errorf("notify %d people of %s event %d: %w", len(ns), e.Kind, e.ID, err)
	}
	for i, u := range to {
		if s.cfg.MailEnabled && u.EmailNotifications {
			key := fmt.Sprintf("%s:notification:%d", JobSendMail, ns[i].ID)
			if err := s.enqueueJob(tx, JobSendMail, key, NotificationJob{NotificationID: ns[i].ID}, s.now()); err != nil {
				return err
			}
		}
	}
	return nil
}

// eventRecipients lists the active accounts that event e concerns (see the
// package comment above), by id, without the actor.
func eventRecipients(tx *gorm.DB, actor *User, e *ClaimEvent) ([]User, error) {
	q := tx.Model(&User{}).Select("id", "email_notifications").Where("disabled_at IS NULL")
	if actor != nil {
		q = q.Where("id <> ?", actor.ID)
	}
	switch e.Kind {
	case EventAssigned, EventMentioned, EventSentBack:
		if e.UserID == nil {
			return nil, nil
		}
		q = q.Where("id = ?", *e.UserID)
	case EventSentToReview:
		if e.VerdictID == nil {
			return nil, nil
		}
		var v Verdict
		if err := tx.Select("id", "author_id").Where("id = ?", *e.VerdictID).Take(&v).Error; err != nil {
			return nil, fmt.Errorf("verdict %d: %w", *e.VerdictID, err)
		}
		authors, err := verdictAuthors(tx, &v)
		if err != nil {
			return nil, err
		}
		q = q.Where("role IN ?", []Role{RoleReviewer, RoleAdmin})
		if len(authors) > 0 {
			q = q.Where("id NOT IN ?", authors)
		}
	case EventCorrected, EventPublished:
		if e.Kind == EventCorrected && e.VerdictID != nil {
			// The rating change or update that a newer verdict's
			// publication records: the published event of the same
			// verdict tells the same people, once.
			return nil, nil
		}
		ids, err := claimWorkers(tx, e)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return nil, nil
		}
		q = q.Where("id IN ?", ids)
	default:
		return nil, nil
	}
	var out []User
	if err := q.Order("id").Find(&out).Error; err != nil {
		return nil, err
	}
	return out, nil
}

// claimWorkers lists the people who worked on e's claim: whoever logged
// it, its assignee, and the authors of e's verdict (of the claim's
// published verdict when e names none, as a correction added by hand).
func claimWorkers(tx *gorm.DB, e *ClaimEvent) ([]uint, error) {
	var c Claim
	if err := tx.Select("id", "created_by", "assignee_id").Where("id = ?", e.ClaimID).Take(&c).Error; err != nil {
		return nil, fmt.Errorf("claim %d: %w", e.ClaimID, err)
	}
	var ids []uint
	add := func(id *uint) {
		if id != nil && !slices.Contains(ids, *id) {
			ids = append(ids, *id)
		}
	}
	add(c.CreatedBy)
	add(c.AssigneeID)
	var v Verdict
	q := tx.Select("id", "author_id")
	if e.VerdictID != nil {
		q = q.Where("id = ?", *e.VerdictID)
	} else {
		q = q.Where("claim_id = ? AND status = ?", e.ClaimID, VerdictPublished).Order("id DESC")
	}
	switch err := q.Take(&v).Error; {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return ids, nil
	case err != nil:
		return nil, fmt.Errorf("verdict of claim %d: %w", e.ClaimID, err)
	}
	authors, err := verdictAuthors(tx, &v)
	if err != nil {
		return nil, err
	}
	for _, id := range authors {
		add(&id)
	}
	return ids, nil
}

// InboxItem is one notification as the inbox shows it: what happened, to
// which claim, by whom.
type InboxItem struct {
	Notification
	// ActorID is who made it happen and ActorName their display name;
	// nil and "" when no one person did, or that account is gone.
	ActorID   *uint
	ActorName string
	// ClaimSummary is the claim's short summary, ClaimLanguage its BCP 47
	// tag.
	ClaimSummary  string
	ClaimLanguage string
}

// InboxFilter narrows and pages the inbox.
type InboxFilter struct {
	// Unread keeps only the unread notifications.
	Unread bool
	// Limit is the most items returned (1 to 200; other values mean 50),
	// after skipping Offset.
	Limit, Offset int
}

// Inbox lists u's notifications, newest first, narrowed and paged by f.
func (s *Store) Inbox(ctx context.Context, u *User, f InboxFilter) ([]InboxItem, error) {
	if !u.Active() {
		return nil, fmt.Errorf("inbox: %w", ErrForbidden)
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	q := s.read(ctx).Table("notifications n").
		Select("n.id, n.user_id, n.event_id, n.claim_id, n.kind, n.created_at, n.read_at, "+
			"e.actor_id, COALESCE(a.name, '') AS actor_name, c.summary AS claim_summary, c.language AS claim_language").
		Joins("JOIN claim_events e ON e.id = n.event_id").
		Joins("JOIN claims c ON c.id = n.claim_id").
		Joins("LEFT JOIN users a ON a.id = e.actor_id").
		Where("n.user_id = ?", u.ID)
	if f.Unread {
		q = q.Where("n.read_at IS NULL")
	}
	var out []InboxItem
	if err := q.Order("n.id DESC").Limit(f.Limit).Offset(max(f.Offset, 0)).Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("inbox of user %d: %w", u.ID, err)
	}
	return out, nil
}

// UnreadNotifications counts u's unread notifications.
func (s *Store) UnreadNotifications(ctx context.Context, u *User) (int64, error) {
	return unreadOf(s.read(ctx), u.ID)
}

// unreadQuery selects the unread notifications of user userID.
func unreadQuery(db *gorm.DB, userID uint) *gorm.DB {
	return db.Model(&Notification{}).Where("user_id = ? AND read_at IS NULL", userID)
}

func unreadOf(db *gorm.DB, userID uint) (int64, error) {
	var n int64
	if err := unreadQuery(db, userID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count unread notifications of user %d: %w", userID, err)
	}
	return n, nil
}

// MarkNotificationRead marks u's notification id read (it stays read when
// it was) and returns it. Someone else's notification, or none, is
// ErrNotFound: nobody learns of another's inbox. Reading is a person's own
// state, like a session's last use, and is not audited.
func (s *Store) MarkNotificationRead(ctx context.Context, u *User, id uint) (*Notification, error) {
	if !u.Active() {
		return nil, fmt.Errorf("mark notification read: %w", ErrForbidden)
	}
	var n Notification
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("id = ? AND user_id = ?", id, u.ID).Take(&n).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("notification %d: %w", id, ErrNotFound)
			}
			return fmt.Errorf("notification %d: %w", id, err)
		}
		if n.ReadAt != nil {
			return nil
		}
		now := s.now()
		n.ReadAt = &now
		if err := tx.Model(&Notification{}).Where("id = ?", n.ID).Update("read_at", now).Error; err != nil {
			return fmt.Errorf("mark notification %d read: %w", n.ID, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// MaxMarkRead is the most notification ids one MarkNotificationsRead
// names.
const MaxMarkRead = 500

// MarkNotificationsRead marks u's notifications ids read, or, with ids
// nil, all of u's unread ones, and returns how many were unread. When an
// id is not one of u's notifications nothing changes and the error is
// ErrNotFound; more than MaxMarkRead ids is a ValidationError on "ids".
// Not audited (see MarkNotificationRead).
func (s *Store) MarkNotificationsRead(ctx context.Context, u *User, ids []uint) (int64, error) {
	if !u.Active() {
		return 0, fmt.Errorf("mark notifications read: %w", ErrForbidden)
	}
	if len(ids) > MaxMarkRead {
		return 0, Invalid("ids", NewReason("reasons.too_many_ids", "names more than {{.Max}} items", "Max", MaxMarkRead))
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var changed int64
	err := s.write(ctx, func(tx *gorm.DB) error {
		q := tx.Model(&Notification{}).Where("user_id = ? AND read_at IS NULL", u.ID)
		if ids != nil {
			var mine int64
			if len(ids) > 0 {
				if err := tx.Model(&Notification{}).Where("user_id = ? AND id IN ?", u.ID, ids).Count(&mine).Error; err != nil {
					return fmt.Errorf("find notifications: %w", err)
				}
			}
			if mine != int64(len(ids)) {
				return fmt.Errorf("notifications %v: %w", ids, ErrNotFound)
			}
			if len(ids) == 0 {
				return nil
			}
			q = q.Where("id IN ?", ids)
		}
		res := q.Update("read_at", s.now())
		if res.Error != nil {
			return fmt.Errorf("mark notifications read: %w", res.Error)
		}
		changed = res.RowsAffected
		return nil
	})
	return changed, err
}

// MailEnabled reports whether this site sends e-mail (Config.MailEnabled).
func (s *Store) MailEnabled() bool { return s.cfg.MailEnabled }

// ReasonMailOff says that this site sends no e-mail.
var ReasonMailOff = NewReason("reasons.mail_off", "e-mail is not set up on this site")

// SetEmailNotifications turns on or off the e-mail that tells the actor of
// each of their notifications; it is off until they turn it on. Turning
// it on where mail is not set up (Config.MailEnabled) is a ValidationError
// on "email_notifications". Each user sets their own; it returns the user
// as saved, with a "user.email_notifications" audit event.
func (s *Store) SetEmailNotifications(ctx context.Context, actor *User, m Meta, on bool) (*User, error) {
	if !actor.Active() {
		return nil, fmt.Errorf("set e-mail notifications: %w", ErrForbidden)
	}
	if on && !s.cfg.MailEnabled {
		return nil, Invalid("email_notifications", ReasonMailOff)
	}
	var out User
	err := s.write(ctx, func(tx *gorm.DB) error {
		var before User
		if err := tx.First(&before, actor.ID).Error; err != nil {
			return fmt.Errorf("read user %d: %w", actor.ID, err)
		}
		if err := tx.Model(&User{}).Where("id = ?", actor.ID).Updates(map[string]any{"email_notifications": on, "updated_at": s.now()}).Error; err != nil {
			return fmt.Errorf("set e-mail notifications of user %d: %w", actor.ID, err)
		}
		if err := tx.First(&out, actor.ID).Error; err != nil {
			return fmt.Errorf("read user %d: %w", actor.ID, err)
		}
		return s.audit(tx, m, event{actor: actor, action: "user.email_notifications", objectType: "user", objectID: actor.ID,
			before: map[string]bool{"email_notifications": before.EmailNotifications}, after: map[string]bool{"email_notifications": on}})
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// NotificationMail is what the e-mail of one notification says: the facts
// of its event, and to whom it goes.
type NotificationMail struct {
	Notification
	// To is the recipient (ID, Email, Name, Language, EmailNotifications,
	// DisabledAt).
	To User
	// ActorName is who made it happen ("" when no one person did).
	ActorName string
	// ClaimSummary is the claim's short summary.
	ClaimSummary string
	// NoteExcerpt is the start of the mentioning note, as plain text, at
	// most NoteExcerptRunes characters (only for EventMentioned).
	NoteExcerpt string
	// CorrectionKind is the kind of the correction (only for
	// EventCorrected).
	CorrectionKind CorrectionKind
	// SiteLanguage is the site's interface language, for a recipient who
	// chose none; Newsroom is the site's organisation name.
	SiteLanguage string
	Newsroom     string
}

// NoteExcerptRunes is the most characters of a note that its mention's
// e-mail quotes.
const NoteExcerptRunes = 200

// NotificationMail reads what the e-mail of notification id says (see
// NotificationMail); ErrNotFound when the notification is gone (its claim
// was deleted).
func (s *Store) NotificationMail(ctx context.Context, id uint) (*NotificationMail, error) {
	db := s.read(ctx)
	var out NotificationMail
	if err := db.Where("id = ?", id).Take(&out.Notification).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, fmt.Errorf("notification %d: %w", id, ErrNotFound)
		}
		return nil, fmt.Errorf("notification %d: %w", id, err)
	}
	if err := db.Select("id", "email", "name", "language", "email_notifications", "disabled_at").Where("id = ?", out.UserID).Take(&out.To).Error; err != nil {
		return nil, fmt.Errorf("recipient of notification %d: %w", id, err)
	}
	var e ClaimEvent
	if err := db.Where("id = ?", out.EventID).Take(&e).Error; err != nil {
		return nil, fmt.Errorf("event of notification %d: %w", id, err)
	}
	if e.ActorID != nil {
		var a User
		if err := db.Select("id", "name").Where("id = ?", *e.ActorID).Limit(1).Find(&a).Error; err != nil {
			return nil, fmt.Errorf("actor of notification %d: %w", id, err)
		}
		out.ActorName = a.Name
	}
	if err := db.Model(&Claim{}).Select("summary").Where("id = ?", out.ClaimID).Scan(&out.ClaimSummary).Error; err != nil {
		return nil, fmt.Errorf("claim of notification %d: %w", id, err)
	}
	if e.Kind == EventMentioned && e.NoteID != nil {
		var body string
		if err := db.Model(&Note{}).Select("body").Where("id = ?", *e.NoteID).Scan(&body).Error; err != nil {
			return nil, fmt.Errorf("note of notification %d: %w", id, err)
		}
		out.NoteExcerpt = Shorten(PlainText(body), NoteExcerptRunes)
	}
	if e.Kind == EventCorrected && e.CorrectionID != nil {
		var kind string
		if err := db.Model(&Correction{}).Select("kind").Where("id = ?", *e.CorrectionID).Scan(&kind).Error; err != nil {
			return nil, fmt.Errorf("correction of notification %d: %w", id, err)
		}
		out.CorrectionKind = CorrectionKind(kind)
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	out.SiteLanguage, out.Newsroom = st.Language, st.OrganizationName
	return &out, nil
}
