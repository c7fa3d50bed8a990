package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"claimtracker/models"
)

// freshWithin is how soon after a write is acknowledged every instance on
// the database must serve it.
const freshWithin = 250 * time.Millisecond

// runInstances measures two server processes on one PostgreSQL database
// while one of them takes writes:
//
//	go run -tags sqlite_fts5 ./bench instances [-postgres URL] [-claims 20000] [-conns 64] [-duration 10s]
//
// It seeds a schema of its own on the server -postgres names (dropped at
// the end, also on Ctrl-C) with published claims, starts instance A and
// waits until it has prerendered every claim page, then starts instance B
// (same binary, same database, its own port) and waits until both are
// idle. It measures the static ceiling, then for -duration has readers on
// both instances (-conns connections, half each, asking with gzip for the
// -popular newest claim pages, the home page and the Atom feed) while a
// writer adds a correction with a unique marker in its note to one of those
// claims through A's JSON API every -write-every.
//
// A read of a corrected claim page that started at least 250 ms after the
// write was acknowledged and lacks its marker is a stale read; those that
// started sooner are counted apart, for information. After each
// acknowledgement a probe per instance reads the page back to back until
// it shows the marker, which times how soon each instance serves it.
func runInstances(args []string) error {
	fs := flag.NewFlagSet("instances", flag.ContinueOnError)
	server := fs.String("postgres", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable", "PostgreSQL database to work in; the run uses a schema of its own there and drops it")
	claims := fs.Int("claims", 20_000, "published claims to seed")
	conns := fs.Int("conns", 64, "reader connections, split evenly between the two instances")
	duration := fs.Duration("duration", 10*time.Second, "how long the static ceiling and the two instances are driven")
	popular := fs.Int("popular", 200, "newest claims whose pages the readers ask for and the writer corrects")
	every := fs.Duration("write-every", time.Second, "time between two corrections")
	verbose := fs.Bool("v", false, "also list every correction with its probes' times")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *conns < 2 || *popular < 1 || *claims < *popular || *every <= 0 || *duration <= 0 {
		return errors.New("instances: need -conns of at least 2, -claims of at least -popular, and positive -popular, -duration and -write-every")
	}
	ctx := context.Background()
	loadBefore := loadAverage()

	// Everything started is undone in reverse order, on return or on an
	// interrupt, so that no server or schema is left behind.
	var cleanMu sync.Mutex
	var cleanups []func()
	atExit := func(f func()) { cleanMu.Lock(); cleanups = append(cleanups, f); cleanMu.Unlock() }
	cleanUp := func() {
		cleanMu.Lock()
		defer cleanMu.Unlock()
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
		cleanups = nil
	}
	defer cleanUp()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer close(sig) // after Stop, below: ends the goroutine
	defer signal.Stop(sig)
	go func() {
		if _, ok := <-sig; ok {
			fmt.Fprintln(os.Stderr, "bench: interrupted, cleaning up")
			cleanUp()
			os.Exit(130)
		}
	}()

	dir, err := os.MkdirTemp("", "claimtracker-instances-")
	if err != nil {
		return err
	}
	atExit(func() { _ = os.RemoveAll(dir) })
	bin, err := buildServer(dir)
	if err != nil {
		return err
	}

	dsn, drop, err := benchSchema(ctx, *server)
	if err != nil {
		return err
	}
	atExit(drop)
	fmt.Printf("seeding %d published claims with 3 sources each in %s…\n", *claims, describeSchema(dsn))
	start := time.Now()
	if err := seed(ctx, dsn, *claims); err != nil {
		return err
	}
	fmt.Printf("seeded in %v\n", time.Since(start).Round(time.Second))
	all, err := publicClaims(ctx, dsn)
	if err != nil {
		return err
	}
	if len(all) < *popular {
		return fmt.Errorf("only %d public claims, fewer than -popular %d", len(all), *popular)
	}
	hot := all[:*popular]
	token, err := account(bin, dsn, "bench-writer@example.org", "editor")
	if err != nil {
		return err
	}

	var inst [2]*instance
	for i, name := range []string{"A", "B"} {
		// One public address for both, as behind a load balancer: pages
		// name it, so that B may serve the pages A rendered and stored.
		srv, base, err := startServer(bin, dsn, "--base-url", "http://facts.bench.example")
		if err != nil {
			return err
		}
		atExit(func() { stopServer(srv) })
		n := *conns / 2
		if i == 1 {
			n = *conns - n
		}
		inst[i] = &instance{name: name, idx: i, base: base, pid: srv.Process.Pid, conns: n}
		start := time.Now()
		if i == 0 {
			fmt.Println("waiting for instance A to prerender every claim page…")
			if err := waitPrerendered(srv, 10*time.Minute); err != nil {
				return err
			}
		}
		// B's first pass finds every render stored; wait for it too.
		if err := waitIdle(srv.Process.Pid, 10*time.Minute); err != nil {
			return err
		}
		fmt.Printf("instance %s up and idle after %v\n", name, time.Since(start).Round(time.Second))
	}
	a, b := inst[0], inst[1]

	sample, err := get(a.base + "/claims/" + hot[len(hot)/2].Slug)
	if err != nil {
		return err
	}
	st, staticAddr, err := startStatic(len(sample))
	if err != nil {
		return err
	}
	atExit(func() { stopServer(st) })
	// Both instances start with every page the readers ask for in memory.
	for _, in := range inst {
		if err := in.warm(hot); err != nil {
			return err
		}
	}

	fmt.Printf("\nmeasuring the static ceiling for %v with %d connections…\n", *duration, *conns)
	ceiling := load(func(*mrand.Rand) string { return "http://" + staticAddr + "/" }, plain, *conns, *duration)

	fmt.Printf("driving both instances for %v: %d readers on A, %d on B, a correction through A every %v…\n",
		*duration, a.conns, b.conns, *every)
	w := &writes{}
	var wg sync.WaitGroup
	for _, in := range inst {
		wg.Go(func() { in.res = loadObserved(in.pages(hot), gzipped, in.conns, *duration, in.observer(w)) })
	}
	wg.Go(func() { w.run(a, inst[:], token, hot, *every, *duration) })
	wg.Wait()
	loadAfter := loadAverage()

	fmt.Printf("\ntwo instances on one PostgreSQL database (%s), %d published claims; %d connections (%d on A, %d on B), %v; readers ask with gzip for the %d newest claim pages (80%%), the home page (10%%) and /feed.atom (10%%); claim page of %d bytes\n\n",
		describeSchema(dsn), len(all), *conns, a.conns, b.conns, *duration, len(hot), len(sample))
	fmt.Println("| scenario | requests/s | ratio to ceiling | p50 ms | p99 ms | errors |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	fmt.Printf("| static ceiling (bare net/http, same bytes), %d connections | %.0f | 100%% | %.2f | %.2f | %d |\n", *conns, ceiling.rps, ms(ceiling.p50), ms(ceiling.p99), ceiling.errors)
	for _, in := range inst {
		role := "takes the writes"
		if in == b {
			role = "reads only"
		}
		fmt.Printf("| instance %s (%s), %d connections | %.0f | %.0f%% | %.2f | %.2f | %d |\n",
			in.name, role, in.conns, in.res.rps, 100*in.res.rps/ceiling.rps, ms(in.res.p50), ms(in.res.p99), in.res.errors)
	}
	both := a.res.rps + b.res.rps
	fmt.Printf("| both instances together | %.0f | %.0f%% | | | %d |\n", both, 100*both/ceiling.rps, a.res.errors+b.res.errors)

	w.report(inst[:])
	if *verbose {
		w.detail(inst[:])
	}
	for _, in := range inst {
		rss, hwm := memory(in.pid)
		fmt.Printf("instance %s resident memory at the end: now %d MB, peak %d MB\n", in.name, rss>>10, hwm>>10)
	}
	fmt.Printf("load average (1, 5, 15 min) before the run: %s; after: %s\n", loadBefore, loadAfter)
	var stale []error
	for _, in := range inst {
		if n := w.staleAfter(in.idx); n > 0 {
			stale = append(stale, fmt.Errorf("instance %s served %d stale reads %v or more after a write was acknowledged", in.name, n, freshWithin))
		}
	}
	return errors.Join(stale...)
}

// instance is one server process of the run.
type instance struct {
	name  string
	idx   int // its index in the reads and probes of each write
	base  string
	pid   int
	conns int    // reader connections
	res   result // what its readers saw
}

// pages chooses what a reader asks for: one of the popular claim pages,
// the home page or the Atom feed.
func (in *instance) pages(hot []models.PublicItem) func(*mrand.Rand) string {
	return func(r *mrand.Rand) string {
		switch n := r.IntN(10); {
		case n == 0:
			return in.base + "/"
		case n == 1:
			return in.base + "/feed.atom"
		default:
			return in.base + "/claims/" + hot[r.IntN(len(hot))].Slug
		}
	}
}

// warm reads every page the readers will ask for once, so that the run
// starts with them in memory, as a running instance has its popular pages.
func (in *instance) warm(hot []models.PublicItem) error {
	paths := []string{"/", "/feed.atom"}
	for _, it := range hot {
		paths = append(paths, "/claims/"+it.Slug)
	}
	for _, p := range paths {
		req, _ := http.NewRequest("GET", in.base+p, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			return fmt.Errorf("warm %s%s: %d", in.base, p, res.StatusCode)
		}
	}
	return nil
}

// observer checks every answer of a claim page that has been corrected,
// or is being corrected, for the corrections' markers.
func (in *instance) observer(w *writes) func(string, time.Time, *http.Response) error {
	return func(u string, started time.Time, res *http.Response) error {
		path := strings.TrimPrefix(u, in.base)
		ws := w.on(path)
		if len(ws) == 0 {
			return nil
		}
		body, err := readBody(res)
		if err != nil {
			return err
		}
		ended := time.Now()
		for _, x := range ws {
			x.saw(in.idx, read{started: started, ended: ended, has: bytes.Contains(body, []byte(x.marker))})
		}
		return nil
	}
}

// readBody reads an answer's body, decompressing it when it came gzipped.
func readBody(res *http.Response) ([]byte, error) {
	var r io.Reader = res.Body
	if res.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			return nil, err
		}
		r = zr
	}
	return io.ReadAll(r)
}

