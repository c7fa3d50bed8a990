package extract

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// quote is one quotation found between quotation marks.
type quote struct {
	open, openEnd   int // opening mark
	close, closeEnd int // closing mark; both equal the paragraph end when unclosed
	unclosed        bool
	qs, qe          int  // trimmed content: the candidate's Quote
	lastRune        rune // last non-space rune inside the marks, before trimming
	para            int
	prev, next      int // multi-paragraph chain links, -1 when none

	attr attribution
}

// attribution says who a quotation is attributed to and where.
type attribution struct {
	found     bool
	inherited bool
	verb      int // token index of the attribution verb, -1 when none
	present   bool
	speaker   string
	person    bool // speaker is a person's name (usable for "he"/"she" later)
	gender    int8
	conf      string // a Confidence constant
}

// pairQuotes finds quotation mark pairs paragraph by paragraph, double
// marks ("…", “…”) and single ones (‘…’, '…', the British style and the
// marks of a quotation inside another), then keeps the outermost: a
// quotation inside another is part of that one's words, not a claim of its
// own. Chains of quotations running over several paragraphs are linked.
func (d *doc) pairQuotes() {
	var raw []rawQuote
	for pi, p := range d.paras {
		raw = d.pairDouble(raw, pi, p)
		raw = d.pairSingle(raw, pi, p)
		raw = d.pairBrackets(raw, pi, p)
	}
	for _, q := range outermost(raw) {
		d.addQuote(q.para, q.open, q.openEnd, q.close, q.closeEnd, q.unclosed)
	}
	// Chain quotations that run over paragraph breaks.
	for qi := range d.quotes {
		q := &d.quotes[qi]
		if !q.unclosed || qi+1 >= len(d.quotes) {
			continue
		}
		n := &d.quotes[qi+1]
		if n.para == q.para+1 && n.open == d.paras[n.para].start {
			q.next, n.prev = qi+1, qi
		}
	}
}

// rawQuote is a pair of quotation marks before nested pairs are dropped.
type rawQuote struct {
	para                           int
	open, openEnd, close, closeEnd int
	unclosed, single               bool
}

// outermost sorts the pairs by their opening mark and drops every pair that
// lies inside another or crosses one; where a single pair crosses a double
// one, the single marks were apostrophes and the double pair stays.
func outermost(raw []rawQuote) []rawQuote {
	sort.SliceStable(raw, func(i, j int) bool { return raw[i].open < raw[j].open })
	keep := make([]bool, len(raw))
	for i := range raw {
		keep[i] = true
	}
	for i := range raw {
		for j := i + 1; j < len(raw) && raw[j].open < raw[i].closeEnd; j++ {
			switch {
			case raw[j].closeEnd <= raw[i].closeEnd: // j inside i
				keep[j] = false
			case raw[j].single && !raw[i].single:
				keep[j] = false
			default:
				keep[i] = false
			}
		}
	}
	out := raw[:0]
	for i, q := range raw {
		if keep[i] {
			out = append(out, q)
		}
	}
	return out
}

// neighbours returns the runes before and after the mark at [i, i+size) in
// paragraph p, a space at either end.
func (d *doc) neighbours(p span, i, size int) (prev, next rune) {
	prev, next = ' ', ' '
	if i > p.start {
		prev, _ = utf8.DecodeLastRuneInString(d.text[p.start:i])
	}
	if i+size < p.end {
		next, _ = utf8.DecodeRuneInString(d.text[i+size : p.end])
	}
	return prev, next
}

