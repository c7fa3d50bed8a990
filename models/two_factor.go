package models

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
	"gorm.io/gorm"
)

// Two-factor sign-in uses time-based one-time passwords (RFC 6238) with the
// parameters every authenticator app understands: 30-second steps, 6
// digits, HMAC-SHA1. A code of the step before or after the current one is
// accepted too, for clocks that drift.
const (
	totpPeriod = 30
	totpSkew   = 1
	// RecoveryCodeCount is how many recovery codes a user gets at a time.
	RecoveryCodeCount = 10
	// totpSecretBytes is the size of a key: 160 bits, as RFC 4226 advises.
	totpSecretBytes = 20
	// recoveryCodeBytes is a recovery code's randomness: 80 bits, so that
	// a fast hash is enough to store it (nothing can be guessed from it).
	recoveryCodeBytes = 10
)

var (
	totpOpts = hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}
	// totpSecretEncoding is how authenticator apps spell a key.
	totpSecretEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)
)

// TOTPKey is a user's authenticator key. It is unconfirmed while being set
// up and protects the account once confirmed with a right code. The secret
// must be readable to check codes, so it is stored as it is.
type TOTPKey struct {
	ID          uint
	UserID      uint
	Secret      string `json:"-"`
	ConfirmedAt *time.Time
	// LastStep is the time step (Unix seconds / 30) of the last code
	// accepted; no code of that step or an earlier one is accepted again.
	LastStep  int64
	CreatedAt time.Time
}

// RecoveryCode is a one-time code that stands in for an authenticator code
// when the device is lost. Only its hash is stored.
type RecoveryCode struct {
	ID        uint
	UserID    uint
	CodeHash  string `json:"-"`
	UsedAt    *time.Time
	CreatedAt time.Time
}

// TwoFactor is the state of a user's two-factor sign-in.
type TwoFactor struct {
	// EnabledAt is when it was turned on; nil when it is off.
	EnabledAt *time.Time
	// Setup is the key being set up, when set-up has begun and is not confirmed.
	Setup *TOTPSetup
	// RecoveryCodesLeft counts the unused recovery codes.
	RecoveryCodesLeft int64
}

// Enabled reports whether sign-in asks for a code.
func (t TwoFactor) Enabled() bool { return t.EnabledAt != nil }

// TOTPSetup is a key being set up: the secret for typing into an app by
// hand, and the otpauth:// URL that the QR code carries.
type TOTPSetup struct {
	Secret string
	URL    string
}

// Key returns the key as pquerna/otp's type, to draw its QR code.
func (t *TOTPSetup) Key() (*otp.Key, error) { return otp.NewKeyFromURL(t.URL) }

// errWrongPassword is the field error for a current password that is not right.
func errWrongPassword(field string) error {
	return Invalid(field, ReasonWrongPassword)
}

