package views

import (
	"sort"
	"strings"
	"time"

	"claimtracker/models"
)

// EntryKind is what a timeline entry records.
type EntryKind string

// The kinds of timeline entry.
const (
	EntryStatement  EntryKind = "statement"  // the claim itself
	EntrySource     EntryKind = "source"     // evidence published
	EntryResponse   EntryKind = "response"   // the speaker's own later statement
	EntryVerdict    EntryKind = "verdict"    // a verdict published
	EntryCorrection EntryKind = "correction" // a public correction
)

// TimelineEntry is one dated event on a claim's public timeline.
type TimelineEntry struct {
	// Date is when it happened: a calendar date (the statement, a source)
	// or a moment (a verdict, a correction).
	Date time.Time
	// Day is the calendar day shown for it, as midnight UTC: the date
	// itself, or the day on which the moment fell in the newsroom's zone.
	Day        time.Time
	Kind       EntryKind
	Source     *models.Source
	Verdict    *models.Verdict
	Correction *models.Correction
	// Number is the source's place in the numbered source list.
	Number int
}

// Timeline puts the statement, its sources (the speaker's own later
// statements marked as responses), the published verdicts and every
// correction on one line in date order. Undated sources are left out: they
// appear in the source list only. Entries on the same day keep the order
// statement, sources, responses, verdict, correction. Verdicts and
// corrections fall on the day they happened in loc, the newsroom's time
// zone (UTC when nil); the statement and sources keep their calendar dates.
func Timeline(c *models.Claim, loc *time.Location) []TimelineEntry {
	var out []TimelineEntry
	if c.SaidAt != nil {
		out = append(out, TimelineEntry{Date: *c.SaidAt, Day: c.SaidAt.UTC(), Kind: EntryStatement})
	}
	for i := range c.Sources {
		s := &c.Sources[i]
		if s.PublishedAt == nil {
			continue
		}
		kind := EntrySource
		if s.Kind == models.SourceStatement && s.Stance != models.StanceSupports {
			kind = EntryResponse
		}
		out = append(out, TimelineEntry{Date: *s.PublishedAt, Day: s.PublishedAt.UTC(), Kind: kind, Source: s, Number: i + 1})
	}
	for i := range c.Verdicts {
		v := &c.Verdicts[i]
		if v.PublishedAt != nil && (v.Status == models.VerdictPublished || v.Status == models.VerdictSuperseded) {
			out = append(out, TimelineEntry{Date: *v.PublishedAt, Day: DayOf(*v.PublishedAt, loc), Kind: EntryVerdict, Verdict: v})
		}
	}
	for i := range c.Corrections {
		k := &c.Corrections[i]
		out = append(out, TimelineEntry{Date: k.CreatedAt, Day: DayOf(k.CreatedAt, loc), Kind: EntryCorrection, Correction: k})
	}
	rank := map[EntryKind]int{EntryStatement: 0, EntrySource: 1, EntryResponse: 2, EntryVerdict: 3, EntryCorrection: 4}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := out[i].Day, out[j].Day
		if !di.Equal(dj) {
			return di.Before(dj)
		}
		if rank[out[i].Kind] != rank[out[j].Kind] {
			return rank[out[i].Kind] < rank[out[j].Kind]
		}
		return out[i].Date.Before(out[j].Date)
	})
	return out
}

// Highlight splits text marked with models.HighlightStart/End into plain
// and matched parts, for a template to escape and wrap in <mark>.
func Highlight(s string) []HighlightPart {
	var out []HighlightPart
	for s != "" {
		i := strings.IndexByte(s, models.HighlightStart[0])
		if i < 0 {
			out = append(out, HighlightPart{Text: s})
			break
		}
		if i > 0 {
			out = append(out, HighlightPart{Text: s[:i]})
		}
		s = s[i+1:]
		j := strings.IndexByte(s, models.HighlightEnd[0])
		if j < 0 {
			out = append(out, HighlightPart{Text: s, Match: true})
			break
		}
		out = append(out, HighlightPart{Text: s[:j], Match: true})
		s = s[j+1:]
	}
	return out
}

// HighlightPart is a run of text, matched or not.
type HighlightPart struct {
	Text  string
	Match bool
}
