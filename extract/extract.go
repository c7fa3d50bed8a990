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
// text. Every candidate satisfies text[c.Start:c.End] == c.Quote.
package extract

import (
	"sort"
	"time"
)

// Candidate is one statement found in article text.
type Candidate struct {
	Quote    string     // the quoted words, without the quotation marks, trimmed
	Speaker  string     // resolved speaker name ("" when unknown)
	SaidAt   *time.Time // date the words were said (UTC midnight), nil when the text gives none
	Sentence string     // the full sentence (or paragraph line) containing the quote
	Start    int        // byte offset of Quote's first byte in the input text
	End      int        // byte offset just past Quote's last byte; text[Start:End] == Quote exactly
	Kind     string     // "quote", "social_post" or "reported"
}

// Candidate kinds.
const (
	// KindQuote is a direct quotation in quotation marks.
	KindQuote = "quote"
	// KindSocialPost is a social media post pasted into the article.
	KindSocialPost = "social_post"
	// KindReported is a claim the article attributes to a source without quoting it.
	KindReported = "reported"
)

// Find returns candidates in text order. published is the article's publication date (zero value = unknown).
func Find(text string, published time.Time) []Candidate {
	if len(text) == 0 {
		return nil
	}
	d := newDoc(text, published)
	d.findDates()
	d.findPosts()
	d.pairQuotes()
	d.splitSentences()
	d.buildShields()
	d.findMentions()
	d.buildNames()
	d.quoteCandidates()
	d.reportedCandidates()
	d.postCandidates()
	sort.SliceStable(d.out, func(i, j int) bool {
		a, b := d.out[i], d.out[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
	return d.out
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
