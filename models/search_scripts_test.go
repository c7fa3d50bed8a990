package models_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// scriptClaim is a fact-check of the multilingual corpus, with a verdict
// in its own language.
type scriptClaim struct {
	key                    string
	text, summary, speaker string
	headline, explanation  string
	tags                   []string
}

// scriptCorpus holds claims in ten scripts, published in this order (so
// later ones are newer). "法" ends the Chinese summary and is nowhere else;
// "сказала" holds "сказал" inside it.
var scriptCorpus = []scriptClaim{
	{key: "zh", text: "疫苗含有微芯片", summary: "疫苗含有微芯片的说法", speaker: "网络帖子",
		headline: "没有证据表明疫苗里有芯片", explanation: "疫苗成分是公开的。", tags: []string{"疫苗"}},
	{key: "ja", text: "ワクチンにはマイクロチップが入っている", summary: "ワクチンにチップ", speaker: "匿名の投稿",
		headline: "根拠はない", explanation: "成分表に記載はない。", tags: []string{"ワクチン"}},
	{key: "ru", text: "Путин сказал, что инфляция снизилась", summary: "Путин сказал об инфляции", speaker: "Владимир Путин",
		headline: "Инфляция выросла", explanation: "Данные Росстата показывают рост цен.", tags: []string{"экономика"}},
	{key: "ru2", text: "Министр сказала, что пенсии выросли", summary: "Министр о пенсиях", speaker: "Министр труда",
		headline: "Пенсии отстают от цен", explanation: "Реальные пенсии снизились.", tags: []string{"пенсии"}},
	{key: "fr", text: "L'équipe nationale a gagné tous ses matchs", summary: "L'équipe a tout gagné", speaker: "Fédération française",
		headline: "Deux défaites en 2025", explanation: "Les résultats officiels montrent deux défaites.", tags: []string{"Sport"}},
	{key: "el", text: "Η Αθήνα έχει τον μεγαλύτερο πληθυσμό", summary: "Ο πληθυσμός της Αθήνας", speaker: "Δήμαρχος Αθηναίων",
		headline: "Σωστό", explanation: "Η απογραφή το επιβεβαιώνει.", tags: []string{"Ελλάδα"}},
	{key: "ar", text: "الحكومة خفّضت الضرائب على الوقود", summary: "خفض ضرائب الوقود", speaker: "وزير المالية",
		headline: "لم تنخفض الضرائب", explanation: "تُظهر الأرقام الرسمية ارتفاع الضرائب.", tags: []string{"الانتخابات الرئاسية"}},
	{key: "hi", text: "सरकार ने कहा कि बेरोज़गारी घटी है", summary: "बेरोज़गारी घटी", speaker: "श्रम मंत्री",
		headline: "आंकड़े अलग हैं", explanation: "सर्वेक्षण बढ़ोतरी दिखाता है।", tags: []string{"रोज़गार"}},
	{key: "en", text: "The team won every match this season", summary: "Team unbeaten this season", speaker: "Coach Smith",
		headline: "It lost twice", explanation: "Official results show two losses.", tags: []string{"football"}},
}

// publishCorpus publishes scriptCorpus and returns the claims' keys by id.
func publishCorpus(t *testing.T, d *desk) map[uint]string {
	t.Helper()
	keys := map[uint]string{}
	for _, sc := range scriptCorpus {
		in := models.ClaimInput{Text: sc.text, Summary: sc.summary, Speaker: sc.speaker, SaidAt: "2026-01-05", Tags: sc.tags}
		c, err := d.s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatalf("%s: %v", sc.key, err)
		}
		v, err := d.s.ProposeVerdict(d.ctx, d.ed, d.m, c.ID, models.VerdictInput{Rating: "false", Headline: sc.headline, Explanation: sc.explanation})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
			t.Fatal(err)
		}
		keys[c.ID] = sc.key
	}
	return keys
}

// searchKeys runs a public search and returns the keys of what it found,
// in order.
func searchKeys(t *testing.T, d *desk, keys map[uint]string, q string) []string {
	t.Helper()
	out := []string{}
	for _, it := range searchHits(t, d, q) {
		out = append(out, keys[it.ID])
	}
	return out
}

