package fetcher_test

import (
	"net/netip"
	"strings"
	"testing"

	"claimtracker/fetcher"
)

func TestRefused(t *testing.T) {
	refused := map[string]string{
		"127.0.0.1":              "loopback",
		"127.255.255.254":        "loopback",
		"::1":                    "loopback",
		"::ffff:127.0.0.1":       "loopback",
		"10.1.2.3":               "private address (RFC 1918)",
		"172.16.0.1":             "private address (RFC 1918)",
		"172.31.255.255":         "private address (RFC 1918)",
		"192.168.1.1":            "private address (RFC 1918)",
		"::ffff:192.168.1.1":     "private address (RFC 1918)",
		"fd00::1":                "unique local (private) address (RFC 4193)",
		"fc00::1":                "unique local (private) address (RFC 4193)",
		"169.254.169.254":        "link-local",
		"::ffff:169.254.169.254": "link-local",
		"fe80::1":                "link-local",
		"fe80::1%eth0":           "link-local",
		"224.0.0.1":              "multicast",
		"239.255.255.250":        "multicast",
		"ff02::1":                "multicast",
		"0.0.0.0":                `"this network"`,
		"0.1.2.3":                `"this network"`,
		"::":                     "unspecified",
		"100.64.0.1":             "carrier-grade NAT",
		"100.127.255.254":        "carrier-grade NAT",
		"192.0.2.10":             "documentation",
		"2001:db8::1":            "documentation",
		"255.255.255.255":        "broadcast",
		"198.18.0.1":             "benchmarking",
		"64:ff9b::a01:203":       "private address (RFC 1918)", // NAT64 of 10.1.2.3
		"2002:a9fe:a9fe::1":      "link-local",                 // 6to4 of 169.254.169.254
		"2001::1":                "Teredo",
		"::a01:203":              "IPv4-compatible",
	}
	for s, want := range refused {
		got := fetcher.Refused(netip.MustParseAddr(s))
		if got == "" {
			t.Errorf("%s is not refused", s)
		} else if !strings.Contains(got, want) {
			t.Errorf("%s refused as %q, want %q in it", s, got, want)
		}
	}
	for _, s := range []string{"93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.0", "172.32.0.1", "2606:4700::1111", "2a00:1450:4001::200e", "64:ff9b::808:808", "::ffff:8.8.8.8", "11.0.0.1"} {
		if got := fetcher.Refused(netip.MustParseAddr(s)); got != "" {
			t.Errorf("%s refused as %q", s, got)
		}
	}
	if fetcher.Refused(netip.Addr{}) == "" {
		t.Error("the zero address is not refused")
	}
}
