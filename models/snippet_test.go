package models_test

import (
	"strings"
	"testing"

	"claimtracker/migrations"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// Stored text that holds the highlight markers (written before the input
// policy, or by hand) cannot forge a match in a search snippet.
func TestSearchSnippetsMarkOnlyMatches(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		pub := d.publish(t, sworn(), "false")
		forged := "I did not have communications " + models.HighlightStart + "forged" + models.HighlightEnd + " with the Russians"
		if err := s.ExecForTest(d.ctx, "UPDATE claims SET text = ? WHERE id = ?", forged, pub.ID); err != nil {
			t.Fatal(err)
		}
		if s.Dialect() == migrations.SQLite {
			if err := s.ExecForTest(d.ctx, "UPDATE claims_fts SET text = ? WHERE rowid = ?", forged, pub.ID); err != nil {
				t.Fatal(err)
			}
		}
		res, _, err := s.Search(d.ctx, "communications", 1, 10)
		if err != nil || len(res) != 1 {
			t.Fatalf("search: %+v %v", res, err)
		}
		snip := res[0].Snippet
		if !strings.Contains(snip, "forged") {
			t.Fatalf("snippet %q lost the stored words", snip)
		}
		// Markers alternate, start then end, and enclose the searched word only.
		rest, marked := snip, 0
		for {
			i := strings.IndexAny(rest, models.HighlightStart+models.HighlightEnd)
			if i < 0 {
				break
			}
			j := strings.IndexAny(rest[i+1:], models.HighlightStart+models.HighlightEnd)
			if rest[i:i+1] != models.HighlightStart || j < 0 || rest[i+1+j:i+2+j] != models.HighlightEnd {
				t.Fatalf("snippet %q: markers out of order", snip)
			}
			if word := rest[i+1 : i+1+j]; !strings.EqualFold(word, "communications") {
				t.Errorf("snippet %q marks %q, want only communications", snip, word)
			}
			marked++
			rest = rest[i+2+j:]
		}
		if marked == 0 {
			t.Errorf("snippet %q marks nothing", snip)
		}
	})
}
