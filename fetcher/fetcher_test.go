package fetcher_test

import (
	"context"
	"errors"
	"fmt"
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

// loopback allows the tests' local servers, which listen on 127.0.0.1.
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}

// server is a local HTTP server that counts the requests it gets.
type server struct {
	*httptest.Server
	hits atomic.Int64
}

func newServer(t *testing.T, h http.HandlerFunc) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// page serves body as an HTML page in UTF-8.
func page(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// wantError fails the test unless err is a *fetcher.Error with reason r
// whose message holds each of msgs.
func wantError(t *testing.T, err error, r fetcher.Reason, msgs ...string) *fetcher.Error {
	t.Helper()
	var fe *fetcher.Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T), want a *fetcher.Error with reason %q", err, err, r)
	}
	if fe.Reason != r {
		t.Fatalf("reason %q (%s), want %q", fe.Reason, fe.Message, r)
	}
	for _, m := range msgs {
		if !strings.Contains(fe.Message, m) {
			t.Errorf("message %q lacks %q", fe.Message, m)
		}
	}
	return fe
}

func TestFetchHTMLPage(t *testing.T) {
	var ua string
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		ua = r.Header.Get("User-Agent")
		page("<!doctype html><title>Café</title><p>Bonjour</p>")(w, r)
	})
	c := fetcher.New(fetcher.Config{Allow: loopback, UserAgent: "Claimtracker tests"})
	before := time.Now().UTC().Add(-time.Second)
	p, err := c.FetchHTML(t.Context(), s.URL+"/old")
	if err != nil {
		t.Fatal(err)
	}
	if p.URL != s.URL+"/old" || p.FinalURL != s.URL+"/new" || p.Status != 200 || p.ContentType != "text/html" || p.Charset != "utf-8" {
		t.Errorf("page %+v", p)
	}
	if p.Text != "<!doctype html><title>Café</title><p>Bonjour</p>" || string(p.Body) != p.Text {
		t.Errorf("text %q", p.Text)
	}
	if p.FetchedAt.Before(before) || p.FetchedAt.Location() != time.UTC {
		t.Errorf("fetched at %v", p.FetchedAt)
	}
	if ua != "Claimtracker tests" {
		t.Errorf("user agent %q", ua)
	}
}

// A redirect from an allowed server into a private or link-local address
// is refused before any connection to it is tried, however the address is
// written.
func TestFetchRefusesRedirectIntoPrivateAddress(t *testing.T) {
	for _, target := range []string{
		"http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/", "https://192.168.0.1/",
		"http://[::ffff:10.1.2.3]/", "http://[::ffff:a9fe:a9fe]/", "http://[fd00::1]:8080/", "http://[fe80::1]/",
		"http://100.64.0.1/", "http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/",
	} {
		t.Run(target, func(t *testing.T) {
			s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, target, http.StatusFound)
			})
			c := fetcher.New(fetcher.Config{Allow: loopback, Timeout: 2 * time.Second})
			start := time.Now()
			_, err := c.FetchHTML(t.Context(), s.URL+"/story")
			fe := wantError(t, err, fetcher.RefusedAddress, "was redirected to "+target+", which leads to ", "which is not fetched")
			if fe.URL != target {
				t.Errorf("error's URL %q, want %q", fe.URL, target)
			}
			if took := time.Since(start); took > time.Second {
				t.Errorf("refusal took %v: a connection was tried", took)
			}
		})
	}
}

