package extract

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Social posts pasted from a web page keep their header as plain text:
//
//	Nancy Pelosi @NancyPelosi Follow Jeff Sessions is not fit to serve ...
//	12:41 AM - 2 Mar 2017
//
// The post runs from after "Follow" to the end of the paragraph (or line),
// stopping at a "12:41 AM - 2 Mar 2017" time stamp, whose date becomes
// SaidAt, and dropping trailing links. The fallback text of an embed,
// "text — Nancy Pelosi (@NancyPelosi) March 2, 2017", is read too.

// post is one social media post found in the text.
type post struct {
	name               string
	textStart, textEnd int // the post's words: the candidate's Quote
	sentStart, sentEnd int // header (or footer) and text: the candidate's Sentence
	regionEnd          int
	date               *time.Time
}

var postBadges = wordSet(`✔ ✓ ☑ · •`)

// paraAt returns the index of the paragraph containing off, or -1.
func (d *doc) paraAt(off int) int {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].end >= off })
	if i < len(d.paras) && d.paras[i].start <= off {
		return i
	}
	return -1
}

// opensParagraph reports whether token k is the first of its paragraph.
func (d *doc) opensParagraph(k int) bool {
	p := d.paraAt(d.toks[k].start)
	return p >= 0 && d.tokAt(d.paras[p].start) == k
}

// maxHandle bounds an @handle's length: 30 characters on most platforms,
// more where handles are domain names (Bluesky's "name.bsky.social").
const maxHandle = 64

// handleEnd returns the end of the @handle whose "@" is token k, or -1.
// Dots and hyphens count inside a handle when a letter or digit follows.
func (d *doc) handleEnd(k int) int {
	alnum := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	j := d.toks[k].end
	for j < len(d.text) && j-d.toks[k].end <= maxHandle {
		c := d.text[j]
		if !alnum(c) && !((c == '.' || c == '-') && j+1 < len(d.text) && alnum(d.text[j+1]) && j > d.toks[k].end) {
			break
		}
		j++
	}
	if j == d.toks[k].end || j-d.toks[k].end > maxHandle {
		return -1
	}
	return j
}

// nameBefore collects up to five capitalised words on one line ending at
// token k (inclusive) and returns the index of the first, or -1.
func (d *doc) nameBefore(k int) int {
	first := -1
	for j := k; j >= 0 && k-j < 6; j-- {
		if !d.isWord(j) {
			break
		}
		w := d.tokText(j)
		if !isUpperStart(w) && !(particles[w] && first >= 0) {
			break
		}
		first = j
		if j == 0 || !d.sameLineGap(j-1) {
			break
		}
	}
	if first >= 0 && particles[d.tokText(first)] {
		return -1
	}
	return first
}

// findPosts finds social posts and marks their regions so quotation and
// "according to" scanning skip them.
func (d *doc) findPosts() {
	for k := 0; k < len(d.toks); k++ {
		if !d.isPunct(k, "@") {
			continue
		}
		if p, ok := d.headerPost(k); ok {
			d.posts = append(d.posts, p)
		} else if p, ok := d.footerPost(k); ok {
			d.posts = append(d.posts, p)
		}
	}
	for k := 1; k < len(d.toks); k++ {
		if p, ok := d.signaturePost(k); ok {
			d.posts = append(d.posts, p)
		}
	}
	sort.SliceStable(d.posts, func(i, j int) bool { return d.posts[i].sentStart < d.posts[j].sentStart })
	// Posts pasted one per line inside one block: each ends where the next begins.
	kept := d.posts[:0]
	for i := range d.posts {
		p := d.posts[i]
		if len(kept) > 0 && p.sentStart < kept[len(kept)-1].sentEnd {
			prev := &kept[len(kept)-1]
			if p.sentStart <= prev.textStart {
				continue
			}
			prev.textEnd = d.stripLinks(prev.textStart, min(prev.textEnd, p.sentStart))
			prev.sentEnd = min(prev.sentEnd, p.sentStart)
			prev.regionEnd = min(prev.regionEnd, p.sentStart)
			if prev.textEnd <= prev.textStart {
				kept = kept[:len(kept)-1]
			}
		}
		kept = append(kept, p)
	}
	d.posts = kept
	for _, p := range d.posts {
		d.regions = append(d.regions, span{p.sentStart, max(p.regionEnd, p.sentEnd)})
	}
	d.regions = mergeSpans(d.regions)
}