// scriptQueries are searches of the corpus and what each finds, in order,
// the same on both engines: the claims that hold the words come first,
// then those that hold them inside a word, newest first.
var scriptQueries = []struct {
	q    string
	want []string
}{
	// The cases.
	{"微芯片", []string{"zh"}},
	{"сказал", []string{"ru", "ru2"}},
	{"equipe", []string{"fr"}},
	// Unspaced scripts: two characters and one, among them one that
	// ends every run it is in.
	{"芯片", []string{"zh"}},
	{"疫", []string{"zh"}},
	{"法", []string{"zh"}},
	{"チップ", []string{"ja"}},
	{"ワクチン", []string{"ja"}},
	{"微芯片 疫苗", []string{"zh"}},
	// Inside a word of a spaced script, newest first.
	{"сказа", []string{"ru2", "ru"}},
	{"инфляци", []string{"ru"}},
	{"eam", []string{"en"}},
	// Folding: accents, case, Greek tonos and final sigma, Arabic shadda.
	{"EQUIPE", []string{"fr"}},
	{"Équipe nationale", []string{"fr"}},
	{"αθηνα", []string{"el"}},
	{"ΑΘΗΝΑΣ", []string{"el"}},
	{"خفضت", []string{"ar"}},
	{"الضرائب", []string{"ar"}},
	{"بيروت", []string{}},
	// Hindi words keep their vowel signs apart from the nukta, which
	// folds away.
	{"बेरोजगारी", []string{"hi"}},
	{"रोज़गार", []string{"hi"}},
	// English: stop words are words on both engines; two letters match
	// whole words only.
	{"the team", []string{"en"}},
	{"team the", []string{"en"}},
	{"losses", []string{"en"}},
	{"wo", []string{}},
	{"Путин", []string{"ru"}},
	{"путин инфляции", []string{"ru"}},
	{"путин пенсии", []string{}},
}

// Search finds words in every script, inside unspaced text and inside
// other words, folding case and accents: "微芯片" finds "疫苗含有微芯片",
// "сказал" finds "Путин сказал", "equipe" finds "équipe". Every query of
// the table finds the same claims in the same order on SQLite and on
// PostgreSQL, and so do the claims' own words and pieces of them.
func TestSearchEveryScript(t *testing.T) {
	found := map[string]map[string][]string{} // engine → query → keys
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		keys := publishCorpus(t, d)
		for _, c := range scriptQueries {
			if got := searchKeys(t, d, keys, c.q); !reflect.DeepEqual(got, c.want) {
				t.Errorf("search %q: %v, want %v", c.q, got, c.want)
			}
		}
		mine := map[string][]string{}
		for _, q := range corpusQueries() {
			mine[q] = searchKeys(t, d, keys, q)
		}
		found[string(s.Dialect())] = mine
	})
	sq, pg := found["sqlite"], found["postgres"]
	if sq == nil || pg == nil {
		return
	}
	differ := 0
	for q, want := range sq {
		if got := pg[q]; !reflect.DeepEqual(got, want) {
			differ++
			t.Errorf("search %q: SQLite finds %v, PostgreSQL %v", q, want, got)
		}
	}
	t.Logf("%d searches compared across engines, %d differ", len(sq), differ)
}

// corpusQueries are searches made of the corpus itself: each word of every
// public field, its first three and last four characters, and pairs of
// neighbouring words.
func corpusQueries() []string {
	seen := map[string]bool{}
	var out []string
	add := func(q string) {
		if q != "" && !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	for _, c := range scriptCorpus {
		for _, f := range append([]string{c.text, c.summary, c.speaker, c.headline, c.explanation}, c.tags...) {
			words := strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune(" ,.。'!?", r) })
			for i, w := range words {
				add(w)
				if r := []rune(w); len(r) > 4 {
					add(string(r[:3]))
					add(string(r[len(r)-4:]))
				}
				if i > 0 {
					add(words[i-1] + " " + w)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// Only what the public may read is found, inside words and in unspaced
// scripts too: the words of a verdict in review are neither found nor
// quoted, until it is approved.
func TestSearchInsideWordsFindsOnlyPublishedVerdictWords(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		pub := d.publish(t, sworn(), "false")
		v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, pub.ID, models.VerdictInput{Rating: "mostly-false",
			Headline: "Xylographic review", Explanation: "报告说疫苗含有微芯片; сказала бабушка."})
		if err != nil {
			t.Fatal(err)
		}
		queries := []string{"xylograph", "ylographi", "微芯片", "芯片", "微", "сказала", "бабушк"}
		for _, q := range queries {
			if got := searchHits(t, d, q); len(got) != 0 {
				t.Errorf("in review: search %q finds %d claims by words no reviewer approved", q, len(got))
			}
		}
		if got := searchHits(t, d, "communications"); len(got) != 1 || strings.Contains(got[0].Snippet, "芯片") {
			t.Fatalf("in review: %+v", got)
		}
		res, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove})
		if err != nil || !res.Published {
			t.Fatalf("approve: %+v %v", res, err)
		}
		for _, q := range queries {
			if got := searchHits(t, d, q); len(got) != 1 || got[0].ID != pub.ID {
				t.Errorf("published: search %q finds %+v, want the claim", q, got)
			}
		}
		// The superseded verdict's words are gone from both indexes.
		for _, q := range []string{"Headline for", "eadlin"} {
			if got := searchHits(t, d, q); len(got) != 0 {
				t.Errorf("search %q finds the superseded verdict's words: %+v", q, got)
			}
		}
	})
}

