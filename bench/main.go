// Command bench measures Claimtracker's public pages under load, next to
// the ceiling of a bare net/http server answering a static page of the same
// size, on the same machine in the same run.
//
//	go run -tags sqlite_fts5 ./bench [-claims 100000] [-conns 64] [-duration 10s] [-warmup 3s]
//	go run -tags sqlite_fts5 ./bench article [-size 199000]
//
// It builds the server, seeds a fresh SQLite database with published claims
// (three sources each), starts the server and the static ceiling as separate
// processes, drives each scenario with a pool of keep-alive connections
// (first unmeasured until its throughput settles, see warm, then measured
// for the duration), and prints throughput, latency percentiles, the ratio
// to the ceiling and the server's peak resident memory. Then one editor,
// and then -editors at once, save through the JSON API, the ceiling
// measured before and after them; -saves runs the saves alone.
//
//	go run -tags sqlite_fts5 ./bench logins [-conns 200] [-duration 10s] [-bin PATH]
//
// measures instead the server's memory under concurrent wrong-password
// sign-ins (see runLogins), and the article command posts one article of
// 199 KB of repeated quotations and reports the answer's size and the
// server's peak memory.
//
//	go run -tags sqlite_fts5 ./bench instances [-postgres URL] [-claims 20000] [-conns 64] [-duration 10s]
//
// runs two server processes on one PostgreSQL database, with readers on
// both and a writer correcting claims through one, and counts the pages
// the other served stale (see runInstances).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"claimtracker/models"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "static" {
		serveStatic(os.Args[2:])
		return
	}
	run := run
	switch {
	case len(os.Args) > 1 && os.Args[1] == "logins":
		run = func() error { return runLogins(os.Args[2:]) }
	case len(os.Args) > 1 && os.Args[1] == "article":
		run = func() error { return articleBench(os.Args[2:]) }
	case len(os.Args) > 1 && os.Args[1] == "instances":
		run = func() error { return runInstances(os.Args[2:]) }
	}
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	claims := flag.Int("claims", 100_000, "published claims to seed")
	conns := flag.Int("conns", 64, "concurrent connections")
	duration := flag.Duration("duration", 10*time.Second, "how long each scenario is measured")
	warmup := flag.Duration("warmup", 3*time.Second, "how long each scenario runs unmeasured, at least, before it is measured (see warm)")
	editors := flag.Int("editors", 16, "editors saving at once in the save scenario")
	keep := flag.String("dir", "", "work folder to keep (default: a temporary one, removed)")
	only := flag.String("only", "", "run only the page scenarios whose names contain this, and no saves")
	savesOnly := flag.Bool("saves", false, "run only the saves, none of the page scenarios")
	addr := flag.String("addr", "", "address the server listens on (default: a free one); with -dir and the same build, a second run finds its pages already prerendered")
	flag.Parse()
	ctx := context.Background()

	dir := *keep
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	} else {
		d, err := os.MkdirTemp("", "claimtracker-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	bin, err := buildServer(dir)
	if err != nil {
		return err
	}

	db := filepath.Join(dir, "bench.db")
	if _, err := os.Stat(db); err != nil {
		fmt.Printf("seeding %d published claims with 3 sources each…\n", *claims)
		start := time.Now()
		if err := seed(ctx, db, *claims); err != nil {
			return err
		}
		fmt.Printf("seeded in %v\n", time.Since(start).Round(time.Second))
	}

	srv, base, err := startServerAt(*addr, bin, db)
	if err != nil {
		return err
	}
	defer stopServer(srv)

	slugs, err := publicSlugs(ctx, db)
	if err != nil {
		return err
	}
	fmt.Println("waiting for the server to prerender every claim page…")
	start := time.Now()
	if err := waitPrerendered(srv, 10*time.Minute); err != nil {
		return err
	}
	fmt.Printf("prerendered %d pages in %v (server pid %d)\n", len(slugs), time.Since(start).Round(time.Second), srv.Process.Pid)
	// The size of a typical claim page (one from the middle of the
	// archive) sets the size of the static page.
	sample, err := get(base + "/claims/" + slugs[len(slugs)/2])
	if err != nil {
		return err
	}
	st, staticAddr, err := startStatic(len(sample))
	if err != nil {
		return err
	}
	defer stopServer(st)

	words := strings.Fields("budget unemployment inflation housing hospitals police border climate energy tariffs pensions vaccines election senate audit census")
	zipf := rand.NewZipf(rand.New(rand.NewPCG(1, 2)), 1.1, 1, uint64(len(slugs)-1))
	var zmu sync.Mutex
	scenarios := []scenario{
		{"static ceiling (bare net/http, same bytes)", func(*rand.Rand) string { return "http://" + staticAddr + "/" }, plain},
		{"claim page, popular pages (Zipf over all claims), no gzip", func(*rand.Rand) string {
			zmu.Lock()
			i := zipf.Uint64()
			zmu.Unlock()
			return base + "/claims/" + slugs[i]
		}, plain},
		{"claim page, popular pages, gzip", func(*rand.Rand) string {
			zmu.Lock()
			i := zipf.Uint64()
			zmu.Unlock()
			return base + "/claims/" + slugs[i]
		}, gzipped},
		{"claim page, popular pages, gzip, a French reader", func(*rand.Rand) string {
			zmu.Lock()
			i := zipf.Uint64()
			zmu.Unlock()
			return base + "/claims/" + slugs[i]
		}, ask{gzip: true, language: "fr-FR,fr;q=0.9,en;q=0.8"}},
		{"claim page, the 1,000 most read (all cached), gzip", func(r *rand.Rand) string { return base + "/claims/" + slugs[r.IntN(1000)] }, gzipped},
		{"claim page, uniformly random over all claims, gzip", func(r *rand.Rand) string { return base + "/claims/" + slugs[r.IntN(len(slugs))] }, gzipped},
		{"home page, gzip", func(r *rand.Rand) string { return base + "/" }, gzipped},
		{"home page, a random page of 50, gzip", func(r *rand.Rand) string { return base + "/?page=" + strconv.Itoa(1+r.IntN(50)) }, gzipped},
		{"search, one or two random words, gzip", func(r *rand.Rand) string {
			q := words[r.IntN(len(words))]
			if r.IntN(2) == 0 {
				q += "+" + words[r.IntN(len(words))]
			}
			return base + "/search?q=" + q
		}, gzipped},
		{"Atom feed, gzip", func(r *rand.Rand) string { return base + "/feed.atom" }, gzipped},
	}
	fmt.Printf("\n%d connections, %v per scenario after at least %v unmeasured, page of %d bytes\n\n", *conns, *duration, *warmup, len(sample))
	// The ceiling is measured before and after every scenario, and each
	// scenario is compared with the mean of the two: a shared machine's
	// speed drifts over minutes, and a ceiling taken once at the start
	// would count that drift as the server's.
	fmt.Println("| scenario | requests/s | ceiling requests/s around it | ratio to ceiling | p50 ms | p99 ms | p99 / ceiling p99 | errors |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|")
	//
	// Each run is measured after a warm-up of its own (see warm).
	measure := func(sc scenario) result {
		warm(sc, *conns, *warmup)
		return load(sc.url, sc.ask, *conns, *duration)
	}
	ceiling := func() result { return measure(scenarios[0]) }
	var before result
	if !*savesOnly {
		before = ceiling()
	}
	for _, sc := range scenarios[1:] {
		if *savesOnly || !strings.Contains(sc.name, *only) {
			continue
		}
		res := measure(sc)
		after := ceiling()
		rps := (before.rps + after.rps) / 2
		p99 := (before.p99 + after.p99) / 2
		fmt.Printf("| %s | %.0f | %.0f | %.0f%% | %.2f | %.2f | %.2f | %d |\n", sc.name, res.rps, rps, 100*res.rps/rps, ms(res.p50), ms(res.p99), float64(res.p99)/float64(p99), res.errors)
		before = after
	}
	rss, hwm := memory(srv.Process.Pid)
	fmt.Printf("\nserver resident memory after the page scenarios: now %d MB, peak %d MB\n\n", rss>>10, hwm>>10)
	if *only != "" {
		return nil
	}

	edTok, err := account(bin, db, fmt.Sprintf("bench-editor-%d@example.org", time.Now().UnixNano()), "editor")
	if err != nil {
		return err
	}
	revTok, err := account(bin, db, fmt.Sprintf("bench-reviewer-%d@example.org", time.Now().UnixNano()), "reviewer")
	if err != nil {
		return err
	}
	// The saves have no ceiling of their own; the static one, measured
	// around them, says how fast the machine was meanwhile.
	before = ceiling()
	fmt.Printf("static ceiling before the saves: %.0f requests/s, p99 %.2f ms\n\n", before.rps, ms(before.p99))
	for _, n := range []int{1, *editors} {
		fmt.Printf("%d editor(s) saving at once for %v, on %d published claims:\n\n", n, *duration, len(slugs))
		saves(base, edTok, revTok, n, *duration).print(*duration)
		fmt.Println()
	}
	after := ceiling()
	fmt.Printf("static ceiling after the saves: %.0f requests/s, p99 %.2f ms\n", after.rps, ms(after.p99))
	rss, hwm = memory(srv.Process.Pid)
	fmt.Printf("\nserver resident memory at the end: now %d MB, peak %d MB\n", rss>>10, hwm>>10)
	return nil
}

// maxWarmup bounds a scenario's warm-up.
const maxWarmup = 30 * time.Second

// warm runs sc unmeasured for at least the time least, then on, a second at a time,
// while its throughput still rises by more than a twentieth from one second
// to the next, for at most maxWarmup in all. The first moments of a
// scenario measure how fast the disk refills the operating system's file
// cache with what the scenario reads, which a host may have dropped while
// other scenarios ran (hosts that reclaim idle file pages do this within
// seconds), and how fast the server's own caches fill: not the steady
// state that the ratio to the ceiling compares.
func warm(sc scenario, conns int, least time.Duration) {
	if least <= 0 {
		return
	}
	start := time.Now()
	load(sc.url, sc.ask, conns, least)
	prev := load(sc.url, sc.ask, conns, time.Second).rps
	for time.Since(start) < maxWarmup {
		next := load(sc.url, sc.ask, conns, time.Second).rps
		if next <= prev*1.05 {
			return
		}
		prev = next
	}
}

type scenario struct {
	name string
	url  func(*rand.Rand) string
	ask  ask
}

// ask is how a scenario's requests ask: for a compressed answer or not,
// and in which reader's language (an Accept-Language header, "" for none,
// which the server answers in its site language).
type ask struct {
	gzip     bool
	language string
}

// plain and gzipped are the two ways most scenarios ask, with no language.
var (
	plain   = ask{}
	gzipped = ask{gzip: true}
)

type result struct {
	rps      float64
	p50, p99 time.Duration
	errors   int64
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// load drives url with conns keep-alive connections for d.
func load(url func(*rand.Rand) string, a ask, conns int, d time.Duration) result {
	return loadObserved(url, a, conns, d, nil)
}

// loadObserved is load that hands every 200 answer to observe, when it is
// not nil, with the URL and the moment the request started; observe reads
// the body (the rest is discarded), and an error from it counts the request
// as failed. It is called from all connections at once.
func loadObserved(url func(*rand.Rand) string, a ask, conns int, d time.Duration, observe func(url string, started time.Time, res *http.Response) error) result {
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	defer tr.CloseIdleConnections()
	var errs, count atomic.Int64
	lat := make([][]time.Duration, conns)
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 7))
			for time.Now().Before(deadline) {
				u := url(r)
				req, _ := http.NewRequest("GET", u, nil)
				if a.gzip {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				if a.language != "" {
					req.Header.Set("Accept-Language", a.language)
				}
				t0 := time.Now()
				res, err := client.Do(req)
				if err == nil {
					if observe != nil && res.StatusCode == 200 {
						err = observe(u, t0, res)
					}
					if _, cerr := io.Copy(io.Discard, res.Body); err == nil {
						err = cerr
					}
					res.Body.Close()
					if res.StatusCode != 200 {
						err = fmt.Errorf("status %d", res.StatusCode)
					}
				}
				if err != nil {
					errs.Add(1)
					continue
				}
				lat[w] = append(lat[w], time.Since(t0))
				count.Add(1)
			}
		}()
	}
	wg.Wait()
	all := slices.Concat(lat...)
	slices.Sort(all)
	res := result{rps: float64(count.Load()) / d.Seconds(), errors: errs.Load()}
	if len(all) > 0 {
		res.p50, res.p99 = all[len(all)/2], all[len(all)*99/100]
	}
	return res
}

