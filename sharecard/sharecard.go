// Package sharecard draws the share image of a fact-check: the picture a
// link preview shows (Open Graph's og:image, a Twitter or X "summary large
// image" card) when someone shares a claim page. It is a 1200×630 PNG,
// the size those previews use, with the rating's label on the rating's
// colour, the claim's words as said (wrapped, and cut with an ellipsis
// when they do not fit), who said them, and the newsroom's name.
//
// Text is shaped with go-text/typesetting (HarfBuzz's rules: Arabic
// letters joined, marks placed, bidirectional text in visual order, lines
// broken where UAX #14 allows) and drawn from the fonts' outlines with
// golang.org/x/image/vector. The fonts are open-licensed and come with Go
// modules: the Go fonts (golang.org/x/image/font/gofont; Latin, Greek,
// Cyrillic) first, and DejaVu Sans (github.com/go-fonts/dejavu; adds
// Arabic, Hebrew, Armenian, Georgian and more) for what they lack.
//
// Text that neither font can draw (Chinese, Japanese, Korean, Thai, Indic
// scripts, …) is never drawn as boxes: a field holding such letters is
// left off the card (see Result.Omitted), so a Chinese quote gives a card
// with the rating, the speaker and the newsroom. Symbols neither font has
// (emoji, mostly) are dropped from the text they stand in.
package sharecard

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Width and Height are the image's size in pixels: the 1.91:1 that Open
// Graph previews and large Twitter cards show.
const (
	Width  = 1200
	Height = 630
)

// Card is what a share image shows. Every text is plain Unicode, as
// stored; none is required.
type Card struct {
	// Label is the rating's label ("Mostly false"), or for a retracted
	// fact-check the word that says so: it gives no rating.
	Label string
	// Withdrawn draws Label as the site draws a retracted fact-check's
	// badge: Palette.Bad on Palette.Paper in a frame, rather than white
	// on Colour.
	Withdrawn bool
	// Colour is the rating's colour, as the site's stylesheet gives it.
	Colour color.RGBA
	// Quote is the claim as said.
	Quote string
	// Speaker is who said it.
	Speaker string
	// Newsroom is the publisher's name.
	Newsroom string
	// RTL lays the card out from the right when the quote itself does not
	// say which way it runs (it has no letters): true for a site whose
	// language is written right to left. A quote that does say lays the
	// card out its way.
	RTL bool
	// Palette holds the other colours.
	Palette Palette
}

// Palette is the site's colours that a card uses besides the rating's.
type Palette struct {
	Paper, Ink, Muted, Brand, Bad, Line color.RGBA
}

// Result is a drawn card.
type Result struct {
	// PNG is the encoded image.
	PNG []byte
	// Omitted names the fields ("label", "quote", "speaker", "newsroom")
	// left off because the fonts cannot draw their letters.
	Omitted []string
}

// Hex reads a CSS colour written #rrggbb or #rgb; anything else is
// grey (#808080), so that a mistyped colour shows as no colour rather
// than fail the image.
func Hex(s string) color.RGBA {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	n, err := strconv.ParseUint(s, 16, 32)
	if len(s) != 6 || err != nil {
		return color.RGBA{0x80, 0x80, 0x80, 0xff}
	}
	return color.RGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 0xff}
}

// Geometry of the card, in pixels.
const (
	margin      = 72
	barHeight   = 14
	badgeTop    = 66
	badgeSize   = 44 // the label's font size
	badgePadX   = 30
	badgePadY   = 18
	badgeRadius = 10
	quoteTop    = 190
	// quoteBottomGap is the least space between the speaker and the rule.
	quoteBottomGap = 24
	speakerGap     = 18
	footerRule     = Height - 112
	newsroomY      = Height - 50 // baseline
	speakerSize    = 32
	newsroomPx     = 30
	contentW       = Width - 2*margin
)

// quoteSizes are the quote's font sizes tried, largest first, with the
// lines each may take; the last cuts the quote with an ellipsis.
var quoteSizes = []struct{ px, lines int }{{52, 3}, {44, 4}, {36, 5}}

// encoders keeps PNG encoders' buffers between images.
var encoders = &png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pool{}}

type pool struct{ p sync.Pool }

func (p *pool) Get() *png.EncoderBuffer {
	b, _ := p.p.Get().(*png.EncoderBuffer)
	return b
}
func (p *pool) Put(b *png.EncoderBuffer) { p.p.Put(b) }

