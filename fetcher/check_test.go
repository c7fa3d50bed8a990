package fetcher_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"claimtracker/fetcher"
)

// serverOn is a local HTTP server listening on the loopback address ip
// (any of 127.0.0.0/8 on Linux), counting its requests.
func serverOn(t *testing.T, ip string, h http.HandlerFunc) *server {
	t.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	s := &server{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		h(w, r)
	}))
	s.Listener.Close()
	s.Listener = ln
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func hexSHA256(b string) string {
	sum := sha256.Sum256([]byte(b))
	return hex.EncodeToString(sum[:])
}

// A check reports any final status as a result, with the body and its
// hash: 404 and 410 are answers, not failures.
func TestCheckReportsEveryStatus(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		code, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.WriteHeader(code)
		fmt.Fprintf(w, "<p>caf\xe9 %d</p>", code)
	})
	c := fetcher.New(fetcher.Config{Allow: loopback})
	for _, code := range []int{200, 404, 410, 500, 503} {
		r, err := c.Check(t.Context(), fmt.Sprintf("%s/%d", s.URL, code))
		if err != nil {
			t.Fatalf("%d: %v", code, err)
		}
		body := fmt.Sprintf("<p>caf\xe9 %d</p>", code)
		if r.Status != code || string(r.Body) != body || r.SHA256 != hexSHA256(body) || r.ContentType != "text/html" ||
			r.Text != fmt.Sprintf("<p>café %d</p>", code) || r.TooLarge || len(r.Redirects) != 0 || r.RetryAfter != 0 {
			t.Errorf("%d: %+v", code, r)
		}
		if r.FinalURL != r.URL || r.CheckedAt.IsZero() || r.MovedTo() != "" {
			t.Errorf("%d: final %q, checked %v, moved %q", code, r.FinalURL, r.CheckedAt, r.MovedTo())
		}
	}
}

// Redirects are recorded in order; MovedTo follows the leading run of
// permanent ones (301, 308) and stops at a temporary one.
func TestCheckRedirectChain(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			http.Redirect(w, r, "/b", http.StatusMovedPermanently)
		case "/b":
			http.Redirect(w, r, "/c", http.StatusPermanentRedirect)
		case "/c":
			http.Redirect(w, r, "/d", http.StatusFound)
		case "/t":
			http.Redirect(w, r, "/p", http.StatusTemporaryRedirect)
		case "/p":
			http.Redirect(w, r, "/d", http.StatusMovedPermanently)
		default:
			page("<p>d</p>")(w, r)
		}
	})
	c := fetcher.New(fetcher.Config{Allow: loopback})
	r, err := c.Check(t.Context(), s.URL+"/a")
	if err != nil {
		t.Fatal(err)
	}
	want := []fetcher.Hop{
		{URL: s.URL + "/a", Status: 301, Location: s.URL + "/b"},
		{URL: s.URL + "/b", Status: 308, Location: s.URL + "/c"},
		{URL: s.URL + "/c", Status: 302, Location: s.URL + "/d"},
	}
	if fmt.Sprint(r.Redirects) != fmt.Sprint(want) {
		t.Errorf("redirects %+v, want %+v", r.Redirects, want)
	}
	if r.Status != 200 || r.FinalURL != s.URL+"/d" || r.MovedTo() != s.URL+"/c" {
		t.Errorf("status %d, final %q, moved to %q", r.Status, r.FinalURL, r.MovedTo())
	}
	// A temporary redirect first: not moved, whatever follows.
	r, err = c.Check(t.Context(), s.URL+"/t")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Redirects) != 2 || r.MovedTo() != "" || r.FinalURL != s.URL+"/d" {
		t.Errorf("redirects %+v, moved to %q", r.Redirects, r.MovedTo())
	}
	// The redirect limit holds.
	_, err = fetcher.New(fetcher.Config{Allow: loopback, MaxRedirects: 1}).Check(t.Context(), s.URL+"/a")
	wantError(t, err, fetcher.TooManyRedirects)
}

