package fetcher

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"strings"
	"time"
)

// CheckResult is what a link check found at a URL: the final answer,
// whatever its status, and how it was reached.
type CheckResult struct {
	// URL is the address checked; FinalURL the one that answered, after
	// the redirects in Redirects (in the order they were followed).
	URL, FinalURL string
	Redirects     []Hop
	// Status is the final answer's HTTP status code, any code.
	Status int
	// RetryAfter is how long the server asked to be left alone, from its
	// Retry-After header (RFC 9110, section 10.2.3: seconds, or a date
	// taken against the answer's Date header, else the local clock); 0
	// when it sent none, a past date, or one that could not be read.
	RetryAfter time.Duration
	// CheckedAt is when the final answer's headers arrived, in UTC.
	CheckedAt time.Time
	// ContentType is the media type of the body, lower case and without
	// parameters; sniffed from the body when the server sent none.
	ContentType string
	// Body is the body as received, nil when TooLarge; Text is it decoded
	// to UTF-8 when it is text (see Page.Text), "" otherwise.
	Body []byte
	Text string
	// SHA256 is the SHA-256 of Body in lower-case hex; "" when TooLarge.
	SHA256 string
	// TooLarge says the body was larger than the client's limit: it was
	// neither kept nor read past the limit, and has no hash.
	TooLarge bool
}

// MovedTo is where the answer's permanent redirects lead: the target of
// the last of the 301 and 308 redirects that the check met before any
// other answer (RFC 9110, sections 15.4.2 and 15.4.9), or "" when the
// first answer was not a permanent redirect. A temporary redirect (302,
// 303, 307) says nothing about where the resource now lives, so it ends
// the run.
func (r *CheckResult) MovedTo() string {
	moved := ""
	for _, h := range r.Redirects {
		if !h.Permanent() {
			break
		}
		moved = h.Location
	}
	return moved
}

// Check GETs rawURL as a link checker does: it follows redirects under the
// package's rules and reports the final answer whatever its status (a 404
// is a result, not an error), with the redirects it met, Retry-After, and
// the body and its SHA-256 up to the client's size limit. It fails, with
// an *Error, only when no answer could be had (see Do); ctx ending first
// gives ctx's error. A GET rather than a HEAD: many servers answer HEAD
// wrongly, and a change of content needs the body.
func (c *Client) Check(ctx context.Context, rawURL string) (*CheckResult, error) {
	res, err := c.Do(ctx, Request{URL: rawURL})
	if err != nil {
		return nil, err
	}
	out := &CheckResult{
		URL: res.URL, FinalURL: res.FinalURL, Redirects: res.Redirects, Status: res.Status,
		CheckedAt: res.ReceivedAt, TooLarge: res.TooLarge,
	}
	if v := res.Header.Get("Retry-After"); v != "" {
		now := res.ReceivedAt
		if date, err := http.ParseTime(res.Header.Get("Date")); err == nil {
			now = date
		}
		out.RetryAfter, _ = ParseRetryAfter(v, now)
	}
	contentType := res.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "" && res.Body != nil {
		contentType = http.DetectContentType(res.Body)
		mt, _, _ = mime.ParseMediaType(contentType)
	}
	out.ContentType = strings.ToLower(mt)
	if res.TooLarge {
		return out, nil
	}
	sum := sha256.Sum256(res.Body)
	out.Body, out.SHA256 = res.Body, hex.EncodeToString(sum[:])
	if isText(out.ContentType) {
		out.Text, _ = decode(res.Body, contentType)
	}
	return out, nil
}

// ParseRetryAfter reads a Retry-After header value (RFC 9110, section
// 10.2.3): either a number of seconds ("120") or an HTTP-date ("Fri, 31
// Dec 1999 23:59:59 GMT", or the obsolete RFC 850 and asctime forms),
// which is taken against now. It returns how long to wait, never less
// than 0 (a date already past is 0), and false when the value is neither.
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		const maxSeconds = int64(1<<63-1) / int64(time.Second)
		var n int64
		for _, c := range v {
			n = n*10 + int64(c-'0')
			if n > maxSeconds {
				n = maxSeconds
				break
			}
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d, true
	}
	return 0, true
}

// isDigits reports whether s is one or more ASCII digits (RFC 9110's
// delay-seconds = 1*DIGIT).
func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// DecodeText decodes body, served with the Content-Type header value
// contentType ("text/html; charset=windows-1252"), to UTF-8 exactly as a
// fetch decodes Page.Text: for comparing a page kept earlier with the
// page as it is now.
func DecodeText(body []byte, contentType string) string {
	text, _ := decode(body, contentType)
	return text
}