// timeStampAt reports whether tokens at k read like "12:41 AM".
func (d *doc) timeStampAt(k int) bool {
	if !d.isWord(k) || !isDigitStart(d.tokText(k)) || len(d.tokText(k)) > 2 {
		return false
	}
	if !d.isPunct(k+1, ":") || !d.attached(k) || !d.isWord(k+2) || !d.attached(k+1) {
		return false
	}
	switch d.lowerWord(k + 3) {
	case "am", "pm", "a.m", "p.m":
		return true
	}
	return false
}

// stampLine reports whether paragraph p is a post's time stamp: it opens
// with a time ("12:41 AM - 2 Mar 2017"), or it is a short line holding an
// exact date and a time ("March 6, 2025 at 7:15 PM").
func (d *doc) stampLine(p span) bool {
	t := d.tokAt(p.start)
	if d.timeStampAt(t) {
		return true
	}
	e := d.tokAt(p.end)
	if e-t > 12 || d.dateIn(p.start, p.end) == nil {
		return false
	}
	for ; t < e; t++ {
		if d.timeStampAt(t) {
			return true
		}
	}
	return false
}

// lineEndsAt reports whether only spaces (see spaceLike) follow offset off
// on its line.
func (d *doc) lineEndsAt(off int) bool {
	for _, r := range d.text[off:] {
		if r == '\n' || r == '\r' {
			return true
		}
		if !spaceLike(r) {
			return false
		}
	}
	return true
}

// opensLine reports whether token k is the first on its line.
func (d *doc) opensLine(k int) bool {
	return k == 0 || strings.ContainsAny(d.text[d.toks[k-1].end:d.toks[k].start], "\n\r")
}

// dateIn returns the first exact date mentioned in [s, e).
func (d *doc) dateIn(s, e int) *time.Time {
	for i := d.dateFrom(s); i < len(d.dates) && d.dates[i].start < e; i++ {
		if d.dates[i].exact {
			return d.dateValue(i)
		}
	}
	return nil
}

// stripLinks trims white space and trailing links from the post text
// [s, e) and returns the new end.
func (d *doc) stripLinks(s, e int) int {
	for n := 0; n < 8; n++ {
		s, e = d.trimSpan(s, e, "")
		body := d.text[s:e]
		i := strings.LastIndexAny(body, " \t\n\r")
		field := body[i+1:]
		lf := strings.ToLower(field)
		if !strings.HasPrefix(lf, "http://") && !strings.HasPrefix(lf, "https://") &&
			!strings.HasPrefix(lf, "pic.twitter.com/") && !strings.HasPrefix(lf, "t.co/") &&
			!strings.HasPrefix(lf, "www.") {
			return e
		}
		e = s + i + 1
		if i < 0 {
			return s
		}
	}
	return e
}

