package extract

import (
	"slices"
	"strings"
)

// Role rules
//
// News copy names a person once with their role and then uses the role
// alone: "The chancellor, Martin Hale, said …" and later "the chancellor
// said"; "press secretary Dana Cole" and later "the press secretary";
// "Owen Price QC" and later "the QC". A role is tied to a person where the
// article writes it as a title before the name ("Chancellor Martin Hale",
// "county party chair Rosa Delgado"), as an appositive before or after the
// name ("the chancellor, Martin Hale,"; "Lena Park, a law professor"), or
// as a suffix ("QC", "KC"). A speaker phrase "the ROLE" then stands for the
// person tied to that role nearest before it. Only "the" resolves: "a
// spokeswoman for the ministry" is someone else.

// roleHolder is a person tied to a role at a position in the text.
type roleHolder struct {
	pos    int
	name   string
	gender int8
}

// roleNouns are the head nouns of roles that stand for one person.
var roleNouns = wordSet(`chancellor minister secretary chair chairman chairwoman chairperson
	barrister solicitor lawyer attorney prosecutor judge justice magistrate coroner recorder qc kc
	senator congressman congresswoman representative governor mayor president premier
	ambassador envoy spokesman spokeswoman spokesperson director executive ceo chief officer
	commissioner inspector superintendent detective sergeant constable manager leader auditor
	treasurer councillor councilman councilwoman alderman professor economist researcher
	scientist doctor surgeon physician nurse teacher headteacher headmaster headmistress
	principal coach captain owner founder editor pastor bishop archbishop priest vicar rabbi
	imam general colonel admiral commander sheriff deputy nominee candidate witness defendant member
	accused victim author striker midfielder goalkeeper defender mp mep msp mla mpp td lawmaker legislator
	speaker administrator superintendent commissioner chairmen investigator analyst
	spokesperson whip clerk registrar consultant epidemiologist adviser advisor counsel
	strategist organiser organizer campaigner activist founder president-elect reporter
	interviewer host presenter correspondent anchor moderator journalist writer cfo coo cto`)

// roleAbbreviations stand for the roles an article may have spelt out
// when it named their holder ("The chief financial officer, Greg Tanaka, …
// the CFO said").
var roleAbbreviations = map[string][]string{
	"ceo": {"chief executive officer", "chief executive"},
	"cfo": {"chief financial officer"},
	"coo": {"chief operating officer"},
	"cto": {"chief technology officer"},
}

// determinersForRoles may open an appositive that describes a person.
var determinersForRoles = wordSet(`the a an his her their its`)

// buildRoles ties roles to the people named with them. It runs after
// buildNames, whose resolved names it records.
func (d *doc) buildRoles() {
	d.roles = map[string][]roleHolder{}
	for i := range d.ments {
		m := &d.ments[i]
		if !m.person || m.shielded || m.poss {
			continue
		}
		h := roleHolder{pos: m.start, name: d.mentionName(m), gender: d.mentionGender(m)}
		add := func(words ...string) {
			if len(words) == 0 {
				return
			}
			d.roles[strings.Join(words, " ")] = append(d.roles[strings.Join(words, " ")], h)
			if len(words) > 1 {
				last := words[len(words)-1]
				d.roles[last] = append(d.roles[last], h)
			}
		}
		// Titles inside the mention: "Chancellor Martin Hale".
		var title []string
		if k := m.lo - 1; k >= 0 && d.isWord(k) && allCaps(d.tokText(k)) && len(d.tokText(k)) > 1 && d.opensParagraph(k) {
			// A house style that sets a story's first word in capitals:
			// "FIRST Minister Eilidh Maclaren has insisted …".
			title = append(title, d.lowerWord(k))
		}
		for k := m.lo; k < m.hi-len(m.parts); k++ {
			if w := d.lowerWord(k); w != "" && !courtesyTitles[w] {
				title = append(title, w)
			}
		}
		add(title...)
		for _, w := range title {
			if full, ok := titleExpansions[w]; ok {
				add(full) // "Sen. Laura Whitcombe" is "the senator"
			}
		}
		// Lower-case role words before it: "press secretary Dana Cole".
		if w := d.lowerWord(m.lo - 1); roleNouns[w] && isLowerStart(d.tokText(m.lo-1)) {
			words := []string{w}
			if p := d.lowerWord(m.lo - 2); p != "" && isLowerStart(d.tokText(m.lo-2)) && !determinersForRoles[p] && !prepositions[p] {
				words = append([]string{p}, words...)
			}
			add(words...)
		}
		// A role in brackets: "Nia Park (host)", "Dale Pruitt (Ranking
		// Member)".
		if d.isPunct(m.hi, "(") {
			var words []string
			for k := m.hi + 1; k < len(d.toks) && d.isWord(k) && len(words) < 4; k++ {
				words = append(words, d.lowerWord(k))
				if d.isPunct(k+1, ")") {
					if roleNouns[words[len(words)-1]] || interviewerRoles[words[len(words)-1]] {
						add(words...)
					}
					break
				}
			}
		}
		// A suffix: "Owen Price QC".
		switch d.lowerWord(m.hi) {
		case "qc", "kc":
			add(d.lowerWord(m.hi))
			add("barrister")
		}
		// Appositives: "Martin Hale, the chancellor," and "the chancellor,
		// Martin Hale,".
		if d.isPunct(m.hi, ",") {
			d.appositiveRoles(m.hi+1, 1, add)
		}
		if d.isPunct(m.lo-1, ",") {
			d.appositiveRoles(m.lo-2, -1, add)
		}
	}
}

