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
	// Number is the source's place in NumberedSources, from 1.
	Number int
}

// Timeline puts the statement, its sources (the speaker's own later
// statements marked as responses), the published verdicts and every
// correction on one line in date order. Undated sources are left out: they
// appear in the source list only. Entries on the same day keep the order
// statement, sources, responses, verdict, correction. Verdicts and
// corrections fall on the day they happened in loc, the newsroom's time
// zone (UTC when nil); the statement and sources keep their calendar dates.
// Each source entry carries its number in NumberedSources, so the numbers
// read 1, 2, 3… down the timeline.
func Timeline(c *models.Claim, loc *time.Location) []TimelineEntry {
	var out []TimelineEntry
	if c.SaidAt != nil {
		out = append(out, TimelineEntry{Date: *c.SaidAt, Day: c.SaidAt.UTC(), Kind: EntryStatement})
	}
	for i, s := range NumberedSources(c) {
		if s.PublishedAt != nil {
			e := sourceEntry(s)
			e.Number = i + 1
			out = append(out, e)
		}
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
	sortEntries(out)
	return out
}

// NumberedSources lists a claim's sources in the order its page numbers
// them, the first being number 1: the dated ones in the order the timeline
// shows them, then the undated ones (which the timeline leaves out) in the
// order they were stored. The source list, the timeline's [n] references
// and the public API all number sources by it.
func NumberedSources(c *models.Claim) []*models.Source {
	var dated []TimelineEntry
	var undated []*models.Source
	for i := range c.Sources {
		if s := &c.Sources[i]; s.PublishedAt != nil {
			dated = append(dated, sourceEntry(s))
		} else {
			undated = append(undated, s)
		}
	}
	sortEntries(dated)
	out := make([]*models.Source, 0, len(c.Sources))
	for _, e := range dated {
		out = append(out, e.Source)
	}
	return append(out, undated...)
}

// sourceEntry is the timeline entry of a dated source: a response when it
// is the speaker's own statement that does not support the claim.
func sourceEntry(s *models.Source) TimelineEntry {
	kind := EntrySource
	if s.Kind == models.SourceStatement && s.Stance != models.StanceSupports {
		kind = EntryResponse
	}
	return TimelineEntry{Date: *s.PublishedAt, Day: s.PublishedAt.UTC(), Kind: kind, Source: s}
}

// entryRank orders the kinds of entry that fall on the same day.
var entryRank = map[EntryKind]int{EntryStatement: 0, EntrySource: 1, EntryResponse: 2, EntryVerdict: 3, EntryCorrection: 4}

// sortEntries puts timeline entries in date order: by day, then kind
// (entryRank), then moment; entries equal in all three keep their order.
func sortEntries(out []TimelineEntry) {
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := out[i].Day, out[j].Day
		if !di.Equal(dj) {
			return di.Before(dj)
		}
		if entryRank[out[i].Kind] != entryRank[out[j].Kind] {
			return entryRank[out[i].Kind] < entryRank[out[j].Kind]
		}
		return out[i].Date.Before(out[j].Date)
	})
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
