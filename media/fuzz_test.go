package media

import (
	"bytes"
	"testing"
)

// FuzzStripLocation checks that StripLocation never panics, whatever the
// bytes and the type they are said to be, and that what it returns is
// itself stripped: a second pass finds nothing more to remove.
func FuzzStripLocation(f *testing.F) {
	jpegFile, _, _ := jpegWithGPS(f, 6)
	tiff, _ := exifWithGPS(6)
	seeds := [][]byte{
		encodeJPEG(f), jpegFile, encodePNG(f), tinyWebP(f),
		webpExtended(f, tinyWebP(f), tiff),
		[]byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF},
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x00IEND"),
		[]byte("RIFF\x10\x00\x00\x00WEBPVP8X\xff\xff\xff\xff"),
		[]byte(minimalPDF), encodeGIF(f), gifWithXMP(f),
		[]byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff\x21\xff\x0bXMP DataXMP\x01"),
	}
	for _, s := range seeds {
		for _, typ := range []string{JPEG, PNG, WebP, GIF} {
			f.Add(typ, s)
		}
	}
	f.Fuzz(func(t *testing.T, typ string, data []byte) {
		out, err := StripLocation(typ, data)
		if err != nil {
			if _, ok := err.(*MalformedError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		again, err := StripLocation(typ, out)
		if err != nil {
			t.Fatalf("the stripped file is refused: %v", err)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("a second pass changed the stripped file (%d then %d bytes)", len(out), len(again))
		}
	})
}
