package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// runLogins measures the server's memory and answers under many
// concurrent wrong-password sign-ins:
//
//	go run -tags sqlite_fts5 ./bench logins [-conns 200] [-duration 10s] [-bin PATH]
//
// It starts the server on a fresh SQLite database with one account, as a
// child process that believes X-Forwarded-For from 127.0.0.1, and has conns
// clients post wrong passwords as fast as they are answered. In the first
// scenario every request comes from an address of its own (an IPv6 /64 of
// the documentation range, sent as X-Forwarded-For; no packet goes there)
// for an email of its own, so that no throttle applies and every request
// costs a password check: this bounds memory. In the second, every request
// guesses at the one account from one address, as a plain attacker would.
// It prints each scenario's answers and latency and the server's peak
// resident memory (VmHWM). -bin measures another build of the server, for
// a before-and-after comparison.
func runLogins(args []string) error {
	fs := flag.NewFlagSet("logins", flag.ContinueOnError)
	conns := fs.Int("conns", 200, "concurrent clients posting wrong passwords")
	duration := fs.Duration("duration", 10*time.Second, "how long each scenario runs")
	bin := fs.String("bin", "", "server binary to measure (default: build ./cmd/claimtracker)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "claimtracker-logins-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if *bin == "" {
		*bin = filepath.Join(dir, "claimtracker")
		fmt.Println("building the server…")
		build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", *bin, "./cmd/claimtracker")
		build.Stdout, build.Stderr = os.Stdout, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build: %w", err)
		}
	}
	db := filepath.Join(dir, "logins.db")
	const email = "target@example.org"
	add := exec.Command(*bin, "user", "add", "--db", db, "--email", email, "--name", "Target", "--role", "editor", "--password-stdin")
	add.Stdin = strings.NewReader("the right password, never sent\n")
	if out, err := add.CombinedOutput(); err != nil {
		return fmt.Errorf("user add: %v: %s", err, out)
	}
	srv, base, err := startServer(*bin, db, "--trusted-proxies", "127.0.0.1/32")
	if err != nil {
		return err
	}
	defer stopServer(srv)
	rss, _ := memory(srv.Process.Pid)
	fmt.Printf("\nserver %s, idle: %d MB resident\n\n", *bin, rss>>10)
	fmt.Printf("%d clients, %v per scenario\n\n", *conns, *duration)
	fmt.Println("| scenario | answers | per second | p50 ms | p99 ms | statuses | peak resident MB |")
	fmt.Println("|---|---:|---:|---:|---:|---|---:|")
	var n atomic.Int64
	scenarios := []struct {
		name string
		req  func() (form url.Values, forwardedFor string)
	}{
		{"wrong passwords, each from its own address for its own email", func() (url.Values, string) {
			i := n.Add(1)
			ip := fmt.Sprintf("2001:db8:%x:%x::1", (i>>16)&0xffff, i&0xffff)
			return url.Values{"email": {fmt.Sprintf("guess-%d@example.org", i)}, "password": {"wrong password here"}}, ip
		}},
		{"wrong passwords for one account from one address", func() (url.Values, string) {
			return url.Values{"email": {email}, "password": {"wrong password here"}}, ""
		}},
	}
	for _, sc := range scenarios {
		res := postLoad(base+"/login", sc.req, *conns, *duration)
		_, hwm := memory(srv.Process.Pid)
		fmt.Printf("| %s | %d | %.0f | %.0f | %.0f | %s | %d |\n", sc.name, res.count, float64(res.count)/duration.Seconds(),
			ms(res.p50), ms(res.p99), res.statuses(), hwm>>10)
	}
	return nil
}

// postResult is what postLoad saw.
type postResult struct {
	count    int
	p50, p99 time.Duration
	status   map[string]int
}

// statuses lists the answers by status, most frequent first.
func (r postResult) statuses() string {
	keys := make([]string, 0, len(r.status))
	for k := range r.status {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return r.status[keys[i]] > r.status[keys[j]] })
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s × %d", k, r.status[k]))
	}
	return strings.Join(parts, ", ")
}

// postLoad has conns clients post the forms req makes to url for d, each
// waiting for its answer before the next.
func postLoad(url string, req func() (url.Values, string), conns int, d time.Duration) postResult {
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	defer tr.CloseIdleConnections()
	var mu sync.Mutex
	res := postResult{status: map[string]int{}}
	var lat []time.Duration
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for range conns {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				form, xff := req()
				r, _ := http.NewRequest("POST", url, strings.NewReader(form.Encode()))
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				if xff != "" {
					r.Header.Set("X-Forwarded-For", xff)
				}
				t0 := time.Now()
				resp, err := client.Do(r)
				status := "error"
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					status = fmt.Sprint(resp.StatusCode)
				}
				mu.Lock()
				res.status[status]++
				lat = append(lat, time.Since(t0))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	slices.Sort(lat)
	res.count = len(lat)
	if len(lat) > 0 {
		res.p50, res.p99 = lat[len(lat)/2], lat[len(lat)*99/100]
	}
	return res
}
