package models_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The database keeps bytes by their SHA-256, once, and gives them back
// whole; a hash it does not hold, or one that is not a hash, is not found.
func TestBlobsKeepBytesByTheirHash(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		data := append([]byte("%PDF-1.7\n\x00\xff binary"), bytes.Repeat([]byte{0, 1, 2, 255}, 4096)...)
		sum, err := s.Blobs().Put(ctx, data)
		if err != nil {
			t.Fatal(err)
		}
		if sum != models.SHA256Hex(data) || !models.IsSHA256Hex(sum) {
			t.Fatalf("hash %q", sum)
		}
		again, err := s.Blobs().Put(ctx, data)
		if err != nil || again != sum {
			t.Fatalf("the same bytes again: %q, %v", again, err)
		}
		got, err := s.Blobs().Get(ctx, sum)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("got %d bytes back, %v", len(got), err)
		}
		empty, err := s.Blobs().Put(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := s.Blobs().Get(ctx, empty); err != nil || len(got) != 0 {
			t.Fatalf("empty blob: %q, %v", got, err)
		}
		for _, h := range []string{models.SHA256Hex([]byte("never put")), "../etc/passwd", sum[:63], "A" + sum[1:]} {
			if _, err := s.Blobs().Get(ctx, h); !errors.Is(err, models.ErrNotFound) {
				t.Errorf("Get(%q): %v, want ErrNotFound", h, err)
			}
		}
	})
}
