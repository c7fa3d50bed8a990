package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speaker rules
//
// A speaker phrase is split at commas, brackets and dashes. A part that is a
// person's name wins ("his spokeswoman, Sarah Isgur Flores," gives "Sarah
// Isgur Flores"); names resolve to the fullest form the article gives, so
// "Mr Sessions", "Senator Sessions" and "Sessions" become "Jeff Sessions"
// once "Jeff Sessions" appears anywhere in the text, and titles are dropped.
// Without a known full name the name stays as written ("Ms Park").
// "he", "she" and "they" stand for the one gender-compatible person named in
// the nearest earlier sentence of the paragraph that names anyone; two such
// people make it ambiguous and the speaker is left empty. With no compatible
// person named in the paragraph, the pronoun falls back to the last quoted
// person (when the gender fits), else the speaker is left empty.
// Organisations and descriptions stay as written, including any "for X":
// "the mayor's office", "the Justice Department", "a spokeswoman for the
// Justice Department".

const (
	genderAny      int8 = 0
	genderMale     int8 = 1
	genderFemale   int8 = 2
	genderConflict int8 = 3
)

func genderOK(want, have int8) bool {
	return want == genderAny || have == genderAny || have == genderConflict || want == have
}

func mergeGender(a, b int8) int8 {
	switch {
	case a == genderAny:
		return b
	case b == genderAny || a == b:
		return a
	}
	return genderConflict
}

// mention is a run of capitalised words that may name a person.
type mention struct {
	start, end int // raw text, titles included
	lo, hi     int // token range, titles included
	key        string
	parts      []string
	titled     bool
	gender     int8
	poss       bool
	org        bool
	shielded   bool
	canon      string
	person     bool
	// written caches mentionName's reading of the mention as written
	// (titles and a possessive dropped), used when canon is empty.
	written string
}

// nameInfo is one full name (two or more words) the article uses.
type nameInfo struct {
	name   string
	parts  []string
	pos    []int
	gender int8
	// member caches whether the name carries a member's title (see
	// doc.member): 0 not yet worked out, 1 no, 2 yes.
	member uint8
}

// nameIndex maps full names and surnames to the people the article names.
type nameIndex struct {
	byKey     map[string]*nameInfo
	bySurname map[string][]*nameInfo
	byFirst   map[string][]*nameInfo
}

func (d *doc) capWord(k int) bool {
	return d.isWord(k) && isUpperStart(d.tokText(k)) && !describingCompound(d.tokText(k)) && !contraction(d.tokText(k))
}

// contraction reports whether w is a pronoun or verb run together with a
// short verb ("I'm", "We've", "Don't"), which opens a sentence but never
// a name; "O'Reilly" and a possessive "Smith's" are not contractions.
func contraction(w string) bool {
	if !strings.ContainsAny(w, "'’") {
		return false
	}
	lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	if strings.HasSuffix(lw, "n't") {
		return true
	}
	i := strings.LastIndexByte(lw, '\'')
	if i < 0 {
		return false
	}
	switch lw[i+1:] {
	case "m", "ve", "ll", "d", "re":
		return true
	}
	return false
}