// headerPost reads "Name @handle Follow text" with "@" at token k.
func (d *doc) headerPost(k int) (post, bool) {
	if k == 0 || d.attached(k-1) {
		return post{}, false
	}
	he := d.handleEnd(k)
	if he < 0 {
		return post{}, false
	}
	m := d.tokAt(he)
	follow := false
	for n := 0; n < 8 && m < len(d.toks); n++ {
		w := d.tokText(m)
		switch {
		case d.isWord(m) && (w == "Follow" || w == "Following"):
			follow = true
			m++
		case d.isPunct(m, "@") && follow:
			if e := d.handleEnd(m); e >= 0 {
				m = d.tokAt(e)
			} else {
				m++
			}
		case follow && d.isWord(m) && w == "More":
			m++
		case postBadges[w]:
			m++
		default:
			n = 8
		}
	}
	// A card copied without its "Follow" button ("Name", "@handle", the
	// text, "9:41 AM · Mar 4, 2025") is a post when the handle ends its
	// line and a time stamp closes the text.
	card := !follow && d.lineEndsAt(he)
	if card {
		m = d.tokAt(he)
	}
	if !follow && !card || m >= len(d.toks) {
		return post{}, false
	}
	j := k - 1
	for j >= 0 && (postBadges[d.tokText(j)] || d.tokText(j) == "Verified" || d.tokText(j) == "account") && d.sameLineGap(j) {
		j--
	}
	first := d.nameBefore(j)
	if first < 0 || !d.sameLineGap(j) && !(card && d.opensLine(first) && d.lineEndsAt(d.toks[j].end)) {
		return post{}, false
	}
	// The text may start on a later line when each line is a paragraph.
	hp := d.paraAt(d.toks[k].start)
	pi := d.paraAt(d.toks[m].start)
	if hp < 0 || pi < hp || pi > hp+2 {
		return post{}, false
	}
	p := post{
		name:      clean(d.text[d.toks[first].start:d.toks[j].end]),
		textStart: d.toks[m].start,
		sentStart: d.toks[first].start,
	}
	end := d.paras[pi].end
	p.textEnd, p.regionEnd = end, end
	for t := m; t < len(d.toks) && d.toks[t].start < end; t++ {
		if d.timeStampAt(t) {
			p.textEnd = d.toks[t].start
			p.date = d.dateIn(d.toks[t].start, min(end, d.toks[min(t+12, len(d.toks)-1)].end))
			break
		}
		if t > m && d.isWord(t) && isDigitStart(d.tokText(t)) && strings.ContainsRune(d.text[d.toks[t-1].end:d.toks[t].start], '\n') {
			switch d.lowerWord(t + 1) {
			case "retweets", "retweet", "likes", "like", "replies", "reply":
				p.textEnd = d.toks[t].start
				t = len(d.toks)
			}
		}
	}
	if p.date == nil && p.textEnd == end && pi+1 < len(d.paras) {
		// Time stamp on the next line when every line is a paragraph.
		np := d.paras[pi+1]
		if d.stampLine(np) {
			p.date = d.dateIn(np.start, np.end)
			p.regionEnd = np.end
		}
	}
	if card && p.date == nil {
		return post{}, false
	}
	p.textEnd = d.stripLinks(p.textStart, p.textEnd)
	p.sentEnd = p.textEnd
	if p.textEnd <= p.textStart || d.countWords(p.textStart, p.textEnd, 1) == 0 {
		return post{}, false
	}
	return p, true
}

