package extract

import (
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
}

// pairQuotes finds quotation mark pairs paragraph by paragraph. Straight
// marks are classified as opening or closing by their neighbours; curly
// marks by their shape when the neighbours do not decide. A quotation still
// open at the end of a paragraph runs to the paragraph end, and is chained to
// the next paragraph when that one starts with an opening mark (the usual
// style of a quotation running over several paragraphs).
func (d *doc) pairQuotes() {
	text := d.text
	for pi, p := range d.paras {
		open, openLen := -1, 0
		for i := p.start; i < p.end; {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r != '"' && r != '“' && r != '”' {
				i += size
				continue
			}
			if inSpans(d.regions, i) {
				i += size
				continue
			}
			prev, next := ' ', ' '
			if i > p.start {
				prev, _ = utf8.DecodeLastRuneInString(text[p.start:i])
			}
			if i+size < p.end {
				next, _ = utf8.DecodeRuneInString(text[i+size : p.end])
			}
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
				d.addQuote(pi, open, open+openLen, i, i+size, false)
				open = -1
			}
			i += size
		}
		if open >= 0 {
			d.addQuote(pi, open, open+openLen, p.end, p.end, true)
		}
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

// quoteCandidates attributes every quotation and emits the candidates.
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
				q.attr = pq.attr
				q.attr.inherited = true
				q.attr.verb = -1
			}
		}
		if q.attr.found && q.attr.person && q.attr.speaker != "" {
			d.lastSpeaker, d.lastSpeakerGender = q.attr.speaker, q.attr.gender
		}
	}
	// The attribution of a multi-paragraph quotation often comes in its last
	// paragraph; pass it back to the earlier ones.
	for qi := len(d.quotes) - 1; qi >= 0; qi-- {
		q := &d.quotes[qi]
		if !q.attr.found && q.next >= 0 && d.quotes[q.next].attr.found {
			q.attr = d.quotes[q.next].attr
			q.attr.inherited = true
			q.attr.verb = -1
		}
	}
	var saidAt []*time.Time
	var dated []bool
	for qi := range d.quotes {
		q := &d.quotes[qi]
		si := d.sentAt(q.open)
		anchor := q.open
		if q.attr.verb >= 0 {
			anchor = d.toks[q.attr.verb].start
		}
		t, ok := d.saidAt(anchor, si, span{q.qs, q.qe}, q.attr.present && !q.attr.inherited, true)
		if !ok && q.attr.inherited {
			// Take the date of the quotation the speaker came from.
			for pj := qi - 1; pj >= 0 && pj >= qi-50; pj-- {
				if dated[pj] && d.quotes[pj].attr.speaker == q.attr.speaker {
					t, ok = saidAt[pj], true
					break
				}
			}
		}
		saidAt = append(saidAt, t)
		dated = append(dated, ok)
	}
	for qi := range d.quotes {
		q := &d.quotes[qi]
		if !d.keepQuote(q) {
			continue
		}
		s := d.sents[d.sentAt(q.open)]
		d.emit(Candidate{
			Quote:   d.text[q.qs:q.qe],
			Speaker: q.attr.speaker,
			SaidAt:  saidAt[qi],
			Start:   q.qs,
			End:     q.qe,
			Kind:    KindQuote,
		}, s.start, s.end)
	}
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

// keepQuote decides whether a quotation is a claim candidate: attributed
// quotations always are; unattributed ones need three or more words, must
// not look like a title, and must be closed (or continue a chain).
func (d *doc) keepQuote(q *quote) bool {
	if d.countWords(q.qs, q.qe, 1) == 0 {
		return false
	}
	if q.attr.found {
		return true
	}
	if q.unclosed && q.next < 0 && q.prev < 0 {
		return false
	}
	if d.countWords(q.qs, q.qe, 3) < 3 {
		return false
	}
	return !d.titleCase(q.qs, q.qe)
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
			if p == "@" || p == "—" || p == "–" {
				continue
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
	verb := -1
	var flags uint8
	for j := e; j >= lo && e-j <= 16; j-- {
		if d.toks[j].kind == tokPunct {
			p := d.tokText(j)
			if (p == "." && !d.isAbbrevPeriod(j)) || p == "!" || p == "?" || p == ";" || isQuoteMark(p) {
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
		if ok && (isLowerStart(w) || j == lo) {
			verb, flags = j, f
			break
		}
	}
	if verb < 0 {
		// Headline style `Sessions: "..."`: a bare name and a colon.
		if d.isPunct(e, ":") && e > lo && e-lo <= 6 {
			if pi := d.classifyPart(tokRange{lo, e}); pi.kind == partName && pi.whole {
				return attribution{found: true, verb: -1, speaker: pi.value, person: true, gender: pi.gender}
			}
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
		hi := verb
		for k := lo; k < verb; k++ {
			if d.isPunct(k, ",") {
				hi = k
				break
			}
		}
		a := d.speakerFromParts([]tokRange{{lo, hi}})
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
	a := d.speakerFromParts(reverseParts(d.splitParts(lo, verb)))
	a.verb, a.present = verb, flags&vPresent != 0
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
		case ",", "(", ")", "—", "–", ";", ":":
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