// TwoFactorStatus returns the user's two-factor sign-in state.
func (s *Store) TwoFactorStatus(ctx context.Context, u *User) (TwoFactor, error) {
	var out TwoFactor
	k, err := s.totpKey(s.read(ctx), u.ID)
	if errors.Is(err, ErrNotFound) {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	if k.ConfirmedAt == nil {
		out.Setup, err = s.totpSetup(ctx, u, k.Secret)
		return out, err
	}
	out.EnabledAt = k.ConfirmedAt
	err = s.read(ctx).Model(&RecoveryCode{}).Where("user_id = ? AND used_at IS NULL", u.ID).Count(&out.RecoveryCodesLeft).Error
	if err != nil {
		return out, fmt.Errorf("count recovery codes: %w", err)
	}
	return out, nil
}

// BeginTwoFactor starts setting up two-factor sign-in for actor with a new
// random key, which replaces any earlier unconfirmed one. ErrConflict when
// it is on already.
func (s *Store) BeginTwoFactor(ctx context.Context, actor *User, m Meta) (*TOTPSetup, error) {
	if !actor.Active() {
		return nil, fmt.Errorf("begin two-factor: %w", ErrForbidden)
	}
	b := make([]byte, totpSecretBytes)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	secret := totpSecretEncoding.EncodeToString(b)
	err := s.write(ctx, func(tx *gorm.DB) error {
		k, err := s.totpKey(tx, actor.ID)
		switch {
		case errors.Is(err, ErrNotFound):
			k = &TOTPKey{UserID: actor.ID, Secret: secret}
			if err := tx.Create(k).Error; err != nil {
				return fmt.Errorf("save totp key: %w", err)
			}
		case err != nil:
			return err
		case k.ConfirmedAt != nil:
			return fmt.Errorf("two-factor sign-in is on already: %w", ErrConflict)
		default:
			if err := tx.Model(k).Updates(map[string]any{"secret": secret, "created_at": s.now()}).Error; err != nil {
				return fmt.Errorf("replace totp key: %w", err)
			}
		}
		return s.audit(tx, m, event{actor: actor, action: "two_factor.begin", objectType: "user", objectID: actor.ID})
	})
	if err != nil {
		return nil, err
	}
	return s.totpSetup(ctx, actor, secret)
}

// totpSetup describes a key for an authenticator app. The issuer it names
// is the newsroom's name from the site settings.
func (s *Store) totpSetup(ctx context.Context, u *User, secret string) (*TOTPSetup, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	issuer := strings.TrimSpace(strings.NewReplacer(":", " ", "/", " ").Replace(st.OrganizationName))
	if issuer == "" {
		issuer = "Claimtracker"
	}
	raw, err := totpSecretEncoding.DecodeString(secret)
	if err != nil {
		return nil, fmt.Errorf("stored totp secret: %w", err)
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: u.Email, Secret: raw, Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		return nil, fmt.Errorf("totp key: %w", err)
	}
	return &TOTPSetup{Secret: secret, URL: key.URL()}, nil
}

// ConfirmTwoFactor checks a code from the app against the key being set up
// and, when it is right, turns two-factor sign-in on and returns a new set
// of recovery codes, which are never shown again. ErrNotFound when no
// set-up has begun; a *ValidationError on "code" when the code is wrong.
func (s *Store) ConfirmTwoFactor(ctx context.Context, actor *User, m Meta, code string) ([]string, error) {
	if !actor.Active() {
		return nil, fmt.Errorf("confirm two-factor: %w", ErrForbidden)
	}
	codes, hashes, err := newRecoveryCodes()
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		k, err := s.totpKey(tx, actor.ID)
		if err != nil {
			return err
		}
		if k.ConfirmedAt != nil {
			return fmt.Errorf("two-factor sign-in is on already: %w", ErrConflict)
		}
		now := s.now()
		step, ok := matchTOTP(k.Secret, code, now, k.LastStep)
		if !ok {
			return Invalid("code", NewReason("reasons.totp_code", "is not the code your app shows now"))
		}
		if err := tx.Model(k).Updates(map[string]any{"confirmed_at": now, "last_step": step}).Error; err != nil {
			return fmt.Errorf("confirm totp key: %w", err)
		}
		if err := s.replaceRecoveryCodes(tx, actor.ID, hashes, now); err != nil {
			return err
		}
		return s.audit(tx, m, event{actor: actor, action: "two_factor.enable", objectType: "user", objectID: actor.ID})
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// DisableTwoFactor turns two-factor sign-in off for actor, who must give
// their current password. It is refused (ErrConflict) for an admin while the
// site requires two-factor sign-in for admins, and when it is not on.
func (s *Store) DisableTwoFactor(ctx context.Context, actor *User, m Meta, password string) error {
	if _, err := s.checkOwnPassword(ctx, actor, m, "two_factor.disable.failure", "password", password); err != nil {
		return err
	}
	if actor.Role == RoleAdmin {
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		if st.RequireAdminTwoFactor {
			return fmt.Errorf("this site requires two-factor sign-in for admins: %w", ErrConflict)
		}
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Where("user_id = ? AND confirmed_at IS NOT NULL", actor.ID).Delete(&TOTPKey{})
		if res.Error != nil {
			return fmt.Errorf("delete totp key: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("two-factor sign-in is not on: %w", ErrConflict)
		}
		if err := tx.Where("user_id = ?", actor.ID).Delete(&RecoveryCode{}).Error; err != nil {
			return fmt.Errorf("delete recovery codes: %w", err)
		}
		return s.audit(tx, m, event{actor: actor, action: "two_factor.disable", objectType: "user", objectID: actor.ID})
	})
}

// RegenerateRecoveryCodes replaces actor's recovery codes with a new set,
// returned once; the old ones stop working. The current password is
// required; ErrConflict when two-factor sign-in is not on.
func (s *Store) RegenerateRecoveryCodes(ctx context.Context, actor *User, m Meta, password string) ([]string, error) {
	if _, err := s.checkOwnPassword(ctx, actor, m, "two_factor.recovery_codes.failure", "password", password); err != nil {
		return nil, err
	}
	codes, hashes, err := newRecoveryCodes()
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if _, err := s.enabledTOTPKey(tx, actor.ID); err != nil {
			return err
		}
		if err := s.replaceRecoveryCodes(tx, actor.ID, hashes, s.now()); err != nil {
			return err
		}
		return s.audit(tx, m, event{actor: actor, action: "two_factor.recovery_codes", objectType: "user", objectID: actor.ID})
	})
	if err != nil {
		return nil, err
	}
	return codes, nil
}