// describingCompound reports whether capitalised word w is a hyphenated
// description with a part in lower case ("Mum-of-three", "Father-of-two"),
// which opens a sentence before a name but is no part of it; names have
// every part capitalised ("Jean-Paul", "Abdul-Rahman").
func describingCompound(w string) bool {
	for i := strings.IndexByte(w, '-'); i >= 0 && i+1 < len(w); {
		if isLowerStart(w[i+1:]) {
			return true
		}
		j := strings.IndexByte(w[i+1:], '-')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// possessiveAt reports whether word k ends in 's or is followed by an
// attached apostrophe after a final s ("Sessions'").
func (d *doc) possessiveAt(k int) bool {
	w := strings.ToLower(d.tokText(k))
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return true
	}
	if strings.HasSuffix(w, "s") && (d.isPunct(k+1, "'") || d.isPunct(k+1, "’")) && d.attached(k) {
		return !(d.attached(k+1) && d.isWord(k+2))
	}
	return false
}

func stripPossessive(w string) string {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// findMentions collects runs of capitalised words on one line, allowing
// abbreviation periods ("Dr. Kim") and name particles ("von der").
func (d *doc) findMentions() {
	n := len(d.toks)
	var run []int
	for k := 0; k < n; {
		if !d.capWord(k) || (d.isPunct(k-1, "@") && d.attached(k-1)) {
			k++
			continue
		}
		run = append(run[:0], k)
		j := k
		poss := false
		for len(run) < 12 {
			if d.possessiveAt(j) {
				poss = true
				break
			}
			nx := j + 1
			if d.isAbbrevPeriod(nx) {
				if !d.sameLineGap(nx) {
					break
				}
				nx++
			} else if !d.sameLineGap(j) {
				break
			}
			if nick := d.nicknameAt(nx); nick > 0 {
				// Mayor Darren “Dazza” Kovac: the nickname is no part
				// of the name.
				run = append(run, nick)
				j = nick
				continue
			}
			if !d.isWord(nx) {
				break
			}
			w := d.tokText(nx)
			if isUpperStart(w) {
				run = append(run, nx)
				j = nx
				continue
			}
			if particles[w] && d.sameLineGap(nx) && d.capWord(nx+1) {
				run = append(run, nx, nx+1)
				j = nx + 1
				continue
			}
			break
		}
		k = j + 1
		d.processRun(run, poss)
	}
}

// nicknameAt returns, when a nickname of one or two capitalised words in
// quotation marks opens at token k between a first name and a surname
// (Darren “Dazza” Kovac, Rafael “Paeng” Dimaculangan), the token of the
// surname after it; else 0.
func (d *doc) nicknameAt(k int) int {
	if !d.pairMark(k) || !d.capWord(k+1) {
		return 0
	}
	for c := k + 2; c <= k+3; c++ {
		if d.pairMark(c) {
			if d.sameLineGap(c) && d.capWord(c+1) && !d.attached(c) {
				return c + 1
			}
			return 0
		}
		if !d.capWord(c) {
			return 0
		}
	}
	return 0
}

// isDateWord reports whether capitalised word k is a weekday or a month.
func (d *doc) isDateWord(k int) bool {
	lw := d.lowerWord(k)
	if _, ok := weekdays[lw]; ok {
		return true
	}
	if _, ok := months[lw]; !ok {
		return false
	}
	if !ambiguousMonths[lw] {
		return true
	}
	return isDigitStart(d.lowerWord(k+1)) || isDigitStart(d.lowerWord(k-1))
}

func (d *doc) processRun(run []int, poss bool) {
	i := 0
	for i < len(run) && (stopwords[d.lowerWord(run[i])] || verbs[d.lowerWord(run[i])] != 0) {
		i++
	}
	run = run[i:]
	if len(run) >= 3 && (d.lowerWord(run[0]-1) == "for" || d.lowerWord(run[0]-1) == "of") &&
		titleWord(d.lowerWord(run[0]-2)) {
		// "Secretary for Housing Connie Mak", "Minister of State Tan Kee
		// Wah": the portfolio before the name is not part of it.
		run = run[1:]
		for len(run) > 2 && (titles[d.lowerWord(run[0])] || orgWords[d.lowerWord(run[0])]) {
			run = run[1:]
		}
	}
	seg := 0
	for i := 0; i < len(run); i++ {
		if d.isDateWord(run[i]) {
			if i > seg {
				d.addMention(run[seg:i], false)
			}
			seg = i + 1
		}
	}
	if seg < len(run) {
		d.addMention(run[seg:], poss)
	}
}

// sriTitles are the honorifics that "Sri" completes ("Tan Sri", "Datuk
// Sri"); after any other title Sri is a name ("Finance Minister Sri
// Mulyani").
var sriTitles = wordSet(`tan puan datuk dato datin seri`)

// titleIn reports whether token seg[i] of a run of capitalised words is a
// title: a title word (see titleWord), or "Tan" or "Puan" before "Sri"
// (Malaysian honorifics: "Tan Sri Abdul Ghani", "Puan Sri Aminah").
func (d *doc) titleIn(seg []int, i int) bool {
	lw := d.lowerWord(seg[i])
	if titleWord(lw) {
		return true
	}
	return (lw == "tan" || lw == "puan") && i+1 < len(seg) && d.lowerWord(seg[i+1]) == "sri" ||
		lw == "sri" && i > 0 && sriTitles[d.lowerWord(seg[i-1])]
}

func (d *doc) addMention(seg []int, poss bool) {
	for len(seg) > 1 && nameSuffixes[d.lowerWord(seg[len(seg)-1])] {
		seg = seg[:len(seg)-1]
		poss = false
	}
	p := -1
	for i := len(seg) - 2; i >= 0; i-- {
		if d.titleIn(seg, i) {
			p = i
			break
		}
	}
	name := seg[p+1:]
	if p < 0 {
		all := true
		for i := range seg {
			all = all && d.titleIn(seg, i)
		}
		if all {
			return
		}
	}
	if len(name) > 4 {
		return
	}
	m := mention{
		start: d.toks[seg[0]].start, end: d.toks[seg[len(seg)-1]].end,
		lo: seg[0], hi: seg[len(seg)-1] + 1, titled: p >= 0, poss: poss,
	}
	for _, k := range seg[:p+1] {
		lw := d.lowerWord(k)
		if maleTitles[lw] {
			m.gender = mergeGender(m.gender, genderMale)
		} else if femaleTitles[lw] {
			m.gender = mergeGender(m.gender, genderFemale)
		}
	}
	capsName := d.capsName(name)
	for i, k := range name {
		w := d.tokText(k)
		if i == len(name)-1 {
			w = stripPossessive(w)
		} else if utf8.RuneCountInString(w) == 1 && d.isPunct(k+1, ".") && d.attached(k) {
			w += "." // an initial keeps its full stop: "K. Venkatachalam"
		}
		if capsName {
			w = titleCase(w)
		}
		m.parts = append(m.parts, w)
		lw := strings.ToLower(w)
		if orgWords[lw] || (allCaps(w) && !capsName) {
			m.org = true
		}
	}
	if !m.titled && d.lowerWord(seg[0]-1) == "the" {
		m.org = true
	}
	m.key = strings.Join(m.parts, " ")
	m.shielded = inSpans(d.shields, m.start)
	d.ments = append(d.ments, m)
}

// capsName reports whether the tokens of name are a person's name set in
// capitals, as United Nations summaries and some transcripts give a
// speaker's first mention ("HELENA VARGA-OSEI, Under-Secretary-General
// …, said"): two to four words of letters, none an organisation's or a
// common word, followed by a comma.
func (d *doc) capsName(name []int) bool {
	if len(name) < 2 || len(name) > 4 || !d.isPunct(name[len(name)-1]+1, ",") {
		return false
	}
	for _, k := range name {
		w := d.tokText(k)
		lw := strings.ToLower(w)
		if !allCaps(w) || orgWords[lw] || stopwords[lw] || titleWord(lw) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
				return false
			}
		}
	}
	return true
}

