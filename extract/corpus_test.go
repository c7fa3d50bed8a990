package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// The corpus under testdata/corpus holds articles written for the project in
// many house styles (British and American papers, wire copy, court and
// parliamentary reports, press releases, Q&A interviews, hearing and
// podcast transcripts, fact-checks, live blogs, social embeds, text pasted
// without line breaks), each with the claims a fact-check editor would log
// from it, labelled by hand before the extractor was run on it. dev/ is the
// set whose misses may be read while improving the extractor; holdout/ is
// scored only in aggregate, so that it stays a fair test of rules made on
// other copy; second/ holds a second labeller's labels of twelve of them
// (see TestLabelAgreement).
//
//	go test -tags sqlite_fts5 -run TestCorpus -v ./extract
//	CORPUS_DETAIL=1 go test -tags sqlite_fts5 -run TestCorpus/dev -v ./extract   # every miss in dev/

// labelledArticle is one .json file of the corpus.
type labelledArticle struct {
	// Language is the BCP 47 tag of the article's own sentences (the
	// languages/ set only; the others are English).
	Language  string `json:"language"`
	Style     string `json:"style"`
	Published string `json:"published"`
	Claims    []struct {
		Quote       string   `json:"quote"`
		Speaker     string   `json:"speaker"`
		SpeakerAlts []string `json:"speaker_alts"`
		SaidOn      *string  `json:"said_on"`
		Kind        string   `json:"kind"`
		Optional    bool     `json:"optional"`
	} `json:"claims"`
	NotClaims []string `json:"not_claims"`
}

// corpusScore counts what the extractor got right over a set of articles.
type corpusScore struct {
	labels, found       int // claims that must be found, and those found
	speakerOK, dateOK   int // of those found
	candidates, matched int // candidates, and those that are a labelled claim (optional ones count neither way)
	// bySource counts found claims by their candidate's DateSource, and
	// those whose date was right.
	bySource map[string][2]int
}

func (s *corpusScore) add(o corpusScore) {
	s.labels += o.labels
	s.found += o.found
	s.speakerOK += o.speakerOK
	s.dateOK += o.dateOK
	s.candidates += o.candidates
	s.matched += o.matched
	for k, v := range o.bySource {
		if s.bySource == nil {
			s.bySource = map[string][2]int{}
		}
		n := s.bySource[k]
		s.bySource[k] = [2]int{n[0] + v[0], n[1] + v[1]}
	}
}

// dateSources sums up date accuracy by where the date came from, as
// "stated 40/44 carried 10/20 …".
func (s corpusScore) dateSources() string {
	var out []string
	for _, k := range []string{DateStated, DateCarried, DateArticle, DateNone} {
		if v, ok := s.bySource[k]; ok {
			out = append(out, fmt.Sprintf("%s %d/%d", k, v[1], v[0]))
		}
	}
	return strings.Join(out, " ")
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func (s corpusScore) String() string {
	return fmt.Sprintf("recall %.1f%% (%d/%d), speaker %.1f%%, date %.1f%%, precision %.1f%% (%d/%d)",
		pct(s.found, s.labels), s.found, s.labels, pct(s.speakerOK, s.found), pct(s.dateOK, s.found),
		pct(s.matched, s.candidates), s.matched, s.candidates)
}

// corpusWords lower-cases s and splits it into words, with curly
// apostrophes made straight, for matching a candidate to a label whatever
// its punctuation. Chinese and Japanese put no spaces between words, so
// each of their characters counts as a word of its own.
func corpusWords(s string) []string {
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(s))
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		start := 0
		for i, r := range w {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				if i > start {
					out = append(out, w[start:i])
				}
				out = append(out, string(r))
				start = i + utf8.RuneLen(r)
			}
		}
		if start < len(w) {
			out = append(out, w[start:])
		}
	}
	return out
}

