package media

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"testing"

	_ "golang.org/x/image/webp"
)

// exifWithGPS is an Exif TIFF structure (CIPA DC-008, little-endian) whose
// IFD0 names the camera, an orientation, and a GPS IFD placing the picture
// at 51°30'12.34"N 0°7'56.78"W. gps is the GPS IFD with its values, as it
// lies in the structure.
func exifWithGPS(orientation uint16) (tiff, gps []byte) {
	le := binary.LittleEndian
	entry := func(b []byte, tag, typ uint16, count, value uint32) []byte {
		b = le.AppendUint16(b, tag)
		b = le.AppendUint16(b, typ)
		b = le.AppendUint32(b, count)
		return le.AppendUint32(b, value)
	}
	const (
		ascii    = 2
		long     = 4
		rational = 5
	)
	// Layout: header 8, IFD0 (3 entries) 8..50, "TestCam\0" 50..58, GPS
	// IFD (4 entries) 58..112, latitude 112..136, longitude 136..160.
	b := []byte{'I', 'I', 42, 0, 8, 0, 0, 0}
	b = le.AppendUint16(b, 3)
	b = entry(b, 0x010F, ascii, 8, 50)
	b = entry(b, tagOrientation, typeShort, 1, uint32(orientation))
	b = entry(b, tagGPSInfo, long, 1, 58)
	b = le.AppendUint32(b, 0)
	b = append(b, "TestCam\x00"...)
	b = le.AppendUint16(b, 4)
	b = entry(b, 1, ascii, 2, uint32('N'))
	b = entry(b, 2, rational, 3, 112)
	b = entry(b, 3, ascii, 2, uint32('W'))
	b = entry(b, 4, rational, 3, 136)
	b = le.AppendUint32(b, 0)
	for _, v := range []uint32{51, 1, 30, 1, 1234, 100, 0, 1, 7, 1, 5678, 100} {
		b = le.AppendUint32(b, v)
	}
	if len(b) != 160 {
		panic("exifWithGPS: layout is off")
	}
	return b, b[58:]
}

// xmpWithGPS is an XMP packet with Exif GPS properties.
const xmpWithGPS = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,30.2057N" exif:GPSLongitude="0,7.9463W"/></rdf:RDF></x:xmpmeta>`

// jpegSegment returns a JPEG marker segment with its length.
func jpegSegment(marker byte, payload []byte) []byte {
	b := []byte{0xFF, marker}
	b = binary.BigEndian.AppendUint16(b, uint16(len(payload)+2))
	return append(b, payload...)
}

// ifd0Tags lists the tags of IFD0 of a TIFF structure, with the prefix
// "Exif\0\0" skipped.
func ifd0Tags(t *testing.T, tiff []byte) []uint16 {
	t.Helper()
	tiff = bytes.TrimPrefix(tiff, []byte("Exif\x00\x00"))
	var bo binary.ByteOrder = binary.LittleEndian
	if string(tiff[:2]) == "MM" {
		bo = binary.BigEndian
	}
	off := int(bo.Uint32(tiff[4:]))
	if off+2 > len(tiff) {
		t.Fatalf("IFD0 at %d lies past the end (%d bytes)", off, len(tiff))
	}
	n := int(bo.Uint16(tiff[off:]))
	if off+2+12*n > len(tiff) {
		t.Fatalf("IFD0's %d entries run past the end", n)
	}
	var tags []uint16
	for i := range n {
		tags = append(tags, bo.Uint16(tiff[off+2+12*i:]))
	}
	return tags
}

// samePixels fails the test unless a and b decode to the same size and
// the same colour at every pixel.
func samePixels(t *testing.T, a, b []byte) {
	t.Helper()
	ia, fa, err := image.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("decode the original: %v", err)
	}
	ib, fb, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode the stripped file: %v", err)
	}
	if fa != fb || ia.Bounds() != ib.Bounds() {
		t.Fatalf("decoded as %s %v, then %s %v", fa, ia.Bounds(), fb, ib.Bounds())
	}
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if ia.At(x, y) != ib.At(x, y) {
				t.Fatalf("pixel (%d,%d) changed: %v then %v", x, y, ia.At(x, y), ib.At(x, y))
			}
		}
	}
}

