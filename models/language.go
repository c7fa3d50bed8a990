package models

import (
	"errors"
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"
	"golang.org/x/text/language"

	"claimtracker/migrations"
)

// The language of user text
//
// Claims, sources and verdicts each carry the language they are written in
// as a BCP 47 language tag (RFC 5646), stored in its canonical form: "ar",
// "pt-BR", "zh-Hant". "" means not known. An editor may give it; when the
// editor leaves it empty, the store detects it from the text on saving
// (DetectLanguage), and leaves it empty when the detector is not
// confident. Pages mark the text with it (the lang attribute), ClaimReview
// gives it as inLanguage and feeds as xml:lang.

// maxLanguageTag bounds the length of a language tag as typed. RFC 5646
// §4.4.1 asks implementations to keep at least 35 characters of a tag; 64
// leaves room for an extension or a private-use part.
const maxLanguageTag = 64

// ErrBadLanguage is the error of CanonicalLanguage for text that is not a
// language tag it can use.
var ErrBadLanguage = errors.New(ReasonLanguageTag.String())

// ReasonLanguageTag is the field reason for text that is not a language tag
// CanonicalLanguage can use.
var ReasonLanguageTag = NewReason("reasons.language_tag", "must be a BCP 47 language tag, such as ar, pt-BR or zh-Hant")

// CanonicalLanguage parses s (surrounding spaces ignored) as a BCP 47
// language tag and returns its canonical form: subtags in their registered
// case ("pt-br" is "pt-BR"), deprecated subtags replaced by their preferred
// values ("iw" is "he") and a script that the language's registry entry
// suppresses left out ("en-Latn" is "en"), as RFC 5646 §4.5 and the IANA
// language subtag registry have it (golang.org/x/text/language, BCP47
// canonicalisation). "" stays "". A tag that is not well-formed, names a
// subtag the registry does not know, or names no language (und, or a
// private-use tag alone) is ErrBadLanguage.
func CanonicalLanguage(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) > maxLanguageTag {
		return "", ErrBadLanguage
	}
	// An underscore for a hyphen ("pt_BR", as locales are written on
	// many systems) is read as the hyphen meant.
	s = strings.ReplaceAll(s, "_", "-")
	if !wellFormedTag(s) {
		return "", ErrBadLanguage
	}
	t, err := language.BCP47.Parse(s)
	if err != nil {
		return "", ErrBadLanguage
	}
	if _, conf := t.Base(); conf != language.Exact {
		return "", ErrBadLanguage
	}
	out := t.String()
	// A tag the parser rewrote into another language through a form this
	// store does not take (an extended language subtag, "en-spa" read as
	// Spanish; a grandfathered tag, "i-default" read as English with a
	// private-use part) is refused rather than stored as what nobody typed.
	if strings.Contains(out, "-x-") && !strings.Contains(strings.ToLower(s), "-x-") {
		return "", ErrBadLanguage
	}
	return out, nil
}

// wellFormedTag reports whether s has the shape of an RFC 5646 §2.1 tag
// this store takes: subtags of 1 to 8 ASCII letters or digits joined by
// hyphens, no extended language subtag (§2.2.2: a
// second subtag of three letters, as in "en-spa"), no variant or
// extension singleton given twice (§2.2.5, §2.2.6: "de-1996-1996",
// "en-u-ca-gregory-u-nu-arab").
func wellFormedTag(s string) bool {
	parts := strings.Split(strings.ToLower(s), "-")
	seen := map[string]bool{}
	private := false
	for i, p := range parts {
		if p == "" || len(p) > 8 {
			return false
		}
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				return false
			}
		}
		switch {
		case private:
			continue // private use: anything goes
		case p == "x":
			private = true
		case i == 1 && len(p) == 3 && !unicode.IsDigit(rune(p[0])):
			return false // an extended language subtag
		case len(p) == 1, i > 0 && (len(p) >= 5 || len(p) == 4 && unicode.IsDigit(rune(p[0]))):
			if seen[p] {
				return false
			}
			seen[p] = true
		}
	}
	return true
}

// language checks the language tag *s and writes its canonical form back
// (see CanonicalLanguage); "" is allowed.
func (v *Validator) language(field string, s *string) {
	tag, err := CanonicalLanguage(*s)
	if err != nil {
		v.Fail(field, ReasonLanguageTag)
		return
	}
	*s = tag
}

// minDetectLetters is the fewest letters in which DetectLanguage names a
// language: below it a text says too little to tell, whatever the
// detector reports.
const minDetectLetters = 6

