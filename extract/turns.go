package extract

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Transcript rules
//
// Transcripts, interviews and parliamentary reports give speech as turns:
// a paragraph (or line) that opens with a label naming who speaks, then
// the words, often without quotation marks:
//
//	SEN. FRANK: If there is evidence …            (hearings)
//	Senator Holloway. The subcommittee will …     (the Congressional Record)
//	Dame Margery Tull (Wexley South) (Con): In my constituency …  (Hansard)
//	The Minister for Local Transport (Tobias Renwick): I thank …
//	TR: "How are you feeling?"  AM: "Every dollar …"   (initials after a legend)
//	Q: How are you feeling?  A: Every dollar …
//	[00:12:31] HOST: …                            (time-stamped podcasts)
//
// A text holds turns when at least two paragraphs open with a label. Each
// turn's words are one candidate, with the speaker the label names,
// resolved to the fullest name the text gives ("SEN. FRANK" is Alan Frank
// of the legend, "AM" is the Ana Morales whose initials they are, "A" the
// person interviewed, "Chair" whoever the text ties to that role). Not
// candidates: questions, greetings and procedure ("The committee will come
// to order"), and the interviewer's turns (Q, or initials or a label of
// someone the text calls reporter, host or interviewer). Paragraphs with no
// label after a turn continue it. Every turn takes the date the text gives
// before the first turn (the hearing's or the interview's), else the
// article's.

// turn is one labelled paragraph, or a paragraph continuing one.
type turn struct {
	label              string // as written, without its colon
	textStart, textEnd int    // the words after the label
	question           bool   // a Q label: an interviewer's question
	answer             bool   // an A label: the interviewee's answer
	cont               bool   // a paragraph with no label that continues the turn before
	interjection       bool   // the House's "Some hon. members: Oh, oh!": no one's claim
	closed             bool   // a "Q." or "A." label: an exchange quoted in an article, whose turns run one paragraph each
	presiding          bool   // the Congressional Record's "The SPEAKER pro tempore.": procedure, no one's claim
	desc               string // the description after a comma in the label ("PRESIDENTIAL CANDIDATE")
}

// notSpeakers are labels that open a paragraph with a colon and are not
// someone speaking.
var notSpeakers = wordSet(`note update read more photo photograph credit source sources watch related
	correction clarification editor editors advertisement pictured caption image video listen
	subscribe share warning disclaimer background headline summary tags topics location date
	time present participants witnesses also see excerpt transcript contents agenda subject
	re from to cc bcc sent attachments attachment file filed published updated posted by
	breaking live analysis opinion comment explainer factbox timeline key facts what why how who
	released recorded runtime duration episode aired broadcast produced producer guest guests
	hosts show season length moderators panelists panellists
	when where rating verdict ruling claim claims fact facts context conclusion findings bottom
	the our`)

// interviewerRoles tie a person to the interviewer's side of a Q&A.
var interviewerRoles = wordSet(`reporter interviewer host co-host presenter co-presenter
	correspondent anchor co-anchor moderator journalist writer editor q`)

// procedure opens turns that run a meeting rather than say anything.
var procedure = []string{"the committee will come to order", "the subcommittee will come to order",
	"the hearing will come to order", "the house will come to order", "order, order", "order. order",
	"i now recognize", "i recognize", "the chair recognizes", "without objection", "i yield",
	"the gentleman yields", "the gentlewoman yields", "we will now hear", "you may proceed",
	"please proceed", "hear, hear", "the witness may", "we will stand in recess", "the hearing is adjourned",
	"the committee is adjourned", "we'll take a short break", "we’ll take a short break", "order.",
	"i will give way", "i give way", "will the hon", "will the right hon", "the senator's time", "the senator’s time",
	"there was no objection", "the clerk read", "the question was taken", "the yeas and nays were ordered",
	"the text of the bill is as follows", "a recorded vote was ordered", "the motion was agreed to", "the bill was passed",
	"with that, i'll hand", "with that, i’ll hand", "with that, operator", "i'll hand it over", "i’ll hand it over",
	"i'll turn it over", "i’ll turn it over", "i'll turn the call", "i’ll turn the call", "let's open the line", "let’s open the line"}

// formulas are a legislature's set phrases: a sentence that opens with
// one (after a vocative such as "Madam Speaker,") is procedure however
// long it is.
var formulas = []string{"i yield", "i reserve the balance", "i ask unanimous consent", "i move to suspend the rules",
	"i move that", "i rise in support", "i rise in strong support", "i rise in opposition", "i rise today",
	"i urge my colleagues", "i urge all members", "i demand the yeas and nays", "on that i demand", "i have no further speakers",
	"i thank the gentleman", "i thank the gentlewoman", "i thank the senator", "i want to thank my colleague",
	"i want to thank my friend", "i would say this", "to close, i would say"}

// maxProcedurePrefix is how many bytes of a turn procedural reads: its
// longest vocative and phrase together, with room to spare.
const maxProcedurePrefix = 120

// vocatives open a legislator's sentence by addressing the chair.
var vocatives = []string{"madam speaker", "mr. speaker", "mr speaker", "madam president", "mr. president",
	"mr president", "madam chair", "mr. chairman", "mr chairman", "madam chairwoman", "deputy speaker"}