// overlap counts the words of a that are also in b, each at most as often
// as it is in b.
func overlap(a, b []string) int {
	left := map[string]int{}
	for _, w := range b {
		left[w]++
	}
	n := 0
	for _, w := range a {
		if left[w] > 0 {
			left[w]--
			n++
		}
	}
	return n
}

// sameSpeaker compares a candidate's speaker with a label's, ignoring case,
// a leading "the" and courtesy titles; a description that ends with the
// label ("a spokeswoman for the Home Office") counts.
func sameSpeaker(got, want string, alts []string) bool {
	norm := func(s string) string {
		s = strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer("’", "'").Replace(s))), " ")
		s = strings.TrimPrefix(s, "the ")
		for _, t := range []string{"mr ", "mrs ", "ms ", "miss ", "dr ", "dr. ", "prof ", "prof. ", "mr. ", "mrs. ", "ms. "} {
			if rest, ok := strings.CutPrefix(s, t); ok && !strings.HasPrefix(rest, "justice ") {
				return rest
			}
		}
		return s
	}
	g := norm(got)
	for _, w := range append([]string{want}, alts...) {
		w = norm(w)
		if g == w || (w != "" && strings.HasSuffix(g, " "+w)) {
			return true
		}
	}
	return false
}

// scoreArticle matches the candidates Find gives for one article with its
// labels. A candidate belongs to a label when most of its words (three in
// five) are the label's; a label is found when the candidates that belong
// to it cover three in five of its words (a quotation split by its
// attribution may come as two candidates), and its speaker and date are
// those of the candidate covering most of it. detail, when not nil,
// receives a line per miss.
func scoreArticle(text string, a labelledArticle, detail func(string)) corpusScore {
	var pub time.Time
	if a.Published != "" {
		pub = *day(a.Published)
	}
	cands, _ := Find(text, pub)
	return scoreCandidates(cands, a, detail)
}

// scoreCandidates scores candidates against an article's labels: a label
// is found when candidates that share at least 60% of their words with it
// cover 60% of its words; its speaker and date are those of the candidate
// that shares most words with it.
func scoreCandidates(cands []Candidate, a labelledArticle, detail func(string)) corpusScore {
	type label struct {
		words []string
		best  int
		cover int
	}
	labels := make([]label, len(a.Claims))
	for i, c := range a.Claims {
		labels[i] = label{words: corpusWords(c.Quote), best: -1}
	}
	var sc corpusScore
	for ci, c := range cands {
		cw := corpusWords(c.Quote)
		owner, ownerOverlap := -1, 0
		for li := range labels {
			n := overlap(cw, labels[li].words)
			if 5*n >= 3*len(cw) && n > ownerOverlap {
				owner, ownerOverlap = li, n
			}
		}
		if owner >= 0 {
			l := &labels[owner]
			l.cover += ownerOverlap
			if l.best < 0 || ownerOverlap > overlap(corpusWords(cands[l.best].Quote), l.words) {
				l.best = ci
			}
			if a.Claims[owner].Optional {
				continue
			}
			sc.matched++
		} else if detail != nil {
			detail(fmt.Sprintf("  not a claim: [%s] %q (%s)", c.Kind, c.Quote, c.Speaker))
		}
		sc.candidates++
	}
	for li, l := range labels {
		want := a.Claims[li]
		if want.Optional {
			continue
		}
		sc.labels++
		if 5*min(l.cover, len(l.words)) < 3*len(l.words) {
			if detail != nil {
				detail(fmt.Sprintf("  missed: %q (%s)", want.Quote, want.Speaker))
			}
			continue
		}
		sc.found++
		c := cands[l.best]
		if sameSpeaker(c.Speaker, want.Speaker, want.SpeakerAlts) {
			sc.speakerOK++
		} else if detail != nil {
			detail(fmt.Sprintf("  speaker %q, want %q: %q", c.Speaker, want.Speaker, want.Quote))
		}
		wantDate := "nil"
		if want.SaidOn != nil {
			wantDate = *want.SaidOn
		}
		if sc.bySource == nil {
			sc.bySource = map[string][2]int{}
		}
		n := sc.bySource[c.DateSource]
		n[0]++
		if fmtDate(c.SaidAt) == wantDate {
			n[1]++
			sc.dateOK++
		}
		sc.bySource[c.DateSource] = n
		if fmtDate(c.SaidAt) != wantDate && detail != nil {
			detail(fmt.Sprintf("  date %s (%s), want %s: %q", fmtDate(c.SaidAt), c.DateSource, wantDate, want.Quote))
		}
	}
	return sc
}

