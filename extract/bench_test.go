package extract

import (
	"strconv"
	"strings"
	"testing"
)

// longArticle builds an article of at least size bytes from the test texts.
func longArticle(size int) string {
	var b strings.Builder
	cases := allCases()
	for i := 0; b.Len() < size; i++ {
		if i%4 == 0 {
			b.WriteString(seedArticle)
		} else {
			b.WriteString(cases[i%len(cases)].text)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkFind measures Find on an article of about 100 KB.
func BenchmarkFind(b *testing.B) {
	text := longArticle(100 << 10)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Find(text, seedPublished)
	}
}

// pathological are input shapes that would expose quadratic behaviour or
// broken offsets: one huge paragraph, thousands of marks, no punctuation.
var pathological = []string{
	strings.Repeat(`"a b c," he said `, 6000),
	strings.Repeat(`“`, 30000),
	strings.Repeat("Mr A B C D said today ", 5000),
	strings.Repeat("x @y Follow ", 8000),
	strings.Repeat("according to ", 8000),
	strings.Repeat("The Post reported that ", 5000),
	strings.Repeat("Mr Smith met Mr Jones and ", 5000) + `"we agreed," he said`,
	strings.Repeat("\"a, b\" he ", 10000),
	strings.Repeat("on Tuesday ", 10000) + `"a b c," he said`,
	strings.Repeat("Name @x Follow a\n", 8000),
}

// TestLongAndPathologicalInputs checks the invariants on big inputs; their
// speed is measured by BenchmarkFindPathological, not asserted here.
func TestLongAndPathologicalInputs(t *testing.T) {
	text := longArticle(100 << 10)
	checkInvariants(t, text, Find(text, seedPublished))
	for _, s := range pathological {
		checkInvariants(t, s, Find(s, seedPublished))
	}
}

// BenchmarkFindPathological measures Find on each pathological shape.
func BenchmarkFindPathological(b *testing.B) {
	for i, s := range pathological {
		b.Run(strconv.Itoa(i), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Find(s, seedPublished)
			}
		})
	}
}