// Loopback is refused unless an allowed network holds it: written as an
// address (refused up front), or as a name the dialer resolves (refused
// after resolution, before the connection).
func TestFetchRefusesLoopbackWhenNotAllowed(t *testing.T) {
	s := newServer(t, page("<p>secret</p>"))
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())
	c := fetcher.New(fetcher.Config{})
	for _, u := range []string{s.URL + "/", "http://localhost:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/", "http://127.1.2.3:" + port + "/"} {
		_, err := c.FetchHTML(t.Context(), u)
		wantError(t, err, fetcher.RefusedAddress, "a loopback address", "which is not fetched")
	}
	if n := s.hits.Load(); n != 0 {
		t.Fatalf("the server got %d requests", n)
	}
	// Allowing another network does not allow loopback.
	other := fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}})
	_, err := other.FetchHTML(t.Context(), s.URL+"/")
	wantError(t, err, fetcher.RefusedAddress)
	// The allowed one is fetched, by address and by name.
	ok := fetcher.New(fetcher.Config{Allow: append(loopback, netip.MustParsePrefix("::1/128"))})
	for _, u := range []string{s.URL + "/", "http://localhost:" + port + "/"} {
		if _, err := ok.FetchHTML(t.Context(), u); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
	}
}

func TestFetchTooManyRedirects(t *testing.T) {
	// /hop/N redirects to /hop/N-1; /hop/0 is the page.
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/hop/"))
		if n > 0 {
			http.Redirect(w, r, "/hop/"+strconv.Itoa(n-1), http.StatusTemporaryRedirect)
			return
		}
		page("<p>here</p>")(w, r)
	})
	c := fetcher.New(fetcher.Config{Allow: loopback})
	p, err := c.FetchHTML(t.Context(), s.URL+"/hop/5")
	if err != nil {
		t.Fatalf("5 redirects: %v", err)
	}
	if p.FinalURL != s.URL+"/hop/0" {
		t.Errorf("final URL %q", p.FinalURL)
	}
	_, err = c.FetchHTML(t.Context(), s.URL+"/hop/6")
	wantError(t, err, fetcher.TooManyRedirects, "redirected more than 5 times")
	_, err = fetcher.New(fetcher.Config{Allow: loopback, MaxRedirects: 2}).FetchHTML(t.Context(), s.URL+"/hop/3")
	wantError(t, err, fetcher.TooManyRedirects, "redirected more than 2 times")
}

func TestFetchTooLarge(t *testing.T) {
	body := "<p>" + strings.Repeat("x", 1993) + "</p>" // 2000 bytes
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/chunked" {
			// No Content-Length: the size shows only as the bytes come.
			for i := 0; i < len(body); i += 100 {
				fmt.Fprint(w, body[i:i+100])
				w.(http.Flusher).Flush()
			}
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		fmt.Fprint(w, body)
	})
	small := fetcher.New(fetcher.Config{Allow: loopback, MaxBytes: 1999})
	for _, path := range []string{"/sized", "/chunked"} {
		_, err := small.FetchHTML(t.Context(), s.URL+path)
		wantError(t, err, fetcher.TooLarge, "is larger than 1999 bytes")
	}
	fits := fetcher.New(fetcher.Config{Allow: loopback, MaxBytes: 2000})
	for _, path := range []string{"/sized", "/chunked"} {
		p, err := fits.FetchHTML(t.Context(), s.URL+path)
		if err != nil || len(p.Body) != 2000 {
			t.Fatalf("%s at the limit: %v", path, err)
		}
	}
	// A Content-Length over the limit is refused before the body is read.
	huge := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "6000000")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		<-r.Context().Done() // never sends the body
	})
	start := time.Now()
	_, err := fetcher.New(fetcher.Config{Allow: loopback}).FetchHTML(t.Context(), huge.URL)
	wantError(t, err, fetcher.TooLarge, "is larger than 5 MB")
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("refusing a declared size took %v", took)
	}
}

// The timeout covers the whole fetch: a server that answers at once but
// sends its body slowly is cut off.
func TestFetchSlowBodyTimesOut(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
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
	_, err := c.FetchHTML(t.Context(), s.URL)
	wantError(t, err, fetcher.TimedOut, "did not answer in full within 300ms")
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("timed out after %v", took)
	}
	// So is one that does not answer at all.
	silent := newServer(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	_, err = fetcher.New(fetcher.Config{Allow: loopback, Timeout: time.Second}).FetchHTML(t.Context(), silent.URL)
	wantError(t, err, fetcher.TimedOut, "did not answer in full within 1 second")
}

