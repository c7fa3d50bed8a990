package models_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// countHashes counts the password hashes and checks s runs.
func countHashes(s *models.Store) *atomic.Int64 {
	var n atomic.Int64
	s.OnHashForTest(func() func() {
		n.Add(1)
		return func() {}
	})
	return &n
}

// outcome names what a Login call gave: "ok", "bad", "throttled 2s", "busy 1s"
// or "error: …".
func outcome(s *models.Store, ip, email, password string) string {
	_, _, err := s.Login(context.Background(), models.Meta{IP: ip}, email, password)
	wait, hasWait := models.RetryAfter(err)
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, models.ErrBadCredentials):
		return "bad"
	case errors.Is(err, models.ErrThrottled) && hasWait:
		return fmt.Sprintf("throttled %v", wait)
	case errors.Is(err, models.ErrBusy) && hasWait:
		return fmt.Sprintf("busy %v", wait)
	}
	return "error: " + err.Error()
}

// ipFor gives each attempt an address of its own, so that only the
// account's count is tested.
func ipFor(i int) string { return fmt.Sprintf("198.51.100.%d", i%250+1) }

func TestLoginLockDoublesUpToFifteenMinutes(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	var got []string
	for failures := 1; failures <= 20; failures++ {
		got = append(got, s.LockForTest(failures).String())
	}
	want := "0s 0s 0s 0s 1s 2s 4s 8s 16s 32s 1m4s 2m8s 4m16s 8m32s 15m0s 15m0s 15m0s 15m0s 15m0s 15m0s"
	if strings.Join(got, " ") != want {
		t.Fatalf("locks after 1..20 failures:\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

func TestLoginThrottleBacksOffPerAccount(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		hashes := countHashes(s)
		attempt := 0
		try := func(password string) string {
			attempt++
			return outcome(s, ipFor(attempt), "Ed@Example.org ", password)
		}
		for i := range 5 {
			if got := try("wrong password " + fmt.Sprint(i)); got != "bad" {
				t.Fatalf("failure %d: %s, want bad", i+1, got)
			}
		}
		// The right password during the lockout does not get in, and is not
		// even checked.
		if got := try(modelstest.Password); got != "throttled 1s" {
			t.Fatalf("right password after 5 failures: %s, want throttled 1s", got)
		}
		if hashes.Load() != 5 {
			t.Fatalf("password checks = %d, want 5: a throttled attempt was checked", hashes.Load())
		}
		if n, _ := s.CountSessions(ctx, ed.ID); n != 0 {
			t.Fatalf("sessions = %d during a lockout", n)
		}
		// Each further failure doubles the lock.
		for _, want := range []string{"throttled 2s", "throttled 4s"} {
			clock.Add(15 * time.Minute)
			if got := try("wrong again"); got != "bad" {
				t.Fatalf("after the lock ended: %s, want bad", got)
			}
			if got := try(modelstest.Password); got != want {
				t.Fatalf("right password after another failure: %s, want %s", got, want)
			}
		}
		// The lock ends when it says; then the right password gets in and
		// clears the count: five failures again before the next lock.
		clock.Add(3 * time.Second)
		if got := try(modelstest.Password); got != "throttled 1s" {
			t.Fatalf("one second before the end: %s", got)
		}
		clock.Add(time.Second)
		if got := try(modelstest.Password); got != "ok" {
			t.Fatalf("right password after the lock: %s", got)
		}
		for i := range 5 {
			if got := try("wrong"); got != "bad" {
				t.Fatalf("failure %d after a success: %s, want bad (the count starts again)", i+1, got)
			}
		}
		if got := try(modelstest.Password); got != "throttled 1s" {
			t.Fatalf("after 5 new failures: %s", got)
		}

		// Every throttled attempt and every lockout is in the audit log.
		throttled, _ := s.AuditEvents(ctx, models.AuditQuery{Action: "login.throttled", Limit: 500})
		if len(throttled) != 5 {
			t.Fatalf("login.throttled events = %d, want 5", len(throttled))
		}
		if e := throttled[0]; e.Actor != "ed@example.org" || !strings.Contains(e.After, `"scope":"account"`) || !strings.Contains(e.After, `"retry_after_seconds":1`) {
			t.Fatalf("throttled event: %+v", e)
		}
		lockouts, _ := s.AuditEvents(ctx, models.AuditQuery{Action: "login.lockout", Limit: 500})
		if len(lockouts) != 4 {
			t.Fatalf("login.lockout events = %d, want 4 (one per locking failure)", len(lockouts))
		}
		if e := lockouts[0]; e.ObjectID == nil || *e.ObjectID != ed.ID || !strings.Contains(e.After, `"failures":5`) || !strings.Contains(e.After, `"locked_seconds":1`) {
			t.Fatalf("lockout event: %+v %s", e, e.After)
		}

		// A count is forgotten an hour after its last failure: two failures
		// in a row lock nothing (they would, counted on from five).
		clock.Add(time.Hour + time.Second)
		for i := range 2 {
			if got := try("wrong"); got != "bad" {
				t.Fatalf("failure %d an hour later: %s", i+1, got)
			}
		}
	})
}

func TestLoginThrottleTreatsUnknownEmailsAlike(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now, AccountFailuresBeforeLock: 2}, func(t *testing.T, s *models.Store) {
		modelstest.User(t, s, "known@example.org", models.RoleEditor)
		run := func(email string) string {
			var got []string
			for i := range 5 {
				got = append(got, outcome(s, ipFor(i), email, "not the password"))
				if i == 3 {
					clock.Add(time.Second)
				}
			}
			return strings.Join(got, ", ")
		}
		known, unknown := run("known@example.org"), run("nobody@example.org")
		want := "bad, bad, throttled 1s, throttled 1s, bad"
		if known != want || unknown != want {
			t.Fatalf("known email: %s\nunknown email: %s\nwant both: %s", known, unknown, want)
		}
	})
}

