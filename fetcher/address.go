package fetcher

import (
	"net"
	"net/netip"
	"syscall"
)

// refusedRange is a block of addresses the fetcher does not connect to,
// with its name (see Error.Block) and the words that name it for people.
type refusedRange struct {
	prefix netip.Prefix
	name   string
	what   string
}

// refusedRanges are the special-purpose blocks of the IANA IPv4 and IPv6
// Special-Purpose Address Registries (RFC 6890 and its updates) that are
// not globally reachable, or that reach hosts of the fetcher's own network
// rather than the public web. They hold every address that netip calls
// loopback, private, link-local, multicast or unspecified.
var refusedRanges = []refusedRange{
	// IPv4.
	{netip.MustParsePrefix("0.0.0.0/8"), "this-network", `a "this network" address (RFC 791)`},
	{netip.MustParsePrefix("10.0.0.0/8"), "private", "a private address (RFC 1918)"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade-nat", "a carrier-grade NAT address (RFC 6598)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback", "a loopback address"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local", "a link-local address (RFC 3927)"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private", "a private address (RFC 1918)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "ietf-protocol", "an IETF protocol assignment (RFC 6890)"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation", "a documentation address (RFC 5737)"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private", "a private address (RFC 1918)"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking", "a benchmarking address (RFC 2544)"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation", "a documentation address (RFC 5737)"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation", "a documentation address (RFC 5737)"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast", "a multicast address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved", "a reserved address (RFC 1112), or the broadcast address"},
	// IPv6. IPv4-mapped addresses (::ffff:0:0/96) are judged as the IPv4
	// address they carry, and so are NAT64 (64:ff9b::/96, RFC 6052) and
	// 6to4 (2002::/16, RFC 3056) ones, which reach it through a gateway.
	{netip.MustParsePrefix("::1/128"), "loopback", "a loopback address"},
	{netip.MustParsePrefix("::/96"), "unspecified", "an unspecified or IPv4-compatible address (RFC 4291)"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "local-nat64", "a local-use NAT64 address (RFC 8215)"},
	{netip.MustParsePrefix("100::/64"), "discard-only", "a discard-only address (RFC 6666)"},
	{netip.MustParsePrefix("2001::/23"), "ietf-teredo", "an IETF protocol assignment (RFC 2928), such as Teredo"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation-v6", "a documentation address (RFC 3849)"},
	{netip.MustParsePrefix("fc00::/7"), "unique-local", "a unique local (private) address (RFC 4193)"},
	{netip.MustParsePrefix("fe80::/10"), "link-local-v6", "a link-local address (RFC 4291)"},
	{netip.MustParsePrefix("fec0::/10"), "site-local", "a site-local address (RFC 3879)"},
	{netip.MustParsePrefix("ff00::/8"), "multicast", "a multicast address"},
}

var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// Refused says why the fetcher does not connect to addr, in words that
// follow "leads to ADDR, " ("a private address (RFC 1918)"), or "" when it
// may. It refuses loopback, private (RFC 1918, RFC 4193), link-local,
// multicast, unspecified, carrier-grade NAT (RFC 6598), 0.0.0.0/8 and the
// other special-purpose blocks that are not globally reachable (see the
// IANA registries of RFC 6890), whether written as IPv4, as IPv4-mapped
// IPv6 (::ffff:10.0.0.1), or inside a NAT64 or 6to4 address. The allowed
// networks of a Client are checked before it (see Config.Allow).
func Refused(addr netip.Addr) string {
	if !addr.IsValid() {
		return "not an IP address"
	}
	if r := refusedBlock(addr); r != nil {
		return r.what
	}
	return ""
}

// refusedBlock is the refused block that holds addr (a valid address, as
// Refused judges it), or nil when none does.
func refusedBlock(addr netip.Addr) *refusedRange {
	addr = addr.WithZone("").Unmap()
	if addr.Is6() {
		if nat64.Contains(addr) {
			b := addr.As16()
			addr = netip.AddrFrom4([4]byte(b[12:16]))
		} else if sixTo4.Contains(addr) {
			b := addr.As16()
			addr = netip.AddrFrom4([4]byte(b[2:6]))
		}
	}
	for i := range refusedRanges {
		if refusedRanges[i].prefix.Contains(addr) {
			return &refusedRanges[i]
		}
	}
	return nil
}

// allowed reports whether one of the client's allowed networks holds addr,
// as written or unmapped from IPv4-mapped IPv6.
func (c *Client) allowed(addr netip.Addr) bool {
	addr = addr.WithZone("")
	for _, p := range c.allow {
		if p.Contains(addr) || p.Contains(addr.Unmap()) {
			return true
		}
	}
	return false
}

// refusal is the error for an address the client may not connect to, or
// nil when it may.
func (c *Client) refusal(addr netip.Addr) *Error {
	if c.allowed(addr) {
		return nil
	}
	if why := Refused(addr); why != "" {
		e := newError(RefusedAddress, "", "leads to %s, %s, which is not fetched", addr.WithZone("").Unmap(), why)
		if r := refusedBlock(addr); r != nil {
			e.Address, e.Block = addr.WithZone("").Unmap().String(), r.name
		}
		return e
	}
	return nil
}

// control runs for every connection the client's dialer makes, after the
// host name has been resolved and before the socket connects: address is
// the IP address and port about to be dialled. It refuses what refusal
// refuses, so the rule holds for the first request, every redirect and
// every address a name resolves to, whatever DNS answers at that moment.
func (c *Client) control(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return newError(RefusedAddress, "", "leads to an address that could not be read")
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return newError(RefusedAddress, "", "leads to an address that could not be read")
	}
	if e := c.refusal(addr); e != nil {
		return e
	}
	return nil
}
