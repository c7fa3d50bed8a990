package extract

import (
	"testing"
	"time"
)

// want describes one expected candidate; every field is asserted.
type want struct {
	quote   string
	speaker string
	saidAt  string // "2006-01-02", or "" for nil
	kind    string // defaults to KindQuote
}

type patternCase struct {
	name string
	text string
	pub  time.Time
	want []want
	// exact, when set, requires that no other candidates are found.
	exact bool
}

// pubDate parses a publication date; "" means unknown.
func pubDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	return *day(s)
}

// runCases runs table cases and asserts every declared field.
func runCases(t *testing.T, cases []patternCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cands, _ := Find(tc.text, tc.pub)
			checkInvariants(t, tc.text, cands)
			for _, w := range tc.want {
				kind := w.kind
				if kind == "" {
					kind = KindQuote
				}
				var got *Candidate
				for i := range cands {
					if cands[i].Quote == w.quote {
						got = &cands[i]
						break
					}
				}
				if got == nil {
					t.Errorf("missing %q; got:%s", w.quote, dump(cands))
					continue
				}
				wantDate := w.saidAt
				if wantDate == "" {
					wantDate = "nil"
				}
				if got.Speaker != w.speaker {
					t.Errorf("%q: Speaker = %q, want %q", w.quote, got.Speaker, w.speaker)
				}
				if fmtDate(got.SaidAt) != wantDate {
					t.Errorf("%q: SaidAt = %s, want %s", w.quote, fmtDate(got.SaidAt), wantDate)
				}
				if got.Kind != kind {
					t.Errorf("%q: Kind = %q, want %q", w.quote, got.Kind, kind)
				}
			}
			if tc.exact && len(cands) != len(tc.want) {
				t.Errorf("got %d candidates, want %d:%s", len(cands), len(tc.want), dump(cands))
			}
		})
	}
}

var quoteFormCases = []patternCase{
	{
		name:  "quote then name then verb",
		text:  `"The budget will be balanced by next spring," Ms Park said.`,
		want:  []want{{quote: "The budget will be balanced by next spring", speaker: "Park"}},
		exact: true,
	},
	{
		name:  "quote then verb then name",
		text:  `"We expect the bridge to reopen within a month," said Dr. Kim.`,
		want:  []want{{quote: "We expect the bridge to reopen within a month", speaker: "Kim"}},
		exact: true,
	},
	{
		name:  "verb first before the quote",
		text:  "Ana Lopez was sworn in as mayor this spring.\n\nSaid Mayor Lopez, \"Nobody in this city will lose their home.\"",
		want:  []want{{quote: "Nobody in this city will lose their home", speaker: "Ana Lopez"}},
		exact: true,
	},
	{
		name:  "name said comma quote",
		text:  `Tom Reed said, "The factory never dumped anything into the river."`,
		want:  []want{{quote: "The factory never dumped anything into the river", speaker: "Tom Reed"}},
		exact: true,
	},
	{
		name: "told parliament on a date that",
		text: `Health Minister Grace Obi told parliament on 30 October that "waiting lists have halved since last year".`,
		pub:  pubDate("2017-11-05"),
		want: []want{{quote: "waiting lists have halved since last year", speaker: "Grace Obi", saidAt: "2017-10-30"}},
	},
	{
		name:  "colon after a statement",
		text:  `The company said in a statement: "No customer data was ever exposed."`,
		want:  []want{{quote: "No customer data was ever exposed", speaker: "The company"}},
		exact: true,
	},
	{
		name: "curly quotation marks",
		text: "“Our tests found no lead in the water,” the city’s water department said on Tuesday.",
		pub:  pubDate("2019-05-16"),
		want: []want{{quote: "Our tests found no lead in the water", speaker: "the city’s water department", saidAt: "2019-05-14"}},
	},
	{
		name: "curly quotes before and after one attribution",
		text: "“The numbers are wrong,” Mr Adeyemi said, “and they have been wrong for years.”",
		want: []want{
			{quote: "The numbers are wrong and they have been wrong for years", speaker: "Adeyemi"},
		},
		exact: true,
	},
	{
		name:  "question quote then name then verb",
		text:  `"Who approved these payments?" Senator Ruiz asked. "Nobody did," the clerk said.`,
		want:  []want{{quote: "Nobody did", speaker: "the clerk"}},
		exact: true,
	},
	{
		name:  "partial quote after said",
		text:  `Paul Grant said the claims "had no foundation at all" and left the room.`,
		want:  []want{{quote: "had no foundation at all", speaker: "Paul Grant"}},
		exact: true,
	},
	{
		name: "continuation sentence keeps the speaker",
		text: `"We did nothing wrong," said Lena Ortiz. "Every contract went through open tender."`,
		want: []want{
			{quote: "We did nothing wrong", speaker: "Lena Ortiz"},
			{quote: "Every contract went through open tender", speaker: "Lena Ortiz"},
		},
		exact: true,
	},
	{
		name: "quotation over two paragraphs",
		text: "\"The first part of the plan is to cut waste in every department.\n\n\"The second part is to invest what we save in schools,\" the governor said.",
		want: []want{
			{quote: "The first part of the plan is to cut waste in every department", speaker: "the governor"},
			{quote: "The second part is to invest what we save in schools", speaker: "the governor"},
		},
		exact: true,
	},
	{
		name:  "headline with a name and a colon",
		text:  "Sessions: \"I never met the ambassador\"\n\nJeff Sessions is the attorney general. Sessions: \"I never met the ambassador.\"",
		want:  []want{{quote: "I never met the ambassador", speaker: "Jeff Sessions"}},
		exact: true,
	},
	{
		name:  "according to before a quote",
		text:  `According to Mr Lee, "the bridge was never safe".`,
		want:  []want{{quote: "the bridge was never safe", speaker: "Lee"}},
		exact: true,
	},
	{
		name:  "scare quote after an attributed quote is not a continuation",
		text:  `"We did it," Jane Roe said. The so-called "reform" was dropped.`,
		want:  []want{{quote: "We did it", speaker: "Jane Roe"}},
		exact: true,
	},
	{
		name: "according to after a quote",
		text: `"Exports fell by a third in the spring," according to Hana Sato.`,
		want: []want{{quote: "Exports fell by a third in the spring", speaker: "Hana Sato"}},
	},
}