// pairDouble pairs the double quotation marks of paragraph p. Straight
// marks are classified as opening or closing by their neighbours; curly
// marks by their shape when the neighbours do not decide. A quotation still
// open at the end of the paragraph runs to its end (the usual style of a
// quotation running over several paragraphs).
func (d *doc) pairDouble(raw []rawQuote, pi int, p span) []rawQuote {
	open, openLen := -1, 0
	for i := p.start; i < p.end; {
		r, size := utf8.DecodeRuneInString(d.text[i:])
		if r != '"' && r != '“' && r != '”' || inSpans(d.regions, i) {
			i += size
			continue
		}
		prev, next := d.neighbours(p, i, size)
		ctxOpen := (unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:;,‘'", prev)) && !unicode.IsSpace(next)
		ctxClose := !unicode.IsSpace(prev) && (unicode.IsSpace(next) || strings.ContainsRune(".,;:!?)]}—–-…'’/\"“”", next))
		var isOpen bool
		switch {
		case ctxOpen && !ctxClose:
			isOpen = true
		case ctxClose && !ctxOpen:
			isOpen = false
		case r == '“':
			isOpen = true
		case r == '”':
			isOpen = false
		case ctxOpen && ctxClose:
			isOpen = open < 0
		default:
			i += size
			continue
		}
		if isOpen {
			open, openLen = i, size
		} else if open >= 0 {
			raw = append(raw, rawQuote{para: pi, open: open, openEnd: open + openLen, close: i, closeEnd: i + size})
			open = -1
		}
		i += size
	}
	if open >= 0 {
		raw = append(raw, rawQuote{para: pi, open: open, openEnd: open + openLen, close: p.end, closeEnd: p.end, unclosed: true})
	}
	return raw
}

// pairBrackets pairs the corner brackets of Chinese and Japanese, 「…」
// and 『…』 (the second inside the first, or a title), in paragraph p.
// Their shape says which opens, and no word is written next to them with
// a space, so they are paired as written, nested ones inside; one left
// open runs to the paragraph's end.
func (d *doc) pairBrackets(raw []rawQuote, pi int, p span) []rawQuote {
	if !strings.ContainsAny(d.text[p.start:p.end], "「『") {
		return raw
	}
	var open []int
	for i := p.start; i < p.end; {
		r, n := utf8.DecodeRuneInString(d.text[i:])
		switch {
		case r != '「' && r != '『' && r != '」' && r != '』' || inSpans(d.regions, i):
		case r == '「' || r == '『':
			open = append(open, i)
		case len(open) > 0:
			o := open[len(open)-1]
			open = open[:len(open)-1]
			raw = append(raw, rawQuote{para: pi, open: o, openEnd: o + d.markLen(o), close: i, closeEnd: i + n})
		}
		i += n
	}
	if len(open) > 0 {
		o := open[0]
		raw = append(raw, rawQuote{para: pi, open: o, openEnd: o + d.markLen(o), close: p.end, closeEnd: p.end, unclosed: true})
	}
	return raw
}

// elisions are words written with a leading apostrophe ('em, ’til), which
// is not an opening quotation mark.
var elisions = wordSet(`em til tis twas cause n bout round`)

// pairSingle pairs the single quotation marks of paragraph p. The closing
// mark is also the apostrophe, so a mark counts as closing by its
// neighbours only: inside a word ("don’t") it is an apostrophe; after a
// word and before a space it may close a quotation or end a plural
// possessive ("the councils’ budget"), a weak close; after punctuation
// (",’ she said") or before punctuation or the paragraph's end it closes,
// a strong close. An open quotation takes the first strong close, or the
// last weak one before a new quotation opens or the paragraph ends. A
// quotation left open with no close counts only when it starts its
// paragraph (a quotation running over paragraphs); elsewhere the mark was
// an apostrophe ("’90s").
func (d *doc) pairSingle(raw []rawQuote, pi int, p span) []rawQuote {
	open, weak := -1, -1
	closeAt := func(at, n int) {
		raw = append(raw, rawQuote{para: pi, open: open, openEnd: open + d.markLen(open), close: at, closeEnd: at + n, single: true})
	}
	for i := p.start; i < p.end; {
		r, n := utf8.DecodeRuneInString(d.text[i:])
		if r != '\'' && r != '‘' && r != '’' || inSpans(d.regions, i) {
			i += n
			continue
		}
		prev, next := d.neighbours(p, i, n)
		if isWordRune(prev) && isWordRune(next) {
			i += n // an apostrophe inside a word
			continue
		}
		canOpen := r != '’' && (unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:;“\"", prev)) &&
			!unicode.IsSpace(next) && !d.elisionAt(i+n)
		canClose := r != '‘' && !unicode.IsSpace(prev) && i > p.start &&
			(unicode.IsSpace(next) || strings.ContainsRune(".,;:!?)]}—–-…\"”", next) || i+n >= p.end)
		strong := canClose && (strings.ContainsRune(",.?!…—–-", prev) || !unicode.IsSpace(next) || i+n >= p.end)
		switch {
		case open >= 0 && strong:
			closeAt(i, n)
			open, weak = -1, -1
		case open >= 0 && canClose:
			weak = i
		case canOpen:
			if open >= 0 && weak >= 0 {
				closeAt(weak, d.markLen(weak))
			}
			open, weak = i, -1
		}
		i += n
	}
	switch {
	case open >= 0 && weak >= 0:
		closeAt(weak, d.markLen(weak))
	case open == p.start || open >= 0 && d.runsOver(pi, open):
		raw = append(raw, rawQuote{para: pi, open: open, openEnd: open + d.markLen(open), close: p.end, closeEnd: p.end, unclosed: true, single: true})
	}
	return raw
}

// runsOver reports whether the single mark at open, left open in
// paragraph pi, begins a quotation running over paragraphs although it
// does not start its own: it follows a colon (`Janet Ward said: ‘Tom spent
// twelve years …`) and the next paragraph opens with a single mark, as
// each paragraph of a running quotation does.
func (d *doc) runsOver(pi, open int) bool {
	if pi+1 >= len(d.paras) || !strings.HasSuffix(strings.TrimRight(d.text[d.paras[pi].start:open], " \t"), ":") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.text[d.paras[pi+1].start:])
	return r == '\'' || r == '‘'
}

// markLen is the length in bytes of the quotation mark at i.
func (d *doc) markLen(i int) int {
	_, n := utf8.DecodeRuneInString(d.text[i:])
	return n
}

// elisionAt reports whether the word at byte i is one written with a
// leading apostrophe, or a decade ("'90s").
func (d *doc) elisionAt(i int) bool {
	j := i
	for j < len(d.text) {
		r, n := utf8.DecodeRuneInString(d.text[j:])
		if !isWordRune(r) {
			break
		}
		j += n
	}
	w := strings.ToLower(d.text[i:j])
	if elisions[w] {
		return true
	}
	return len(w) == 3 && isDigitStart(w) && w[2] == 's'
}

func (d *doc) addQuote(pi, open, openEnd, close, closeEnd int, unclosed bool) {
	q := quote{open: open, openEnd: openEnd, close: close, closeEnd: closeEnd,
		unclosed: unclosed, para: pi, prev: -1, next: -1}
	s, e := d.trimSpan(openEnd, close, "")
	if s < e {
		q.lastRune, _ = utf8.DecodeLastRuneInString(d.text[s:e])
	}
	q.qs, q.qe = d.trimSpan(openEnd, close, ",")
	// A single final period belongs to the sentence, not the claim; keep
	// "..." and abbreviations such as "U.S.".
	if q.qe-q.qs >= 2 && d.text[q.qe-1] == '.' && d.text[q.qe-2] != '.' && !d.endsWithAbbrev(q.qs, q.qe-1) {
		q.qs, q.qe = d.trimSpan(q.qs, q.qe-1, ",")
	}
	if q.qs >= q.qe {
		return
	}
	d.openAt[open] = len(d.quotes)
	if !unclosed {
		d.closeAt[close] = len(d.quotes)
	}
	d.quotes = append(d.quotes, q)
}