func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// buildNames indexes full names and resolves every mention to one.
func (d *doc) buildNames() {
	d.names = nameIndex{byKey: map[string]*nameInfo{}, bySurname: map[string][]*nameInfo{}, byFirst: map[string][]*nameInfo{}}
	for i := range d.ments {
		m := &d.ments[i]
		if m.org || len(m.parts) < 2 {
			continue
		}
		info := d.names.byKey[m.key]
		if info == nil {
			info = &nameInfo{name: m.key, parts: m.parts}
			d.names.byKey[m.key] = info
			last := m.parts[len(m.parts)-1]
			d.names.bySurname[last] = append(d.names.bySurname[last], info)
			if givenAfterSurname(m.parts) {
				sur := m.parts[len(m.parts)-2]
				d.names.bySurname[sur] = append(d.names.bySurname[sur], info)
			}
			d.names.byFirst[m.parts[0]] = append(d.names.byFirst[m.parts[0]], info)
			first := strings.ToLower(m.parts[0])
			if femaleNames[first] {
				info.gender = genderFemale
			} else if maleNames[first] {
				info.gender = genderMale
			}
		}
		if len(info.pos) < 64 {
			info.pos = append(info.pos, m.start)
		}
	}
	for i := range d.ments {
		m := &d.ments[i]
		if m.org {
			continue
		}
		info := d.lookupName(m.parts, m.start)
		if info == nil && len(m.parts) == 1 && !m.titled {
			info = d.lookupFirstName(m.parts[0], m.start)
		}
		if info != nil {
			m.canon = info.name
			info.gender = mergeGender(info.gender, m.gender)
		}
		m.person = m.canon != "" || m.titled
	}
}

// lookupName finds the fullest known name ending with parts; for one word
// (a surname) the full name mentioned nearest before pos wins.
func (d *doc) lookupName(parts []string, pos int) *nameInfo {
	if len(parts) == 0 {
		return nil
	}
	cands := d.names.bySurname[parts[len(parts)-1]]
	var best *nameInfo
	bestPos := -1
	for _, c := range cands {
		if len(c.parts) < len(parts) || !suffixOf(c.parts, parts) &&
			!(givenAfterSurname(c.parts) && len(c.parts) > len(parts) && suffixOf(c.parts[:len(c.parts)-1], parts)) {
			continue
		}
		if best == nil {
			best = c
			bestPos = lastBefore(c.pos, pos)
			continue
		}
		if len(parts) > 1 {
			if len(c.parts) > len(best.parts) {
				best = c
			}
			continue
		}
		if p := lastBefore(c.pos, pos); p > bestPos {
			best, bestPos = c, p
		}
	}
	return best
}