// TestLabelAgreement scores a second labeller's labels of some corpus
// articles (testdata/corpus/second, written blind to the first labels and
// to the code) against the first labels, as if they were candidates: how
// far two careful people agree is the ceiling the extractor's figures are
// read against. It is scored twice: with every label of the second
// labeller as a candidate, and with only those they did not mark optional.
//
//	go test -tags sqlite_fts5 -run TestLabelAgreement -v ./extract
func TestLabelAgreement(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "second", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no second labels: %v", err)
	}
	var human, humanSure, machine corpusScore
	for _, f := range files {
		var first, second labelledArticle
		readJSON(t, f, &second)
		orig := ""
		for _, set := range []string{"dev", "holdout"} {
			if p := filepath.Join("testdata", "corpus", set, filepath.Base(f)); fileExists(p) {
				orig = p
			}
		}
		if orig == "" {
			t.Fatalf("%s: no first labels", f)
		}
		readJSON(t, orig, &first)
		var all, sure []Candidate
		for _, c := range second.Claims {
			cd := Candidate{Quote: c.Quote, Speaker: c.Speaker, Kind: c.Kind}
			if c.SaidOn != nil {
				cd.SaidAt = day(*c.SaidOn)
			}
			all = append(all, cd)
			if !c.Optional {
				sure = append(sure, cd)
			}
		}
		h := scoreCandidates(all, first, nil)
		if h.found == 0 {
			t.Fatalf("%s: the second labels match none of the first", f)
		}
		text, err := os.ReadFile(strings.TrimSuffix(orig, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		human.add(h)
		humanSure.add(scoreCandidates(sure, first, nil))
		machine.add(scoreArticle(string(text), first, nil))
	}
	t.Logf("%d articles, second labeller, every label:   %v", len(files), human)
	t.Logf("%d articles, second labeller, sure ones only: %v", len(files), humanSure)
	t.Logf("%d articles, extractor:                      %v", len(files), machine)
	// Speakers and dates follow from the labelling rules, not from
	// judgement: two labellers who read them alike agree on nearly all.
	if sp, dt := pct(human.speakerOK, human.found), pct(human.dateOK, human.found); sp < 95 || dt < 95 {
		t.Errorf("the labellers agree on %.1f%% of speakers and %.1f%% of dates, under 95%%: the labelling rules are read two ways", sp, dt)
	}
}

// fileExists reports whether the file p exists.
func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// readJSON decodes the JSON file f into v or fails the test.
func readJSON(t *testing.T, f string, v any) {
	t.Helper()
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
}

// corpusFloor is what the corpus must score at least, set a little under
// the figures the extractor reaches today so that no change makes it
// worse. The intake goal is recall 95%, speaker 90%, date 90% and precision
// 80%; the floors rise to it as the extractor does.
var corpusFloor = struct{ recall, speaker, date, precision float64 }{88, 89, 85, 85}

// TestCorpus scores Find on the labelled corpus and fails below the floor.
func TestCorpus(t *testing.T) {
	var all corpusScore
	for _, set := range []string{"dev", "holdout"} {
		t.Run(set, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join("testdata", "corpus", set, "*.json"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no corpus in %s: %v", set, err)
			}
			var total corpusScore
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				var a labelledArticle
				if err := json.Unmarshal(b, &a); err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				text, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
				if err != nil {
					t.Fatal(err)
				}
				var lines []string
				var detail func(string)
				if set == "dev" && os.Getenv("CORPUS_DETAIL") != "" {
					detail = func(s string) { lines = append(lines, s) }
				}
				sc := scoreArticle(string(text), a, detail)
				if set == "dev" {
					t.Logf("%s: %v", filepath.Base(f), sc)
				}
				for _, l := range lines {
					t.Log(l)
				}
				total.add(sc)
			}
			t.Logf("%s, %d articles: %v", set, len(files), total)
			t.Logf("%s, right dates by source: %s", set, total.dateSources())
			all.add(total)
		})
	}
	t.Logf("all: %v", all)
	for _, c := range []struct {
		name       string
		got, floor float64
	}{
		{"recall", pct(all.found, all.labels), corpusFloor.recall},
		{"speaker", pct(all.speakerOK, all.found), corpusFloor.speaker},
		{"date", pct(all.dateOK, all.found), corpusFloor.date},
		{"precision", pct(all.matched, all.candidates), corpusFloor.precision},
	} {
		if c.got < c.floor {
			t.Errorf("%s %.1f%% is under its floor of %.0f%%", c.name, c.got, c.floor)
		}
	}
}

