package components

import (
	"context"
	"strings"
	"testing"
	"time"

	"claimtracker/models"
)

// The public claim page and the desk show a source's archived copy the
// same way (archiveCopy): a link to it by its hash, then the hash's first
// 12 hex digits with the whole hash in the title; the public link is
// nofollow and names the source for screen readers.
func TestArchivedCopyIsShownOneWay(t *testing.T) {
	sha := strings.Repeat("ab12", 16)
	s := &models.Source{Title: "Envoy meetings", ArchiveStatus: models.ArchiveArchived,
		ArchiveSnapshot: &models.Snapshot{SHA256: sha, FetchedAt: time.Date(2017, 3, 2, 9, 0, 0, 0, time.UTC)}}
	var pub, desk strings.Builder
	if err := SourceArchive(s).Render(context.Background(), &pub); err != nil {
		t.Fatal(err)
	}
	if err := DeskSourceArchive(s).Render(context.Background(), &desk); err != nil {
		t.Fatal(err)
	}
	hash := `<span class="hash" title="SHA-256 ` + sha + `">ab12ab12ab12</span>`
	if want := `<span class="archived"><a href="/archive/` + sha + `" rel="nofollow" aria-label="Archived 2 Mar 2017: a copy of Envoy meetings">Archived 2 Mar 2017</a> ` + hash + `</span>`; pub.String() != want {
		t.Errorf("public:\n%s\nwant\n%s", pub.String(), want)
	}
	if want := `<a href="/archive/` + sha + `">Archived 2 Mar 2017</a> ` + hash; !strings.Contains(desk.String(), want) {
		t.Errorf("desk:\n%s\nwant it to hold\n%s", desk.String(), want)
	}
}
