package extract

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range of the input text.
type span struct{ start, end int }

type tokKind uint8

const (
	tokWord tokKind = iota + 1
	tokPunct
)

// token is a word (letters and digits, with inner apostrophes and hyphens) or
// a single punctuation rune. Whitespace is not tokenised.
type token struct {
	start, end int
	kind       tokKind
}

// sentence is a sentence span inside paragraph para.
type sentence struct {
	start, end int
	para       int
}

// doc holds the analysis state of one Find call.
type doc struct {
	text string // the input with its quotation marks normalised, see normaliseMarks
	orig string // the input as given: what candidates quote
	// markRuns are the byte ranges normaliseMarks rewrote, in order: a
	// candidate's edge inside one is moved to its edge (see restoreText).
	markRuns []span
	pub      time.Time
	hasPub   bool
	today    time.Time // the day "today" means where findDates has reached: pub, or the last day heading
	live     bool      // the text is live coverage, see liveCoverage
	toks     []token
	lower    []string // each word token lower-cased, "" for punctuation, see lowerWord
	paras    []span
	sents    []sentence
	quotes   []quote
	openAt   map[int]int // offset of an opening mark -> quote index
	closeAt  map[int]int // offset of a closing mark -> quote index
	posts    []post
	turns    []turn // the labelled turns of a transcript, see findTurns
	// roleLabels maps a turn label's role ("The First Minister") to the
	// first label that named its holder ("The First Minister (Callum
	// Baird)"), see turnLabel.
	roleLabels map[string]string
	regions    []span // whole social post blocks: no quotes or reports inside
	shields    []span // quote interiors and post bodies: not attribution context
	dates      []dateMention
	ments      []mention
	names      nameIndex
	// foldedSurnames maps surnames with accents dropped to the people
	// who bear them, built when a post is signed by an @handle (see
	// handleOwner).
	foldedSurnames map[string][]*nameInfo
	roles          map[string][]roleHolder // role ("chancellor") -> the people tied to it, see buildRoles
	out            []found
	reported       []span      // clauses of the reported claims found, sorted, disjoint
	absorbed       []span      // reported clauses that took in the short quotations inside them
	events         []saidEvent // dated words of named speakers, in text order
	scenes         []scene     // days of the scenes the narration tells of, in text order
	// backward holds, for each sentence, whether it looks back (see
	// looksBack): 0 not yet worked out, 1 no, 2 yes.
	backward []uint8
	// cues holds, for each sentence read so far, its reporter phrases
	// and shared occasions (see reporterCues).
	cues []*sentCues
	// grammar holds, for each paragraph, whether its narration is
	// English (see englishAt); docGrammar the same for the whole text.
	grammar    []int8
	docGrammar int8
	// subjects and sayingVerbs hold, for each sentence, subjectCandidate
	// plus one and firstSayingVerb plus two: 0 not yet worked out.
	subjects    []int32
	sayingVerbs []int32

	// quoted are the people quotations were attributed to, in text
	// order, for pronouns that stand for the last person quoted.
	quoted []sourceAt
	// described and describedReported are the sources that are not
	// people ("the representative of Mali") that quotations and reported
	// clauses were attributed to, each in text order, for a pronoun in a
	// paragraph that names no one.
	described         []sourceAt
	describedReported []sourceAt
}

func newDoc(text string, published time.Time) *doc {
	d := &doc{orig: text, openAt: map[int]int{}, closeAt: map[int]int{}}
	d.text, d.markRuns = normaliseMarks(text)
	text = d.text
	if !published.IsZero() {
		y, m, day := published.Date()
		d.pub = time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
		d.hasPub = true
	}
	d.toks = tokenize(text)
	d.lower = make([]string, len(d.toks))
	for k, t := range d.toks {
		if t.kind == tokWord {
			d.lower[k] = strings.ToLower(text[t.start:t.end])
		}
	}
	d.paras = splitParagraphs(text)
	return d
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// spaceLike reports whether r separates words as a space does. Format
// characters (bidi marks and isolates, zero-width joiners) come with text
// copied from apps; they show nothing a reader sees, so they count as
// space.
func spaceLike(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// tokenize splits text into word and punctuation tokens in one pass.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if spaceLike(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{i, i + size, tokPunct})
			i += size
			continue
		}
		j := i + size
		seg := 1 // runes since the last inner period, for "U.S" and "a.m"
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += s2
				seg++
				continue
			}
			if j+s2 < len(text) {
				r3, _ := utf8.DecodeRuneInString(text[j+s2:])
				if isWordRune(r3) {
					switch r2 {
					case '\'', '’', '-', '‐', '‑':
						j += s2
						seg = 0
						continue
					case '.':
						if seg == 1 && unicode.IsLetter(r3) {
							j += s2
							seg = 0
							continue
						}
					}
				}
			}
			break
		}
		toks = append(toks, token{i, j, tokWord})
		i = j
	}
	return toks
}

