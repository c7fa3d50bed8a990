package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/netip"
	"sort"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"claimtracker/migrations"
)

// Sign-in throttling. Every attempt is counted, before its password is
// checked, against two keys: the account (a digest of the case-folded
// email, whether or not such an account exists, so that throttling tells
// nothing of which do) and the client address (an IPv4 address, or the /64
// network of an IPv6 one, since one host usually holds a whole /64). The
// counts live in the database, so every instance on it sees the same ones.
//
// A key with as many failures as its rule allows is locked: for a second
// after that failure, then twice as long after each further one, up to 15
// minutes. An account may fail 5 times and an address 20 times before the
// first lock (Config can change these two numbers). While any of its keys
// is locked an attempt is refused with ErrThrottled and its password is not
// even checked (nor counted: waiting out a lock is enough). Counting before
// checking means that concurrent attempts cannot all slip in under the
// limit; an attempt whose password proves right, or that never got checked,
// is taken back. A correct password clears its account's count; the
// address's count is only ever forgotten, throttleForget after its last
// failure, so that signing in to one's own account does not buy more
// guesses at others. README.md states these numbers for operators.
const (
	defaultAccountFailures = 5
	defaultAddressFailures = 20
	firstLock              = time.Second
	longestLock            = 15 * time.Minute
)

// The two scopes of throttle keys.
const (
	scopeAccount = "account"
	scopeAddress = "address"
)

// throttleForget is how long after its last counted failure a key's count
// starts again from zero.
const throttleForget = time.Hour

// throttleRule is how one kind of key is locked.
type throttleRule struct {
	scope   string        // "account" or "address", for the audit log
	free    int           // failures before the first lock
	first   time.Duration // the first lock
	longest time.Duration // the longest lock
}

// lockFor returns how long a key with this many failures is locked, or 0.
func (r throttleRule) lockFor(failures int) time.Duration {
	if failures < r.free {
		return 0
	}
	n := failures - r.free
	if n >= 30 {
		return r.longest
	}
	return min(r.first<<n, r.longest)
}

// LoginThrottle counts the recent failed sign-ins of one key: an account
// ("account:" and a SHA-256 digest of the case-folded email) or a client
// address ("address:" and an IPv4 address or an IPv6 /64).
type LoginThrottle struct {
	Key string `gorm:"primaryKey"`
	// Failures counts failed attempts since the count last started again.
	Failures int
	// LockedUntil is when the key may be tried again; nil when it is not locked.
	LockedUntil *time.Time
	// CountedAt is when the last attempt was counted.
	CountedAt time.Time
}

// throttleKey is one key an attempt counts against.
type throttleKey struct {
	key  string
	rule throttleRule
}

// loginKeys returns the keys a sign-in for email from ip counts against, in
// the order they are locked in (the same in every transaction, so that two
// of them never wait for each other). An empty or unreadable ip (the
// command line) has no address key.
func (s *Store) loginKeys(email, ip string) []throttleKey {
	account := throttleRule{scope: scopeAccount, free: s.cfg.AccountFailuresBeforeLock, first: firstLock, longest: longestLock}
	address := throttleRule{scope: scopeAddress, free: s.cfg.AddressFailuresBeforeLock, first: firstLock, longest: longestLock}
	sum := sha256.Sum256([]byte(email))
	keys := []throttleKey{{scopeAccount + ":" + hex.EncodeToString(sum[:]), account}}
	if a, err := netip.ParseAddr(ip); err == nil {
		a = a.Unmap().WithZone("")
		if a.Is4() {
			keys = append(keys, throttleKey{scopeAddress + ":" + a.String(), address})
		} else if p, err := a.Prefix(64); err == nil {
			keys = append(keys, throttleKey{scopeAddress + ":" + p.String(), address})
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].key < keys[j].key })
	return keys
}

// countedAttempt is an attempt's mark on one key, kept so that it can be
// taken back.
type countedAttempt struct {
	throttleKey
	failures int           // the key's count with this attempt
	prevLock *time.Time    // the key's lock before this attempt
	lock     time.Duration // the lock this attempt set, or 0
}