// lookupFirstName finds the one full name given before pos whose first
// name is first, as features and sports reports call people once named
// in full ("His daughter Shannon Pickett … ¶ Shannon said"). Two people
// of that first name make it nobody.
func (d *doc) lookupFirstName(first string, pos int) *nameInfo {
	var found *nameInfo
	for _, c := range d.names.byFirst[first] {
		if lastBefore(c.pos, pos) < 0 {
			continue
		}
		if found != nil {
			return nil
		}
		found = c
	}
	return found
}

// givenAfterSurname reports whether a name ends with a given name
// romanised from Chinese or Korean, two syllables joined by a hyphen
// ("Connie Mak Suet-ying", "Lo Chun-wai"): the surname is the word before
// it, and the article may call the person by it alone ("Mak said").
func givenAfterSurname(parts []string) bool {
	if len(parts) < 2 {
		return false
	}
	w := parts[len(parts)-1]
	i := strings.IndexByte(w, '-')
	return i > 0 && i+1 < len(w) && isUpperStart(w) && isLowerStart(w[i+1:])
}

func suffixOf(full, parts []string) bool {
	off := len(full) - len(parts)
	for i, p := range parts {
		if full[off+i] != p {
			return false
		}
	}
	return true
}

func lastBefore(pos []int, limit int) int {
	best := -1
	for _, p := range pos {
		if p < limit && p > best {
			best = p
		}
	}
	return best
}

// mentionName is the resolved full name, or the mention as written.
func (d *doc) mentionName(m *mention) string {
	if m.canon != "" {
		return m.canon
	}
	if m.written == "" {
		m.written = withoutCourtesyTitle(stripPossessive(clean(d.text[m.start:m.end])))
	}
	return m.written
}

func (d *doc) mentionGender(m *mention) int8 {
	if m.canon != "" {
		if info := d.names.byKey[m.canon]; info != nil {
			return info.gender
		}
	}
	return m.gender
}

// mentionFrom returns the index of the first mention starting at or after off.
func (d *doc) mentionFrom(off int) int {
	return sort.Search(len(d.ments), func(i int) bool { return d.ments[i].start >= off })
}

// Part kinds of a speaker phrase.
const (
	partNone = iota
	partName
	partPronoun
	partDesc
)

type partInfo struct {
	kind   int
	whole  bool // a name that is the whole part
	value  string
	gender int8
	pos    int
	// roleOnly marks a name that is a role and no one's name (see roleOnly).
	roleOnly bool
}

// trimPart narrows a phrase part to its subject: after the last clause word
// ("... before Mr Y" -> "Mr Y") and without trailing adverbs ("he later").
func (d *doc) trimPart(p tokRange) tokRange {
	for k := p.hi - 1; k > p.lo; k-- {
		w := d.tokText(k)
		if d.isWord(k) && isLowerStart(w) && clauseWords[w] {
			if w == "and" && d.capWord(k-1) && d.capWord(k+1) && k+1 < p.hi {
				continue // a name that holds "and": "the Association of Private Hospitals and Clinics"
			}
			if k+1 < p.hi {
				p.lo = k + 1
			}
			break
		}
	}
	for p.hi > p.lo+1 {
		w := d.tokText(p.hi - 1)
		if !d.isWord(p.hi-1) || !isLowerStart(w) || !(speakerAdverbs[w] || strings.HasSuffix(w, "ly")) {
			break
		}
		p.hi--
	}
	return p
}

// roleOnly reports whether mention m is a title before a role and no
// name ("Executive Director", "Health Minister"): a name in the next
// part is the person's ("Aminata Sow-Diallo, Executive Director of the
// Network, said").
func (d *doc) roleOnly(m *mention) bool {
	for _, w := range m.parts {
		if !roleNouns[strings.ToLower(w)] {
			return false
		}
	}
	return m.titled
}