// hasBlankLine reports whether text separates paragraphs with empty lines.
func hasBlankLine(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		for j := i + 1; j < len(text); j++ {
			c := text[j]
			if c == '\n' {
				return true
			}
			if c != ' ' && c != '\t' && c != '\r' {
				break
			}
		}
	}
	return false
}

// splitParagraphs returns trimmed paragraph spans. When the text has blank
// lines, paragraphs are the blocks between them; otherwise every line is one.
func splitParagraphs(text string) []span {
	block := hasBlankLine(text)
	var paras []span
	start, lastEnd := -1, 0
	for ls := 0; ls <= len(text); {
		nl := strings.IndexByte(text[ls:], '\n')
		le := len(text)
		if nl >= 0 {
			le = ls + nl
		}
		line := text[ls:le]
		body := strings.TrimLeftFunc(line, unicode.IsSpace)
		if body == "" {
			if start >= 0 {
				paras = append(paras, span{start, lastEnd})
				start = -1
			}
		} else {
			if start >= 0 && block && (startsBlockLine(body) || len(body) < len(line) && endsSentence(text[start:lastEnd])) {
				// A speaker's label, a list item, or an indented line
				// after a finished sentence, as the Congressional Record
				// sets each paragraph on an indented line of its own.
				paras = append(paras, span{start, lastEnd})
				start = -1
			}
			if !block && start >= 0 && !quoteRunsOn(text[start:lastEnd], body) {
				paras = append(paras, span{start, lastEnd})
				start = -1
			}
			if start < 0 {
				start = ls + len(line) - len(body)
			}
			lastEnd = ls + len(strings.TrimRightFunc(line, unicode.IsSpace))
		}
		if nl < 0 {
			break
		}
		ls = le + 1
	}
	if start >= 0 {
		paras = append(paras, span{start, lastEnd})
	}
	return paras
}

// quoteRunsOn reports whether, in a text of one paragraph a line, the
// line next goes on with the paragraph para: para ends with a quotation
// left open (its last quotation mark opens one) and next closes it (its
// first mark closes one, and it does not open with a mark, as each
// paragraph of a quotation running over paragraphs does). So a quotation
// broken over a line ("「…，\n…」と述べた") is one.
func quoteRunsOn(para, next string) bool {
	isMark := func(r rune) bool { return strings.ContainsRune("\"“”「」『』", r) }
	i := strings.LastIndexFunc(para, isMark)
	if i < 0 {
		return false
	}
	r, n := utf8.DecodeRuneInString(para[i:])
	prev, _ := utf8.DecodeLastRuneInString(para[:i])
	after, _ := utf8.DecodeRuneInString(para[i+n:])
	opens := r == '「' || r == '『' || r != '」' && r != '』' && i+n < len(para) &&
		(i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:：,，", prev)) && !unicode.IsSpace(after)
	j := strings.IndexFunc(next, isMark)
	if !opens || j <= 0 {
		return false
	}
	r, n = utf8.DecodeRuneInString(next[j:])
	prev, _ = utf8.DecodeLastRuneInString(next[:j])
	after, _ = utf8.DecodeRuneInString(next[j+n:])
	return r == '」' || r == '』' || r != '「' && r != '『' && !unicode.IsSpace(prev) &&
		(j+n == len(next) || unicode.IsSpace(after) || unicode.IsPunct(after))
}

// endsSentence reports whether s ends a sentence: a full stop, question or
// exclamation mark, colon, or a closing quotation mark or bracket after one.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"”’')]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, ":")
}

// startsBlockLine reports whether a line inside a block of lines opens a
// paragraph of its own even without a blank line before it: a list item
// ("- ", "• ") or a speaker's label ("Mr Ellery: …", "Q13 Chair: …"), as
// transcripts set their turns on consecutive lines.
func startsBlockLine(line string) bool {
	for _, b := range []string{"- ", "• ", "* ", "– ", "— "} {
		if strings.HasPrefix(line, b) {
			return true
		}
	}
	i := strings.IndexByte(line, ':')
	if i <= 0 || i > 60 || i+1 >= len(line) || line[i+1] != ' ' {
		return false
	}
	words := strings.Fields(line[:i])
	if len(words) == 0 || len(words) > 8 || strings.ContainsAny(line[:i], "\"“”‘’,;!?") {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '(' && !minorTitleWords[w] {
			return false
		}
	}
	return true
}