// jpegWithGPS is an encoded JPEG with Exif GPS, XMP GPS, an IPTC block, a
// comment and an MPF picture after its end carrying Exif GPS of its own.
func jpegWithGPS(t testing.TB, orientation uint16) (file, plain, gps []byte) {
	plain = encodeJPEG(t)
	tiff, gps := exifWithGPS(orientation)
	var b []byte
	b = append(b, plain[:2]...)
	b = append(b, jpegSegment(0xE0, []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))...)
	b = append(b, jpegSegment(0xE1, append([]byte("Exif\x00\x00"), tiff...))...)
	b = append(b, jpegSegment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmpWithGPS...))...)
	b = append(b, jpegSegment(0xED, []byte("Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x5a\x00\x06London"))...)
	b = append(b, jpegSegment(0xE2, []byte("MPF\x00II*\x00\x08\x00\x00\x00"))...)
	b = append(b, jpegSegment(0xFE, []byte("a comment stays"))...)
	b = append(b, plain[2:]...)
	second := append([]byte{0xFF, 0xD8}, jpegSegment(0xE1, append([]byte("Exif\x00\x00"), tiff...))...)
	b = append(b, append(second, plain[2:]...)...)
	return b, plain, gps
}

func TestStripLocationJPEG(t *testing.T) {
	file, plain, gps := jpegWithGPS(t, 6)
	if !bytes.Contains(file, gps) {
		t.Fatal("the test file lacks its GPS IFD")
	}
	out, err := StripLocation(JPEG, file)
	if err != nil {
		t.Fatalf("StripLocation: %v", err)
	}
	samePixels(t, file, out)
	samePixels(t, plain, out)
	for _, gone := range [][]byte{gps, []byte("TestCam"), []byte("GPSLatitude"), []byte("London"), []byte("MPF\x00"), []byte("ns.adobe.com")} {
		if bytes.Contains(out, gone) {
			t.Errorf("the stripped JPEG still holds %q", gone)
		}
	}
	if !bytes.Contains(out, []byte("a comment stays")) || !bytes.Contains(out, []byte("JFIF\x00")) {
		t.Error("the stripped JPEG lost its comment or its JFIF segment")
	}
	// The orientation survives alone in a minimal Exif segment, and the
	// scan data is copied byte for byte.
	i := bytes.Index(out, []byte("Exif\x00\x00"))
	if i < 0 {
		t.Fatal("the stripped JPEG lost its orientation")
	}
	exif := out[i : i+6+26]
	if tags := ifd0Tags(t, exif); len(tags) != 1 || tags[0] != tagOrientation {
		t.Errorf("IFD0 tags after stripping = %#x, want the orientation alone", tags)
	}
	if o := exifOrientation(exif); o != 6 {
		t.Errorf("orientation = %d, want 6", o)
	}
	sos := bytes.Index(plain, []byte{0xFF, 0xDA})
	if !bytes.HasSuffix(out, plain[sos:]) {
		t.Error("the scan data, from the start of scan to the end, changed")
	}
	if bytes.Count(out, []byte{0xFF, 0xD8}) != 1 {
		t.Error("the picture after the end of image was kept")
	}
}

func TestStripLocationJPEGWithoutOrientationKeepsNoExif(t *testing.T) {
	file, plain, _ := jpegWithGPS(t, 1)
	out, err := StripLocation(JPEG, file)
	if err != nil {
		t.Fatalf("StripLocation: %v", err)
	}
	samePixels(t, plain, out)
	if bytes.Contains(out, []byte("Exif")) {
		t.Error("an Exif segment was kept though it held no orientation to keep")
	}
	// A file with nothing to strip comes back with the same bytes.
	again, err := StripLocation(JPEG, plain)
	if err != nil || !bytes.Equal(again, plain) {
		t.Errorf("a JPEG with no metadata changed (err %v)", err)
	}
}

// pngChunk returns a PNG chunk with its CRC.
func pngChunk(typ string, body []byte) []byte { return appendPNGChunk(nil, typ, body) }