// footerPost reads "text — Name (@handle) March 2, 2017" with "@" at token k.
func (d *doc) footerPost(k int) (post, bool) {
	if !d.isPunct(k-1, "(") || !d.attached(k-1) {
		return post{}, false
	}
	he := d.handleEnd(k)
	if he < 0 {
		return post{}, false
	}
	closeTok := d.tokAt(he)
	if !d.isPunct(closeTok, ")") || d.toks[closeTok].start != he {
		return post{}, false
	}
	j := k - 2
	if j < 0 || !d.sameLineGap(j) {
		return post{}, false
	}
	first := d.nameBefore(j)
	if first < 1 || !d.sameLineGap(first-1) {
		return post{}, false
	}
	dash := first - 1
	switch d.tokText(dash) {
	case "—", "–", "-", "―":
	default:
		return post{}, false
	}
	pi := d.paraAt(d.toks[dash].start)
	if pi < 0 {
		return post{}, false
	}
	p := post{name: clean(d.text[d.toks[first].start:d.toks[j].end])}
	if d.tokAt(d.paras[pi].start) == dash {
		if pi == 0 {
			return post{}, false
		}
		p.textStart, p.textEnd = d.paras[pi-1].start, d.paras[pi-1].end
	} else {
		p.textStart, p.textEnd = d.postTextBefore(dash, d.paras[pi].start, d.tokText(j)), d.toks[dash].start
	}
	p.sentStart = p.textStart
	// The footer ends with its date; copy pasted without line breaks goes
	// on after it with the article's own words.
	p.sentEnd = d.paras[pi].end
	if i := d.dateFrom(d.toks[closeTok].end); i < len(d.dates) && d.dates[i].start-d.toks[closeTok].end <= 2 {
		p.sentEnd = d.dates[i].end
	} else if !d.timeStampAt(closeTok + 1) {
		p.sentEnd = d.toks[closeTok].end
	}
	p.regionEnd = p.sentEnd
	p.textStart, p.textEnd = d.trimSpan(p.textStart, p.textEnd, "\"“”")
	p.textEnd = d.stripLinks(p.textStart, p.textEnd)
	p.textStart, p.textEnd = d.trimSpan(p.textStart, p.textEnd, "\"“”")
	if p.textEnd <= p.textStart || d.countWords(p.textStart, p.textEnd, 1) == 0 {
		return post{}, false
	}
	p.date = d.dateIn(d.toks[closeTok].end, p.sentEnd)
	return p, true
}

// platformNames are the services whose posts are pasted with a signature
// line that names the service ("— Rīgas Balss, Telegram, Nov 12").
var platformNames = wordSet(`twitter telegram facebook instagram threads bluesky tiktok linkedin
	mastodon weibo whatsapp youtube truth x`)

// maxSignatureTokens bounds the tokens of a post's signature line.
const maxSignatureTokens = 24

// signaturePost reads a post pasted as its text and, on the next line, a
// signature that opens with a dash at token k: "— @EdgarsKalnins, Nov 12"
// (an @handle right after the dash) or "— Rīgas Balss (Roberts Lācis),
// Telegram, Nov 12" (a platform among its comma-separated parts; a person
// named in brackets is the author). The signature is one short line; the
// post is the rest of its paragraph before it, or the paragraph before
// when the signature opens its own. The embed footer "— Name (@handle)
// date" is footerPost's.
func (d *doc) signaturePost(k int) (post, bool) {
	if d.toks[k].kind != tokPunct || !opensWithDash(d.tokText(k)) || !d.opensLine(k) {
		return post{}, false
	}
	end := k // the signature's last token
	for end+1 < len(d.toks) && d.sameLineGap(end) && end-k < maxSignatureTokens {
		end++
	}
	if !d.lineEndsAt(d.toks[end].end) || end == k {
		return post{}, false
	}
	line := d.text[d.toks[k].end:d.toks[end].end]
	if strings.Contains(line, "(@") {
		return post{}, false
	}
	var p post
	if d.isPunct(k+1, "@") && d.attached(k+1) {
		he := d.handleEnd(k + 1)
		if he < 0 {
			return post{}, false
		}
		p.name = d.text[d.toks[k+1].start:he]
	} else {
		parts := strings.Split(line, ",")
		platform := false
		for _, part := range parts[1:] {
			w := strings.TrimSpace(part)
			platform = platform || platformNames[strings.ToLower(w)] && isUpperStart(w)
		}
		if !platform {
			return post{}, false
		}
		name := strings.TrimSpace(parts[0])
		if i := strings.IndexByte(name, '('); i > 0 && strings.HasSuffix(name, ")") {
			if inner := strings.TrimSpace(name[i+1 : len(name)-1]); fullNameLabel(inner) != "" {
				name = inner
			} else {
				name = strings.TrimSpace(name[:i])
			}
		}
		if name == "" || !isUpperStart(name) {
			return post{}, false
		}
		p.name = clean(name)
	}
	pi := d.paraAt(d.toks[k].start)
	if pi < 0 {
		return post{}, false
	}
	p.textEnd = d.toks[k].start
	from := d.paras[pi].start
	if d.tokAt(from) == k {
		if pi == 0 {
			return post{}, false
		}
		p.textEnd, from = d.paras[pi-1].end, d.paras[pi-1].start
	}
	var ok bool
	if p.textStart, ok = d.linesBefore(p.textEnd, from); !ok {
		return post{}, false // more than a post's length: the article's own words
	}
	p.sentStart, p.sentEnd, p.regionEnd = p.textStart, d.toks[end].end, d.toks[end].end
	p.textStart, p.textEnd = d.trimSpan(p.textStart, p.textEnd, "\"“”")
	p.textEnd = d.stripLinks(p.textStart, p.textEnd)
	if p.textEnd <= p.textStart || d.countWords(p.textStart, p.textEnd, 1) == 0 || d.headingLine(span{p.textStart, p.textEnd}) {
		return post{}, false
	}
	p.date = d.dateIn(d.toks[k].end, d.toks[end].end)
	return p, true
}