// tokAt returns the index of the first token starting at or after off.
func (d *doc) tokAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= off })
}

func (d *doc) tokText(k int) string { return d.text[d.toks[k].start:d.toks[k].end] }

func (d *doc) isWord(k int) bool {
	return k >= 0 && k < len(d.toks) && d.toks[k].kind == tokWord
}

func (d *doc) isPunct(k int, p string) bool {
	return k >= 0 && k < len(d.toks) && d.toks[k].kind == tokPunct && d.tokText(k) == p
}

func (d *doc) lowerWord(k int) string {
	if k < 0 || k >= len(d.lower) {
		return ""
	}
	return d.lower[k]
}

// attached reports whether tokens a and a+1 touch with no space between.
func (d *doc) attached(a int) bool {
	return a >= 0 && a+1 < len(d.toks) && d.toks[a].end == d.toks[a+1].start
}

// innerPeriod reports whether token k is a period glued to the words on
// both sides ("£2.3m", "example.com"), which ends no sentence.
func (d *doc) innerPeriod(k int) bool {
	return d.isPunct(k, ".") && d.attached(k-1) && d.attached(k)
}

// sameLineGap reports whether only spaces or tabs separate tokens a and a+1.
func (d *doc) sameLineGap(a int) bool {
	if a < 0 || a+1 >= len(d.toks) {
		return false
	}
	gap := d.text[d.toks[a].end:d.toks[a+1].start]
	return len(gap) <= 8 && !strings.ContainsAny(gap, "\n\r")
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isLowerStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func isDigitStart(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

func isQuoteMark(p string) bool { return p == "\"" || p == "“" || p == "”" }

// pairMark reports whether token k is the opening or closing mark of a
// quotation.
func (d *doc) pairMark(k int) bool {
	if k < 0 || k >= len(d.toks) {
		return false
	}
	_, o := d.openAt[d.toks[k].start]
	_, c := d.closeAt[d.toks[k].start]
	return o || c
}

func isTerminal(p string) bool {
	switch p {
	case ".", "!", "?", "…", "。", "！", "？", "؟", "۔", "।":
		return true
	}
	return false
}

// wideTerminal reports whether p is a full stop, exclamation or question
// mark of Chinese and Japanese, which the next sentence follows without a
// space.
func wideTerminal(p string) bool { return p == "。" || p == "！" || p == "？" }

// isAbbrevPeriod reports whether token k is a period closing an abbreviation
// ("Dr.", "Jan.") or an initial ("J."), which does not end a sentence.
func (d *doc) isAbbrevPeriod(k int) bool {
	if !d.isPunct(k, ".") || !d.isWord(k-1) || !d.attached(k-1) {
		return false
	}
	w := d.tokText(k - 1)
	if abbreviations[strings.ToLower(w)] {
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) && unicode.IsUpper(r) {
		return true
	}
	// Initials run together ("H.R. 3952", "the U.S. economy"): a number or
	// a word in lower case goes on with the sentence.
	if strings.Contains(w, ".") && len(w) <= 8 && d.isWord(k+1) && (isDigitStart(d.tokText(k+1)) || isLowerStart(d.tokText(k+1))) {
		for _, seg := range strings.Split(w, ".") {
			if utf8.RuneCountInString(seg) != 1 {
				return false
			}
		}
		return true
	}
	return false
}

// isCurrency reports whether token k is a currency sign ("$48M").
func (d *doc) isCurrency(k int) bool {
	return d.isPunct(k, "$") || d.isPunct(k, "£") || d.isPunct(k, "€")
}

// inSpans reports whether pos lies inside one of the sorted, disjoint spans.
func inSpans(spans []span, pos int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end > pos })
	return i < len(spans) && spans[i].start <= pos
}

// sentAt returns the index of the sentence containing off (or the nearest
// one before it).
func (d *doc) sentAt(off int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].end > off })
	if i >= len(d.sents) {
		i = len(d.sents) - 1
	}
	return i
}