func TestStripLocationPNG(t *testing.T) {
	plain := encodePNG(t)
	tiff, gps := exifWithGPS(8)
	ihdrEnd := len(pngSignature) + 12 + 13
	var file []byte
	file = append(file, plain[:ihdrEnd]...)
	file = append(file, pngChunk("eXIf", tiff)...)
	file = append(file, pngChunk("iTXt", append([]byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"), xmpWithGPS...))...)
	file = append(file, pngChunk("zTXt", []byte("Raw profile type exif\x00\x00x\x9c"))...)
	file = append(file, pngChunk("tEXt", []byte("Comment\x00a comment stays"))...)
	file = append(file, plain[ihdrEnd:]...)
	file = append(file, "trailing bytes"...)

	out, err := StripLocation(PNG, file)
	if err != nil {
		t.Fatalf("StripLocation: %v", err)
	}
	samePixels(t, plain, out)
	for _, gone := range [][]byte{gps, []byte("TestCam"), []byte("GPSLatitude"), []byte("Raw profile"), []byte("trailing bytes")} {
		if bytes.Contains(out, gone) {
			t.Errorf("the stripped PNG still holds %q", gone)
		}
	}
	if !bytes.Contains(out, []byte("a comment stays")) {
		t.Error("the stripped PNG lost its comment")
	}
	i := bytes.Index(out, []byte("eXIf"))
	if i < 0 {
		t.Fatal("the stripped PNG lost its orientation")
	}
	n := binary.BigEndian.Uint32(out[i-4:])
	exif := out[i+4 : i+4+int(n)]
	if tags := ifd0Tags(t, exif); len(tags) != 1 || tags[0] != tagOrientation || exifOrientation(exif) != 8 {
		t.Errorf("eXIf after stripping has tags %#x, orientation %d; want the orientation 8 alone", tags, exifOrientation(exif))
	}
	if !bytes.HasSuffix(out, plain[ihdrEnd:]) {
		t.Error("the image data and IEND changed")
	}
}

func TestStripLocationPNGRefusesADamagedChunk(t *testing.T) {
	file := encodePNG(t)
	file[len(file)-20] ^= 0xFF // inside the last IDAT
	_, err := StripLocation(PNG, file)
	var me *MalformedError
	if !errors.As(err, &me) || me.ContentType != PNG {
		t.Fatalf("err = %v, want a *MalformedError for PNG", err)
	}
}

// webpExtended wraps the image chunk of a simple WebP into the extended
// format (RFC 9649): a VP8X header flagging Exif and XMP, the image, an
// EXIF chunk and an "XMP " chunk.
func webpExtended(t testing.TB, simple []byte, tiff []byte) []byte {
	t.Helper()
	img, _, err := image.DecodeConfig(bytes.NewReader(simple))
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	chunk := func(fourcc string, body []byte) []byte {
		b := append([]byte(fourcc), le.AppendUint32(nil, uint32(len(body)))...)
		b = append(b, body...)
		if len(body)%2 == 1 {
			b = append(b, 0)
		}
		return b
	}
	vp8x := []byte{vp8xExif | vp8xXMP, 0, 0, 0}
	w, h := uint32(img.Width-1), uint32(img.Height-1)
	vp8x = append(vp8x, byte(w), byte(w>>8), byte(w>>16), byte(h), byte(h>>8), byte(h>>16))
	var body []byte
	body = append(body, chunk("VP8X", vp8x)...)
	body = append(body, simple[12:]...)
	body = append(body, chunk("EXIF", tiff)...)
	body = append(body, chunk("XMP ", []byte(xmpWithGPS+" "))...) // odd length: padded
	out := append([]byte("RIFF"), le.AppendUint32(nil, uint32(4+len(body)))...)
	out = append(out, "WEBP"...)
	return append(out, body...)
}

func TestStripLocationWebP(t *testing.T) {
	simple := tinyWebP(t)
	tiff, gps := exifWithGPS(6)
	file := webpExtended(t, simple, tiff)
	samePixels(t, simple, file) // the test file is a valid WebP

	out, err := StripLocation(WebP, file)
	if err != nil {
		t.Fatalf("StripLocation: %v", err)
	}
	samePixels(t, simple, out)
	for _, gone := range [][]byte{gps, []byte("TestCam"), []byte("GPSLatitude"), []byte("EXIF"), []byte("XMP ")} {
		if bytes.Contains(out, gone) {
			t.Errorf("the stripped WebP still holds %q", gone)
		}
	}
	if flags := out[20]; flags&(vp8xExif|vp8xXMP) != 0 {
		t.Errorf("VP8X flags %#x still announce Exif or XMP", flags)
	}
	if size := binary.LittleEndian.Uint32(out[4:]); int(size)+8 != len(out) {
		t.Errorf("RIFF size %d for a file of %d bytes", size, len(out))
	}
	if !bytes.Contains(out, simple[12:]) {
		t.Error("the image chunk changed")
	}
}

func TestStripLocationLeavesOtherTypesAlone(t *testing.T) {
	for typ, data := range map[string][]byte{PDF: []byte(minimalPDF), MP4: mp4File("isom"), Text: []byte("words\n"), GIF: encodeGIF(t)} {
		out, err := StripLocation(typ, data)
		if err != nil || !bytes.Equal(out, data) {
			t.Errorf("%s: StripLocation changed it or failed (%v)", typ, err)
		}
	}
}

// TestStripLocationRefusesEveryCutShortImage cuts valid images at every
// length: each cut is a *MalformedError, never a panic or a half image
// passed on as whole.
func TestStripLocationRefusesEveryCutShortImage(t *testing.T) {
	jpegFile, _, _ := jpegWithGPS(t, 6)
	tiff, _ := exifWithGPS(3)
	plainJPEG := encodeJPEG(t)
	files := map[string][]byte{
		JPEG: plainJPEG,
		PNG:  encodePNG(t),
		WebP: webpExtended(t, tinyWebP(t), tiff),
		GIF:  gifWithXMP(t),
	}
	for typ, file := range files {
		for n := range len(file) {
			out, err := StripLocation(typ, file[:n])
			var me *MalformedError
			if !errors.As(err, &me) {
				t.Fatalf("%s cut to %d of %d bytes: got %d bytes, err %v; want a *MalformedError", typ, n, len(file), len(out), err)
			}
			if me.ContentType != typ || me.Error() == "" {
				t.Fatalf("%s cut to %d: error %+v", typ, n, me)
			}
		}
	}
	// The JPEG with metadata, cut anywhere before its first end of image.
	end := bytes.Index(jpegFile, []byte{0xFF, 0xD9})
	for n := range end + 1 {
		if _, err := StripLocation(JPEG, jpegFile[:n]); err == nil {
			t.Fatalf("JPEG cut to %d bytes before its end was passed", n)
		}
	}
}

// gifWithXMP is an encoded GIF with an XMP application extension holding
// GPS fields, after its colour table, and bytes after its trailer.
func gifWithXMP(t testing.TB) []byte {
	t.Helper()
	plain := encodeGIF(t)
	// Header and logical screen descriptor, then the global colour table.
	n := 13
	if plain[10]&0x80 != 0 {
		n += 3 << (plain[10]&7 + 1)
	}
	ext := []byte{0x21, 0xFF, 11}
	ext = append(ext, "XMP DataXMP"...)
	// The packet as sub-blocks of at most 255 bytes.
	packet := []byte(xmpWithGPS)
	for len(packet) > 0 {
		k := min(len(packet), 255)
		ext = append(ext, byte(k))
		ext = append(ext, packet[:k]...)
		packet = packet[k:]
	}
	ext = append(ext, 0)
	var b []byte
	b = append(b, plain[:n]...)
	b = append(b, ext...)
	b = append(b, plain[n:]...)
	return b
}

func TestStripLocationGIF(t *testing.T) {
	plain := encodeGIF(t)
	file := append(gifWithXMP(t), "trailing bytes"...)
	samePixels(t, plain, file) // the test file is a valid GIF
	out, err := StripLocation(GIF, file)
	if err != nil {
		t.Fatalf("StripLocation: %v", err)
	}
	samePixels(t, plain, out)
	if !bytes.Equal(out, plain) {
		t.Errorf("the stripped GIF (%d bytes) is not the GIF without its XMP (%d bytes)", len(out), len(plain))
	}
	for _, gone := range [][]byte{[]byte("GPSLatitude"), []byte("XMP DataXMP"), []byte("trailing bytes")} {
		if bytes.Contains(out, gone) {
			t.Errorf("the stripped GIF still holds %q", gone)
		}
	}
}