// classifyPart says whether a phrase part names a person, is a pronoun, or
// describes a speaker (an organisation or role).
func (d *doc) classifyPart(p tokRange) partInfo {
	p = d.trimPart(p)
	if p.hi <= p.lo || p.hi-p.lo > 14 {
		return partInfo{}
	}
	fw := d.tokText(p.lo)
	lfw := strings.ToLower(fw)
	if g, ok := pronouns[lfw]; ok && p.hi-p.lo == 1 {
		return partInfo{kind: partPronoun, gender: g, pos: d.toks[p.lo].start}
	}
	startOff, endOff := d.toks[p.lo].start, d.toks[p.hi-1].end
	// A name ending the part: "his spokeswoman, Sarah Isgur Flores".
	if i := d.mentionFrom(startOff); i < len(d.ments) {
		for j := i; j < len(d.ments) && d.ments[j].start < endOff; j++ {
			m := &d.ments[j]
			if m.end != endOff || !m.person || m.poss {
				continue
			}
			if m.lo > p.lo && prepositions[d.lowerWord(m.lo-1)] {
				break
			}
			return partInfo{kind: partName, value: d.mentionName(m), gender: d.mentionGender(m), pos: m.start, whole: m.start == startOff, roleOnly: d.roleOnly(m)}
		}
	}
	// A name starting the part: "Mr Sessions under oath".
	k := p.lo
	for k < p.hi && d.isWord(k) && isUpperStart(d.tokText(k)) && (stopwords[d.lowerWord(k)] || d.isDateWord(k)) {
		k++
	}
	if k < p.hi {
		if i := d.mentionFrom(d.toks[k].start); i < len(d.ments) && d.ments[i].start == d.toks[k].start {
			m := &d.ments[i]
			if m.person && !m.poss && m.hi <= p.hi {
				return partInfo{kind: partName, value: d.mentionName(m), gender: d.mentionGender(m), pos: m.start, roleOnly: d.roleOnly(m)}
			}
		}
	}
	if p.hi-p.lo == 2 && clauseWords[lfw] {
		// "… over remarks she made on Sunday, when she told …".
		if g, ok := pronouns[d.lowerWord(p.lo+1)]; ok {
			return partInfo{kind: partPronoun, gender: g, pos: d.toks[p.lo+1].start}
		}
	}
	participle := (strings.HasSuffix(lfw, "ing") || strings.HasSuffix(lfw, "ed") && prepositions[d.lowerWord(p.lo+1)]) && !d.capWord(p.lo+1)
	if d.clauseLike(p) {
		return partInfo{}
	}
	if determiners[lfw] || groupNouns[lfw] || (isUpperStart(fw) && !stopwords[lfw] && !participle) {
		return partInfo{kind: partDesc, value: publisher(stripPossessiveEnd(clean(d.text[startOff:endOff]))), pos: startOff}
	}
	return partInfo{}
}

// dataNouns are what an organisation publishes and an article cites as
// the source of a finding.
var dataNouns = wordSet(`figures data statistics numbers estimates records report survey`)

// publisher names the organisation behind a description of its data:
// "Department for Transport figures published on Thursday" and "figures
// published by the Ministry of Health on Monday" are the department's and
// the ministry's words. Any other description is returned as it is.
func publisher(desc string) string {
	words := strings.Fields(desc)
	for i, w := range words {
		if !dataNouns[strings.ToLower(w)] {
			continue
		}
		if i+2 < len(words) && strings.ToLower(words[i+2]) == "by" && strings.HasSuffix(strings.ToLower(words[i+1]), "ed") {
			// "figures published by X on Monday"
			var org []string
			for _, o := range words[i+3:] {
				if lo := strings.ToLower(o); len(org) > 0 && !isUpperStart(o) && (lo == "on" || lo == "in" || lo == "at" || saidAdjuncts[lo]) {
					break // "… on Monday", "… last week"
				}
				org = append(org, o)
			}
			if len(org) > 0 && isUpperStart(org[len(org)-1]) {
				return strings.Join(org, " ")
			}
			return desc
		}
		if i > 0 && isUpperStart(words[i-1]) && !stopwords[strings.ToLower(words[0])] {
			// "Department for Transport figures …"
			return strings.Join(words[:i], " ")
		}
		return desc
	}
	return desc
}

// sourceConfidence is how sure a source given by a description is: high
// for an organisation named in full ("The Washington Post", "the Office for
// Budget Responsibility"), whose every word but joining ones is
// capitalised, low for a description ("the company", "two aides").
func sourceConfidence(desc string) string {
	words := strings.Fields(desc)
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) == 0 {
		return ConfidenceLow
	}
	for i, w := range words {
		if joiningWords[w] && i > 0 && i < len(words)-1 {
			continue
		}
		if !isUpperStart(w) {
			return ConfidenceLow
		}
	}
	return ConfidenceHigh
}

// joiningWords may stand in lower case inside an organisation's name.
var joiningWords = wordSet(`of for and the on in to &`)

func stripPossessiveEnd(s string) string {
	return strings.TrimRight(s, ",;:")
}

