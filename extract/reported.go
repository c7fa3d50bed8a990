package extract

import (
	"slices"
	"sort"
	"strings"
)

// Reported claims are statements the article attributes to a source without
// quoting it:
//
//	He met the ambassador twice, according to the Washington Post.
//	According to the Washington Post, he met the ambassador twice.
//	The Washington Post reported on 1 March that he met the ambassador twice.
//	Mitchum told analysts on Wednesday the company had moved 30% of production.
//
// The Quote is the reported clause; the Speaker is the source as written
// (or a person's resolved name). SaidAt comes only from the words outside
// the clause in the same sentence ("reported on 1 March"), because dates
// inside the clause say when the reported events happened.

// reportVerbs introduce a reported finding with "that" ("the review found
// that …"), besides the saying verbs.
var reportVerbs = wordSet(`reported reports revealed reveals disclosed discloses found finds
	showed shows concluded concludes estimated estimates calculated calculates projected projects
	forecast forecasts pointed points believes believed thinks thought denied denies accepted
	accepts agreed agrees recalled recalls repeated repeats reiterated reiterates countered
	replied responded added adds`)

// maxClause bounds a reported clause, in bytes: a "clause" longer than
// this is text that runs on without sentence ends, not what one person
// said, and reading it for every verb before it would be quadratic.
const maxClause = 2000

// sayingVerbs introduce reported speech with "that".
var sayingVerbs = wordSet(`said says claimed claims insisted insists argued argues maintained
	maintains warned warns alleged alleges asserted asserts contended contends stated states told
	tells acknowledged acknowledges admitted admits testified testifies announced announces
	confirmed confirms predicted predicts promised promises explained explains noted notes
	suggested suggests stressed stresses emphasised emphasized emphasises emphasizes conceded
	concedes declared declares wrote writes posted tweeted saying opined opines remarked
	flagged signalled signaled vowed pledged complained complains ` +
	reportingParticiples)

// reportingParticiples report a clause after a main verb: "rejected the
// remarks, stating that …", "with X insisting that …".
const reportingParticiples = `insisting arguing claiming warning adding noting stressing stating`

var leadConnectors = wordSet(`but and yet so however meanwhile now also still indeed moreover`)

// reportedCandidates finds "according to" and "reported that" claims.
func (d *doc) reportedCandidates() {
	if len(d.sents) == 0 {
		return
	}
	// The verbs that attribute a quotation before them ("…," Alvarez told a
	// crowd) report nothing more.
	attributes := map[int]bool{}
	for i := range d.quotes {
		if q := &d.quotes[i]; q.attr.found && q.attr.verb >= 0 && d.toks[q.attr.verb].start > q.close {
			attributes[q.attr.verb] = true
		}
	}
	for k := 0; k+1 < len(d.toks); k++ {
		if !d.isWord(k) || attributes[k] {
			continue
		}
		lw := d.lowerWord(k)
		says := lw == "according" || reportVerbs[lw] || sayingVerbs[lw] || lw == "say"
		if !says && !backVerbs[lw] || says && d.inHeadline(d.toks[k].start) || !d.englishAt(d.toks[k].start) {
			continue // no report, a headline's, or a sentence not in English
		}
		switch {
		case lw == "according" && d.lowerWord(k+1) == "to":
			d.accordingTo(k)
		case (reportVerbs[lw] || sayingVerbs[lw]) && isLowerStart(d.tokText(k)):
			d.reportedThat(k)
			if bareSayingVerbs[lw] {
				d.reportedBefore(k)
			}
		case lw == "say" && d.lowerWord(k-1) == "to":
			d.reportedThat(k) // "went on to say that …"
		case lw == "say" && !notSayers[d.lowerWord(k-1)]:
			d.reportedThat(k) // "police say the woman was crossing …"
		case backVerbs[lw] && d.lowerWord(k+1) == "back":
			d.reportedThat(k) // "Thériault shot back that …"
		}
	}
}

// notSayers are the words before "say" that make it no report of what
// a plural source says now: "would say", "did not say", "let's say".
var notSayers = wordSet(`to would will could can should might may must not never don't didn't
	doesn't won't can't cannot wouldn't couldn't shouldn't let's let you i we`)

// backVerbs answer with "back": "shot back that …", "hit back that …".
var backVerbs = wordSet(`shot hit fired`)

// skipReported reports whether token k lies in a quotation, a post, or
// outside any sentence.
func (d *doc) skipReported(k int) bool {
	pos := d.toks[k].start
	return inSpans(d.shields, pos) || inSpans(d.regions, pos)
}

// trimClause trims a reported clause of spaces, joining punctuation and the
// sentence's final period.
func (d *doc) trimClause(s, e int) (int, int) {
	return d.trimSpan(s, e, ",;:—–-.")
}

