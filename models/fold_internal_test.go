package models

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FoldText folds as the examples say, and the tracked folding
// that snippets use gives the same text and maps each of its bytes back
// into the original.
func TestFoldText(t *testing.T) {
	for in, want := range map[string]string{
		"Équipe":       "equipe",
		"ΣΟΦΌΣ σοφός":  "σοφοσ σοφοσ",
		"Straße":       "strasse",
		"ﬁnance Ｗorld": "finance world",
		"Путин Сказал": "путин сказал",
		"Ёлка":         "елка",
		"خَفَّضَت":     "خفضت",
		"疫苗含有微芯片":      "疫苗含有微芯片",
		"İstanbul":     "istanbul",
		"e\u0301quipe": "equipe",
	} {
		if got := FoldText(in); got != want {
			t.Errorf("FoldText(%q) = %q, want %q", in, got, want)
		}
	}
	for _, s := range []string{"", "Équipe ﬁnale", "ΣΟΦΌΣ", "Straße", "疫苗含有微芯片", "नमस्ते दुनिया", "한국 뉴스",
		"e\u0301\u0301x", "\u0301start", "ワクチン ｶﾀｶﾅ", "½ ² ①", "İIıi ǅ", "\xff bad \xfe"} {
		f := foldTracked(s)
		if f.text != FoldText(s) {
			t.Errorf("foldTracked(%q) = %q, FoldText %q", s, f.text, FoldText(s))
		}
		if FoldText(f.text) != f.text {
			t.Errorf("FoldText is not idempotent on %q: %q → %q", s, f.text, FoldText(f.text))
		}
		if len(f.from) != len(f.text) || len(f.to) != len(f.text) {
			t.Fatalf("%q: %d bytes, %d/%d mapped", s, len(f.text), len(f.from), len(f.to))
		}
		for i := range f.text {
			if a, z := f.from[i], f.to[i]; a < 0 || z > len(s) || a >= z || (utf8.ValidString(s) && !utf8.RuneStart(s[a])) {
				t.Errorf("%q: byte %d maps to %d..%d", s, i, a, z)
			}
		}
	}
}

// Text is indexed as words, unspaced scripts as pairs of characters.
func TestIndexText(t *testing.T) {
	for in, want := range map[string]string{
		"I did not have communications, with the Russians": "i did not have communic with the russian",
		"疫苗含有微芯片":                                          "疫苗 苗含 含有 有微 微芯 芯片 片",
		"iPhone手机 3.5 猫":                                   "iphon 手机 机 3 5 猫",
		"L'équipe a gagné":                                 "l equip a gagn",
		"नमस्ते दुनिया":                                    "नमसत दनिया",
	} {
		if got := indexText(in); got != want {
			t.Errorf("indexText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := trigrams("abcd 疫苗含有 ab abc"); got != "abc bcd 疫苗含 苗含有" {
		t.Errorf("trigrams: %q", got)
	}
}

// unspaced and wordRune, which skip their tables for the characters
// below the lowest they hold, say of every character what the tables say.
func TestUnspacedAndWordRuneFastPaths(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.In(r, unspacedScripts...) || r == 'ー' || r == '々'
		if got := unspaced(r); got != want {
			t.Fatalf("unspaced(%U) = %v, want %v", r, got, want)
		}
		if got, want := wordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); got != want {
			t.Fatalf("wordRune(%U) = %v, want %v", r, got, want)
		}
	}
}
