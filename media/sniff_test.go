package media

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"
)

// testImage is a small gradient, so that its encodings are real images
// with varied pixels.
func testImage() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 24, 16))
	for y := range 16 {
		for x := range 24 {
			img.Set(x, y, color.NRGBA{uint8(x * 10), uint8(y * 15), uint8(x * y), 255})
		}
	}
	return img
}

func encodePNG(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, testImage()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeGIF(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, testImage(), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// tinyWebP is a 16×12 lossless WebP (VP8L), made once with cwebp from a
// gradient PNG.
func tinyWebP(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/tiny.webp")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mp3Frame is one MPEG-1 Layer III frame: 128 kbit/s at 44.1 kHz, no
// padding, so 417 bytes (ISO 11172-3 2.4.2.3), of silence.
func mp3Frame() []byte {
	f := make([]byte, 417)
	copy(f, []byte{0xFF, 0xFB, 0x90, 0x64})
	return f
}

// id3Tag is an ID3v2.4 tag (id3.org, ID3v2.4.0 structure) holding one
// title frame.
func id3Tag() []byte {
	frame := []byte("TIT2")
	text := append([]byte{3}, "Hearing, 10 January 2017"...)
	frame = binary.BigEndian.AppendUint32(frame, uint32(len(text)))
	frame = append(frame, 0, 0)
	frame = append(frame, text...)
	n := len(frame)
	tag := []byte{'I', 'D', '3', 4, 0, 0, byte(n >> 21 & 0x7F), byte(n >> 14 & 0x7F), byte(n >> 7 & 0x7F), byte(n & 0x7F)}
	return append(tag, frame...)
}

// mp4File is an ISO base media file (ISO 14496-12) made of an ftyp box of
// the given major brand and an empty mdat box.
func mp4File(brand string) []byte {
	b := binary.BigEndian.AppendUint32(nil, 24)
	b = append(b, "ftyp"...)
	b = append(b, brand...)
	b = binary.BigEndian.AppendUint32(b, 0x200)
	b = append(b, "isommp41"...)
	b = binary.BigEndian.AppendUint32(b, 8)
	return append(b, "mdat"...)
}

// webmFile is an EBML header (RFC 8794) whose DocType is "webm", followed
// by the start of a Segment (RFC 9559).
func webmFile() []byte {
	doc := []byte{0x42, 0x86, 0x81, 0x01, // EBMLVersion 1
		0x42, 0xF7, 0x81, 0x01, // EBMLReadVersion 1
		0x42, 0xF2, 0x81, 0x04, // EBMLMaxIDLength 4
		0x42, 0xF3, 0x81, 0x08, // EBMLMaxSizeLength 8
		0x42, 0x82, 0x84, 'w', 'e', 'b', 'm', // DocType
		0x42, 0x87, 0x81, 0x04, // DocTypeVersion 4
		0x42, 0x85, 0x81, 0x02, // DocTypeReadVersion 2
	}
	b := []byte{0x1A, 0x45, 0xDF, 0xA3, 0x80 | byte(len(doc))}
	b = append(b, doc...)
	return append(b, 0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)
}

const minimalPDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

func TestSniffKeepsEachAllowedType(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"PNG", encodePNG(t), PNG},
		{"JPEG", encodeJPEG(t), JPEG},
		{"GIF", encodeGIF(t), GIF},
		{"WebP", tinyWebP(t), WebP},
		{"PDF", []byte(minimalPDF), PDF},
		{"MP3 frame", bytes.Repeat(mp3Frame(), 3), MP3},
		{"MP3 with an ID3 tag", append(id3Tag(), mp3Frame()...), MP3},
		{"MP4", mp4File("isom"), MP4},
		{"MP4 of audio (M4A)", mp4File("M4A "), MP4},
		{"WebM", webmFile(), WebM},
		{"plain text", []byte("On 2 March he said: “I have no idea what this allegation is about.”\n\tLine two\r\n"), Text},
		{"plain text with a byte order mark", []byte("\xEF\xBB\xBFTranscript, page 12\n"), Text},
		{"CSV kept as text", []byte("date,speaker,quote\n2017-01-10,senator,\"no communications\"\n"), Text},
		{"WebVTT subtitles kept as text", []byte("WEBVTT\n\n00:00.000 --> 00:02.000\nI did not have communications\n"), Text},
		{"long UTF-8 text", []byte(strings.Repeat("Évidence à garder. ", 1000)), Text},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sniff(tc.data)
			if err != nil {
				t.Fatalf("Sniff: %v", err)
			}
			if got != tc.want {
				t.Fatalf("Sniff = %q, want %q", got, tc.want)
			}
		})
	}
}

