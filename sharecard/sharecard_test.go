package sharecard_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"claimtracker/sharecard"
)

// palette is the site's, as the handlers read it from the stylesheet.
var palette = sharecard.Palette{
	Paper: sharecard.Hex("#ffffff"), Ink: sharecard.Hex("#1a1d23"), Muted: sharecard.Hex("#4a5160"),
	Brand: sharecard.Hex("#16325c"), Bad: sharecard.Hex("#a3221b"), Line: sharecard.Hex("#dde1e8"),
}

func card() sharecard.Card {
	return sharecard.Card{
		Label: "False", Colour: sharecard.Hex("#a3221b"), Palette: palette,
		Quote:    "I did not have communications with the Russians, and I'm unable to comment on it.",
		Speaker:  "Jeff Sessions",
		Newsroom: "The Daily Check",
	}
}

// draw draws c and decodes the PNG it made, failing the test on any error.
func draw(t *testing.T, name string, c sharecard.Card) (*image.RGBA, sharecard.Result) {
	t.Helper()
	res, err := sharecard.Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(res.PNG))
	if err != nil {
		t.Fatalf("%s: not a PNG: %v", name, err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Fatalf("%s: %v, want 1200×630", name, b)
	}
	if dir := os.Getenv("CLAIMTRACKER_SCREENSHOTS"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "sharecard-"+name+".png"), res.PNG, 0o644)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := range 630 {
		for x := range 1200 {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	return rgba, res
}

// inked counts the pixels in r that differ from the paper.
func inked(img *image.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.RGBAAt(x, y) != palette.Paper {
				n++
			}
		}
	}
	return n
}

// count counts the pixels of colour c.
func count(img *image.RGBA, c color.RGBA) int {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] == c.R && img.Pix[i+1] == c.G && img.Pix[i+2] == c.B && img.Pix[i+3] == c.A {
			n++
		}
	}
	return n
}

// quoteArea is where the quote is drawn, below the badge and above the rule.
var quoteArea = image.Rect(0, 190, 1200, 494)

func TestCardIsAPNGOfTheOpenGraphSize(t *testing.T) {
	img, res := draw(t, "english", card())
	if len(res.Omitted) != 0 {
		t.Errorf("omitted %v", res.Omitted)
	}
	if n := inked(img, quoteArea); n < 5000 {
		t.Errorf("the quote's area has %d inked pixels: no quote drawn?", n)
	}
	// The rating's colour fills its bar and badge.
	if n := count(img, sharecard.Hex("#a3221b")); n < 1200*14 {
		t.Errorf("%d pixels of the rating's colour", n)
	}
}

func TestARatingChangeChangesTheImage(t *testing.T) {
	_, a := draw(t, "false", card())
	c := card()
	c.Label, c.Colour = "Mostly true", sharecard.Hex("#3d6b1e")
	img, b := draw(t, "mostly-true", c)
	if bytes.Equal(a.PNG, b.PNG) {
		t.Fatal("a new rating drew the same image")
	}
	if n := count(img, sharecard.Hex("#a3221b")); n != 0 {
		t.Errorf("%d pixels keep the old rating's colour", n)
	}
	if n := count(img, sharecard.Hex("#3d6b1e")); n < 1200*14 {
		t.Errorf("%d pixels of the new rating's colour", n)
	}
}

// A long quote is cut to the lines that fit, and ends with an ellipsis:
// nothing is drawn over the rule or the newsroom's name.
func TestALongQuoteIsCut(t *testing.T) {
	c := card()
	c.Quote = strings.Repeat("The deficit fell by half in every single year of the plan. ", 30)
	img, _ := draw(t, "long", c)
	below := image.Rect(0, 630-112-6, 1200, 630-112)
	if n := inked(img, below); n != 0 {
		t.Errorf("%d inked pixels just above the rule: the quote runs into the footer", n)
	}
	short, _ := draw(t, "short", card())
	if inked(img, quoteArea) <= inked(short, quoteArea) {
		t.Error("a long quote drew less than a short one")
	}
}