// Draw draws c and encodes it as PNG. It is safe for concurrent use.
func Draw(c Card) (Result, error) {
	img, omitted := Render(c)
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := encoders.Encode(&buf, img); err != nil {
		return Result{}, err
	}
	return Result{PNG: buf.Bytes(), Omitted: omitted}, nil
}

// Render draws c, and names the fields it left off (see Result.Omitted).
func Render(c Card) (*image.RGBA, []string) {
	ts := getTypesetter()
	defer putTypesetter(ts)

	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(c.Palette.Paper), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, Width, barHeight), image.NewUniform(c.Colour), image.Point{}, draw.Src)

	var omitted []string
	text := func(name, s string) (string, bool) {
		s, ok := ts.drawable(s)
		if !ok {
			omitted = append(omitted, name)
		}
		return s, ok && s != ""
	}
	quote, hasQuote := text("quote", collapse(c.Quote))
	label, hasLabel := text("label", collapse(c.Label))
	speaker, hasSpeaker := text("speaker", collapse(c.Speaker))
	newsroom, hasNewsroom := text("newsroom", collapse(c.Newsroom))

	rtl := c.RTL
	if hasQuote {
		if d, ok := direction(quote); ok {
			rtl = d
		}
	}
	// x places a block of width w at the card's start side.
	x := func(w int) int {
		if rtl {
			return Width - margin - w
		}
		return margin
	}

	// The rating's badge.
	if hasLabel {
		lines := ts.layout(label, true, badgeSize, contentW-2*badgePadX, 1)
		if len(lines) > 0 {
			l := lines[0]
			w := l.width + 2*badgePadX
			h := l.ascent + l.descent + 2*badgePadY
			r := image.Rect(x(w), badgeTop, x(w)+w, badgeTop+h)
			fg := c.Palette.Paper
			if c.Withdrawn {
				roundRect(img, r, badgeRadius, c.Palette.Bad)
				roundRect(img, r.Inset(3), badgeRadius-3, c.Palette.Paper)
				fg = c.Palette.Bad
			} else {
				roundRect(img, r, badgeRadius, c.Colour)
			}
			ts.drawLine(img, l, r.Min.X+badgePadX, r.Min.Y+badgePadY+l.ascent, fg)
		}
	}

	// The quote, as large as fits, then who said it, the two together in
	// the middle of the space between the badge and the rule.
	var quoteLines, speakerLines []line
	var lh int
	if hasQuote {
		for _, s := range quoteSizes {
			var cut bool
			quoteLines, cut = ts.layoutCut(quote, false, s.px, contentW, s.lines)
			lh = s.px * 5 / 4
			if !cut {
				break
			}
		}
	}
	if hasSpeaker {
		speakerLines = ts.layout("— "+speaker, true, speakerSize, contentW, 1)
	}
	height := len(quoteLines) * lh
	if len(speakerLines) > 0 {
		if height > 0 {
			height += speakerGap
		}
		height += speakerLines[0].ascent + speakerLines[0].descent
	}
	y := quoteTop + max(0, (footerRule-quoteBottomGap-quoteTop-height)/2)
	for _, l := range quoteLines {
		ts.drawLine(img, l, x(l.width), y+l.ascent, c.Palette.Ink)
		y += lh
	}
	if len(quoteLines) > 0 {
		y += speakerGap
	}
	for _, l := range speakerLines {
		ts.drawLine(img, l, x(l.width), y+l.ascent, c.Palette.Muted)
	}

	// The newsroom, under a rule.
	draw.Draw(img, image.Rect(margin, footerRule, Width-margin, footerRule+2), image.NewUniform(c.Palette.Line), image.Point{}, draw.Src)
	if hasNewsroom {
		for _, l := range ts.layout(newsroom, true, newsroomPx, contentW, 1) {
			ts.drawLine(img, l, x(l.width), newsroomY, c.Palette.Brand)
		}
	}
	return img, omitted
}

// collapse turns every run of white space (line breaks included) into one
// space, and trims the ends: a card has no paragraphs.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// direction is the direction of s's first strong letter (Unicode's
// paragraph rule P2, as dir="auto" reads it): true for right to left;
// ok is false when s has none.
func direction(s string) (rtl, ok bool) {
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam):
			if unicode.IsLetter(r) {
				return true, true
			}
		case unicode.IsLetter(r):
			return false, true
		}
	}
	return false, false
}
