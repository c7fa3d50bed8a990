// Package i18n holds the interface's words in every language it speaks:
// message catalogues (one TOML file per area and language under locales/,
// read with go-i18n, plural forms by CLDR rules), the choice of a language
// from what a reader asks for, and dates and numbers written the way each
// language writes them.
//
// Message ids are lower-case dotted names that begin with their area
// (such as public.home.title); each area's files belong to one part of the
// product. The catalogue test fails when a language lacks an id that the
// code uses, has one that English lacks, or lacks a plural form.
package i18n

import (
	"cmp"
	"embed"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Language is one interface language.
type Language struct {
	// Tag is its BCP 47 tag (RFC 5646), such as "fr".
	Tag string
	// Name is what the language calls itself, such as "Français".
	Name string
	// Dir is its writing direction: "ltr" or "rtl".
	Dir string
}

// Languages are the interface languages, in the order the language
// switcher lists them; English, the first, is the default and the one
// every other falls back to for a missing message.
var Languages = []Language{
	{Tag: "en", Name: "English", Dir: "ltr"},
	{Tag: "es", Name: "Español", Dir: "ltr"},
	{Tag: "fr", Name: "Français", Dir: "ltr"},
	{Tag: "pt", Name: "Português", Dir: "ltr"},
	{Tag: "ar", Name: "العربية", Dir: "rtl"},
}

// Default is the tag of the language used when nothing else decides.
const Default = "en"

//go:embed locales/*.toml
var catalogues embed.FS

var (
	bundle  *goi18n.Bundle
	locales = map[string]*Locale{}
	matcher language.Matcher
)

func init() {
	b, msgs, err := load(catalogues)
	if err != nil {
		panic(err) // the catalogues are embedded: a broken one is a broken build
	}
	bundle = b
	tags := make([]language.Tag, len(Languages))
	for i, l := range Languages {
		tags[i] = language.MustParse(l.Tag)
		locales[l.Tag] = newLocale(l, msgs)
	}
	matcher = language.NewMatcher(tags)
}

// load reads every catalogue in fsys's locales folder into one bundle,
// and returns its messages too, by language tag and id. A file is named
// AREA.LANG.toml; every id in it must begin with "AREA.".
func load(fsys fs.FS) (*goi18n.Bundle, map[string]map[string]*goi18n.Message, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(fsys, "locales/*.toml")
	if err != nil {
		return nil, nil, err
	}
	msgs := map[string]map[string]*goi18n.Message{}
	for _, f := range files {
		buf, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, nil, err
		}
		mf, err := b.ParseMessageFileBytes(buf, f)
		if err != nil {
			return nil, nil, fmt.Errorf("catalogue %s: %w", f, err)
		}
		area, rest, _ := strings.Cut(path.Base(f), ".")
		tag, _, _ := strings.Cut(rest, ".")
		if msgs[tag] == nil {
			msgs[tag] = map[string]*goi18n.Message{}
		}
		for _, m := range mf.Messages {
			if !strings.HasPrefix(m.ID, area+".") {
				return nil, nil, fmt.Errorf("catalogue %s: id %q does not begin with %q", f, m.ID, area+".")
			}
			msgs[tag][m.ID] = m
		}
	}
	return b, msgs, nil
}

// For returns the locale of tag, one of Languages' tags; any other tag,
// or "", gives English.
func For(tag string) *Locale {
	if l, ok := locales[tag]; ok {
		return l
	}
	return locales[Default]
}

// Name is what the interface language tag calls itself ("Français"), or
// tag itself when it is none of Languages.
func Name(tag string) string {
	if l, ok := locales[tag]; ok {
		return l.Name()
	}
	return tag
}

// Supported reports whether tag is exactly one of Languages' tags.
func Supported(tag string) bool {
	_, ok := locales[tag]
	return ok
}

