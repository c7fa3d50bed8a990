package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Workflow events are what happened to a claim that a person may need to
// hear of: it was assigned to them, they were mentioned in a note, a
// verdict went to review, came back to its author, was published, or the
// published fact-check was corrected. The store records each one with
// recordEvent, inside the transaction that made it happen, so an event
// exists exactly when its change was committed. They are kept in the
// claim_events table, in the order they happened (by ID), and go with
// their claim when it is deleted.
//
// recordEvent is the one place where notifications (an inbox, e-mail) and
// outgoing webhooks hook in: a consumer either adds its own rows there, in
// the same transaction, or reads ClaimEvents after the last ID it
// handled.

// EventKind names what happened.
type EventKind string

// The kinds of workflow event.
const (
	// EventAssigned: the claim was assigned to UserID (on logging, or a
	// change of assignee; not when it is unassigned).
	EventAssigned EventKind = "assigned"
	// EventMentioned: NoteID mentions UserID.
	EventMentioned EventKind = "mentioned"
	// EventSentToReview: VerdictID went to review: proposed, an update
	// submitted, or revised after a reviewer sent it back. Every
	// reviewer but its authors may review it.
	EventSentToReview EventKind = "sent_to_review"
	// EventSentBack: a reviewer sent VerdictID back to its author, UserID.
	EventSentBack EventKind = "sent_back"
	// EventPublished: VerdictID was published, the claim's first or a
	// newer verdict.
	EventPublished EventKind = "published"
	// EventCorrected: the published fact-check got CorrectionID: a
	// clarification, correction, retraction, or the rating change or
	// update that a newer verdict's publication records.
	EventCorrected EventKind = "corrected"
)

// ClaimEvent is one workflow event. ActorID is who made it happen (nil
// when no one person did, as when a review quorum publishes; the
// approval's reviewer is then the actor); UserID is the one person it is
// about, nil when it concerns the whole desk. VerdictID, NoteID and
// CorrectionID name what it is about, as its kind says.
type ClaimEvent struct {
	ID           uint
	ClaimID      uint
	Kind         EventKind
	ActorID      *uint
	UserID       *uint
	VerdictID    *uint
	NoteID       *uint
	CorrectionID *uint
	CreatedAt    time.Time
}

// recordEvent records e, of a change made by actor (nil for none), in the
// transaction tx that makes the change. It is the hook point of the
// package comment above: the people to tell and the webhooks to call are
// found by tellEvents once the transaction's own changes are all made
// (Store.write), so that what they are told is the state the change
// commits, whatever order the caller wrote it in.
func (s *Store) recordEvent(tx *gorm.DB, actor *User, e ClaimEvent) error {
	if actor != nil {
		e.ActorID = &actor.ID
	}
	e.CreatedAt = s.now()
	if err := tx.Create(&e).Error; err != nil {
		return fmt.Errorf("record %s event of claim %d: %w", e.Kind, e.ClaimID, err)
	}
	t := touchesOf(tx)
	t.events = append(t.events, recordedEvent{actor: actor, event: e})
	return nil
}

// recordedEvent is an event recorded in a transaction, with its actor,
// waiting for tellEvents.
type recordedEvent struct {
	actor *User
	event ClaimEvent
}

// tellEvents notifies the people (notify) and queues the webhook
// deliveries (queueWebhooks) of the events the transaction tx recorded,
// in the order recorded, at its end: in the same transaction, so that
// they exist exactly when the change commits.
func (s *Store) tellEvents(tx *gorm.DB, events []recordedEvent) error {
	if len(events) == 0 {
		return nil
	}
	hooks, err := activeWebhooks(tx)
	if err != nil {
		return err
	}
	for _, r := range events {
		if err := s.notify(tx, r.actor, &r.event); err != nil {
			return err
		}
		if err := s.queueWebhooks(tx, hooks, r.actor, &r.event); err != nil {
			return err
		}
	}
	return nil
}

// ClaimEvents returns up to limit workflow events after the one with ID
// after (0: from the first), oldest first, for a consumer that reads them
// in order.
func (s *Store) ClaimEvents(ctx context.Context, after uint, limit int) ([]ClaimEvent, error) {
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	var out []ClaimEvent
	if err := s.read(ctx).Where("id > ?", after).Order("id").Limit(limit).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list claim events: %w", err)
	}
	return out, nil
}