// Arabic is drawn (by the fallback font, shaped and right to left), and the
// card is laid out from the right; Chinese, which no bundled font has, is
// left off rather than drawn as boxes.
func TestScriptsTheFontsHaveAndLack(t *testing.T) {
	c := card()
	c.Quote, c.Speaker = "لم أتواصل مع الروس", "جيف سيشنز"
	img, res := draw(t, "arabic", c)
	if len(res.Omitted) != 0 {
		t.Errorf("Arabic: omitted %v", res.Omitted)
	}
	left, right := image.Rect(0, 190, 600, 494), image.Rect(600, 190, 1200, 494)
	if l, r := inked(img, left), inked(img, right); r < 2000 || l >= r {
		t.Errorf("Arabic quote: %d inked pixels on the left, %d on the right; want it drawn at the right", l, r)
	}

	c = card()
	c.Quote = "我没有与俄罗斯人沟通"
	img, res = draw(t, "chinese", c)
	if !slices.Equal(res.Omitted, []string{"quote"}) {
		t.Errorf("Chinese quote: omitted %v, want [quote]", res.Omitted)
	}
	english, _ := draw(t, "english", card())
	if n := inked(img, quoteArea); n == 0 || n > inked(english, quoteArea)/3 {
		t.Errorf("without its quote, the card has %d inked pixels between badge and rule; want the speaker's alone", n)
	}

	c = card()
	c.Quote = "Jobs are up 👍🏽 and wages too"
	_, res = draw(t, "emoji", c)
	if len(res.Omitted) != 0 {
		t.Errorf("a quote with an emoji: omitted %v, want the emoji dropped and the words drawn", res.Omitted)
	}
}

func TestHex(t *testing.T) {
	for in, want := range map[string]color.RGBA{
		"#1e6b3a": {0x1e, 0x6b, 0x3a, 0xff}, "#fff": {0xff, 0xff, 0xff, 0xff}, "nonsense": {0x80, 0x80, 0x80, 0xff}, "#12345": {0x80, 0x80, 0x80, 0xff},
	} {
		if got := sharecard.Hex(in); got != want {
			t.Errorf("Hex(%q) = %v, want %v", in, got, want)
		}
	}
}

// BenchmarkDraw draws and encodes one card, as a share image's first
// reader after a change waits for it.
func BenchmarkDraw(b *testing.B) {
	c := card()
	for b.Loop() {
		if _, err := sharecard.Draw(c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrawArabic is BenchmarkDraw with an Arabic quote, which the
// shaper joins and the fallback font draws.
func BenchmarkDrawArabic(b *testing.B) {
	c := card()
	c.Quote, c.Speaker = "لم أتواصل مع الروس، ولا أستطيع التعليق على ذلك", "جيف سيشنز"
	for b.Loop() {
		if _, err := sharecard.Draw(c); err != nil {
			b.Fatal(err)
		}
	}
}

// Cards drawn at once, from several goroutines, are the cards drawn one
// by one: the typesetters they share are never used by two at a time.
func TestDrawConcurrently(t *testing.T) {
	cards := []sharecard.Card{card(), card(), card(), card()}
	cards[1].Quote, cards[2].Label, cards[3].Quote = "لم أتواصل مع الروس", "Mostly true", "Я не общался с русскими"
	want := make([][]byte, len(cards))
	for i, c := range cards {
		res, err := sharecard.Draw(c)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res.PNG
	}
	errs := make(chan error, 8*len(cards))
	got := make([][][]byte, 8)
	var wg sync.WaitGroup
	for g := range got {
		got[g] = make([][]byte, len(cards))
		wg.Go(func() {
			for i, c := range cards {
				res, err := sharecard.Draw(c)
				errs <- err
				got[g][i] = res.PNG
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for g := range got {
		for i := range cards {
			if !bytes.Equal(got[g][i], want[i]) {
				t.Errorf("goroutine %d drew card %d differently", g, i)
			}
		}
	}
}
