package models

import (
	"errors"
	"net"
	"time"

	"claimtracker/fetcher"
)

// Fetch failures in words. Everything that reaches out (article intake,
// archiving, link checks, Save Page Now) says why a fetch failed with
// FetchReason, the one place where a *fetcher.Error becomes a Reason; the
// archiver, the link checker and the Wayback job put it after its subject
// (AddressReason, SavePageNowReason) and keep it on the source, beside its
// English, so that the desk says it in the reader's language while the API
// gives the English as it always has.

// FetchReason is why a fetch failed, as a reason of the reasons catalogue
// phrased, like the fetcher's own message, to follow the name of what was
// fetched ("answered 404 Not Found", "leads to 10.1.2.3, a private address
// (RFC 1918), which is not fetched"), with the failure's values: the HTTP
// status, the refused address and its block, the time or size limit, the
// redirect's target. Its English is the fetcher's message word for word
// (fe.Message), which may say more than the catalogue's ("1.5s" for a
// time limit of a second and a half).
func FetchReason(fe *fetcher.Error) Reason {
	r := fetchReason(fe)
	r.English, r.EnglishOne = fe.Message, ""
	return r
}

// fetchReason is FetchReason with the catalogue's English.
func fetchReason(fe *fetcher.Error) Reason {
	switch fe.Reason {
	case fetcher.BadURL:
		return redirected(fe, ReasonNotFetchable)
	case fetcher.RefusedAddress:
		if fe.Address == "" {
			return redirected(fe, NewReason("reasons.fetch.unreadable_address", "leads to an address that could not be read"))
		}
		return redirected(fe, NewReason("reasons.fetch.refused_address", "leads to {{.Address}}, {{.Block}}, which is not fetched",
			"Address", fe.Address, "Block", refusedBlockReason(fe.Block)))
	case fetcher.Unreachable:
		// The fetcher says so of a name that DNS could not resolve.
		var dnsErr *net.DNSError
		if errors.As(fe.Err, &dnsErr) {
			return NewReason("reasons.fetch.host_not_found", "could not be reached: its host name was not found")
		}
		return NewReason("reasons.fetch.unreachable", "could not be reached")
	case fetcher.TimedOut:
		return NewReason("reasons.fetch.timed_out", "did not answer in full within {{.Time}}",
			"Time", TimeReason(int((fe.Timeout+time.Second-1)/time.Second), time.Second))
	case fetcher.TooManyRedirects:
		return NewCountReason("reasons.fetch.too_many_redirects", fe.MaxRedirects, "redirected more than {{.Count}} time", "redirected more than {{.Count}} times")
	case fetcher.BadStatus:
		return StatusReason(fe.Status)
	case fetcher.TooLarge:
		return NewReason("reasons.fetch.too_large", "is larger than {{.Size}}", "Size", decimalSizeReason(fe.MaxBytes))
	case fetcher.NotHTML:
		return NewReason("reasons.fetch.not_html", "is {{.MediaType}}, not an HTML page", "MediaType", fe.MediaType)
	}
	return NewReason("reasons.fetch.failed", "could not be fetched")
}

// ReasonNotFetchable says that a URL is not one the fetcher fetches (not
// an absolute http or https URL with a host).
var ReasonNotFetchable = NewReason("reasons.fetch.bad_url", "is not a URL that can be fetched")

// redirected is why, said of the target of a redirect when fe is one.
func redirected(fe *fetcher.Error, why Reason) Reason {
	if fe.RedirectedTo == "" {
		return why
	}
	return NewReason("reasons.fetch.redirected", "was redirected to {{.URL}}, which {{.Why}}", "URL", fe.RedirectedTo, "Why", why)
}