// opensWithDash reports whether s opens with the dash that starts a
// post's signature line: an em dash, an en dash or a horizontal bar.
func opensWithDash(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '—' || r == '–' || r == '―'
}

// linesBefore returns where the post that ends at off begins, in a
// paragraph that starts at paraStart: the lines before off, back to the
// paragraph's start or to the line after another post's signature (a line
// opening with a dash). It reports false when that is more than
// maxPostRunes bytes back: the article's own words, not a post.
func (d *doc) linesBefore(off, paraStart int) (int, bool) {
	limit := max(paraStart, off-maxPostRunes*4)
	start := off
	for start > paraStart {
		lineStart := paraStart
		if j := strings.LastIndexByte(d.text[limit:start-1], '\n'); j >= 0 {
			lineStart = limit + j + 1
		} else if limit > paraStart {
			return 0, false
		}
		if opensWithDash(strings.TrimLeftFunc(d.text[lineStart:start], spaceLike)) {
			break // the signature of the post before
		}
		start = lineStart
	}
	return start, true
}

// handleOwner returns the full name the article gives the owner of an
// @handle ("@EdgarsKalnins" is Edgars Kalniņš): the one person whose
// surname, with its accents dropped, is a word of the handle (its words
// split at capitals, digits and punctuation: "MartinsOzols_LV"), two words
// run together ("OcasioHart") or the start or end of a first word of eight
// letters or more ("nadineocasiohart.bsky.social"); of several, the one
// whose first name is a word of it or starts it too; else "". The work is
// bounded by the handle's length (maxHandle), not by how many people the
// article names.
func (d *doc) handleOwner(handle string) string {
	if d.foldedSurnames == nil {
		d.foldedSurnames = map[string][]*nameInfo{}
		for _, info := range d.names.byKey {
			if len(info.parts) >= 2 {
				sur := foldASCII(info.parts[len(info.parts)-1])
				d.foldedSurnames[sur] = append(d.foldedSurnames[sur], info)
			}
		}
	}
	words := handleWords(strings.TrimPrefix(handle, "@"))
	if len(words) == 0 {
		return ""
	}
	var keys []string
	for i, w := range words {
		keys = append(keys, w)
		if i+1 < len(words) {
			keys = append(keys, w+words[i+1])
		}
	}
	if len(words[0]) >= 8 {
		// A name run together in one word: "nadineocasiohart.bsky.social".
		for n := 4; n < len(words[0]); n++ {
			keys = append(keys, words[0][:n], words[0][len(words[0])-n:])
		}
	}
	best, bestScore, tie := "", 0, false
	for _, key := range keys {
		for _, info := range d.foldedSurnames[key] {
			score := 1
			if first := foldASCII(info.parts[0]); len(first) >= 2 && (slices.Contains(words, first) || strings.HasPrefix(words[0], first)) {
				score = 2
			}
			switch {
			case score > bestScore:
				best, bestScore, tie = info.name, score, false
			case score == bestScore && info.name != best:
				tie = true
			}
		}
	}
	if tie {
		return ""
	}
	return best
}