func TestLoginThrottlePerAddress(t *testing.T) {
	clock := newClock()
	modelstest.ForEach(t, models.Config{Now: clock.Now, AddressFailuresBeforeLock: 3}, func(t *testing.T, s *models.Store) {
		modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		modelstest.User(t, s, "mine@example.org", models.RoleEditor)
		// One guess at each of three accounts from one address, with a
		// sign-in to one's own account in between, which does not help.
		for i := range 3 {
			if got := outcome(s, "192.0.2.7", fmt.Sprintf("user%d@example.org", i), "guess"); got != "bad" {
				t.Fatalf("guess %d: %s", i+1, got)
			}
			if i == 1 {
				if got := outcome(s, "192.0.2.7", "mine@example.org", modelstest.Password); got != "ok" {
					t.Fatalf("own account: %s", got)
				}
			}
		}
		for _, ip := range []string{"192.0.2.7", "::ffff:192.0.2.7"} {
			if got := outcome(s, ip, "ed@example.org", modelstest.Password); got != "throttled 1s" {
				t.Fatalf("from %s after 3 failures: %s, want throttled 1s", ip, got)
			}
		}
		if got := outcome(s, "192.0.2.8", "ed@example.org", modelstest.Password); got != "ok" {
			t.Fatalf("from another address: %s", got)
		}
		rows, err := s.ThrottleForTest(context.Background(), "ed@example.org", "192.0.2.7")
		if err != nil || rows["address"].Failures != 3 || rows["address"].LockedUntil == nil {
			t.Fatalf("address count: %+v %v", rows, err)
		}
		ev, _ := s.AuditEvents(context.Background(), models.AuditQuery{Action: "login.throttled"})
		if len(ev) == 0 || !strings.Contains(ev[0].After, `"scope":"address"`) || ev[0].IP != "::ffff:192.0.2.7" {
			t.Fatalf("throttled event: %+v", ev)
		}

		// IPv6 addresses count by /64.
		for i := range 3 {
			ip := fmt.Sprintf("2001:db8:1:2::%x", i+1)
			if got := outcome(s, ip, fmt.Sprintf("v6user%d@example.org", i), "guess"); got != "bad" {
				t.Fatalf("v6 guess %d: %s", i+1, got)
			}
		}
		if got := outcome(s, "2001:db8:1:2:ffff:ffff:ffff:fffe", "ed@example.org", modelstest.Password); got != "throttled 1s" {
			t.Fatalf("same /64: %s", got)
		}
		if got := outcome(s, "2001:db8:1:3::1", "ed@example.org", modelstest.Password); got != "ok" {
			t.Fatalf("next /64: %s", got)
		}
		// The command line has no address and only an account count.
		if got := outcome(s, "", "ed@example.org", modelstest.Password); got != "ok" {
			t.Fatalf("no address: %s", got)
		}
	})
}