// refusedBlockReason names a block of addresses the fetcher refuses (see
// fetcher.Error.Block), in words that follow "leads to ADDRESS, ".
func refusedBlockReason(block string) Reason {
	switch block {
	case "this-network":
		return NewReason("reasons.refused.this_network", `a "this network" address (RFC 791)`)
	case "private":
		return NewReason("reasons.refused.private", "a private address (RFC 1918)")
	case "carrier-grade-nat":
		return NewReason("reasons.refused.carrier_grade_nat", "a carrier-grade NAT address (RFC 6598)")
	case "loopback":
		return NewReason("reasons.refused.loopback", "a loopback address")
	case "link-local":
		return NewReason("reasons.refused.link_local", "a link-local address (RFC 3927)")
	case "ietf-protocol":
		return NewReason("reasons.refused.ietf_protocol", "an IETF protocol assignment (RFC 6890)")
	case "documentation":
		return NewReason("reasons.refused.documentation", "a documentation address (RFC 5737)")
	case "benchmarking":
		return NewReason("reasons.refused.benchmarking", "a benchmarking address (RFC 2544)")
	case "multicast":
		return NewReason("reasons.refused.multicast", "a multicast address")
	case "reserved":
		return NewReason("reasons.refused.reserved", "a reserved address (RFC 1112), or the broadcast address")
	case "unspecified":
		return NewReason("reasons.refused.unspecified", "an unspecified or IPv4-compatible address (RFC 4291)")
	case "local-nat64":
		return NewReason("reasons.refused.local_nat64", "a local-use NAT64 address (RFC 8215)")
	case "discard-only":
		return NewReason("reasons.refused.discard_only", "a discard-only address (RFC 6666)")
	case "ietf-teredo":
		return NewReason("reasons.refused.ietf_teredo", "an IETF protocol assignment (RFC 2928), such as Teredo")
	case "documentation-v6":
		return NewReason("reasons.refused.documentation_v6", "a documentation address (RFC 3849)")
	case "unique-local":
		return NewReason("reasons.refused.unique_local", "a unique local (private) address (RFC 4193)")
	case "link-local-v6":
		return NewReason("reasons.refused.link_local_v6", "a link-local address (RFC 4291)")
	case "site-local":
		return NewReason("reasons.refused.site_local", "a site-local address (RFC 3879)")
	}
	return NewReason("reasons.refused.other", "an address that is not fetched")
}

// StatusReason says that an address answered with HTTP status code, in
// words that follow its subject: "answered 404 Not Found", as the fetcher
// writes it (fetcher.StatusWords).
func StatusReason(code int) Reason {
	return NewReason("reasons.fetch.bad_status", "answered {{.Status}}", "Status", fetcher.StatusWords(code))
}

// AddressReason is why, a reason that follows its subject (FetchReason,
// StatusReason…), said of a source's address: "The address answered 404
// Not Found".
func AddressReason(why Reason) Reason {
	return NewReason("reasons.fetch.the_address", "The address {{.Why}}", "Why", why)
}

// SavePageNowReason is why said of the Internet Archive's Save Page Now:
// "Save Page Now answered 502 Bad Gateway".
func SavePageNowReason(why Reason) Reason {
	return NewReason("reasons.fetch.save_page_now", "Save Page Now {{.Why}}", "Why", why)
}

// TimeReason says n whole units of time, unit being time.Hour,
// time.Minute or time.Second (any other unit is taken as seconds): "1
// second", "3 minutes", "2 hours".
func TimeReason(n int, unit time.Duration) Reason {
	switch unit {
	case time.Hour:
		return NewCountReason("reasons.time.hours", n, "{{.Count}} hour", "{{.Count}} hours")
	case time.Minute:
		return NewCountReason("reasons.time.minutes", n, "{{.Count}} minute", "{{.Count}} minutes")
	}
	return NewCountReason("reasons.time.seconds", n, "{{.Count}} second", "{{.Count}} seconds")
}

// decimalSizeReason says n bytes in decimal units (a megabyte of 1,000,000
// bytes), as the fetcher counts its size limit: 5 MB, 1.5 MB, 300 kB, 999
// bytes, in the words of SizeReason's messages.
func decimalSizeReason(n int64) Reason {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return NewReason("reasons.size.mb", "{{.N}} MB", "N", int(n/1_000_000))
	case n >= 1_000_000:
		return NewReason("reasons.size.mb", "{{.N}} MB", "N", float64(n)/1_000_000)
	case n >= 1000 && n%1000 == 0:
		return NewReason("reasons.size.kb", "{{.N}} KB", "N", int(n/1000))
	}
	return NewCountReason("reasons.size.bytes", int(n), "{{.Count}} byte", "{{.Count}} bytes")
}
