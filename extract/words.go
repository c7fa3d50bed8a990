package extract

import "strings"

// Word lists used by the extractor. Keys are lower case unless noted.

// Verb flags.
const (
	vPast       = 1 << iota // said, told
	vPresent                // says, tells: undated present tense means "as of publication"
	vNaming                 // called, dubbed: the quote is the object, no ":" or "," needed
	vParticiple             // saying, adding: the subject is the main clause's subject
)

var verbs = map[string]uint8{}

func addVerbs(flags uint8, list string) {
	for _, w := range strings.Fields(list) {
		verbs[w] |= flags
	}
}

func init() {
	addVerbs(vPast, `said told stated added wrote tweeted posted claimed testified insisted
		argued replied responded answered declared announced called asked explained noted
		continued recalled warned admitted acknowledged conceded maintained remarked observed
		suggested confirmed denied alleged asserted contended countered retorted shouted yelled
		whispered joked quipped boasted promised vowed pledged predicted stressed emphasised
		emphasized repeated reiterated commented concluded agreed disagreed protested cautioned
		complained charged lamented mused exclaimed cried demanded urged pleaded begged snapped
		interjected summarised summarized texted emailed messaged blogged wondered reasoned
		proclaimed affirmed swore elaborated clarified mentioned opined scoffed fumed thundered
		offered ventured described dubbed labelled labeled branded termed`)
	addVerbs(vPresent, `says say tells states adds writes tweets posts claims testifies insists
		argues replies responds answers declares announces calls asks explains notes continues
		recalls warns admits acknowledges concedes maintains remarks observes suggests confirms
		denies alleges asserts contends counters jokes boasts promises vows pledges predicts
		stresses emphasises emphasizes repeats reiterates comments concludes agrees complains
		charges laments muses demands urges wonders reasons proclaims affirms swears mentions
		offers describes dubs labels brands terms`)
	addVerbs(vNaming, `called calls described describes dubbed dubs labelled labeled labels
		branded brands termed terms`)
	addVerbs(vParticiple, `saying adding writing noting insisting arguing claiming warning
		stating declaring asking explaining tweeting telling replying responding answering
		announcing stressing concluding posting`)
	addVerbs(vParticiple|vNaming, `describing calling dubbing labelling labeling branding terming`)
}

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// titles are words that may precede a name ("Attorney General Jeff Sessions").
var titles = wordSet(`mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr
	father sister brother rabbi imam bishop archbishop cardinal pope sen senator rep
	representative congressman congresswoman gov governor president vice prime minister
	secretary attorney general gen admiral adm col colonel maj major capt captain lt lieutenant
	sgt sergeant cpl corporal officer detective det inspector superintendent chief commissioner
	sheriff deputy judge justice mayor councillor councilman councilwoman alderman chancellor
	premier ambassador envoy king queen prince princess duke duchess emperor sheikh speaker
	leader minority majority whip chairman chairwoman chair chairperson director executive
	democratic republican democrat labour labor conservative liberal tory foreign home health
	defence defense interior treasury finance state energy education commerce shadow assistant
	associate acting special counsel senior hon honourable honorable madam madame doctor pastor
	coach councilmember councilmembers alderwoman assemblyman assemblywoman assemblymember
	delegate supervisor trustee ranking member cllr cr cm resident datuk dato datin seri tun
	alhaji`)

// titleWord reports whether lower-case word w is a title or a role that
// may precede a name, counting hyphenated ones ("secretary-general",
// "director-general", "under-secretary-general", "vice-president").
func titleWord(w string) bool {
	if titles[w] || roleNouns[w] {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if !titles[p] && !roleNouns[p] && p != "under" {
			return false
		}
	}
	return true
}

// titleExpansions spell out the abbreviated titles, so that "Sen. Laura
// Whitcombe" holds the role of "the senator".
var titleExpansions = map[string]string{
	"sen": "senator", "rep": "representative", "gov": "governor", "cllr": "councillor",
	"cr": "councillor", "det": "detective", "supt": "superintendent", "sgt": "sergeant",
	"lt": "lieutenant", "col": "colonel", "gen": "general", "adm": "admiral", "capt": "captain",
	"maj": "major", "prof": "professor", "insp": "inspector",
}