// findTurns finds the labelled turns of a transcript. It runs before the
// quotation marks are paired: a turn's words are a region of their own.
func (d *doc) findTurns() {
	var turns []turn
	labelled := 0
	open := false                     // whether an unlabelled paragraph continues the turn before
	var byLine *turn                  // the speaker line ("Maria Oyelaran -- Chief Financial Officer") over the paragraphs that follow
	var labelSurnames map[string]bool // the last words of all labels, once a turn is open (see narratesSpeaker)
	for pi, p := range d.paras {
		if labelSurnames == nil && open {
			labelSurnames = d.labelSurnames()
		}
		if inSpans(d.regions, p.start) {
			continue
		}
		if t, ok := d.speakerLine(p); ok {
			byLine, open = &t, false
			continue
		}
		if byLine != nil {
			t := *byLine
			t.textStart, t.textEnd = p.start, p.end
			if !t.cont {
				labelled++
			}
			turns = append(turns, t)
			byLine.cont = true
			continue
		}
		if t, ok := d.turnLabel(p); ok {
			if i := strings.IndexByte(t.label, '('); i > 0 && strings.HasPrefix(t.label, "The ") {
				// "The First Minister (Callum Baird)": later "The First
				// Minister:" labels stand for him (see turnLabel).
				if d.roleLabels == nil {
					d.roleLabels = map[string]string{}
				}
				d.roleLabels[strings.TrimSpace(t.label[:i])] = t.label
			}
			turns = append(turns, t)
			labelled++
			open = !t.closed
			continue
		}
		if len(turns) == 0 || !open {
			continue
		}
		if startsBlockLine(d.text[p.start:p.end]) {
			// A heading such as "Location: City Hall": no turn goes on past
			// it, but a transcript's header naming its speaker does.
			open = isHeaderSpeaker(turns[len(turns)-1].label)
			continue
		}
		if d.narration(p) || d.narratesSpeaker(p, labelSurnames) {
			// The article's own words again: no turn goes on past them.
			open = false
			continue
		}
		if boilerplateLine(d.text[p.start:p.end]) {
			continue // "Advertisement" between two paragraphs of a turn
		}
		if pi+1 < len(d.paras) && d.headingLine(p) {
			if _, ok := d.turnLabel(d.paras[pi+1]); ok {
				// An official report's subject heading ("Delayed
				// Discharge") before the next exchange: no one's words.
				continue
			}
		}
		if !strings.HasPrefix(d.text[p.start:p.end], "[") && strings.IndexFunc(d.text[p.start:p.end], unicode.IsLower) >= 0 {
			last := turns[len(turns)-1]
			turns = append(turns, turn{label: last.label, question: last.question, answer: last.answer,
				interjection: last.interjection, presiding: last.presiding, textStart: p.start, textEnd: p.end, cont: true})
		}
	}
	known := d.nameShapes()
	labelled = 0
	for _, t := range turns {
		if !t.cont && known.knows(t.label) {
			labelled++
		}
	}
	if labelled < 2 {
		if turns = d.unlabelledQA(); len(turns) == 0 {
			return
		}
	}
	d.turns = turns
	for _, t := range turns {
		d.regions = append(d.regions, span{t.textStart, t.textEnd})
	}
	d.regions = mergeSpans(d.regions)
}

// minQAPairs is how many questions, each followed by its answer, make a
// Q&A set without labels.
const minQAPairs = 3

// unlabelledQA finds an interview printed as questions and answers with
// no labels, as newsletters and magazines run them: paragraphs that are a
// question alone (ending in "?", at most 60 words, no quotation marks),
// each followed by one or more paragraphs of answer. At least minQAPairs
// such pairs must follow one another; the answers are the interviewee's.
func (d *doc) unlabelledQA() []turn {
	question := make([]bool, len(d.paras)) // each paragraph read once
	for i, p := range d.paras {
		question[i] = d.questionParagraph(p)
	}
	var turns []turn
	pairs := 0
	for i, p := range d.paras {
		if inSpans(d.regions, p.start) {
			continue
		}
		if question[i] {
			if i+1 < len(d.paras) && !question[i+1] {
				turns = append(turns, turn{label: "Q", question: true, textStart: p.start, textEnd: p.end})
				pairs++
			}
			continue
		}
		if len(turns) > 0 && i > 0 && (question[i-1] || turns[len(turns)-1].answer) && d.answerParagraph(p) {
			turns = append(turns, turn{label: "A", answer: true, textStart: p.start, textEnd: p.end, cont: !turns[len(turns)-1].question})
			continue
		}
		if pairs >= minQAPairs {
			break // the newsletter's own words again: notes, a sign-off
		}
		turns, pairs = nil, 0
	}
	if pairs < minQAPairs {
		return nil
	}
	return turns
}

// answerParagraph reports whether paragraph p may be (part of) an answer:
// sentences of at least five words, not a list item, a label, a heading
// or a line that introduces what follows with a colon.
func (d *doc) answerParagraph(p span) bool {
	body := strings.TrimRight(d.text[p.start:p.end], " \t")
	if startsBlockLine(body) || strings.HasSuffix(body, ":") || d.countWords(p.start, p.end, 5) < 5 {
		return false
	}
	return endsSentence(body) && !strings.ContainsAny(body, "\"“”")
}

// questionParagraph reports whether paragraph p is a question alone.
func (d *doc) questionParagraph(p span) bool {
	body := d.text[p.start:p.end]
	return strings.HasSuffix(strings.TrimRight(body, " \t"), "?") && !strings.ContainsAny(body, "\"“”") &&
		d.countWords(p.start, p.end, 61) <= 60
}

// listNumber returns the length of a list number opening s ("1. ",
// "12. "), or 0.
func listNumber(s string) int {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || !strings.HasPrefix(s[i:], ". ") {
		return 0
	}
	return i + 2
}

// headingLine reports whether paragraph p is a heading: two to eight
// words, every one capitalised but small words, and no punctuation at its
// end ("Child and Adolescent Mental Health Services").
func (d *doc) headingLine(p span) bool {
	line := strings.TrimSpace(d.text[p.start:p.end])
	if r, _ := utf8.DecodeLastRuneInString(line); line == "" || strings.ContainsRune(".?!:;,\"')]”’", r) {
		return false
	}
	words := strings.Fields(line)
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		if !isUpperStart(w) && !minorTitleWords[w] {
			return false
		}
	}
	return true
}

// narration reports whether paragraph p is the article's own words rather
// than more of a speaker's: it quotes someone, or reports what someone
// said ("Renwick said he would …"). Verbs of finding ("the report
// showed", "the economy added") and nouns that look like verbs ("three
// states") do not make narration: speakers use them too.
func (d *doc) narration(p span) bool {
	if strings.ContainsAny(d.text[p.start:p.end], "\"“”‘") {
		return true
	}
	for k := d.tokAt(p.start); k < len(d.toks) && d.toks[k].start < p.end; k++ {
		prev := d.lowerWord(k - 1)
		_, number := numberWords[prev]
		if w := d.tokText(k); d.isWord(k) && isLowerStart(w) && sayingVerbs[w] && !pronounSubject(prev) && !determiners[prev] && !isDigitStart(prev) && !number {
			return true
		}
	}
	return false
}