// serveStatic is the ceiling: a bare net/http server answering one static
// page of the given size from memory.
func serveStatic(args []string) {
	size, _ := strconv.Atoi(args[1])
	body := []byte(strings.Repeat("<p>static</p>\n", size/14+1))[:size]
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(body)
	})
	_ = http.ListenAndServe(args[0], nil)
}

// startStatic starts this program as the static ceiling (see serveStatic)
// answering a page of size bytes at a free local address, and waits until
// it answers; stop it with stopServer.
func startStatic(size int) (*server, string, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, "", err
	}
	st := &server{Cmd: exec.Command(self, "static", addr, strconv.Itoa(size))}
	if err := st.Start(); err != nil {
		return nil, "", err
	}
	if err := waitUp("http://" + addr + "/"); err != nil {
		stopServer(st)
		return nil, "", err
	}
	return st, addr, nil
}

// seed migrates the database db (a SQLite path or a postgres:// URL) and
// adds n published claims with three sources each.
func seed(ctx context.Context, db string, n int) error {
	s, err := models.Open(ctx, db, models.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	return s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: n, SourcesPerClaim: 3, Published: true, Seed: 42})
}

func publicSlugs(ctx context.Context, db string) ([]string, error) {
	s, err := models.Open(ctx, db, models.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var out []string
	err = s.EachPublic(ctx, func(it models.PublicItem) error {
		out = append(out, it.Slug)
		return nil
	})
	if len(out) == 0 && err == nil {
		err = fmt.Errorf("no published claims")
	}
	return out, err
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitUp(url string) error {
	for range 300 {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("%s did not come up", url)
}

func get(url string) ([]byte, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %d", url, res.StatusCode)
	}
	return io.ReadAll(res.Body)
}

// memory reads a process's resident set and its peak, in KiB.
func memory(pid int) (rss, hwm int64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			switch f[0] {
			case "VmRSS:":
				rss = n
			case "VmHWM:":
				hwm = n
			}
		}
	}
	return rss, hwm
}