func (d *doc) accordingTo(k int) {
	if d.skipReported(k) {
		return
	}
	j := k - 1
	if d.isPunct(j, ",") {
		j--
	}
	if j >= 0 {
		if _, ok := d.closeAt[d.toks[j].start]; ok {
			return // `"...," according to X`: a quotation's attribution
		}
	}
	si := d.sentAt(d.toks[k].start)
	s := d.sents[si]
	lo := k + 2
	hi := lo
	for hi < len(d.toks) && d.toks[hi].start < s.end && hi-lo < 24 {
		if d.toks[hi].kind == tokPunct {
			p := d.tokText(hi)
			if d.isAbbrevPeriod(hi) && hi+1 < len(d.toks) && d.toks[hi+1].start < s.end {
				hi++
				continue
			}
			if (p == "'" || p == "’" || p == "&") && hi > lo {
				hi++
				continue
			}
			break
		}
		hi++
	}
	if hi == lo {
		return
	}
	srcEnd := d.toks[hi-1].end
	commaAfter := d.isPunct(hi, ",") && d.toks[hi].start < s.end
	before := span{s.start, d.toks[k].start}
	before.start, before.end = d.trimClause(before.start, before.end)
	after := span{srcEnd, srcEnd}
	if commaAfter {
		after.start, after.end = d.trimClause(d.toks[hi].end, s.end)
	}
	nBefore := d.countWords(before.start, before.end, 4)
	onlyConnectors := true
	for t, n := d.tokAt(before.start), 0; t < len(d.toks) && d.toks[t].start < before.end && n < 4; t, n = t+1, n+1 {
		if d.isWord(t) && !leadConnectors[d.lowerWord(t)] {
			onlyConnectors = false
		}
	}
	var clause span
	switch {
	case nBefore == 0 || onlyConnectors:
		clause = after
	case commaAfter && nBefore < 4 && d.countWords(after.start, after.end, 3) >= 3:
		clause = span{before.start, after.end}
	default:
		clause = before
	}
	if clause.end <= clause.start || d.countWords(clause.start, clause.end, 3) < 3 || d.introducesBlock(clause.end) {
		return
	}
	if _, ok := d.openAt[clause.start]; ok {
		return // `According to X, "..."`: the quotation is the candidate
	}
	speaker, person := d.sourceName(lo, hi)
	conf, who := sourceConfidence(speaker), ""
	if person {
		conf, who = ConfidenceHigh, speaker
	}
	t, src := d.saidAt(d.toks[k].start, si, clause, false, who)
	d.addReported(Candidate{
		Quote:             d.text[clause.start:clause.end],
		Speaker:           speaker,
		SpeakerConfidence: conf,
		SaidAt:            t,
		DateSource:        src,
		Start:             clause.start,
		End:               clause.end,
		Kind:              KindReported,
	}, si)
}

// sourceName names the source in tokens [lo, hi): a person's resolved name
// or the words as written, and whether it is a person.
func (d *doc) sourceName(lo, hi int) (string, bool) {
	pi := d.classifyPart(tokRange{lo, hi})
	if pi.kind == partName {
		return pi.value, true
	}
	return publisher(strings.TrimRight(clean(d.text[d.toks[lo].start:d.toks[hi-1].end]), ".,;:")), false
}

// thatWithin bounds how many tokens after the verb its "that" may come
// when a verb lies between ("told reporters in Santiago on Monday, before
// the ruling was published, that …"; after the eighth, only after a
// comma); with no verb between, twice as many ("had told reporters on Feb
// 18, during a visit to a drainage worksite in Bukit Timah, that …").
const thatWithin = 14

// reportedThat reads "SOURCE VERB [on DATE] that CLAUSE", where VERB
// reports (reported, revealed, found) or says (said, has said, claimed,
// insisted, told reporters), and, for the verbs that may leave "that" out
// (bareSayingVerbs), "SOURCE VERB CLAUSE" (see bareClause).
func (d *doc) reportedThat(k int) {
	if d.skipReported(k) {
		return
	}
	si := d.sentAt(d.toks[k].start)
	s := d.sents[si]
	that := -1
	for j := k + 1; j < len(d.toks) && j <= k+2*thatWithin && d.toks[j].start < s.end; j++ {
		if d.toks[j].kind == tokPunct && !d.isPunct(j, ",") && !d.isAbbrevPeriod(j) {
			break
		}
		if d.lowerWord(j) == "that" {
			if (j > k+thatWithin || j > k+8 && !d.isPunct(j-1, ",")) && d.verbBetween(k+1, j) {
				break // "said X had been driving for a firm that expected …"
			}
			that = j
			break
		}
	}
	var cs, ce int
	switch {
	case that >= 0 && that+1 < len(d.toks):
		cs, ce = d.trimClause(d.toks[that].end, s.end)
	case that < 0 && bareSayingVerbs[d.lowerWord(k)]:
		c := d.bareClause(k, s.end)
		if c < 0 {
			return
		}
		cs, ce = d.trimClause(d.toks[c].start, s.end)
	default:
		return
	}
	lo := max(d.tokAt(s.start), k-30)
	if lo >= k {
		return
	}
	if ce-cs > maxClause {
		return // before splitClause reads it: a run-on text stays linear
	}
	// Each clause strung on with "and that" stands or falls alone: one
	// that quotes at length is left to its quotation.
	var clauses []span
	for _, c := range d.splitClause(cs, ce) {
		c.end = d.cutClause(c.start, c.end)
		if d.acceptClause(c.start, c.end, 3) {
			clauses = append(clauses, c)
		}
	}
	if len(clauses) == 0 {
		return
	}
	d.reportClauses(d.verbSubject(lo, k), k, si, clauses)
}

