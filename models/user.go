package models

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Role is what a user may do. Each role may do everything the one before it may.
type Role string

// The roles, least to most powerful.
const (
	RoleEditor   Role = "editor"
	RoleReviewer Role = "reviewer"
	RoleAdmin    Role = "admin"
)

// Roles lists every role, least to most powerful.
var Roles = []Role{RoleEditor, RoleReviewer, RoleAdmin}

func (r Role) rank() int {
	switch r {
	case RoleEditor:
		return 1
	case RoleReviewer:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.rank() > 0 }

// AtLeast reports whether r may do what min may.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.rank() >= min.rank() }

// User is a newsroom account.
type User struct {
	ID           uint
	Email        string
	Name         string
	Role         Role
	PasswordHash string `json:"-"`
	DisabledAt   *time.Time
	// Language is the tag of the interface language the user reads the
	// desk in (one of i18n.Languages), or "" to follow the site's choice
	// for any reader (see SetLanguage).
	Language string
	// EmailNotifications is whether the user is also told of each of
	// their notifications by e-mail (off until they opt in; see
	// SetEmailNotifications).
	EmailNotifications bool
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// Active reports whether the user may sign in and use tokens.
func (u *User) Active() bool { return u != nil && u.DisabledAt == nil }

// Can reports whether the user is active and holds at least role min.
func (u *User) Can(min Role) bool { return u.Active() && u.Role.AtLeast(min) }

// userView is what the audit log records of a user: never the password hash.
type userView struct {
	Email    string     `json:"email"`
	Name     string     `json:"name"`
	Role     Role       `json:"role"`
	Disabled *time.Time `json:"disabled_at,omitempty"`
}

func (u *User) view() userView {
	return userView{Email: u.Email, Name: u.Name, Role: u.Role, Disabled: u.DisabledAt}
}

// NewUser is the input that creates an account.
type NewUser struct {
	Email    string
	Name     string
	Role     Role
	Password string
}

// NormalizeEmail case-folds and trims an address so that one person has one account.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func (in *NewUser) validate() error {
	var v Validator
	in.Email = NormalizeEmail(in.Email)
	if in.Email == "" {
		v.Fail("email", ReasonRequired)
	} else if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email || len(in.Email) > 254 {
		v.Fail("email", NewReason("reasons.email", "is not an email address"))
	}
	v.text("name", &in.Name, true, 100)
	v.Check(in.Role.Valid(), "role", ReasonRole)
	if why, ok := checkPassword(in.Password); !ok {
		v.Fail("password", why)
	}
	return v.Err()
}

// CreateUser adds an account. Only an admin may; a nil actor is the command
// line, which runs with the machine owner's authority.
func (s *Store) CreateUser(ctx context.Context, actor *User, m Meta, in NewUser) (*User, error) {
	if actor != nil && !actor.Can(RoleAdmin) {
		return nil, fmt.Errorf("create user: %w", ErrForbidden)
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	return s.insertUser(ctx, actor, m, in, false)
}

// CreateFirstAdmin adds the first admin, and only while no account exists;
// once any user exists it returns ErrConflict. Two setups at once make one
// admin: each claims the one row of setup_lock in its transaction, and the
// second fails on that row's primary key, which is ErrConflict too.
func (s *Store) CreateFirstAdmin(ctx context.Context, m Meta, in NewUser) (*User, error) {
	in.Role = RoleAdmin
	if err := in.validate(); err != nil {
		return nil, err
	}
	return s.insertUser(ctx, nil, m, in, true)
}

// setupLock is the one row (ID 1) that exists once the database has an
// account: the first-run setup inserts it, so that it succeeds once, and
// every other creation of an account inserts it when missing.
type setupLock struct {
	ID       uint `gorm:"primaryKey;autoIncrement:false"`
	LockedAt time.Time
}

// TableName is the table of the setup lock.
func (setupLock) TableName() string { return "setup_lock" }

// lockSetup closes the first-run setup inside tx. With onlyFirst (the setup
// itself) the row must not exist yet: when another transaction holds or
// has committed it, the insert waits for that one and then fails as a
// unique violation, which write turns into ErrConflict. Otherwise an
// existing row is kept; an account created while a setup is in flight
// waits for it, and one created first makes the setup fail.
//
// The constraint, not a count of users, is what decides, on both engines.
// Postgres used to count users under a table lock; the row makes that lock
// needless: it serialises a setup against every other creation of an
// account just as well, and SQLite's single writer never needed it.
func (s *Store) lockSetup(tx *gorm.DB, onlyFirst bool) error {
	row := setupLock{ID: 1, LockedAt: s.now()}
	q := tx
	if !onlyFirst {
		q = q.Clauses(clause.OnConflict{DoNothing: true})
	}
	if err := q.Create(&row).Error; err != nil {
		if onlyFirst && isUniqueViolation(err) {
			return fmt.Errorf("first admin: setup is already done: %w", ErrConflict)
		}
		return fmt.Errorf("lock setup: %w", err)
	}
	return nil
}

func (s *Store) insertUser(ctx context.Context, actor *User, m Meta, in NewUser, onlyFirst bool) (*User, error) {
	hash, err := s.hashPassword(ctx, in.Password)
	if err != nil {
		return nil, err
	}
	u := &User{Email: in.Email, Name: in.Name, Role: in.Role, PasswordHash: hash}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := s.lockSetup(tx, onlyFirst); err != nil {
			return err
		}
		if onlyFirst {
			// A database whose accounts predate the row got it from its
			// migration; this count is only a second guard.
			var n int64
			if err := tx.Model(&User{}).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return fmt.Errorf("first admin: accounts already exist: %w", ErrConflict)
			}
		}
		var n int64
		if err := tx.Model(&User{}).Where("email = ?", u.Email).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return Invalid("email", NewReason("reasons.email_taken", "is already in use"))
		}
		if err := tx.Create(u).Error; err != nil {
			return fmt.Errorf("insert user: %w", err)
		}
		action := "user.create"
		if onlyFirst {
			action = "user.setup"
		}
		return s.audit(tx, m, event{actor: actor, actorLabel: "setup", action: action, objectType: "user", objectID: u.ID, after: u.view()})
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// CountUsers returns how many accounts exist.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	if err := s.read(ctx).Model(&User{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

// ListUsers returns every account, by name.
func (s *Store) ListUsers(ctx context.Context) ([]User, error) {
	var out []User
	if err := s.read(ctx).Order("name, id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return out, nil
}

// GetUser returns one account.
func (s *Store) GetUser(ctx context.Context, id uint) (*User, error) {
	return s.findUser(s.read(ctx), "id = ?", id)
}

// UserByEmail returns the account with this address (case-insensitive).
func (s *Store) UserByEmail(ctx context.Context, email string) (*User, error) {
	return s.findUser(s.read(ctx), "email = ?", NormalizeEmail(email))
}

func (s *Store) findUser(db *gorm.DB, where string, arg any) (*User, error) {
	var u User
	if err := db.Where(where, arg).Take(&u).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, fmt.Errorf("user: %w", ErrNotFound)
		}
		return nil, fmt.Errorf("find user: %w", err)
	}
	return &u, nil
}