// TestCorpusLanguages scores Find on testdata/corpus/languages: articles
// written for the project in other languages and scripts (French, German,
// Spanish, Portuguese, Russian, Polish, Chinese, Japanese, Hebrew, Arabic,
// Swedish, Danish) and stories in one language quoting another, labelled
// before the extractor ran on them. Their quotations stand in every
// national style (« », ‹ ›, „ “, „ ”, ” ”, » «, » », 「 」, 『 』, ״ ״ and
// straight marks), with French spacing, nested, and broken over lines.
// Where the sentence around a quotation is not English the label's
// speaker is empty: the extractor reads attributions by English grammar
// and must not guess. Dates are labelled but not held to a floor: the
// extractor reads English dates only.
//
//	go test -tags sqlite_fts5 -run TestCorpusLanguages -v ./extract
//	CORPUS_DETAIL=1 go test -tags sqlite_fts5 -run TestCorpusLanguages -v ./extract   # every miss
func TestCorpusLanguages(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "languages", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in languages: %v", err)
	}
	byLang := map[string]*corpusScore{}
	var all corpusScore
	for _, f := range files {
		var a labelledArticle
		readJSON(t, f, &a)
		if a.Language == "" {
			t.Fatalf("%s: no language", f)
		}
		text, err := os.ReadFile(strings.TrimSuffix(f, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		var detail func(string)
		if os.Getenv("CORPUS_DETAIL") != "" {
			detail = func(s string) { t.Log(s) }
		}
		sc := scoreArticle(string(text), a, detail)
		t.Logf("%s: %v", filepath.Base(f), sc)
		// Stories in one language quoting another are scored as a set
		// of their own.
		group := a.Language
		if strings.Contains(filepath.Base(f), "-mixed-") {
			group = "mixed"
		}
		if byLang[group] == nil {
			byLang[group] = &corpusScore{}
		}
		byLang[group].add(sc)
		all.add(sc)
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		sc := byLang[l]
		t.Logf("%s: %v", l, *sc)
		for _, c := range []struct {
			name       string
			got, floor float64
		}{
			{"recall", pct(sc.found, sc.labels), languagesFloor.recall},
			{"speaker", pct(sc.speakerOK, sc.found), languagesFloor.speaker},
			{"precision", pct(sc.matched, sc.candidates), languagesFloor.precision},
		} {
			if c.got < c.floor {
				t.Errorf("%s: %s %.1f%% is under its floor of %.0f%%", l, c.name, c.got, c.floor)
			}
		}
	}
	t.Logf("all: %v", all)
}

// languagesFloor is what each language of testdata/corpus/languages must
// score at least. Before the extractor read these styles it scored 0% recall
// in Chinese and Japanese, 60% in French, and 67% of speakers right in
// Polish.
var languagesFloor = struct{ recall, speaker, precision float64 }{90, 90, 90}