// The page's charset, from the header, a <meta> or a byte order mark, is
// decoded to UTF-8.
func TestFetchDecodesCharset(t *testing.T) {
	// "Café “quoted” – naïve" in windows-1252.
	cp1252 := "Caf\xe9 \x93quoted\x94 \x96 na\xefve"
	want := "Café “quoted” – naïve"
	cases := []struct {
		name, contentType, body, want, charset string
	}{
		{"header windows-1252", "text/html; charset=windows-1252", "<p>" + cp1252 + "</p>", "<p>" + want + "</p>", "windows-1252"},
		{"header ISO-8859-1", "text/html; charset=ISO-8859-1", "<p>caf\xe9</p>", "<p>café</p>", "windows-1252"},
		{"meta charset without header charset", "text/html",
			`<html><head><meta charset="iso-8859-1"><title>t</title></head><body><p>` + cp1252 + `</p>`,
			`<html><head><meta charset="iso-8859-1"><title>t</title></head><body><p>` + want + `</p>`, "windows-1252"},
		{"meta http-equiv", "text/html",
			`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>` + cp1252,
			`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>` + want, "windows-1252"},
		{"header wins over meta", "text/html; charset=utf-8", `<meta charset="windows-1252"><p>Café`, `<meta charset="windows-1252"><p>Café`, "utf-8"},
		{"UTF-8 byte order mark", "text/html", "\xef\xbb\xbf<p>Café", "<p>Café", "utf-8"},
		{"UTF-16 byte order mark", "text/html", "\xff\xfe<\x00p\x00>\x00C\x00a\x00f\x00\xe9\x00", "<p>Café", "utf-16le"},
		{"undeclared UTF-8 past the first kilobyte", "text/html", "<p>" + strings.Repeat("a", 1100) + " Café</p>", "<p>" + strings.Repeat("a", 1100) + " Café</p>", "utf-8"},
		{"undeclared single-byte text", "text/html", "<p>caf\xe9</p>", "<p>café</p>", "windows-1252"},
		{"bytes that are not UTF-8 in a UTF-8 page", "text/html; charset=utf-8", "<p>caf\xe9</p>", "<p>caf\uFFFD</p>", "utf-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.contentType)
				fmt.Fprint(w, tc.body)
			})
			p, err := fetcher.New(fetcher.Config{Allow: loopback}).FetchHTML(t.Context(), s.URL)
			if err != nil {
				t.Fatal(err)
			}
			if p.Text != tc.want || p.Charset != tc.charset {
				t.Errorf("decoded %q as %s, want %q as %s", p.Text, p.Charset, tc.want, tc.charset)
			}
			if string(p.Body) != tc.body {
				t.Errorf("body %q changed", p.Body)
			}
		})
	}
}

// FetchHTML refuses anything but an HTML page, before reading its body;
// Fetch takes it, without text for what is not text.
func TestFetchNotHTML(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/untyped.png":
			// No Content-Type: the body is sniffed.
			w.Header()["Content-Type"] = nil
			w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
		case "/untyped.html":
			w.Header()["Content-Type"] = nil
			fmt.Fprint(w, "<!DOCTYPE html><p>sniffed</p>")
		default:
			w.Header().Set("Content-Type", strings.TrimPrefix(r.URL.Path, "/"))
			fmt.Fprint(w, "\x00\x01binary")
		}
	})
	c := fetcher.New(fetcher.Config{Allow: loopback})
	for _, path := range []string{"/application/octet-stream", "/image/png", "/application/pdf", "/text/plain", "/application/json", "/untyped.png"} {
		_, err := c.FetchHTML(t.Context(), s.URL+path)
		wantError(t, err, fetcher.NotHTML, ", not an HTML page")
	}
	_, err := c.FetchHTML(t.Context(), s.URL+"/image/png")
	wantError(t, err, fetcher.NotHTML, "is image/png, not an HTML page")
	if p, err := c.FetchHTML(t.Context(), s.URL+"/untyped.html"); err != nil || p.ContentType != "text/html" || p.Text != "<!DOCTYPE html><p>sniffed</p>" {
		t.Fatalf("sniffed HTML: %v %+v", err, p)
	}
	if p, err := c.FetchHTML(t.Context(), s.URL+"/application/xhtml+xml"); err != nil || p.ContentType != "application/xhtml+xml" {
		t.Fatalf("XHTML: %v", err)
	}
	p, err := c.Fetch(t.Context(), s.URL+"/image/png")
	if err != nil || p.ContentType != "image/png" || string(p.Body) != "\x00\x01binary" || p.Text != "" || p.Charset != "" {
		t.Fatalf("Fetch of an image: %v %+v", err, p)
	}
}