// verbSubject reads the subject of the saying verb at token k from the
// words [lo, k) before it. A participle after a comma (", adding that")
// takes the speaker of the quotation whose attribution it follows, else
// the subject of the sentence's main verb (see participleSubject). A verb
// coordinated with an earlier one shares its subject: that of an earlier
// verb of saying ("A report by the audit team … found that …, and warned
// that …"), else the sentence's ("Gregory Lund stood in front of a banner
// … and told reporters"). Otherwise the subject is the part nearest the
// verb that can be one, else the subject of a clause before it (see
// clauseSubject).
func (d *doc) verbSubject(lo, k int) attribution {
	a := attribution{verb: -1}
	if d.isPunct(k-1, ",") && isParticiple(d.lowerWord(k)) {
		if q := d.quoteAttributedAt(k - 2); q != nil {
			a = q.attr // "“…,” he said, adding that …"
		} else {
			a = d.participleSubject(lo, k) // "The delegate rejected those remarks, stating that …"
		}
	}
	switch d.lowerWord(k - 1) {
	case "and", "but", "then":
		from := max(d.tokAt(d.sents[d.sentAt(d.toks[k].start)].start), k-60)
		if v := d.coordinatedVerb(from, k); v != k {
			a = d.speakerFromParts(reverseParts(d.splitParts(from, v)))
		} else {
			a = d.sentenceSubject(k)
		}
	}
	if !a.found {
		a = d.speakerFromParts(reverseParts(d.splitParts(lo, k)))
	}
	if !a.found {
		a = d.clauseSubject(lo, k)
	}
	return a
}

// quoteAttributedAt returns the quotation whose attribution ends at token
// t ("“…,” he said" or "“…,” said Roy"), or nil.
func (d *doc) quoteAttributedAt(t int) *quote {
	if t < 0 || t >= len(d.toks) {
		return nil
	}
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].close > d.toks[t].start })
	if i == 0 {
		return nil
	}
	q := &d.quotes[i-1]
	if q.attr.found && q.attr.verb >= 0 && q.attr.verb <= t && t <= q.attr.verb+4 && d.toks[q.attr.verb].start > q.close {
		return q
	}
	return nil
}

// isParticiple reports whether w is a participle of saying ("adding",
// "stating", "writing"), which shares the subject of the sentence's main
// verb.
func isParticiple(w string) bool {
	return verbs[w]&vParticiple != 0
}

// participleSubject reads the subject of a reporting participle at k after
// a comma: the sentence's subject, else the words before the first verb
// in [lo, k) ("The Russian Federation’s delegate rejected those remarks,
// stating that …"). When that first verb is a saying verb whose subject
// follows it ("…,” said Roy, adding that"), nothing is found here.
func (d *doc) participleSubject(lo, k int) attribution {
	if a := d.sentenceSubject(k); a.found {
		return a
	}
	prev := ""
	for t := lo; t < k; t++ {
		if !d.isWord(t) || inSpans(d.shields, d.toks[t].start) {
			continue
		}
		w := d.lowerWord(t)
		if d.verbAt(t, prev) {
			if t == lo {
				break
			}
			return d.speakerFromParts(reverseParts(d.splitParts(lo, t)))
		}
		prev = w
	}
	return attribution{verb: -1}
}

// clauseSubject reads the subject of a saying verb at k whose words before
// it are a clause, not a source ("Reached by phone, she declined to
// discuss the memo but said …", "Critic Darren Whitlock accused the
// government of “…” and said …"): a pronoun opening the last part before
// the verb, else the sentence's subject.
func (d *doc) clauseSubject(lo, k int) attribution {
	parts := d.splitParts(lo, k)
	if len(parts) > 0 {
		p := d.trimPart(parts[len(parts)-1])
		if _, ok := pronouns[d.lowerWord(p.lo)]; ok && p.hi-p.lo > 1 && isLowerStart(d.tokText(p.lo+1)) {
			return d.speakerFromParts([]tokRange{{p.lo, p.lo + 1}})
		}
	}
	return d.sentenceSubject(k)
}

// coordinatedVerb returns the verb whose subject is the subject of the verb
// of saying at k: for "X told the committee that …, and said that …" the
// earlier verb "told", else k itself.
func (d *doc) coordinatedVerb(lo, k int) int {
	j := k - 1
	if w := d.lowerWord(j); w != "and" && w != "but" {
		return k
	}
	for j--; j > lo; j-- {
		if w := d.tokText(j); d.isWord(j) && isLowerStart(w) && (sayingVerbs[w] || reportVerbs[w]) && !inSpans(d.shields, d.toks[j].start) {
			return j
		}
	}
	return k
}

// reportClauses emits the reported clauses of one attribution: source a,
// saying verb k, in sentence si. The date is read around the verb, outside
// the clauses.
func (d *doc) reportClauses(a attribution, k, si int, clauses []span) {
	if !a.found || len(clauses) == 0 {
		return
	}
	who := ""
	if a.person {
		who = a.speaker
	} else if a.speaker != "" {
		if n := len(d.describedReported); n == 0 || d.describedReported[n-1].pos < d.toks[k].start {
			d.describedReported = append(d.describedReported, sourceAt{d.toks[k].start, a.speaker, genderAny})
		}
	}
	all := span{clauses[0].start, clauses[len(clauses)-1].end}
	t, src := d.saidAt(d.toks[k].start, si, all, verbs[d.lowerWord(k)]&vPresent != 0, who)
	for _, c := range clauses {
		d.addReported(Candidate{
			Quote:             d.text[c.start:c.end],
			Speaker:           a.speaker,
			SpeakerConfidence: a.conf,
			SaidAt:            t,
			DateSource:        src,
			Start:             c.start,
			End:               c.end,
			Kind:              KindReported,
		}, si)
	}
}