// buildServer builds the server into dir and returns the binary's path.
func buildServer(dir string) (string, error) {
	bin := filepath.Join(dir, "claimtracker")
	fmt.Println("building the server…")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "./cmd/claimtracker")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	return bin, nil
}

// waitPrerendered waits until srv has finished its first full prerender
// pass, which it logs: from then on every public claim page has a
// current stored render, and no render runs in the background.
func waitPrerendered(srv *server, limit time.Duration) error {
	select {
	case <-srv.prerendered:
		return nil
	case <-time.After(limit):
		return fmt.Errorf("the server did not finish prerendering in %v", limit)
	}
}

// server is a running server process.
type server struct {
	*exec.Cmd
	// prerendered is closed when the server logs its first full
	// prerender pass.
	prerendered chan struct{}
	// log is the file the server writes its log to, removed by stopServer.
	log *os.File
	// stop ends the watch of the log.
	stop chan struct{}
}

// startServer runs the binary bin as "serve" on the database db (a SQLite
// path or a postgres:// URL) at a free local address, with extra flags,
// and waits until /healthz answers. It returns the running server and its
// base URL; stop it with stopServer.
//
// The server logs to a file, as it would in production, rather than to a
// pipe: a pipe would make this process read a line for every request,
// on the cores it shares with the server, while it drives the load.
func startServer(bin, db string, extra ...string) (*server, string, error) {
	return startServerAt("", bin, db, extra...)
}

