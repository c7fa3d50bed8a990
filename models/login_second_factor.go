package models

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Limits of the second sign-in step.
const (
	// PendingLoginLifetime is how long a sign-in whose password was right
	// waits for its code.
	PendingLoginLifetime = 5 * time.Minute
	// MaxCodeAttempts is how many wrong codes end a pending sign-in; the
	// password must then be given again.
	MaxCodeAttempts = 5
)

// PendingLogin is a sign-in whose password was right and that waits for a
// second-factor code. It is not a session: it opens nothing but the code
// form. Only its token's hash is stored.
type PendingLogin struct {
	ID        uint
	TokenHash string `json:"-"`
	UserID    uint
	CreatedAt time.Time
	ExpiresAt time.Time
	// Attempts counts the wrong codes given so far.
	Attempts  int
	IP        string `gorm:"column:ip"`
	UserAgent string
}

// SecondFactorRequired is what Login returns, as an error, for an account
// with two-factor sign-in whose password was right: Token names the pending
// sign-in that LoginSecondFactor completes. Being an error, it opens no
// session for a caller that does not know of it.
type SecondFactorRequired struct {
	Token     string
	ExpiresAt time.Time
}

// Error says what is missing.
func (e *SecondFactorRequired) Error() string {
	return "the password was right; a code from the authenticator app is needed"
}

// WrongCodeError is a wrong second-factor code. Left is how many more codes
// the pending sign-in accepts; at 0 it has ended.
type WrongCodeError struct{ Left int }

// Error says how many tries are left.
func (e *WrongCodeError) Error() string {
	if e.Left == 0 {
		return "wrong code; too many wrong codes, the sign-in has ended"
	}
	return "wrong code; " + strconv.Itoa(e.Left) + " more allowed"
}

// beginSecondFactor opens a pending sign-in when u has two-factor sign-in
// on, and returns nil when u has not.
func (s *Store) beginSecondFactor(ctx context.Context, m Meta, u *User) (*SecondFactorRequired, error) {
	if _, err := s.enabledTOTPKey(s.read(ctx), u.ID); errors.Is(err, ErrConflict) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	raw, hash, err := newSecret("p_")
	if err != nil {
		return nil, err
	}
	now := s.now()
	p := &PendingLogin{TokenHash: hash, UserID: u.ID, ExpiresAt: now.Add(PendingLoginLifetime), IP: m.IP, UserAgent: truncate(m.UserAgent, 300)}
	err = s.write(ctx, func(tx *gorm.DB) error {
		// Sign-ins that waited too long are swept here.
		if err := tx.Where("expires_at < ?", now).Delete(&PendingLogin{}).Error; err != nil {
			return fmt.Errorf("sweep pending sign-ins: %w", err)
		}
		if err := tx.Create(p).Error; err != nil {
			return fmt.Errorf("create pending sign-in: %w", err)
		}
		return s.audit(tx, m, event{actor: u, action: "login.pending", objectType: "user", objectID: u.ID})
	})
	if err != nil {
		return nil, err
	}
	return &SecondFactorRequired{Token: raw, ExpiresAt: p.ExpiresAt}, nil
}

// PendingLoginUser returns the user of a pending sign-in, or
// ErrUnauthenticated when the token is unknown, has expired, or its
// account is disabled.
func (s *Store) PendingLoginUser(ctx context.Context, token string) (*User, error) {
	if token == "" {
		return nil, ErrUnauthenticated
	}
	var p PendingLogin
	err := s.read(ctx).Where("token_hash = ?", hashSecret(token)).Take(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrUnauthenticated
	}
	if err != nil {
		return nil, fmt.Errorf("find pending sign-in: %w", err)
	}
	if s.now().After(p.ExpiresAt) || p.Attempts >= MaxCodeAttempts {
		return nil, ErrUnauthenticated
	}
	u, err := s.GetUser(ctx, p.UserID)
	if err != nil || !u.Active() {
		return nil, ErrUnauthenticated
	}
	return u, nil
}

// LoginSecondFactor completes a pending sign-in with a code from the
// authenticator app or one of the user's recovery codes, and opens a
// session. A wrong code returns a *WrongCodeError; the MaxCodeAttempts-th
// ends the pending sign-in. An unknown, expired or ended pending sign-in,
// or a disabled account, is ErrUnauthenticated. Every attempt is audited.
func (s *Store) LoginSecondFactor(ctx context.Context, m Meta, token, code string) (string, *User, error) {
	if token == "" {
		return "", nil, ErrUnauthenticated
	}
	var (
		raw     string
		user    *User
		refusal error // committed with the transaction, then returned
	)
	err := s.write(ctx, func(tx *gorm.DB) error {
		var p PendingLogin
		err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("token_hash = ?", hashSecret(token)).Take(&p).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			refusal = ErrUnauthenticated
			return nil
		}
		if err != nil {
			return fmt.Errorf("find pending sign-in: %w", err)
		}
		now := s.now()
		u, err := s.findUser(tx, "id = ?", p.UserID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if err != nil || !u.Active() || now.After(p.ExpiresAt) || p.Attempts >= MaxCodeAttempts {
			refusal = ErrUnauthenticated
			return tx.Delete(&p).Error
		}
		method := "totp"
		ok, err := s.useTOTP(tx, u.ID, code, now)
		if err == nil && !ok {
			method = "recovery_code"
			ok, err = s.useRecoveryCode(tx, u.ID, code, now)
		}
		if errors.Is(err, ErrConflict) {
			// Two-factor sign-in was turned off meanwhile: start again.
			refusal = ErrUnauthenticated
			return tx.Delete(&p).Error
		}
		if err != nil {
			return err
		}
		if !ok {
			p.Attempts++
			left := max(MaxCodeAttempts-p.Attempts, 0)
			refusal = &WrongCodeError{Left: left}
			if left == 0 {
				err = tx.Delete(&p).Error
			} else {
				err = tx.Model(&p).Update("attempts", p.Attempts).Error
			}
			if err != nil {
				return fmt.Errorf("count wrong code: %w", err)
			}
			return s.audit(tx, m, event{actor: u, action: "login.second_factor.failure", objectType: "user", objectID: u.ID,
				after: map[string]any{"attempt": p.Attempts, "ended": left == 0}})
		}
		if err := tx.Delete(&p).Error; err != nil {
			return fmt.Errorf("end pending sign-in: %w", err)
		}
		if err := s.clearAccountThrottle(tx, u.Email); err != nil {
			return err
		}
		var sess *Session
		raw, sess, err = s.newSession(u, m, now)
		if err != nil {
			return err
		}
		if err := tx.Create(sess).Error; err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		user = u
		return s.audit(tx, m, event{actor: u, action: "login.success", objectType: "user", objectID: u.ID, after: map[string]string{"second_factor": method}})
	})
	if err != nil {
		return "", nil, err
	}
	if refusal != nil {
		return "", nil, refusal
	}
	return raw, user, nil
}