// splitClause splits a reported clause into the clauses it strings together
// with "and that" or "but that" ("said that 38 lakh applications had been
// received, and that the first instalment would be paid before Holi"), or
// "and warned that", each a claim of its own. A part of fewer than three
// words stays with the one before it.
func (d *doc) splitClause(cs, ce int) []span {
	var out []span
	start := cs
	for k := d.tokAt(cs); k < len(d.toks) && d.toks[k].start < ce; k++ {
		if d.lowerWord(k) != "that" || inSpans(d.shields, d.toks[k].start) {
			continue
		}
		j := k - 1
		if d.isWord(j) && (reportVerbs[d.lowerWord(j)] || sayingVerbs[d.lowerWord(j)]) {
			j--
		}
		if w := d.lowerWord(j); w != "and" && w != "but" || finiteVerbs[d.lowerWord(k+1)] {
			continue // "but that is not what the video says": "that" is the subject
		}
		a, b := d.trimClause(start, d.toks[j].start)
		c, e := d.trimClause(d.toks[k].end, ce)
		if d.countWords(a, b, 3) < 3 || d.countWords(c, e, 3) < 3 {
			continue
		}
		out = append(out, span{a, b})
		start = c
	}
	return append(out, span{start, ce})
}

// acceptClause reports whether [cs, ce) may be a reported clause: at
// least minWords words and at most maxClause bytes, not in a shielded
// span, and with only the quotations it may take in (see absorbQuotes).
func (d *doc) acceptClause(cs, ce, minWords int) bool {
	return ce > cs && ce-cs <= maxClause && d.countWords(cs, ce, minWords) >= minWords &&
		!inSpans(d.shields, cs) && d.absorbQuotes(cs, ce) && !d.introducesBlock(ce) && !d.runsIntoSaying(cs, ce)
}

// verbBetween reports whether a verb lies in tokens [from, to) (see
// verbAt), or a participle of saying after a comma (", writing that …").
// "told reporters in an interview after the hearing that …" has none
// before its "that"; "said X had been driving for a firm that …" has.
func (d *doc) verbBetween(from, to int) bool {
	prev := ""
	for t := from; t < to && t < len(d.toks); t++ {
		if !d.isWord(t) {
			continue
		}
		w := d.lowerWord(t)
		if d.verbAt(t, prev) || isParticiple(w) && d.isPunct(t-1, ",") && isLowerStart(d.tokText(t)) {
			return true
		}
		prev = w
	}
	return false
}

// verbAt reports whether word token t, after the word prev, is a verb
// written in lower case: a finite verb, a past tense in -ed (see
// pastVerb), or a verb of saying or reporting.
func (d *doc) verbAt(t int, prev string) bool {
	w := d.lowerWord(t)
	return isLowerStart(d.tokText(t)) && (finiteVerbs[w] || pastVerb(w, prev) || sayingVerbs[w] || reportVerbs[w])
}

// cutClause returns where the reported clause [cs, ce) ends once what is
// not its own is cut off:
//   - a relative clause with its own saying verb (", which she said had
//     been extended twice"), reported on its own;
//   - a second verb of the main subject (", and called on Member States
//     to …", ", asks how many …");
//   - the writer's own clause (", and I agree with him");
//   - a quotation of more than four words after a comma or "and" ("would
//     hold a rally on December 18 and would “take the fight to …”"), which
//     is a claim in the speaker's own words;
//   - what follows a quotation of three words or more that ends with a
//     comma ("were “the strongest in a generation,” the room applauded"),
//     unless a joining word goes on with the clause ("and", "not",
//     "because"), and "and" with a verb of the speaker's next act after a
//     quotation ("“had no foundation” and left the room"; not an
//     auxiliary: "and had written …" goes on).
//
// What is left must hold at least five words; otherwise ce is returned.
func (d *doc) cutClause(cs, ce int) int {
	cut := ce
	for k := d.tokAt(cs) + 1; k+1 < len(d.toks) && d.toks[k].start < ce; k++ {
		switch {
		case d.isPunct(k, ",") && !d.attached(k) && d.relativeSayer(k+3) && sayingVerbs[d.lowerWord(k+3)]:
			cut = d.toks[k].start // ", which she said …"
		case d.isPunct(k, ",") && d.lowerWord(k+1) == "and" && k+2 < len(d.toks) && d.isWord(k+2) && isLowerStart(d.tokText(k+2)) &&
			(pastVerb(d.lowerWord(k+2), "and") || sayingVerbs[d.lowerWord(k+2)]) && !inSpans(d.shields, d.toks[k].start):
			cut = d.toks[k].start // ", and called on …"
		case (d.lowerWord(k) == "and" || d.lowerWord(k) == "but") && writerWords[d.lowerWord(k+1)] &&
			(d.isPunct(k-1, ",") || d.pairMark(k-1) || d.isPunct(k-1, "\"")):
			cut = d.toks[k].start // "“fixed a real inequity,” and I agree with him": the writer's own clause
		case d.isPunct(k, ",") && !d.attached(k) && d.isWord(k+1) && isLowerStart(d.tokText(k+1)) &&
			askingVerbs[d.lowerWord(k+1)] && d.isWord(k+2) && isLowerStart(d.tokText(k+2)):
			cut = d.toks[k].start // "says she's heard from dozens of seniors, asks how many …"
		case d.isPunct(k, ",") && !d.attached(k) || d.lowerWord(k) == "and":
			if q := d.quoteOpeningAfter(k, ce); q != nil && d.countWords(q.qs, q.qe, 5) > 4 {
				cut = d.toks[k].start
			}
		default:
			if qi, ok := d.closeAt[d.toks[k].start]; ok && d.toks[k].kind == tokPunct {
				// "the finances were “the strongest in a generation,”
				// the room applauded": a quotation that ends with a comma
				// ends the clause; what follows is the writer's, as is
				// "and" with a verb of the speaker's next act ("and left
				// the room"), though not with an auxiliary ("and had
				// written to the family" goes on with what was said).
				q := d.quotes[qi]
				next := k + 1
				if d.isPunct(next, ",") {
					next++
				}
				switch {
				case (q.lastRune == ',' || next > k+1) && d.isWord(next) && !clauseJoiners[d.lowerWord(next)] && d.countWords(q.qs, q.qe, 3) >= 3:
					cut = q.closeEnd
				case next == k+1 && d.lowerWord(next) == "and" && d.isWord(next+1) && isLowerStart(d.tokText(next+1)) && !auxiliaries[d.lowerWord(next+1)] &&
					(d.verbAt(next+1, "and") || sayingVerbs[d.lowerWord(next+1)]):
					// "said the claims “had no foundation” and left the
					// room": the speaker's next act.
					cut = q.closeEnd
				}
			}
		}
		if cut < ce {
			break
		}
	}
	if cut == ce {
		return ce
	}
	_, e := d.trimClause(cs, cut)
	if d.countWords(cs, e, 5) < 5 {
		return ce
	}
	return e
}

