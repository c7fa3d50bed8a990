package extract

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Date rules
//
// Dates are read from the words outside quotation marks, first in the
// sentence holding the quotation (the mention nearest the attribution verb
// wins), then as saidAt says: the publication date for "says", a date
// carried from the speaker's earlier words, else the publication date.
// Recognised forms:
//
//   - full dates: "January 10, 2017", "10 January 2017", "Jan. 10", "2 Mar 2017", "2017-01-10";
//   - day and month without a year ("on 30 October", "January 10"): the
//     publication year, or the year before when that would be after publication;
//   - weekdays ("on Tuesday", "late on Wednesday"): the latest such day on
//     or before publication (a weekday in news copy is this week's); "last
//     Tuesday" is the latest one before publication day, or the one a week
//     before that when it was only one or two days before; a weekday in a
//     clause of plans ("is expected to announce on Thursday", "will vote
//     Tuesday") is the next such day;
//   - "today", "tonight", "this morning": publication day; "yesterday", "last
//     night": the day before; "three days ago"; under a day heading of a
//     live blog ("Mon 3 Nov 2025" on a line of its own) they count from the
//     heading's day, which is also the day of the entries under it;
//   - "the following day", "the next day", "a day later", "two days later",
//     "the day before", "the previous day": relative to the date mentioned last;
//   - vague references ("last week", "last year", "this month", "in January 2017",
//     "in 2016") count as a date without a day: SaidAt stays nil and no
//     earlier date is used;
//   - days after publication and references forward ("tomorrow", "next
//     week", "next Tuesday") are never the day words were said: they are
//     passed over.
//
// Relative forms need the publication date; without it they give nil.

// dateMention is a date phrase in the text; t is valid only when exact.
type dateMention struct {
	start, end int
	t          time.Time
	exact      bool
	shielded   bool
	// future is set for a day after publication or a reference forward
	// ("next week", "tomorrow", "is expected to announce on Thursday"):
	// it is never the day words were said.
	future bool
	// heading is set for a day heading (see dayHeading): the day of what
	// follows it.
	heading bool
}

// findDates scans the whole text once, in order, so relative phrases can
// refer to the date mentioned last, and "today" or "this evening" to the
// day of the section they are in (see dayHeading).
func (d *doc) findDates() {
	d.today = d.pub
	d.live = d.liveCoverage()
	var last time.Time
	hasLast := false
	for k := 0; k < len(d.toks); k++ {
		if d.toks[k].kind != tokWord {
			continue
		}
		t, exact, n := d.matchDate(k, last, hasLast)
		if n <= 0 {
			continue
		}
		end := k + n - 1
		if end >= len(d.toks) {
			end = len(d.toks) - 1
		}
		future := (exact && d.hasPub && t.After(d.pub)) || forwardWords[d.lowerWord(k)]
		d.dates = append(d.dates, dateMention{start: d.toks[k].start, end: d.toks[end].end, t: t, exact: exact, future: future})
		if exact {
			last, hasLast = t, true
			if d.dayHeading(k, end, t) {
				d.today = t
				d.dates[len(d.dates)-1].heading = true
			}
		}
		k = end
	}
}

// liveEntries is how many clock lines make a text live coverage.
const liveEntries = 3

// liveCoverage reports whether the text is live coverage: a live blog or
// a reporter's thread whose entries are headed by clock lines ("6:44 PM",
// "21.15 GMT", "2.41pm AEDT"). Its present tense ("Ortiz says …") is the
// entry's time, not the publication's.
func (d *doc) liveCoverage() bool {
	n := 0
	for _, p := range d.paras {
		if d.clockLine(p) {
			if n++; n >= liveEntries {
				return true
			}
		}
	}
	return false
}

// clockLine reports whether the first line of paragraph p is a time of
// day alone: hours 0–23, a colon or a full stop, two digits of minutes
// 00–59, then at most am or pm ("6:44 PM", "6:44 p.m.", "2.41pm") and a
// time zone ("21.15 GMT", "9.38am AEDT", "6:44 PM ET"). Unlike a post's
// time stamp (timeStampAt), it needs no am or pm.
func (d *doc) clockLine(p span) bool {
	if nl := strings.IndexByte(d.text[p.start:p.end], '\n'); nl >= 0 {
		p.end = p.start + nl // the line heads its entry's title: "16.52 GMT\nStorm makes landfall"
	}
	k := d.tokAt(p.start)
	if k+2 >= len(d.toks) || d.toks[k+2].start >= p.end || !d.isWord(k) || !d.isWord(k+2) {
		return false
	}
	if !(d.isPunct(k+1, ":") || d.isPunct(k+1, ".")) || !d.attached(k) || !d.attached(k+1) {
		return false
	}
	h, err := strconv.Atoi(d.tokText(k))
	if err != nil || h > 23 || len(d.tokText(k)) > 2 {
		return false
	}
	m := d.lowerWord(k + 2)
	if len(m) < 2 {
		return false
	}
	if mins, err := strconv.Atoi(m[:2]); err != nil || mins > 59 || (m[2:] != "" && m[2:] != "am" && m[2:] != "pm") {
		return false
	}
	words := 0
	for j := k + 3; j < len(d.toks) && d.toks[j].start < p.end; j++ {
		if !d.isWord(j) {
			if !d.isPunct(j, ".") {
				return false
			}
			continue
		}
		if words++; words > 3 || !clockWords[d.lowerWord(j)] {
			return false
		}
	}
	return true
}

