package models_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"claimtracker/media/mediatest"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A file of each kept type attaches to a source of an open claim: its
// type is read from its bytes, its bytes kept as a blob under their hash,
// a JPEG's GPS removed (the original's hash kept apart), the source's
// revision and the open verdict's version raised, and the change audited.
func TestAttachSourceFile(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, src, v := d.proposed(t, "false")
		for i, sm := range mediatest.Samples() {
			f, err := s.AttachSourceFile(d.ctx, d.ed2, d.m, src.ID, "C:\\fakepath\\"+sm.Name, sm.Data)
			if err != nil {
				t.Fatalf("%s: %v", sm.Name, err)
			}
			if f.ContentType != sm.ContentType || f.Filename != sm.Name || f.Size != int64(len(sm.Data)) ||
				f.SHA256 != models.SHA256Hex(sm.Data) || f.OriginalSHA256 != f.SHA256 || f.UploadedBy == nil || *f.UploadedBy != d.ed2.ID {
				t.Fatalf("%s: attached %+v", sm.Name, f)
			}
			got := d.verdict(t, v.ID)
			if got.Version != v.Version+i+1 || got.Versions[len(got.Versions)-1].Change != models.ChangeFileAttached {
				t.Fatalf("%s: verdict at version %d (%s), want %d after a file was attached", sm.Name, got.Version, got.Versions[len(got.Versions)-1].Change, v.Version+i+1)
			}
		}
		jpeg := mediatest.JPEGWithGPS()
		f, err := s.AttachSourceFile(d.ctx, d.ed, d.m, src.ID, "photo.jpg", jpeg)
		if err != nil {
			t.Fatal(err)
		}
		if f.OriginalSHA256 != models.SHA256Hex(jpeg) || f.SHA256 == f.OriginalSHA256 || f.Size >= int64(len(jpeg)) {
			t.Fatalf("the JPEG with GPS was kept as uploaded: %+v", f)
		}
		kept, err := s.Blobs().Get(d.ctx, f.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		if models.SHA256Hex(kept) != f.SHA256 || bytes.Contains(kept, mediatest.GPS()) || bytes.Contains(kept, []byte("TestCam")) {
			t.Fatal("the kept JPEG still holds its GPS IFD")
		}
		if _, err := s.Blobs().Get(d.ctx, f.OriginalSHA256); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("the original with its GPS was kept too: %v", err)
		}
		files, err := s.SourceFiles(d.ctx, src.ID)
		if err != nil || len(files) != len(mediatest.Samples())+1 || files[len(files)-1].ID != f.ID {
			t.Fatalf("SourceFiles = %d files, %v", len(files), err)
		}
		now, err := s.GetSource(d.ctx, src.ID)
		if err != nil || now.Revision != src.Revision+len(files) {
			t.Fatalf("source revision %d, want %d (%v)", now.Revision, src.Revision+len(files), err)
		}
		loaded, err := s.GetClaim(d.ctx, c.ID)
		if err != nil || len(loaded.Sources) != 1 || len(loaded.Sources[0].Files) != len(files) {
			t.Fatalf("the claim loads its sources' files: %+v %v", loaded.Sources, err)
		}
		events, err := s.AuditEvents(d.ctx, models.AuditQuery{})
		if err != nil || events[0].Action != "source.file.attach" || !strings.Contains(events[0].After, f.SHA256) {
			t.Fatalf("audit: %+v %v", events[0], err)
		}

		// Removal: the row goes, the verdict gets a version, the blob
		// stays for whatever else shares it.
		before := d.verdict(t, v.ID).Version
		if err := s.RemoveSourceFile(d.ctx, d.ed, d.m, f.ID); err != nil {
			t.Fatal(err)
		}
		if got := d.verdict(t, v.ID); got.Version != before+1 || got.Versions[len(got.Versions)-1].Change != models.ChangeFileRemoved {
			t.Fatalf("removal: verdict version %d, want %d", got.Version, before+1)
		}
		if _, err := s.GetSourceFile(d.ctx, f.ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("removed file still there: %v", err)
		}
		if err := s.RemoveSourceFile(d.ctx, d.ed, d.m, f.ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("removing it again: %v, want ErrNotFound", err)
		}
		if events, _ := s.AuditEvents(d.ctx, models.AuditQuery{}); events[0].Action != "source.file.remove" {
			t.Fatalf("audit of the removal: %+v", events[0])
		}
	})
}

