package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Session is a signed-in browser. The cookie holds a random token; the
// database holds only its hash, so sessions are shared by every app instance
// on the same database.
type Session struct {
	ID         uint
	TokenHash  string
	UserID     uint
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string `gorm:"column:ip"`
	UserAgent  string
}

// sessionTouchEvery limits how often a request writes last_seen_at.
const sessionTouchEvery = time.Minute

// Login checks an email and password and, when they match an active account,
// opens a new session and returns its token. When the account has two-factor
// sign-in it opens no session but returns a *SecondFactorRequired error that
// carries the token of a pending login (see LoginSecondFactor). Every
// attempt, good or bad, is written to the audit log. A wrong email and a
// wrong password take the same time and return the same ErrBadCredentials.
//
// Attempts are throttled per account and per client address (m.IP; see
// throttle.go): while either is locked, Login returns a *RetryError wrapping
// ErrThrottled without checking the password, and writes a login.throttled
// event; a failure that locks a key writes a login.lockout event. A right
// password that still needs its second factor stays counted against the
// account until the code is right, so that guessing codes is throttled like
// guessing passwords. When every password-hashing slot stays busy it
// returns a *RetryError wrapping ErrBusy.
func (s *Store) Login(ctx context.Context, m Meta, email, password string) (token string, u *User, err error) {
	email = NormalizeEmail(email)
	label := truncate(email, 254)
	counted, err := s.countAttempt(ctx, m, label, s.loginKeys(email, m.IP))
	if err != nil {
		return "", nil, err
	}
	u, err = s.findUser(s.read(ctx), "email = ?", email)
	switch {
	case errors.Is(err, ErrNotFound):
		u = nil
	case err != nil:
		return "", nil, err
	}
	pwHash := "" // no account: checked against a dummy hash, for equal timing
	if u != nil {
		pwHash = u.PasswordHash
	}
	ok, err := s.verifyPassword(ctx, pwHash, password)
	if err != nil {
		if uerr := s.uncountAll(ctx, counted); uerr != nil {
			s.cfg.Logger.WarnContext(ctx, "take back sign-in attempt", "err", uerr)
		}
		return "", nil, fmt.Errorf("login %s: %w", label, err)
	}
	if !ok || !u.Active() {
		reason := "wrong password"
		switch {
		case u == nil:
			reason = "unknown email"
		case ok:
			reason = "account disabled"
		}
		ev := event{actorLabel: label, action: "login.failure", objectType: "user", after: map[string]string{"reason": reason}}
		if u != nil {
			ev.objectID = u.ID
		}
		err := s.write(ctx, func(tx *gorm.DB) error {
			for _, e := range append([]event{ev}, lockoutEvents(label, ev.objectID, counted)...) {
				if err := s.audit(tx, m, e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return "", nil, err
		}
		return "", nil, ErrBadCredentials
	}
	// An account with two-factor sign-in gets no session yet, only a
	// pending login that waits for its code (login_second_factor.go).
	pending, err := s.beginSecondFactor(ctx, m, u)
	if err != nil {
		return "", nil, err
	}
	if pending != nil {
		return "", nil, pending
	}
	now := s.now()
	raw, sess, err := s.newSession(u, m, now)
	if err != nil {
		return "", nil, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := s.loginSucceeded(tx, counted); err != nil {
			return err
		}
		// Expired sessions of this user are swept on each login.
		if err := tx.Where("user_id = ? AND expires_at < ?", u.ID, now).Delete(&Session{}).Error; err != nil {
			return err
		}
		if err := tx.Create(sess).Error; err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		return s.audit(tx, m, event{actor: u, action: "login.success", objectType: "user", objectID: u.ID})
	})
	if err != nil {
		return "", nil, err
	}
	return raw, u, nil
}

// newSession makes a session row for u, not yet stored, and its raw token.
func (s *Store) newSession(u *User, m Meta, now time.Time) (string, *Session, error) {
	raw, hash, err := newSecret("s_")
	if err != nil {
		return "", nil, err
	}
	return raw, &Session{TokenHash: hash, UserID: u.ID, LastSeenAt: now, ExpiresAt: now.Add(s.cfg.SessionLifetime), IP: m.IP, UserAgent: truncate(m.UserAgent, 300)}, nil
}

// SessionUser returns the user of a session token. It fails with
// ErrUnauthenticated when the session is unknown, idle too long, past its
// lifetime, or its user is disabled. The user is read fresh on every call, so
// a role change takes effect on the next request.
func (s *Store) SessionUser(ctx context.Context, token string) (*User, error) {
	if token == "" {
		return nil, ErrUnauthenticated
	}
	var sess Session
	err := s.read(ctx).Where("token_hash = ?", hashSecret(token)).Take(&sess).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrUnauthenticated
	}
	if err != nil {
		return nil, fmt.Errorf("find session: %w", err)
	}
	now := s.now()
	if now.After(sess.ExpiresAt) || now.Sub(sess.LastSeenAt) > s.cfg.SessionIdle {
		return nil, ErrUnauthenticated
	}
	u, err := s.GetUser(ctx, sess.UserID)
	if errors.Is(err, ErrNotFound) {
		return nil, ErrUnauthenticated
	}
	if err != nil {
		return nil, err
	}
	if !u.Active() {
		return nil, ErrUnauthenticated
	}
	if now.Sub(sess.LastSeenAt) > sessionTouchEvery {
		err := s.w.WithContext(ctx).Model(&Session{}).Where("id = ?", sess.ID).Update("last_seen_at", now).Error
		if err != nil {
			s.cfg.Logger.WarnContext(ctx, "touch session", "err", err)
		}
	}
	return u, nil
}

// Logout ends the session of token; an unknown token is not an error.
func (s *Store) Logout(ctx context.Context, m Meta, token string) error {
	if token == "" {
		return nil
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var sess Session
		err := tx.Where("token_hash = ?", hashSecret(token)).Take(&sess).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := tx.Delete(&sess).Error; err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		u, err := s.findUser(tx, "id = ?", sess.UserID)
		if err != nil {
			return err
		}
		return s.audit(tx, m, event{actor: u, action: "logout", objectType: "user", objectID: u.ID})
	})
}

// CountSessions returns how many sessions the user has open.
func (s *Store) CountSessions(ctx context.Context, userID uint) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&Session{}).Where("user_id = ? AND expires_at > ?", userID, s.now()).Count(&n).Error
	return n, err
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