// clockWords may follow a time of day on a clock line: am and pm, and
// time zones.
var clockWords = wordSet(`am pm a p m gmt bst utc cet cest et est edt ct cst cdt mt mst mdt pt pst pdt
	aest aedt awst acst nzst nzdt ist myt sgt hkt jst kst pht wat eat sast`)

// headingDays is how long before publication a day heading may lie, and
// maxHeadingWords how many words it has at most ("Monday 3 November 2025").
const (
	headingDays     = 14
	maxHeadingWords = 5
)

// dayHeading reports whether the exact date t at tokens k..end is a
// section's heading: in live coverage (see liveCoverage), a paragraph of
// its own holding the date and at most a weekday ("Mon 3 Nov 2025",
// "Tuesday, March 4"), as a live blog heads each day's entries, within a
// fortnight before publication. A date alone on a line elsewhere (a
// timeline box in an article) heads nothing. Under a heading, "today",
// "tonight", "this evening" and "yesterday" count from its day, not from
// publication.
func (d *doc) dayHeading(k, end int, t time.Time) bool {
	if !d.live || !d.hasPub || t.After(d.pub) || t.Before(d.pub.AddDate(0, 0, -headingDays)) {
		return false
	}
	pi := d.paraAt(d.toks[k].start)
	if pi < 0 {
		return false
	}
	p := d.paras[pi]
	if d.countWords(p.start, p.end, maxHeadingWords+1) > maxHeadingWords {
		return false // bounded, so that a paragraph of many weekdays stays linear
	}
	for j := d.tokAt(p.start); j < len(d.toks) && d.toks[j].start < p.end; j++ {
		if (j >= k && j <= end) || !d.isWord(j) {
			continue
		}
		if _, ok := weekdays[d.lowerWord(j)]; !ok && !weekdayShort[d.lowerWord(j)] {
			return false
		}
	}
	return true
}