// quoteCandidates attributes every quotation, dates it, joins the pieces of
// quotations split by their attribution and emits the candidates.
func (d *doc) quoteCandidates() {
	for qi := range d.quotes {
		q := &d.quotes[qi]
		si := d.sentAt(q.open)
		q.attr = d.attribute(qi, si)
		if !q.attr.found && qi > 0 {
			// A quotation continuing an attributed one in the same paragraph
			// or the previous paragraph of the same chain.
			pq := &d.quotes[qi-1]
			if pq.attr.found && (q.prev == qi-1 || (pq.para == q.para && d.continues(pq, q))) {
				q.attr = inherit(pq.attr)
			}
		}
		if !q.attr.found {
			q.attr = d.paragraphSpeaker(qi)
		}
		if q.attr.found && !d.englishAt(q.open) {
			// Not English: found, but the speaker is not guessed.
			q.attr = attribution{verb: -1}
		}
		if q.attr.found && q.attr.person && q.attr.speaker != "" {
			d.quoted = append(d.quoted, sourceAt{q.open, q.attr.speaker, q.attr.gender})
		} else if q.attr.found && q.attr.speaker != "" {
			d.described = append(d.described, sourceAt{q.open, q.attr.speaker, genderAny})
		}
	}
	// The attribution of a multi-paragraph quotation often comes in its last
	// paragraph; pass it back to the earlier ones.
	for qi := len(d.quotes) - 1; qi >= 0; qi-- {
		q := &d.quotes[qi]
		if !q.attr.found && q.next >= 0 && d.quotes[q.next].attr.found && d.englishAt(q.open) {
			q.attr = inherit(d.quotes[q.next].attr)
		}
	}
	d.ownUnnamedScenes()
	saidAt := make([]*time.Time, len(d.quotes))
	dateSrc := make([]string, len(d.quotes))
	for qi := range d.quotes {
		q := &d.quotes[qi]
		si := d.sentAt(q.open)
		anchor := q.open
		if q.attr.verb >= 0 {
			anchor = d.toks[q.attr.verb].start
		}
		excl := span{q.qs, q.qe}
		if q.attr.inherited {
			saidAt[qi], dateSrc[qi] = d.inheritedDate(qi, anchor, si, excl, saidAt, dateSrc)
		}
		if dateSrc[qi] == "" {
			speaker := ""
			if q.attr.person {
				speaker = q.attr.speaker
			}
			saidAt[qi], dateSrc[qi] = d.saidAt(anchor, si, excl, q.attr.present && !q.attr.inherited, speaker)
		}
		if t := saidAt[qi]; t != nil && q.attr.person && q.attr.speaker != "" && (dateSrc[qi] == DateStated || dateSrc[qi] == DateCarried) && !d.looksBack(si) {
			d.events = append(d.events, saidEvent{pos: anchor, para: q.para, speaker: q.attr.speaker, t: *t})
		}
	}
	for qi := 0; qi < len(d.quotes); qi++ {
		q := &d.quotes[qi]
		last := qi
		for last+1 < len(d.quotes) && d.splitAfter(last) {
			last++
		}
		if !d.keepQuote(q) {
			qi = last
			continue
		}
		c := Candidate{
			Quote:             d.text[q.qs:q.qe],
			Speaker:           q.attr.speaker,
			SpeakerConfidence: q.attr.conf,
			SaidAt:            saidAt[qi],
			DateSource:        dateSrc[qi],
			Start:             q.qs,
			End:               q.qe,
			Kind:              KindQuote,
		}
		if c.SpeakerConfidence == "" || c.Speaker == "" {
			c.SpeakerConfidence = ConfidenceNone
		}
		if last > qi {
			// One quotation split by its attribution: one candidate.
			c.Parts = []Span{{q.qs, q.qe}}
			for _, n := range d.quotes[qi+1 : last+1] {
				c.Quote += " " + d.text[n.qs:n.qe]
				c.Parts = append(c.Parts, Span{n.qs, n.qe})
				c.End = n.qe
			}
		}
		s := d.sents[d.sentAt(q.open)]
		d.emit(c, s.start, max(s.end, c.End))
		qi = last
	}
}

// paragraphSpeaker attributes quotation qi when it stands alone as a
// paragraph with no attribution, as news copy runs a speaker's words on:
//
//   - after a paragraph whose last quotation has a speaker (a person, a
//     role, a body) and that names nobody else after it, the quotation is
//     that speaker's too (their
//     words go on: "“We were hit hard,” Mitchum told analysts. ¶ “But the
//     actions we took …”");
//   - after a paragraph of narration that names one person alone
//     ("Garrity did not back down. ¶ “I stand by the video.”"), it is that
//     person's, with low confidence.
func (d *doc) paragraphSpeaker(qi int) attribution {
	q := &d.quotes[qi]
	if a := d.sentenceSpeaker(qi); a.found {
		return a
	}
	if q.para == 0 || !d.quoteParagraph(q) {
		return attribution{}
	}
	prev := d.paras[q.para-1]
	from := prev.start
	if a := d.introducedBefore(qi, prev); a.found {
		return a
	}
	if qi > 0 && d.quotes[qi-1].para == q.para-1 {
		pq := &d.quotes[qi-1]
		if !pq.attr.found || pq.attr.speaker == "" {
			return attribution{}
		}
		if m, n := d.peopleIn(pq.closeEnd, prev.end); n == 0 || (n == 1 && pq.attr.person && d.mentionName(m) == pq.attr.speaker) {
			return inherit(pq.attr)
		}
		return attribution{}
	}
	m, n := d.peopleIn(from, prev.end)
	if n != 1 {
		return attribution{}
	}
	return attribution{found: true, verb: -1, speaker: d.mentionName(m), person: true, gender: d.mentionGender(m), conf: ConfidenceLow}
}

