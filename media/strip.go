package media

import (
	"encoding/binary"
	"fmt"
)

// MalformedError says that a file of a kept type is not built as its
// format requires (cut short, a length that runs past the end, a damaged
// checksum), so its metadata cannot be found with certainty. Its message
// follows the name of the field that held the file ("file is not a whole
// JPEG image: it ends inside a segment"), like RefusedError's.
type MalformedError struct {
	// ContentType is the type the file was sniffed as.
	ContentType string
	// Message says what is wrong, for people.
	Message string
}

// Error returns the message for people.
func (e *MalformedError) Error() string { return e.Message }

func malformed(contentType, format string, args ...any) *MalformedError {
	return &MalformedError{ContentType: contentType, Message: fmt.Sprintf(format, args...)}
}

// StripLocation returns data without the metadata that can tell where an
// image was taken, and without re-encoding it: the image data is copied
// byte for byte, so the pixels stay identical, which evidence needs.
//
//   - JPEG (ITU T.81 and JFIF): of the application segments only JFIF/JFXX
//     (APP0), the ICC colour profile (APP2) and Adobe's colour transform
//     (APP14) are kept, since decoders read them to get the colours right.
//     The Exif segment (APP1, CIPA DC-008), which holds the GPS IFD, is
//     replaced by a minimal Exif holding only the Orientation tag when the
//     original had one other than 1 (browsers rotate the image by it), and
//     dropped otherwise. XMP (APP1, ISO 16684-1, which has GPS fields of
//     its own), extended XMP, Photoshop IRB/IPTC (APP13), the Multi-Picture
//     index (APP2 MPF) and every other application segment are dropped, and
//     so is whatever follows the end-of-image marker (the further pictures
//     that an MPF index points to, each with an Exif segment of its own).
//
//   - PNG (ISO 15948, PNG Extensions 1.5): eXIf is treated like JPEG's Exif
//     segment; tEXt, zTXt and iTXt chunks holding XMP ("XML:com.adobe.xmp")
//     or an Exif or IPTC dump ("Raw profile type …", as ImageMagick writes
//     them) are dropped; bytes after IEND are dropped. Every chunk's CRC is
//     checked.
//
//   - WebP (the RIFF container of RFC 9649): the EXIF and "XMP " chunks are
//     dropped and the extended header's (VP8X) Exif and XMP flags cleared.
//     WebP's specification gives Exif orientation no say in how the image
//     is shown, so none is kept. Bytes after the RIFF chunk are dropped.
//
//   - GIF (GIF89a; it has no Exif): the XMP application extension ("XMP
//     DataXMP") is dropped, and so are bytes after the trailer.
//
// PDF, audio, video and text come back as they are. A malformed image is a *MalformedError; StripLocation never
// panics, whatever the bytes.
func StripLocation(contentType string, data []byte) ([]byte, error) {
	switch contentType {
	case JPEG:
		return stripJPEG(data)
	case PNG:
		return stripPNG(data)
	case WebP:
		return stripWebP(data)
	case GIF:
		return stripGIF(data)
	}
	return data, nil
}

// Exif (TIFF) tags this package reads or writes (CIPA DC-008, TIFF 6.0).
const (
	tagOrientation = 0x0112
	tagGPSInfo     = 0x8825
	typeShort      = 3
)

// exifOrientation returns the Orientation tag (1 to 8) of IFD0 in tiff, a
// TIFF structure as Exif stores it, or 0 when it has none or cannot be
// read. A prefix "Exif\0\0" (as in JPEG, and wrongly in some PNGs) is
// skipped.
func exifOrientation(tiff []byte) uint16 {
	if len(tiff) >= 6 && string(tiff[:6]) == "Exif\x00\x00" {
		tiff = tiff[6:]
	}
	if len(tiff) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	if bo.Uint16(tiff[2:4]) != 42 {
		return 0
	}
	off := uint64(bo.Uint32(tiff[4:8]))
	if off+2 > uint64(len(tiff)) {
		return 0
	}
	n := uint64(bo.Uint16(tiff[off:]))
	for i := uint64(0); i < n; i++ {
		e := off + 2 + 12*i
		if e+12 > uint64(len(tiff)) {
			return 0
		}
		if bo.Uint16(tiff[e:]) != tagOrientation {
			continue
		}
		if bo.Uint16(tiff[e+2:]) != typeShort || bo.Uint32(tiff[e+4:]) != 1 {
			return 0
		}
		if v := bo.Uint16(tiff[e+8:]); v >= 1 && v <= 8 {
			return v
		}
		return 0
	}
	return 0
}

// orientationOnly returns a TIFF structure (big-endian) whose IFD0 holds
// the one Orientation tag o, and no further IFD.
func orientationOnly(o uint16) []byte {
	b := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1}
	b = binary.BigEndian.AppendUint16(b, tagOrientation)
	b = binary.BigEndian.AppendUint16(b, typeShort)
	b = binary.BigEndian.AppendUint32(b, 1)
	b = binary.BigEndian.AppendUint16(b, o)
	b = append(b, 0, 0)       // the rest of the value field
	b = append(b, 0, 0, 0, 0) // no next IFD
	return b
}