// A check redirected into a refused address fails before connecting,
// unless an allowed network holds the address; the metadata address and
// a private one are refused even from an allowed server.
func TestCheckRefusesRedirectIntoRefusedAddress(t *testing.T) {
	inner := serverOn(t, "127.0.0.1", page("<p>inside</p>"))
	outer := serverOn(t, "127.0.0.2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusMovedPermanently)
	})
	only2 := []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}
	c := fetcher.New(fetcher.Config{Allow: only2, Timeout: 2 * time.Second})
	for _, to := range []string{inner.URL + "/", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/"} {
		_, err := c.Check(t.Context(), outer.URL+"/?to="+to)
		wantError(t, err, fetcher.RefusedAddress, "was redirected to "+to+", which leads to ")
	}
	if n := inner.hits.Load(); n != 0 {
		t.Fatalf("the refused server got %d requests", n)
	}
	// The first request is refused too, not only redirects.
	_, err := c.Check(t.Context(), inner.URL+"/")
	wantError(t, err, fetcher.RefusedAddress, "a loopback address")
	// Allowed, the same redirect is followed.
	both := fetcher.New(fetcher.Config{Allow: append(only2, netip.MustParsePrefix("127.0.0.1/32"))})
	r, err := both.Check(t.Context(), outer.URL+"/?to="+inner.URL+"/")
	if err != nil || r.Status != 200 || r.MovedTo() != inner.URL+"/" || string(r.Body) != "<p>inside</p>" {
		t.Fatalf("allowed redirect: %v %+v", err, r)
	}
	// So is the metadata address's refusal through Do.
	_, err = c.Do(t.Context(), fetcher.Request{Method: http.MethodPost, URL: outer.URL + "/?to=http://169.254.169.254/"})
	wantError(t, err, fetcher.RefusedAddress, "a link-local address")
}