// maleTitles and femaleTitles give a person's gender for pronoun matching.
var maleTitles = wordSet(`mr sir lord king prince duke father brother emperor congressman
	councilman chairman`)
var femaleTitles = wordSet(`mrs ms miss dame lady queen princess duchess sister
	congresswoman councilwoman chairwoman madam madame`)

// nameSuffixes follow a name and are not part of it for matching.
var nameSuffixes = wordSet(`jr sr ii iii iv mp mep msp mla mpp td qc kc phd md`)

// particles may sit inside a name in lower case ("Ursula von der Leyen").
var particles = wordSet(`de da di du del della der den van von bin ibn al el la le st ole dos das ter ten bint binti`)

// stopwords are capitalised function words that start sentences, not names.
var stopwords = wordSet(`the a an this that these those it its in on at as by for from with
	without after before during since until when while where why how what who whom which if but
	and or nor so yet also then meanwhile however still now later earlier last next asked
	according despite although though because under over both each every many most some several
	multiple other another such even only not no yes our their his her my your here there late
	early follow following credit photo image picture read more watch share updated published
	dear thank thanks please meet among amid against into through throughout about above below
	between beyond to of off up down out we they he she i you do does did is are was were be
	been has have had will would can could should might must shall today yesterday tonight
	tomorrow once instead indeed again already all any few let just perhaps maybe well oh like
	unlike whether whatever whose neither either via per speaking responding reporting writing
	separately similarly overall ultimately mostly finally first second third nobody everyone
	everybody someone somebody anyone anybody`)

// publicationWords end the names of newspapers and agencies: they are
// organisations (orgWords) and outlets words are told to (outletNames).
const publicationWords = `post times journal news herald tribune guardian telegraph gazette chronicle
	observer express mirror mail reuters press`

// outletNames are the words that end the names of news outlets, and the
// names of agencies and broadcasters that stand alone.
var outletNames = wordSet(publicationWords + ` courier playbook star sun record bulletin beacon
	sentinel torch national inquirer examiner standard independent daily weekly magazine radio television tv
	online wire review register citizen dispatch ledger monitor reporter statesman nation age
	australian globe sport sports newsletter podcast channel network
	ap afp dpa bbc cnn npr pbs abc cbs nbc fox rte cbc bloomberg politico axios`)

// orgWords mark a capitalised run as an organisation or place, not a person.
var orgWords = wordSet(publicationWords + ` associated agency bureau department
	dept ministry office house senate congress parliament assembly council committee commission
	court party government administration authority board police army navy force forces guard
	service services union association institute foundation fund trust bank company co corp
	corporation inc ltd llc plc group holdings partners university college school academy
	hospital clinic center centre church club museum library network magazine review studio
	studios labs systems technologies airlines airways motors capital campaign coalition
	alliance federation organization organisation security intelligence affairs international
	national federal supreme circuit district republic kingdom states nations city county
	province street avenue road square airport station tower building hall palace kremlin
	pentagon whitehall downing capitol twitter facebook google microsoft media broadcasting
	television radio tv channel daily weekly election act law treaty agreement accord summit
	conference games cup league championship festival awards award prize project program
	programme initiative plan report survey poll index ocean sea river lake island islands
	co-operative cooperative co-op energy charity society fire rescue
	valley bay coast gulf desert forest new york los angeles san las north south east west
	middle korea arabia america africa europe asia zealand kong lanka rico mexico jersey
	hampshire dakota leone faso sudan guinea herzegovina tobago emirates ireland britain`)

// determiners start descriptive speaker phrases ("the mayor's office").
var determiners = wordSet(`the a an his her their its our one another two three several some
	many both`)

