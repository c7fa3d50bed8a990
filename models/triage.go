package models

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Triage is who is on a claim, by when, and how urgent it is: the desk's
// own view of the work, which no public page, feed or API shows.

// Priority says how urgent a claim is for the desk.
type Priority string

// The priorities, least urgent first. A claim is PriorityNormal unless
// someone says otherwise.
const (
	PriorityLow    Priority = "low"
	PriorityNormal Priority = "normal"
	PriorityHigh   Priority = "high"
	PriorityUrgent Priority = "urgent"
)

// Priorities lists every priority, least urgent first.
var Priorities = []Priority{PriorityLow, PriorityNormal, PriorityHigh, PriorityUrgent}

// Valid reports whether p is one of the priorities.
func (p Priority) Valid() bool {
	for _, q := range Priorities {
		if p == q {
			return true
		}
	}
	return false
}

// priorityOrder sorts claims most urgent first in SQL.
const priorityOrder = "CASE claims.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END"

// BeforeReview reports whether a claim in status st has not been sent to
// review yet (a draft, or being researched): its words and sources are
// edited freely, a first verdict may be proposed, and it may be deleted if
// it was never published.
func (st ClaimStatus) BeforeReview() bool { return st == ClaimDraft || st == ClaimResearching }

// beforeReview are the statuses of BeforeReview, for queries.
var beforeReview = []ClaimStatus{ClaimDraft, ClaimResearching}

// openStatuses are the statuses of a claim still being worked on: not
// published or retracted.
var openStatuses = []ClaimStatus{ClaimDraft, ClaimResearching, ClaimInReview}

// DueSoonDays is how many days ahead the desk's "due soon" looks: a claim
// still being worked on whose due day is at most this many days after
// today, or already past, is due soon.
const DueSoonDays = 3

// DueSoon reports whether a claim with due day due is due soon on the
// newsroom's calendar day today (see DueSoonDays).
func DueSoon(due *time.Time, today time.Time) bool {
	return due != nil && !due.After(DueSoonBy(today))
}

// Overdue reports whether due is a day before today.
func Overdue(due *time.Time, today time.Time) bool {
	return due != nil && due.Before(today)
}

// triageInput is what a claim's triage becomes: its assignee (0 for
// nobody), due day (YYYY-MM-DD, "" for none) and priority.
type triageInput struct {
	AssigneeID uint
	DueOn      string
	Priority   Priority
}

// validate checks the triage against the accounts in tx and returns the
// assignee (nil for nobody) and the due day. A new assignee must be an
// active account (every role may be assigned); current, the claim's
// assignee now (nil for none), may stay even once disabled, so that the
// claim's other fields still change. A due day is any calendar day
// between the years 1000 and 9999, past days included (the work is then
// overdue).
func (in *triageInput) validate(tx *gorm.DB, v *Validator, current *uint) (*User, *time.Time, error) {
	if in.Priority == "" {
		in.Priority = PriorityNormal
	}
	v.Check(in.Priority.Valid(), "priority", NewReason("reasons.priority", "must be low, normal, high or urgent"))
	due := v.day("due_on", in.DueOn)
	if in.AssigneeID == 0 {
		return nil, due, nil
	}
	u, err := findUserIn(tx, in.AssigneeID)
	kept := current != nil && *current == in.AssigneeID
	if errors.Is(err, ErrNotFound) || err == nil && !u.Active() && !kept {
		v.Fail("assignee_id", ReasonAssignee)
		return nil, due, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return u, due, nil
}

// ReasonAssignee: an assignee that is not an active account.
var ReasonAssignee = NewReason("reasons.assignee", "must be an active colleague's account")

// findUserIn reads one account by id in tx.
func findUserIn(tx *gorm.DB, id uint) (*User, error) {
	var u User
	err := tx.Where("id = ?", id).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find user %d: %w", id, err)
	}
	return &u, nil
}

// assigneeColumns are the columns of an assignee that desk pages read:
// never its password hash.
const assigneeColumns = "id, email, name, role, disabled_at"

// withAssignee loads each claim's assignee, as assigneeColumns.
func withAssignee(db *gorm.DB) *gorm.DB {
	return db.Preload("Assignee", func(db *gorm.DB) *gorm.DB { return db.Select(assigneeColumns) })
}

// Colleague is an active account as the desk offers it: to assign a claim
// to, or to mention in a note by Handle.
type Colleague struct {
	ID    uint
	Name  string
	Email string
	Role  Role
	// Handle is how a note mentions them: "@" and Handle (see
	// MentionHandle).
	Handle string
}

// Colleagues lists the active accounts by name, each with its mention
// handle.
func (s *Store) Colleagues(ctx context.Context) ([]Colleague, error) {
	var users []User
	if err := s.read(ctx).Select(assigneeColumns).Where("disabled_at IS NULL").Find(&users).Error; err != nil {
		return nil, fmt.Errorf("list colleagues: %w", err)
	}
	out := make([]Colleague, 0, len(users))
	for _, u := range users {
		out = append(out, Colleague{ID: u.ID, Name: u.Name, Email: u.Email, Role: u.Role, Handle: MentionHandle(u.Email)})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}
