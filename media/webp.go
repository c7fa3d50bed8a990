package media

import (
	"encoding/binary"
)

// Flags of the extended header (VP8X, RFC 9649): the file holds Exif, and
// XMP.
const (
	vp8xExif = 0x08
	vp8xXMP  = 0x04
)

// stripWebP walks the chunks of a WebP's RIFF container (RFC 9649) and
// copies all but its EXIF and XMP chunks, clearing their flags in the VP8X
// header. See StripLocation.
func stripWebP(data []byte) ([]byte, error) {
	bad := func(format string, args ...any) ([]byte, error) {
		return nil, malformed(WebP, "is not a whole WebP image: "+format, args...)
	}
	if len(data) < 20 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return bad("it does not start with a RIFF WEBP header")
	}
	size := uint64(binary.LittleEndian.Uint32(data[4:8]))
	if size < 12 || size+8 > uint64(len(data)) {
		return bad("its RIFF size runs past the end")
	}
	end := int(size) + 8 // bytes after the RIFF chunk are dropped
	body := make([]byte, 0, end)
	for i, first := 12, true; i < end; first = false {
		if i+8 > end {
			return bad("it ends inside a chunk header")
		}
		fourcc := string(data[i : i+4])
		n := uint64(binary.LittleEndian.Uint32(data[i+4:]))
		padded := n + n&1
		if uint64(i)+8+n > uint64(end) {
			return bad("the %q chunk at byte %d runs past the end", fourcc, i)
		}
		next := min(uint64(i)+8+padded, uint64(end))
		chunk := data[i:next]
		i = int(next)
		if first && fourcc != "VP8 " && fourcc != "VP8L" && fourcc != "VP8X" {
			return bad("its first chunk is %q, not VP8, VP8L or VP8X", fourcc)
		}
		switch fourcc {
		case "EXIF", "XMP ":
			continue
		case "VP8X":
			if n < 10 {
				return bad("its VP8X chunk is too short")
			}
			start := len(body)
			body = append(body, chunk...)
			body[start+8] &^= vp8xExif | vp8xXMP
			continue
		}
		body = append(body, chunk...)
		if n&1 == 1 && uint64(len(chunk)) == 8+n {
			body = append(body, 0) // the pad byte a last odd chunk lacked
		}
	}
	out := make([]byte, 0, 12+len(body))
	out = append(out, "RIFF"...)
	out = binary.LittleEndian.AppendUint32(out, uint32(4+len(body)))
	out = append(out, "WEBP"...)
	return append(out, body...), nil
}