// Match returns the interface language that best serves prefs, each a
// BCP 47 tag or an Accept-Language header value (RFC 9110 §12.5.4), the
// first preferred: "pt-BR" gives "pt", "fr-CA,en;q=0.5" gives "fr". It
// returns "" when none of them is close to a language the interface
// speaks, so that the caller's own default applies.
//
// Only the first maxAcceptEntries languages of a value are read, within
// its first maxAcceptLanguage bytes: browsers list a reader's languages
// best first, a few of them in a few dozen bytes, and a header of
// thousands of languages would otherwise cost milliseconds and megabytes
// on every request that sends it. Answers are remembered in a table of
// matchSlots entries (see matchCached), so that the few headers real
// browsers send are parsed once.
func Match(prefs ...string) string {
	for _, p := range prefs {
		if tag := matchCached(acceptPrefix(p)); tag != "" {
			return tag
		}
	}
	return ""
}

// maxAcceptLanguage is how much of an Accept-Language value Match reads,
// in bytes: room for a dozen languages with their regions and weights.
const maxAcceptLanguage = 256

// maxAcceptEntries is how many of the languages of an Accept-Language
// value Match reads.
const maxAcceptEntries = 12

// acceptPrefix is the part of an Accept-Language value that Match reads:
// its first maxAcceptEntries entries, of those that end within its first
// maxAcceptLanguage bytes ("" when the first entry alone is longer, which
// no language tag is).
func acceptPrefix(p string) string {
	if len(p) > maxAcceptLanguage {
		i := strings.LastIndexByte(p[:maxAcceptLanguage+1], ',')
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
	for i, n := 0, 0; i < len(p); i++ {
		if p[i] == ',' {
			if n++; n == maxAcceptEntries {
				return p[:i]
			}
		}
	}
	return p
}

// matchSlots is how many answers of Match are remembered (a power of two).
// The table is fixed, so a client sending a new header on every request
// costs at most its bytes: matchSlots × maxAcceptLanguage bytes in all.
const matchSlots = 1024

// matchEntry is one remembered answer: pref gave tag.
type matchEntry struct{ pref, tag string }

var (
	matchTable [matchSlots]atomic.Pointer[matchEntry]
	matchSeed  = maphash.MakeSeed()
)

// matchCached is matchOne of p, remembered in the slot of p's hash; a
// later value that falls in the same slot takes its place. It takes no
// lock: a slot holds one entry, swapped whole.
func matchCached(p string) string {
	if p == "" {
		return ""
	}
	slot := &matchTable[maphash.String(matchSeed, p)&(matchSlots-1)]
	if e := slot.Load(); e != nil && e.pref == p {
		return e.tag
	}
	tag := matchOne(p)
	// A copy, so that the entry does not keep the whole header it was
	// cut from.
	slot.Store(&matchEntry{pref: strings.Clone(p), tag: tag})
	return tag
}

// acceptEach reads p, an Accept-Language value that x/text refuses whole
// because one of its entries is not a language it knows ("zz",
// "cl;q=0.3") or is malformed, entry by entry: the entries it reads, in
// order of weight (RFC 9110, section 12.5.4), the others left out.
func acceptEach(p string) []language.Tag {
	type weighted struct {
		tag language.Tag
		q   float32
	}
	var all []weighted
	for entry := range strings.SplitSeq(p, ",") {
		tags, q, err := language.ParseAcceptLanguage(entry)
		if err == nil && len(tags) == 1 {
			all = append(all, weighted{tags[0], q[0]})
		}
	}
	slices.SortStableFunc(all, func(a, b weighted) int { return cmp.Compare(b.q, a.q) })
	tags := make([]language.Tag, len(all))
	for i, w := range all {
		tags[i] = w.tag
	}
	return tags
}

// matchOne is the interface language closest to p, an Accept-Language
// value, or "" when none is close.
func matchOne(p string) string {
	tags, _, err := language.ParseAcceptLanguage(p)
	if err != nil {
		tags = acceptEach(p)
	}
	if len(tags) == 0 {
		return ""
	}
	_, i, conf := matcher.Match(tags...)
	if conf >= language.High {
		return Languages[i].Tag
	}
	return ""
}