// groupNouns can be a speaker on their own, in lower case ("police said").
var groupNouns = wordSet(`police officials authorities prosecutors investigators witnesses
	residents critics experts analysts doctors scientists researchers sources observers diplomats
	lawyers aides protesters organisers organizers officers firefighters paramedics economists
	activists campaigners supporters opponents lawmakers legislators ministers officers
	spokespeople regulators managers workers staff teachers parents students voters`)

// pronouns that can stand for a speaker.
var pronouns = map[string]int8{"he": genderMale, "she": genderFemale, "they": genderAny}

// adverbs that may sit between a speaker and the verb ("he later said").
var speakerAdverbs = wordSet(`also later then had has have was is were would will once
	previously repeatedly earlier subsequently reportedly publicly privately quickly simply
	flatly recently initially originally first again further never always often only just even
	still now angrily calmly`)

// clauseWords start a new clause; a subject is taken after the last one.
var clauseWords = wordSet(`and but before after when while as because then so although though
	since until where whereas if once`)

// prepositions before a name mean the name is not the speaker ("a spokeswoman for X").
var prepositions = wordSet(`for of to from with at by on in about against behind`)

// placePrepositions come before a place far more often than before a
// person: a name after one is not who a later pronoun stands for.
var placePrepositions = wordSet(`in at near along across outside inside through into onto toward towards around`)

// abbreviations end with a period that does not end a sentence.
var abbreviations = wordSet(`mr mrs ms dr prof sen rep gov gen col lt sgt capt maj adm det st jr
	sr inc co corp ltd vs jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres
	messrs u.s u.k u.n e.g i.e fr cpl supt insp cllr`)

// Month names and abbreviations.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// ambiguousMonths double as first names or verbs; they need a day number next to them.
var ambiguousMonths = wordSet(`may june april august march mar jan`)

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
	"saturday": 6,
}

// weekdayShort are the abbreviations of weekdays that day headings use
// ("Mon 3 Nov 2025").
var weekdayShort = wordSet(`mon tue tues wed thu thur thurs fri sat sun`)

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// Gender hints from common first names, used only to rule out a pronoun match.
var femaleNames = wordSet(`nancy elizabeth kamala sarah mary hillary susan maria anna jennifer
	linda patricia barbara margaret jessica karen lisa emily emma olivia sophie jane helen
	theresa angela nicola diane dianne kirsten amy claire catherine kate katherine rachel
	rebecca laura julia alice grace hannah michelle melania ivanka kellyanne betsy nikki tammy
	maxine ruth sonia ursula jacinda marine christine priti liz anne ann joanna natalie
	victoria louise lucy chloe megan heather samantha stephanie nicole amanda melissa deborah
	sandra donna carol sharon cynthia kathleen janet joan judith martha jean alexandria ilhan
	rashida ayanna gretchen kristi marsha joni cindy debbie jeanne maggie kyrsten tulsi
	condoleezza madeleine sally sue yvette harriet diana caroline fiona jo`)

var maleNames = wordSet(`jeff donald john james robert michael william david richard joseph
	thomas charles chuck christopher daniel matthew anthony mark paul steven steve andrew
	kenneth joshua kevin brian george edward ronald timothy jason jeffrey ryan jacob gary
	nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank gregory
	raymond alexander patrick jack dennis jerry tyler aaron adam henry nathan peter zachary
	kyle walter harold jeremy ethan carl keith roger gerald christian terry sean arthur austin
	noah lawrence jesse joe bryan billy jordan albert dylan bruce willie gabriel alan juan
	logan wayne ralph roy eugene randy vincent russell louis philip bobby johnny bradley
	barack bill mike mitch bernie ted marco rand lindsey devin vladimir sergey sergei boris
	emmanuel xi recep hassan narendra rex reince jared rudy rod jim tim tom ben dan sam
	rishi keir nigel gordon tony david jeremy ed angus`)

// phraseStops end a speaker phrase that follows its verb ("said Dr Kim on Tuesday").
var phraseStops = wordSet(`on in at during when while after before who which that as adding
	to yesterday today tonight last earlier later this according told and but under`)
