package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// runeBoundaries marks the offsets where a rune starts when text is decoded
// from the beginning (invalid bytes count as one-byte runes).
func runeBoundaries(text string) []bool {
	b := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		b[i] = true
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	b[len(text)] = true
	return b
}

// FuzzFind checks that Find never panics and that every candidate keeps the
// offset contract, on any input including invalid UTF-8.
func FuzzFind(f *testing.F) {
	f.Add(seedArticle, true)
	for _, tc := range allCases() {
		f.Add(tc.text, !tc.pub.IsZero())
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "shared", "fixtures", "seed-article.txt")); err == nil {
		f.Add(string(b), true)
	}
	f.Add("\"\"\"“”“”\" \" a \"b\" c", false)
	f.Add("Name @h Follow\n\n@ @ @x Follow", true)
	f.Add("according to according to, according to.", true)
	// A clause that ends the text on "and" after a quotation: the word
	// after "and" was read past the last token.
	f.Add(`Paul Grant said that the claims "had no foundation at all" and`, true)
	// Marks rewritten at the text's edges.
	f.Add("«\u00a0", true)
	f.Add("x\u00a0»", false)
	f.Add("\xff\"\xe2\x80\x9c abc def ghi \xe2\x80", false)
	// Other scripts' marks: spaced guillemets and gershayim at the edges,
	// corner brackets left open or closed before they open, a quotation
	// broken over a line, nesting cut short.
	f.Add("« a »", true)
	f.Add("« ", false)
	f.Add("״", false)
	f.Add("א״ב ״", true)
	f.Add("」「『」」『", true)
	f.Add("「一二三四五六，\n七八九」と述べた。", true)
	f.Add("«\u202fa “b «c” „d", false)
	f.Add("„a «b\n\n» c“", true)
	f.Fuzz(func(t *testing.T, text string, dated bool) {
		pub := time.Time{}
		if dated {
			pub = seedPublished
		}
		cands, total := Find(text, pub)
		if len(cands) > MaxCandidates || total < len(cands) {
			t.Fatalf("%d candidates of %d", len(cands), total)
		}
		bounds := runeBoundaries(text)
		for i, c := range cands {
			if c.Start < 0 || c.Start > c.End || c.End > len(text) {
				t.Fatalf("candidate %d: offsets [%d:%d] outside text of %d bytes", i, c.Start, c.End, len(text))
			}
			if err := quoteContract(text, c); err != nil {
				t.Fatalf("candidate %d: %v", i, err)
			}
			if !bounds[c.Start] || !bounds[c.End] {
				t.Fatalf("candidate %d: [%d:%d] not on rune boundaries", i, c.Start, c.End)
			}
			if err := checkSentence(c); err != nil {
				t.Fatalf("candidate %d: %v", i, err)
			}
			if i > 0 && c.Start < cands[i-1].Start {
				t.Fatalf("candidate %d: out of order", i)
			}
			switch c.Kind {
			case KindQuote, KindSocialPost, KindReported:
			default:
				t.Fatalf("candidate %d: kind %q", i, c.Kind)
			}
		}
	})
}