// 429 and 503 carry Retry-After in either form: seconds, or an HTTP-date
// taken against the answer's Date.
func TestCheckRetryAfter(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/seconds":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/date":
			// The server's clock is an hour ahead; the date is 90 s
			// after its own Date.
			at := time.Now().UTC().Add(time.Hour).Truncate(time.Second)
			w.Header().Set("Date", at.Format(http.TimeFormat))
			w.Header().Set("Retry-After", at.Add(90*time.Second).Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/date-no-clock":
			w.Header()["Date"] = nil
			w.Header().Set("Retry-After", time.Now().UTC().Add(10*time.Minute).Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/junk":
			w.Header().Set("Retry-After", "soon")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	c := fetcher.New(fetcher.Config{Allow: loopback})
	for _, tc := range []struct {
		path     string
		status   int
		min, max time.Duration
	}{
		{"/seconds", 429, 120 * time.Second, 120 * time.Second},
		{"/date", 503, 90 * time.Second, 90 * time.Second},
		{"/date-no-clock", 503, 9 * time.Minute, 10 * time.Minute},
		{"/junk", 429, 0, 0},
		{"/none", 429, 0, 0},
	} {
		r, err := c.Check(t.Context(), s.URL+tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != tc.status || r.RetryAfter < tc.min || r.RetryAfter > tc.max {
			t.Errorf("%s: status %d, retry after %v, want %v..%v", tc.path, r.Status, r.RetryAfter, tc.min, tc.max)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{" 30 ", 30 * time.Second, true},
		{"Sat, 01 Mar 2025 12:02:00 GMT", 2 * time.Minute, true},
		{"Saturday, 01-Mar-25 12:00:30 GMT", 30 * time.Second, true},
		{"Sat Mar  1 13:00:00 2025", time.Hour, true},
		{"Sat, 01 Mar 2025 11:00:00 GMT", 0, true},
		{"99999999999999999999999", time.Duration(int64(1<<63-1) / int64(time.Second) * int64(time.Second)), true},
		{"-5", 0, false},
		{"1.5", 0, false},
		{"tomorrow", 0, false},
		{"", 0, false},
	} {
		got, ok := fetcher.ParseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%q: %v %v, want %v %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// A body over the limit is reported, neither kept nor hashed nor read far
// past the limit; the status still is.
func TestCheckTooLarge(t *testing.T) {
	body := strings.Repeat("x", 2000)
	var sent atomic.Int64
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		if r.URL.Path == "/sized" {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		for i := 0; i < len(body); i += 100 {
			n, err := io.WriteString(w, body[i:i+100])
			sent.Add(int64(n))
			if err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	})
	small := fetcher.New(fetcher.Config{Allow: loopback, MaxBytes: 1999})
	for _, path := range []string{"/sized", "/chunked"} {
		r, err := small.Check(t.Context(), s.URL+path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !r.TooLarge || r.Status != 200 || r.Body != nil || r.SHA256 != "" || r.Text != "" || r.ContentType != "text/plain" {
			t.Errorf("%s: %+v", path, r)
		}
	}
	fits := fetcher.New(fetcher.Config{Allow: loopback, MaxBytes: 2000})
	r, err := fits.Check(t.Context(), s.URL+"/chunked")
	if err != nil || r.TooLarge || r.SHA256 != hexSHA256(body) || r.Text != body {
		t.Fatalf("at the limit: %v %+v", err, r)
	}
	// A declared size over the limit is not read at all.
	huge := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "6000000")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	start := time.Now()
	r, err = fetcher.New(fetcher.Config{Allow: loopback}).Check(t.Context(), huge.URL)
	if err != nil || !r.TooLarge {
		t.Fatalf("declared size: %v %+v", err, r)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("refusing a declared size took %v", took)
	}
}

// A slow server, or one that sends its body slowly, is cut off by the
// time limit: the client's, or the request's own.
func TestCheckSlow(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/silent" {
			<-r.Context().Done()
			return
		}
		for range 100 {
			fmt.Fprint(w, "<p>more</p>")
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	c := fetcher.New(fetcher.Config{Allow: loopback, Timeout: 300 * time.Millisecond})
	start := time.Now()
	_, err := c.Check(t.Context(), s.URL+"/drip")
	wantError(t, err, fetcher.TimedOut, "did not answer in full within 300ms")
	_, err = c.Check(t.Context(), s.URL+"/silent")
	wantError(t, err, fetcher.TimedOut)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("timed out after %v", took)
	}
	_, err = c.Do(t.Context(), fetcher.Request{URL: s.URL + "/silent", Timeout: 500 * time.Millisecond})
	wantError(t, err, fetcher.TimedOut, "did not answer in full within 500ms")
}

// A host whose name does not exist is told apart from one that refuses
// connections.
func TestCheckHostNotFound(t *testing.T) {
	c := fetcher.New(fetcher.Config{Allow: loopback})
	_, err := c.Check(t.Context(), "http://no-such-host.invalid/page")
	wantError(t, err, fetcher.Unreachable, "its host name was not found")
	if !fetcher.HostNotFound(err) {
		t.Errorf("%v: HostNotFound false", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = c.Check(t.Context(), "http://"+addr+"/")
	wantError(t, err, fetcher.Unreachable, "could not be reached")
	if fetcher.HostNotFound(err) {
		t.Errorf("refused connection: HostNotFound true")
	}
}

// Do sends the method, headers and body asked for, and returns a redirect
// as it is when told not to follow it.
func TestDoRequest(t *testing.T) {
	var got struct {
		method, accept, ua, custom, body string
	}
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got.method, got.accept, got.ua, got.custom, got.body = r.Method, r.Header.Get("Accept"), r.Header.Get("User-Agent"), r.Header.Get("X-Custom"), string(b)
		w.Header().Set("Content-Location", "/web/20250301120000/https://example.org/")
		w.Header().Set("Link", `<https://example.org/>; rel="original"`)
		w.Header().Set("Location", "/web/20250301120000/https://example.org/")
		w.WriteHeader(http.StatusFound)
	})
	c := fetcher.New(fetcher.Config{Allow: loopback, UserAgent: "Claimtracker tests"})
	res, err := c.Do(t.Context(), fetcher.Request{
		Method: http.MethodPost, URL: s.URL + "/save/", NoRedirects: true,
		Header: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "X-Custom": {"yes"}, "User-Agent": {"spoof"}},
		Body:   []byte("url=https%3A%2F%2Fexample.org%2F"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.method != "POST" || got.accept != "*/*" || got.ua != "Claimtracker tests" || got.custom != "yes" || got.body != "url=https%3A%2F%2Fexample.org%2F" {
		t.Errorf("server got %+v", got)
	}
	if res.Status != 302 || res.Header.Get("Location") != "/web/20250301120000/https://example.org/" ||
		res.Header.Get("Content-Location") == "" || res.Header.Get("Link") == "" || res.FinalURL != s.URL+"/save/" || len(res.Redirects) != 0 {
		t.Errorf("response %+v", res)
	}
	if n := s.hits.Load(); n != 1 {
		t.Errorf("%d requests: the redirect was followed", n)
	}
}

func TestDecodeText(t *testing.T) {
	if got := fetcher.DecodeText([]byte("<p>caf\xe9</p>"), "text/html; charset=windows-1252"); got != "<p>café</p>" {
		t.Errorf("windows-1252: %q", got)
	}
	if got := fetcher.DecodeText([]byte("<meta charset=utf-8><p>café</p>"), "text/html"); got != "<meta charset=utf-8><p>café</p>" {
		t.Errorf("UTF-8: %q", got)
	}
}