// Refusals change nothing: a disguised program (422 naming the type),
// a file over the limit (413), a published claim's source (409), a source
// that does not exist (404), no user (403).
func TestAttachSourceFileRefusals(t *testing.T) {
	modelstest.ForEach(t, models.Config{MaxFileBytes: 4096}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		_, src, v := d.proposed(t, "false")

		_, err := s.AttachSourceFile(d.ctx, d.ed, d.m, src.ID, "evidence.png", mediatest.ELF())
		fe := models.FieldErrors(err)
		if fe == nil || !strings.Contains(fe["file"], "application/x-executable") || !strings.Contains(fe["file"], "not kept") {
			t.Fatalf("a program named .png: %v", err)
		}
		_, err = s.AttachSourceFile(d.ctx, d.ed, d.m, src.ID, "big.txt", bytes.Repeat([]byte("a"), 4097))
		var tl *models.TooLargeError
		if !errors.As(err, &tl) || tl.Limit != 4096 || !strings.Contains(err.Error(), "4 KB") {
			t.Fatalf("over the limit: %v", err)
		}
		if _, err := s.AttachSourceFile(d.ctx, d.ed, d.m, src.ID, "empty.txt", nil); models.FieldErrors(err)["file"] != "is empty" {
			t.Fatalf("an empty file: %v", err)
		}
		cut := mediatest.PNG()
		if fe := models.FieldErrors(mustErr(s.AttachSourceFile(d.ctx, d.ed, d.m, src.ID, "cut.png", cut[:len(cut)-5]))); !strings.Contains(fe["file"], "is not a whole PNG image") {
			t.Fatalf("a cut PNG: %v", fe)
		}
		if _, err := s.AttachSourceFile(d.ctx, d.ed, d.m, 999999, "a.png", mediatest.PNG()); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("a missing source: %v", err)
		}
		if _, err := s.AttachSourceFile(d.ctx, nil, d.m, src.ID, "a.png", mediatest.PNG()); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("no one signed in: %v", err)
		}
		if files, _ := s.SourceFiles(d.ctx, src.ID); len(files) != 0 {
			t.Fatalf("refusals attached %d files", len(files))
		}
		if got := d.verdict(t, v.ID); got.Version != v.Version {
			t.Fatalf("refusals made a new verdict version: %d", got.Version)
		}

		f, err := s.AttachSourceFile(d.ctx, d.ed, d.m, src.ID, "a.png", mediatest.PNG())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.review(d.rev, v.ID, v.Version+1); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AttachSourceFile(d.ctx, d.ed, d.m, src.ID, "b.gif", mediatest.GIF()); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("attach to a published claim's source: %v, want ErrConflict", err)
		}
		if _, err := s.Blobs().Get(d.ctx, models.SHA256Hex(mediatest.GIF())); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("the refused file's bytes were stored: %v", err)
		}
		if err := s.RemoveSourceFile(d.ctx, d.ed, d.m, f.ID); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("remove from a published claim's source: %v, want ErrConflict", err)
		}
	})
}

func mustErr[T any](_ T, err error) error { return err }

func TestCleanFilename(t *testing.T) {
	long := strings.Repeat("é", 250) + ".pdf"
	cases := []struct{ in, ct, want string }{
		{"C:\\fakepath\\shot.png", "image/png", "shot.png"},
		{"../../etc/passwd", "text/plain; charset=utf-8", "passwd"},
		{"evil\u202Egnp.exe", "image/png", "evilgnp.exe"},
		{"a\u200Fb\x00c\n.txt", "text/plain; charset=utf-8", "ab c .txt"},
		{"  spaced   name .jpg ", "image/jpeg", "spaced name .jpg"},
		{"", "image/webp", "file.webp"},
		{"/", "application/pdf", "file.pdf"},
		{"bad\xffutf8.gif", "image/gif", "bad\uFFFDutf8.gif"},
		{long, "application/pdf", strings.Repeat("é", models.MaxFilenameRunes-4) + ".pdf"},
	}
	for _, tc := range cases {
		if got := models.CleanFilename(tc.in, tc.ct); got != tc.want {
			t.Errorf("CleanFilename(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A source saved with a file is saved with it or not at all: on a claim
// that was published meanwhile neither the source nor the file is kept.
func TestSourceSavedWithItsFileInOneTransaction(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
		if err != nil {
			t.Fatal(err)
		}
		file, err := s.PrepareSourceFile("chart.png", mediatest.PNG())
		if err != nil {
			t.Fatal(err)
		}
		in := report()
		in.File = file
		src, err := s.AddSource(d.ctx, d.ed, d.m, c.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.GetSource(d.ctx, src.ID)
		if err != nil || len(got.Files) != 1 || got.Files[0].Filename != "chart.png" {
			t.Fatalf("saved with its file: %+v, %v", got, err)
		}
		pub, _ := d.published(t)
		in.URL = "https://www.example.com/another-report"
		if _, err := s.AddSource(d.ctx, d.ed, d.m, pub.ID, in); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("a published claim: %v", err)
		}
		after, err := s.GetClaim(d.ctx, pub.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, sc := range after.Sources {
			if sc.URL == in.URL || len(sc.Files) != 0 {
				t.Fatalf("half saved: %+v", sc)
			}
		}
	})
}