// auxiliaries carry on the reported clause after "and" ("was “deeply
// sorry” and had written to the family"): the same subject's state, not
// the speaker's next act.
var auxiliaries = wordSet(`had has have would will was were is are did does could should may might can must`)

// clauseJoiners go on with the same reported clause after a quotation
// that ends with a comma ("“cheaper,” and that …", "“later,” not sooner").
var clauseJoiners = wordSet(`and or but not nor than because while although since so`)

// writerWords are the first person, which in a reported clause is the
// writer's, not the source's.
var writerWords = wordSet(`i we`)

// askingVerbs follow the reported clause after a comma as the source's
// next act (", asks how many …"); a past participle there would as often
// qualify a noun (", called Head Start Plus,"), so none is one.
var askingVerbs = wordSet(`asks urges`)

// relativeWords open a relative clause.
var relativeWords = wordSet(`which who whom whose where`)

// quoteOpeningAfter returns the quotation that opens before offset end,
// within five words and twelve tokens after token k ("and would “take
// the fight …”", ", a decision he described as “…”"), or nil.
func (d *doc) quoteOpeningAfter(k, end int) *quote {
	from := d.toks[k].end
	i := d.quoteFrom(from)
	if i == len(d.quotes) {
		return nil
	}
	q := &d.quotes[i]
	if q.unclosed || q.open >= end || d.tokAt(q.open)-k > 12 || d.countWords(from, q.open, 6) > 5 {
		return nil
	}
	return q
}

// runsIntoSaying reports whether clause [cs, ce) runs past a comma into
// the main clause of its sentence, a subject of up to three words and a
// saying verb: "had said the cap would leave a hole, the minister said
// the figures were out of date".
func (d *doc) runsIntoSaying(cs, ce int) bool {
	for k := d.tokAt(cs); k < len(d.toks) && d.toks[k].start < ce; k++ {
		if !d.isPunct(k, ",") || d.attached(k) {
			continue // not a comma inside a number ("400,000")
		}
		for j := k + 2; j <= k+4 && j < len(d.toks) && d.toks[j].start < ce; j++ {
			if w := d.tokText(j); sayingVerbs[w] && !d.isPunct(j-1, ",") {
				return true
			}
		}
	}
	return false
}

// introducesBlock reports whether a colon ending its paragraph follows
// offset ce: a clause that introduces what comes next ("the exchange went
// as follows:") says nothing itself.
func (d *doc) introducesBlock(ce int) bool {
	rest := strings.TrimLeft(d.text[ce:], " \t")
	if !strings.HasPrefix(rest, ":") {
		return false
	}
	rest = strings.TrimLeft(rest[1:], " \t")
	return rest == "" || rest[0] == '\n' || rest[0] == '\r'
}

