// Package fetcher is Claimtracker's one client for outside URLs: article
// intake now, and everything else that reaches out (source archiving, link
// checks, webhooks) as it comes.
//
// A Client fetches only http and https URLs. It refuses to connect to
// loopback, private, link-local, multicast, unspecified and other
// special-purpose addresses (see Refused) unless one of its allowed
// networks holds the address. The check runs in the dialer, after the host
// name has been resolved and before each connection is made, so it holds
// for every redirect and for every address DNS answers at that moment (no
// rebinding between check and use). It follows at most MaxRedirects
// redirects (RFC 9110, section 15.4), each checked again, scheme included;
// bounds the whole fetch, body included, by a timeout and the body by a
// size; and decodes text to UTF-8 from the charset the page declares.
// Every failure is an *Error whose Reason says why.
package fetcher

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"time"
)

// The limits a Config leaves at zero get.
const (
	// DefaultTimeout bounds a whole fetch: resolving, connecting, every
	// redirect and reading the body.
	DefaultTimeout = 15 * time.Second
	// DefaultMaxBytes is the largest body read, in bytes (5 MB).
	DefaultMaxBytes = 5_000_000
	// DefaultMaxRedirects is how many redirects are followed.
	DefaultMaxRedirects = 5
	// DefaultUserAgent names the fetcher to the servers it asks.
	DefaultUserAgent = "Claimtracker (fact-check desk)"
)

// maxHeaderBytes bounds the response headers.
const maxHeaderBytes = 64 << 10

// Config sets up a Client. Its zero value is usable: no network allowed
// beyond the public ones, and the default limits.
type Config struct {
	// Allow lists networks the client may connect to even though Refused
	// names them, e.g. 10.20.0.0/16 for a newsroom's intranet, or
	// 127.0.0.1/32 for a test server.
	Allow []netip.Prefix
	// Timeout bounds each whole fetch; 0 is DefaultTimeout.
	Timeout time.Duration
	// MaxBytes is the largest body read, in bytes; 0 is DefaultMaxBytes.
	MaxBytes int64
	// MaxRedirects is how many redirects are followed; 0 is
	// DefaultMaxRedirects, and a negative number follows none.
	MaxRedirects int
	// UserAgent is sent as the User-Agent header; "" is DefaultUserAgent.
	UserAgent string
}

// Client fetches outside URLs under the rules of the package. It is safe
// for concurrent use.
type Client struct {
	allow        []netip.Prefix
	timeout      time.Duration
	maxBytes     int64
	maxRedirects int
	userAgent    string
	http         *http.Client
}