// TestLoginLockoutIsSharedByInstances runs two Stores on one database, as
// two servers behind a load balancer would.
func TestLoginLockoutIsSharedByInstances(t *testing.T) {
	clock := newClock()
	cfg := models.Config{Now: clock.Now, Logger: slog.New(slog.DiscardHandler), HashWait: time.Minute, AccountFailuresBeforeLock: 2}
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := modelstest.MigratedDSN(t, engine)
			var stores [2]*models.Store
			for i := range stores {
				s, err := models.Open(ctx, dsn, cfg)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = s.Close() })
				if _, err := s.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				stores[i] = s
			}
			modelstest.User(t, stores[0], "ed@example.org", models.RoleEditor)
			for i := range 2 {
				if got := outcome(stores[i%2], ipFor(i), "ed@example.org", "wrong"); got != "bad" {
					t.Fatalf("failure %d: %s", i+1, got)
				}
			}
			for _, s := range stores {
				if got := outcome(s, ipFor(9), "ed@example.org", modelstest.Password); got != "throttled 1s" {
					t.Fatalf("right password on either instance during the lockout: %s", got)
				}
			}
			clock.Add(time.Second)
			if got := outcome(stores[1], ipFor(10), "ed@example.org", modelstest.Password); got != "ok" {
				t.Fatalf("after the lock: %s", got)
			}

			// A burst of concurrent guesses at one account, split over both
			// instances, gets exactly the free checks.
			var checks atomic.Int64
			for _, s := range stores {
				s.OnHashForTest(func() func() {
					checks.Add(1)
					return func() {}
				})
			}
			results := make([]string, 20)
			var wg sync.WaitGroup
			for i := range results {
				wg.Go(func() { results[i] = outcome(stores[i%2], ipFor(100+i), "victim@example.org", "guess") })
			}
			wg.Wait()
			bad, throttled := 0, 0
			for _, r := range results {
				switch r {
				case "bad":
					bad++
				case "throttled 1s":
					throttled++
				default:
					t.Errorf("burst result %q", r)
				}
			}
			if bad != 2 || throttled != 18 || checks.Load() != 2 {
				t.Fatalf("burst of 20: %d checked wrong, %d throttled, %d password checks; want 2, 18, 2", bad, throttled, checks.Load())
			}
		})
	}
}

func TestPasswordHashingWaitsForASlotThenGivesUp(t *testing.T) {
	cfg := models.Config{PasswordHashers: 1, HashWait: 100 * time.Millisecond}
	modelstest.ForEach(t, cfg, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		ed := modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		release, err := s.HoldHashSlotForTest(ctx)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if got := outcome(s, "192.0.2.1", "ed@example.org", modelstest.Password); got != "busy 1s" {
			t.Fatalf("login with every slot taken: %s, want busy 1s", got)
		}
		if waited := time.Since(start); waited < 100*time.Millisecond {
			t.Fatalf("gave up after %v, before HashWait", waited)
		}
		_, err = s.CreateUser(ctx, nil, models.Meta{}, models.NewUser{Email: "new@example.org", Name: "New", Role: models.RoleEditor, Password: modelstest.Password})
		if _, ok := models.RetryAfter(err); !ok || !errors.Is(err, models.ErrBusy) {
			t.Fatalf("create user with every slot taken: %v, want ErrBusy", err)
		}
		if _, err := s.UserByEmail(ctx, "new@example.org"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("a refused create left a user: %v", err)
		}
		// The refused attempt was taken back: it counts as no failure.
		rows, err := s.ThrottleForTest(ctx, "ed@example.org", "192.0.2.1")
		if err != nil || rows["account"].Failures != 0 || rows["address"].Failures != 0 {
			t.Fatalf("counts after a busy refusal: %+v %v", rows, err)
		}
		release()
		if _, u, err := s.Login(ctx, models.Meta{IP: "192.0.2.1"}, "ed@example.org", modelstest.Password); err != nil || u.ID != ed.ID {
			t.Fatalf("login once a slot is free: %v", err)
		}
	})
}

func TestPasswordHashingNeverExceedsItsSlots(t *testing.T) {
	const slots = 2
	cfg := models.Config{PasswordHashers: slots, HashWait: time.Minute}
	modelstest.ForEach(t, cfg, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		modelstest.User(t, s, "ed@example.org", models.RoleEditor)
		var running, most atomic.Int64
		s.OnHashForTest(func() func() {
			n := running.Add(1)
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(20 * time.Millisecond) // hold the slot, so that others pile up
			return func() { running.Add(-1) }
		})
		var wg sync.WaitGroup
		errs := make(chan error, 6)
		for i := range 3 {
			wg.Go(func() {
				_, _, err := s.Login(ctx, models.Meta{IP: ipFor(i)}, fmt.Sprintf("user%d@example.org", i), "guess")
				if !errors.Is(err, models.ErrBadCredentials) {
					errs <- fmt.Errorf("login %d: %v", i, err)
				}
			})
			wg.Go(func() {
				_, err := s.CreateUser(ctx, nil, models.Meta{}, models.NewUser{Email: fmt.Sprintf("new%d@example.org", i), Name: "N", Role: models.RoleEditor, Password: modelstest.Password})
				if err != nil {
					errs <- fmt.Errorf("create %d: %v", i, err)
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if got := most.Load(); got != slots {
			t.Fatalf("at most %d hashes ran at once, want exactly %d (the slots, all used)", got, slots)
		}
	})
}

func TestPasswordHashSlotsFitTheMemoryLimit(t *testing.T) {
	for _, c := range []struct{ limit, want int }{{100, 2}, {38, 1}, {10, 1}, {400, 10}} {
		if got := models.PasswordHashSlots(c.limit); got != c.want {
			t.Errorf("PasswordHashSlots(%d) = %d, want %d", c.limit, got, c.want)
		}
	}
	if got := models.PasswordHashSlots(0); got < 1 {
		t.Errorf("PasswordHashSlots(0) = %d", got)
	}
}