// speakerFromParts picks the speaker from phrase parts given nearest the
// verb first. Parts that cannot be a subject ("responding to the article",
// "who oversees the FBI") are skipped until a subject is found. A name or
// pronoun wins at once; a description ("his spokeswoman") gives way to a
// bare name in the next part ("Sarah Flores, his spokeswoman, said").
func (d *doc) speakerFromParts(parts []tokRange) attribution {
	var desc *partInfo
	var pick *partInfo
	descs := 0
	for _, p := range parts {
		if d.agePart(p) {
			continue // "Derek Coles, 68, a retired bus driver, says"
		}
		pi := d.classifyPart(p)
		if pi.kind == partNone {
			if desc != nil {
				// "Eliana Cruz, president of the community, one of the
				// two plaintiffs, told": one more appositive before the
				// name.
				if descs++; descs < 2 {
					continue
				}
				break
			}
			continue
		}
		if desc == nil && pi.kind != partDesc && !pi.roleOnly {
			pick = &pi
			break
		}
		if desc != nil {
			if pi.kind == partName {
				pick = &pi
				break
			}
			if descs++; pi.kind == partDesc && descs < 2 {
				continue
			}
			break
		}
		desc = &pi
	}
	if pick == nil {
		pick = desc
	}
	a := attribution{verb: -1}
	if pick == nil {
		return a
	}
	a.found = true
	switch pick.kind {
	case partName:
		a.speaker, a.person, a.gender, a.conf = pick.value, true, pick.gender, ConfidenceHigh
	case partPronoun:
		a.speaker, a.gender, a.conf = d.resolvePronoun(pick.gender, pick.pos)
		a.person = a.speaker != ""
	default:
		if name, g, ok := d.roleHolderOf(pick.value, pick.pos); ok {
			a.speaker, a.person, a.gender, a.conf = name, true, g, ConfidenceMedium
		} else {
			a.speaker, a.conf = pick.value, sourceConfidence(pick.value)
		}
	}
	if a.speaker == "" {
		a.conf = ConfidenceNone
	}
	return a
}

// saysAfter reports whether token k is a saying verb, perhaps after an
// adverb ("Mitchum said", "Lund later told"): the name before it is the
// sentence's subject.
func (d *doc) saysAfter(k int) bool {
	if lw := d.lowerWord(k); d.isWord(k) && (speakerAdverbs[lw] || strings.HasSuffix(lw, "ly")) {
		k++
	}
	return d.isWord(k) && (sayingVerbs[d.lowerWord(k)] || verbs[d.lowerWord(k)] != 0)
}

// agePart reports whether a part is only a number, as a person's age is
// given between commas.
func (d *doc) agePart(p tokRange) bool {
	return p.hi == p.lo+1 && d.isWord(p.lo) && isDigitStart(d.tokText(p.lo)) && len(d.tokText(p.lo)) <= 3
}

// roleSubject returns the person a sentence that opens with a role
// ("The First Minister said …", "The chancellor told MPs …") stands for,
// when the article has tied that role to someone (see roleHolderOf).
func (d *doc) roleSubject(s sentence) (string, int8, bool) {
	k := d.tokAt(s.start)
	if d.lowerWord(k) != "the" {
		return "", genderAny, false
	}
	for n := 3; n >= 1; n-- {
		end := k + n
		if end >= len(d.toks) || d.toks[end].start >= s.end {
			continue
		}
		if who, g, ok := d.roleHolderOf(d.text[d.toks[k].start:d.toks[end].end], s.start); ok {
			return who, g, true
		}
	}
	return "", genderAny, false
}

// sourceAt is where words were attributed (a quotation's opening, a
// reported clause's verb) and to whom.
type sourceAt struct {
	pos     int
	speaker string
	gender  int8
}

// lastSourceIn returns the last of list, in text order, at or after from and
// before pos, or false.
func lastSourceIn(list []sourceAt, from, pos int) (sourceAt, bool) {
	i := sort.Search(len(list), func(i int) bool { return list[i].pos >= pos })
	if i == 0 || list[i-1].pos < from {
		return sourceAt{}, false
	}
	return list[i-1], true
}

// quotedBefore returns the last person a quotation opening before pos was
// attributed to (zero when none was).
func (d *doc) quotedBefore(pos int) sourceAt {
	q, _ := lastSourceIn(d.quoted, 0, pos)
	return q
}

// describedIn returns the last source that is not a person attributed in
// [from, pos), or false. Quotations and reported clauses keep a list
// each, both in text order.
func (d *doc) describedIn(from, pos int) (sourceAt, bool) {
	q, ok := lastSourceIn(d.described, from, pos)
	if r, rok := lastSourceIn(d.describedReported, from, pos); rok && (!ok || r.pos > q.pos) {
		return r, true
	}
	return q, ok
}