// sentenceSpeaker attributes quotation qi when it is a sentence of its
// own after narration in the same paragraph that names one person alone:
// "CM Ortiz says the city has spent $1.4M on the study. “We paid a lot of
// money for a study that tells us to raise rates.”" The narration names
// who goes on speaking, as in paragraphSpeaker; confidence is low.
func (d *doc) sentenceSpeaker(qi int) attribution {
	q := &d.quotes[qi]
	p := d.paras[q.para]
	if qi > 0 && d.quotes[qi-1].para == q.para || strings.TrimSpace(d.text[p.start:q.open]) == "" {
		return attribution{}
	}
	s := d.sents[d.sentAt(q.open)]
	if strings.TrimSpace(d.text[s.start:q.open]) != "" || !q.unclosed && strings.Trim(d.text[q.closeEnd:s.end], " \t\r\n.,;:!?…") != "" {
		return attribution{}
	}
	m, n := d.peopleIn(p.start, q.open)
	if n != 1 {
		return attribution{}
	}
	return attribution{found: true, verb: -1, speaker: d.mentionName(m), person: true, gender: d.mentionGender(m), conf: ConfidenceLow}
}

// introducedBefore reads the paragraph before quotation qi when it ends by
// introducing it ("In a victim impact statement, Emily's mother, Linda
// Shaw, said:"), as an attribution before the quotation's opening mark.
func (d *doc) introducedBefore(qi int, prev span) attribution {
	if !strings.HasSuffix(strings.TrimRight(d.text[prev.start:prev.end], " \t"), ":") {
		return attribution{}
	}
	return d.preAttribution(qi, d.sents[d.sentAt(prev.end-1)].start)
}

// quoteParagraph reports whether quotation q is its paragraph: it opens the
// paragraph and nothing but punctuation follows it.
func (d *doc) quoteParagraph(q *quote) bool {
	p := d.paras[q.para]
	if strings.TrimSpace(d.text[p.start:q.open]) != "" {
		return false
	}
	if q.unclosed {
		return true
	}
	return strings.Trim(d.text[q.closeEnd:p.end], " \t\r\n.,;:!?…") == ""
}

// peopleIn returns the first mention of a person in [s, e) and how many
// different people are named there (counting up to 2).
func (d *doc) peopleIn(s, e int) (*mention, int) {
	var first *mention
	who := ""
	for i := d.mentionFrom(s); i < len(d.ments) && d.ments[i].start < e; i++ {
		m := &d.ments[i]
		if !m.person || m.shielded {
			continue
		}
		if first == nil {
			first, who = m, d.mentionName(m)
		} else if d.mentionName(m) != who {
			return first, 2
		}
	}
	if first == nil {
		return nil, 0
	}
	return first, 1
}

// inherit is the attribution a quotation takes from the one it continues.
func inherit(a attribution) attribution {
	a.inherited = true
	a.verb = -1
	if a.speaker != "" && a.conf == ConfidenceHigh {
		a.conf = ConfidenceMedium
	}
	return a
}

// inheritedDate dates a quotation that continues the speech of an earlier
// one: a date of its own, else the date of the earlier quotation of the
// same speaker. An empty source means neither was found.
func (d *doc) inheritedDate(qi, anchor, si int, excl span, saidAt []*time.Time, dateSrc []string) (*time.Time, string) {
	if t, ok := d.statedDate(anchor, si, excl); ok {
		return dated(t, DateStated)
	}
	q := &d.quotes[qi]
	for pj := qi - 1; pj >= 0 && pj >= qi-50; pj-- {
		if d.quotes[pj].attr.speaker != q.attr.speaker || dateSrc[pj] == "" {
			continue
		}
		if dateSrc[pj] == DateStated {
			return saidAt[pj], DateCarried
		}
		return saidAt[pj], dateSrc[pj]
	}
	return nil, ""
}

// splitAfter reports whether quotation qi+1 is the second piece of
// quotation qi split by its attribution: `"We will win," she said,
// "because the numbers are on our side."`. The first piece ends with a
// comma or dash, the attribution between them ends with a comma or colon,
// and no sentence ends in between.
func (d *doc) splitAfter(qi int) bool {
	q, n := &d.quotes[qi], &d.quotes[qi+1]
	if q.unclosed || n.para != q.para || !q.attr.found || q.attr.verb < 0 || d.toks[q.attr.verb].start < q.closeEnd {
		return false
	}
	if !strings.ContainsRune(",—–-", q.lastRune) && !d.isPunct(d.tokAt(q.closeEnd), ",") {
		return false
	}
	if n.attr.found && !n.attr.inherited && n.attr.verb != q.attr.verb {
		return false
	}
	e := d.tokAt(n.open) - 1
	if !d.isPunct(e, ",") && !d.isPunct(e, ":") {
		return false
	}
	for k := d.tokAt(q.closeEnd); k < e; k++ {
		if d.toks[k].kind == tokPunct && isTerminal(d.tokText(k)) && !d.isAbbrevPeriod(k) {
			return false
		}
	}
	return true
}

// continues reports whether quotation q continues the speech of pq in the
// same paragraph: it opens its own sentence (`"A," he said. "B."`), or it
// follows in the same sentence with no attribution of its own (`"A" and
// "B"`, `said "A" and that its authors had "B"`), unless it is a lone word.
func (d *doc) continues(pq, q *quote) bool {
	if d.sents[d.sentAt(q.open)].start == q.open {
		return true
	}
	if d.sentAt(pq.open) != d.sentAt(q.open) || pq.closeEnd > q.open {
		return false
	}
	return d.countWords(pq.closeEnd, q.open, 3) <= 2 || d.countWords(q.qs, q.qe, 2) >= 2
}

