package sharecard

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"slices"
	"sync"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// fontFiles are the parsed fonts, read-only and shared; each typesetter
// makes its own faces of them (a face caches, so it is not shared).
type fontFiles struct {
	regular, bold []*font.Font
}

var loadFonts = sync.OnceValue(func() fontFiles {
	parse := func(ttf []byte) *font.Font {
		f, err := font.ParseTTF(bytes.NewReader(ttf))
		if err != nil {
			panic("sharecard: bundled font: " + err.Error())
		}
		return f.Font
	}
	return fontFiles{
		regular: []*font.Font{parse(goregular.TTF), parse(dejavusans.TTF)},
		bold:    []*font.Font{parse(gobold.TTF), parse(dejavusansbold.TTF)},
	}
})

// faceSet is a list of faces, the first that has a letter drawing it.
type faceSet []*font.Face

// ResolveFace implements shaping.Fontmap.
func (fs faceSet) ResolveFace(r rune) *font.Face {
	for _, f := range fs {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	return fs[0]
}

// has reports whether a face of fs has a glyph for r.
func (fs faceSet) has(r rune) bool {
	for _, f := range fs {
		if _, ok := f.NominalGlyph(r); ok {
			return true
		}
	}
	return false
}

// typesetter holds what shaping and drawing text needs, reused from
// image to image; one draws one image at a time.
type typesetter struct {
	regular, bold faceSet
	shaper        shaping.HarfbuzzShaper
	seg           shaping.Segmenter
	wrap          shaping.LineWrapper
	rast          vector.Rasterizer
}

var typesetters sync.Pool

func getTypesetter() *typesetter {
	if ts, ok := typesetters.Get().(*typesetter); ok {
		return ts
	}
	ff := loadFonts()
	ts := &typesetter{}
	for _, f := range ff.regular {
		ts.regular = append(ts.regular, font.NewFace(f))
	}
	for _, f := range ff.bold {
		ts.bold = append(ts.bold, font.NewFace(f))
	}
	return ts
}

func putTypesetter(ts *typesetter) { typesetters.Put(ts) }

// drawable returns s as the card can draw it, with the symbols that no
// font has (emoji) dropped; ok is false when s has a letter, digit, mark
// or punctuation that no font has, when the whole text is left off.
// Invisible format characters (joiners, direction marks) stay: the
// shaper uses or hides them.
func (ts *typesetter) drawable(s string) (string, bool) {
	fs := ts.regular
	var out []rune
	for i, r := range s {
		if fs.has(r) || unicode.Is(unicode.Cf, r) || r == ' ' {
			if out != nil {
				out = append(out, r)
			}
			continue
		}
		if !unicode.In(r, unicode.S, unicode.Co, unicode.Variation_Selector) {
			return "", false
		}
		if out == nil {
			out = append(make([]rune, 0, len(s)), []rune(s[:i])...)
		}
	}
	if out == nil {
		return s, true
	}
	return collapse(string(out)), true
}

// line is one line of shaped text: its runs left to right, its width
// and its extent above and below the baseline, in pixels.
type line struct {
	runs            []shaping.Output
	width           int
	ascent, descent int
}

// layout shapes s at px pixels and breaks it into at most maxLines lines
// of at most maxW pixels, the last cut with an ellipsis when s is longer.
func (ts *typesetter) layout(s string, bold bool, px, maxW, maxLines int) []line {
	lines, _ := ts.layoutCut(s, bold, px, maxW, maxLines)
	return lines
}

// layoutCut is layout, and reports whether s was cut.
func (ts *typesetter) layoutCut(s string, bold bool, px, maxW, maxLines int) ([]line, bool) {
	fs := ts.regular
	if bold {
		fs = ts.bold
	}
	runes := []rune(s)
	dir := di.DirectionLTR
	if rtl, _ := direction(s); rtl {
		dir = di.DirectionRTL
	}
	size := fixed.I(px)
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: dir, Size: size}
	var outs []shaping.Output
	for _, run := range ts.seg.Split(in, fs) {
		outs = append(outs, ts.shaper.Shape(run))
	}
	ell := []rune("…")
	// Lines break between words, and the ellipsis follows a whole word;
	// only a word wider than a line (an address, say) is broken.
	cfg := shaping.WrapConfig{Direction: dir, TruncateAfterLines: maxLines, BreakPolicy: shaping.Never,
		Truncator: ts.shaper.Shape(shaping.Input{Text: ell, RunEnd: len(ell), Direction: dir, Size: size, Face: fs.ResolveFace(ell[0])})}
	wrapped, truncated := ts.wrap.WrapParagraph(cfg, maxW, runes, shaping.NewSliceIterator(outs))
	for _, wl := range wrapped {
		if lineAdvance(wl) > fixed.I(maxW) {
			cfg.BreakPolicy = shaping.WhenNecessary
			wrapped, truncated = ts.wrap.WrapParagraph(cfg, maxW, runes, shaping.NewSliceIterator(outs))
			break
		}
	}
	lines := make([]line, 0, len(wrapped))
	for _, wl := range wrapped {
		runs := slices.Clone([]shaping.Output(wl))
		slices.SortFunc(runs, func(a, b shaping.Output) int { return int(a.VisualIndex - b.VisualIndex) })
		var l line
		var adv fixed.Int26_6
		for _, r := range runs {
			adv += r.Advance
			l.ascent = max(l.ascent, r.LineBounds.Ascent.Ceil())
			l.descent = max(l.descent, (-r.LineBounds.Descent).Ceil())
		}
		l.runs, l.width = runs, adv.Ceil()
		lines = append(lines, l)
	}
	return lines, truncated > 0
}