// startServerAt is startServer listening at addr, or at a free local
// address when addr is "".
func startServerAt(addr, bin, db string, extra ...string) (*server, string, error) {
	if addr == "" {
		var err error
		if addr, err = freeAddr(); err != nil {
			return nil, "", err
		}
	}
	logFile, err := os.CreateTemp("", "claimtracker-bench-*.log")
	if err != nil {
		return nil, "", err
	}
	// Appending, so that the server's writes follow the file's end when
	// watchLog empties it.
	if logFile, err = reopenAppend(logFile); err != nil {
		return nil, "", err
	}
	srv := &server{Cmd: exec.Command(bin, append([]string{"serve", "--db", db, "--addr", addr, "--log-format", "json"}, extra...)...),
		prerendered: make(chan struct{}), log: logFile, stop: make(chan struct{})}
	srv.Stdout, srv.Stderr = io.Discard, logFile
	if err := srv.Start(); err != nil {
		logFile.Close()
		os.Remove(logFile.Name())
		return nil, "", err
	}
	go watchLog(logFile.Name(), srv.prerendered, srv.stop)
	base := "http://" + addr
	if err := waitUp(base + "/healthz"); err != nil {
		stopServer(srv)
		return nil, "", err
	}
	return srv, base, nil
}

// reopenAppend reopens f, a new file, for appending only.
func reopenAppend(f *os.File) (*os.File, error) {
	name := f.Name()
	f.Close()
	g, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		os.Remove(name)
	}
	return g, err
}

// watchLog follows the JSON log at path until the server logs its first
// full prerender pass, which closes prerendered, or until stop is closed.
// From then on it empties the file every second, so that a line per
// request does not fill the disk and its cache during the run.
func watchLog(path string, prerendered, stop chan struct{}) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	var partial []byte
	for {
		line, err := r.ReadBytes('\n')
		partial = append(partial, line...)
		if err != nil {
			// At the end of what is written so far: wait for more.
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			continue
		}
		var rec struct {
			Msg  string `json:"msg"`
			Full bool   `json:"full"`
		}
		if json.Unmarshal(partial, &rec) == nil && rec.Msg == "prerendered claim pages" && rec.Full {
			close(prerendered)
			for {
				select {
				case <-stop:
					return
				case <-time.After(time.Second):
					_ = os.Truncate(path, 0)
				}
			}
		}
		partial = partial[:0]
	}
}

// stopServer kills a server started by startServer, waits for it and
// removes its log.
func stopServer(srv *server) {
	_ = srv.Process.Kill()
	_, _ = srv.Process.Wait()
	if srv.stop != nil {
		close(srv.stop)
	}
	if srv.log != nil {
		srv.log.Close()
		os.Remove(srv.log.Name())
	}
}