// keepQuote decides whether a quotation is a claim candidate. Not: an
// empty one; a greeting or thanks; a question alone; a quotation in the
// headline (the body quotes it in full); a short fragment without a verb
// or subject of its own inside narration ("a \"rotten state of affairs\"",
// claimed "qualified immunity"), whether attributed or not. Unattributed
// quotations need three or more words, must not look like a title, and must
// be closed (or continue a chain).
func (d *doc) keepQuote(q *quote) bool {
	words := d.countWords(q.qs, q.qe, 7)
	if words == 0 || d.pleasantry(q.qs, q.qe) || d.question(q) || d.inHeadline(q.open) {
		return false
	}
	if d.fragment(q, words) {
		return false
	}
	if q.attr.found {
		return true
	}
	if q.unclosed && q.next < 0 && q.prev < 0 {
		return false
	}
	if words < 3 {
		return false
	}
	return !d.titleCase(q.qs, q.qe)
}

// pleasantries open greetings and thanks, which are not claims.
var pleasantries = []string{"thank you", "thanks", "good morning", "good afternoon", "good evening",
	"hello", "hi ", "welcome", "great to be here", "it's great to be", "it’s great to be",
	"pleasure to be", "happy to be here", "glad to be here", "my pleasure", "you're welcome", "you’re welcome"}

// pleasantry reports whether text[s:e] is a short greeting, thanks or
// introduction of oneself ("I am Sunita Varma, director of …").
func (d *doc) pleasantry(s, e int) bool {
	if d.countWords(s, e, 13) > 12 {
		return false
	}
	lw := strings.ToLower(d.text[s:e])
	for _, intro := range []string{"i am ", "i'm ", "i’m ", "my name is "} {
		// lw is text[s:e] lower-cased: the same length for these letters.
		if strings.HasPrefix(lw, intro) && s+len(intro) <= e {
			if rest := d.text[s+len(intro) : e]; isUpperStart(rest) && !strings.HasPrefix(rest, "I ") {
				return true
			}
		}
	}
	for _, p := range pleasantries {
		if strings.HasPrefix(lw, p) {
			return true
		}
	}
	return false
}

// question reports whether a quotation is one question and nothing else.
func (d *doc) question(q *quote) bool {
	if q.lastRune != '?' && q.lastRune != '？' && q.lastRune != '؟' {
		return false
	}
	for k := d.tokAt(q.qs); k < len(d.toks) && d.toks[k].start < q.qe; k++ {
		if d.toks[k].kind == tokPunct && d.toks[k].end < q.qe && isTerminal(d.tokText(k)) && !d.isAbbrevPeriod(k) {
			return false
		}
	}
	return true
}

// inHeadline reports whether pos lies in the article's headlines: the
// paragraphs that open it, of at most twenty words each, that do not end a
// sentence (a closing quotation mark after the full stop still ends it):
// a headline, a show's or a series' title, an episode's, in a text of
// more paragraphs. Only the first three paragraphs can be headlines.
func (d *doc) inHeadline(pos int) bool {
	for i, p := range d.paras {
		if i >= 3 || i+1 >= len(d.paras) || d.countWords(p.start, p.end, 21) > 20 {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(d.text[p.start:p.end], "\"”’') \t」』"))
		if strings.ContainsRune(".!…:。！？：؟", last) {
			return false
		}
		if pos < p.end {
			return pos >= p.start
		}
	}
	return false
}

// statementWords mark words that make a quotation a statement: auxiliaries,
// copulas, modals, negations and subject pronouns.
var statementWords = wordSet(`is are was were be been being am will would shall should can could
	may might must do does did has have had not never no i we you he she they it there this
	that who which won't can't don't isn't aren't wasn't weren't hasn't haven't didn't doesn't
	couldn't wouldn't shouldn't we're we've we'll i'm i've i'll it's that's there's they're
	they've you're won’t can’t don’t isn’t aren’t wasn’t weren’t hasn’t haven’t didn’t doesn’t
	couldn’t wouldn’t shouldn’t we’re we’ve we’ll i’m i’ve i’ll it’s that’s there’s they’re
	they’ve you’re`)

// fragment reports whether a quotation of words words (counted up to 7) is
// a piece of narration rather than a statement: it neither opens its
// sentence nor follows an introduction (a colon, a comma, "that"), has no
// word that makes a clause, and is at most four words, or at most six after
// a determiner or a naming verb ("a \"rotten state of affairs\"", "called
// it \"a betrayal of trust\"").
func (d *doc) fragment(q *quote, words int) bool {
	if words > 6 || q.unclosed || q.prev >= 0 {
		return false
	}
	for k := d.tokAt(q.qs); k < len(d.toks) && d.toks[k].start < q.qe; k++ {
		if d.isWord(k) && statementWords[d.lowerWord(k)] {
			return false
		}
	}
	b := d.tokAt(q.open) - 1
	if b < 0 || d.sents[d.sentAt(q.open)].start == q.open {
		return false
	}
	switch p := d.lowerWord(b); {
	case d.toks[b].kind == tokPunct && strings.Contains(",:—–-(", d.tokText(b)):
		return false
	case p == "that" || p == "saying":
		return false
	case determiners[p] || p == "so-called" || p == "my" || p == "your" || verbs[p]&vNaming != 0:
		return true
	}
	return words <= 4
}

// titleCase reports whether a short quotation capitalises all its main
// words, as titles and slogans do ("Make America Great Again").
func (d *doc) titleCase(s, e int) bool {
	n := 0
	for k := d.tokAt(s); k < len(d.toks) && d.toks[k].start < e; k++ {
		if d.toks[k].kind != tokWord {
			continue
		}
		n++
		if n > 8 {
			return false
		}
		w := d.tokText(k)
		if !isUpperStart(w) && !isDigitStart(w) && !particles[w] && !minorTitleWords[w] {
			return false
		}
	}
	return n > 0
}