// UserChange is an admin's edit of another account; nil fields stay as they are.
type UserChange struct {
	Role     *Role
	Disabled *bool
}

// UpdateUser changes an account's role or disables or enables it. Only an
// admin may, and not on their own account (so the last admin cannot lock
// everyone out). Disabling ends the user's sessions, pending sign-ins and
// reset links and revokes their API tokens, in the same transaction:
// enabling the account again brings none of them back (the user signs in
// and makes new tokens).
func (s *Store) UpdateUser(ctx context.Context, actor *User, m Meta, id uint, ch UserChange) (*User, error) {
	if !actor.Can(RoleAdmin) {
		return nil, fmt.Errorf("update user: %w", ErrForbidden)
	}
	if ch.Role != nil && !ch.Role.Valid() {
		return nil, Invalid("role", ReasonRole)
	}
	if actor.ID == id {
		return nil, fmt.Errorf("admins cannot change their own role or disable themselves: %w", ErrForbidden)
	}
	var out *User
	err := s.write(ctx, func(tx *gorm.DB) error {
		u, err := s.findUser(tx, "id = ?", id)
		if err != nil {
			return err
		}
		before := u.view()
		if ch.Role != nil {
			u.Role = *ch.Role
		}
		if ch.Disabled != nil {
			switch {
			case *ch.Disabled && u.DisabledAt == nil:
				t := s.now()
				u.DisabledAt = &t
			case !*ch.Disabled:
				u.DisabledAt = nil
			}
		}
		if err := tx.Model(u).Select("role", "disabled_at", "updated_at").Updates(u).Error; err != nil {
			return fmt.Errorf("update user: %w", err)
		}
		if err := s.audit(tx, m, event{actor: actor, action: "user.update", objectType: "user", objectID: u.ID, before: before, after: u.view()}); err != nil {
			return err
		}
		out = u
		if u.DisabledAt == nil {
			return nil
		}
		if err := s.endSignIns(tx, u.ID); err != nil {
			return err
		}
		return s.revokeUserTokens(tx, actor, m, u)
	})
	return out, err
}

// revokeUserTokens revokes every API token of u that still works, inside the
// caller's transaction, with one token.revoke audit event each.
func (s *Store) revokeUserTokens(tx *gorm.DB, actor *User, m Meta, u *User) error {
	var toks []APIToken
	if err := tx.Where("user_id = ? AND revoked_at IS NULL", u.ID).Order("id").Find(&toks).Error; err != nil {
		return fmt.Errorf("tokens of %s: %w", u.Email, err)
	}
	now := s.now()
	for _, t := range toks {
		if err := tx.Model(&t).Update("revoked_at", now).Error; err != nil {
			return fmt.Errorf("revoke token: %w", err)
		}
		err := s.audit(tx, m, event{actor: actor, action: "token.revoke", objectType: "api_token", objectID: t.ID,
			after: map[string]any{"prefix": t.Prefix, "reason": "user disabled"}})
		if err != nil {
			return err
		}
	}
	return nil
}