// narratesSpeaker reports whether paragraph p tells of someone who spoke
// in turns in the third person: the last word of a turn's label, then a
// verb in the past tense ("Chief Justice Arthur Kellerman quickly pressed
// him …", "Halvorsen urged the justices …") and no word in the first
// person, as an article that quotes a transcript between its own
// paragraphs does.
func (d *doc) narratesSpeaker(p span, surnames map[string]bool) bool {
	if len(surnames) == 0 {
		return false
	}
	for k := d.tokAt(p.start); k < len(d.toks) && d.toks[k].start < p.end; k++ {
		if firstPerson[d.lowerWord(k)] {
			return false // a speaker's own words: "I told Senator Kessler …"
		}
	}
	for k := d.tokAt(p.start); k+1 < len(d.toks) && d.toks[k].start < p.end; k++ {
		if !d.isWord(k) || !isUpperStart(d.tokText(k)) || !surnames[d.lowerWord(k)] {
			continue
		}
		for j := k + 1; j <= k+2 && j < len(d.toks) && d.isWord(j) && isLowerStart(d.tokText(j)); j++ {
			if pastVerb(d.lowerWord(j), "") {
				return true
			}
		}
	}
	return false
}

// labelSurnames returns the last words of the labels of all turns in the
// text, in lower case.
func (d *doc) labelSurnames() map[string]bool {
	out := map[string]bool{}
	for _, p := range d.paras {
		if t, ok := d.turnLabel(p); ok && !inSpans(d.regions, p.start) {
			if f := strings.Fields(outsideBrackets(t.label)); len(f) > 0 {
				// A surname, not "Q", "A" or "THE COURT".
				if w := strings.ToLower(strings.Trim(f[len(f)-1], ".,")); len(w) > 2 && !titleWord(w) && !interviewerRoles[w] {
					out[w] = true
				}
			}
		}
	}
	return out
}

// firstPerson are the words of someone speaking of themselves.
var firstPerson = wordSet(`i we my our me i'm i’m we're we’re i've i’ve`)

// boilerplateLine reports whether a paragraph is a web page's furniture
// that may fall between two paragraphs of anything: "Advertisement".
func boilerplateLine(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "advertisement", "advertisements", "ad", "sponsored", "story continues below advertisement", "continue reading below":
		return true
	}
	return false
}

// isHeaderSpeaker reports whether a label is a transcript header's
// "Speaker:", which names who speaks in the unlabelled paragraphs after it
// (a press conference's opening statement) and in its A: turns.
func isHeaderSpeaker(label string) bool {
	return strings.EqualFold(label, "speaker") || strings.EqualFold(label, "speakers")
}

// pronounSubject reports whether w is a first- or second-person subject,
// whose "said" is a speaker's own ("I said", "you said").
func pronounSubject(w string) bool {
	return w == "i" || w == "we" || w == "you"
}

// nameShapes indexes the shapes of names in the text for checking turn
// labels before the names themselves are resolved: every capitalised word
// that follows another (a surname after a first name) and the initials of
// every run of two or three capitalised words.
type nameShapes struct {
	surnames   map[string]bool
	firstNames map[string]bool
	initials   map[string]bool
}

func (d *doc) nameShapes() nameShapes {
	n := nameShapes{surnames: map[string]bool{}, firstNames: map[string]bool{}, initials: map[string]bool{}}
	for k := 1; k < len(d.toks); k++ {
		if !d.capWord(k) || !d.capWord(k-1) || !d.sameLineGap(k-1) || allCaps(d.tokText(k)) {
			continue
		}
		n.surnames[d.tokText(k)] = true
		n.firstNames[d.tokText(k-1)] = true
		a, _ := utf8.DecodeRuneInString(d.tokText(k - 1))
		b, _ := utf8.DecodeRuneInString(d.tokText(k))
		n.initials[string([]rune{a, b})] = true
		if d.capWord(k-2) && d.sameLineGap(k-2) {
			z, _ := utf8.DecodeRuneInString(d.tokText(k - 2))
			n.initials[string([]rune{z, a, b})] = true
		}
	}
	return n
}

// knows reports whether a turn label names someone: Q or A, initials of a
// name in the text, a name in brackets, a title before a name, a speaking
// role ("HOST"), or a surname the text gives after a first name.
func (n nameShapes) knows(label string) bool {
	words := strings.Fields(label)
	if len(words) == 0 {
		return false
	}
	first := strings.ToLower(strings.Trim(words[0], "."))
	if first == "q" || first == "a" || strings.HasPrefix(first, "q") && len(first) > 1 && first[1] >= '0' && first[1] <= '9' {
		return true
	}
	if i := strings.IndexByte(label, '('); i >= 0 {
		inner := strings.Fields(strings.Trim(label[i:], "()"))
		if len(inner) >= 2 && isUpperStart(inner[0]) && n.surnames[titleCase(strings.Trim(inner[len(inner)-1], "()"))] {
			return true
		}
		words = strings.Fields(label[:i])
		if len(words) == 0 {
			return false
		}
	}
	last := strings.Trim(words[len(words)-1], ".")
	if len(words) == 1 && allCaps(last) && utf8.RuneCountInString(last) <= 4 && n.initials[last] {
		return true
	}
	if len(words) == 1 && interviewerRoles[strings.ToLower(last)] {
		return true
	}
	if len(words) >= 2 && (titles[first] || roleNouns[first]) {
		return true
	}
	if len(words) == 1 && n.firstNames[titleCase(last)] && !titles[strings.ToLower(last)] {
		return true // a first name: "NIA" after "Nia Park (host)"
	}
	return n.surnames[titleCase(last)]
}

