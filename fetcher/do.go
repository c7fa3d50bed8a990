package fetcher

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"time"
)

// Request is an outside request that is not a plain fetch of a page: a
// link check's GET that takes any status, or a POST to an archiving
// service. It is made under every rule of the package (http and https
// only, refused addresses after DNS and on every redirect, the time and
// size limits).
type Request struct {
	// Method is the HTTP method; "" is GET.
	Method string
	// URL is the absolute http or https URL asked for.
	URL string
	// Header is sent as it is, but for User-Agent, which is the client's,
	// and Accept, which is "*/*" when Header does not set it.
	Header http.Header
	// Body is sent as the request's content; nil sends none.
	Body []byte
	// NoRedirects returns a redirect answer (3xx with a Location) as it
	// is, instead of following it.
	NoRedirects bool
	// Timeout bounds this request, body included, instead of the client's
	// timeout when it is above 0.
	Timeout time.Duration
}

// Hop is one redirect followed on the way to the final answer.
type Hop struct {
	// URL is the address that answered with the redirect.
	URL string
	// Status is the redirect's status code: 301, 302, 303, 307 or 308
	// (RFC 9110, section 15.4).
	Status int
	// Location is the absolute URL it redirected to.
	Location string
}

// Permanent reports whether the hop is a permanent redirect: 301 Moved
// Permanently or 308 Permanent Redirect (RFC 9110, sections 15.4.2 and
// 15.4.9), whose target the client should use from now on.
func (h Hop) Permanent() bool {
	return h.Status == http.StatusMovedPermanently || h.Status == http.StatusPermanentRedirect
}

// Response is what Do got: the final answer, whatever its status.
type Response struct {
	// URL is the address asked for; FinalURL the one that answered, after
	// the redirects in Redirects (in the order they were followed).
	URL, FinalURL string
	Redirects     []Hop
	// Status is the final answer's HTTP status code, any code.
	Status int
	// Header is the final answer's header.
	Header http.Header
	// ReceivedAt is when the final answer's headers arrived, in UTC.
	ReceivedAt time.Time
	// Body is the final answer's body as received (after any transfer
	// compression is undone); nil when TooLarge.
	Body []byte
	// TooLarge says the body was larger than the client's limit (by its
	// Content-Length or by the bytes that came): it was not kept, nor read
	// past the limit.
	TooLarge bool
}

// redirectsKey is the context key under which a request made by Do keeps
// its redirect record, which checkRedirect reads.
type redirectsKey struct{}

// redirectRecord is what checkRedirect knows of one request made by Do.
type redirectRecord struct {
	noFollow bool
	hops     []Hop
}

// Do makes req and returns the final answer whatever its status: a 404 or
// a 503 is a Response, not an error. It fails, with an *Error, only when
// no answer could be had: a bad URL, a refused address (asked for or
// redirected to), too many redirects, a host that cannot be reached, or
// the time limit; ctx ending first gives ctx's error. A body over the
// size limit is not an error: the Response says TooLarge.
func (c *Client) Do(ctx context.Context, req Request) (*Response, error) {
	u, err := checkURL(req.URL)
	if err != nil {
		return nil, err
	}
	if e := c.literalRefusal(u); e != nil {
		return nil, e
	}
	timeout := c.timeout
	if req.Timeout > 0 {
		timeout = req.Timeout
	}
	rec := &redirectRecord{noFollow: req.NoRedirects}
	tctx, cancel := context.WithTimeout(context.WithValue(ctx, redirectsKey{}, rec), timeout)
	defer cancel()
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if req.Body != nil {
		body = bytes.NewReader(req.Body)
	}
	hreq, err := http.NewRequestWithContext(tctx, method, u.String(), body)
	if err != nil {
		return nil, &Error{Reason: BadURL, URL: req.URL, Message: "is not a URL that can be fetched", Err: err}
	}
	for name, values := range req.Header {
		hreq.Header[http.CanonicalHeaderKey(name)] = append([]string(nil), values...)
	}
	hreq.Header.Set("User-Agent", c.userAgent)
	if hreq.Header.Get("Accept") == "" {
		hreq.Header.Set("Accept", "*/*")
	}
	res, err := c.http.Do(hreq)
	if err != nil {
		return nil, c.failureWithin(ctx, tctx, hreq.URL.String(), err, timeout)
	}
	defer res.Body.Close()
	out := &Response{
		URL: req.URL, FinalURL: res.Request.URL.String(), Redirects: rec.hops, Status: res.StatusCode,
		Header: res.Header, ReceivedAt: time.Now().UTC(),
	}
	if res.ContentLength > c.maxBytes {
		out.TooLarge = true
		return out, nil
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, c.maxBytes+1))
	if err != nil {
		return nil, c.failureWithin(ctx, tctx, out.FinalURL, err, timeout)
	}
	if int64(len(data)) > c.maxBytes {
		out.TooLarge = true
		return out, nil
	}
	out.Body = data
	return out, nil
}

// failureWithin is failure for a request whose time limit is timeout.
func (c *Client) failureWithin(parent, ctx context.Context, asked string, err error, timeout time.Duration) error {
	fe := c.failure(parent, ctx, asked, err)
	if e, ok := fe.(*Error); ok && e.Reason == TimedOut && timeout != c.timeout {
		e.Message, e.Timeout = "did not answer in full within "+durationWords(timeout), timeout
	}
	return fe
}

// recordRedirect notes, for a request made by Do, the redirect about to
// be followed to req (via holds the requests made so far); it returns
// http.ErrUseLastResponse when the request does not follow redirects, and
// nil otherwise (and for requests not made by Do).
func recordRedirect(req *http.Request, via []*http.Request) error {
	rec, ok := req.Context().Value(redirectsKey{}).(*redirectRecord)
	if !ok {
		return nil
	}
	if rec.noFollow {
		return http.ErrUseLastResponse
	}
	hop := Hop{URL: via[len(via)-1].URL.String(), Location: req.URL.String()}
	if req.Response != nil {
		hop.Status = req.Response.StatusCode
	}
	rec.hops = append(rec.hops, hop)
	return nil
}