// DetectLanguage names the language text is written in, as a canonical
// BCP 47 tag of its primary language subtag alone ("ar", "fr", "zh"), or
// "" when it cannot tell with confidence: a text of fewer than
// minDetectLetters letters, or one the detector (abadojack/whatlanggo,
// trigram profiles per script) does not call reliable. Chinese is "zh"
// whatever its script: the detector does not tell simplified from
// traditional characters.
func DetectLanguage(text string) string {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < minDetectLetters {
		return ""
	}
	if tag := scriptLanguage(text); tag != "" {
		return tag
	}
	info := whatlanggo.Detect(text)
	lang := info.Lang
	switch {
	case info.Script == unicode.Cyrillic:
		lang = detectCyrillic(text)
	case lang < 0 || !info.IsReliable():
		return ""
	}
	if lang < 0 {
		return ""
	}
	// The shortest ISO 639 code is the BCP 47 primary language subtag
	// (RFC 5646 §2.2.1); a language the detector knows only by its ISO
	// 639-3 code is named by its macrolanguage's, which BCP 47 prefers
	// and the ?language= filter matches ("pes", Iranian Persian, is
	// "fa").
	code := lang.Iso6391()
	if code == "" {
		t, err := language.All.Parse(lang.Iso6393())
		if err != nil {
			return ""
		}
		code = t.String()
	}
	tag, err := CanonicalLanguage(code)
	if err != nil {
		return ""
	}
	return tag
}

// scriptLanguage is the language of text when most of its letters are of
// a script only one language is written in and that the detector does not
// know (Armenian, Lao), else "".
func scriptLanguage(text string) string {
	counts := map[string]int{}
	letters := 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Armenian, r):
			counts["hy"]++
		case unicode.Is(unicode.Lao, r):
			counts["lo"]++
		}
	}
	for tag, n := range counts {
		if n*2 > letters {
			return tag
		}
	}
	return ""
}

// languageOrDetected is tag when it is given, else the language detected
// from texts, joined as paragraphs.
func languageOrDetected(tag string, texts ...string) string {
	if tag != "" {
		return tag
	}
	return DetectLanguage(strings.Join(texts, "\n\n"))
}

// A language filter (the ?language= of the public lists and the API) is a
// BCP 47 language range as RFC 4647 §3.3.1 ("basic filtering") defines
// it, which matches a tag equal to it or starting with it followed by
// "-", so that "ar" matches "ar" and "ar-EG" but not "arz", and "pt-BR"
// matches "pt-BR" but not "pt-PT". Callers read it with CanonicalLanguage,
// as stored tags are canonicalised, so that the match is exact on the
// canonical forms; "" is no filter.

// languageCondition is the SQL condition of a language filter's match on
// the column col, with its arguments: the tag itself, or the tag and "-"
// before anything. Tags hold letters, digits and hyphens only, none of
// which LIKE treats specially.
func languageCondition(col, filter string) (string, []any) {
	return "(" + col + " = ? OR " + col + " LIKE ?)", []any{filter, filter + "-%"}
}

// primaryLanguageSQL is the SQL of the primary language subtag of the
// canonical tag in the column col, by dialect: "ar" of "ar-EG", "" of "".
// The expression is the one the index idx_claims_public_primary_language
// (migration 00028) is made of, which a planner uses only for the same
// expression written the same way.
func primaryLanguageSQL(d migrations.Dialect, col string) string {
	if d == migrations.Postgres {
		return "split_part(" + col + ", '-', 1)"
	}
	return "substr(" + col + ", 1, instr(" + col + " || '-', '-') - 1)"
}

// publicLanguageCondition is languageCondition on the column col of the
// claims table, written so that the public list walks the index of the
// public claims of the filter's primary language in list order (migration
// 00028): the primary subtag's equality, and, for a filter longer than
// its primary subtag ("pt-BR"), the match itself among those.
func publicLanguageCondition(d migrations.Dialect, col, filter string) (string, []any) {
	primary := PrimaryLanguage(filter)
	cond := primaryLanguageSQL(d, col) + " = ?"
	if primary == filter {
		return cond, []any{primary}
	}
	match, args := languageCondition(col, filter)
	return cond + " AND " + match, append([]any{primary}, args...)
}

// PrimaryLanguage is the primary language subtag of a canonical tag: "ar"
// of "ar-EG", "zh" of "zh-Hant"; "" for "".
func PrimaryLanguage(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	return base
}