// New makes a Client from cfg.
func New(cfg Config) *Client {
	c := &Client{
		allow: append([]netip.Prefix(nil), cfg.Allow...), timeout: cfg.Timeout, maxBytes: cfg.MaxBytes,
		maxRedirects: cfg.MaxRedirects, userAgent: cfg.UserAgent,
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	if c.maxBytes <= 0 {
		c.maxBytes = DefaultMaxBytes
	}
	if c.maxRedirects == 0 {
		c.maxRedirects = DefaultMaxRedirects
	}
	if c.maxRedirects < 0 {
		c.maxRedirects = 0
	}
	if c.userAgent == "" {
		c.userAgent = DefaultUserAgent
	}
	dialer := &net.Dialer{Timeout: c.timeout, KeepAlive: 30 * time.Second, Control: c.control}
	c.http = &http.Client{
		Transport: &http.Transport{
			// No proxy from the environment: the address check must see
			// the server's own address.
			Proxy:                  nil,
			DialContext:            dialer.DialContext,
			ForceAttemptHTTP2:      true,
			MaxIdleConns:           16,
			IdleConnTimeout:        30 * time.Second,
			TLSHandshakeTimeout:    c.timeout,
			ResponseHeaderTimeout:  c.timeout,
			MaxResponseHeaderBytes: maxHeaderBytes,
		},
		CheckRedirect: c.checkRedirect,
	}
	return c
}

// ParseAllow reads a comma-separated list of networks in CIDR notation
// ("10.20.0.0/16, fd00:1::/64"), as --fetch-allow takes it; a bare
// address is one host. Spaces around the items and empty items are
// ignored.
func ParseAllow(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			a, aerr := netip.ParseAddr(part)
			if aerr != nil {
				return nil, fmt.Errorf("%q is not a network like 10.20.0.0/16", part)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// Page is what a fetch got.
type Page struct {
	// URL is the address asked for; FinalURL the one that answered, after
	// redirects.
	URL, FinalURL string
	// Status is the final answer's HTTP status code (always 2xx).
	Status int
	// ContentType is the media type of the body, lower case and without
	// parameters ("text/html"); sniffed from the body when the server
	// sent none.
	ContentType string
	// Charset is the canonical name of the charset the body was decoded
	// from ("utf-8", "windows-1252"); "" when the body is not text.
	Charset string
	// FetchedAt is when the answer's headers arrived, in UTC.
	FetchedAt time.Time
	// Body is the body as received (after any transfer compression is
	// undone), at most the client's MaxBytes.
	Body []byte
	// Text is Body decoded to UTF-8 when it is text (text/*, XHTML, XML
	// or JSON); "" otherwise.
	Text string
}

// Fetch GETs rawURL, following redirects, and returns the page whatever
// its type. ctx can end the fetch sooner than the client's timeout; when
// it does, the error is ctx's, not an *Error. Every other failure is an
// *Error.
func (c *Client) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	return c.fetch(ctx, rawURL, false)
}

// FetchHTML is Fetch for HTML pages (text/html or application/xhtml+xml):
// any other type is refused with NotHTML once the headers say so, before
// the body is read.
func (c *Client) FetchHTML(ctx context.Context, rawURL string) (*Page, error) {
	return c.fetch(ctx, rawURL, true)
}

// isHTML reports whether media type mt is an HTML page.
func isHTML(mt string) bool {
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func (c *Client) fetch(parent context.Context, rawURL string, htmlOnly bool) (*Page, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	if e := c.literalRefusal(u); e != nil {
		return nil, e
	}
	ctx, cancel := context.WithTimeout(parent, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Reason: BadURL, URL: rawURL, Message: "is not a URL that can be fetched", Err: err}
	}
	req.Header.Set("User-Agent", c.userAgent)
	if htmlOnly {
		req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	} else {
		req.Header.Set("Accept", "*/*")
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, c.failure(parent, ctx, req.URL.String(), err)
	}
	defer res.Body.Close()
	page := &Page{URL: rawURL, FinalURL: res.Request.URL.String(), Status: res.StatusCode, FetchedAt: time.Now().UTC()}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		e := newError(BadStatus, page.FinalURL, "answered %s", StatusWords(res.StatusCode))
		e.Status = res.StatusCode
		return nil, e
	}
	mt, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	mt = strings.ToLower(mt)
	if mt != "" && htmlOnly && !isHTML(mt) {
		return nil, notHTML(page.FinalURL, mt)
	}
	if res.ContentLength > c.maxBytes {
		return nil, c.tooLarge(page.FinalURL)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, c.maxBytes+1))
	if err != nil {
		return nil, c.failure(parent, ctx, page.FinalURL, err)
	}
	if int64(len(body)) > c.maxBytes {
		return nil, c.tooLarge(page.FinalURL)
	}
	contentType := res.Header.Get("Content-Type")
	if mt == "" {
		contentType = http.DetectContentType(body)
		mt, _, _ = mime.ParseMediaType(contentType)
		if htmlOnly && !isHTML(mt) {
			return nil, notHTML(page.FinalURL, mt)
		}
	}
	page.ContentType, page.Body = mt, body
	if isText(mt) {
		page.Text, page.Charset = decode(body, contentType)
	}
	return page, nil
}

// checkURL parses rawURL and refuses anything but an absolute http or
// https URL with a host.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, &Error{Reason: BadURL, URL: rawURL, Message: "is not a URL", Err: err}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, newError(BadURL, rawURL, "must be an http or https URL")
	}
	if u.Hostname() == "" {
		return nil, newError(BadURL, rawURL, "must name a host")
	}
	return u, nil
}

// CheckURL refuses, before anything is resolved or sent, what Fetch and
// Do would refuse of rawURL as it is written: anything but an absolute
// http or https URL with a host (BadURL), and a host written as an IP
// address that the client may not connect to (RefusedAddress, unless
// Config.Allow holds it). A host name passes: the addresses it resolves to
// are checked whenever it is fetched. It returns an *Error, or nil.
func (c *Client) CheckURL(rawURL string) error {
	u, err := checkURL(rawURL)
	if err != nil {
		return err
	}
	if e := c.literalRefusal(u); e != nil {
		return e
	}
	return nil
}