// countAttempt counts a sign-in attempt against each of keys, before its
// password is checked. When a key is locked it counts nothing, writes a
// login.throttled audit event and returns a *RetryError wrapping
// ErrThrottled that says when the last of the locks ends.
func (s *Store) countAttempt(ctx context.Context, m Meta, label string, keys []throttleKey) ([]countedAttempt, error) {
	now := s.now()
	var out []countedAttempt
	var wait time.Duration
	err := s.write(ctx, func(tx *gorm.DB) error {
		out, wait = nil, 0
		rows := make([]LoginThrottle, len(keys))
		scope := ""
		for i, k := range keys {
			row, err := s.lockThrottle(tx, k.key, now)
			if err != nil {
				return err
			}
			rows[i] = row
			if row.LockedUntil != nil && row.LockedUntil.After(now) {
				if d := row.LockedUntil.Sub(now); d > wait {
					wait, scope = d, k.rule.scope
				}
			}
		}
		if wait > 0 {
			return s.audit(tx, m, event{actorLabel: label, action: "login.throttled", objectType: "user",
				after: map[string]any{"scope": scope, "retry_after_seconds": int(retryLater(ErrThrottled, wait).After / time.Second)}})
		}
		for i, k := range keys {
			row := rows[i]
			if now.Sub(row.CountedAt) > throttleForget {
				row.Failures = 0
			}
			c := countedAttempt{throttleKey: k, failures: row.Failures + 1, prevLock: row.LockedUntil, lock: k.rule.lockFor(row.Failures + 1)}
			var until any
			if c.lock > 0 {
				until = now.Add(c.lock)
			}
			err := tx.Model(&LoginThrottle{}).Where("key = ?", k.key).
				Updates(map[string]any{"failures": c.failures, "locked_until": until, "counted_at": now}).Error
			if err != nil {
				return fmt.Errorf("count attempt: %w", err)
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sign-in throttle: %w", err)
	}
	if wait > 0 {
		return nil, retryLater(ErrThrottled, wait)
	}
	return out, nil
}

// lockThrottle returns a key's row, made when missing, locked until the
// transaction ends (SQLite's one writer already serialises transactions).
func (s *Store) lockThrottle(tx *gorm.DB, key string, now time.Time) (LoginThrottle, error) {
	var row LoginThrottle
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&LoginThrottle{Key: key, CountedAt: now}).Error; err != nil {
		return row, fmt.Errorf("throttle key: %w", err)
	}
	q := tx
	if s.dialect == migrations.Postgres {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	if err := q.Where("key = ?", key).Take(&row).Error; err != nil {
		return row, fmt.Errorf("throttle key: %w", err)
	}
	return row, nil
}

// uncount takes an attempt back from one key: its count goes down by one
// and, unless another attempt was counted since, its lock is what it was.
func (s *Store) uncount(tx *gorm.DB, c countedAttempt) error {
	row, err := s.lockThrottle(tx, c.key, s.now())
	if err != nil {
		return err
	}
	upd := map[string]any{"failures": max(row.Failures-1, 0)}
	if row.Failures == c.failures {
		var prev any
		if c.prevLock != nil {
			prev = *c.prevLock
		}
		upd["locked_until"] = prev
	}
	if err := tx.Model(&LoginThrottle{}).Where("key = ?", c.key).Updates(upd).Error; err != nil {
		return fmt.Errorf("take back attempt: %w", err)
	}
	return nil
}

// loginSucceeded, inside the transaction that opens the session, clears the
// account's count and takes the attempt back from the address.
func (s *Store) loginSucceeded(tx *gorm.DB, counted []countedAttempt) error {
	for _, c := range counted {
		if c.rule.scope == scopeAccount {
			if err := tx.Where("key = ?", c.key).Delete(&LoginThrottle{}).Error; err != nil {
				return fmt.Errorf("clear sign-in count: %w", err)
			}
			continue
		}
		if err := s.uncount(tx, c); err != nil {
			return err
		}
	}
	return nil
}

// clearAccountThrottle clears the count of the account with this email: its
// owner has just proved who they are with the second factor.
func (s *Store) clearAccountThrottle(tx *gorm.DB, email string) error {
	for _, k := range s.loginKeys(NormalizeEmail(email), "") {
		if err := tx.Where("key = ?", k.key).Delete(&LoginThrottle{}).Error; err != nil {
			return fmt.Errorf("clear sign-in count: %w", err)
		}
	}
	return nil
}

// uncountAll takes an attempt whose password was never checked back from
// every key.
func (s *Store) uncountAll(ctx context.Context, counted []countedAttempt) error {
	return s.write(context.WithoutCancel(ctx), func(tx *gorm.DB) error {
		for _, c := range counted {
			if err := s.uncount(tx, c); err != nil {
				return err
			}
		}
		return nil
	})
}

// lockoutEvents are the login.lockout audit events of a failed attempt:
// one for each key the failure locked.
func lockoutEvents(label string, userID uint, counted []countedAttempt) []event {
	var out []event
	for _, c := range counted {
		if c.lock > 0 {
			out = append(out, event{actorLabel: label, action: "login.lockout", objectType: "user", objectID: userID,
				after: map[string]any{"scope": c.rule.scope, "failures": c.failures, "locked_seconds": int(c.lock / time.Second)}})
		}
	}
	return out
}

// sweepLoginThrottles deletes the counts that are forgotten anyway.
func (s *Store) sweepLoginThrottles(ctx context.Context) error {
	now := s.now()
	return s.w.WithContext(ctx).
		Where("counted_at < ? AND (locked_until IS NULL OR locked_until < ?)", now.Add(-throttleForget), now).
		Delete(&LoginThrottle{}).Error
}