// TestQuoteForms covers the common ways a quotation is attributed.
func TestQuoteForms(t *testing.T) { runCases(t, quoteFormCases) }

var verbCases = []patternCase{
	{name: "tweeted", text: `Senator Ray Cole tweeted: "The vote was rigged from the start."`,
		want: []want{{quote: "The vote was rigged from the start", speaker: "Ray Cole"}}, exact: true},
	{name: "testified", text: `"I never saw the memo," Ms Hart testified.`,
		want: []want{{quote: "I never saw the memo", speaker: "Hart"}}, exact: true},
	{name: "claimed", text: `Bo Lind claimed that "crime has doubled in two years".`,
		want: []want{{quote: "crime has doubled in two years", speaker: "Bo Lind"}}, exact: true},
	{name: "insisted", text: `"The money was repaid in full," Mr Novak insisted.`,
		want: []want{{quote: "The money was repaid in full", speaker: "Novak"}}, exact: true},
	{name: "wrote", text: `In a letter to staff, Chief Executive Mia Holt wrote: "No jobs will be cut this year."`,
		want: []want{{quote: "No jobs will be cut this year", speaker: "Mia Holt"}}, exact: true},
	{name: "responded", text: `"That figure is simply invented," the ministry responded.`,
		want: []want{{quote: "That figure is simply invented", speaker: "the ministry"}}, exact: true},
	{name: "declared", text: `Prime Minister Jon Berg declared, "The crisis is over."`,
		want: []want{{quote: "The crisis is over", speaker: "Jon Berg"}}, exact: true},
	{name: "argued", text: `"Rents rose because supply fell," argued Professor Ines Silva.`,
		want: []want{{quote: "Rents rose because supply fell", speaker: "Ines Silva"}}, exact: true},
	{name: "called", text: `Mayor Dan Price called the audit "a political stunt from start to finish".`,
		want: []want{{quote: "a political stunt from start to finish", speaker: "Dan Price"}}, exact: true},
}

// TestAttributionVerbs checks verbs other than "said".
func TestAttributionVerbs(t *testing.T) { runCases(t, verbCases) }

