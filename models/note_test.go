package models_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A mention is "@" and a handle at the start of a word, outside code; an
// address is no mention, a full stop ends the sentence, not the handle.
func TestMentionsInMarkdown(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []string
	}{
		{"@ann can you check?", []string{"ann"}},
		{"Ask @Ann.Lee.", []string{"ann.lee"}},
		{"@bo, @ann and @bo again", []string{"bo", "ann"}},
		{"Write to press@example.org", nil},
		{"`@ann` in code", nil},
		{"```\n@ann in a block\n```", nil},
		{"**@ann** and _@bo_", []string{"ann", "bo"}},
		{"(@ann_lee) and @o'brien", []string{"ann_lee", "o"}},
		{"@ann_ or @bo-.", []string{"ann", "bo"}},
		{"@ alone, @@ann, email@", nil},
		{"> quoting @josé", []string{"josé"}},
	} {
		if got := models.Mentions(tc.body); !slices.Equal(got, tc.want) {
			t.Errorf("%q mentions %q, want %q", tc.body, got, tc.want)
		}
	}
	if h := models.MentionHandle("Ann.Lee@Example.org"); h != "ann.lee" {
		t.Errorf("handle %q", h)
	}
}

// Notes are added by anyone on the desk, read oldest first, mention
// colleagues by handle (each stored, and told by an event unless they
// wrote the note), refuse empty, long and ambiguous bodies, and go with
// their claim.
func TestNotesAndMentions(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		first, err := s.AddNote(d.ctx, d.ed, d.m, c.ID, models.NoteInput{Body: "  @rev can you look at the **transcript**? cc @ED and @nobody  "})
		if err != nil {
			t.Fatal(err)
		}
		if first.Body != "@rev can you look at the **transcript**? cc @ED and @nobody" {
			t.Errorf("stored body %q", first.Body)
		}
		if _, err := s.AddNote(d.ctx, d.rev, d.m, c.ID, models.NoteInput{Body: "Done, @ed."}); err != nil {
			t.Fatal(err)
		}
		notes, err := s.ClaimNotes(d.ctx, c.ID)
		if err != nil || len(notes) != 2 {
			t.Fatalf("notes: %+v %v", notes, err)
		}
		if notes[0].ID != first.ID || notes[0].Author == nil || notes[0].Author.Name != "Test ed" || notes[0].Author.PasswordHash != "" {
			t.Errorf("first note: %+v", notes[0])
		}
		if got := notes[0].MentionedIDs(); !slices.Equal(got, sortedIDs(d.ed.ID, d.rev.ID)) {
			t.Errorf("first note mentions %v", got)
		}
		if names := notes[0].MentionNames(); names["rev"] != "Test rev" || names["ed"] != "Test ed" || len(names) != 2 {
			t.Errorf("names %v", names)
		}
		// Ed mentioned himself: only rev, then ed from rev's note, are told.
		if ev := eventsOf(t, d, c.ID); !slices.Equal(ev, []string{"mentioned " + idText(d.rev.ID), "mentioned " + idText(d.ed.ID)}) {
			t.Errorf("events %v", ev)
		}
		hist, _ := s.ClaimHistory(d.ctx, c.ID)
		if e := hist[len(hist)-2]; e.Action != "note.add" || !strings.Contains(e.After, `"mentioned":["Test rev","Test ed"]`) || strings.Contains(e.After, "transcript") {
			t.Errorf("history: %s %s", e.Action, e.After)
		}

		// Two accounts share a handle: naming it is refused.
		modelstest.User(t, s, "rev@elsewhere.example", models.RoleEditor)
		for body, field := range map[string]string{"": "body", "   ": "body", strings.Repeat("x", models.MaxNoteBody+1): "body", "Over to @rev": "body"} {
			if _, err := s.AddNote(d.ctx, d.ed, d.m, c.ID, models.NoteInput{Body: body}); models.FieldErrors(err)[field] == "" {
				t.Errorf("note of %d characters: %v", len(body), err)
			}
		}
		if _, err := s.AddNote(d.ctx, d.ed, d.m, c.ID, models.NoteInput{Body: strings.Repeat("é", models.MaxNoteBody)}); err != nil {
			t.Errorf("a note of the most characters: %v", err)
		}
		if _, err := s.AddNote(d.ctx, d.ed, d.m, 99999, models.NoteInput{Body: "Lost"}); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("a note on no claim: %v", err)
		}
		if _, err := s.ClaimNotes(d.ctx, 99999); !errors.Is(err, models.ErrNotFound) {
			t.Errorf("notes of no claim: %v", err)
		}
		if notes, _ := s.ClaimNotes(d.ctx, c.ID); len(notes) != 3 {
			t.Errorf("refused notes were stored: %d notes", len(notes))
		}

		if err := s.DeleteClaim(d.ctx, d.ed, d.m, c.ID, 0); err != nil {
			t.Fatal(err)
		}
		if ev := eventsOf(t, d, c.ID); len(ev) != 0 {
			t.Errorf("events outlive their claim: %v", ev)
		}
		other, _ := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if notes, err := s.ClaimNotes(d.ctx, other.ID); err != nil || len(notes) != 0 {
			t.Errorf("a new claim has notes: %+v %v", notes, err)
		}
		if n := s.CountRowsForTest(t, "notes") + s.CountRowsForTest(t, "note_mentions"); n != 0 {
			t.Errorf("%d notes and mentions outlive their claim", n)
		}
	})
}

func sortedIDs(ids ...uint) []uint {
	slices.Sort(ids)
	return ids
}
