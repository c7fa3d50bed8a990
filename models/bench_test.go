package models_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// benchClaims is how many published claims the save benchmarks run against.
const benchClaims = 100_000

var (
	seedOnce sync.Once
	seedPath string
	seedErr  error
)

// keptSeedEnv names a file in which the save benchmarks keep their seeded
// database from one run to the next: seeding 100,000 claims takes minutes.
// A run seeds it when it is missing and only copies it when it is there;
// remove it after a change to the schema or to what is indexed.
const keptSeedEnv = "CLAIMTRACKER_BENCH_SEED"

// TestMain removes the seeded file that the benchmarks copy, once every
// test and benchmark of the package has run, unless it is kept (see
// keptSeedEnv).
func TestMain(m *testing.M) {
	code := m.Run()
	if seedPath != "" && os.Getenv(keptSeedEnv) == "" {
		_ = os.RemoveAll(filepath.Dir(seedPath))
	}
	os.Exit(code)
}

// seededStore opens a SQLite store that holds benchClaims published claims
// with three sources each. The seeded file is made once per run and copied
// for each benchmark, so they do not disturb one another.
func seededStore(b *testing.B) *models.Store {
	b.Helper()
	ctx := context.Background()
	seedOnce.Do(func() {
		if kept := os.Getenv(keptSeedEnv); kept != "" {
			seedPath = kept
			if _, err := os.Stat(kept); err == nil {
				return
			}
		} else {
			dir, err := os.MkdirTemp("", "claimtracker-bench-")
			if err != nil {
				seedErr = err
				return
			}
			seedPath = filepath.Join(dir, "seed.db")
		}
		s, err := models.Open(ctx, seedPath, models.Config{Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			seedErr = err
			return
		}
		defer s.Close()
		if _, err := s.Migrate(ctx); err != nil {
			seedErr = err
			return
		}
		start := time.Now()
		seedErr = s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: benchClaims, SourcesPerClaim: 3, Published: true, Seed: 1})
		fmt.Fprintf(os.Stderr, "seeded %d claims in %v\n", benchClaims, time.Since(start).Round(time.Millisecond))
	})
	if seedErr != nil {
		b.Fatal(seedErr)
	}
	copyPath := filepath.Join(b.TempDir(), "bench.db")
	if err := copyFile(seedPath, copyPath); err != nil {
		b.Fatal(err)
	}
	s, err := models.Open(ctx, copyPath, models.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o600)
}

// latencies records durations and reports their median and 99th percentile.
type latencies []time.Duration