var scareQuoteCases = []patternCase{
	{name: "single word", text: `The so-called "reform" was quietly dropped from the bill.`, exact: true},
	{name: "two words", text: `The plan, known as "Project Sunrise", was shelved in May.`, exact: true},
	{name: "title", text: `She wrote the best-seller "The Art Of The Deal Maker" in a month.`, exact: true},
	{
		name:  "unattributed sentence is kept without speaker",
		text:  `A banner on the gate read "No new taxes for anyone" until it was taken down.`,
		want:  []want{{quote: "No new taxes for anyone", speaker: ""}},
		exact: true,
	},
	{name: "unbalanced mark", text: `The sign said "closed and nobody knew why`, exact: false},
}

// TestScareQuotes checks that short unattributed quotations are skipped.
func TestScareQuotes(t *testing.T) { runCases(t, scareQuoteCases) }

var postCases = []patternCase{
	{
		name: "header with time stamp line",
		text: "Reactions came quickly.\n\nMaria Lopez @marialopez Follow The new bus lanes cut my commute by ten minutes. Great work!\n9:15 AM - 4 Apr 2018\n\nThe council meets again next week.",
		pub:  pubDate("2018-04-05"),
		want: []want{{quote: "The new bus lanes cut my commute by ten minutes. Great work!", speaker: "Maria Lopez", saidAt: "2018-04-04", kind: KindSocialPost}},
	},
	{
		name: "one paragraph per line",
		text: "Reactions came quickly.\nMaria Lopez @marialopez Follow Bus lanes for every street, please!\n9:15 AM - 4 Apr 2018\nOthers disagreed.\nSam Roy @sam_roy Follow Nobody asked the shop owners https://t.co/abc123",
		want: []want{
			{quote: "Bus lanes for every street, please!", speaker: "Maria Lopez", saidAt: "2018-04-04", kind: KindSocialPost},
			{quote: "Nobody asked the shop owners", speaker: "Sam Roy", kind: KindSocialPost},
		},
		exact: true,
	},
	{
		name:  "header split over lines with a badge",
		text:  "Nancy Pelosi ✔ @NancyPelosi\nFollow\nJeff Sessions is not fit to serve.\n12:41 AM - 2 Mar 2017",
		want:  []want{{quote: "Jeff Sessions is not fit to serve.", speaker: "Nancy Pelosi", saidAt: "2017-03-02", kind: KindSocialPost}},
		exact: true,
	},
	{
		name: "post text with a link and no date",
		text: "Chuck Schumer @SenSchumer Follow A special prosecutor is the only answer here. https://t.co/xyz pic.twitter.com/abc",
		want: []want{{quote: "A special prosecutor is the only answer here.", speaker: "Chuck Schumer", kind: KindSocialPost}},
	},
	{
		name: "embed fallback with footer",
		text: "Officials responded online.\n\nThe port will stay open all weekend. pic.twitter.com/xyz — Port Authority Chief (@PortChief) March 3, 2018\n\nTraffic was light.",
		want: []want{{quote: "The port will stay open all weekend.", speaker: "Port Authority Chief", saidAt: "2018-03-03", kind: KindSocialPost}},
	},
	{
		name:  "handle in prose is not a post",
		text:  "You can follow the council at @CityCouncil for updates.",
		exact: true,
	},
}

// TestSocialPosts covers posts pasted as "Name @handle Follow text".
func TestSocialPosts(t *testing.T) { runCases(t, postCases) }

var reportedCases = []patternCase{
	{
		name:  "clause then according to",
		text:  "The minister met the lobbyist three times in June, according to the Daily Courier.",
		want:  []want{{quote: "The minister met the lobbyist three times in June", speaker: "the Daily Courier", kind: KindReported}},
		exact: true,
	},
	{
		name:  "according to then clause",
		text:  "According to court filings, the firm owed its staff two months of wages.",
		want:  []want{{quote: "the firm owed its staff two months of wages", speaker: "court filings", kind: KindReported}},
		exact: true,
	},
	{
		name:  "according to a person",
		text:  "Dara Flynn runs the clinic. Waiting times have doubled since spring, according to Ms Flynn.",
		want:  []want{{quote: "Waiting times have doubled since spring", speaker: "Dara Flynn", kind: KindReported}},
		exact: true,
	},
	{
		name:  "parenthetical source",
		text:  "The mayor, according to two aides, had already signed the order.",
		want:  []want{{quote: "The mayor, according to two aides, had already signed the order", speaker: "two aides", kind: KindReported}},
		exact: true,
	},
	{
		name:  "reported that with a date",
		text:  "The Herald reported on Monday that the stadium deal had collapsed.",
		pub:   pubDate("2021-09-08"),
		want:  []want{{quote: "the stadium deal had collapsed", speaker: "The Herald", saidAt: "2021-09-06", kind: KindReported}},
		exact: true,
	},
}