// splitSentences cuts every paragraph into sentences. Sentence ends inside
// quotations are ignored so a quotation always lies in one sentence, and a
// quotation ending in "." or "?" followed by its attribution ("...?" Mr X
// asked) stays with it.
func (d *doc) splitSentences() {
	for pi, p := range d.paras {
		ti := d.tokAt(p.start)
		tj := d.tokAt(p.end)
		if ti >= tj {
			continue
		}
		sStart := d.toks[ti].start
		for k := ti; k < tj; k++ {
			t := d.toks[k]
			if t.kind != tokPunct || !isTerminal(d.text[t.start:t.end]) || d.isAbbrevPeriod(k) {
				continue
			}
			m := k + 1
			closed := false
			for m < tj && d.attached(m-1) && d.toks[m].kind == tokPunct {
				pt := d.tokText(m)
				if _, ok := d.closeAt[d.toks[m].start]; ok {
					closed = true
				} else if !isTerminal(pt) && pt != ")" && pt != "]" && pt != "’" && pt != "'" && pt != "”" {
					break
				}
				m++
			}
			if d.insideQuote(t.start) && !closed {
				continue
			}
			if m >= tj {
				break
			}
			if (d.attached(m-1) && !wideTerminal(d.tokText(k)) && !d.gluedSentence(k, m)) || !d.startsSentence(m) {
				k = m - 1
				continue
			}
			if closed && d.attributionAhead(m, tj) && !d.newSentenceAfterQuote(k, m, tj) {
				k = m - 1
				continue
			}
			d.sents = append(d.sents, sentence{sStart, d.toks[m-1].end, pi})
			sStart = d.toks[m].start
			k = m - 1
		}
		d.sents = append(d.sents, sentence{sStart, p.end, pi})
	}
}

// gluedSentence reports whether the full stop at token k, with the marks
// up to token m, ends a sentence that the next one follows without a space,
// as copy pasted from a web page without its line breaks does ("to resume
// Monday.Share this article", "“…reached its limit.”By 2019"): a word in
// lower case before it and a capitalised word in lower case after its
// first letter at m (or after an opening quotation mark there), so that
// "Ph.D", "U.S.Army" and "St.Adrian" stay whole.
func (d *doc) gluedSentence(k, m int) bool {
	if _, ok := d.openAt[d.toks[m].start]; ok && d.attached(m) {
		// "…within state guidelines.“We have made …": a quotation opens
		// the next sentence.
		m++
	}
	if d.tokText(k) != "." || !d.isWord(k-1) || !d.isWord(m) || !d.attached(k-1) {
		return false
	}
	prev := d.tokText(k - 1)
	if utf8.RuneCountInString(prev) < 2 || !isLowerStart(prev) {
		return false
	}
	next := d.tokText(m)
	_, n := utf8.DecodeRuneInString(next)
	return isUpperStart(next) && n < len(next) && isLowerStart(next[n:])
}

// quoteFrom returns the index of the first quotation opening at or after
// off.
func (d *doc) quoteFrom(off int) int {
	return sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].open >= off })
}

// insideQuote reports whether pos is inside a quotation's marks.
func (d *doc) insideQuote(pos int) bool {
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].close > pos })
	return i < len(d.quotes) && d.quotes[i].openEnd <= pos
}

func (d *doc) startsSentence(m int) bool {
	s := d.tokText(m)
	if d.toks[m].kind == tokWord {
		// Scripts without capitals (Chinese, Arabic, Hebrew) start
		// sentences with any letter.
		r, _ := utf8.DecodeRuneInString(s)
		return isUpperStart(s) || isDigitStart(s) || unicode.IsDigit(r) || unicode.IsLetter(r) && !unicode.IsLower(r) && !unicode.IsUpper(r)
	}
	if _, ok := d.openAt[d.toks[m].start]; ok {
		return true
	}
	return s == "(" || s == "‘" || s == "¿" || s == "¡"
}

// attributionAhead reports whether the words from token m on are an
// attribution such as "Mr Sessions said" or "asked Dr. Kim".
func (d *doc) attributionAhead(m, limit int) bool {
	for k, n := m, 0; k < limit && n < 7; k++ {
		if d.toks[k].kind == tokPunct {
			if d.isAbbrevPeriod(k) {
				continue
			}
			return false
		}
		n++
		w := d.tokText(k)
		lw := strings.ToLower(w)
		if lw == "according" && d.lowerWord(k+1) == "to" {
			return true
		}
		if f, ok := verbs[lw]; ok && f&vParticiple == 0 && (isLowerStart(w) || k == m) {
			return true
		}
	}
	return false
}

