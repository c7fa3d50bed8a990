package i18n

import (
	"strings"
	"testing"
)

// A header of thousands of languages is read only as far as its first
// dozen, so that it costs a request no more than a browser's header, and
// what Match remembers of such headers stays within a fixed size however
// many different ones arrive.
func TestMatchReadsTheHeadOfALongHeaderAndRemembersLittle(t *testing.T) {
	const size = 55 << 10
	all := longHeader(size + 2000*9)
	if got := Match("fr-CA," + all[:size]); got != "fr" {
		t.Errorf("a long header that starts with fr-CA gives %q", got)
	}
	if got := Match(all[:size] + ",fr"); got != "" {
		t.Errorf("a language after thousands of others was read: %q", got)
	}
	if got := Match(strings.Repeat("a", size)); got != "" {
		t.Errorf("one 55 KB word gives %q", got)
	}
	i := 0
	allocs := testing.AllocsPerRun(200, func() {
		Match(all[i*9 : i*9+size])
		i++
	})
	if allocs > 100 {
		t.Errorf("a 55 KB header costs %.0f allocations, want at most 100", allocs)
	}
	for j := range 2000 {
		Match(all[j*9 : j*9+size])
	}
	held := 0
	for k := range matchTable {
		if e := matchTable[k].Load(); e != nil {
			held += len(e.pref)
			if len(e.pref) > maxAcceptLanguage {
				t.Fatalf("a remembered header of %d bytes", len(e.pref))
			}
		}
	}
	if held > matchSlots*maxAcceptLanguage {
		t.Errorf("Match remembers %d bytes of headers", held)
	}
}

// A remembered answer is the answer: asked again, Match says the same,
// and a header cut to its first languages still finds the reader's first
// choice among them.
func TestMatchRemembersTheSameAnswer(t *testing.T) {
	for _, h := range append(browserHeaders, "de,ar-EG;q=0.8", "", "not a language;;q=x",
		"de,nl,sv,pl,ja,ko,ru,tr,it,da,fi,nb,pt") {
		first, again := Match(h), Match(h)
		if first != again || first != matchOne(acceptPrefix(h)) {
			t.Errorf("Match(%q) = %q then %q", h, first, again)
		}
	}
	if got := Match("de,nl,sv,pl,ja,ko,ru,tr,it,da,fi,nb,pt"); got != "" {
		t.Errorf("the 13th language of a header was read: %q", got)
	}
}
