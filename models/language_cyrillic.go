package models

import (
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// Cyrillic text
//
// The detector's profiles (trigrams of one long text per language) tell
// the languages written in Cyrillic apart poorly in a sentence: of ten
// Russian claims, it named two Russian, one Ukrainian with full
// confidence, and the rest Serbian, Bulgarian, Belarusian or Turkmen
// without. Their alphabets tell them apart better: each of these
// languages has letters the others lack, and lacks letters they have.
// So a Cyrillic text is first given the languages whose alphabet holds
// every letter in it (and, for those that always show one, one of their
// own letters); when one is left it is the answer. When several are,
// short words that one of them uses and the others do not ("что" and
// "это" in Russian, "е", "са" and "ще" in Bulgarian, "је" in Serbian,
// "дека" in Macedonian) and Russian endings ("-ся", "-ого") decide; only
// when they do not, the detector chooses among those languages alone.

// cyrillicLanguage is what a language written in Cyrillic is made of.
type cyrillicLanguage struct {
	lang whatlanggo.Lang
	// letters are its letters besides cyrillicCore, lower case.
	letters string
	// marks, when set, are letters of its own of which any text of some
	// length in it shows one.
	marks string
}

// cyrillicCore are the letters that every alphabet below has.
const cyrillicCore = "абвгдежзклмнопрстуфхцчш"

// cyrillicLanguages are the languages the detector knows in Cyrillic.
var cyrillicLanguages = []cyrillicLanguage{
	{whatlanggo.Rus, "ийщъыьэюяё", ""},
	// Ukrainian writes і where Russian writes и in many words, and і is
	// also the word "and".
	{whatlanggo.Ukr, "ийщьюяіїєґ", "іїєґ"},
	// Belarusian has no и: і stands for it.
	{whatlanggo.Bel, "йыьэюяёіўґ", "іў"},
	{whatlanggo.Bul, "ийщъьюяѝ", ""},
	{whatlanggo.Srp, "иђјљњћџ", ""},
	{whatlanggo.Mkd, "иѓѕјљњќџѐѝ", ""},
	// Azerbaijani and Turkmen in their former Cyrillic alphabets, with
	// the letters they took for Russian words.
	{whatlanggo.Azj, "ғәиыјҝөүһҹйцщъьэюяё", "ғәҝөүһҹј"},
	{whatlanggo.Tuk, "әиыйҗңөүщъьэюяё", "әҗңөү"},
}

// cyrillicMarkLetters is how many Cyrillic letters a text has at least
// before a language that always shows one of its marks is ruled out for
// showing none.
const cyrillicMarkLetters = 20

// detectCyrillic names the language of text, a text mostly in Cyrillic,
// among those the detector knows, or returns -1 when it cannot tell: no
// language's alphabet holds its letters, or the detector is not confident
// among those whose alphabet does.
func detectCyrillic(text string) whatlanggo.Lang {
	seen := map[rune]bool{}
	letters := 0
	for _, r := range strings.ToLower(text) {
		if unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r) {
			seen[r] = true
			letters++
		}
	}
	candidates := map[whatlanggo.Lang]bool{}
	var only whatlanggo.Lang
	for _, l := range cyrillicLanguages {
		if cyrillicFits(l, seen, letters) {
			candidates[l.lang] = true
			only = l.lang
		}
	}
	switch len(candidates) {
	case 0:
		return -1
	case 1:
		return only
	}
	// Bulgarian writes ъ as a vowel, before a consonant or at the end of
	// a word ("във", "път", the article "-ът"); Russian only between a
	// prefix and е, ё, ю or я ("объявил").
	if candidates[whatlanggo.Rus] && candidates[whatlanggo.Bul] && vowelHardSign(text) {
		delete(candidates, whatlanggo.Rus)
		if len(candidates) == 1 {
			return whatlanggo.Bul
		}
	}
	if l, ok := cyrillicByWords(text, candidates); ok {
		return l
	}
	if letters < cyrillicMarkLetters {
		return -1 // too short for the detector to choose
	}
	info := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: candidates})
	if info.Lang < 0 || !info.IsReliable() {
		return -1
	}
	return info.Lang
}

// cyrillicWords are short words each language uses often and the others
// it could be taken for do not, by language; a word several share counts
// for each.
var cyrillicWords = map[whatlanggo.Lang][]string{
	whatlanggo.Rus: {"что", "это", "этот", "эта", "эти", "был", "была", "было", "были", "его", "её", "ее", "он", "она", "они",
		"к", "у", "чем", "уже", "ещё", "еще", "только", "также", "который", "которая", "которое", "которые", "нет", "лет",
		"года", "если", "когда", "можно"},
	whatlanggo.Bul: {"е", "са", "се", "ще", "съм", "си", "сме", "сте", "че", "който", "която", "което", "които", "няма",
		"този", "тази", "това", "тези", "към", "във", "със", "беше", "бяха", "каза"},
	whatlanggo.Srp: {"је", "није", "су", "са", "се", "био", "била", "било", "били", "који", "која", "које"},
	whatlanggo.Mkd: {"е", "дека", "со", "се", "го", "ги", "беше", "бил", "биле"},
}

// russianEndings are endings of Russian words that its neighbours' do
// not have, with the least length of a word that counts: reflexive verbs
// ("снизилась", "встречался"), and the case endings of adjectives and
// pronouns ("самого", "русскими").
var russianEndings = []struct {
	end string
	min int
}{{"ся", 5}, {"сь", 5}, {"ого", 6}, {"его", 6}, {"ими", 5}, {"ыми", 5}}

// cyrillicByWords chooses among candidates the one whose own words and
// endings text shows the most of, when one shows more than every other.
func cyrillicByWords(text string, candidates map[whatlanggo.Lang]bool) (whatlanggo.Lang, bool) {
	score := map[whatlanggo.Lang]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for l := range candidates {
			for _, own := range cyrillicWords[l] {
				if w == own {
					score[l]++
				}
			}
		}
		if candidates[whatlanggo.Rus] {
			for _, e := range russianEndings {
				if strings.HasSuffix(w, e.end) && len([]rune(w)) >= e.min {
					score[whatlanggo.Rus]++
				}
			}
		}
	}
	best, first, second := whatlanggo.Lang(-1), 0, 0
	for l, n := range score {
		switch {
		case n > first:
			best, first, second = l, n, first
		case n > second:
			second = n
		}
	}
	return best, first > second
}

// cyrillicFits reports whether l's alphabet holds every letter of seen,
// the Cyrillic letters of a text of letters letters, and the text shows
// one of l's marks when l has them and the text is long enough to.
func cyrillicFits(l cyrillicLanguage, seen map[rune]bool, letters int) bool {
	for r := range seen {
		if !strings.ContainsRune(cyrillicCore, r) && !strings.ContainsRune(l.letters, r) {
			return false
		}
	}
	if l.marks == "" || letters < cyrillicMarkLetters {
		return true
	}
	for _, r := range l.marks {
		if seen[r] {
			return true
		}
	}
	return false
}

// vowelHardSign reports whether text has ъ before a consonant or at the
// end of a word.
func vowelHardSign(text string) bool {
	rs := []rune(strings.ToLower(text))
	for i, r := range rs {
		if r != 'ъ' {
			continue
		}
		if i+1 == len(rs) || !unicode.IsLetter(rs[i+1]) || !strings.ContainsRune("еёюяи", rs[i+1]) {
			return true
		}
	}
	return false
}
