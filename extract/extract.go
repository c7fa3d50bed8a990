// Package extract finds candidate claims in the plain text of a news
// article: direct quotations with their speakers, social media posts pasted
// into the article, and statements the article attributes to a source
// ("..., according to the Washington Post").
//
// Find works on text alone, with no network access and no language model.
// It splits the text into paragraphs (blocks between blank lines, or lines
// when the text has no blank lines) and sentences, pairs quotation marks,
// reads the attribution around each quotation, resolves speakers to the
// fullest name the article gives, and dates each candidate from the words
// around it and the article's publication date. The rules for speakers,
// dates and posts are described next to the code that applies them.
//
// Find never panics and runs in time roughly linear in the length of the
// text. Every candidate satisfies text[c.Start:c.End] == c.Quote. What it
// returns stays proportional to the text, whatever the text: each Sentence
// is cut to at most MaxSentence characters around its quote (less when many
// candidates share one long sentence), no two candidates of the same kind
// overlap, and at most MaxCandidates are returned.
package extract

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on what Find returns, so that its answer grows with its input and
// not faster: without them, one long sentence holding thousands of quotations
// would be copied into every candidate.
const (
	// MaxSentence is the most characters (runes) of a candidate's Sentence,
	// ellipses included.
	MaxSentence = 600
	// MaxSpeaker is the longest speaker name, in characters, that Find
	// reports; a longer run of words is not a name, and the speaker is left
	// unknown. It matches the longest speaker a claim accepts.
	MaxSpeaker = 200
	// MaxCandidates is the most candidates Find returns: the first ones in
	// text order. More than an editor can pick from in one article.
	MaxCandidates = 300
)

// ellipsis marks where a Sentence was cut.
const ellipsis = "…"

// Candidate is one statement found in article text.
type Candidate struct {
	Quote    string     // the quoted words, without the quotation marks, trimmed
	Speaker  string     // resolved speaker name ("" when unknown)
	SaidAt   *time.Time // date the words were said (UTC midnight), nil when the text gives none
	Sentence string     // the sentence (or post) holding the quote, cut to at most MaxSentence characters around it, cuts marked with "…"
	Start    int        // byte offset of Quote's first byte in the input text
	End      int        // byte offset just past Quote's last byte; text[Start:End] == Quote exactly
	Kind     string     // "quote", "social_post" or "reported"
	// Parts are the pieces of a quotation split by its attribution (`"We
	// will win," she said, "because …"`): Quote is their texts joined by
	// one space, and Start and End are the first piece's start and the
	// last one's end. Nil when Quote is text[Start:End] itself.
	Parts []Span
	// SpeakerConfidence says how the speaker was found: ConfidenceHigh,
	// ConfidenceMedium, ConfidenceLow or ConfidenceNone.
	SpeakerConfidence string
	// DateSource says where SaidAt comes from: DateStated, DateCarried,
	// DateArticle or DateNone (SaidAt nil).
	DateSource string
}

// Span is a half-open range [Start, End) of byte offsets into the text.
type Span struct{ Start, End int }

// Speaker confidences, from surest to least sure, so that the desk can flag
// the candidates an editor should check.
const (
	// ConfidenceHigh: the attribution itself names the speaker (a person,
	// or an organisation by its full name: "The Washington Post
	// reported"), or a transcript's label or a post's header does.
	ConfidenceHigh = "high"
	// ConfidenceMedium: the attribution says "he", "the chancellor" or a
	// surname, resolved to the one person the article names that way, or
	// the quotation continues one that names its speaker.
	ConfidenceMedium = "medium"
	// ConfidenceLow: the speaker is a description ("the company",
	// "officials") or a pronoun resolved only to the last person quoted.
	ConfidenceLow = "low"
	// ConfidenceNone: no speaker was found (Speaker is empty).
	ConfidenceNone = "none"
)

// Date sources.
const (
	// DateStated: the words around the attribution give the day ("on
	// Tuesday", "yesterday", "on 3 March").
	DateStated = "stated"
	// DateCarried: an earlier sentence or quotation of the same speaker,
	// or a transcript's header, gives the day.
	DateCarried = "carried"
	// DateArticle: nothing gives the day, and it is the article's
	// publication date, as news copy implies for words said "now".
	DateArticle = "article_date"
	// DateNone: no day can be told: a vague time ("last week"), or no
	// publication date to fall back on.
	DateNone = "none"
)

