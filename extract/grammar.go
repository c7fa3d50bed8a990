package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// The speakers, dates and reported clauses the extractor finds are read by
// English grammar ("…," she said; X told reporters that …). In a sentence
// of another language those rules would guess, and guess wrongly (a German
// noun in capitals taken for a name, a French "a déclaré :" read as a
// colon introduction), so there a quotation is found but its speaker is
// left empty. Which language a paragraph's own words are in is decided on
// its narration: the paragraph without the words inside its quotation
// marks, since an English story may quote Russian and a French one
// English.

// Grammar of a paragraph's narration, see englishAt.
const (
	grammarUnknown int8 = iota // not worked out yet
	grammarEnglish
	grammarOther
)

// narrationSample is the most bytes of narration whose language is
// detected, for a paragraph or for the whole document: enough for
// trigram statistics, and a bound on the work whatever the text.
const narrationSample = 2048

// minDetectLetters is the fewest letters of narration on which a
// paragraph's language is decided on its own; with fewer ("», a-t-il
// dit.") the document's decides.
const minDetectLetters = 24

// englishAt reports whether the paragraph holding byte off is narrated in
// English, so that its quotations may be attributed and its clauses read
// as reported speech, by narrationEnglish, strictly in an English text. A
// paragraph with too few words of narration to tell takes the document's
// language, which is English unless its narration as a whole is surely
// another.
func (d *doc) englishAt(off int) bool {
	pi := d.paraAt(off)
	if pi < 0 || pi >= len(d.paras) {
		return d.docEnglish()
	}
	if d.grammar == nil {
		d.grammar = make([]int8, len(d.paras))
	}
	switch d.grammar[pi] {
	case grammarEnglish:
		return true
	case grammarOther:
		return false
	}
	p := d.paras[pi]
	en, sure := narrationEnglish(d.narrationText(p.start, p.end, narrationSample), d.docEnglish())
	if !sure {
		en = d.docEnglish()
	}
	d.grammar[pi] = grammarOther
	if en {
		d.grammar[pi] = grammarEnglish
	}
	return en
}

// docEnglish reports whether the document's narration as a whole is
// English, or, when it is too short to tell, the whole text; when that
// cannot tell either, English, the extractor's first language.
func (d *doc) docEnglish() bool {
	if d.docGrammar == grammarUnknown {
		var b strings.Builder
		for _, p := range d.paras {
			if b.Len() >= narrationSample {
				break
			}
			b.WriteString(d.narrationText(p.start, p.end, narrationSample-b.Len()))
			b.WriteByte('\n')
		}
		en, sure := narrationEnglish(b.String(), false)
		if !sure {
			// Too little narration to tell (a paste of one quotation
			// and its attribution): the quotations' language is the
			// text's.
			cut := min(len(d.text), narrationSample)
			for cut < len(d.text) && cut > 0 && !utf8.RuneStart(d.text[cut]) {
				cut--
			}
			en, sure = narrationEnglish(d.text[:cut], false)
		}
		d.docGrammar = grammarOther
		if en || !sure {
			d.docGrammar = grammarEnglish
		}
	}
	return d.docGrammar == grammarEnglish
}

// narrationText returns at most limit bytes of text[s:e] outside the
// quotations' marks, cut at a rune boundary.
func (d *doc) narrationText(s, e, limit int) string {
	var b strings.Builder
	add := func(from, to int) {
		if room := limit - b.Len(); to-from > room {
			to = from + room
			for to > from && !utf8.RuneStart(d.text[to]) {
				to--
			}
		}
		b.WriteString(d.text[from:to])
		b.WriteByte(' ')
	}
	at := s
	for qi := d.quoteFrom(s); qi < len(d.quotes) && d.quotes[qi].open < e && b.Len() < limit; qi++ {
		q := &d.quotes[qi]
		if q.open > at {
			add(at, q.open)
		}
		at = max(at, q.closeEnd)
	}
	if at < e && b.Len() < limit {
		add(at, e)
	}
	return b.String()
}

// minDetectWords is the fewest words of narration in Latin letters whose
// language whatlanggo is asked.
const minDetectWords = 8

// narrationEnglish tells whether text is English and whether that is
// sure: letters mostly of a script other than Latin are surely not
// English. Words in Latin letters are surely English when at least one in
// ten is one of englishWords; otherwise, of minDetectWords words or more,
// English when whatlanggo detects English, and surely not when it detects
// another language reliably or, unless strict, the text has no English
// word at all.
// Fewer than minDetectLetters letters tell nothing.
func narrationEnglish(text string, strict bool) (english, sure bool) {
	latin, other := 0, 0
	for _, r := range text {
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		default:
			other++
		}
	}
	if latin+other < minDetectLetters {
		return true, false
	}
	if other > latin {
		return false, true
	}
	// English's own small words settle it cheaply: whatlanggo's trigrams
	// can take a short English sentence of names for another language.
	words, own := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		words++
		if englishWords[strings.ToLower(w)] {
			own++
		}
	}
	if own > 0 && own*10 >= words {
		return true, true
	}
	if words < minDetectWords {
		return true, false
	}
	info := whatlanggo.Detect(text)
	if info.Lang == whatlanggo.Eng {
		return true, true
	}
	// Another language, and not one word of English's own: sure even
	// when whatlanggo cannot tell Swedish from Norwegian; but in an
	// English text (strict) a line of names and figures is too often
	// taken for another language, so there only a reliable detection
	// counts.
	if own == 0 && !strict || info.IsReliable() {
		return false, true
	}
	return true, false
}

// englishWords are words of English grammar found in nearly every
// English sentence of narration and in no other language written in Latin
// letters (not "was", "will", "an" or "die", German words too, nor "at",
// "by", "her" or "for", Scandinavian ones).
var englishWords = wordSet(`the said says told he she his they their them would with which who
	were has have had been and of that this it from not but we our you asked added there into
	after its when what could should about than`)

// unspaced reports whether r belongs to a script written without spaces
// between words (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar).
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// tokenWords is how many words the word token [s, e) counts for: one, or,
// for a run in a script written without spaces, one for every two of its
// characters (a Chinese word has one to three, most often two), so that
// a sentence in Chinese or Japanese is as long in words as its English
// translation, near enough for the extractor's rules of length.
func tokenWords(tok string) int {
	wide := false // a rune of three bytes or more, as all those scripts' are
	for i := 0; i < len(tok) && !wide; i++ {
		wide = tok[i] >= 0xe0
	}
	if !wide {
		return 1
	}
	n := 0
	for _, r := range tok {
		if unspaced(r) {
			n++
		}
	}
	return max(1, (n+1)/2)
}