// elfProgram is the start of a 64-bit little-endian ELF executable for
// x86-64 (the System V ABI's ELF header).
func elfProgram() []byte {
	h := make([]byte, 64)
	copy(h, "\x7fELF\x02\x01\x01")
	binary.LittleEndian.PutUint16(h[16:], 2)    // ET_EXEC
	binary.LittleEndian.PutUint16(h[18:], 0x3E) // x86-64
	binary.LittleEndian.PutUint32(h[20:], 1)
	return append(h, bytes.Repeat([]byte{0x90}, 200)...)
}

// peProgram is the start of a Windows program: an MZ header whose e_lfanew
// points at a PE signature.
func peProgram() []byte {
	h := make([]byte, 256)
	copy(h, "MZ")
	binary.LittleEndian.PutUint32(h[0x3C:], 0x80)
	copy(h[0x80:], "PE\x00\x00")
	return h
}

// zipFile is a ZIP archive holding one text file.
func zipFile(t *testing.T) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.Create("evidence.txt")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("words"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSniffRefusesWhatIsNotKept(t *testing.T) {
	textThenBinary := append([]byte(strings.Repeat("plain words ", 1000)), 0x00, 0x01, 0x02)
	cases := []struct {
		name     string
		data     []byte
		detected string // the type the error names
		says     string // words the message holds
	}{
		{"ELF program", elfProgram(), "application/x-executable", "is a program (application/x-executable), which is not kept: PNG, JPEG, WebP, GIF, PDF, MP3, MP4, WebM or plain text"},
		{"ELF program behind a PNG name", append(elfProgram(), "IHDR\x89PNG"...), "application/x-executable", "a program"},
		{"Windows program", peProgram(), "application/vnd.microsoft.portable-executable", "a Windows program"},
		{"Mach-O program", append([]byte{0xCF, 0xFA, 0xED, 0xFE}, make([]byte, 60)...), "application/x-mach-binary", "a program"},
		{"shell script", []byte("#!/bin/sh\nrm -rf \"$HOME\"\n"), "text/x-shellscript", "is a script"},
		{"script for an interpreter the detector does not know", []byte("#!/usr/bin/zsh\necho hi\n"), "text/plain; charset=utf-8", "is a script"},
		{"HTML", []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "text/html; charset=utf-8", "is HTML (text/html)"},
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "image/svg+xml", "is SVG (image/svg+xml)"},
		{"XML", []byte(`<?xml version="1.0"?><note>hi</note>`), "text/xml; charset=utf-8", "is XML"},
		{"ZIP archive", zipFile(t), "application/zip", "a ZIP archive"},
		{"text in ISO-8859-1", []byte("Caf\xe9 au lait, d\xe9clar\xe9 le 2 mars\n"), "text/plain; charset=iso-8859-1", "is text in ISO-8859-1, which is not kept: plain text must be UTF-8"},
		{"text with binary bytes past the detector's window", textThenBinary, "application/octet-stream", "holds a control character (U+0000 at byte 12000)"},
		{"unknown bytes", []byte{0x00, 0x01, 0x02, 0x03, 0xFE, 0x10, 0x11}, "application/octet-stream", "of no recognised type"},
		{"empty", nil, "", "is empty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sniff(tc.data)
			var re *RefusedError
			if !errors.As(err, &re) {
				t.Fatalf("Sniff = %q, %v; want a *RefusedError", got, err)
			}
			if got != "" {
				t.Errorf("Sniff returned type %q with its error", got)
			}
			if re.Detected != tc.detected {
				t.Errorf("Detected = %q, want %q", re.Detected, tc.detected)
			}
			if !strings.Contains(re.Error(), tc.says) {
				t.Errorf("message %q does not say %q", re.Error(), tc.says)
			}
		})
	}
}
