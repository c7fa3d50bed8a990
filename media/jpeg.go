package media

import (
	"bytes"
	"encoding/binary"
)

// JPEG markers (ITU T.81 table B.1).
const (
	markerSOI  = 0xD8
	markerEOI  = 0xD9
	markerSOS  = 0xDA
	markerTEM  = 0x01
	markerRST0 = 0xD0
	markerRST7 = 0xD7
	markerAPP0 = 0xE0
	markerAPP1 = 0xE1
	markerAPP2 = 0xE2
	markerAPPE = 0xEE
	markerAPPF = 0xEF
)

// stripJPEG walks the marker segments of a JPEG (ITU T.81 annex B) and
// copies all but the dropped application segments; the entropy-coded data
// after each start-of-scan is copied unchanged. See StripLocation.
func stripJPEG(data []byte) ([]byte, error) {
	bad := func(format string, args ...any) ([]byte, error) {
		return nil, malformed(JPEG, "is not a whole JPEG image: "+format, args...)
	}
	if len(data) < 4 || data[0] != 0xFF || data[1] != markerSOI {
		return bad("it does not start with the start-of-image marker")
	}
	out := make([]byte, 0, len(data))
	out = append(out, 0xFF, markerSOI)
	exifSeen, scanned := false, false
	i := 2
	for {
		if i >= len(data) {
			return bad("it ends before its end-of-image marker")
		}
		if data[i] != 0xFF {
			return bad("byte %d is outside any segment", i)
		}
		for i < len(data) && data[i] == 0xFF { // fill bytes (B.1.1.2)
			i++
		}
		if i >= len(data) {
			return bad("it ends before its end-of-image marker")
		}
		m := data[i]
		i++
		switch {
		case m == markerEOI:
			if !scanned {
				return bad("it holds no image data")
			}
			// What follows the image (further MPF pictures, trailers) is
			// dropped.
			return append(out, 0xFF, markerEOI), nil
		case m == markerTEM || m >= markerRST0 && m <= markerRST7:
			out = append(out, 0xFF, m)
			continue
		case m == 0x00 || m == markerSOI:
			return bad("marker 0x%02X at byte %d is out of place", m, i-1)
		}
		if i+2 > len(data) {
			return bad("it ends inside a segment")
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return bad("a segment at byte %d runs past the end", i-2)
		}
		seg, payload := data[i:i+n], data[i+2:i+n]
		i += n
		if m >= markerAPP0 && m <= markerAPPF {
			switch {
			case keepAPP(m, payload):
				out = append(out, 0xFF, m)
				out = append(out, seg...)
			case m == markerAPP1 && bytes.HasPrefix(payload, []byte("Exif\x00\x00")) && !exifSeen:
				exifSeen = true
				if o := exifOrientation(payload); o > 1 {
					tiff := orientationOnly(o)
					out = append(out, 0xFF, markerAPP1)
					out = binary.BigEndian.AppendUint16(out, uint16(2+6+len(tiff)))
					out = append(out, "Exif\x00\x00"...)
					out = append(out, tiff...)
				}
			}
			continue
		}
		out = append(out, 0xFF, m)
		out = append(out, seg...)
		if m != markerSOS {
			continue
		}
		// The entropy-coded data runs to the next marker other than a
		// stuffed zero (0xFF00) or a restart marker (B.1.1.5, F.1.2.3).
		scanned = true
		j := i
		for {
			k := bytes.IndexByte(data[j:], 0xFF)
			if k < 0 || j+k+1 >= len(data) {
				return bad("it ends inside its image data")
			}
			j += k
			if next := data[j+1]; next == 0x00 || next >= markerRST0 && next <= markerRST7 {
				j += 2
				continue
			}
			break
		}
		out = append(out, data[i:j]...)
		i = j
	}
}

// keepAPP reports whether an application segment is one that decoders read
// for the image's colours: JFIF or JFXX (APP0), an ICC profile (APP2), or
// Adobe's colour transform (APP14).
func keepAPP(m byte, payload []byte) bool {
	switch m {
	case markerAPP0:
		return bytes.HasPrefix(payload, []byte("JFIF\x00")) || bytes.HasPrefix(payload, []byte("JFXX\x00"))
	case markerAPP2:
		return bytes.HasPrefix(payload, []byte("ICC_PROFILE\x00"))
	case markerAPPE:
		return bytes.HasPrefix(payload, []byte("Adobe"))
	}
	return false
}
