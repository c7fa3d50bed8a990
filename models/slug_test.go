package models_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// Slugs keep the letters of every script, lower-cased, in NFC, words
// joined by hyphens; Latin text gives the ASCII slugs it always gave.
func TestSlugifyEveryScript(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Slugs of Latin text are the ones made before, so that stored
		// slugs and tags match new ones.
		{"Sessions said he had no communications with the Russians", "sessions-said-he-had-no-communications-with-the-russians"},
		{"It's 100% true!", "its-100-true"},
		{"L'Équipe nationale", "lequipe-nationale"},
		{"  --Crème brûlée--  ", "creme-brulee"},
		{"ﬁnance Ｗorld", "finance-world"},
		// Other scripts.
		{"Путин сказал", "путин-сказал"},
		{"Ёлка и йогурт", "ёлка-и-йогурт"},
		{"حقائق الأسبوع", "حقائق-الأسبوع"},
		{"وزيـــر المالية", "وزير-المالية"},
		{"疫苗含有微芯片", "疫苗含有微芯片"},
		{"ワクチン 2026", "ワクチン-2026"},
		{"Η Αθήνα ΕΊΝΑΙ", "η-αθήνα-είναι"},
		{"नमस्ते दुनिया", "नमस्ते-दुनिया"},
		{"한국 뉴스", "한국-뉴스"},
		{"می‌خواهم بروم", "میخواهم-بروم"},
		{"Straße", "straße"},
		{"!!!", ""},
	} {
		if got := models.Slugify(c.in, 80); got != c.want {
			t.Errorf("Slugify(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A slug longer than its limit is cut after a word, or else after a
// character with its marks, never inside a character: it stays valid
// UTF-8 within the limit.
func TestSlugifyCutsWithinTheByteLimit(t *testing.T) {
	texts := []string{
		"Путин сказал, что инфляция снизилась до минимума за десять лет",
		"疫苗含有微芯片的说法没有任何根据而且已经被多次否认",
		"सरकार ने कहा कि बेरोज़गारी घटी है और नौकरियाँ बढ़ी हैं",
		"الحكومة خفّضت الضرائب على الوقود في بداية العام",
		"Sessions said he had no communications with the Russians",
	}
	for _, s := range texts {
		full := models.Slugify(s, 1000)
		for max := 1; max <= len(full)+1; max++ {
			got := models.Slugify(s, max)
			if len(got) > max || !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
				t.Fatalf("Slugify(%q, %d) = %q", s, max, got)
			}
			if !strings.HasPrefix(full, got) {
				t.Fatalf("Slugify(%q, %d) = %q is not a start of %q", s, max, got, full)
			}
			if r, _ := utf8.DecodeRuneInString(full[len(got):]); got != "" && len(got) < len(full) && unicode.IsMark(r) {
				t.Fatalf("Slugify(%q, %d) = %q parts a letter from its mark", s, max, got)
			}
		}
	}
	// Cut after a word when one ends in the second half.
	if got := models.Slugify("Путин сказал, что инфляция снизилась", 40); got != "путин-сказал-что" {
		t.Errorf("cut: %q", got)
	}
}

// Claims, speakers and tags in other scripts get readable slugs and tags,
// never "item" or "speaker", and tags in any script are kept.
func TestSlugsAndTagsInEveryScript(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		for _, c := range []struct {
			text, summary, speaker string
			tags                   []string
			slug, person           string
			wantTags               []string
		}{
			{"Путин сказал, что инфляция снизилась", "Путин сказал об инфляции", "Владимир Путин", []string{"Экономика", "экономика"},
				"путин-сказал-об-инфляции", "владимир-путин", []string{"экономика"}},
			{"الحكومة خفّضت الضرائب على الوقود", "خفض ضرائب الوقود", "وزير المالية", []string{"الانتخابات الرئاسية", "الضرائب"},
				"خفض-ضرائب-الوقود", "وزير-المالية", []string{"الانتخابات-الرئاسية", "الضرائب"}},
			{"疫苗含有微芯片", "疫苗含有微芯片的说法", "网络帖子", []string{"疫苗", "微芯片"},
				"疫苗含有微芯片的说法", "网络帖子", []string{"微芯片", "疫苗"}},
			{"Η Αθήνα έχει τον μεγαλύτερο πληθυσμό", "Ο πληθυσμός της Αθήνας", "Δήμαρχος Αθηναίων", []string{"Ελλάδα"},
				"ο-πληθυσμός-της-αθήνας", "δήμαρχος-αθηναίων", []string{"ελλάδα"}},
			{"सरकार ने कहा कि बेरोज़गारी घटी है", "बेरोज़गारी घटी", "श्रम मंत्री", []string{"रोज़गार"},
				"बेरोज़गारी-घटी", "श्रम-मंत्री", []string{"रोज़गार"}},
			{"La sélection a gagné", "Sélection victorieuse", "Fédération", []string{"Élections", "elections"},
				"selection-victorieuse", "federation", []string{"elections"}},
		} {
			in := models.ClaimInput{Text: c.text, Summary: c.summary, Speaker: c.speaker, SaidAt: "2026-01-05", Tags: c.tags}
			cl, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.GetClaim(d.ctx, cl.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Slug != norm.NFC.String(c.slug) || got.Person.Slug != norm.NFC.String(c.person) {
				t.Errorf("%s: slug %q, speaker %q; want %q, %q", c.summary, got.Slug, got.Person.Slug, c.slug, c.person)
			}
			want := slices.Clone(c.wantTags)
			for i := range want {
				want[i] = norm.NFC.String(want[i])
			}
			slices.Sort(want)
			if tags := got.TagNames(); !slices.Equal(tags, want) {
				t.Errorf("%s: tags %q, want %q", c.summary, tags, want)
			}
			byslug, err := s.ClaimBySlug(d.ctx, got.Slug)
			if err != nil || byslug.ID != cl.ID {
				t.Errorf("ClaimBySlug(%q): %v", got.Slug, err)
			}
		}
		// A second claim of the same words is numbered.
		again, err := s.CreateClaim(d.ctx, d.ed, d.m, models.ClaimInput{Text: "Путин снова сказал", Summary: "Путин сказал об инфляции",
			Speaker: "Владимир Путин", SaidAt: "2026-01-06"})
		if err != nil || again.Slug != "путин-сказал-об-инфляции-2" {
			t.Errorf("second slug: %+v %v", again, err)
		}
	})
}

// Invisible characters make no part of a slug: zero-width spaces and
// joiners, the byte order mark, Hangul fillers (letters that show
// nothing), variation selectors; nor does a mark that belongs to no
// letter.
func TestSlugifyDropsInvisibleCharacters(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\u115F\u3164 hangul filler", "hangul-filler"},
		{"\uFFA0\u1160", ""},
		{"한\u3164국 뉴스", "한국-뉴스"},
		{"\uFEFFfact\u200B check\u2060", "fact-check"},
		{"мир\uFE0F", "мир"},
		{"мир\uFE0F\u0301", "мир"},
		{"\u0301\u0308 mark", "mark"},
		{"- \u0301 -abc", "abc"},
		{"жук\U000E0100", "жук"},
		{"a\u034Fb", "ab"},
		// A joiner inside a word is dropped, and its marks kept.
		{"می‌خواهم", "میخواهم"},
	} {
		if got := models.Slugify(c.in, 80); got != norm.NFC.String(c.want) {
			t.Errorf("Slugify(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A claim's words, summary and speaker are kept without the byte order
// mark, zero-width characters or Hangul fillers at their ends, and its
// address and the speaker's have none; the joiners inside a word stay.
func TestClaimTextKeepsNoInvisibleEnds(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		in := models.ClaimInput{Text: "\uFEFFمی‌خواهم بروم\u200B", Summary: "\u115F\u3164 hangul filler", Speaker: "\u200D\u2060Jeff Sessions\uFEFF ", SaidAt: "2026-01-05"}
		cl, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.GetClaim(d.ctx, cl.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != "می‌خواهم بروم" || got.Summary != "hangul filler" || got.Person.Name != "Jeff Sessions" {
			t.Errorf("kept %q, %q, %q", got.Text, got.Summary, got.Person.Name)
		}
		if got.Slug != "hangul-filler" || got.Person.Slug != "jeff-sessions" {
			t.Errorf("slugs %q, %q", got.Slug, got.Person.Slug)
		}
		// Only invisible characters is no summary.
		in.Summary = "\u3164\u200B"
		if _, err := s.CreateClaim(d.ctx, d.ed, d.m, in); models.FieldReasons(err)["summary"].ID != "reasons.required" {
			t.Errorf("an invisible summary: %v", err)
		}
	})
}
