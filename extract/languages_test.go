package extract

import (
	"testing"
	"time"
)

// TestQuotationStyles finds quotations in the marks of other languages and
// scripts, and leaves the speaker empty where the sentence around them is
// not English. Each case is one kind: a style of marks, a spacing, a
// nesting, a line break, or the grammar around the quotation.
func TestQuotationStyles(t *testing.T) {
	pub := time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, text     string
		quote, speaker string
	}{
		{"guillemets with ordinary spaces", "Le maire a répondu : « Cette fermeture mettra des vies en danger. »\n\nFin.",
			"Cette fermeture mettra des vies en danger", ""},
		{"nested in guillemets", "Une habitante résume : «\u202fOn nous a dit “trois mois de travaux”, et cela fait un an que je fais un détour.\u202f»",
			"On nous a dit “trois mois de travaux”, et cela fait un an que je fais un détour", ""},
		{"nested in low-high marks", "Mieszkanka mówi: „Słyszałam od urzędników, że to «przesądzone», a dziś okazało się, że nic nie jest przesądzone”.",
			"Słyszałam od urzędników, że to «przesądzone», a dziś okazało się, że nic nie jest przesądzone", ""},
		{"russian nested", "Депутат заявила: «В 2023 году нам обещали, что мост будет „готов к Новому году“. С тех пор смета выросла на 40 процентов».",
			"В 2023 году нам обещали, что мост будет „готов к Новому году“. С тех пор смета выросла на 40 процентов", ""},
		{"corner brackets", "陳志明表示：「去年全鎮垃圾量比五年前多了百分之二十，不改變不行。」",
			"去年全鎮垃圾量比五年前多了百分之二十，不改變不行。", ""},
		{"corner brackets nested, words after", "佐藤恵子さんは「市は昨年、『産科は必ず守る』と約束したはずだ」と話した。",
			"市は昨年、『産科は必ず守る』と約束したはずだ", ""},
		{"gershayim, acronym inside", "״שיעור ההתחסנות ירד מתחת ל-80%, וזה המצב שבו המחלה מתפשטת״, אמרה ד״ר רונית לוי.",
			"שיעור ההתחסנות ירד מתחת ל-80%, וזה המצב שבו המחלה מתפשטת", ""},
		{"line break in a line-per-paragraph paste", "Rubrik\n”Det beror på att det blåser nästan ingenting samtidigt som två reaktorer står still för\nrevision”, säger Johan Berg, analytiker.\nSlut.",
			"Det beror på att det blåser nästan ingenting samtidigt som två reaktorer står still för\nrevision", ""},
		{"german grammar, no speaker", "Die Hebamme Katrin Lohse sieht das anders: „Man hat uns jahrelang erzählt, die Station sei sicher. Jetzt müssen Schwangere 45 Minuten fahren.“",
			"Man hat uns jahrelang erzählt, die Station sei sicher. Jetzt müssen Schwangere 45 Minuten fahren", ""},
		{"english around russian", "«Мы не подпишем соглашение, пока не будут сняты ограничения с наших банков», Deputy Foreign Minister Pavel Orlov told Russian state television.",
			"Мы не подпишем соглашение, пока не будут сняты ограничения с наших банков", "Pavel Orlov"},
		{"french around english", "Le PDG, Scott Warren, a présenté ses excuses mardi après la panne.\n\n\"We let our passengers down, and we will refund every cancelled ticket\", a-t-il déclaré lors d'une conférence de presse à Montréal.",
			"We let our passengers down, and we will refund every cancelled ticket", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cands, _ := Find(tc.text, pub)
			for _, c := range cands {
				if err := checkSentence(c); err != nil {
					t.Error(err)
				}
				if c.Quote != tc.quote {
					continue
				}
				if c.Kind != KindQuote || c.Speaker != tc.speaker || tc.text[c.Start:c.End] != c.Quote {
					t.Errorf("%q: kind %s, speaker %q, want quote by %q", c.Quote, c.Kind, c.Speaker, tc.speaker)
				}
				return
			}
			t.Errorf("no candidate %q in %+v", tc.quote, cands)
		})
	}
}

// TestQuestionsInOtherScripts keeps a quotation that is only a question
// out, whatever the script's question mark.
func TestQuestionsInOtherScripts(t *testing.T) {
	for _, text := range []string{
		"有記者問：「延期會否令工程超支？」\n\n鄭家輝指工程預算維持在八十五億元。",
		"لكن النائب اعتبر القرار سيئاً، متسائلاً: “كيف نطلب من الناس التقشف والحكومة تشتري سيارات جديدة لوزرائها؟”",
	} {
		if cands, _ := Find(text, time.Time{}); len(cands) != 0 {
			t.Errorf("%q: a question is no candidate: %+v", text, cands)
		}
	}
}
