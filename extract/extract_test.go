package extract

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// seedArticle is a short article written for these tests around the case
// that started the project: sworn testimony, a newspaper report
// contradicting it, the speaker's denial and reactions posted online.
const seedArticle = `Sessions faces calls to quit over Russia meetings

Washington, 2 March 2017

Attorney General Jeff Sessions twice met Russia's ambassador to the United States during the 2016 campaign, according to the Washington Post.

At his Senate confirmation hearing on January 10, 2017, Mr Sessions was asked about contacts between the campaign and Moscow. Under oath, he replied: "I did not have communications with the Russians."

The Washington Post reported on 1 March that Mr Sessions had met the ambassador twice in 2016, once in July and once in September.

Late on Wednesday, Sessions answered the report in a statement. "I have no idea what this allegation is about - it is false," he said.

Democrats responded within hours.

Nancy Pelosi @NancyPelosi Follow Jeff Sessions is not fit to serve as the top law enforcement officer of our country and must resign.
11:02 PM - 1 Mar 2017

Elizabeth Warren @SenWarren Follow The Attorney General gave false testimony to the Senate. He should step aside from anything touching Russia.

Chuck Schumer @SenSchumer Follow An independent special prosecutor is now the only way to get to the truth.
`

var seedPublished = time.Date(2017, 3, 2, 0, 0, 0, 0, time.UTC)

// day parses a date for expectations.
func day(s string) *time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return &t
}

// fmtDate formats a SaidAt value for comparison.
func fmtDate(t *time.Time) string {
	if t == nil {
		return "nil"
	}
	return t.Format("2006-01-02")
}

// checkSentence asserts that a candidate's Sentence holds its Quote (or,
// for a quote longer than a Sentence may be, its beginning) and keeps to
// the limits.
func checkSentence(c Candidate) error {
	if n := utf8.RuneCountInString(c.Sentence); n > MaxSentence {
		return fmt.Errorf("Sentence of %d characters, over %d", n, MaxSentence)
	}
	if n := utf8.RuneCountInString(c.Speaker); n > MaxSpeaker {
		return fmt.Errorf("Speaker of %d characters, over %d", n, MaxSpeaker)
	}
	head := c.Quote
	if c.Parts != nil {
		head = c.Quote[:c.Parts[0].End-c.Parts[0].Start]
	}
	if utf8.RuneCountInString(head) >= MaxSentence-2 {
		// The first runes by their byte offsets: a conversion to []rune
		// would turn invalid bytes into U+FFFD, which the text lacks.
		n := 0
		for i := range head {
			if n == MaxSentence/8 {
				head = head[:i]
				break
			}
			n++
		}
	}
	if !strings.Contains(c.Sentence, head) {
		return fmt.Errorf("Sentence %q does not contain Quote %q", c.Sentence, head)
	}
	return nil
}

// quoteContract checks that a candidate's Quote is what its offsets say:
// text[Start:End] itself, or for a quotation split by its attribution the
// texts of its Parts, in order inside [Start, End], joined by one space;
// and that its confidence and date source are known values, with a date
// exactly when the source gives one.
func quoteContract(text string, c Candidate) error {
	if c.Parts == nil {
		if text[c.Start:c.End] != c.Quote {
			return fmt.Errorf("text[%d:%d] = %q, Quote = %q", c.Start, c.End, text[c.Start:c.End], c.Quote)
		}
	} else {
		var pieces []string
		prev := c.Start
		for _, p := range c.Parts {
			if p.Start < prev || p.End < p.Start || p.End > c.End {
				return fmt.Errorf("part [%d:%d] outside [%d:%d] or out of order", p.Start, p.End, c.Start, c.End)
			}
			pieces = append(pieces, text[p.Start:p.End])
			prev = p.End
		}
		if len(c.Parts) < 2 || c.Parts[0].Start != c.Start || c.Parts[len(c.Parts)-1].End != c.End {
			return fmt.Errorf("parts %v do not span [%d:%d]", c.Parts, c.Start, c.End)
		}
		if strings.Join(pieces, " ") != c.Quote {
			return fmt.Errorf("parts %q joined != Quote %q", pieces, c.Quote)
		}
	}
	switch c.SpeakerConfidence {
	case ConfidenceHigh, ConfidenceMedium, ConfidenceLow:
		if c.Speaker == "" {
			return fmt.Errorf("confidence %q without a speaker", c.SpeakerConfidence)
		}
	case ConfidenceNone:
		if c.Speaker != "" {
			return fmt.Errorf("speaker %q with confidence none", c.Speaker)
		}
	default:
		return fmt.Errorf("speaker confidence %q", c.SpeakerConfidence)
	}
	switch c.DateSource {
	case DateStated, DateCarried, DateArticle:
		if c.SaidAt == nil {
			return fmt.Errorf("date source %q without a date", c.DateSource)
		}
	case DateNone:
		if c.SaidAt != nil {
			return fmt.Errorf("date %v with source none", c.SaidAt)
		}
	default:
		return fmt.Errorf("date source %q", c.DateSource)
	}
	return nil
}