func (d *doc) dayNum(k int) (int, bool) {
	w := d.lowerWord(k)
	if w == "" {
		return 0, false
	}
	i := 0
	for i < len(w) && i < 3 && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 {
		return 0, false
	}
	switch w[i:] {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	n, _ := strconv.Atoi(w[:i])
	return n, n >= 1 && n <= 31
}

func (d *doc) yearNum(k int) (int, bool) {
	w := d.lowerWord(k)
	if len(w) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 1900 && n <= 2100
}

// monthAt reads a capitalised month name at k, with the period of an
// abbreviation; it returns the month and the number of tokens used.
func (d *doc) monthAt(k int) (time.Month, int) {
	if !d.capWord(k) {
		return 0, 0
	}
	mo, ok := months[d.lowerWord(k)]
	if !ok {
		return 0, 0
	}
	if d.isPunct(k+1, ".") && d.attached(k) {
		return time.Month(mo), 2
	}
	return time.Month(mo), 1
}

// makeDate builds a valid UTC date or reports false.
func makeDate(y int, m time.Month, day int) (time.Time, bool) {
	t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == day && t.Month() == m
}

// inferYear places a day and month without a year at or before
// publication, unless it falls within forwardDays after it: "a rally on
// December 18" in a story of December 12 is six days ahead, not a year
// ago. Such a date is marked future and is never the day words were said.
// A date across the new year is read back ("On Jan. 6, the governor
// said" in a year-in-review of December 28 is this year's January).
func (d *doc) inferYear(m time.Month, day int) (time.Time, bool) {
	if !d.hasPub {
		return time.Time{}, false
	}
	t, ok := makeDate(d.pub.Year(), m, day)
	if ok && t.Sub(d.pub) > forwardDays*24*time.Hour {
		t, ok = makeDate(d.pub.Year()-1, m, day)
	}
	return t, ok
}

// forwardDays is how far after publication a day and month without a
// year may lie and still be read as ahead of it.
const forwardDays = 31

// fullDate reads an optional year after a day and month ending before token
// j and returns the date, whether it is exact, and the tokens used from j.
func (d *doc) fullDate(m time.Month, day, j int) (time.Time, bool, int) {
	if d.isPunct(j, ",") {
		if y, ok := d.yearNum(j + 1); ok {
			t, ok := makeDate(y, m, day)
			return t, ok, 2
		}
	}
	if y, ok := d.yearNum(j); ok {
		t, ok := makeDate(y, m, day)
		return t, ok, 1
	}
	t, ok := d.inferYear(m, day)
	return t, ok, 0
}

var vagueUnits = wordSet(`week month year weekend spring summer autumn fall winter decade century`)

// matchDate recognises a date phrase starting at word k. It returns the
// date, whether it names a day, and the number of tokens it spans (0 when
// there is no date phrase at k).
func (d *doc) matchDate(k int, last time.Time, hasLast bool) (time.Time, bool, int) {
	var zero time.Time
	w := d.tokText(k)
	lw := d.lowerWord(k)
	if b := stripPossessive(lw); b != lw {
		// "at Tuesday's panel meeting", "yesterday's briefing": the day
		// of an occasion for speech; "Tuesday's budget" dates no words.
		if !d.occasionAfter(k) {
			return zero, false, 0
		}
		lw = b
	}
	pubRel := func(days, n int) (time.Time, bool, int) {
		if !d.hasPub {
			return zero, false, n
		}
		return d.today.AddDate(0, 0, days), true, n
	}
	lastRel := func(days, n int) (time.Time, bool, int) {
		if !hasLast {
			return zero, false, n
		}
		return last.AddDate(0, 0, days), true, n
	}
	// ISO 2017-01-10.
	if len(w) == 10 && w[4] == '-' && w[7] == '-' {
		y, e1 := strconv.Atoi(w[:4])
		m, e2 := strconv.Atoi(w[5:7])
		day, e3 := strconv.Atoi(w[8:])
		if e1 == nil && e2 == nil && e3 == nil && m >= 1 && m <= 12 {
			if t, ok := makeDate(y, time.Month(m), day); ok {
				return t, true, 1
			}
		}
	}
	// 10 January 2017, 10th of January, 2 Mar 2017.
	if day, ok := d.dayNum(k); ok {
		j := k + 1
		if d.lowerWord(j) == "of" {
			j++
		}
		if m, n := d.monthAt(j); n > 0 {
			j += n
			t, exact, used := d.fullDate(m, day, j)
			return t, exact, j + used - k
		}
	}
	// January 10, 2017; Jan. 10; January 2017; in January.
	if m, n := d.monthAt(k); n > 0 {
		j := k + n
		if day, ok := d.dayNum(j); ok {
			t, exact, used := d.fullDate(m, day, j+1)
			return t, exact, j + 1 + used - k
		}
		if _, ok := d.yearNum(j); ok {
			return zero, false, n + 1
		}
		switch d.lowerWord(k - 1) {
		case "in", "since", "early", "late", "mid", "last", "until", "of":
			if lw != "jan" && lw != "mar" {
				return zero, false, n
			}
		}
		return zero, false, 0
	}
	// Weekdays.
	if wd, ok := weekdays[lw]; ok && d.capWord(k) {
		if d.lowerWord(k-1) == "next" {
			return zero, false, 1
		}
		if d.hasPub && d.plannedBefore(k) {
			// "is expected to announce results on Thursday": the next
			// such day, or publication day itself.
			return d.pub.AddDate(0, 0, (wd-int(d.pub.Weekday())+7)%7), true, 1
		}
		if d.isPunct(k+1, ",") {
			if _, n := d.monthAt(k + 2); n > 0 {
				return zero, false, 0
			}
			if _, ok := d.dayNum(k + 2); ok {
				return zero, false, 0
			}
		}
		if !d.hasPub {
			return zero, false, 1
		}
		// The latest such day on or before publication, as news copy
		// means it ("said Wednesday" in a Wednesday story is that day);
		// "last Tuesday" is the latest one before publication day unless
		// that was yesterday or the day before, which copy would call
		// "yesterday" or plain "Tuesday": then it is the one a week before.
		back := (int(d.pub.Weekday()) - wd + 7) % 7
		if d.lowerWord(k-1) == "last" && back <= 2 {
			back += 7
		}
		return d.pub.AddDate(0, 0, -back), true, 1
	}
	next := d.lowerWord(k + 1)
	switch lw {
	case "yesterday":
		return pubRel(-1, 1)
	case "today", "tonight":
		return pubRel(0, 1)
	case "tomorrow":
		return pubRel(1, 1)
	case "this":
		switch {
		case next == "morning" || next == "afternoon" || next == "evening":
			return pubRel(0, 2)
		case vagueUnits[next]:
			return zero, false, 2
		}
	case "last":
		switch {
		case next == "night":
			return pubRel(-1, 2)
		case vagueUnits[next]:
			return zero, false, 2
		}
	case "next", "past":
		if vagueUnits[next] {
			return zero, false, 2
		}
	case "in":
		if _, ok := d.yearNum(k + 1); ok {
			return zero, false, 2
		}
	case "the":
		third := d.lowerWord(k + 2)
		switch {
		case (next == "following" || next == "next") && (third == "day" || third == "morning"):
			return lastRel(1, 3)
		case (next == "previous" || next == "preceding") && third == "day":
			return lastRel(-1, 3)
		case next == "day" && third == "before" && !d.isWord(k+3):
			return lastRel(-1, 3)
		case (next == "following" || next == "next") && vagueUnits[third]:
			return zero, false, 3
		}
	}
	// "two days ago", "a day later", "three days earlier".
	n, isNum := numberWords[lw]
	if !isNum && isDigitStart(lw) && len(lw) <= 2 {
		v, err := strconv.Atoi(lw)
		n, isNum = v, err == nil
	}
	if isNum {
		unit := next
		third := d.lowerWord(k + 2)
		switch {
		case unit == "day" || unit == "days":
			switch third {
			case "ago":
				return pubRel(-n, 3)
			case "later":
				return lastRel(n, 3)
			case "earlier", "before":
				if third == "earlier" || !d.isWord(k+3) {
					return lastRel(-n, 3)
				}
			}
		case vagueUnits[unit] || vagueUnits[trimS(unit)]:
			if third == "ago" {
				return zero, false, 3
			}
		}
	}
	return zero, false, 0
}

// forwardWords are the words that open a date phrase pointing after
// publication ("next week", "tomorrow").
var forwardWords = wordSet(`next tomorrow`)

// plannedWords mark a clause as telling of something still to come, as
// do plansBeforeTo before "to" ("is to meet", "set to vote").
var (
	plannedWords  = wordSet(`will expected due scheduled upcoming planned plans plan intends`)
	plansBeforeTo = wordSet(`is are set going`)
)

// plannedBefore reports whether the clause before token k tells of
// something still to come ("The company is expected to announce its
// results on Thursday", "the council will vote Tuesday", "is to meet on
// Friday"), reading back to the sentence's start or to a verb of saying,
// whose own day a weekday after it gives ("Smith, who will retire, said
// on Tuesday").
func (d *doc) plannedBefore(k int) bool {
	for j, n := k-1, 0; j >= 0 && n < 40; j-- {
		if !d.isWord(j) {
			if t := d.tokText(j); t == "." || t == "!" || t == "?" || t == ";" {
				return false
			}
			continue
		}
		n++
		w := d.lowerWord(j)
		if verbs[w] != 0 || sayingVerbs[w] {
			return false
		}
		if plannedWords[w] || (w == "to" && plansBeforeTo[d.lowerWord(j-1)]) {
			return true
		}
	}
	return false
}

func trimS(s string) string {
	if len(s) > 1 && s[len(s)-1] == 's' {
		return s[:len(s)-1]
	}
	return s
}

// dateFrom returns the index of the first date mention at or after off.
func (d *doc) dateFrom(off int) int {
	return sort.Search(len(d.dates), func(i int) bool { return d.dates[i].start >= off })
}

func (d *doc) dateValue(i int) *time.Time {
	if !d.dates[i].exact {
		return nil
	}
	t := d.dates[i].t
	return &t
}

// statedDate returns the date mention in sentence si nearest anchor,
// ignoring dates inside quotations and inside excl. found reports whether
// the sentence gave any date reference; the date is nil when it was vague
// ("last week").
func (d *doc) statedDate(anchor, si int, excl span) (t *time.Time, found bool) {
	if si < 0 || si >= len(d.sents) {
		return nil, false
	}
	s := d.sents[si]
	best, bestDist := -1, 0
	lo := d.dateFrom(s.start)
	for i := lo; i < len(d.dates) && d.dates[i].start < s.end && i-lo < 200; i++ {
		dm := d.dates[i]
		if dm.shielded || dm.future || (dm.start < excl.end && dm.end > excl.start) {
			continue
		}
		dist := dm.start - anchor
		if dist < 0 {
			dist = -dist
		}
		if best < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return nil, false
	}
	return d.dateValue(best), true
}

// dated pairs a date the text gave with its source; a vague date (nil)
// has none.
func dated(t *time.Time, src string) (*time.Time, string) {
	if t == nil {
		return nil, DateNone
	}
	return t, src
}

// saidEvent records that speaker said something at a known date, for the
// speaker's later quotations that give no date of their own.
type saidEvent struct {
	pos, para int
	speaker   string
	t         time.Time
}

// saidAt chooses the date of words attributed to speaker near anchor in
// sentence si, ignoring dates inside quotations and inside excl, and says
// where it came from (a Date constant):
//
//  1. a date in the same sentence (stated; nil for a vague one);
//  2. for a present-tense attribution ("says"), the publication date,
//     except in live coverage, where it is the entry's time (see
//     liveCoverage) and the steps below date it;
//  3. the date nearest the speaker's name in an earlier sentence of the
//     paragraph that names the speaker (carried);
//  4. the date of the speaker's last dated words in the three paragraphs
//     before (carried);
//  5. the day of the scene the words belong to (carried, see sceneDate);
//  6. the publication date, else none.
func (d *doc) saidAt(anchor, si int, excl span, present bool, speaker string) (*time.Time, string) {
	if t, ok := d.statedDate(anchor, si, excl); ok {
		return dated(t, DateStated)
	}
	if present && d.hasPub && !d.live {
		t := d.pub
		return &t, DateArticle
	}
	if speaker != "" && si >= 0 && si < len(d.sents) {
		s := d.sents[si]
		for j, n := si-1, 0; j >= 0 && n < 8 && d.sents[j].para == s.para; j, n = j-1, n+1 {
			ps := d.sents[j]
			at := d.mentionsPerson(ps, speaker)
			if at < 0 {
				continue
			}
			// The date nearest the speaker's name is the attribution's
			// ("In an interview Thursday, Mitchum said she had bought
			// shares in May").
			if t, ok := d.statedDate(at, j, span{}); ok {
				return dated(t, DateCarried)
			}
		}
		for i := len(d.events) - 1; i >= 0; i-- {
			ev := d.events[i]
			if ev.pos >= anchor {
				continue
			}
			if ev.para < s.para-3 {
				break
			}
			if ev.speaker == speaker {
				t := ev.t
				return &t, DateCarried
			}
		}
	}
	if len(d.scenes) > 0 {
		if t, ok := d.sceneDate(anchor, speaker, d.toldOutlet(anchor) || d.givenToReporter(si, excl)); ok {
			return &t, DateCarried
		}
	}
	if d.hasPub {
		t := d.pub
		return &t, DateArticle
	}
	return nil, DateNone
}

// toldOutlet reports whether the attribution verb at offset anchor tells
// the words to the publication itself or to another outlet ("told us",
// "told Playbook", "told the Valley Courier", "told Reuters"): words given
// to a reporter, whose day is their own or the publication's, not that of
// the scene the narration tells of. An outlet is a run of at most
// outletWords capitalised words, no person's name, ending in a word that
// names a publication (see outletNames); "told US lawmakers", "told MPs"
// and "told the Labour Party Conference" are no outlets.
func (d *doc) toldOutlet(anchor int) bool {
	k := d.tokAt(anchor)
	if k >= len(d.toks) || d.toks[k].start != anchor {
		return false
	}
	switch d.lowerWord(k) {
	case "told", "tells", "telling", "tell":
	default:
		return false
	}
	j := k + 1
	if j < len(d.toks) && d.tokText(j) == "us" {
		return true
	}
	if d.lowerWord(j) == "the" {
		j++
	}
	if j >= len(d.toks) || !d.capWord(j) || d.personAt(d.toks[j].start) {
		return false
	}
	last := ""
	for n := 0; j < len(d.toks) && d.capWord(j) && n < outletWords; j, n = j+1, n+1 {
		last = d.lowerWord(j)
	}
	return outletNames[last]
}

// outletWords is how many capitalised words an outlet's name has at most.
const outletWords = 5

// personAt reports whether a mention of a person starts at offset off.
func (d *doc) personAt(off int) bool {
	i := d.mentionFrom(off)
	return i < len(d.ments) && d.ments[i].start == off && d.ments[i].person
}

// sceneDays is how long before publication a date in the narration may
// lie and still be the day of the scene the article reports.
const sceneDays = 14

// scene is a day the article's narration gives for something said, at a
// position in the text. A scene set by one person's words at an occasion
// of their own ("X said last night", "in an email Tuesday, X wrote") is
// that person's alone: speaker names them; a shared occasion (a hearing, a
// council meeting, a call with analysts) or plain narration has none.
type scene struct {
	pos     int
	t       time.Time
	speaker string
	// body is set when the person's occasion was a body's sitting ("X
	// told the council Thursday"): its members' words are of that day too.
	body bool
	// heading is set for a live blog's day heading (see dayHeading).
	heading bool
	// unnamed is set for the occasion of someone the sentence does not
	// name ("…,\" he said when met by reporters yesterday", "officials
	// said on Sunday"), at no shared occasion: it is the speaker's own
	// once ownUnnamedScenes has found who they are, and no one's until
	// then.
	unnamed bool
}

// findScenes records, in text order, the days of the scenes the narration
// tells of (see sceneDate). It runs once, after the shields are built.
func (d *doc) findScenes() {
	if !d.hasPub {
		return
	}
	oldest := d.pub.AddDate(0, 0, -sceneDays)
	lastSent := -1
	var kind sceneKind
	for _, dm := range d.dates {
		if !dm.exact || dm.shielded || dm.t.After(d.pub) || dm.t.Before(oldest) || inSpans(d.regions, dm.start) {
			continue
		}
		if d.lowerWord(d.tokAt(dm.start)-1) == "dated" {
			continue // "a letter dated 2 January": a document's day, not an occasion
		}
		si := d.sentAt(dm.start)
		if si != lastSent {
			lastSent, kind = si, d.sceneOf(si)
		}
		if v := d.firstSayingVerb(si); !dm.heading && v >= 0 && d.lowerWord(v+1) == "that" && d.toks[v].start < dm.start {
			// "The chair said that the committee at its meeting on 6
			// January had recommended …": a day inside what was said,
			// before the clause's verb ("… spoke for itself when we
			// interviewed him on 9 July" is the occasion's).
			if k := d.tokAt(dm.end); d.isWord(k) && (auxiliaries[d.lowerWord(k)] || d.verbAt(k, d.lowerWord(k-1))) {
				continue
			}
		}
		if dm.heading {
			d.scenes = append(d.scenes, scene{pos: dm.start, t: dm.t, heading: true})
		} else if kind.speech {
			d.scenes = append(d.scenes, scene{pos: dm.start, t: dm.t, speaker: kind.speaker, body: kind.body, unnamed: kind.unnamed})
		}
	}
}

// sceneLookback bounds how many other people's scenes sceneDate passes
// over, so that a text of many one-person scenes stays linear.
const sceneLookback = 32

// sceneDate returns the day of the scene that words of speaker at pos
// belong to: the last day the article's own narration gives before pos in
// a sentence that tells of something said ("The council voted on Thursday
// night …", a live blog's "Monday 3 November"), when it lies in the
// fortnight up to publication, passing over scenes that belong to someone
// else, and, for words told to an outlet or given to a reporter
// (toReporter, see toldOutlet and givenToReporter), over the narration's
// shared scenes too: only a day heading or the speaker's own occasion
// dates them (and, for a member of a body, the body's sitting); a shared
// scene older than one passed over is stale, and nothing before it dates
// the words. Older
// dates in narration are background ("the fund, set up on 3 March 2021,
// …"), and a day whose year would have to be guessed is not used.
func (d *doc) sceneDate(pos int, speaker string, toReporter bool) (time.Time, bool) {
	i := sort.Search(len(d.scenes), func(i int) bool { return d.scenes[i].pos >= pos })
	// latest is the latest day of the scenes passed over: a shared scene
	// older than it is stale, the narration having moved on to a later
	// day ("The council voted on Thursday. … Pickett said last night …
	// His daughter said: …" is no longer Thursday's meeting).
	var latest time.Time
	for j := i - 1; j >= 0 && j >= i-sceneLookback; j-- {
		sc := d.scenes[j]
		if sc.speaker == "" && !sc.unnamed && !sc.heading && sc.t.Before(latest) {
			return time.Time{}, false
		}
		if sc.t.After(latest) {
			latest = sc.t
		}
		if toReporter && sc.speaker == "" && !sc.heading {
			continue
		}
		if sc.unnamed && sc.speaker == "" {
			continue // whose occasion it was is not known
		}
		if sc.speaker == "" || sc.speaker == speaker || (sc.body && d.member(speaker)) {
			return sc.t, true
		}
	}
	return time.Time{}, false
}

// ownUnnamedScenes gives each scene of someone its sentence does not name
// (see scene) to the person a quotation is attributed to by a verb of that
// sentence ("…,\" he said when met by reporters yesterday"). It runs once
// the quotations are attributed and before they are dated.
func (d *doc) ownUnnamedScenes() {
	lastSent, owner := -1, ""
	for i := range d.scenes {
		sc := &d.scenes[i]
		if !sc.unnamed {
			continue
		}
		if si := d.sentAt(sc.pos); si != lastSent {
			// Worked out once per sentence: a sentence may hold
			// thousands of days and quotations.
			lastSent, owner = si, ""
			s := d.sents[si]
			for qi := d.quoteFrom(s.start); qi < len(d.quotes) && d.quotes[qi].open < s.end; qi++ {
				a := d.quotes[qi].attr
				if a.found && a.person && a.speaker != "" && a.verb >= 0 && d.toks[a.verb].start >= s.start && d.toks[a.verb].start < s.end {
					owner = a.speaker
					break
				}
			}
		}
		sc.speaker = owner
	}
}

// speechEvents are the occasions at which things are said.
var speechEvents = wordSet(`hearing hearings debate debates meeting meetings interview interviews
	conference briefing briefings session sessions call rally speech speeches statement statements
	address addressed speaking spoke spoken remarks testimony podium`)

// hearingVerbs tell of lawmakers questioning someone ("Senators on
// Tuesday grilled officials …"): with a body (see bodies) or its members
// (see questioners) named in the same sentence, the sentence tells of a
// hearing.
var hearingVerbs = wordSet(`grilled quizzed interrogated cross-examined`)

// questioners are the members of bodies, and the bodies not in bodies,
// who grill someone at a hearing.
var questioners = wordSet(`lawmakers legislators senators representatives congressmen congresswomen
	mps msps tds mlas mpps councillors councilors councilmembers members committees panel congress`)

// bodies are the bodies that sit, and sittings what they do when they
// sit (a court's ruling among them): their words of the day, a judge's
// opinion included, are spoken there.
var (
	bodies = wordSet(`commons senate chamber council committee inquiry trial court board assembly
		parliament dáil dail cabinet house lords jury tribunal`)
	sittings = wordSet(`voted vote sentenced sentencing convicted acquitted jailed heard hears
		met meets sat sits debated approved adopted passed rejected endorsed backed appeared appears
		ruled upheld overturned dismissed`)
)

// occasionWords name occasions at which several people speak.
const occasionWords = `hearing hearings debate debates meeting meetings conference briefing
	briefings session sessions call rally vote voted podium inquiry trial summit panel forum`

var (
	// sharedOccasions are the words of sharedEvents that name an
	// occasion, not a body that sits ("in a statement issued after the
	// hearing", as against "Senate leader X said in a statement").
	sharedOccasions = wordSet(occasionWords)
	// sharedEvents are the occasions at which several people speak, and
	// the bodies that sit, so that what others say later in the article
	// may be from the same day.
	sharedEvents = wordSet(occasionWords + ` commons senate chamber council committee court dáil
		dail assembly parliament`)
)

// ownOccasion are participles that make the occasion after them the
// speaker's own.
var ownOccasion = wordSet(`speaking addressing testifying appearing`)

// sceneKind says whether a sentence tells of something said, and whose
// occasion it was (see scene).
type sceneKind struct {
	speech  bool
	speaker string
	body    bool
	unnamed bool
}

// looksBack reports whether sentence si tells of words said before the
// story's time ("Flanagan had said at his press conference on Thursday
// that …"): their date is theirs alone, not the scene's nor the speaker's
// next words'.
//
// It is worked out once per sentence: a sentence may hold thousands of
// quotations that each ask.
func (d *doc) looksBack(si int) bool {
	if si < 0 || si >= len(d.sents) {
		return false
	}
	if d.backward == nil {
		d.backward = make([]uint8, len(d.sents))
	}
	if d.backward[si] == 0 {
		d.backward[si] = 1
		s := d.sents[si]
		prev := ""
		for k := d.tokAt(s.start); k < len(d.toks) && d.toks[k].start < s.end; k++ {
			if !d.isWord(k) || inSpans(d.shields, d.toks[k].start) {
				continue
			}
			lw := d.lowerWord(k)
			if prev == "had" && (verbs[lw] != 0 || sayingVerbs[lw]) {
				d.backward[si] = 2
				break
			}
			prev = lw
		}
	}
	return d.backward[si] == 2
}

// sceneOf reads sentence si as a scene: it tells of something said when it
// holds an attribution verb or names an occasion for speech, unless it
// looks back. A shared occasion named before any verb of saying ("At the
// hearing on Tuesday, …") is everyone's scene; otherwise, when the
// sentence names one person alone, or names no one and opens with a role
// the article has tied to one person ("The minister told reporters on
// Tuesday"), the scene is that person's ("Odell told a budget hearing last
// Thursday"), and the members of a body that sat share it (body); when it
// names no one and no shared occasion at all ("…," he said when met by
// reporters yesterday), the scene is the unnamed speaker's (unnamed).
func (d *doc) sceneOf(si int) sceneKind {
	if si < 0 || si >= len(d.sents) {
		return sceneKind{}
	}
	s := d.sents[si]
	if d.looksBack(si) {
		return sceneKind{}
	}
	// setting is whether a shared occasion is named before any verb of
	// saying: "At the hearing on Tuesday, X said" sets a scene for all who
	// spoke there, while "X told a hearing on Tuesday" is X's occasion.
	speech, setting, shared, attributed := false, false, false, false
	body, sat := false, false
	grilled, questioned := false, false
	for k := d.tokAt(s.start); k < len(d.toks) && d.toks[k].start < s.end; k++ {
		if !d.isWord(k) || d.insideQuote(d.toks[k].start) {
			continue // the narration's words, not the speaker's
		}
		lw := d.lowerWord(k)
		saying := verbs[lw] != 0 || sayingVerbs[lw]
		// "Speaking at a conference on Monday, X said": the occasion
		// is the speaker's own, as with "X told a conference".
		attributed = attributed || ownOccasion[lw]
		setting = setting || (!attributed && sharedEvents[lw])
		shared = shared || sharedEvents[lw]
		attributed = attributed || saying
		speech = speech || saying || speechEvents[lw]
		grilled = grilled || hearingVerbs[lw]
		questioned = questioned || questioners[lw]
		body = body || bodies[lw]
		sat = sat || sittings[lw]
	}
	// A body named at its sitting ("the board voted 4-3 Tuesday night",
	// "was sentenced at Crown Court on Friday") sets a scene; a body named
	// for what it did elsewhere ("the ruling, issued on Monday by the
	// court") does not.
	speech = speech || (body && sat) || (grilled && (questioned || body))
	if !speech {
		return sceneKind{}
	}
	if setting || !attributed {
		return sceneKind{speech: true}
	}
	if m, n := d.peopleIn(s.start, s.end); n == 1 {
		return sceneKind{speech: true, speaker: d.mentionName(m), body: shared}
	} else if who, _, ok := d.roleSubject(s); ok && n == 0 {
		// "The minister told reporters on Tuesday …": the role's holder.
		return sceneKind{speech: true, speaker: who, body: shared}
	} else if n == 0 && !shared {
		// "…," he said when met by reporters yesterday, "officials said
		// on Sunday": the speaker's own occasion, not a scene for all.
		return sceneKind{speech: true, unnamed: true}
	}
	return sceneKind{speech: true}
}

// memberTitles are the titles of the members of a body that sits: a
// council, a legislature, a board.
var memberTitles = wordSet(`councilmember councilman councilwoman councillor cllr alderman
	alderwoman alder senator sen rep representative assemblymember assemblyman assemblywoman
	legislator delegate mp mpp mla msp td commissioner supervisor trustee selectman selectwoman`)

// member reports whether the article gives speaker the title of a member
// of a sitting body ("Councilmember Ray Dubois", "Sen. Ana Ruiz").
func (d *doc) member(speaker string) bool {
	info := d.names.byKey[speaker]
	if info == nil {
		return false
	}
	if info.member == 0 {
		info.member = 1
		if d.memberTitled(info) {
			info.member = 2
		}
	}
	return info.member == 2
}

// memberTitled reports whether any mention of info has a member's title
// among the three words before it.
func (d *doc) memberTitled(info *nameInfo) bool {
	for _, p := range info.pos {
		i := d.mentionFrom(p)
		if i >= len(d.ments) {
			continue
		}
		for k, n := d.ments[i].lo, 0; k >= 0 && n < 3; k-- {
			if !d.isWord(k) {
				continue
			}
			if memberTitles[d.lowerWord(k)] {
				return true
			}
			n++
		}
	}
	return false
}

// mentionsPerson returns the offset of the first mention in sentence s of
// the person speaker, by any of the names that resolve to them, or -1.
func (d *doc) mentionsPerson(s sentence, speaker string) int {
	for i := d.mentionFrom(s.start); i < len(d.ments) && d.ments[i].start < s.end; i++ {
		if m := &d.ments[i]; m.person && !m.shielded && d.mentionName(m) == speaker {
			return m.start
		}
	}
	return -1
}

// occasionAfter reports whether one of the three words after token k
// names an occasion for speech ("Tuesday's panel meeting", "yesterday's
// briefing"), as against a thing of that day ("Tuesday's budget").
func (d *doc) occasionAfter(k int) bool {
	for j, n := k+1, 0; j < len(d.toks) && n < 3 && d.isWord(j); j, n = j+1, n+1 {
		if lw := d.lowerWord(j); speechEvents[lw] || sharedOccasions[lw] {
			return true
		}
	}
	return false
}

// reporterPhrases are the ways words reach a reporter on an occasion of
// the speaker's own: "said when contacted", "told a reporter in an
// interview", "said by phone", "said in a statement".
var reporterPhrases = [][]string{
	{"when", "contacted"}, {"when", "reached"}, {"in", "an", "interview"}, {"in", "a", "phone", "interview"},
	{"in", "a", "telephone", "interview"}, {"by", "phone"}, {"by", "telephone"}, {"by", "email"},
	{"in", "an", "email"}, {"in", "a", "statement"}, {"in", "a", "text", "message"},
}

// givenToReporter reports whether sentence si tells, outside quotations
// and the words said (excl), of words that reached a reporter on the
// speaker's own occasion (see reporterPhrases), and names no shared
// occasion ("in a statement issued after the hearing" is of the hearing's
// day): like words told to an outlet (see toldOutlet), their day is their
// own or the publication's, not that of the scene the narration tells of.
//
// The sentence is read once (see reporterCues): one sentence may hold
// thousands of quotations that each ask.
func (d *doc) givenToReporter(si int, excl span) bool {
	if si < 0 || si >= len(d.sents) {
		return false
	}
	c := d.reporterCues(si)
	outside := func(at []int) int {
		lo := sort.SearchInts(at, excl.start)
		hi := sort.SearchInts(at, excl.end)
		return len(at) - (hi - lo)
	}
	return outside(c.phrases) > 0 && outside(c.shared) == 0
}

// sentCues are where, outside quotations, a sentence has reporter phrases
// and words naming a shared occasion: offsets in text order.
type sentCues struct {
	phrases, shared []int
}

// reporterCues returns sentence si's sentCues, reading it the first time.
func (d *doc) reporterCues(si int) *sentCues {
	if d.cues == nil {
		d.cues = make([]*sentCues, len(d.sents))
	}
	if c := d.cues[si]; c != nil {
		return c
	}
	c := &sentCues{}
	d.cues[si] = c
	s := d.sents[si]
	for k := d.tokAt(s.start); k < len(d.toks) && d.toks[k].start < s.end; k++ {
		at := d.toks[k].start
		if !d.isWord(k) || d.insideQuote(at) {
			continue
		}
		if sharedOccasions[d.lowerWord(k)] {
			c.shared = append(c.shared, at)
		}
		if d.phraseAt(k, reporterPhrases) {
			c.phrases = append(c.phrases, at)
		}
	}
	return c
}

// phraseAt reports whether one of phrases starts at word token k, its
// words matched in lower case, one token each, nothing between them.
func (d *doc) phraseAt(k int, phrases [][]string) bool {
phrases:
	for _, p := range phrases {
		for i, w := range p {
			if d.lowerWord(k+i) != w {
				continue phrases
			}
		}
		return true
	}
	return false
}