// turnLabel reads the label that opens paragraph p, if any.
func (d *doc) turnLabel(p span) (turn, bool) {
	s := p.start
	text := d.text[p.start:p.end]
	// A leading time stamp: "[00:12:31]", "(12:03)", "00:12:31".
	if n := timeStampPrefix(text); n > 0 {
		s += n
		text = d.text[s:p.end]
	}
	lead := text
	if len(lead) > 120 {
		lead = lead[:120]
	}
	colon := strings.IndexByte(lead, ':')
	if colon > 0 && colon+1 < len(text) {
		label := strings.TrimSpace(text[:colon])
		desc := ""
		if name, after, ok := strings.Cut(label, ","); ok && !strings.Contains(name, "(") && (describedLabel(after) || fullNameLabel(name) != "" && roleLabel(after)) {
			// A cable transcript's "GOV. CATHERINE RANSOME, PRESIDENTIAL
			// CANDIDATE", a briefing's "Tomasz Wierzba, Spokesperson for
			// Trade": the name before the comma is the label.
			label, desc = strings.TrimSpace(name), strings.TrimSpace(after)
		}
		if interjectionLabel(label) {
			return turn{label: label, interjection: true, textStart: s + colon + 1, textEnd: p.end}, true
		}
		// An official report's numbered question: "1. Graham Rutherford
		// (Highlands and Islands) (Con): To ask the First Minister …"; a
		// numbered list of people's words ("1. Rep. Jane Doe (D-Calif.):
		// The bill …") is no question.
		question := false
		if n := listNumber(label); n > 0 && strings.Contains(label, "(") && strings.HasPrefix(strings.TrimSpace(text[colon+1:]), "To ask") {
			label, question = label[n:], true
		}
		// "The First Minister:" after "The First Minister (Callum Baird):":
		// the role stands for the name its first label gave.
		if full, ok := d.roleLabels[label]; ok {
			label = full
		}
		if d.speakerLabel(label) {
			t := turn{label: label, desc: desc, question: question, presiding: presidingRole(label), textStart: s + colon + 1, textEnd: p.end}
			t.textStart, t.textEnd = d.trimSpan(t.textStart, t.textEnd, "")
			lead, _, _ := strings.Cut(label, "(")
			switch l := strings.ToUpper(strings.TrimRight(label, "0123456789 ")); {
			case l == "Q" || strings.HasPrefix(label, "Q") && len(label) > 1 && label[1] >= '0' && label[1] <= '9':
				t.question = true
			case strings.EqualFold(strings.TrimSpace(lead), "question"):
				// A briefing's "Question (Brussels Monitor):": a
				// journalist's question, whoever the outlet.
				t.question = true
			case l == "A":
				t.answer = true
			}
			return t, t.textStart < t.textEnd
		}
	}
	// A briefing's "Q    Thanks, Dana. …": a question without a colon;
	// a court transcript's or a press conference's "Q. What did you …"
	// and "A. That I should …".
	if len(text) > 2 && text[0] == 'Q' && (text[1] == '\t' || strings.HasPrefix(text[1:], "  ")) {
		t := turn{label: "Q", question: true, textStart: s + 1, textEnd: p.end}
		t.textStart, t.textEnd = d.trimSpan(t.textStart, t.textEnd, "")
		return t, t.textStart < t.textEnd
	}
	if len(text) > 3 && (text[0] == 'Q' || text[0] == 'A') && text[1] == '.' && (text[2] == ' ' || text[2] == '\t') {
		t := turn{label: text[:1], question: text[0] == 'Q', answer: text[0] == 'A', closed: true, textStart: s + 2, textEnd: p.end}
		t.textStart, t.textEnd = d.trimSpan(t.textStart, t.textEnd, "")
		return t, t.textStart < t.textEnd
	}
	// The Congressional Record's "Senator HOLLOWAY." and "Mr. SMITH.", and
	// its presiding officer, "The SPEAKER pro tempore.", "The PRESIDING
	// OFFICER.", who runs the House and claims nothing.
	words := strings.Fields(lead)
	if n := presidingLabel(words); n > 0 {
		at := 0
		for _, w := range words[:n] {
			at = strings.Index(text[at:], w) + at + len(w)
		}
		t := turn{label: strings.Join(words[:n], " "), presiding: true, textStart: s + at, textEnd: p.end}
		t.textStart, t.textEnd = d.trimSpan(t.textStart, t.textEnd, "")
		return t, true
	}
	if len(words) >= 3 {
		title := strings.ToLower(strings.TrimSuffix(words[0], "."))
		name := words[1]
		if (titles[title] || title == "the") && strings.HasSuffix(name, ".") && len(name) > 2 && isUpperStart(name) {
			label := words[0] + " " + strings.TrimSuffix(name, ".")
			at := strings.Index(text, name) + len(name)
			t := turn{label: label, textStart: s + at, textEnd: p.end}
			t.textStart, t.textEnd = d.trimSpan(t.textStart, t.textEnd, "")
			return t, t.textStart < t.textEnd && !abbreviations[strings.ToLower(strings.TrimSuffix(name, "."))]
		}
	}
	return turn{}, false
}

// labelName names the person a label's words after its titles stand for:
// the fullest name the text gives that ends with them, else, for two words
// or more, the words themselves ("DANA CORTLAND" is Dana Cortland even
// when only the label names her), else "".
func (d *doc) labelName(parts []string) string {
	if info := d.lookupName(parts, len(d.text)); info != nil {
		return info.name
	}
	if len(parts) >= 2 {
		return strings.Join(parts, " ")
	}
	return ""
}

// fullNameLabel returns the name a label gives after its titles when it is
// a full name of two to four capitalised words ("Mr. Andrew Kerr", "Hon.
// Pierre Lavoie"), else "". "The Minister for Local Transport" is a role.
func fullNameLabel(label string) string {
	words := strings.Fields(label)
	if len(words) == 0 || strings.EqualFold(words[0], "the") {
		return ""
	}
	parts := stripTitles(words)
	if len(parts) < 2 || len(parts) > 4 {
		return ""
	}
	for _, p := range parts {
		if !isUpperStart(p) || strings.HasSuffix(p, ".") {
			return ""
		}
	}
	return strings.Join(parts, " ")
}