func TestFetchBadURL(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	c := fetcher.New(fetcher.Config{Allow: loopback})
	for _, u := range []string{"ftp://example.com/file", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<p>x", "//example.com/", "example.com/page", "http://", "http://%zz/", ""} {
		_, err := c.FetchHTML(t.Context(), u)
		wantError(t, err, fetcher.BadURL)
	}
	for _, to := range []string{"ftp://example.com/file", "file:///etc/passwd", "gopher://example.com/"} {
		_, err := c.FetchHTML(t.Context(), s.URL+"/?to="+to)
		wantError(t, err, fetcher.BadURL, "was redirected to "+to+", which is not an http or https URL")
	}
	if n := s.hits.Load(); n != 3 {
		t.Errorf("the server got %d requests, want 3", n)
	}
}

func TestFetchBadStatusAndUnreachable(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	})
	c := fetcher.New(fetcher.Config{Allow: loopback})
	_, err := c.FetchHTML(t.Context(), s.URL)
	wantError(t, err, fetcher.BadStatus, "answered 404 Not Found")

	// A port where nothing listens.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = c.FetchHTML(t.Context(), "http://"+addr+"/")
	wantError(t, err, fetcher.Unreachable, "could not be reached")
}

// The caller's own context ends a fetch with its error, not a fetch error.
func TestFetchCallerCancels(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, err := fetcher.New(fetcher.Config{Allow: loopback}).FetchHTML(ctx, s.URL)
	var fe *fetcher.Error
	if errors.As(err, &fe) || err == nil {
		t.Fatalf("error %v, want the context's", err)
	}
}

func TestParseAllow(t *testing.T) {
	got, err := fetcher.ParseAllow(" 10.20.0.0/16, ,fd00:1::/64,192.168.1.7 , 10.1.2.3/8")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.20.0.0/16", "fd00:1::/64", "192.168.1.7/32", "10.0.0.0/8"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("%d: %s, want %s", i, got[i], want[i])
		}
	}
	if got, err := fetcher.ParseAllow(""); err != nil || len(got) != 0 {
		t.Errorf("empty: %v %v", got, err)
	}
	for _, bad := range []string{"10.0.0.0/33", "banana", "10.0.0.0/8,example.com", "10.0.0/8"} {
		if _, err := fetcher.ParseAllow(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// CheckURL refuses, without a lookup, a bad URL and an address written in
// it that the client may not reach; a host name and an allowed network
// pass.
func TestCheckURL(t *testing.T) {
	c := fetcher.New(fetcher.Config{Allow: []netip.Prefix{netip.MustParsePrefix("10.20.0.0/16")}})
	for raw, want := range map[string]fetcher.Reason{
		"ftp://example.org/x":         fetcher.BadURL,
		"/relative":                   fetcher.BadURL,
		"http://127.0.0.1:9000/hook":  fetcher.RefusedAddress,
		"https://[::1]/hook":          fetcher.RefusedAddress,
		"http://192.168.1.5/hook":     fetcher.RefusedAddress,
		"http://10.20.3.4/hook":       "",
		"https://hooks.example.org/x": "",
		"http://localhost/hook":       "", // a name: checked when it is fetched
	} {
		err := c.CheckURL(raw)
		var fe *fetcher.Error
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", raw, err)
		case want != "" && (!errors.As(err, &fe) || fe.Reason != want):
			t.Errorf("%s: %v, want %s", raw, err, want)
		}
	}
}
