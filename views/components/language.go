package components

import (
	"context"
	"slices"

	"claimtracker/views"
)

// commonLanguages are the language tags the desk's language fields
// suggest, besides whatever tag a field holds: the languages most
// fact-checkers publish in, with the common regional and script variants.
var commonLanguages = []string{
	"am", "ar", "bn", "de", "el", "en", "en-GB", "en-US", "es", "es-419", "fa", "fil", "fr", "ha", "he", "hi", "id", "it", "ja",
	"ko", "ms", "my", "nl", "pl", "pt", "pt-BR", "pt-PT", "ro", "ru", "sw", "ta", "th", "tr", "uk", "ur", "vi", "yo", "zh-Hans", "zh-Hant",
}

// LanguageOptions are the suggestions of a language field that holds
// current: the common tags, and current first when it is not one of them,
// each with its name in its own language (views.LanguageName).
func LanguageOptions(current string) []Option {
	tags := commonLanguages
	if current != "" && !slices.Contains(tags, current) {
		tags = append([]string{current}, tags...)
	}
	out := make([]Option, 0, len(tags))
	for _, t := range tags {
		out = append(out, Option{Value: t, Label: views.LanguageName(t)})
	}
	return out
}

// LanguageOf says whose language a language field gives, for its hint.
type LanguageOf int

// The texts a language field may describe.
const (
	ClaimLanguage LanguageOf = iota
	SourceLanguage
	VerdictLanguage
)

// languageHintKey is the message that says how a language field is filled
// in, and from what the server detects the language when it is left empty.
func languageHintKey(of LanguageOf) string {
	switch of {
	case SourceLanguage:
		return "content.language.hint_source"
	case VerdictLanguage:
		return "content.language.hint_verdict"
	}
	return "content.language.hint_claim"
}

// languageControl is the control of a language field named name (with
// element id id, or the default), in form f, labelled in ctx's language.
func languageControl(ctx context.Context, f views.Form, name, id string, of LanguageOf) Control {
	c := Control{Form: f, Name: name, ID: id, Label: views.T(ctx, "content.language.label"), Hint: views.T(ctx, languageHintKey(of)),
		Autocomplete: "off"}
	c.List = c.id() + "-languages"
	return c
}

// filterLanguages are the options of the home page's language filter: one
// per primary language of the public claims (langs), and the filter in use
// (current) when it is none of them.
func filterLanguages(langs []string, current string) []Option {
	if current != "" && !slices.Contains(langs, current) {
		langs = append(slices.Clone(langs), current)
	}
	out := make([]Option, 0, len(langs))
	for _, t := range langs {
		out = append(out, Option{Value: t, Label: views.LanguageName(t)})
	}
	return out
}