// MustEnrolTwoFactor reports whether u has to set up two-factor sign-in
// before anything else: u is an admin without it while the site settings
// require it for admins.
func (s *Store) MustEnrolTwoFactor(ctx context.Context, u *User) (bool, error) {
	if u == nil || u.Role != RoleAdmin {
		return false, nil
	}
	_, err := s.enabledTOTPKey(s.read(ctx), u.ID)
	if err == nil {
		return false, nil
	}
	if !errors.Is(err, ErrConflict) {
		return false, err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return false, err
	}
	return st.RequireAdminTwoFactor, nil
}

// checkOwnPassword checks actor's current password before a change to
// their account; field names the form field it came from. The check counts
// against the sign-in throttle of the account and the client address like
// a sign-in (so a stolen session cannot guess the password faster than a
// stranger): while either is locked it is a *RetryError wrapping
// ErrThrottled and the password is not checked. A wrong password is
// recorded in the audit log under action and returned as a field error on
// field. A right one is taken back from the counts but clears nothing.
func (s *Store) checkOwnPassword(ctx context.Context, actor *User, m Meta, action, field, password string) (*User, error) {
	if !actor.Active() {
		return nil, fmt.Errorf("%s: %w", action, ErrForbidden)
	}
	if password == "" {
		return nil, Invalid(field, ReasonRequired)
	}
	u, err := s.GetUser(ctx, actor.ID)
	if err != nil {
		return nil, err
	}
	label := truncate(u.Email, 254)
	counted, err := s.countAttempt(ctx, m, label, s.loginKeys(u.Email, m.IP))
	if err != nil {
		return nil, err
	}
	ok, err := s.verifyPassword(ctx, u.PasswordHash, password)
	if err == nil && ok {
		err = s.uncountAll(ctx, counted)
	}
	if err != nil {
		if !ok {
			if uerr := s.uncountAll(ctx, counted); uerr != nil {
				s.cfg.Logger.WarnContext(ctx, "take back password check", "err", uerr)
			}
		}
		return nil, fmt.Errorf("%s: %w", action, err)
	}
	if !ok {
		if err := s.write(ctx, func(tx *gorm.DB) error {
			evs := append([]event{{actor: actor, action: action, objectType: "user", objectID: actor.ID, after: map[string]string{"reason": "wrong password"}}},
				lockoutEvents(label, actor.ID, counted)...)
			for _, e := range evs {
				if err := s.audit(tx, m, e); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
		return nil, errWrongPassword(field)
	}
	return u, nil
}

// totpKey returns the user's key, confirmed or not, or ErrNotFound.
func (s *Store) totpKey(db *gorm.DB, userID uint) (*TOTPKey, error) {
	var k TOTPKey
	err := db.Where("user_id = ?", userID).Take(&k).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("totp key: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find totp key: %w", err)
	}
	return &k, nil
}

// enabledTOTPKey returns the user's confirmed key, or ErrConflict when
// two-factor sign-in is not on.
func (s *Store) enabledTOTPKey(db *gorm.DB, userID uint) (*TOTPKey, error) {
	k, err := s.totpKey(db, userID)
	if errors.Is(err, ErrNotFound) || (err == nil && k.ConfirmedAt == nil) {
		return nil, fmt.Errorf("two-factor sign-in is not on: %w", ErrConflict)
	}
	return k, err
}

// matchTOTP returns the time step whose code is code, among the steps
// around now that come after the step last used; ok is false when there is
// none. The comparison is pquerna/otp's, in constant time.
func matchTOTP(secret, code string, now time.Time, lastUsed int64) (step int64, ok bool) {
	code = strings.Join(strings.Fields(code), "")
	if len(code) != totpOpts.Digits.Length() {
		return 0, false
	}
	cur := now.Unix() / totpPeriod
	for d := int64(-totpSkew); d <= totpSkew; d++ {
		st := cur + d
		if st <= lastUsed {
			continue
		}
		if good, err := hotp.ValidateCustom(code, uint64(st), secret, totpOpts); err == nil && good {
			return st, true
		}
	}
	return 0, false
}

// useTOTP accepts a code for the user's confirmed key and records its time
// step, so that the same code (or an older one) is never accepted again,
// even by a concurrent request.
func (s *Store) useTOTP(tx *gorm.DB, userID uint, code string, now time.Time) (bool, error) {
	k, err := s.enabledTOTPKey(tx, userID)
	if err != nil {
		return false, err
	}
	step, ok := matchTOTP(k.Secret, code, now, k.LastStep)
	if !ok {
		return false, nil
	}
	res := tx.Model(&TOTPKey{}).Where("id = ? AND last_step < ?", k.ID, step).Update("last_step", step)
	if res.Error != nil {
		return false, fmt.Errorf("record totp step: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// useRecoveryCode marks one of the user's unused recovery codes used, in
// one conditional update, so that two requests cannot both use it.
func (s *Store) useRecoveryCode(tx *gorm.DB, userID uint, code string, now time.Time) (bool, error) {
	norm := normalizeRecoveryCode(code)
	if norm == "" {
		return false, nil
	}
	res := tx.Model(&RecoveryCode{}).Where("user_id = ? AND code_hash = ? AND used_at IS NULL", userID, hashSecret(norm)).Update("used_at", now)
	if res.Error != nil {
		return false, fmt.Errorf("use recovery code: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// replaceRecoveryCodes stores a new set of code hashes for the user in
// place of the old set.
func (s *Store) replaceRecoveryCodes(tx *gorm.DB, userID uint, hashes []string, now time.Time) error {
	if err := tx.Where("user_id = ?", userID).Delete(&RecoveryCode{}).Error; err != nil {
		return fmt.Errorf("delete recovery codes: %w", err)
	}
	rows := make([]RecoveryCode, len(hashes))
	for i, h := range hashes {
		rows[i] = RecoveryCode{UserID: userID, CodeHash: h, CreatedAt: now}
	}
	if err := tx.Create(&rows).Error; err != nil {
		return fmt.Errorf("save recovery codes: %w", err)
	}
	return nil
}

// recoveryEncoding spells recovery codes in Crockford's base32, lower case:
// digits and letters without i, l, o and u, so that none is mistaken for
// another; normalizeRecoveryCode reads i and l as 1 and o as 0.
var recoveryEncoding = base32.NewEncoding("0123456789abcdefghjkmnpqrstvwxyz").WithPadding(base32.NoPadding)

// newRecoveryCodes returns RecoveryCodeCount fresh codes, as shown to the
// user (four groups of four characters), and their hashes.
func newRecoveryCodes() (codes, hashes []string, err error) {
	for range RecoveryCodeCount {
		b := make([]byte, recoveryCodeBytes)
		if _, err := rand.Read(b); err != nil {
			return nil, nil, err
		}
		raw := recoveryEncoding.EncodeToString(b)
		codes = append(codes, raw[0:4]+"-"+raw[4:8]+"-"+raw[8:12]+"-"+raw[12:16])
		hashes = append(hashes, hashSecret(raw))
	}
	return codes, hashes, nil
}

// normalizeRecoveryCode takes a recovery code as typed (any case, with or
// without its hyphens and spaces) to the form that was hashed, or "".
func normalizeRecoveryCode(s string) string {
	s = strings.NewReplacer("-", "", " ", "", "\t", "", "i", "1", "l", "1", "o", "0").Replace(strings.ToLower(s))
	if len(s) != 16 {
		return ""
	}
	return s
}