// interjectionLabel reports whether a label gives the cries of several
// members at once, as Hansard prints them: "Some hon. members", "An hon.
// Member", "Hon. Members".
func interjectionLabel(label string) bool {
	l := strings.ToLower(label)
	for _, p := range []string{"some hon", "an hon", "hon. member", "hon member", "some members"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// outsideBrackets returns s without its bracketed parts.
func outsideBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// describedLabel reports whether desc, the words after a comma in a turn
// label, describe the speaker in capitals as cable-news transcripts do
// ("PRESIDENTIAL CANDIDATE", "CNN CHIEF POLITICAL CORRESPONDENT"): one to
// eight words, all capitals.
func describedLabel(desc string) bool {
	words := strings.Fields(desc)
	if len(words) == 0 || len(words) > 8 || strings.ContainsAny(desc, ",\"“”!?;") {
		return false
	}
	for _, w := range words {
		if !allCaps(strings.Trim(w, ".()-")) {
			return false
		}
	}
	return true
}

// roleLabel reports whether desc, the words after a comma in a turn label
// whose first part is a full name, is a role in title case as briefing and
// hearing transcripts give it ("Chief Spokesperson", "Spokesperson for
// Environment and Circular Economy", "Director of Public Health"): one to
// eight capitalised or minor words, one of them a role noun.
func roleLabel(desc string) bool {
	words := strings.Fields(desc)
	if len(words) == 0 || len(words) > 8 || strings.ContainsAny(desc, ",\"“”!?;") {
		return false
	}
	role := false
	for _, w := range words {
		core := strings.Trim(w, ".()")
		switch {
		case minorTitleWords[core]:
		case isUpperStart(core):
			role = role || roleNouns[strings.ToLower(core)]
		default:
			return false
		}
	}
	return role
}

// speakerLine reads a paragraph that is only a speaker's name and title on
// one line, as earnings-call transcripts set them above each speaker's
// paragraphs: "Maria Oyelaran -- Chief Financial Officer", "Priya
// Venkataraman -- Calloway Rhodes Securities -- Analyst" (an analyst's
// turns are questions), or "Operator" (procedure).
func (d *doc) speakerLine(p span) (turn, bool) {
	line := strings.TrimSpace(d.text[p.start:p.end])
	if line == "Operator" {
		return turn{label: line, presiding: true}, true
	}
	if strings.ContainsAny(line, "\n.:?!\"“") || len(line) > 120 {
		return turn{}, false
	}
	var parts []string
	for _, sep := range []string{" -- ", " — ", " – "} {
		if strings.Contains(line, sep) {
			parts = strings.Split(line, sep)
			break
		}
	}
	if len(parts) < 2 {
		return turn{}, false
	}
	name := strings.Fields(parts[0])
	if len(name) < 2 || len(name) > 4 {
		return turn{}, false
	}
	org := false
	for _, w := range name {
		if !isUpperStart(w) && !particles[w] {
			return turn{}, false
		}
		org = org || orgWords[strings.ToLower(w)]
	}
	if org && !namesRole(strings.Join(parts[1:], " ")) {
		// "European Commission – Midday Briefing" is a page's title;
		// "Charlotte Church -- Singer" is a speaker.
		return turn{}, false
	}
	last := strings.ToLower(strings.TrimSpace(parts[len(parts)-1]))
	return turn{label: strings.TrimSpace(parts[0]), desc: strings.Join(parts[1:], ", "), question: last == "analyst"}, true
}

// namesRole reports whether desc holds a word for someone's role or trade
// ("Chief Financial Officer", "Analyst", "Singer").
func namesRole(desc string) bool {
	for _, w := range strings.Fields(strings.ToLower(desc)) {
		w = strings.Trim(w, ".,()")
		if roleNouns[w] || interviewerRoles[w] || tradeSuffix(w) {
			return true
		}
	}
	return false
}

// presidingLabel returns how many of the words opening a paragraph make
// the label of a presiding officer in the Congressional Record's style:
// "The" and words in capitals, perhaps "pro tempore", the last ending in
// a full stop ("The SPEAKER pro tempore.", "The PRESIDING OFFICER.",
// "The CHAIR."); else 0.
func presidingLabel(words []string) int {
	if len(words) < 2 || words[0] != "The" {
		return 0
	}
	for i := 1; i < len(words) && i <= 4; i++ {
		w := strings.TrimSuffix(words[i], ".")
		if w != "pro" && w != "tempore" && (len(w) < 2 || !allCaps(w)) {
			return 0
		}
		if strings.HasSuffix(words[i], ".") && i+1 < len(words) {
			return i + 1
		}
	}
	return 0
}

// presidingRoles are the chairs of legislatures as official reports label
// them with a colon ("The Presiding Officer (Fiona Dalgleish):", "Madam
// Deputy Speaker:"): they run the sitting and claim nothing. A committee's
// chair ("The Chairman:") questions witnesses and may claim things.
var presidingRoles = []string{"the presiding officer", "the deputy presiding officer", "the speaker",
	"the deputy speaker", "madam deputy speaker", "mr deputy speaker", "mr. deputy speaker"}

// presidingRole reports whether a colon label names a chair of the
// sitting (see presidingRoles), with or without the holder's name in
// brackets.
func presidingRole(label string) bool {
	role := strings.ToLower(label)
	if i := strings.IndexByte(role, '('); i > 0 {
		role = strings.TrimSpace(role[:i])
	}
	return slices.Contains(presidingRoles, role)
}

// timeStampPrefix returns the length of a time stamp opening s, with the
// space after it, or 0.
func timeStampPrefix(s string) int {
	i := 0
	if i < len(s) && (s[i] == '[' || s[i] == '(') {
		i++
	}
	digits, colons := 0, 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ':') {
		if s[i] == ':' {
			colons++
		} else {
			digits++
		}
		i++
	}
	if colons == 0 || digits < 3 {
		return 0
	}
	if i < len(s) && (s[i] == ']' || s[i] == ')') {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// speakerLabel reports whether label, the words before a colon opening a
// paragraph, names someone speaking: Q or A (with a number), initials, or
// at most eight capitalised words, abbreviations and bracketed parts ("Dame
// Margery Tull (Wexley South) (Con)", "The Minister for Local Transport
// (Tobias Renwick)", "SEN. FRANK", "Q12 Chair"), and not a heading such as
// "Note" or "Read more".
func (d *doc) speakerLabel(label string) bool {
	if label == "" || strings.ContainsAny(label, "\n\"“”!?;") || strings.Contains(outsideBrackets(label), ",") {
		return false // a comma only inside brackets: "Hon. Pierre Lavoie (Minister of Housing, Lib.)"
	}
	if r, n := utf8.DecodeRuneInString(label); n == len(label) && r != 'Q' && r != 'A' {
		return false // a list's "I:" or "B:", not someone speaking
	}
	fields := strings.Fields(label)
	first, last := strings.ToLower(fields[0]), strings.ToLower(fields[len(fields)-1])
	if last == "date" || last == "time" || last == "dates" {
		return false // a header's "Call date:", "Hearing date:", "Start time:"
	}
	if notSpeakers[strings.ToLower(strings.TrimSuffix(label, "."))] || notSpeakers[first] && (first != "the" || !strings.Contains(label, "(")) {
		return false // "The Minister for Local Transport (Tobias Renwick)" speaks; "The bottom line" does not
	}
	depth, words := 0, 0
	for _, w := range strings.Fields(label) {
		open := strings.Count(w, "(")
		if depth > 0 || open > 0 {
			depth += open - strings.Count(w, ")")
			continue
		}
		words++
		core := strings.Trim(w, ".")
		if core == "" {
			return false
		}
		switch {
		case isUpperStart(core):
		case minorTitleWords[core] || core == "hon":
		default:
			r, _ := utf8.DecodeRuneInString(core)
			if !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return words >= 1 && words <= 8 && depth == 0
}

// turnSpeaker resolves a turn's label to the speaker's name and says
// whether the turn is the interviewer's.
func (d *doc) turnSpeaker(t turn, c cast) (name string, interviewer bool) {
	if t.question {
		return "", true
	}
	if t.answer || isHeaderSpeaker(t.label) {
		return c.interviewee, false
	}
	label, inner := t.label, ""
	if i := strings.IndexByte(label, '('); i > 0 {
		// "Dame Margery Tull (Wexley South) (Con)", "The Minister for
		// Local Transport (Tobias Renwick)": a name outside the brackets
		// the text knows wins, else a name in them.
		for _, part := range strings.Split(label[i:], "(") {
			part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), ")"))
			ws := strings.Fields(part)
			org := false
			for _, w := range ws {
				org = org || orgWords[strings.ToLower(w)] || !isUpperStart(w)
			}
			if inner == "" && len(ws) >= 2 && !org {
				inner = part
			}
		}
		label = strings.TrimSpace(label[:i])
		if info := d.lookupName(strings.Fields(label), len(d.text)); info != nil && len(strings.Fields(label)) > 1 {
			return info.name, c.interviewers[info.name]
		}
		if full := fullNameLabel(label); full != "" {
			// "Mr. Andrew Kerr (Lakeshore North, CPC)": a full name
			// before the brackets, which hold the seat and party.
			name := d.labelName(strings.Fields(full))
			return name, c.interviewers[name]
		}
		if inner == "" {
			// "A (Chief Fire Officer Beck)": a surname after titles.
			if parts := stripTitles(strings.Fields(strings.Trim(t.label[i:], "() "))); len(parts) > 0 {
				if info := d.lookupName(parts, len(d.text)); info != nil {
					return info.name, c.interviewers[info.name]
				}
			}
		}
		if inner != "" {
			if info := d.lookupName(strings.Fields(inner), len(d.text)); info != nil {
				return info.name, c.interviewers[info.name]
			}
			if parts := stripTitles(strings.Fields(inner)); len(parts) >= 2 && c.interviewers[strings.Join(parts, " ")] {
				return strings.Join(parts, " "), true
			}
			return inner, false
		}
	}
	words := strings.Fields(label)
	// Initials after a legend: "TR" is Tom Reyes.
	if len(words) == 1 && allCaps(words[0]) && utf8.RuneCountInString(words[0]) <= 4 {
		if name := c.initials[words[0]]; name != "" {
			return name, c.interviewers[name]
		}
	}
	// A surname, perhaps in capitals, after titles: "SEN. FRANK", "Dame
	// Margery Tull", "Senator Holloway".
	parts := stripTitles(words)
	if name := d.labelName(parts); name != "" {
		return name, c.interviewers[name]
	}
	if len(parts) == 1 {
		// A first name, perhaps in capitals, after a legend: "NIA" is Nia
		// Park.
		if info := d.lookupFirstName(parts[0], len(d.text)); info != nil {
			return info.name, c.interviewers[info.name]
		}
		if name := c.interviewerNamed(parts[0]); name != "" {
			return name, true // "VASQUEZ-HART" after "MODERATOR (ELENA VASQUEZ-HART)"
		}
	}
	// A role: "Chair", "THE CHAIRMAN", "HOST".
	role := strings.ToLower(strings.Trim(words[len(words)-1], "."))
	if interviewerRoles[role] {
		return "", true
	}
	if who, _, ok := d.roleHolderOf("the "+role, len(d.text)); ok {
		return who, c.interviewers[who]
	}
	if len(parts) == 1 {
		// A surname the text gives nowhere else: "Mr. REDD" is Redd,
		// "Senator HOLLOWAY" Senator Holloway.
		cased := make([]string, len(words))
		for i, w := range words {
			cased[i] = titleCase(w)
		}
		return withoutCourtesyTitle(strings.Join(cased, " ")), false
	}
	return titleCase(label), false
}

// stripTitles returns the words of a label after its last title or role
// word, in title case: "SEN. FRANK" gives "Frank", "Chief Fire Officer
// Beck" gives "Beck".
func stripTitles(words []string) []string {
	var parts []string
	for _, w := range words {
		core := strings.Trim(w, ".")
		lw := strings.ToLower(core)
		if titles[lw] || roleNouns[lw] || minorTitleWords[lw] || lw == "hon" {
			parts = parts[:0]
			continue
		}
		parts = append(parts, titleCase(core))
	}
	return parts
}

// titleCase writes a word in capitals ("FRANK") as a name ("Frank"),
// each part of a double-barrelled or Irish name too ("VASQUEZ-HART" is
// "Vasquez-Hart", "O'NEILL" is "O'Neill").
func titleCase(w string) string {
	if !allCaps(w) {
		return w
	}
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '\'' || r == '’'
	}
	return b.String()
}

// cast is who speaks in a transcript, worked out once for all its turns.
type cast struct {
	initials     map[string]string // "TR" -> "Tom Reyes"; "" when two people share them
	interviewers map[string]bool   // people the text calls reporter, host or interviewer
	interviewee  string            // the last person named before the first turn who is not an interviewer
}

// interviewerNamed returns the interviewer whose surname is surname, or "".
func (c cast) interviewerNamed(surname string) string {
	found := ""
	for name := range c.interviewers {
		if i := strings.LastIndexByte(name, ' '); i >= 0 && name[i+1:] == surname && (found == "" || name < found) {
			found = name
		}
	}
	return found
}

// newCast indexes the people a transcript's labels may name.
func (d *doc) newCast() cast {
	c := cast{initials: map[string]string{}, interviewers: map[string]bool{}}
	for role := range interviewerRoles {
		for _, h := range d.roles[role] {
			c.interviewers[h.name] = true
		}
	}
	for _, info := range d.names.byKey {
		var b strings.Builder
		for _, p := range info.parts {
			r, _ := utf8.DecodeRuneInString(p)
			b.WriteRune(unicode.ToUpper(r))
		}
		if prev, ok := c.initials[b.String()]; ok && prev != info.name {
			c.initials[b.String()] = ""
		} else {
			c.initials[b.String()] = info.name
		}
	}
	// The labels themselves may say who asks: "DANA CORTLAND, HOST",
	// "MODERATOR (ELENA VASQUEZ-HART)"; that person's later turns under a
	// short label are the interviewer's too.
	for _, t := range d.turns {
		if t.cont {
			continue
		}
		label, inner, _ := strings.Cut(t.label, "(")
		asks := false
		for _, w := range strings.Fields(t.desc) {
			asks = asks || interviewerRoles[strings.ToLower(strings.Trim(w, ".()"))]
		}
		if !asks && interviewerRoles[strings.ToLower(strings.TrimSpace(label))] && inner != "" {
			asks, label = true, strings.TrimSuffix(strings.TrimSpace(inner), ")")
		}
		if !asks {
			continue
		}
		if name := d.labelName(stripTitles(strings.Fields(label))); name != "" {
			c.interviewers[name] = true
		}
	}
	first := d.turns[0].textStart
	if t := d.turns[0]; isHeaderSpeaker(t.label) {
		// "Speaker: Mayor Daniel Okonjo, with …": the first person it names.
		for i := d.mentionFrom(t.textStart); i < len(d.ments) && d.ments[i].start < t.textEnd; i++ {
			if m := &d.ments[i]; m.person {
				c.interviewee = d.mentionName(m)
				return c
			}
		}
	}
	introduced := "" // "So I sat down with Tillery on Monday": the one the interview is with
	for i := range d.ments {
		m := &d.ments[i]
		if m.start >= first {
			break
		}
		name := d.mentionName(m)
		if !m.person || m.shielded || c.interviewers[name] {
			continue
		}
		if d.asks(m) {
			// "Assistant U.S. Attorney Rachel Stein then asked her what
			// she did next": the one asking is on the questions' side.
			c.interviewers[name] = true
			continue
		}
		c.interviewee = name
		if !m.poss && d.interviewWordAt(m.start) >= 0 {
			introduced = name
		}
	}
	if introduced != "" && !c.interviewers[introduced] {
		c.interviewee = introduced // wherever the intro names others after
	}
	return c
}

// maxIntroSentence bounds, in bytes, the sentence that may tell of an
// interview, so that reading it for every name and date before the first
// turn stays linear.
const maxIntroSentence = 1000

// interviewWordAt returns the offset of the first of interviewWords in the
// sentence holding offset off, or -1 when it tells of no interview.
func (d *doc) interviewWordAt(off int) int {
	if len(d.sents) == 0 {
		return -1
	}
	sent := d.sents[d.sentAt(off)]
	if sent.end-sent.start > maxIntroSentence {
		return -1
	}
	lw := strings.ToLower(d.text[sent.start:sent.end])
	at := -1
	for _, v := range interviewWords {
		if i := strings.Index(lw, v); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return -1
	}
	return sent.start + at
}

// asks reports whether mention m is the subject of "asked" or "questioned"
// (perhaps after "then" or "later").
func (d *doc) asks(m *mention) bool {
	k := m.hi
	for n := 0; n < 2 && (d.lowerWord(k) == "then" || d.lowerWord(k) == "later" || d.lowerWord(k) == "also"); n++ {
		k++
	}
	switch d.lowerWord(k) {
	case "asked", "asks", "questioned", "pressed":
		return true
	}
	return false
}

// interviewWords tell of an interview (or a header line gives its date,
// "Call date:") in the sentence that dates it.
var interviewWords = []string{"sat down with", "interviewed", "spoke with", "spoke to", "talked with", "talked to", "recorded", "in an interview", "date:"}

// turnDate is the date the text gives before its first turn: one after
// words telling of the interview ("sat down with", "Recorded:", "Call
// date:"), else the first other than the publication date (the hearing's),
// else the publication date.
func (d *doc) turnDate() (*time.Time, string) {
	first := d.turns[0].textStart
	var earliest *time.Time
	for i := range d.dates {
		dm := d.dates[i]
		if dm.start >= first {
			break
		}
		if !dm.exact || dm.shielded {
			continue
		}
		t := dm.t
		if at := d.interviewWordAt(dm.start); at >= 0 && at < dm.start {
			// "So I sat down with Tillery on Monday, Sept. 22",
			// "Recorded: Tuesday, February 3": a date after the words
			// telling of the interview wins.
			return &t, DateCarried
		}
		if earliest == nil && !(d.hasPub && t.Equal(d.pub)) {
			earliest = &t // not the article's own dateline, or the day it came out
		}
	}
	if earliest != nil {
		return earliest, DateCarried
	}
	if d.hasPub {
		t := d.pub
		return &t, DateArticle
	}
	return nil, DateNone
}

// turnCandidates emits the words of every turn that makes a statement.
func (d *doc) turnCandidates() {
	if len(d.turns) == 0 {
		return
	}
	t0, src := d.turnDate()
	c := d.newCast()
	for _, t := range d.turns {
		name, interviewer := d.turnSpeaker(t, c)
		if interviewer || t.interjection || t.presiding || isHeaderSpeaker(t.label) && !t.cont {
			continue
		}
		s, e := d.trimSpan(t.textStart, t.textEnd, "")
		// Words wholly in quotation marks: "AM: \"Every dollar …\"".
		if r, n := utf8.DecodeRuneInString(d.text[s:e]); strings.ContainsRune("\"“‘'", r) {
			if l, m := utf8.DecodeLastRuneInString(d.text[s:e]); strings.ContainsRune("\"”’'", l) && e-m > s+n {
				s, e = s+n, e-m
			}
		}
		s, e = d.trimStageDirections(s, e)
		if e-s >= 2 && d.text[e-1] == '.' && d.text[e-2] != '.' {
			e--
		}
		s, e = d.trimSpan(s, e, ",")
		if !t.answer && d.turnQuestion(s, e) {
			// A member's question may make its claims before it asks:
			// "Rents have doubled since 2015. When will the minister …?"
			e = d.beforeQuestions(s, e)
		}
		if s >= e || d.countWords(s, e, 1) == 0 || d.pleasantry(s, e) || d.procedural(s, e) || d.turnQuestion(s, e) {
			continue
		}
		conf := ConfidenceHigh
		if name == "" {
			conf = ConfidenceNone
		} else if t.answer || t.cont {
			conf = ConfidenceMedium
		}
		for _, st := range d.statements(s, e) {
			d.emit(Candidate{
				Quote:             d.text[st.start:st.end],
				Speaker:           name,
				SpeakerConfidence: conf,
				SaidAt:            t0,
				DateSource:        src,
				Start:             st.start,
				End:               st.end,
				Kind:              KindQuote,
			}, t.textStart, t.textEnd)
		}
	}
}

// statements splits a turn's words [s, e) into what an editor would log.
// A short turn (at most shortTurn words) is one statement. A longer one
// gives its sentences one by one, leaving out questions, pleasantries,
// procedure, sentences of fewer than four words and those that state
// nothing checkable (see checkable): a minister's five-paragraph answer
// holds several claims, each to be rated on its own.
func (d *doc) statements(s, e int) []span {
	if d.countWords(s, e, shortTurn+1) <= shortTurn {
		if strings.HasSuffix(d.text[s:e], ":") && d.countWords(s, e, 5) < 5 {
			return nil // a heading: "Questions & Answers:"
		}
		return []span{{s, e}}
	}
	var out []span
	for si := d.sentAt(s); si < len(d.sents) && d.sents[si].start < e; si++ {
		a, b := d.trimSpan(max(s, d.sents[si].start), min(e, d.sents[si].end), "")
		a, b = d.trimStageDirections(a, b)
		if b-a >= 2 && d.text[b-1] == '.' && d.text[b-2] != '.' {
			b--
		}
		if a >= b || d.countWords(a, b, 4) < 4 || d.turnQuestion(a, b) || d.pleasantry(a, b) || d.procedural(a, b) || !d.checkable(a, b) {
			continue
		}
		out = append(out, span{a, b})
	}
	return out
}

// shortTurn is the length in words up to which a turn is one statement.
const shortTurn = 25

// checkWords mark a sentence as one that states something a fact-checker
// could check: quantities, records and absolutes.
var checkWords = wordSet(`one two three four five six seven eight nine ten eleven twelve twenty
	thirty forty fifty hundred hundreds thousand thousands million millions billion billions
	trillion percent per cent half double doubled twice triple tripled quarter third dozen
	most least best worst record highest lowest largest smallest biggest fastest longest
	more fewer less than ever never every all none nobody only first last since increase
	increased decrease decreased rose fell cut cuts grew rise fall no not dime penny`)

// checkable reports whether the sentence [s, e) states something a
// fact-checker could check: it holds a number, a checkWord or a name (a
// capitalised word after its first).
func (d *doc) checkable(s, e int) bool {
	first := true
	for k := d.tokAt(s); k < len(d.toks) && d.toks[k].start < e; k++ {
		if !d.isWord(k) {
			continue
		}
		w := d.tokText(k)
		if isDigitStart(w) || checkWords[strings.ToLower(w)] {
			return true
		}
		if !first && isUpperStart(w) && w != "I" && !strings.HasPrefix(w, "I'") && !strings.HasPrefix(w, "I’") {
			return true
		}
		first = false
	}
	return false
}

// trimStageDirections cuts the stage directions a transcript puts at the
// end of a turn, in brackets and capitals: "(APPLAUSE)", "(CROSSTALK)",
// "[LAUGHTER]".
func (d *doc) trimStageDirections(s, e int) (int, int) {
	for e > s {
		t := strings.TrimRight(d.text[s:e], " \t")
		if !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "]") {
			break
		}
		open := strings.LastIndexAny(t, "([")
		if open < 0 || !allCaps(strings.Trim(t[open:], "()[] ")) {
			break
		}
		e = s + len(strings.TrimRight(t[:open], " \t"))
	}
	return s, e
}