var minorTitleWords = wordSet(`a an the of and or in on at to for with by from`)

// attribute finds the attribution of quotation qi in sentence si. When the
// quotation ends with a comma (or ?, !, a dash) the words after it are tried
// first ("...," Ms Park said); otherwise the words before it first (Ms Park
// said: "...").
func (d *doc) attribute(qi, si int) attribution {
	q := &d.quotes[qi]
	s := d.sents[si]
	segStart := s.start
	if qi > 0 {
		pq := &d.quotes[qi-1]
		if !pq.unclosed && pq.closeEnd > segStart && pq.closeEnd <= q.open {
			segStart = pq.closeEnd
		}
	}
	postFirst := strings.ContainsRune(",?!—–-…", q.lastRune) || d.isPunct(d.tokAt(q.closeEnd), ",")
	if !q.unclosed && postFirst {
		if a := d.postAttribution(q, s); a.found {
			return a
		}
	}
	if a := d.preAttribution(qi, segStart); a.found {
		return a
	}
	if !q.unclosed && !postFirst {
		return d.postAttribution(q, s)
	}
	return attribution{verb: -1}
}

// postAttribution reads an attribution after the closing mark:
// `," said Dr. Kim`, `," Ms Park said`, `," according to X`.
func (d *doc) postAttribution(q *quote, s sentence) attribution {
	none := attribution{verb: -1}
	i := d.tokAt(q.closeEnd)
	if d.isPunct(i, ",") || d.isPunct(i, "—") || d.isPunct(i, "–") || d.isPunct(i, "-") {
		i++
	}
	if i >= len(d.toks) || d.toks[i].start >= s.end || d.toks[i].kind != tokWord {
		return none
	}
	w := d.tokText(i)
	lw := strings.ToLower(w)
	if lw == "according" && d.lowerWord(i+1) == "to" {
		lo := i + 2
		hi := d.phraseAfter(lo, s.end)
		if hi <= lo {
			return none
		}
		a := d.speakerFromParts([]tokRange{{lo, hi}})
		a.verb = i
		return a
	}
	if f, ok := verbs[lw]; ok && isLowerStart(w) && f&vParticiple == 0 {
		// Verb first: `," said Dr. Kim`.
		lo := i + 1
		hi := d.phraseAfter(lo, s.end)
		if hi <= lo {
			return none
		}
		a := d.speakerFromParts(d.splitParts(lo, hi))
		a.verb, a.present = i, f&vPresent != 0
		return a
	}
	// Speaker first: `," Ms Park said`, `," his spokeswoman, Sarah Flores, said`.
	for j := i; j < len(d.toks) && d.toks[j].start < s.end && j-i < 24; j++ {
		t := d.toks[j]
		if t.kind == tokPunct {
			p := d.tokText(j)
			if p == "," || p == "'" || p == "’" || p == "(" || p == ")" || p == "-" || d.isAbbrevPeriod(j) {
				continue
			}
			if p == "@" || p == "—" || p == "–" || p == "/" {
				continue // "Elin Sandqvist (Greens/EFA, Sweden) told"
			}
			return none
		}
		lw := d.lowerWord(j)
		f, ok := verbs[lw]
		if !ok || !isLowerStart(d.tokText(j)) || f&vParticiple != 0 {
			continue
		}
		if j == i {
			return none
		}
		if d.isPunct(j-1, ",") && isLowerStart(d.tokText(i)) {
			// The quotation runs into narration before the attribution:
			// `"…" the usual protections, said Lena Park, a professor`.
			if hi := d.phraseAfter(j+1, s.end); hi > j+1 {
				if a := d.speakerFromParts(d.splitParts(j+1, hi)); a.found && a.person {
					a.verb, a.present = j, f&vPresent != 0
					return a
				}
			}
		}
		a := d.speakerFromParts(d.splitParts(i, j))
		if !a.found {
			return none
		}
		a.verb, a.present = j, f&vPresent != 0
		return a
	}
	return none
}

// phraseAfter returns the end (exclusive token index) of a speaker phrase
// starting at lo, as in `said Dr. Kim on Tuesday` -> "Dr. Kim".
func (d *doc) phraseAfter(lo, limit int) int {
	k := lo
	for ; k < len(d.toks) && d.toks[k].start < limit && k-lo < 16; k++ {
		if d.toks[k].kind == tokPunct {
			p := d.tokText(k)
			if d.isAbbrevPeriod(k) && k+1 < len(d.toks) && d.toks[k+1].start < limit {
				continue
			}
			if (p == "'" || p == "’") && d.attached(k-1) {
				continue
			}
			break
		}
		w := d.tokText(k)
		lw := strings.ToLower(w)
		if k > lo {
			if _, ok := weekdays[lw]; ok {
				break
			}
			if isLowerStart(w) && (phraseStops[lw] || verbs[lw] != 0) {
				break
			}
		}
	}
	return k
}