// resolvePronoun finds the person a pronoun at pos stands for: the one
// gender-compatible person named in the nearest earlier sentence of the
// paragraph that names anyone (two make it ambiguous), else in the
// paragraph before, else the last person quoted before pos. It returns the
// name, its gender and how sure the match is.
func (d *doc) resolvePronoun(want int8, pos int) (string, int8, string) {
	if len(d.sents) == 0 {
		return "", genderAny, ConfidenceNone
	}
	si := d.sentAt(pos)
	para := d.sents[si].para
	limit := pos
	last := d.quotedBefore(pos)
	for n := 0; si >= 0 && n < 8 && d.sents[si].para >= para-1; si, n = si-1, n+1 {
		s := d.sents[si]
		if s.para < para && last.speaker != "" && genderOK(want, last.gender) && last.pos >= d.paras[s.para].start {
			// The paragraph names no one; the last person quoted goes on.
			return last.speaker, last.gender, ConfidenceMedium
		}
		if s.para < para && d.asksQuestion(s) {
			// "Kearsley put it to her: ‘Why …?’ ¶ ‘…,’ she replied.":
			// who asks is not who answers.
			continue
		}
		end := limit
		if end > s.end || n > 0 {
			end = s.end
		}
		var names []string
		var gender, subjectGender int8
		plain, plainGender := "", int8(0) // the one person named not in the possessive, "-" for several
		subject := ""                     // a name opening the sentence, or before its saying verb: its subject
		opens := false
		if who, g, ok := d.roleSubject(s); ok && genderOK(want, g) {
			// "The First Minister said …": the role's holder opens it.
			names, gender, subject, subjectGender, opens = append(names, who), g, who, g, true
		}
		seen := 0
		for i := d.mentionFrom(s.start); i < len(d.ments) && d.ments[i].start < end && seen < 64; i++ {
			seen++
			m := &d.ments[i]
			if !m.person || m.shielded || (m.lo > 0 && d.tokText(m.lo-1) == "By") {
				continue // a byline's author is not who a pronoun stands for
			}
			if m.lo > 0 && placePrepositions[d.lowerWord(m.lo-1)] || d.modifies(m) {
				// "along Sungei Pandan Kechil", "in Pell Harbor": a place;
				// "Merrigal Heads baker Sharon Petrakis": a qualifier.
				continue
			}
			g := d.mentionGender(m)
			if !genderOK(want, g) {
				continue
			}
			name := d.mentionName(m)
			dup := false
			for _, x := range names {
				dup = dup || x == name
			}
			if !dup {
				names = append(names, name)
				gender = g
			}
			if !m.poss && (plain == "" || plain == name) {
				plain, plainGender = name, g
			} else if !m.poss {
				plain = "-" // two people named not in the possessive
			}
			switch {
			case m.start == s.start:
				subject, subjectGender, opens = name, g, true
			case !opens && subject == "" && !m.poss && !prepositions[d.lowerWord(m.lo-1)] && d.saysAfter(m.hi):
				// "In an interview Thursday, Mitchum said …"
				subject, subjectGender = name, g
			}
		}
		if len(names) == 0 && s.para == para {
			// "The representative of Mali said … He said": a paragraph
			// that names no one goes on with the source it described.
			if q, ok := d.describedIn(s.start, min(pos, s.end)); ok {
				return q.speaker, genderAny, ConfidenceLow
			}
			// "France’s representative said that … “…,” she said": a
			// person described by a role in the sentence's first words
			// (not "Police said that …"), whose reported speech is found
			// after the quotations are.
			first := d.tokAt(s.start)
			if v := d.firstSayingVerb(si); n > 0 && v >= 0 && d.toks[v].start < min(end, d.toks[min(first+30, len(d.toks)-1)].end) &&
				d.lowerWord(v+1) == "that" && !d.pronounIn(first, v) {
				if a := d.verbSubject(max(first, v-30), v); a.found && !a.person && a.speaker != "" && describesPerson(a.speaker) {
					return a.speaker, genderAny, ConfidenceLow
				}
			}
		}
		if len(names) == 1 {
			return names[0], gender, ConfidenceMedium
		}
		if len(names) > 1 && subject == "" {
			// "Another parent, Luis Ortega, speaking through an
			// interpreter, said …": the subject of its saying verb.
			if v := d.firstSayingVerb(si); v >= 0 && d.toks[v].start < end {
				if a := d.sentenceSubject(v); a.found && genderOK(want, a.gender) {
					subject, subjectGender = a.speaker, a.gender
				}
			}
		}
		if len(names) > 1 {
			for _, x := range names {
				if x == last.speaker && s.para < para {
					// "Halvorsen also got Molloy to acknowledge …": of
					// the people in the paragraph before, the one who
					// has been speaking goes on.
					return last.speaker, last.gender, ConfidenceLow
				}
			}
			if subject != "" {
				return subject, subjectGender, ConfidenceLow
			}
			if plain != "" && plain != "-" {
				// "When I called Sandhill’s superintendent, Rhonda Kiel,
				// she …": a possessive names whose the role is.
				return plain, plainGender, ConfidenceLow
			}
			return "", genderAny, ConfidenceNone
		}
	}
	if last.speaker != "" && genderOK(want, last.gender) {
		return last.speaker, last.gender, ConfidenceLow
	}
	return "", genderAny, ConfidenceNone
}