// absorbQuotes reports whether the reported clause [cs, ce) may stand as a
// claim with the quotations inside it: phrases it quotes on the way ("the
// ministry had \"quietly cut\" the subvention"), each of at most eight
// words, with at least three words of the clause outside them. When every
// phrase has at most four words it records the clause in d.absorbed, so
// that they are not candidates of their own; when one has five to eight,
// each phrase stays a quotation candidate too ("the county's control
// \"looks a lot like ownership\" because …"). A clause that quotes more
// than that is left to the quotation, which says the claim in the
// speaker's own words.
func (d *doc) absorbQuotes(cs, ce int) bool {
	i := d.quoteFrom(cs)
	first := i
	outside := 0
	from := cs
	long := false
	for ; i < len(d.quotes) && d.quotes[i].open < ce; i++ {
		q := d.quotes[i]
		n := d.countWords(q.qs, q.qe, 9)
		if q.unclosed || q.closeEnd > ce+1 || n > 8 {
			return false
		}
		long = long || n > 4
		outside += d.countWords(from, q.open, 3)
		from = q.closeEnd
	}
	if i == first {
		return true
	}
	if outside += d.countWords(from, ce, 3); outside < 3 {
		return false
	}
	if !long {
		d.absorbed = append(d.absorbed, span{cs, ce})
	}
	return true
}

// dropAbsorbed removes the quotation candidates that lie inside a reported
// clause that took them in (see absorbQuotes).
func (d *doc) dropAbsorbed() {
	if len(d.absorbed) == 0 {
		return
	}
	sort.Slice(d.absorbed, func(i, j int) bool { return d.absorbed[i].start < d.absorbed[j].start })
	out := d.out[:0]
	for _, f := range d.out {
		if f.c.Kind == KindQuote && f.c.Parts == nil {
			i := sort.Search(len(d.absorbed), func(i int) bool { return d.absorbed[i].end > f.c.Start })
			if i < len(d.absorbed) && d.absorbed[i].start <= f.c.Start && f.c.End <= d.absorbed[i].end {
				continue
			}
		}
		out = append(out, f)
	}
	d.out = out
}

// invertingVerbs may come before their source: "…, said Ana Lopez".
var invertingVerbs = wordSet(`said says added adds wrote writes argued argues warned warns`)

// reportedBefore reads "CLAUSE, SOURCE said [when]." and "CLAUSE, said
// SOURCE.", wire copy's attribution after what was said: "The board will
// take up the issue again on Oct. 14, Mercer said."
func (d *doc) reportedBefore(k int) {
	if d.skipReported(k) {
		return
	}
	si := d.sentAt(d.toks[k].start)
	s := d.sents[si]
	first := d.tokAt(s.start)
	// What follows the verb: its time and occasion, then the sentence's end.
	j := k + 1
	inverted := d.isPunct(k-1, ",") && invertingVerbs[d.lowerWord(k)]
	srcEnd := k
	if inverted {
		for j < len(d.toks) && d.toks[j].start < s.end && (d.isWord(j) || d.isAbbrevPeriod(j)) {
			j++
		}
		srcEnd = j
		if srcEnd-k > 7 {
			return // "X, a cardiologist, said the results were …": a clause after the verb
		}
		for t := k + 1; t < srcEnd; t++ {
			if w := d.lowerWord(t); finiteVerbs[w] || pastVerb(w, d.lowerWord(t-1)) {
				return
			}
		}
		if d.isPunct(j, ",") {
			j = d.tokAt(s.end) // "said Ana Lopez, an economist at the bank."
		}
	}
	for j < len(d.toks) && d.toks[j].start < s.end && d.isWord(j) {
		if n := d.occasionPhrase(j, s.end); n > 0 {
			j += n
			continue
		}
		if lw := d.lowerWord(j); saidAdjuncts[lw] || weekdays[lw] != 0 || lw == "sunday" || d.isDateWord(j) {
			j++
			continue
		}
		break
	}
	if j+1 < len(d.toks) && d.isPunct(j, ",") && isParticiple(d.lowerWord(j+1)) {
		j = d.tokAt(s.end) // "…, a UN office said on Monday, warning that …"
	}
	if j < len(d.toks) && d.toks[j].start < s.end && (d.toks[j].kind != tokPunct || !isTerminal(d.tokText(j))) {
		return
	}
	// The comma that ends the clause.
	c := k - 1
	if !inverted {
		for c > first && k-c <= 8 && (d.isWord(c) || d.isAbbrevPeriod(c) || d.isPunct(c, "'") || d.isPunct(c, "’")) {
			c--
		}
		if !d.isPunct(c, ",") || c == k-1 {
			return
		}
	}
	if c <= first {
		return
	}
	cs, ce := d.trimClause(d.afterDateline(first, c), d.toks[c].start)
	if !d.acceptClause(cs, ce, 4) {
		return
	}
	if _, ok := d.openAt[cs]; ok {
		return
	}
	source := reverseParts(d.splitParts(c+1, k))
	if inverted {
		source = d.splitParts(k+1, srcEnd)
	}
	d.reportClauses(d.speakerFromParts(source), k, si, []span{{cs, ce}})
}

// bareSayingVerbs may take their reported clause without "that" ("Mitchum
// said the company had moved 30% of production").
var bareSayingVerbs = wordSet(`said says claimed claims insisted insists argued argues maintained
	maintains warned warns alleged alleges asserted asserts contended contends acknowledged
	acknowledges admitted admits conceded concedes predicted predicts estimated estimates added
	adds stressed stresses believes believed thinks thought told tells saying say ` +
	reportingParticiples)

// clauseSubjects may open a reported clause as its subject or its
// subject's determiner.
var clauseSubjects = wordSet(`he she they it we i you there this these those the a an his her
	its their our my your some many most no every each all both several few one two three four
	five six seven eight nine ten half nobody everyone everybody nothing none`)