// preAttribution reads an attribution before the opening mark: `Ms Park
// said: "`, `Said X, "`, `X told parliament on 30 October that "`.
func (d *doc) preAttribution(qi, segStart int) attribution {
	none := attribution{verb: -1}
	q := &d.quotes[qi]
	e := d.tokAt(q.open) - 1
	lo := max(d.tokAt(segStart), e-40)
	if e < lo {
		return none
	}
	if d.isPunct(e, ":") {
		if a, ok := d.colonIntroduction(e, lo); ok {
			return a
		}
	}
	verb := -1
	var flags uint8
	that := false // a "that" between the verb and the quotation
	for j := e; j >= lo && e-j <= 40; j-- {
		if d.toks[j].kind == tokPunct {
			p := d.tokText(j)
			if (p == "." && !d.isAbbrevPeriod(j) && !d.innerPeriod(j)) || p == "!" || p == "?" || p == ";" || isQuoteMark(p) || d.pairMark(j) {
				break
			}
			continue
		}
		w := d.tokText(j)
		lw := strings.ToLower(w)
		if lw == "according" && d.lowerWord(j+1) == "to" {
			// `According to X, "..."`.
			hi := d.phraseAfter(j+2, q.open)
			if hi <= j+2 {
				return none
			}
			a := d.speakerFromParts([]tokRange{{j + 2, hi}})
			a.verb = j
			return a
		}
		f, ok := verbs[lw]
		if prev := d.lowerWord(j - 1); ok && j > lo && (determiners[prev] || stripPossessive(prev) != prev) {
			// "said the claims “had no foundation”", "the board's
			// claims": a noun, not the verb of saying.
			ok = false
		}
		if ok && (isLowerStart(w) || j == lo) {
			if e-j <= 16 || that {
				// Further back than 16 words, only a clause of reported
				// speech runs on to a partial quotation: `told supporters
				// … that Gov. Reyes had "broken every promise"`.
				verb, flags = j, f
			}
			break
		}
		that = that || lw == "that"
		if e-j >= 16 && !that {
			break
		}
	}
	if verb < 0 {
		// Headline style `Sessions: "..."`: a bare name and a colon.
		if d.isPunct(e, ":") && e > lo && e-lo <= 6 {
			if pi := d.classifyPart(tokRange{lo, e}); pi.kind == partName && pi.whole {
				return attribution{found: true, verb: -1, speaker: pi.value, person: true, gender: pi.gender, conf: ConfidenceHigh}
			}
		}
		if d.isPunct(e, ":") {
			return d.subjectBeforeColon(lo, e)
		}
		return none
	}
	if verb < e && flags&vNaming == 0 {
		// Words between the verb and the quotation: accept `said:`,
		// `said,`, `said that`, or a partial quotation inside reported
		// speech (`said the claims were "completely false"`) unless it is
		// a short fragment or a title.
		switch d.lowerWord(e) {
		case "that", "saying", "as":
		default:
			if p := d.tokText(e); d.toks[e].kind != tokPunct || !strings.Contains(",:—–-", p) {
				if d.countWords(q.qs, q.qe, 2) < 2 || d.titleCase(q.qs, q.qe) {
					return none
				}
			}
		}
	}
	if flags&vParticiple != 0 {
		// `..., adding: "`: the speaker of the main clause.
		if qi > 0 {
			pq := &d.quotes[qi-1]
			if pq.attr.found && pq.closeEnd <= segStart && pq.para == q.para && segStart > d.sents[d.sentAt(q.open)].start {
				a := pq.attr
				a.verb = verb
				return a
			}
		}
		if m := d.mentionEndingAt(verb); m != nil && m.person && !m.poss {
			// "with Opposition leader Suresh Nambiar describing it as …".
			return attribution{found: true, verb: verb, speaker: d.mentionName(m), person: true, gender: d.mentionGender(m), conf: ConfidenceHigh}
		}
		hi := verb
		for k := lo; k < verb; k++ {
			if d.isPunct(k, ",") {
				hi = k
				break
			}
		}
		a := d.speakerFromParts([]tokRange{{lo, hi}})
		if !a.person {
			// "In a radio interview, Lund went further, insisting that
			// …"; "The Minister for Finance, Ciarán Mulvihill, has
			// rejected claims …, insisting that …".
			if b := d.sentenceSubject(verb); b.found || !a.found {
				a = b
			}
		}
		a.verb = verb
		return a
	}
	if verb == lo || isUpperStart(d.tokText(verb)) {
		// `Said Dr. Kim, "`.
		hi := d.phraseAfter(verb+1, q.open)
		a := d.speakerFromParts(d.splitParts(verb+1, hi))
		a.verb, a.present = verb, flags&vPresent != 0
		return a
	}
	a := d.verbSubject(lo, verb)
	a.verb, a.present = verb, flags&vPresent != 0
	return a
}

// mentionEndingAt returns the mention whose last token is just before
// token k, or nil.
func (d *doc) mentionEndingAt(k int) *mention {
	for i := d.mentionFrom(d.toks[max(0, k-8)].start); i < len(d.ments) && d.ments[i].lo < k; i++ {
		if d.ments[i].hi == k {
			return &d.ments[i]
		}
	}
	return nil
}

// sentenceSubject returns, as a medium-confidence attribution, the person
// who is the subject of the sentence holding token verb: the first person
// named before the verb (past a dateline), outside quotations, not after a
// preposition and not in the possessive, whom a lower-case word (a verb,
// or a time phrase before it) follows, perhaps past a bracket ("Cllr
// Janet Firth (Con, Oldfield) said") or an appositive between commas
// ("The Minister for Finance, Ciarán Mulvihill, has rejected"); a role
// with a name in apposition gives the name.
func (d *doc) sentenceSubject(verb int) attribution {
	none := attribution{verb: -1}
	i := d.subjectCandidate(d.sentAt(d.toks[verb].start))
	if i < 0 || d.ments[i].start >= d.toks[verb].start {
		return none
	}
	m := &d.ments[i]
	who := m
	k := m.hi
	switch {
	case d.isPunct(k, "("):
		for k < verb && !d.isPunct(k, ")") {
			k++
		}
		k++
	case d.isPunct(k, ","):
		j := k + 1
		for j < verb && j-k <= 12 && (d.toks[j].kind == tokWord || d.isAbbrevPeriod(j)) {
			j++
		}
		if j >= verb || !d.isPunct(j, ",") {
			return none
		}
		if a := d.mentionEndingAt(j); a != nil && a.person && a.lo == k+1 && d.roleOnly(m) {
			who = a // "The Minister for Finance, Ciarán Mulvihill,"
		}
		k = j + 1
	}
	if w := d.tokText(k); k <= verb && d.isWord(k) && isLowerStart(w) && w != "and" && w != "of" && w != "who" && w != "which" {
		return attribution{found: true, verb: -1, speaker: d.mentionName(who), person: true, gender: d.mentionGender(who), conf: ConfidenceMedium}
	}
	return none
}