// writes are the corrections of the run and what was read after each.
type writes struct {
	mu      sync.RWMutex
	list    []*write
	byPath  map[string][]*write
	errors  []string
	latency []time.Duration
}

// write is one correction: its marker, when it was sent and acknowledged,
// every read of its page on each instance that ended after it was sent,
// and when each instance's probe first saw the marker.
type write struct {
	path, marker string
	sent         time.Time

	mu    sync.Mutex
	ack   time.Time // zero unless the server answered 201
	reads [2][]read
	first [2]time.Duration // from the acknowledgement; -1 if never seen
	tries [2]int           // probe reads until the marker showed
}

// read is one reader's answer for a corrected page.
type read struct {
	started, ended time.Time
	has            bool // the page showed the marker
}

func (x *write) saw(i int, r read) {
	x.mu.Lock()
	x.reads[i] = append(x.reads[i], r)
	x.mu.Unlock()
}

// on lists the writes to the page at path made so far.
func (w *writes) on(path string) []*write {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return slices.Clone(w.byPath[path])
}

// run adds a correction to one of the hot claims through instance a every
// `every` for d, the first after half an interval and the last at least
// half an interval before the end, so that every write is read after; it
// starts probes on every instance after each acknowledgement and waits
// for them.
func (w *writes) run(a *instance, inst []*instance, token string, hot []models.PublicItem, every, d time.Duration) {
	client := &http.Client{Timeout: 10 * time.Second}
	runID := make([]byte, 4)
	_, _ = rand.Read(runID)
	r := mrand.New(mrand.NewPCG(3, 4))
	begin := time.Now()
	end := begin.Add(d)
	var probes sync.WaitGroup
	for i := 0; ; i++ {
		at := begin.Add(every/2 + time.Duration(i)*every)
		if at.Add(every / 2).After(end) {
			break
		}
		time.Sleep(time.Until(at))
		it := hot[r.IntN(len(hot))]
		x := &write{path: "/claims/" + it.Slug, marker: fmt.Sprintf("benchmarker%s%04d", hex.EncodeToString(runID), i)}
		w.mu.Lock()
		if w.byPath == nil {
			w.byPath = map[string][]*write{}
		}
		w.list = append(w.list, x)
		w.byPath[x.path] = append(w.byPath[x.path], x)
		w.mu.Unlock()

		body, _ := json.Marshal(map[string]string{"kind": "correction", "note": "Figures restated after the agency revised them (" + x.marker + ")."})
		req, _ := http.NewRequest("POST", a.base+"/api/v1/claims/"+strconv.FormatUint(uint64(it.ID), 10)+"/corrections", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		x.sent = time.Now()
		res, err := client.Do(req)
		if err == nil {
			raw, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusCreated {
				err = fmt.Errorf("%d %s", res.StatusCode, bytes.TrimSpace(raw))
			}
		}
		acked := time.Now()
		w.mu.Lock()
		if err != nil {
			w.errors = append(w.errors, err.Error())
			w.mu.Unlock()
			continue
		}
		w.latency = append(w.latency, acked.Sub(x.sent))
		w.mu.Unlock()
		x.mu.Lock()
		x.ack = acked
		x.mu.Unlock()
		for _, in := range inst {
			probes.Go(func() { x.probe(in.idx, in.base) })
		}
	}
	probes.Wait()
}

// probe reads the write's page on an instance back to back from the
// acknowledgement until it shows the marker, for at most 10 s, and records
// how long that took.
func (x *write) probe(i int, base string) {
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	x.mu.Lock()
	ack := x.ack
	x.mu.Unlock()
	tries := 0
	for time.Since(ack) < 10*time.Second {
		req, _ := http.NewRequest("GET", base+x.path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := client.Do(req)
		if err != nil {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		tries++
		body, err := readBody(res)
		res.Body.Close()
		if err == nil && res.StatusCode == 200 && bytes.Contains(body, []byte(x.marker)) {
			x.mu.Lock()
			x.first[i], x.tries[i] = time.Since(ack), tries
			x.mu.Unlock()
			return
		}
	}
	x.mu.Lock()
	x.first[i], x.tries[i] = -1, tries
	x.mu.Unlock()
}

// freshness counts, for instance i, the reads of corrected pages that
// started within freshWithin of an acknowledgement and those that started
// later, and how many of each lacked the marker.
type freshness struct {
	early, earlyStale int
	late, lateStale   int
	staleLag          []time.Duration // for each late stale read, how long after the acknowledgement it started
}

func (w *writes) freshness(i int) freshness {
	w.mu.Lock()
	list := slices.Clone(w.list)
	w.mu.Unlock()
	var f freshness
	for _, x := range list {
		x.mu.Lock()
		if !x.ack.IsZero() {
			for _, r := range x.reads[i] {
				since := r.started.Sub(x.ack)
				switch {
				case since < 0:
					// Started before the acknowledgement: either answer is right.
				case since < freshWithin:
					f.early++
					if !r.has {
						f.earlyStale++
					}
				default:
					f.late++
					if !r.has {
						f.lateStale++
						f.staleLag = append(f.staleLag, since)
					}
				}
			}
		}
		x.mu.Unlock()
	}
	return f
}

// staleAfter is the number of stale reads on instance i that started
// freshWithin or more after their write's acknowledgement.
func (w *writes) staleAfter(i int) int { return w.freshness(i).lateStale }

// report prints the writes, the freshness table and the probes' times.
func (w *writes) report(inst []*instance) {
	w.mu.RLock()
	lat := slices.Clone(w.latency)
	errs := slices.Clone(w.errors)
	w.mu.RUnlock()
	slices.Sort(lat)
	fmt.Printf("\ncorrections through instance A's JSON API: %d acknowledged, %d failed", len(lat), len(errs))
	if len(lat) > 0 {
		fmt.Printf("; acknowledged in p50 %.2f ms, max %.2f ms", ms(lat[len(lat)/2]), ms(lat[len(lat)-1]))
	}
	fmt.Println()
	for i, e := range errs {
		if i == 5 {
			break
		}
		fmt.Println("  ", e)
	}
	fmt.Println()
	fmt.Printf("| instance | reads of corrected pages started ≥ %d ms after the ack | stale | started 0–%d ms after the ack | of those without the correction | ack → first served by a probe, min / median / max ms |\n", freshWithin.Milliseconds(), freshWithin.Milliseconds())
	fmt.Println("|---|---:|---:|---:|---:|---|")
	for _, in := range inst {
		f := w.freshness(in.idx)
		fmt.Printf("| %s | %d | **%d** | %d | %d | %s |\n", in.name, f.late, f.lateStale, f.early, f.earlyStale, w.firstServed(in.idx))
		if len(f.staleLag) > 0 {
			slices.Sort(f.staleLag)
			fmt.Printf("\n  stale reads on %s started from %.0f to %.0f ms after their acknowledgement\n\n", in.name, ms(f.staleLag[0]), ms(f.staleLag[len(f.staleLag)-1]))
		}
	}
	fmt.Println()
}

// detail prints each correction: its page, how long it took to acknowledge,
// and for each instance how soon its probe saw it and after how many reads.
func (w *writes) detail(inst []*instance) {
	w.mu.RLock()
	list := slices.Clone(w.list)
	w.mu.RUnlock()
	for n, x := range list {
		x.mu.Lock()
		fmt.Printf("correction %d on %s: ", n+1, x.path)
		if x.ack.IsZero() {
			fmt.Println("failed")
		} else {
			fmt.Printf("acknowledged in %.1f ms", ms(x.ack.Sub(x.sent)))
			for _, in := range inst {
				if x.first[in.idx] < 0 {
					fmt.Printf("; %s never served it in 10 s (%d probe reads)", in.name, x.tries[in.idx])
				} else {
					fmt.Printf("; %s served it after %.1f ms, probe read %d", in.name, ms(x.first[in.idx]), x.tries[in.idx])
				}
			}
			fmt.Println()
		}
		x.mu.Unlock()
	}
	fmt.Println()
}

// firstServed gives min / median / max of how soon instance i's probe saw
// each acknowledged write, and how many it never saw.
func (w *writes) firstServed(i int) string {
	w.mu.Lock()
	list := slices.Clone(w.list)
	w.mu.Unlock()
	var seen []time.Duration
	never, firstRead := 0, 0
	for _, x := range list {
		x.mu.Lock()
		switch {
		case x.ack.IsZero():
		case x.first[i] < 0:
			never++
		default:
			seen = append(seen, x.first[i])
			if x.tries[i] == 1 {
				firstRead++
			}
		}
		x.mu.Unlock()
	}
	if len(seen) == 0 {
		return fmt.Sprintf("never (%d writes)", never)
	}
	slices.Sort(seen)
	s := fmt.Sprintf("%.1f / %.1f / %.1f (the first read had it for %d of %d)", ms(seen[0]), ms(seen[len(seen)/2]), ms(seen[len(seen)-1]), firstRead, len(seen)+never)
	if never > 0 {
		s += fmt.Sprintf("; %d never within 10 s", never)
	}
	return s
}

// benchSchema creates a schema of its own on the PostgreSQL database that
// server names and returns a URL of that database whose sessions work in
// it (search_path), with a function that drops it.
func benchSchema(ctx context.Context, server string) (string, func(), error) {
	if !models.IsPostgres(server) {
		return "", nil, fmt.Errorf("-postgres %q: want a postgres:// URL", server)
	}
	u, err := url.Parse(server)
	if err != nil {
		return "", nil, fmt.Errorf("-postgres: %w", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "bench_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		return "", nil, err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	drop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, server)
		if err == nil {
			defer conn.Close(ctx)
			_, err = conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "bench: drop schema %s: %v\n", schema, err)
		}
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}

// describeSchema names the server, database and schema of a URL from
// benchSchema, without the user or password.
func describeSchema(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("%s%s, schema %s", u.Host, u.Path, u.Query().Get("search_path"))
}

// publicClaims lists every public claim, newest first.
func publicClaims(ctx context.Context, db string) ([]models.PublicItem, error) {
	s, err := models.Open(ctx, db, models.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var out []models.PublicItem
	err = s.EachPublic(ctx, func(it models.PublicItem) error {
		out = append(out, it)
		return nil
	})
	if len(out) == 0 && err == nil {
		err = fmt.Errorf("no published claims")
	}
	return out, err
}

// waitIdle waits until process pid has used less than a tenth of a CPU
// second over a whole second, for at most limit: a server that has
// finished its start-up work.
func waitIdle(pid int, limit time.Duration) error {
	prev, err := cpuTicks(pid)
	if err != nil {
		return err
	}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		time.Sleep(time.Second)
		now, err := cpuTicks(pid)
		if err != nil {
			return err
		}
		if now-prev < 10 {
			return nil
		}
		prev = now
	}
	return fmt.Errorf("process %d still busy after %v", pid, limit)
}

// cpuTicks reads the user and system CPU time of process pid, in clock
// ticks (a hundredth of a second on Linux), from /proc/PID/stat.
func cpuTicks(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(b)
	// The command name, in parentheses, may hold spaces; fields count from
	// the state after it (field 3): utime is field 14, stime 15.
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	k, err2 := strconv.ParseInt(f[12], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, err
	}
	return u + k, nil
}

// loadAverage is the machine's load average over 1, 5 and 15 minutes.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}