// personalSubjects are the pronouns among clauseSubjects: a word in -ed
// after them is a verb ("she planned"), after a determiner an adjective
// ("the revised figures").
var personalSubjects = wordSet(`he she they it we i you`)

// notClauseOpeners are lower-case words that cannot open a reported
// clause as its subject: "said in March", "said about the plan", "said
// goodbye", "said what he meant".
var notClauseOpeners = wordSet(`to in on at for with by from of as if when while because after
	before during into onto about over under against without so and but or nor than then nothing
	goodbye hello yes thanks sorry what how why whether where who whom which whose it's`)

// finiteVerbs mark a clause as one: a reported clause holds one of them, or
// a past tense in -ed, within its first words.
var finiteVerbs = wordSet(`is are was were has have had will would can could shall should may
	might must do does did won't wouldn't can't couldn't isn't aren't wasn't weren't hasn't
	haven't hadn't didn't doesn't don't cannot got gets paid made took gave went came knew saw
	led left lost won spent cut rose fell grew meant began sent kept held brought told bought
	sold built stood became ran`)

// nounVerbs are verbs that are also nouns ("the two buildings cost
// £310,000", "the plan's cost"): verbs only after a word that is neither a
// determiner nor a possessive.
var nounVerbs = wordSet(`cost costs hit hits put puts stands runs`)

// saidAdjuncts may stand between a saying verb and its bare clause:
// "said Tuesday", "said earlier this week", "said last night".
var saidAdjuncts = wordSet(`today yesterday tonight earlier later last this on morning afternoon
	evening night week month year recently previously repeatedly again also privately publicly
	then now`)

// bareClause returns the first token of the clause reported by the saying
// verb at k without "that", or -1. After optional time words, the clause
// must open with a subject (a pronoun, a determiner, a number, a quantity
// such as "about 300" or "at least 17", or a capitalised name) and hold a
// finite verb within its first fourteen words, so "said nothing" or "said
// the words again" are not clauses. After a relative word and its subject
// ("which she said had been …") the clause opens with its verb.
func (d *doc) bareClause(k, end int) int {
	j := k + 1
	if told := d.lowerWord(k); told == "told" || told == "tells" {
		if j = d.skipHearer(j, end); j < 0 {
			return -1
		}
	}
	for j < len(d.toks) && d.toks[j].start < end && d.isWord(j) {
		if n := d.occasionPhrase(j, end); n > 0 {
			j += n
			continue
		}
		if lw := d.lowerWord(j); saidAdjuncts[lw] || weekdays[lw] != 0 || lw == "sunday" {
			j++
			continue
		}
		break
	}
	if j < len(d.toks) && d.isPunct(j, ",") {
		j++
	}
	if j >= len(d.toks) || d.toks[j].start >= end || !d.isWord(j) {
		return -1
	}
	lw := d.lowerWord(j)
	if finiteVerbs[lw] && d.relativeSayer(k) {
		return j // "the contract, which she said had been extended twice"
	}
	// A quantity may open the clause: "said about 28,000 households were …".
	if (notClauseOpeners[lw] || verbs[lw] != 0 || finiteVerbs[lw] || months[lw] != 0) && d.quantityOpener(j) == 0 {
		return -1
	}
	prev := ""
	for t, n := j, 0; t < len(d.toks) && d.toks[t].start < end && n < 14; t++ {
		if !d.isWord(t) {
			if d.isPunct(t, ",") || d.isAbbrevPeriod(t) || d.isPunct(t, "’") || d.isPunct(t, "'") || d.isPunct(t, "%") || d.isCurrency(t) || d.pairMark(t) || d.isPunct(t, "\"") {
				continue
			}
			break
		}
		n++
		tw := d.lowerWord(t)
		if t > j && (finiteVerbs[tw] || pastVerb(tw, prev) || d.presentVerb(t, prev) ||
			(nounVerbs[tw] && !clauseSubjects[prev] && stripPossessive(prev) == prev)) {
			return j
		}
		prev = tw
	}
	return -1
}

// relativeSayer reports whether the saying verb at k follows a relative
// word and its subject: "which she said", "who officials said".
func (d *doc) relativeSayer(k int) bool {
	return k >= 2 && d.isWord(k-1) && relativeWords[d.lowerWord(k-2)]
}

// quantityOpener returns how many words at token j make a quantity that
// opens a clause with a number ("about 28,000", "at least 17", "more than
// 300", "up to 40"), or 0. A preposition before anything else is the
// topic of the saying ("said about the plan") or its occasion.
func (d *doc) quantityOpener(j int) int {
	n := 0
	switch d.lowerWord(j) {
	case "about", "around", "over", "under", "nearly", "almost", "roughly", "some", "only", "just":
		n = 1
	case "at":
		if w := d.lowerWord(j + 1); w == "least" || w == "most" {
			n = 2
		}
	case "more", "fewer", "less":
		if d.lowerWord(j+1) == "than" {
			n = 2
		}
	case "up":
		if d.lowerWord(j+1) == "to" {
			n = 2
		}
	}
	if n == 0 || j+n >= len(d.toks) {
		return 0
	}
	if t := d.tokText(j + n); isDigitStart(t) || d.isCurrency(j+n) {
		return n
	}
	return 0
}

