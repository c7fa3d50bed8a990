package views

import "testing"

func TestLanguageNameIsTheEndonym(t *testing.T) {
	for tag, want := range map[string]string{
		"ar": "العربية", "fr": "français", "ru": "русский", "zh-Hant": "繁體中文", "pt-BR": "português (Brasil)", "pt-PT": "português europeu",
		"qaa": "qaa", "not a tag": "not a tag",
	} {
		if got := LanguageName(tag); got != want {
			t.Errorf("LanguageName(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestLangAttributeOnlyWhenKnown(t *testing.T) {
	if got := Lang("ar-EG"); len(got) != 1 || got["lang"] != "ar-EG" {
		t.Errorf("Lang(ar-EG) = %v", got)
	}
	if got := Lang(""); len(got) != 0 {
		t.Errorf("Lang(\"\") = %v, want no attribute", got)
	}
}