// checkInvariants asserts the offset contract of every candidate.
func checkInvariants(t *testing.T, text string, cands []Candidate) {
	t.Helper()
	if len(cands) > MaxCandidates {
		t.Fatalf("%d candidates, over %d", len(cands), MaxCandidates)
	}
	prev := -1
	for i, c := range cands {
		if c.Start < 0 || c.Start > c.End || c.End > len(text) {
			t.Fatalf("candidate %d: bad offsets [%d:%d] for text of %d bytes", i, c.Start, c.End, len(text))
		}
		if err := quoteContract(text, c); err != nil {
			t.Fatalf("candidate %d: %v", i, err)
		}
		if utf8.ValidString(text) {
			// Offsets fall between characters, and what is quoted is text.
			for _, off := range []int{c.Start, c.End} {
				if off < len(text) && !utf8.RuneStart(text[off]) {
					t.Fatalf("candidate %d: offset %d is inside a character", i, off)
				}
			}
			if !utf8.ValidString(c.Quote) || !utf8.ValidString(c.Sentence) || !utf8.ValidString(c.Speaker) {
				t.Fatalf("candidate %d: quote, sentence or speaker is not valid UTF-8: %q", i, c.Quote)
			}
		}
		if c.Start < prev {
			t.Fatalf("candidate %d: not in text order", i)
		}
		prev = c.Start
		if err := checkSentence(c); err != nil {
			t.Fatalf("candidate %d: %v", i, err)
		}
		switch c.Kind {
		case KindQuote, KindSocialPost, KindReported:
		default:
			t.Fatalf("candidate %d: unknown kind %q", i, c.Kind)
		}
		if c.SaidAt != nil {
			if c.SaidAt.Location() != time.UTC || c.SaidAt.Hour() != 0 || c.SaidAt.Minute() != 0 {
				t.Fatalf("candidate %d: SaidAt %v is not UTC midnight", i, c.SaidAt)
			}
		}
	}
}

// findQuote returns the first candidate whose Quote contains sub.
func findQuote(cands []Candidate, sub string) (Candidate, bool) {
	for _, c := range cands {
		if strings.Contains(c.Quote, sub) {
			return c, true
		}
	}
	return Candidate{}, false
}

// dump lists candidates for failure messages.
func dump(cands []Candidate) string {
	var b strings.Builder
	for _, c := range cands {
		b.WriteString("\n  [" + c.Kind + "] " + c.Quote + " | speaker=" + c.Speaker + " | date=" + fmtDate(c.SaidAt))
	}
	return b.String()
}

// TestSeedArticle checks the case that started the project on an article
// written for the tests.
func TestSeedArticle(t *testing.T) {
	cands, _ := Find(seedArticle, seedPublished)
	checkInvariants(t, seedArticle, cands)

	want := []struct {
		quote, speaker, kind string
		saidAt               *time.Time
	}{
		{"I did not have communications with the Russians", "Jeff Sessions", KindQuote, day("2017-01-10")},
		{"I have no idea what this allegation is about - it is false", "Jeff Sessions", KindQuote, day("2017-03-01")},
		{"Jeff Sessions is not fit to serve as the top law enforcement officer of our country and must resign.", "Nancy Pelosi", KindSocialPost, day("2017-03-01")},
		{"The Attorney General gave false testimony to the Senate. He should step aside from anything touching Russia.", "Elizabeth Warren", KindSocialPost, nil},
		{"An independent special prosecutor is now the only way to get to the truth.", "Chuck Schumer", KindSocialPost, nil},
		{"Attorney General Jeff Sessions twice met Russia's ambassador to the United States during the 2016 campaign", "the Washington Post", KindReported, day("2017-03-02")},
		{"Mr Sessions had met the ambassador twice in 2016, once in July and once in September", "The Washington Post", KindReported, day("2017-03-01")},
	}
	for _, w := range want {
		var got *Candidate
		for i := range cands {
			if cands[i].Quote == w.quote {
				got = &cands[i]
				break
			}
		}
		if got == nil {
			t.Errorf("missing candidate %q; got:%s", w.quote, dump(cands))
			continue
		}
		if got.Speaker != w.speaker || got.Kind != w.kind || fmtDate(got.SaidAt) != fmtDate(w.saidAt) {
			t.Errorf("candidate %q: got speaker=%q kind=%q date=%s, want %q %q %s",
				w.quote, got.Speaker, got.Kind, fmtDate(got.SaidAt), w.speaker, w.kind, fmtDate(w.saidAt))
		}
	}
	if len(cands) != len(want) {
		t.Errorf("got %d candidates, want %d:%s", len(cands), len(want), dump(cands))
	}
}

// TestSeedFixture runs the same checks on the shared seed article when the
// fixture is present next to the repository.
func TestSeedFixture(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "fixtures", "seed-article.txt")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("seed fixture not present")
	}
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	cands, _ := Find(text, seedPublished)
	checkInvariants(t, text, cands)

	c, ok := findQuote(cands, "I did not have communications with the Russians")
	if !ok || c.Kind != KindQuote || c.Speaker != "Jeff Sessions" || fmtDate(c.SaidAt) != "2017-01-10" {
		t.Errorf("sworn statement: got %+v (found=%v)", c, ok)
	}
	c, ok = findQuote(cands, "I have no idea what this allegation is about - it is false")
	if !ok || c.Kind != KindQuote || c.Speaker != "Jeff Sessions" {
		t.Errorf("denial: got %+v (found=%v)", c, ok)
	}
	c, ok = findQuote(cands, "not fit to serve")
	if !ok || c.Speaker != "Nancy Pelosi" {
		t.Errorf("Pelosi: got %+v (found=%v)", c, ok)
	}
	var posters []string
	for _, c := range cands {
		if c.Kind == KindSocialPost {
			posters = append(posters, c.Speaker)
			if c.Quote == "" || strings.Contains(c.Quote, "Follow") {
				t.Errorf("post text %q", c.Quote)
			}
		}
	}
	if strings.Join(posters, ",") != "Kamala Harris,Brian Schatz,Adam Schiff" {
		t.Errorf("social posts by %v", posters)
	}
	found := false
	for _, c := range cands {
		if c.Kind == KindReported && c.Speaker == "the Washington Post" && strings.Contains(c.Quote, "Russian ambassador") {
			found = true
		}
	}
	if !found {
		t.Errorf("no reported claim according to the Washington Post:%s", dump(cands))
	}
}