func (l latencies) report(b *testing.B) {
	b.Helper()
	if len(l) == 0 {
		return
	}
	s := slices.Clone(l)
	slices.Sort(s)
	b.ReportMetric(float64(s[len(s)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(s[len(s)*99/100].Microseconds())/1000, "p99-ms")
}

// cpuClock adds up the processor time the benchmark's process spends
// (user and system, its collector included) in the stretches it is
// started and stopped around: on a machine shared with other work, whose
// load stretches wall-clock latencies, it says how much work a save takes.
type cpuClock struct {
	spent, at time.Duration
}

func (c *cpuClock) start() { c.at = processCPU() }
func (c *cpuClock) stop()  { c.spent += processCPU() - c.at }

// report gives the processor time per save, in milliseconds.
func (c *cpuClock) report(b *testing.B, saves int) {
	b.Helper()
	if saves > 0 && c.spent > 0 {
		b.ReportMetric(float64(c.spent.Microseconds())/1000/float64(saves), "cpu-ms/op")
	}
}

// BenchmarkSaveWith100kClaims measures the store's save operations on a
// database of 100,000 published claims: a new claim (with its similar-claims
// search), a source, and a review that publishes a verdict.
func BenchmarkSaveWith100kClaims(b *testing.B) {
	s := seededStore(b)
	ctx := context.Background()
	ed := modelstest.User(b, s, "bench-ed@example.org", models.RoleEditor)
	rev := modelstest.User(b, s, "bench-rev@example.org", models.RoleReviewer)
	m := models.Meta{IP: "127.0.0.1"}
	claim := func(i int) models.ClaimInput {
		return models.ClaimInput{Text: fmt.Sprintf("The budget deficit doubled to %d billion in the last year", i),
			Summary: fmt.Sprintf("Deficit doubled to %d billion", i), Speaker: "Bench Speaker", SaidAt: "2024-05-01"}
	}

	// A claim is saved as the API saves one: logged, then the claims
	// similar to it looked up.
	saveClaims := func(b *testing.B, in func(i int) models.ClaimInput) {
		var lat latencies
		var cpu cpuClock
		i := 0
		for b.Loop() {
			i++
			t0 := time.Now()
			cpu.start()
			c, err := s.CreateClaim(ctx, ed, m, in(i))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.SimilarClaims(ctx, c.Text, c.ID, 5); err != nil {
				b.Fatal(err)
			}
			cpu.stop()
			lat = append(lat, time.Since(t0))
		}
		lat.report(b)
		cpu.report(b, len(lat))
	}
	// Every word of these is common in the seeded claims.
	b.Run("claim", func(b *testing.B) { saveClaims(b, claim) })
	// These hold words that no seeded claim holds, as real archives hold
	// names and places that few claims mention; each comes back in a few
	// of the claims saved before it.
	b.Run("claim-rare-words", func(b *testing.B) {
		saveClaims(b, func(i int) models.ClaimInput {
			return models.ClaimInput{Text: fmt.Sprintf("Councillor Okonkwo said the Vrbanja footbridge in Marrickvale cost %d million in the last budget", 1000+i),
				Summary: fmt.Sprintf("Footbridge cost %d million", 1000+i), Speaker: "Bench Speaker", SaidAt: "2024-05-01"}
		})
	})

	c, err := s.CreateClaim(ctx, ed, m, claim(0))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("source", func(b *testing.B) {
		var lat latencies
		var cpu cpuClock
		for b.Loop() {
			t0 := time.Now()
			cpu.start()
			if _, err := s.AddSource(ctx, ed, m, c.ID, report()); err != nil {
				b.Fatal(err)
			}
			cpu.stop()
			lat = append(lat, time.Since(t0))
		}
		lat.report(b)
		cpu.report(b, len(lat))
	})

	b.Run("review", func(b *testing.B) {
		var lat latencies
		var cpu cpuClock
		i := 0
		for b.Loop() {
			b.StopTimer()
			i++
			c, err := s.CreateClaim(ctx, ed, m, claim(1_000_000+i))
			if err != nil {
				b.Fatal(err)
			}
			v, err := s.ProposeVerdict(ctx, ed, m, c.ID, models.VerdictInput{Rating: "false", Headline: "h", Explanation: "e"})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			t0 := time.Now()
			cpu.start()
			res, err := s.ReviewVerdict(ctx, rev, m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove})
			if err != nil || !res.Published {
				b.Fatal(err)
			}
			cpu.stop()
			lat = append(lat, time.Since(t0))
		}
		lat.report(b)
		cpu.report(b, len(lat))
	})
}

// BenchmarkSixteenEditorsSaving has 16 editors save claims and sources at
// once on the 100,000-claim database; any error fails it.
func BenchmarkSixteenEditorsSaving(b *testing.B) {
	s := seededStore(b)
	ctx := context.Background()
	var editors []*models.User
	for i := range 16 {
		editors = append(editors, modelstest.User(b, s, fmt.Sprintf("e%d@example.org", i), models.RoleEditor))
	}
	var mu sync.Mutex
	var lat latencies
	n := 0
	for b.Loop() {
		var wg sync.WaitGroup
		errs := make(chan error, 16)
		n++
		for i, ed := range editors {
			wg.Add(1)
			go func() {
				defer wg.Done()
				t0 := time.Now()
				c, err := s.CreateClaim(ctx, ed, models.Meta{}, models.ClaimInput{Text: fmt.Sprintf("Wages rose %d percent for teachers, round %d", i, n),
					Summary: fmt.Sprintf("Teachers' wages rose %d percent", i), Speaker: "Bench Speaker"})
				if err == nil {
					_, err = s.AddSource(ctx, ed, models.Meta{}, c.ID, report())
				}
				d := time.Since(t0)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				lat = append(lat, d/2)
				mu.Unlock()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatalf("concurrent save failed: %v", err)
		}
	}
	lat.report(b)
}