// procedural reports whether text[s:e] is a short turn that only runs the
// meeting.
func (d *doc) procedural(s, e int) bool {
	// Every test below reads how the text opens: a prefix is enough.
	lw := strings.ToLower(d.text[s:min(e, s+maxProcedurePrefix)])
	for _, v := range vocatives {
		if rest, ok := strings.CutPrefix(lw, v); ok {
			lw = strings.TrimLeft(rest, ", ")
			break
		}
	}
	if d.sentAt(s) == d.sentAt(e-1) {
		for _, p := range formulas {
			if strings.HasPrefix(lw, p) {
				return true
			}
		}
	}
	if d.countWords(s, e, 16) > 15 {
		return false
	}
	if d.countWords(s, e, 5) <= 4 && (strings.HasPrefix(lw, "go ahead") || strings.HasPrefix(lw, "next question")) {
		return true // a briefing's "Go ahead." and "Next question, please."
	}
	if ws := strings.Fields(d.text[s:e]); len(ws) > 0 && len(ws) <= 3 {
		// A hand-over that only names the next speaker: "Mr. Secretary.",
		// "Senator Derwent."
		first := strings.ToLower(strings.Trim(ws[0], ".,;:"))
		named := titles[first] || roleNouns[first]
		for _, w := range ws {
			named = named && isUpperStart(strings.Trim(w, ".,;:"))
		}
		if named {
			return true
		}
	}
	for _, p := range procedure {
		if strings.HasPrefix(lw, p) {
			return true
		}
	}
	return false
}