// Snippets mark what was found, where it was found: a word inside an
// unspaced text exactly, a word inside another word whole, accented text
// as it is written.
func TestSearchSnippetsMarkEveryScript(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		publishCorpus(t, d)
		for _, c := range []struct{ q, want string }{
			{"微芯片", "疫苗含有" + models.HighlightStart + "微芯片" + models.HighlightEnd},
			{"сказа", "Путин " + models.HighlightStart + "сказал" + models.HighlightEnd + ", что инфляция снизилась"},
			{"equipe", "L'" + models.HighlightStart + "équipe" + models.HighlightEnd + " nationale a gagné tous ses matchs"},
			{"losses", "Official results show two " + models.HighlightStart + "losses" + models.HighlightEnd + "."},
			{"الانتخابات", models.TagsSnippet + models.HighlightStart + "الانتخابات" + models.HighlightEnd + "-الرئاسية"},
		} {
			got := searchHits(t, d, c.q)
			if len(got) == 0 {
				t.Errorf("search %q finds nothing", c.q)
				continue
			}
			if got[len(got)-1].Snippet != c.want {
				t.Errorf("search %q: snippet %q, want %q", c.q, got[len(got)-1].Snippet, c.want)
			}
		}
	})
}

// A long explanation is quoted around its matches, cut with "…", and a
// Chinese one by its characters.
func TestSearchSnippetsCutLongTexts(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		long := strings.Repeat("Some words before the point. ", 20) + "The ambassador met him twice. " + strings.Repeat("More words after it. ", 20)
		pub := d.publishExplained(t, sworn(), long)
		// The headline holds "ambassador" too, the explanation both.
		got := searchHits(t, d, "ambassador point")
		if len(got) != 1 || got[0].ID != pub.ID {
			t.Fatalf("search: %+v", got)
		}
		snip := got[0].Snippet
		if !strings.HasPrefix(snip, "…") || !strings.HasSuffix(snip, "…") ||
			!strings.Contains(snip, models.HighlightStart+"point"+models.HighlightEnd+". The "+models.HighlightStart+"ambassador"+models.HighlightEnd+" met him twice. More") {
			t.Errorf("snippet %q", snip)
		}
		if n := len(strings.Fields(snip)); n > 26 || n < 20 {
			t.Errorf("snippet of %d words: %q", n, snip)
		}
		zh := sworn()
		zh.Text, zh.Summary, zh.Speaker = strings.Repeat("这是一个很长的句子", 12)+"疫苗含有微芯片"+strings.Repeat("后面还有很多别的文字", 12), "长句子", "某人"
		c := d.publish(t, zh, "false")
		got = searchHits(t, d, "微芯片")
		if len(got) != 1 || got[0].ID != c.ID {
			t.Fatalf("search: %+v", got)
		}
		snip = got[0].Snippet
		if !strings.Contains(snip, models.HighlightStart+"微芯片"+models.HighlightEnd) || !strings.HasPrefix(snip, "…") ||
			!strings.HasSuffix(snip, "…") || utf8.RuneCountInString(snip) > 80 {
			t.Errorf("snippet %q", snip)
		}
	})
}

// Similar claims are found in unspaced scripts, by their pairs of
// characters, and across accents.
func TestSimilarClaimsInEveryScript(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		keys := publishCorpus(t, d)
		for _, c := range []struct{ text, want string }{
			{"疫苗里有微芯片", "zh"},
			{"ワクチンにマイクロチップが入っている", "ja"},
			{"L'equipe nationale a gagne tous les matchs", "fr"},
			{"الحكومة خفضت الضرائب على البنزين", "ar"},
		} {
			sim, err := s.SimilarClaims(d.ctx, c.text, 0, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(sim) == 0 || keys[sim[0].ID] != c.want {
				var got []string
				for _, x := range sim {
					got = append(got, fmt.Sprintf("%s %.2f", keys[x.ID], x.Score))
				}
				t.Errorf("similar to %q: %v, want %s first", c.text, got, c.want)
			}
		}
		// The same words in another script are the same claim.
		same, err := s.SimilarClaims(d.ctx, "疫苗含有微芯片", 0, 5)
		if err != nil || len(same) == 0 || !same[0].Exact || keys[same[0].ID] != "zh" {
			t.Errorf("the same Chinese words: %+v %v", same, err)
		}
	})
}