// handleWords splits a handle into its words, folded (see foldASCII): at
// punctuation and digits, and where a capital follows a small letter
// ("MartinsOzols_LV" → martins, ozols, lv).
func handleWords(h string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			if w := foldASCII(cur.String()); w != "" {
				words = append(words, w)
			}
			cur.Reset()
		}
	}
	var prev rune
	for _, r := range h {
		switch {
		case !unicode.IsLetter(r):
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			cur.WriteRune(r)
		default:
			cur.WriteRune(r)
		}
		prev = r
	}
	flush()
	return words
}

// foldASCII lower-cases s and keeps only its ASCII letters and digits,
// with accents dropped and the letters that do not decompose spelt out
// ("Kalniņš" → "kalnins", "Wałęsa" → "walesa", "Strauß" → "strauss").
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(asciiSpelling.Replace(s)) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// asciiSpelling spells the Latin letters that have no decomposition.
var asciiSpelling = strings.NewReplacer("ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D",
	"ß", "ss", "æ", "ae", "Æ", "Ae", "œ", "oe", "Œ", "Oe", "þ", "th", "Þ", "Th", "ı", "i")

// maxPostRunes bounds the text taken before a footer whose post does not
// start its paragraph: the length of a long post on the common platforms.
const maxPostRunes = 500

// postTextBefore returns where the text of a post whose footer dash is
// token dash starts, in a paragraph starting at paraStart that holds the
// article's words too (copy pasted without line breaks): the sentences
// just before the dash, back to a colon that introduces them, a sentence
// that names the poster (surname) as narration does, or maxPostRunes.
func (d *doc) postTextBefore(dash, paraStart int, surname string) int {
	start := d.toks[dash].start
	lo := d.tokAt(paraStart)
	sentStart := -1
	for k := dash - 1; k >= lo; k-- {
		if start-d.toks[k].start > maxPostRunes*4 {
			break
		}
		if d.isPunct(k, ":") {
			return d.toks[k].end
		}
		next := k + 1 // the first token of the sentence after a boundary at k
		for next < dash && d.attached(next-1) && (d.isPunct(next, "’") || d.isPunct(next, "'") || d.isPunct(next, "”") || d.isPunct(next, "\"")) {
			next++ // "not a ‘staffing adjustment.’ It’s …"
		}
		boundary := next < dash && d.toks[k].kind == tokPunct && isTerminal(d.tokText(k)) && !d.isAbbrevPeriod(k) &&
			(!d.attached(next-1) || next == k+1 && d.gluedSentence(k, next))
		if boundary || k == lo {
			from := d.toks[k].start
			if boundary {
				from = d.toks[next].start
			}
			if sentStart >= 0 && (strings.Contains(d.text[from:sentStart], surname) || utf8.RuneCountInString(d.text[from:d.toks[dash].start]) > maxPostRunes) {
				return sentStart
			}
			sentStart = from
			start = from
		}
	}
	return start
}

// postCandidates emits one candidate per social post.
func (d *doc) postCandidates() {
	for _, p := range d.posts {
		s, e := d.trimSpan(p.sentStart, p.sentEnd, "")
		if s > p.textStart || e < p.textEnd {
			s, e = p.textStart, p.textEnd
		}
		if strings.HasPrefix(p.name, "@") {
			if owner := d.handleOwner(p.name); owner != "" {
				p.name = owner
			}
		}
		c := Candidate{
			Quote:             d.text[p.textStart:p.textEnd],
			Speaker:           p.name,
			SpeakerConfidence: ConfidenceHigh,
			SaidAt:            p.date,
			DateSource:        DateStated,
			Start:             p.textStart,
			End:               p.textEnd,
			Kind:              KindSocialPost,
		}
		if p.date == nil {
			// A post's date is its own; the article's says nothing of it.
			c.DateSource = DateNone
		}
		d.emit(c, s, e)
	}
}