// beforeQuestions returns where the questions that end text[s:e] begin,
// trimmed, or s when what comes before them is too short (under eight
// words) to claim anything or speaks to the person asked ("you", "your").
func (d *doc) beforeQuestions(s, e int) int {
	end := e
	for end > s {
		si := d.sentAt(end - 1)
		if si < 0 || d.sents[si].start <= s || !d.turnQuestion(d.sents[si].start, end) {
			break
		}
		end = d.sents[si].start
	}
	a, b := d.trimSpan(s, end, ",")
	if a >= b || end == e || d.countWords(a, b, 8) < 8 {
		return s
	}
	for k := d.tokAt(a); k < len(d.toks) && d.toks[k].start < b; k++ {
		if w := d.lowerWord(k); (w == "you" || w == "your" || w == "you've" || w == "you're") && d.lowerWord(k-1) != "thank" {
			return s // "Governor, you've said …": the question's set-up, put to the one who answers
		}
	}
	if b-a >= 2 && d.text[b-1] == '.' && d.text[b-2] != '.' {
		b--
	}
	return b
}

// turnQuestion reports whether a turn's words end with a question: the
// questioner's turn, even when statements lead up to it.
func (d *doc) turnQuestion(s, e int) bool {
	t := strings.TrimRight(d.text[s:e], " \"”’'")
	return strings.HasSuffix(t, "?")
}