// TestReported covers "according to" and "reported that" claims.
func TestReported(t *testing.T) { runCases(t, reportedCases) }

var speakerCases = []patternCase{
	{
		name: "title and surname resolve to the full name",
		text: "Attorney General Jeff Sessions spoke first.\n\n\"I stand by every word,\" Mr Sessions said.\n\n\"I stand by it too,\" Senator Sessions added.\n\n\"And again,\" said Mr. Sessions.",
		want: []want{
			{quote: "I stand by every word", speaker: "Jeff Sessions"},
			{quote: "I stand by it too", speaker: "Jeff Sessions"},
			{quote: "And again", speaker: "Jeff Sessions"},
		},
		exact: true,
	},
	{
		name: "full name given later in the article",
		text: "\"We will appeal,\" Ms Varga said.\n\nJudit Varga leads the legal team.",
		want: []want{{quote: "We will appeal", speaker: "Judit Varga"}},
	},
	{
		name: "he is the person named before",
		text: "Omar Haddad has run the charity since 2010. \"Donations have never been higher,\" he said.",
		want: []want{{quote: "Donations have never been higher", speaker: "Omar Haddad"}},
	},
	{
		name: "he falls back to the last speaker",
		text: "\"The tunnel will open on time,\" said Victor Hale.\n\nWork began two years ago.\n\n\"We are ahead of schedule,\" he added.",
		want: []want{
			{quote: "The tunnel will open on time", speaker: "Victor Hale"},
			{quote: "We are ahead of schedule", speaker: "Victor Hale"},
		},
	},
	{
		name: "she skips a man named in the same sentence",
		text: "Leader Nancy Pelosi went further, demanding Mr Sessions' resignation. \"He must go now,\" she said.",
		want: []want{{quote: "He must go now", speaker: "Nancy Pelosi"}},
	},
	{
		name: "ambiguous he takes the subject of the sentence before",
		text: "Mr Brandt met Mr Okafor on Friday. \"We agreed on nothing at all,\" he said.",
		want: []want{{quote: "We agreed on nothing at all", speaker: "Brandt"}},
	},
	{
		name: "he with nobody named stays empty",
		text: "\"The water is safe to drink,\" he said.",
		want: []want{{quote: "The water is safe to drink", speaker: ""}},
	},
	{
		name: "organisation stays as written",
		text: "\"The claims are baseless,\" the Justice Department said.",
		want: []want{{quote: "The claims are baseless", speaker: "the Justice Department"}},
	},
	{
		name: "spokesperson for an organisation stays as written",
		text: "\"We have no record of that meeting,\" a spokeswoman for the Justice Department said.",
		want: []want{{quote: "We have no record of that meeting", speaker: "a spokeswoman for the Justice Department"}},
	},
	{
		name: "possessive office stays as written",
		text: "\"The mayor was not informed,\" the mayor's office said.",
		want: []want{{quote: "The mayor was not informed", speaker: "the mayor's office"}},
	},
	{
		name: "role with a name gives the name",
		text: "\"He did not mislead anyone,\" his spokeswoman, Sarah Isgur Flores, said in a statement.",
		want: []want{{quote: "He did not mislead anyone", speaker: "Sarah Isgur Flores"}},
	},
	{
		name: "surname after name with a comma clause",
		text: "Mr Sessions, responding to the article, said: \"It is false.\" Jeff Sessions is the attorney general.",
		want: []want{{quote: "It is false", speaker: "Jeff Sessions"}},
	},
}

// TestSpeakerResolution covers names, titles, pronouns and organisations.
func TestSpeakerResolution(t *testing.T) { runCases(t, speakerCases) }