// lineAdvance is the width of a wrapped line.
func lineAdvance(l shaping.Line) fixed.Int26_6 {
	var adv fixed.Int26_6
	for _, r := range l {
		adv += r.Advance
	}
	return adv
}

// drawLine draws l with its left end at x and its baseline at y, in col.
// A glyph a font lacks (.notdef, drawn as a box) is never drawn.
func (ts *typesetter) drawLine(img *image.RGBA, l line, x, y int, col color.RGBA) {
	pad := (l.ascent + l.descent) / 2
	box := image.Rect(x-pad, y-l.ascent-pad, x+l.width+pad, y+l.descent+pad).Intersect(img.Bounds())
	if box.Empty() {
		return
	}
	z := &ts.rast
	z.Reset(box.Dx(), box.Dy())
	ox, oy := float32(x-box.Min.X), float32(y-box.Min.Y)
	pen := float32(0)
	for _, run := range l.runs {
		scale := float32(run.Size) / 64 / float32(run.Face.Upem())
		for _, g := range run.Glyphs {
			if g.GlyphID != 0 {
				if out, ok := run.Face.GlyphData(g.GlyphID).(font.GlyphOutline); ok {
					gx := ox + pen + float32(g.XOffset)/64
					gy := oy - float32(g.YOffset)/64
					outline(z, out, gx, gy, scale)
				}
			}
			pen += float32(g.Advance) / 64
		}
	}
	z.Draw(img, box, image.NewUniform(col), image.Point{})
}

// outline adds a glyph's outline, at (x, y) and scale, to z; fonts draw
// with y up, images down.
func outline(z *vector.Rasterizer, o font.GlyphOutline, x, y, scale float32) {
	pt := func(p ot.SegmentPoint) (float32, float32) { return x + p.X*scale, y - p.Y*scale }
	for _, s := range o.Segments {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			z.MoveTo(pt(s.Args[0]))
		case ot.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case ot.SegmentOpQuadTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			z.QuadTo(bx, by, cx, cy)
		case ot.SegmentOpCubeTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			dx, dy := pt(s.Args[2])
			z.CubeTo(bx, by, cx, cy, dx, dy)
		}
	}
	z.ClosePath()
}

// roundRect fills r, its corners rounded to radius, in col.
func roundRect(img *image.RGBA, r image.Rectangle, radius int, col color.RGBA) {
	r = r.Intersect(img.Bounds())
	if r.Empty() {
		return
	}
	w, h := float32(r.Dx()), float32(r.Dy())
	k := float32(math.Min(float64(radius), float64(min(w, h))/2))
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	z.MoveTo(k, 0)
	z.LineTo(w-k, 0)
	z.QuadTo(w, 0, w, k)
	z.LineTo(w, h-k)
	z.QuadTo(w, h, w-k, h)
	z.LineTo(k, h)
	z.QuadTo(0, h, 0, h-k)
	z.LineTo(0, k)
	z.QuadTo(0, 0, k, 0)
	z.ClosePath()
	z.Draw(img, r, image.NewUniform(col), image.Point{})
}
