package media

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"strings"
)

// pngSignature begins every PNG file (ISO 15948 section 5.2).
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// stripPNG walks the chunks of a PNG and copies all but the dropped ones.
// See StripLocation.
func stripPNG(data []byte) ([]byte, error) {
	bad := func(format string, args ...any) ([]byte, error) {
		return nil, malformed(PNG, "is not a whole PNG image: "+format, args...)
	}
	if !bytes.HasPrefix(data, pngSignature) {
		return bad("it does not start with the PNG signature")
	}
	out := make([]byte, 0, len(data))
	out = append(out, pngSignature...)
	exifSeen := false
	for i, first := len(pngSignature), true; ; first = false {
		if i+12 > len(data) {
			return bad("it ends before its IEND chunk")
		}
		n := binary.BigEndian.Uint32(data[i:])
		if n > 1<<31-1 || uint64(i)+12+uint64(n) > uint64(len(data)) {
			return bad("a chunk at byte %d runs past the end", i)
		}
		typ := string(data[i+4 : i+8])
		for _, c := range []byte(typ) {
			if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
				return bad("the chunk at byte %d has no valid type", i)
			}
		}
		chunk := data[i : i+12+int(n)]
		body := chunk[8 : 8+n]
		if crc32.ChecksumIEEE(chunk[4:8+n]) != binary.BigEndian.Uint32(chunk[8+n:]) {
			return bad("its %s chunk at byte %d is damaged (CRC mismatch)", typ, i)
		}
		i += len(chunk)
		if first && typ != "IHDR" {
			return bad("it does not start with an IHDR chunk")
		}
		switch typ {
		case "IEND":
			// Bytes after IEND are dropped.
			return append(out, chunk...), nil
		case "eXIf":
			if !exifSeen {
				exifSeen = true
				if o := exifOrientation(body); o > 1 {
					out = appendPNGChunk(out, "eXIf", orientationOnly(o))
				}
			}
			continue
		case "tEXt", "zTXt", "iTXt":
			if locationText(body) {
				continue
			}
		}
		out = append(out, chunk...)
	}
}

// locationText reports whether a PNG text chunk holds metadata that can
// carry a location: XMP, or a hex dump of Exif, XMP or IPTC as ImageMagick
// and ExifTool write them ("Raw profile type exif", "… APP1", "… iptc").
func locationText(body []byte) bool {
	key, _, _ := bytes.Cut(body, []byte{0})
	k := string(key)
	return k == "XML:com.adobe.xmp" || strings.HasPrefix(strings.ToLower(k), "raw profile type")
}

// appendPNGChunk appends a chunk of type typ holding body, with its CRC.
func appendPNGChunk(out []byte, typ string, body []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}
