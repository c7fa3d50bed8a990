package pages

import (
	"reflect"
	"testing"
	"time"

	"claimtracker/models"
)

func TestNewHistoryReadsAuditEvents(t *testing.T) {
	id := uint(7)
	at := time.Date(2017, 3, 2, 9, 30, 0, 0, time.UTC)
	events := []models.AuditEvent{
		{At: at, ActorID: &id, Actor: "ed@example.org", Action: "claim.update",
			Before: `{"text":"I did not","summary":"S","speaker":"Jeff Sessions","said_at":"2017-01-10","tags":["russia"]}`,
			After:  `{"text":"I did not","summary":"S2","speaker":"Jeff Sessions","tags":["russia","testimony"]}`},
		{At: at, Actor: "review quorum", Action: "claim.publish", After: `{"verdict_id":3,"rating":"mostly-false","superseded":0}`},
		{At: at, Actor: "gone@example.org", Action: "source.delete", Before: `{"id":4,"title":"Report","kind":"news_report","stance":"contradicts"}`},
		{At: at, Actor: "x", Action: "something.new", After: `not json`},
	}
	got := NewHistory(events, map[uint]string{7: "Ed Itor"})
	want := []HistoryEntry{
		{At: at, Who: "Ed Itor", What: "edited the claim", Changes: []Change{
			{Field: "Summary", Before: "S", After: "S2", Edited: true},
			{Field: "Tags", Before: "russia", After: "russia, testimony", Edited: true},
			{Field: "Said on", Before: "10 Jan 2017"},
		}},
		{At: at, Who: "Review quorum", What: "published the verdict", Changes: []Change{
			{Field: "Verdict number", After: "3"},
			{Field: "Rating", After: "Mostly false"},
		}},
		{At: at, Who: "gone@example.org", What: "removed a source", Changes: []Change{
			{Field: "Title", Before: "Report"},
			{Field: "Kind", Before: "News report"},
			{Field: "Stance", Before: "Contradicts"},
		}},
		{At: at, Who: "x", What: "something new"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("NewHistory:\n got %+v\nwant %+v", got, want)
	}
}

func TestSummaryCut(t *testing.T) {
	for in, want := range map[string]string{
		"Short enough.": "Short enough.",
		"I have no idea what this allegation is about - it is false, and I will say so to anyone": "I have no idea what this allegation is about - it is false, and I will say…",
		"  spaced\n\nout  ": "spaced out",
	} {
		got := SummaryCut(in, 75)
		if got != want || len([]rune(got)) > 75 {
			t.Errorf("SummaryCut(%q) = %q (%d), want %q", in, got, len([]rune(got)), want)
		}
	}
}
