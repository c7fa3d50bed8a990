package mediatest_test

import (
	"bytes"
	"testing"

	"claimtracker/media"
	"claimtracker/media/mediatest"
)

// The samples are what they say they are, and the JPEG's GPS goes when it
// is stripped.
func TestSamples(t *testing.T) {
	for _, s := range mediatest.Samples() {
		if got, err := media.Sniff(s.Data); err != nil || got != s.ContentType {
			t.Errorf("%s: Sniff = %q, %v; want %q", s.Name, got, err, s.ContentType)
		}
	}
	f := mediatest.JPEGWithGPS()
	if !bytes.Contains(f, mediatest.GPS()) {
		t.Fatal("JPEGWithGPS lacks its GPS IFD")
	}
	out, err := media.StripLocation(media.JPEG, f)
	if err != nil || bytes.Contains(out, mediatest.GPS()) {
		t.Fatalf("stripped: GPS still there or error %v", err)
	}
	if _, err := media.Sniff(mediatest.ELF()); err == nil {
		t.Fatal("ELF passed")
	}
}