// subjectCandidate returns the index in d.ments of the first mention in
// sentence si that may be its subject (see sentenceSubject): a person,
// outside quotations and shields, not possessive, not after a preposition
// and not a dateline's name before a colon ("NEW DELHI: Union Minister
// …"); or -1. It is worked out once per sentence, so that a sentence of
// many attributions stays linear.
func (d *doc) subjectCandidate(si int) int {
	if d.subjects == nil {
		d.subjects = make([]int32, len(d.sents))
	}
	if d.subjects[si] == 0 {
		d.subjects[si] = -1
		s := d.sents[si]
		for i := d.mentionFrom(s.start); i < len(d.ments) && d.ments[i].start < s.end; i++ {
			m := &d.ments[i]
			if !m.person || m.shielded || m.poss || d.insideQuote(m.start) || m.lo > 0 && prepositions[d.lowerWord(m.lo-1)] || d.isPunct(m.hi, ":") {
				continue
			}
			d.subjects[si] = int32(i) + 1
			break
		}
	}
	if d.subjects[si] < 0 {
		return -1
	}
	return int(d.subjects[si]) - 1
}

// colonIntroduction reads a person named just before the colon at token
// colon that introduces a quotation, as the source of words that come
// "from" them (`a statement from county party chair Rosa Delgado: "`) or
// as a label with nothing but role words before it (`Rosa Delgado:`,
// `Council leader Ivo Brandt: "`). A name after a verb is its object
// (`he told Senator Reed: "`) and is not read here.
func (d *doc) colonIntroduction(colon, lo int) (attribution, bool) {
	i := d.mentionFrom(d.toks[max(lo, colon-8)].start)
	for ; i < len(d.ments) && d.ments[i].start < d.toks[colon].start; i++ {
		m := &d.ments[i]
		if m.hi != colon || !m.person || m.poss {
			continue
		}
		k := m.lo - 1
		for k >= lo && k > m.lo-5 && d.isWord(k) && verbs[d.lowerWord(k)] == 0 && !prepositions[d.lowerWord(k)] {
			k--
		}
		if k < lo || d.lowerWord(k) == "from" || d.lowerWord(k) == "by" || d.toks[k].kind == tokPunct {
			return attribution{found: true, verb: -1, speaker: d.mentionName(m), person: true, gender: d.mentionGender(m), conf: ConfidenceHigh}, true
		}
	}
	return attribution{}, false
}

// subjectBeforeColon reads `Mr Findlater hit back: "` and `She went
// further: "`: a sentence of a subject (a name, a pronoun, a role) and one
// to four lower-case words of a verb that introduce a quotation at the
// colon at token e. The subject is the speaker.
func (d *doc) subjectBeforeColon(lo, e int) attribution {
	none := attribution{verb: -1}
	v := lo
	for v < e && d.isWord(v) && !isLowerStart(d.tokText(v)) {
		v++
	}
	if d.lowerWord(lo) == "he" || d.lowerWord(lo) == "she" || d.lowerWord(lo) == "they" {
		v = lo + 1
	}
	if v == lo || v-lo > 6 || e-v < 1 || e-v > 4 {
		return none
	}
	for k := v; k < e; k++ {
		switch lw := d.lowerWord(k); {
		case !d.isWord(k) || !isLowerStart(d.tokText(k)) || prepositions[lw] && k == v:
			return none
		case lw == "her" || lw == "him" || lw == "them" || lw == "us" || lw == "me":
			return none // `Kearsley put it to her: "`: an exchange, often a question
		}
	}
	a := d.speakerFromParts([]tokRange{{lo, v}})
	if !a.found {
		return none
	}
	a.verb = -1
	return a
}

// tokRange is a half-open range of token indices.
type tokRange struct{ lo, hi int }

// splitParts splits tokens [lo, hi) at commas, brackets and dashes.
func (d *doc) splitParts(lo, hi int) []tokRange {
	var parts []tokRange
	start := lo
	for k := lo; k < hi; k++ {
		if d.toks[k].kind != tokPunct {
			continue
		}
		switch d.tokText(k) {
		case "(":
			// A bracket's words say who someone is ("Cllr Tom Ashworth
			// (Lib Dem, Hollins Vale)"); they are no speaker of their own.
			if k > start {
				parts = append(parts, tokRange{start, k})
			}
			for k < hi && !d.isPunct(k, ")") {
				k++
			}
			start = k + 1
			continue
		case ",", ")", "—", "–", ";", ":":
		case "-":
			if d.attached(k-1) || d.attached(k) {
				continue
			}
		default:
			continue
		}
		if k > start {
			parts = append(parts, tokRange{start, k})
		}
		start = k + 1
	}
	if hi > start {
		parts = append(parts, tokRange{start, hi})
	}
	return parts
}

func reverseParts(p []tokRange) []tokRange {
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// endsWithAbbrev reports whether text[s:e] ends with an abbreviation or an
// initial that owns the period after it.
func (d *doc) endsWithAbbrev(s, e int) bool {
	i := e
	for i > s {
		r, size := utf8.DecodeLastRuneInString(d.text[s:i])
		if !isWordRune(r) && r != '.' {
			break
		}
		i -= size
	}
	w := strings.ToLower(d.text[i:e])
	if abbreviations[w] {
		return true
	}
	r, size := utf8.DecodeRuneInString(d.text[i:e])
	return size == e-i && unicode.IsUpper(r)
}
