package media

import "bytes"

// GIF blocks (GIF89a specification, sections 17 to 27).
const (
	gifExtension  = 0x21
	gifImage      = 0x2C
	gifTrailer    = 0x3B
	gifAppLabel   = 0xFF
	gifColorTable = 0x80
)

// gifXMP is the application identifier and authentication code of an XMP
// packet in a GIF (XMP Specification Part 3, "GIF").
var gifXMP = []byte("XMP DataXMP")

// stripGIF walks the blocks of a GIF and copies all but its XMP
// application extension, which can hold GPS fields; the image data is
// copied unchanged. GIF has no Exif. See StripLocation.
func stripGIF(data []byte) ([]byte, error) {
	bad := func(format string, args ...any) ([]byte, error) {
		return nil, malformed(GIF, "is not a whole GIF image: "+format, args...)
	}
	if len(data) < 13 || (string(data[:6]) != "GIF87a" && string(data[:6]) != "GIF89a") {
		return bad("it does not start with a GIF header")
	}
	i := 13
	if packed := data[10]; packed&gifColorTable != 0 {
		i += 3 << (packed&7 + 1)
	}
	if i > len(data) {
		return bad("it ends inside its colour table")
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:i]...)
	// subBlocks returns where the data sub-blocks starting at j end, after
	// their zero-length terminator, or -1.
	subBlocks := func(j int) int {
		for j < len(data) {
			n := int(data[j])
			j++
			if n == 0 {
				return j
			}
			j += n
		}
		return -1
	}
	for {
		if i >= len(data) {
			return bad("it ends before its trailer")
		}
		start := i
		switch data[i] {
		case gifTrailer:
			// Bytes after the trailer are dropped.
			return append(out, gifTrailer), nil
		case gifExtension:
			if i+2 > len(data) {
				return bad("it ends inside an extension")
			}
			label := data[i+1]
			end := subBlocks(i + 2)
			if end < 0 {
				return bad("an extension at byte %d runs past the end", start)
			}
			i = end
			if label == gifAppLabel && i-start > 3+len(gifXMP) && data[start+2] == byte(len(gifXMP)) &&
				bytes.Equal(data[start+3:start+3+len(gifXMP)], gifXMP) {
				continue
			}
		case gifImage:
			if i+10 > len(data) {
				return bad("it ends inside an image descriptor")
			}
			i += 10
			if packed := data[i-1]; packed&gifColorTable != 0 {
				i += 3 << (packed&7 + 1)
			}
			i++ // LZW minimum code size
			if i > len(data) {
				return bad("it ends inside an image")
			}
			if i = subBlocks(i); i < 0 {
				return bad("the image at byte %d runs past the end", start)
			}
		default:
			return bad("byte %d starts no block (0x%02X)", start, data[start])
		}
		out = append(out, data[start:i]...)
	}
}
