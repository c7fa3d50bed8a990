package fetcher

import (
	"errors"
	"fmt"
	"net"
	"time"
)

// Reason is why a fetch failed, from a closed set: callers may switch on
// it, show it, and send it to API clients as it is.
type Reason string

// The reasons a fetch fails.
const (
	// BadURL: the URL, or a redirect's Location, is not an absolute http
	// or https URL with a host.
	BadURL Reason = "bad URL"
	// RefusedAddress: the host resolves to an address the fetcher does not
	// connect to (loopback, private, link-local, …: see Refused), and no
	// allowed network contains it.
	RefusedAddress Reason = "refused address"
	// Unreachable: the host's name does not resolve, or no connection or
	// no HTTP answer could be had from it.
	Unreachable Reason = "unreachable"
	// TimedOut: the whole fetch, body included, took longer than the
	// client's timeout.
	TimedOut Reason = "timed out"
	// TooManyRedirects: the server redirected more often than the client
	// follows.
	TooManyRedirects Reason = "too many redirects"
	// BadStatus: the final answer's status is not 2xx.
	BadStatus Reason = "bad status"
	// TooLarge: the body is larger than the client's limit, whether its
	// Content-Length says so up front or its bytes run past the limit.
	TooLarge Reason = "too large"
	// NotHTML: FetchHTML got something other than an HTML page.
	NotHTML Reason = "not HTML"
)

// Error says why a fetch failed. Its message is phrased to follow the name
// of the field that held the URL ("url answered 404 Not Found", "Address
// of the article leads to 10.1.2.3, a private address"), so that callers
// can show it next to that field as it is.
type Error struct {
	Reason Reason
	// URL is the address being fetched when it failed: the one asked for,
	// or the target of a redirect.
	URL string
	// Status is the HTTP status code of the final answer when Reason is
	// BadStatus, 0 otherwise.
	Status int
	// Message says what happened, for people.
	Message string
	// The values Message names, for callers that say it in words of
	// their own (another language): each is set only with its Reason.
	//
	// Address is the refused IP address (RefusedAddress; "" when it could
	// not be read), and Block names the special-purpose block it is in:
	// "this-network", "private", "carrier-grade-nat", "loopback",
	// "link-local", "ietf-protocol", "documentation", "benchmarking",
	// "multicast", "reserved", "unspecified", "local-nat64",
	// "discard-only", "ietf-teredo", "documentation-v6", "unique-local",
	// "link-local-v6" or "site-local" (see Refused for their words).
	Address, Block string
	// RedirectedTo is the target of a redirect the fetcher would not
	// follow, with any password in it replaced (BadURL, RefusedAddress);
	// "" when the URL asked for was refused itself.
	RedirectedTo string
	// Timeout is the time limit that ran out (TimedOut).
	Timeout time.Duration
	// MaxBytes is the size limit the body ran past, in bytes (TooLarge).
	MaxBytes int64
	// MaxRedirects is how many redirects the client follows
	// (TooManyRedirects).
	MaxRedirects int
	// MediaType is what FetchHTML got instead of an HTML page (NotHTML).
	MediaType string
	// Err is the underlying error, if any; it may name hosts and internal
	// details, so it is for logs, not for clients.
	Err error
}

// Error returns the message for people.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

func newError(r Reason, u, format string, args ...any) *Error {
	return &Error{Reason: r, URL: u, Message: fmt.Sprintf(format, args...)}
}

// HostNotFound reports whether err is a fetch that failed because DNS
// says the host's name does not exist (NXDOMAIN, RFC 8020), as against a
// resolver that could not be asked or did not answer: a site whose name
// has lapsed, not one that is down for now.
func HostNotFound(err error) bool {
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr) && dnsErr.IsNotFound
}
