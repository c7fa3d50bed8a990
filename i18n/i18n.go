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
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"

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
	b, err := load(catalogues)
	if err != nil {
		panic(err) // the catalogues are embedded: a broken one is a broken build
	}
	bundle = b
	tags := make([]language.Tag, len(Languages))
	for i, l := range Languages {
		tags[i] = language.MustParse(l.Tag)
		locales[l.Tag] = newLocale(l)
	}
	matcher = language.NewMatcher(tags)
}

// load reads every catalogue in fsys's locales folder into one bundle.
// A file is named AREA.LANG.toml; every id in it must begin with "AREA.".
func load(fsys fs.FS) (*goi18n.Bundle, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(fsys, "locales/*.toml")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		buf, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		mf, err := b.ParseMessageFileBytes(buf, f)
		if err != nil {
			return nil, fmt.Errorf("catalogue %s: %w", f, err)
		}
		area, _, _ := strings.Cut(path.Base(f), ".")
		for _, m := range mf.Messages {
			if !strings.HasPrefix(m.ID, area+".") {
				return nil, fmt.Errorf("catalogue %s: id %q does not begin with %q", f, m.ID, area+".")
			}
		}
	}
	return b, nil
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
func Match(prefs ...string) string {
	for _, p := range prefs {
		if p == "" {
			continue
		}
		tags, _, err := language.ParseAcceptLanguage(p)
		if err != nil || len(tags) == 0 {
			continue
		}
		_, i, conf := matcher.Match(tags...)
		if conf >= language.High {
			return Languages[i].Tag
		}
	}
	return ""
}