// appositiveRoles reads up to six words from token k in direction dir (1
// forward, -1 back) until punctuation, and passes each role noun among them
// to add when the words start (or, backwards, end) with a determiner, or,
// forwards, with a lower-case word ("Cllr Sarah Benbow, cabinet member for
// communities,").
func (d *doc) appositiveRoles(k, dir int, add func(...string)) {
	var roles, phrase []string
	det, plain, bare := false, true, false
	for n := 0; n < 6 && d.isWord(k); n, k = n+1, k+dir {
		w := d.lowerWord(k)
		if n == 0 && dir > 0 {
			det = true
			if determinersForRoles[w] {
				continue
			}
			if !isLowerStart(d.tokText(k)) {
				return
			}
			// "Cllr Sarah Benbow, cabinet member for communities,": a
			// role in apposition without a determiner.
			bare = true
		}
		if dir < 0 && determinersForRoles[w] {
			det = true
			break
		}
		if roleNouns[w] {
			roles = append(roles, w)
		}
		if prepositions[w] {
			plain = false
			if dir > 0 {
				break
			}
		}
		phrase = append(phrase, w)
	}
	// Without a determiner, a role noun must come in the first two words:
	// not "Mayor Ellen Park, who fired the police commissioner …".
	if !det || bare && !(len(phrase) > 0 && roleNouns[phrase[0]] || len(phrase) > 1 && roleNouns[phrase[1]]) {
		return
	}
	for _, r := range roles {
		add(r)
	}
	// The whole role as written, for its abbreviation ("chief financial
	// officer" for "the CFO"), or up to its preposition ("cabinet member
	// for communities" is "the cabinet member").
	if len(phrase) > 1 && len(roles) > 0 && (plain || dir > 0 && roleNouns[phrase[len(phrase)-1]]) {
		if dir < 0 {
			slices.Reverse(phrase)
		}
		add(phrase...)
	}
}

// roleHolderOf returns the person a description such as "the chancellor"
// at pos stands for: the one tied to that role nearest before pos.
func (d *doc) roleHolderOf(desc string, pos int) (string, int8, bool) {
	lw := strings.ToLower(desc)
	rest, ok := strings.CutPrefix(lw, "the ")
	if !ok {
		return "", genderAny, false
	}
	words := strings.Fields(rest)
	if len(words) == 0 || len(words) > 3 {
		return "", genderAny, false
	}
	modified := false // a word that is no role: "the First Minister", "the cabinet member"
	for i, w := range words {
		if prepositions[w] {
			return "", genderAny, false
		}
		if !titleWord(w) {
			if i == len(words)-1 {
				return "", genderAny, false
			}
			// "the First Minister" and "the cabinet member" name one
			// office, which the text must have tied to someone; "the
			// one commissioner who …" is no commissioner named before.
			modified = true
		}
	}
	keys := []string{strings.Join(words, " ")}
	if !modified {
		// Only the whole role ties "the First Minister" to a person; "the
		// minister" may be any minister named before.
		keys = append(keys, words[len(words)-1])
	}
	if len(words) == 1 {
		keys = append(keys, roleAbbreviations[words[0]]...)
	}
	for _, key := range keys {
		var best *roleHolder
		for i, h := range d.roles[key] {
			if h.pos < pos && (best == nil || h.pos > best.pos) {
				best = &d.roles[key][i]
			}
		}
		if best != nil {
			return best.name, best.gender, true
		}
	}
	return "", genderAny, false
}

// courtesyTitles are dropped from a name the article gives without a first
// name ("Mr Barnes" is Barnes), unless another title follows them ("Mr
// Justice Arden" is a judge's style).
var courtesyTitles = wordSet(`mr mrs ms miss mx dr prof`)

// withoutCourtesyTitle drops a leading courtesy title (with its period)
// from a name as written.
func withoutCourtesyTitle(name string) string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || !courtesyTitles[strings.ToLower(strings.TrimSuffix(first, "."))] {
		return name
	}
	next, _, _ := strings.Cut(rest, " ")
	if titles[strings.ToLower(strings.TrimSuffix(next, "."))] && next != rest {
		return name
	}
	return rest
}