// describesPerson reports whether a source's description names a role a
// person holds ("France’s representative", "the spokesperson").
func describesPerson(desc string) bool {
	for _, w := range strings.Fields(strings.ToLower(desc)) {
		if roleNouns[strings.Trim(w, ",.")] {
			return true
		}
	}
	return false
}

// pronounIn reports whether a subject pronoun lies in tokens [from, to).
func (d *doc) pronounIn(from, to int) bool {
	for k := from; k < to; k++ {
		if _, ok := pronouns[d.lowerWord(k)]; ok {
			return true
		}
	}
	return false
}

// asksQuestion reports whether sentence s holds a quotation that is a
// question.
func (d *doc) asksQuestion(s sentence) bool {
	i := d.quoteFrom(s.start)
	for ; i < len(d.quotes) && d.quotes[i].open < s.end; i++ {
		if strings.HasSuffix(strings.TrimSpace(d.text[d.quotes[i].qs:d.quotes[i].qe]), "?") {
			return true
		}
	}
	return false
}

// firstSayingVerb returns sayingVerbIn over the whole of sentence si,
// worked out once per sentence: many pronouns in one sentence ask.
func (d *doc) firstSayingVerb(si int) int {
	if d.sayingVerbs == nil {
		d.sayingVerbs = make([]int32, len(d.sents))
	}
	if d.sayingVerbs[si] == 0 {
		d.sayingVerbs[si] = int32(d.sayingVerbIn(d.sents[si].start, d.sents[si].end)) + 2
	}
	return int(d.sayingVerbs[si]) - 2
}

// sayingVerbIn returns the first saying verb (not a participle) written in
// lower case in [from, to), or -1.
func (d *doc) sayingVerbIn(from, to int) int {
	for k := d.tokAt(from); k < len(d.toks) && d.toks[k].start < to; k++ {
		if f, ok := verbs[d.tokText(k)]; ok && f&vParticiple == 0 {
			return k
		}
	}
	return -1
}

// objectDeterminers open the object of a verb: "rejected those remarks".
var objectDeterminers = wordSet(`the a an his her their its those these this our my your`)

// clauseLike reports whether part p reads as a clause rather than a
// description of a speaker: it holds a quotation mark, a subject pronoun
// or a finite verb past its first word, or a past tense with an object
// ("challenged the minister", "accused the government of “…"). Such a
// part is never a source.
func (d *doc) clauseLike(p tokRange) bool {
	for k := p.lo; k < p.hi; k++ {
		if d.pairMark(k) || d.isPunct(k, "\"") {
			return true
		}
		lw := d.lowerWord(k)
		if k == p.lo || lw == "" {
			continue
		}
		if _, ok := pronouns[lw]; ok || finiteVerbs[lw] {
			return true
		}
		if strings.HasSuffix(lw, "ed") && k+1 < p.hi && objectDeterminers[d.lowerWord(k+1)] {
			return true
		}
	}
	return false
}

// modifies reports whether mention m only qualifies the person named
// after it, with one or two words of a role or trade between them:
// "Merrigal Heads baker Sharon Petrakis", "Westfield University law
// professor Lena Park".
func (d *doc) modifies(m *mention) bool {
	k := m.hi
	for n := 0; n < 2 && d.isWord(k) && d.sameLineGap(k-1); n, k = n+1, k+1 {
		w := d.tokText(k)
		if !isLowerStart(w) || verbs[w] != 0 || finiteVerbs[w] || !roleNouns[w] && !tradeSuffix(w) {
			return false
		}
		if d.capWord(k+1) && d.sameLineGap(k) {
			i := d.mentionFrom(d.toks[k+1].start)
			return i < len(d.ments) && d.ments[i].lo == k+1 && d.ments[i].person
		}
	}
	return false
}

// tradeSuffix reports whether w ends as a word for someone's trade or
// role often does (baker, student, economist, politician, resident).
func tradeSuffix(w string) bool {
	for _, s := range []string{"er", "or", "ist", "ian", "ant", "ent"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return false
}