// newSentenceAfterQuote reports whether the capitalised words at m after a
// quotation closed by a full stop at k begin a sentence of their own
// although they open like an attribution: "… ride.” She said Tuesday night
// that she would not challenge the result." An attribution that follows its
// quotation ends within a few words of its verb ("….” Mr Sessions said.");
// a full stop inside the marks ends the quotation's sentence when the
// words after the verb run on.
func (d *doc) newSentenceAfterQuote(k, m, limit int) bool {
	if d.tokText(k) != "." || !isUpperStart(d.tokText(m)) || verbs[d.lowerWord(m)] != 0 {
		return false
	}
	v := -1
	for j, n := m, 0; j < limit && n < 7; j++ {
		if !d.isWord(j) {
			continue
		}
		n++
		if f, ok := verbs[d.lowerWord(j)]; ok && f&vParticiple == 0 {
			v = j
			break
		}
	}
	if v < 0 {
		return false
	}
	for j, n := v+1, 0; j < limit; j++ {
		if !d.isWord(j) {
			if d.isAbbrevPeriod(j) {
				continue
			}
			return false
		}
		if n++; n > 4 {
			return true
		}
	}
	return false
}

// trimSpan shrinks [s, e) past surrounding white space and the given
// punctuation runes, keeping rune boundaries.
func (d *doc) trimSpan(s, e int, cut string) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(d.text[s:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune(cut, r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(d.text[s:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune(cut, r) {
			break
		}
		e -= size
	}
	return s, e
}

// clean collapses runs of white space in s to single spaces.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// countWords counts word tokens in [s, e), stopping at max.
func (d *doc) countWords(s, e, max int) int {
	n := 0
	for k := d.tokAt(s); k < len(d.toks) && d.toks[k].start < e && n < max; k++ {
		if d.toks[k].kind == tokWord && d.toks[k].end <= e {
			n += tokenWords(d.tokText(k))
		}
	}
	return n
}

// normaliseMarks returns text with the quotation marks of other languages'
// styles written as the English ones the extractor reads, and the byte
// ranges it rewrote. Each run keeps its length, so offsets outside the runs
// point at the same place in text, and a run's edges are the edges of the
// marks (and spaces) it replaced.
//
//   - German „…“ and ‚…‘, Polish and Hungarian „…”: the low opening mark
//     becomes “ or ‘, a closing “ or ” is read by its place, and the ‘
//     that closes a ‚ becomes ’.
//   - Guillemets «…», »…« and ‹…›, with or without a no-break space
//     inside them (« … » as French and Swiss papers set them): a
//     guillemet opens when a word follows it and closes when one comes
//     before it; one with spaces on both sides ("Home » News") is no
//     quotation mark, unless it is a « with an ordinary space inside
//     whose » follows in the same paragraph, as French copy pasted from
//     the web sets them.
//   - Hebrew gershayim ״…״ become straight marks; between two letters
//     (צה״ל) the mark is an acronym's and stays.
//   - A quotation inside guillemets or „…“ is a quotation inside a
//     quotation (« … “ … ” … », „ … « … » … “): its marks become single
//     ones, as English nests them, so that the outer one is the
//     candidate.
//
// Chinese and Japanese corner brackets need no rewriting: see
// pairBrackets.
func normaliseMarks(text string) (string, []span) {
	if !strings.ContainsAny(text, "„‚«»‹›״") {
		return text, nil
	}
	b := []byte(text)
	var runs []span
	rewrite := func(s, e int, m rune, closing bool) {
		fill(b[s:e], m, closing)
		runs = append(runs, span{s, e})
	}
	const (
		outNone   = iota
		outGuill  // inside «…» (or »…«)
		outLowDbl // inside „…“
	)
	outer := outNone
	inner := false     // a quotation is open inside the outer one
	spaced := false    // the open guillemet had an ordinary space inside
	lowSingle := false // a ‚ is open: the next ‘ after a word closes it
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n':
			if j := strings.IndexByte(text[i+1:], '\n'); j >= 0 && strings.TrimSpace(text[i+1:i+1+j]) == "" {
				// A blank line: no quotation stays open past it.
				outer, inner, spaced, lowSingle = outNone, false, false, false
			}
		case '„':
			switch outer {
			case outGuill:
				rewrite(i, i+n, '‘', false)
				inner = true
			default:
				rewrite(i, i+n, '“', false)
				outer = outLowDbl
			}
		case '“', '”':
			switch {
			case outer == outGuill && (inner || r == '”'):
				rewrite(i, i+n, '’', true)
				inner = false
			case outer == outGuill:
				rewrite(i, i+n, '‘', false)
				inner = true
			case outer == outLowDbl:
				outer = outNone // its closing mark, read by its place
			}
		case '‚':
			rewrite(i, i+n, '‘', false)
			lowSingle = true
		case '‘':
			if prev, _ := utf8.DecodeLastRuneInString(text[:i]); lowSingle && i > 0 && !unicode.IsSpace(prev) {
				rewrite(i, i+n, '’', true)
				lowSingle = false
			}
		case '״':
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if i > 0 && isWordRune(prev) && isWordRune(next) {
				break // an acronym: צה״ל
			}
			if i > 0 && !unicode.IsSpace(prev) {
				rewrite(i, i+n, '"', true)
			} else if i+n < len(text) && !unicode.IsSpace(next) {
				rewrite(i, i+n, '"', false)
			}
		case '«', '»', '‹', '›':
			double := r == '«' || r == '»'
			next, nn := utf8.DecodeRuneInString(text[i+n:])
			gap := 0 // a no-break space inside the mark
			if noBreakSpace(next) || next == ' ' && r == '«' && outer == outNone && spacedPair(text, i+n) {
				gap = nn
				spaced = next == ' '
				next, _ = utf8.DecodeRuneInString(text[i+n+nn:])
			}
			prev, pn := utf8.DecodeLastRuneInString(text[:i])
			pgap := 0
			if i > 0 && (noBreakSpace(prev) || prev == ' ' && spaced && r == '»' && outer == outGuill) {
				pgap = pn
				prev, _ = utf8.DecodeLastRuneInString(text[:i-pn])
			}
			opens := i+n+gap < len(text) && !unicode.IsSpace(next) &&
				(i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:;,", prev))
			closes := !opens && i-pgap > 0 && !unicode.IsSpace(prev)
			// Guillemets inside „…“ are a quotation inside a quotation.
			mark := markFor(double, closes)
			if double && outer == outLowDbl {
				mark = '\''
			}
			switch {
			case opens:
				// "«x" → ` "x`, "« x" → `   "x`: the mark against its word.
				rewrite(i, i+n+gap, mark, false)
				if double && outer == outNone {
					outer, inner = outGuill, false
				}
			case closes:
				rewrite(i-pgap, i+n, mark, true)
				if double && outer == outGuill {
					outer, inner, spaced = outNone, false, false
				}
			}
			i += n + gap
			continue
		}
		i += n
	}
	if runs == nil {
		return text, nil // "Home » News": nothing was a quotation mark
	}
	return string(b), runs
}

// spacedPair reports whether the « whose inside starts at i, with an
// ordinary space after it, is closed by a » with a space before it in the
// same paragraph, before any other «.
func spacedPair(text string, i int) bool {
	for j := i; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch r {
		case '«':
			return false
		case '»':
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			return j > i+1 && unicode.IsSpace(prev)
		case '\n':
			if k := strings.IndexByte(text[j+1:], '\n'); k >= 0 && strings.TrimSpace(text[j+1:j+1+k]) == "" {
				return false
			}
		}
		j += n
	}
	return false
}

// noBreakSpace reports whether r is a space that French typography sets
// inside guillemets: no-break, narrow no-break or thin.
func noBreakSpace(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2009' }

// markFor is the English mark a guillemet is read as.
func markFor(double, closing bool) rune {
	switch {
	case double:
		return '"'
	case closing:
		return '’'
	}
	return '‘'
}

// fill writes the mark m into dst, against its end when opening (spaces
// before it) or against its start when closing (spaces after it).
func fill(dst []byte, m rune, closing bool) {
	mark := string(m)
	for i := range dst {
		dst[i] = ' '
	}
	if len(mark) > len(dst) {
		return // no room: the spaces alone
	}
	if closing {
		copy(dst, mark)
	} else {
		copy(dst[len(dst)-len(mark):], mark)
	}
}

// snapOut moves offset off out of the mark run it falls inside, if any: to
// the run's start when down, else to its end.
func snapOut(runs []span, off int, down bool) int {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].end > off })
	if i == len(runs) || off <= runs[i].start {
		return off
	}
	if down {
		return runs[i].start
	}
	return runs[i].end
}