var dateCases = []patternCase{
	{
		name: "on January 10 in an earlier sentence that names the speaker",
		text: "Rita Moss testified on January 10. \"I met nobody,\" she said.",
		pub:  pubDate("2017-03-02"),
		want: []want{{quote: "I met nobody", speaker: "Rita Moss", saidAt: "2017-01-10"}},
	},
	{
		name: "month and day after publication belongs to the previous year",
		text: "\"I met nobody,\" Rita Moss said on December 28.",
		pub:  pubDate("2017-01-05"),
		want: []want{{quote: "I met nobody", speaker: "Rita Moss", saidAt: "2016-12-28"}},
	},
	{
		name: "full date with year",
		text: "On 10 January 2017, Rita Moss said: \"I met nobody.\"",
		pub:  pubDate("2018-01-01"),
		want: []want{{quote: "I met nobody", speaker: "Rita Moss", saidAt: "2017-01-10"}},
	},
	{
		name: "on Tuesday",
		text: "\"Nothing was hidden,\" Rita Moss said on Tuesday.",
		pub:  pubDate("2017-03-02"), // a Thursday
		want: []want{{quote: "Nothing was hidden", speaker: "Rita Moss", saidAt: "2017-02-28"}},
	},
	{
		name: "weekday of publication is that day",
		text: "\"Nothing was hidden,\" Rita Moss said on Thursday.",
		pub:  pubDate("2017-03-02"),
		want: []want{{quote: "Nothing was hidden", speaker: "Rita Moss", saidAt: "2017-03-02"}},
	},
	{
		name: "on 30 October",
		text: "Rita Moss told reporters on 30 October: \"The deal is done.\"",
		pub:  pubDate("2017-11-02"),
		want: []want{{quote: "The deal is done", speaker: "Rita Moss", saidAt: "2017-10-30"}},
	},
	{
		name: "the following day",
		text: "The report came out on 3 May. The following day, Rita Moss said: \"The report is wrong.\"",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "The report is wrong", speaker: "Rita Moss", saidAt: "2017-05-04"}},
	},
	{
		name: "two days later",
		text: "The report came out on 3 May. Two days later, Rita Moss said: \"The report is wrong.\"",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "The report is wrong", speaker: "Rita Moss", saidAt: "2017-05-05"}},
	},
	{
		name: "ISO date",
		text: "On 2017-01-10 Rita Moss said: \"I met nobody.\"",
		want: []want{{quote: "I met nobody", speaker: "Rita Moss", saidAt: "2017-01-10"}},
	},
	{
		name: "yesterday",
		text: "\"We will rebuild,\" Rita Moss said yesterday.",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "We will rebuild", speaker: "Rita Moss", saidAt: "2017-05-31"}},
	},
	{
		name: "today",
		text: "\"We will rebuild,\" Rita Moss said today.",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "We will rebuild", speaker: "Rita Moss", saidAt: "2017-06-01"}},
	},
	{
		name: "present tense means publication day",
		text: "\"We will rebuild,\" says Rita Moss.",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "We will rebuild", speaker: "Rita Moss", saidAt: "2017-06-01"}},
	},
	{
		name: "last week has no exact day",
		text: "The vote was on 3 May. \"We will rebuild,\" Rita Moss said last week.",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "We will rebuild", speaker: "Rita Moss", saidAt: ""}},
	},
	{
		name: "month and year has no exact day",
		text: "In January 2017, Rita Moss said: \"We will rebuild.\"",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "We will rebuild", speaker: "Rita Moss", saidAt: ""}},
	},
	{
		name: "dates inside the quotation are not when it was said",
		text: "\"We met on 3 May and never again,\" Rita Moss said.",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "We met on 3 May and never again", speaker: "Rita Moss", saidAt: "2017-06-01"}},
	},
	{
		name: "no date in the text is the article's date",
		text: "\"We will rebuild,\" Rita Moss said.",
		pub:  pubDate("2017-06-01"),
		want: []want{{quote: "We will rebuild", speaker: "Rita Moss", saidAt: "2017-06-01"}},
	},
	{
		name: "relative date without publication date",
		text: "\"We will rebuild,\" Rita Moss said on Tuesday.",
		want: []want{{quote: "We will rebuild", speaker: "Rita Moss", saidAt: ""}},
	},
}

// TestDates covers the date phrases that set SaidAt.
func TestDates(t *testing.T) { runCases(t, dateCases) }

// allCases lists every table case, for the fuzz seed corpus.
func allCases() []patternCase {
	var all []patternCase
	for _, cs := range [][]patternCase{quoteFormCases, verbCases, scareQuoteCases, postCases, reportedCases, speakerCases, dateCases} {
		all = append(all, cs...)
	}
	return all
}
