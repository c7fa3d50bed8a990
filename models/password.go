package models

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"claimtracker/input"
)

// Password rules: long enough to resist guessing, short enough that hashing
// cannot be used to exhaust the server. Nothing is ever truncated.
const (
	MinPasswordLen = 12
	MaxPasswordLen = 256
)

// argon2id parameters (OWASP's minimum is m=19 MiB, t=2, p=1).
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// checkPassword says why p is refused as a new password; ok when it is not.
func checkPassword(p string) (why Reason, ok bool) {
	n := utf8.RuneCountInString(p)
	bad := input.Check(p, input.Exact)
	switch {
	case p == "":
		return ReasonRequired, false
	case bad != nil:
		return InputReason(bad), false
	case n < MinPasswordLen:
		return ReasonMinChars(MinPasswordLen), false
	case n > MaxPasswordLen:
		return ReasonMaxChars(MaxPasswordLen), false
	}
	return Reason{}, true
}

// PasswordHashCost is the work of one argon2id password hash: MemoryKiB
// of memory (argon2's m parameter, in KiB) passed over Passes times (t).
// A hash records its own cost, so a hash made at one cost is checked
// correctly by a Store set to another.
type PasswordHashCost struct {
	MemoryKiB uint32
	Passes    uint32
}

// DefaultPasswordHashCost is OWASP's minimum for argon2id (m=19 MiB, t=2,
// p=1; OWASP Password Storage Cheat Sheet), the cost every server uses.
var DefaultPasswordHashCost = PasswordHashCost{MemoryKiB: argonMemory, Passes: argonTime}

// LightPasswordHashCost is argon2's smallest cost (64 KiB, one pass). It
// is for test suites, which create and sign in thousands of accounts; a
// server never uses it (the command line cannot set it).
var LightPasswordHashCost = PasswordHashCost{MemoryKiB: 64, Passes: 1}

// HashMemoryMiB is the memory one password hash or check takes while it
// runs, in MiB (argon2id's m parameter).
const HashMemoryMiB = argonMemory / 1024

// defaultHashers is how many passwords are hashed at once when
// Config.PasswordHashers is not set: what PasswordHashSlots gives for the
// server's default memory limit of 100 MiB.
const defaultHashers = 2

// PasswordHashSlots returns how many passwords may be hashed at once under a
// memory limit of limitMiB: as many HashMemoryMiB hashes as fit in half the
// limit (the other half is for everything else), at least one. A limit of 0
// or less means there is none; then it is one per CPU.
func PasswordHashSlots(limitMiB int) int {
	if limitMiB <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return max(1, limitMiB/2/HashMemoryMiB)
}

// withHashSlot runs fn, which hashes or checks a password, while holding one
// of the Store's hashing slots, so that at most Config.PasswordHashers
// hashes (HashMemoryMiB each) run at once. It waits up to Config.HashWait
// for a slot and then fails with a *RetryError wrapping ErrBusy.
func (s *Store) withHashSlot(ctx context.Context, fn func() error) error {
	wctx, cancel := context.WithTimeout(ctx, s.cfg.HashWait)
	defer cancel()
	if err := s.hashers.Acquire(wctx, 1); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("wait to check a password: %w", ctx.Err())
		}
		return retryLater(ErrBusy, s.cfg.HashWait)
	}
	defer s.hashers.Release(1)
	if s.hashHook != nil {
		defer s.hashHook()()
	}
	return fn()
}

// hashPassword hashes p within a hashing slot (see withHashSlot).
func (s *Store) hashPassword(ctx context.Context, p string) (hash string, err error) {
	err = s.withHashSlot(ctx, func() error {
		hash, err = argonHash(p, s.cfg.PasswordHashCost)
		return err
	})
	return hash, err
}

// verifyPassword checks p against hash within a hashing slot (see
// withHashSlot). An empty hash stands for an account that does not exist:
// p is checked against a dummy hash, so that the answer takes as long.
func (s *Store) verifyPassword(ctx context.Context, hash, p string) (ok bool, err error) {
	err = s.withHashSlot(ctx, func() error {
		if hash == "" {
			_, _ = argonVerify(s.dummyHash(), p)
			return nil
		}
		ok, err = argonVerify(hash, p)
		return err
	})
	return ok, err
}

// argonHash returns a PHC-style argon2id hash of p at cost c, with a
// random salt. Call it only through Store.hashPassword, which bounds how
// many run at once.
func argonHash(p string, c PasswordHashCost) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(p), salt, c.Passes, c.MemoryKiB, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, c.MemoryKiB, c.Passes, argonThreads, enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// argonVerify reports whether p matches hash, in constant time. Call it
// only through Store.verifyPassword, which bounds how many run at once.
func argonVerify(hash, p string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errors.New("unknown password hash format")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errors.New("unknown argon2 version")
	}
	var m, t uint32
	var th uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &th); err != nil {
		return false, errors.New("bad argon2 parameters")
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil {
		return false, errors.New("bad argon2 salt")
	}
	want, err := enc.DecodeString(parts[5])
	if err != nil {
		return false, errors.New("bad argon2 key")
	}
	got := argon2.IDKey([]byte(p), salt, t, m, th, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummyHash is verified against when no account matches, so that a login
// for an unknown email takes as long as one for a known email. It is made
// at the Store's cost on first use, inside the slot of the check that
// needs it.
func (s *Store) dummyHash() string {
	s.dummyOnce.Do(func() { s.dummy, _ = argonHash("claimtracker-timing-equaliser", s.cfg.PasswordHashCost) })
	return s.dummy
}