// afterDateline returns where a sentence opening at token first begins
// once a wire dateline is passed ("NAIROBI, March 3 (Meridian) - Some 1.4
// million …", "OTTAWA — …", "NEW DELHI: …", "Berlin (dpa) - …"):
// capitalised words, numbers and a bracketed agency up to a dash or
// colon, within twelve tokens before token limit, opening with a word in
// capitals or holding the agency ("Smith – who was fired in May – had
// lied" has no dateline). Without one, the sentence's start.
func (d *doc) afterDateline(first, limit int) int {
	if !d.isWord(first) || !isUpperStart(d.tokText(first)) {
		return d.toks[first].start
	}
	depth, agency := 0, false
	for k := first + 1; k < limit && k <= first+12; k++ {
		switch t := d.tokText(k); {
		case t == "(":
			depth++
			agency = true
		case t == ")":
			depth--
		case depth > 0 || t == ",":
			// inside the agency's brackets, or "NAIROBI, March 3"
		case t == "-" || t == "—" || t == "–" || t == ":":
			if k+1 < limit && (agency || allCaps(d.tokText(first))) {
				return d.toks[k+1].start
			}
			return d.toks[first].start
		case d.isWord(k) && (isUpperStart(t) || isDigitStart(t)):
		default:
			return d.toks[first].start
		}
	}
	return d.toks[first].start
}

// pastVerb reports whether w, after the word prev, is a verb in the past
// tense: it ends in -ed and does not follow a determiner ("the revised
// figures").
func pastVerb(w, prev string) bool {
	return strings.HasSuffix(w, "ed") && len(w) > 4 && (!clauseSubjects[prev] || personalSubjects[prev])
}

// presentVerb reports whether token t, after the word prev, is a verb in
// the present tense with -s ("the company now supports", "Pinecrest plans
// to"): it ends in -s but not as "boss", "bus" or "crisis" do, follows a
// word that is not a determiner, a preposition or a number, and a word
// or a sum ("needs $48M") follows it.
func (d *doc) presentVerb(t int, prev string) bool {
	w := d.lowerWord(t)
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") ||
		strings.HasSuffix(w, "is") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return false
	}
	if clauseSubjects[prev] && !personalSubjects[prev] || notClauseOpeners[prev] || prev == "" || isDigitStart(prev) {
		return false
	}
	return d.isWord(t+1) || d.isCurrency(t+1)
}

// hearers are who a speaker "told" without a determiner ("told
// reporters", "told MPs").
var hearers = wordSet(`me us him her them reporters journalists lawmakers legislators mps
	senators councillors councilors analysts investors colleagues supporters residents
	parliament congress the a an`)

// skipHearer passes the hearer after "told" at token j ("told reporters",
// "told the BBC", "told a federal jury Wednesday") and returns the token
// after it, or -1. A determiner's phrase runs to the next word that can
// open the clause, within four words.
func (d *doc) skipHearer(j, end int) int {
	if j >= len(d.toks) || d.toks[j].start >= end || !d.isWord(j) {
		return -1
	}
	lw := d.lowerWord(j)
	if !hearers[lw] && !isUpperStart(d.tokText(j)) {
		return -1
	}
	if lw != "the" && lw != "a" && lw != "an" {
		for j++; j < len(d.toks) && d.isWord(j) && isUpperStart(d.tokText(j)) && !clauseSubjects[d.lowerWord(j)]; j++ {
		}
		return j
	}
	for n := 0; n < 4; n++ {
		j++
		if j >= len(d.toks) || d.toks[j].start >= end || !d.isWord(j) {
			return -1
		}
		if w := d.lowerWord(j); clauseSubjects[w] || saidAdjuncts[w] || weekdays[w] != 0 || w == "sunday" {
			return j
		}
	}
	return -1
}

// occasions are where something was said: "said in a statement", "told
// analysts on a call".
var occasions = wordSet(`statement interview post letter email call conference briefing
	hearing meeting debate speech video broadcast radio television tweet podcast court
	session rally address press note report filing memo newsletter article column message
	text blog release presentation submission affidavit testimony`)

// occasionPhrase returns how many tokens from j make a phrase naming the
// occasion of the words ("in a statement", "on a call with analysts", "at a
// news conference"), or 0.
func (d *doc) occasionPhrase(j, end int) int {
	switch d.lowerWord(j) {
	case "in", "on", "at", "during", "via", "through":
	default:
		return 0
	}
	for n := 1; n <= 5; n++ {
		t := j + n
		if t >= len(d.toks) || d.toks[t].start >= end || !d.isWord(t) {
			return 0
		}
		if occasions[d.lowerWord(t)] {
			if w := d.lowerWord(t + 1); w == "with" || w == "to" || w == "on" {
				n += 2
			}
			return n + 1
		}
	}
	return 0
}

// addReported emits a reported claim found in sentence si, unless its
// clause overlaps one already found: a sentence strung with "according to"
// or "reported that" would otherwise yield clauses that each repeat most of
// it.
func (d *doc) addReported(c Candidate, si int) {
	i := sort.Search(len(d.reported), func(i int) bool { return d.reported[i].end > c.Start })
	if i < len(d.reported) && d.reported[i].start < c.End {
		return
	}
	d.reported = slices.Insert(d.reported, i, span{c.Start, c.End})
	s := d.sents[si]
	d.emit(c, s.start, s.end)
}
