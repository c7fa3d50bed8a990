package pages

import (
	"context"
	"reflect"
	"testing"
	"time"

	"claimtracker/models"
)

// The history said "Review quorum published the verdict", listed
// "Verdicts it replaced 1" and "Verdict number 3", and gave reviews as
// "Decision Approve, Version 1". It now says who did what in plain words.
func TestNewHistoryReadsAuditEvents(t *testing.T) {
	id, rev, rev2 := uint(7), uint(8), uint(9)
	at := time.Date(2017, 3, 2, 9, 30, 0, 0, time.UTC)
	events := []models.AuditEvent{
		{At: at, ActorID: &id, Actor: "ed@example.org", Action: "claim.update",
			Before: `{"text":"I did not","summary":"S","speaker":"Jeff Sessions","said_at":"2017-01-10","tags":["russia"]}`,
			After:  `{"text":"I did not","summary":"S2","speaker":"Jeff Sessions","tags":["russia","testimony"]}`},
		{At: at, ActorID: &id, Actor: "ed@example.org", Action: "verdict.propose",
			After: `{"id":3,"rating":"false","headline":"He met him twice","explanation":"Reported.","status":"in_review","version":1}`},
		{At: at, ActorID: &rev, Actor: "rev@example.org", Action: "review.request_changes",
			After: `{"verdict_id":3,"version":1,"decision":"request_changes","comment":"Cite the transcript."}`},
		{At: at, ActorID: &id, Actor: "ed@example.org", Action: "verdict.revise",
			Before: `{"id":3,"rating":"false","headline":"He met him twice","explanation":"Reported.","status":"changes_requested","version":1}`,
			After:  `{"id":3,"rating":"mostly-false","headline":"He met him twice","explanation":"Reported.","status":"in_review","version":2}`},
		{At: at, ActorID: &rev, Actor: "rev@example.org", Action: "review.approve",
			After: `{"verdict_id":3,"version":2,"decision":"approve","comment":""}`},
		{At: at, ActorID: &rev2, Actor: "rev2@example.org", Action: "review.approve",
			After: `{"verdict_id":3,"version":2,"decision":"approve","comment":"Fine."}`},
		{At: at, Actor: "review quorum", Action: "claim.publish", After: `{"verdict_id":3,"rating":"mostly-false","superseded":1}`},
		{At: at, ActorID: &id, Actor: "ed@example.org", Action: "correction.add", After: `{"id":4,"kind":"clarification","note":"We added a link."}`},
		{At: at, ActorID: &rev, Actor: "rev@example.org", Action: "claim.retract", Before: `{"status":"published"}`, After: `{"status":"retracted","note":"Withdrawn."}`},
		{At: at, Actor: "gone@example.org", Action: "source.delete", Before: `{"id":4,"title":"Report","kind":"news_report","stance":"contradicts"}`},
		{At: at, Actor: "x", Action: "something.new", After: `not json`},
	}
	got := NewHistory(context.Background(), events, map[uint]string{7: "Ed Itor", 8: "Rev Iewer", 9: "Rita Second"})
	want := []HistoryEntry{
		{At: at, Who: "Ed Itor", What: "edited the claim", Changes: []Change{
			{Field: "Summary", Before: "S", After: "S2", Edited: true},
			{Field: "Tags", Before: "russia", After: "russia, testimony", Edited: true},
			{Field: "Said on", Before: "10 Jan 2017"},
		}},
		{At: at, Who: "Ed Itor", What: "proposed a verdict", Changes: []Change{
			{Field: "Rating", After: "False"}, {Field: "Headline", After: "He met him twice"}, {Field: "Explanation", After: "Reported."},
		}},
		{At: at, Who: "Rev Iewer", What: "sent the verdict back for changes, version 1", Changes: []Change{{Field: "Comment", After: "Cite the transcript."}}},
		{At: at, Who: "Ed Itor", What: "revised the verdict, version 2", Changes: []Change{{Field: "Rating", Before: "False", After: "Mostly false", Edited: true}}},
		{At: at, Who: "Rev Iewer", What: "approved the verdict, version 2"},
		{At: at, Who: "Rita Second", What: "approved the verdict, version 2", Changes: []Change{{Field: "Comment", After: "Fine."}}},
		{At: at, What: "The verdict was published, rated Mostly false, once Rev Iewer and Rita Second had approved it; it replaces the verdict published before."},
		{At: at, Who: "Ed Itor", What: "published a clarification", Changes: []Change{{Field: "Note", After: "We added a link."}}},
		{At: at, Who: "Rev Iewer", What: "retracted the fact-check", Changes: []Change{{Field: "Note", After: "Withdrawn."}}},
		{At: at, Who: "gone@example.org", What: "removed a source", Changes: []Change{
			{Field: "Title", Before: "Report"},
			{Field: "Kind", Before: "News report"},
			{Field: "Stance", Before: "Contradicts"},
		}},
		{At: at, Who: "x", What: "something new"},
	}
	if len(got) != len(want) {
		t.Fatalf("NewHistory: %d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) && !(len(got[i].Changes) == 0 && len(want[i].Changes) == 0 && got[i].Who == want[i].Who && got[i].What == want[i].What) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}
