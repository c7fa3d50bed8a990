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

// Notes are a claim's internal discussion: Markdown (the policy of every
// other Markdown field, with @mentions: see mention.go) that editors,
// reviewers and admins write and read on the desk and through the API.
// No public page, feed, sitemap, ClaimReview, search or public API ever
// reads this table. A note is never edited; it goes with its claim.

// MaxNoteBody is the most characters a note may have.
const MaxNoteBody = 10000

// Note is one message of a claim's discussion.
type Note struct {
	ID       uint
	ClaimID  uint
	AuthorID *uint
	// Author is the account that wrote it (id, email, name, role and
	// whether it is disabled) when loaded; nil once that account is gone.
	Author    *User `gorm:"foreignKey:AuthorID"`
	Body      string
	CreatedAt time.Time
	// Mentions are the colleagues the note names, when loaded.
	Mentions []NoteMention `gorm:"foreignKey:NoteID"`
}

// NoteMention is one colleague a note mentions, by the handle it used.
type NoteMention struct {
	NoteID uint `gorm:"primaryKey;autoIncrement:false"`
	UserID uint `gorm:"primaryKey;autoIncrement:false"`
	Handle string
	// User is the account mentioned (as Note.Author), when loaded.
	User *User `gorm:"foreignKey:UserID"`
}

// MentionNames are the display names of the colleagues a note mentions,
// by handle; its Mentions and their users must be loaded.
func (n *Note) MentionNames() map[string]string {
	out := make(map[string]string, len(n.Mentions))
	for _, m := range n.Mentions {
		if m.User != nil {
			out[m.Handle] = m.User.Name
		}
	}
	return out
}

// MentionedIDs lists the ids of the accounts a note mentions, in order.
func (n *Note) MentionedIDs() []uint {
	out := make([]uint, 0, len(n.Mentions))
	for _, m := range n.Mentions {
		out = append(out, m.UserID)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// NoteInput is a note to add: its Markdown.
type NoteInput struct {
	Body string
}

// noteView is what the audit log records of a note: not its words, which
// the claim's thread shows, but who it mentions, by name.
type noteView struct {
	ID        uint     `json:"id"`
	Mentioned []string `json:"mentioned,omitempty"`
}

// AddNote adds a note to a claim's discussion, in any status. Editors and
// above may. The body is required, at most MaxNoteBody characters. Each
// colleague it mentions (an active account whose handle it names; a
// handle that names no one is plain text) is stored with it and gets an
// EventMentioned, unless they wrote it; a handle that names more than one
// active account is a ValidationError on "body", which says to write to
// one of them another way. A claim that does not exist is ErrNotFound.
func (s *Store) AddNote(ctx context.Context, actor *User, m Meta, claimID uint, in NoteInput) (*Note, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("add note: %w", ErrForbidden)
	}
	var v Validator
	v.text("body", &in.Body, true, MaxNoteBody)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *Note
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := claimExists(tx, claimID); err != nil {
			return err
		}
		mentioned, err := mentionedUsers(tx, Mentions(in.Body))
		if err != nil {
			return err
		}
		n := &Note{ClaimID: claimID, AuthorID: &actor.ID, Body: in.Body, CreatedAt: s.now()}
		if err := tx.Omit("Author", "Mentions").Create(n).Error; err != nil {
			return fmt.Errorf("insert note: %w", err)
		}
		view := noteView{ID: n.ID}
		for _, mu := range mentioned {
			nm := NoteMention{NoteID: n.ID, UserID: mu.user.ID, Handle: mu.handle}
			if err := tx.Omit("User").Create(&nm).Error; err != nil {
				return fmt.Errorf("insert mention: %w", err)
			}
			nm.User = mu.user
			n.Mentions = append(n.Mentions, nm)
			view.Mentioned = append(view.Mentioned, mu.user.Name)
			if mu.user.ID == actor.ID {
				continue // nobody needs telling of their own words
			}
			if err := s.recordEvent(tx, actor, ClaimEvent{ClaimID: claimID, Kind: EventMentioned, UserID: &mu.user.ID, NoteID: &n.ID}); err != nil {
				return err
			}
		}
		n.Author = actor
		out = n
		return s.audit(tx, m, event{actor: actor, action: "note.add", objectType: "claim", objectID: claimID, after: view})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// mention is a handle a note used and the account it names.
type mention struct {
	handle string
	user   *User
}

// mentionedUsers finds the active accounts that handles name, in the
// handles' order. A handle that names no one is left out; one that names
// several accounts is a ValidationError on "body".
func mentionedUsers(tx *gorm.DB, handles []string) ([]mention, error) {
	if len(handles) == 0 {
		return nil, nil
	}
	var users []User
	if err := tx.Select(assigneeColumns).Where("disabled_at IS NULL").Find(&users).Error; err != nil {
		return nil, fmt.Errorf("find colleagues: %w", err)
	}
	byHandle := map[string][]*User{}
	for i := range users {
		h := MentionHandle(users[i].Email)
		byHandle[h] = append(byHandle[h], &users[i])
	}
	var out []mention
	for _, h := range handles {
		switch found := byHandle[h]; len(found) {
		case 0:
		case 1:
			out = append(out, mention{handle: h, user: found[0]})
		default:
			names := make([]string, 0, len(found))
			for _, u := range found {
				names = append(names, u.Email)
			}
			sort.Strings(names)
			return nil, Invalid("body", NewReason("reasons.mention_ambiguous",
				"mentions @{{.Handle}}, which names more than one colleague ({{.Emails}}): name them in words instead",
				"Handle", h, "Emails", strings.Join(names, ", ")))
		}
	}
	return out, nil
}

// claimExists is ErrNotFound when no claim has id.
func claimExists(db *gorm.DB, id uint) error {
	var n int64
	if err := db.Model(&Claim{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return fmt.Errorf("find claim %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("claim %d: %w", id, ErrNotFound)
	}
	return nil
}

// ClaimNotes returns a claim's notes, oldest first, with their authors and
// the colleagues they mention. A claim that does not exist is
// ErrNotFound.
func (s *Store) ClaimNotes(ctx context.Context, claimID uint) ([]Note, error) {
	db := s.read(ctx)
	if err := claimExists(db, claimID); err != nil {
		return nil, err
	}
	users := func(db *gorm.DB) *gorm.DB { return db.Select(assigneeColumns) }
	var out []Note
	err := db.Preload("Author", users).Preload("Mentions", func(db *gorm.DB) *gorm.DB { return db.Order("handle") }).Preload("Mentions.User", users).
		Where("claim_id = ?", claimID).Order("created_at, id").Find(&out).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("notes of claim %d: %w", claimID, err)
	}
	return out, nil
}
