package models

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/url"
	"strings"
)

// trackingParams are the query parameters that say how a reader came to a
// page, not which page it is: click identifiers of advertising and social
// networks and mail campaigns. Google Analytics' utm_ parameters are left
// out by their prefix (see isTrackingParam).
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "twclid": true, "ttclid": true, "igshid": true, "mc_cid": true, "mc_eid": true,
	"_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true,
}

// isTrackingParam reports whether a query parameter only tracks the reader.
func isTrackingParam(name string) bool {
	name = strings.ToLower(name)
	return strings.HasPrefix(name, "utm_") || trackingParams[name]
}

// NormalizeArticleURL writes an article's address the same way however it
// was copied, so that the same article logged twice is noticed: the scheme
// (http or https) is left out, the host is lower-cased without a leading
// "www." or a trailing dot, a port 80 or 443 and any user name are
// dropped, the path is percent-encoded one way and loses its trailing
// slashes, the fragment is dropped, and of the query the tracking
// parameters (utm_*, fbclid, gclid and the like) are dropped and the
// others sorted by name. So "HTTPS://WWW.Example.org:443/news/story/?utm_source=x&b=2&a=1#top"
// becomes "example.org/news/story?a=1&b=2". The path's letter case is
// kept: servers tell paths apart by it. A text that is not an absolute
// URL with a host comes back trimmed, as it is.
func NormalizeArticleURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	host = strings.TrimPrefix(host, "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host = net.JoinHostPort(host, p)
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]" // an IPv6 address keeps its brackets
	}
	path := strings.TrimRight((&url.URL{Path: u.Path}).EscapedPath(), "/")
	q := u.Query()
	for name := range q {
		if isTrackingParam(name) {
			delete(q, name)
		}
	}
	key := host + path
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}

// articleURLKey is what articles.url_key holds for an address: the
// SHA-256 of NormalizeArticleURL, in hex, so that the index holds keys of
// one small size however long the address.
func articleURLKey(raw string) string {
	sum := sha256.Sum256([]byte(NormalizeArticleURL(raw)))
	return hex.EncodeToString(sum[:])
}