// Candidate kinds.
const (
	// KindQuote is a direct quotation in quotation marks.
	KindQuote = "quote"
	// KindSocialPost is a social media post pasted into the article.
	KindSocialPost = "social_post"
	// KindReported is a claim the article attributes to a source without quoting it.
	KindReported = "reported"
)

// Find returns the first MaxCandidates candidates in text order, and how
// many the text holds in all. published is the article's publication date
// (zero value = unknown).
func Find(text string, published time.Time) (cands []Candidate, total int) {
	if len(text) == 0 {
		return nil, 0
	}
	d := newDoc(text, published)
	d.findDates()
	d.findPosts()
	d.findTurns()
	d.pairQuotes()
	d.splitSentences()
	d.buildShields()
	d.findMentions()
	d.buildNames()
	d.buildRoles()
	d.findScenes()
	d.quoteCandidates()
	d.reportedCandidates()
	d.dropAbsorbed()
	d.postCandidates()
	d.turnCandidates()
	sort.SliceStable(d.out, func(i, j int) bool {
		a, b := d.out[i].c, d.out[j].c
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	d.restoreText()
	return d.finish(), len(d.out)
}

// restoreText puts back the input as given where normaliseMarks changed its
// quotation marks, and quotes each candidate from it: the offsets are the
// same outside the rewritten marks, an edge inside one moves to the mark's
// edge, and the marks are the writer's.
func (d *doc) restoreText() {
	if d.markRuns == nil {
		return
	}
	d.text = d.orig
	for i := range d.out {
		f := &d.out[i]
		c := &f.c
		// A span that takes in a mark ends at the mark's edge: ` "` stood
		// for the two bytes of «.
		c.Start, c.End = snapOut(d.markRuns, c.Start, true), snapOut(d.markRuns, c.End, false)
		for j := range c.Parts {
			c.Parts[j].Start, c.Parts[j].End = snapOut(d.markRuns, c.Parts[j].Start, true), snapOut(d.markRuns, c.Parts[j].End, false)
		}
		f.sent.start, f.sent.end = snapOut(d.markRuns, f.sent.start, true), snapOut(d.markRuns, f.sent.end, false)
		if c.Parts == nil {
			c.Quote = d.text[c.Start:c.End]
			continue
		}
		parts := make([]string, len(c.Parts))
		for j, p := range c.Parts {
			parts[j] = d.text[p.Start:p.End]
		}
		c.Quote = strings.Join(parts, " ")
	}
}

// found is a candidate before its Sentence is cut: sent is the span of the
// whole sentence (or post) that holds it.
type found struct {
	c    Candidate
	sent span
}

// emit records a candidate found in the sentence (or post) [s, e).
func (d *doc) emit(c Candidate, s, e int) {
	d.out = append(d.out, found{c, span{s, e}})
}

// finish returns the first MaxCandidates candidates with their Sentence cut
// and their Speaker checked.
//
// A sentence of L characters shared by n candidates gives each at most
// 2·L/n characters of context besides its quote, so that the Sentences of
// all candidates together stay within a small multiple of the text however
// many quotations one sentence holds.
func (d *doc) finish() []Candidate {
	type share struct{ n, runes int }
	shares := map[span]*share{}
	for _, f := range d.out {
		if sh := shares[f.sent]; sh != nil {
			sh.n++
		} else {
			shares[f.sent] = &share{n: 1, runes: -1}
		}
	}
	n := min(len(d.out), MaxCandidates)
	out := make([]Candidate, n)
	for i, f := range d.out[:n] {
		c := f.c
		if utf8.RuneCountInString(c.Speaker) > MaxSpeaker {
			c.Speaker, c.SpeakerConfidence = "", ConfidenceNone
		}
		sh := shares[f.sent]
		if sh.runes < 0 {
			sh.runes = utf8.RuneCountInString(d.text[f.sent.start:f.sent.end])
		}
		q := countRunes(c.Quote, MaxSentence)
		c.Sentence = d.excerpt(f.sent, span{c.Start, c.End}, min(MaxSentence, q+2*sh.runes/sh.n))
		out[i] = c
	}
	return out
}

// countRunes counts the runes of s, stopping at max.
func countRunes(s string, max int) int {
	n := 0
	for range s {
		if n == max {
			break
		}
		n++
	}
	return n
}

// excerpt returns the sentence sent, trimmed, when it has at most limit
// characters; otherwise the part of it around the quote q, at most limit
// characters with the ellipses that mark the cuts, cut between words where
// a space is near. A quote longer than the limit keeps its beginning.
func (d *doc) excerpt(sent, q span, limit int) string {
	s, e := d.trimSpan(sent.start, sent.end, "")
	if countRunes(d.text[s:e], limit+1) <= limit {
		return d.text[s:e]
	}
	qs, qe := min(max(q.start, s), e), min(max(q.end, s), e)
	room := limit - 2 // for two ellipses
	var ws, we int
	if qr := countRunes(d.text[qs:qe], room); qr >= room {
		ws, we = qs, forward(d.text, qs, room, e)
		we = d.cutBack(qs+(we-qs)/2, we, e)
	} else {
		ctx := room - qr
		ws = back(d.text, qs, ctx/2, s)
		before := utf8.RuneCountInString(d.text[ws:qs])
		we = forward(d.text, qe, ctx-before, e)
		after := utf8.RuneCountInString(d.text[qe:we])
		ws = back(d.text, qs, ctx-after, s)
		ws = d.cutForward(ws, qs, s)
		we = d.cutBack(qe, we, e)
	}
	ws, we = d.trimSpan(ws, we, "")
	out := d.text[ws:we]
	if ws > s {
		out = ellipsis + out
	}
	if we < e {
		out += ellipsis
	}
	return out
}

// back moves from pos back by n runes, not past lo.
func back(text string, pos, n, lo int) int {
	for ; n > 0 && pos > lo; n-- {
		_, size := utf8.DecodeLastRuneInString(text[lo:pos])
		pos -= size
	}
	return pos
}

// forward moves from pos on by n runes, not past hi.
func forward(text string, pos, n, hi int) int {
	for ; n > 0 && pos < hi; n-- {
		_, size := utf8.DecodeRuneInString(text[pos:hi])
		pos += size
	}
	return pos
}

// cutForward moves a cut at ws that is not the sentence start s forward to
// the start of the next word, if one starts before limit.
func (d *doc) cutForward(ws, limit, s int) int {
	if ws == s {
		return ws
	}
	for i := ws; i < limit; {
		r, size := utf8.DecodeRuneInString(d.text[i:limit])
		i += size
		if unicode.IsSpace(r) {
			return i
		}
	}
	return ws
}

// cutBack moves a cut at we that is not the sentence end e back to the end
// of the last word before it, if one ends after limit.
func (d *doc) cutBack(limit, we, e int) int {
	if we == e {
		return we
	}
	for i := we; i > limit; {
		r, size := utf8.DecodeLastRuneInString(d.text[limit:i])
		i -= size
		if unicode.IsSpace(r) {
			return i
		}
	}
	return we
}

// buildShields records the quotation interiors and post bodies, whose words
// are someone's statement rather than the article's own narration, and
// marks the date mentions inside them.
func (d *doc) buildShields() {
	for _, q := range d.quotes {
		d.shields = append(d.shields, span{q.openEnd, q.close})
	}
	for _, p := range d.posts {
		d.shields = append(d.shields, span{p.textStart, p.textEnd})
	}
	for _, t := range d.turns {
		d.shields = append(d.shields, span{t.textStart, t.textEnd})
	}
	d.shields = mergeSpans(d.shields)
	for i := range d.dates {
		d.dates[i].shielded = inSpans(d.shields, d.dates[i].start)
	}
}

// mergeSpans sorts spans and merges overlapping ones so they can be binary
// searched.
func mergeSpans(spans []span) []span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			if s.end > merged[n-1].end {
				merged[n-1].end = s.end
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}
