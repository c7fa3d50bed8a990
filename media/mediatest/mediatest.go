// Package mediatest makes real files of every type package media keeps,
// and a few it refuses, for tests: each is built from its format's
// specification (or, for WebP, made once with cwebp), small, and valid.
package mediatest

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
)

//go:embed tiny.webp
var tinyWebP []byte

// Image is the picture every image sample holds: a 24×16 gradient.
func Image() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 24, 16))
	for y := range 16 {
		for x := range 24 {
			img.Set(x, y, color.NRGBA{uint8(x * 10), uint8(y * 15), uint8(x * y), 255})
		}
	}
	return img
}

// PNG is Image encoded as a PNG.
func PNG() []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, Image()); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// JPEG is Image encoded as a baseline JPEG.
func JPEG() []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, Image(), &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// GIF is Image encoded as a GIF.
func GIF() []byte {
	var b bytes.Buffer
	if err := gif.Encode(&b, Image(), nil); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// WebP is a 16×12 lossless WebP.
func WebP() []byte { return bytes.Clone(tinyWebP) }

// PDF is a PDF with an empty page tree.
func PDF() []byte {
	return []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
}

// MP3 is three silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz).
func MP3() []byte {
	f := make([]byte, 417)
	copy(f, []byte{0xFF, 0xFB, 0x90, 0x64})
	return bytes.Repeat(f, 3)
}

// MP4 is an ISO base media file: an ftyp box (brand isom) and an empty
// mdat box.
func MP4() []byte {
	b := binary.BigEndian.AppendUint32(nil, 24)
	b = append(b, "ftypisom"...)
	b = binary.BigEndian.AppendUint32(b, 0x200)
	b = append(b, "isommp41"...)
	b = binary.BigEndian.AppendUint32(b, 8)
	return append(b, "mdat"...)
}

// WebM is an EBML header whose DocType is "webm" and the start of a
// Segment.
func WebM() []byte {
	doc := []byte{0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08,
		0x42, 0x82, 0x84, 'w', 'e', 'b', 'm', 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02}
	b := []byte{0x1A, 0x45, 0xDF, 0xA3, 0x80 | byte(len(doc))}
	b = append(b, doc...)
	return append(b, 0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)
}

// Text is UTF-8 plain text.
func Text() []byte {
	return []byte("Transcript, page 12: “I did not have communications with the Russians.”\n")
}

// Sample is one file of each kept type, with a name for it and the content
// type media.Sniff gives it.
type Sample struct {
	Name        string
	ContentType string
	Data        []byte
}

// Samples lists one real file of every kept type.
func Samples() []Sample {
	return []Sample{
		{"screenshot.png", "image/png", PNG()},
		{"photo.jpg", "image/jpeg", JPEG()},
		{"still.webp", "image/webp", WebP()},
		{"clip.gif", "image/gif", GIF()},
		{"record.pdf", "application/pdf", PDF()},
		{"speech.mp3", "audio/mpeg", MP3()},
		{"speech.mp4", "video/mp4", MP4()},
		{"speech.webm", "video/webm", WebM()},
		{"transcript.txt", "text/plain; charset=utf-8", Text()},
	}
}

// ELF is the start of a 64-bit x86-64 ELF executable, which media.Sniff
// names application/x-executable.
func ELF() []byte {
	h := make([]byte, 64)
	copy(h, "\x7fELF\x02\x01\x01")
	binary.LittleEndian.PutUint16(h[16:], 2)
	binary.LittleEndian.PutUint16(h[18:], 0x3E)
	binary.LittleEndian.PutUint32(h[20:], 1)
	return append(h, bytes.Repeat([]byte{0x90}, 200)...)
}

// GPS is the GPS IFD that JPEGWithGPS carries, as its bytes lie in the
// file: 51°30'12.34"N 0°7'56.78"W.
func GPS() []byte {
	_, gps := exifWithGPS()
	return gps
}

// exifWithGPS is an Exif TIFF structure (CIPA DC-008, little-endian)
// whose IFD0 names the camera and points at a GPS IFD.
func exifWithGPS() (tiff, gps []byte) {
	le := binary.LittleEndian
	entry := func(b []byte, tag, typ uint16, count, value uint32) []byte {
		b = le.AppendUint16(b, tag)
		b = le.AppendUint16(b, typ)
		b = le.AppendUint32(b, count)
		return le.AppendUint32(b, value)
	}
	// Header 8, IFD0 (2 entries) 8..38, "TestCam\0" 38..46, GPS IFD (4
	// entries) 46..100, latitude 100..124, longitude 124..148.
	b := []byte{'I', 'I', 42, 0, 8, 0, 0, 0}
	b = le.AppendUint16(b, 2)
	b = entry(b, 0x010F, 2, 8, 38)
	b = entry(b, 0x8825, 4, 1, 46)
	b = le.AppendUint32(b, 0)
	b = append(b, "TestCam\x00"...)
	b = le.AppendUint16(b, 4)
	b = entry(b, 1, 2, 2, uint32('N'))
	b = entry(b, 2, 5, 3, 100)
	b = entry(b, 3, 2, 2, uint32('W'))
	b = entry(b, 4, 5, 3, 124)
	b = le.AppendUint32(b, 0)
	for _, v := range []uint32{51, 1, 30, 1, 1234, 100, 0, 1, 7, 1, 5678, 100} {
		b = le.AppendUint32(b, v)
	}
	return b, b[46:]
}

// JPEGWithGPS is JPEG with an Exif segment (APP1) placing the picture at
// GPS's coordinates, right after its start-of-image marker.
func JPEGWithGPS() []byte {
	plain := JPEG()
	tiff, _ := exifWithGPS()
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	seg = append(seg, payload...)
	out := append([]byte{}, plain[:2]...)
	out = append(out, seg...)
	return append(out, plain[2:]...)
}