// literalRefusal refuses, before any connection is tried, a URL whose host
// is written as a refused IP address; the dialer's check (control) is the
// rule, this only answers sooner.
func (c *Client) literalRefusal(u *url.URL) *Error {
	addr, err := netip.ParseAddr(u.Hostname())
	if err != nil {
		return nil
	}
	if e := c.refusal(addr); e != nil {
		e.URL = u.String()
		return e
	}
	return nil
}

// checkRedirect is the http.Client's redirect policy: at most maxRedirects,
// each to an http or https URL whose host, when it is an IP address, may
// be fetched (the dialer checks the others). Its errors name the redirect's
// target; failure says it was a redirect. A request made by Do has its
// redirects recorded, or not followed (see recordRedirect).
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := recordRedirect(req, via); err != nil {
		return err
	}
	if len(via) > c.maxRedirects {
		e := newError(TooManyRedirects, req.URL.String(), "redirected more than %d times", c.maxRedirects)
		e.MaxRedirects = c.maxRedirects
		return e
	}
	if (req.URL.Scheme != "http" && req.URL.Scheme != "https") || req.URL.Hostname() == "" {
		return newError(BadURL, req.URL.String(), "is not an http or https URL")
	}
	if e := c.literalRefusal(req.URL); e != nil {
		return e
	}
	req.Header.Set("User-Agent", c.userAgent)
	return nil
}

// tooLarge is the error for a body over the limit.
func (c *Client) tooLarge(u string) *Error {
	e := newError(TooLarge, u, "is larger than %s", byteWords(c.maxBytes))
	e.MaxBytes = c.maxBytes
	return e
}

// notHTML is FetchHTML's error for a page of media type mt.
func notHTML(u, mt string) *Error {
	e := newError(NotHTML, u, "is %s, not an HTML page", mt)
	e.MediaType = mt
	return e
}

// failure turns an error of the HTTP client while fetching asked (the URL
// first requested) into an *Error, or into the caller's own context error
// when the caller gave up.
func (c *Client) failure(parent, ctx context.Context, asked string, err error) error {
	var fe *Error
	if errors.As(err, &fe) {
		var ue *url.Error
		if fe.URL == "" && errors.As(err, &ue) {
			fe.URL = ue.URL
		}
		if fe.URL == "" {
			fe.URL = asked
		}
		if fe.URL != asked && (fe.Reason == BadURL || fe.Reason == RefusedAddress) {
			fe.RedirectedTo = redacted(fe.URL)
			fe.Message = "was redirected to " + fe.RedirectedTo + ", which " + fe.Message
		}
		return fe
	}
	if parent.Err() != nil {
		return parent.Err()
	}
	var ne net.Error
	if ctx.Err() != nil || errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return &Error{Reason: TimedOut, URL: asked, Message: "did not answer in full within " + durationWords(c.timeout), Timeout: c.timeout, Err: err}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return &Error{Reason: Unreachable, URL: asked, Message: "could not be reached: its host name was not found", Err: err}
	}
	return &Error{Reason: Unreachable, URL: asked, Message: "could not be reached", Err: err}
}

// redacted is u with any password replaced, for messages.
func redacted(u string) string {
	if p, err := url.Parse(u); err == nil {
		return p.Redacted()
	}
	return u
}

// StatusWords names an HTTP status code for people: "404 Not Found", or
// "status 599" for a code without a name.
func StatusWords(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprintf("status %d", code)
}

// byteWords says a size in bytes the way people read it: "5 MB", "1 kB",
// "300 bytes" (decimal units).
func byteWords(n int64) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%d MB", n/1_000_000)
	case n >= 1_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1_000_000)
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%d kB", n/1000)
	}
	return fmt.Sprintf("%d bytes", n)
}

// durationWords says a timeout the way people read it: "15 seconds".
func durationWords(d time.Duration) string {
	if d >= time.Second && d%time.Second == 0 {
		if d == time.Second {
			return "1 second"
		}
		return fmt.Sprintf("%d seconds", d/time.Second)
	}
	return d.String()
}
