package views

import (
	"github.com/a-h/templ"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Lang is the lang attribute of an element that holds user text written in
// the language tagged tag, a canonical BCP 47 tag as the store keeps them
// (HTML's lang attribute takes BCP 47 tags): none when tag is "", so that
// the element inherits the page's language.
func Lang(tag string) templ.Attributes {
	if tag == "" {
		return templ.Attributes{}
	}
	return templ.Attributes{"lang": tag}
}

// LanguageName is the name of the language tag names in that language
// itself, its endonym, from CLDR's display names (golang.org/x/text
// display.Self): "العربية" for ar, "português (Brasil)" for pt-BR (the
// region is added when CLDR names the language alone), "繁體中文" for
// zh-Hant. A tag CLDR has no name for is given as it is.
func LanguageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	name := display.Self.Name(t)
	if name == "" {
		return tag
	}
	base, _ := t.Base()
	if r, conf := t.Region(); conf == language.Exact && name == display.Self.Name(language.Make(base.String())) {
		if rn := display.Regions(t).Name(r); rn != "" {
			name += " (" + rn + ")"
		}
	}
	return name
}
