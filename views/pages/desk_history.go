package pages

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// HistoryEntry is one audit event as people read it: Who did What, in
// plain words ("Test rev approved version 2 of the verdict"), or, when no
// one person did it, What alone as a sentence ("The verdict was published,
// rated False, once Test rev had approved it.").
type HistoryEntry struct {
	At      time.Time
	Who     string
	What    string
	Changes []Change
}

// Change is one field of an audit event: its value before and after.
// Before is empty for a value that was added, After for one removed.
type Change struct {
	Field         string
	Before, After string
	// Edited is true when the field had a value before and has another now.
	Edited bool
}

// NewHistory turns audit events, oldest first, into readable entries in
// ctx's language: who did what, when, and for each field what it was and
// what it became. names are display names by user id. Numbers that mean
// nothing to people (ids, version counters, how many verdicts a
// publication replaced) are said in words or left out.
func NewHistory(ctx context.Context, events []models.AuditEvent, names map[uint]string) []HistoryEntry {
	out := make([]HistoryEntry, 0, len(events))
	// approvals are the names of those who approved each verdict's
	// version, by verdict id and version, as the events go.
	approvals := map[[2]string][]string{}
	latest := map[string]string{} // the version last approved, by verdict id
	for _, e := range events {
		who := e.Actor
		if e.ActorID != nil {
			if n, ok := names[*e.ActorID]; ok {
				who = n
			}
		}
		_, after := fields(e.After)
		entry := HistoryEntry{At: e.At, Who: who, What: actionLabel(ctx, e.Action), Changes: diff(ctx, e.Before, e.After, hiddenFields[e.Action])}
		switch e.Action {
		case "review.approve":
			key := [2]string{value(after, "verdict_id"), value(after, "version")}
			approvals[key] = append(approvals[key], who)
			latest[key[0]] = key[1]
		case "correction.add":
			if k, ok := after["kind"].(string); ok {
				if what := correctionAdded(ctx, models.CorrectionKind(k)); what != "" {
					entry.What = what
				}
			}
		case "claim.publish":
			// The review quorum publishes: no one person does.
			id := value(after, "verdict_id")
			entry.Who, entry.What = "", published(ctx, show(ctx, "rating", after["rating"], after["rating"] != nil), approvals[[2]string{id, latest[id]}], value(after, "superseded"))
		}
		if v := value(after, "version"); v != "" && versionActions[e.Action] {
			entry.What = views.T(ctx, "desk.history.with_version", "What", entry.What, "Version", number(ctx, v))
		}
		out = append(out, entry)
	}
	return out
}

// correctionAdded says that a correction of kind k was published, or ""
// for a kind it does not know.
func correctionAdded(ctx context.Context, k models.CorrectionKind) string {
	switch k {
	case models.CorrectionClarification:
		return views.T(ctx, "desk.history.correction.clarification")
	case models.CorrectionCorrection:
		return views.T(ctx, "desk.history.correction.correction")
	case models.CorrectionRatingChange:
		return views.T(ctx, "desk.history.correction.rating_change")
	case models.CorrectionRetraction:
		return views.T(ctx, "desk.history.correction.retraction")
	case models.CorrectionUpdate:
		return views.T(ctx, "desk.history.correction.update")
	}
	return ""
}

// published says that a verdict was published: its rating, whose
// approvals published it, and whether it took the place of another.
func published(ctx context.Context, rating string, approvers []string, superseded string) string {
	replaces := superseded != "" && superseded != "0"
	names := AndList(ctx, approvers)
	switch {
	case len(approvers) > 0 && replaces:
		return views.T(ctx, "desk.history.published_approved_replaces", "Rating", rating, "Names", names)
	case len(approvers) > 0:
		return views.T(ctx, "desk.history.published_approved", "Rating", rating, "Names", names)
	case replaces:
		return views.T(ctx, "desk.history.published_replaces", "Rating", rating)
	}
	return views.T(ctx, "desk.history.published", "Rating", rating)
}

// AndList joins words as a sentence of ctx's language lists them: "A",
// "A and B", "A, B and C".
func AndList(ctx context.Context, words []string) string {
	return joinList(ctx, "desk.list.and", words)
}

// OrList joins words as alternatives: "A", "A or B", "A, B or C".
func OrList(ctx context.Context, words []string) string {
	return joinList(ctx, "desk.list.or", words)
}

// joinList joins words with the list separator of ctx's language, the
// last two with the message id ({{.Items}} and {{.Last}}). The message
// also learns the sound the last word begins with ({{.LastSound}}: "i",
// "o" or ""), for languages whose conjunction changes before it: Spanish
// writes "e" for "y" and "u" for "o" there (RAE, Ortografía 2010).
func joinList(ctx context.Context, id string, words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	head := strings.Join(words[:len(words)-1], views.T(ctx, "desk.list.separator"))
	last := words[len(words)-1]
	return views.T(ctx, id, "Items", head, "Last", last, "LastSound", openingSound(last))
}

// openingSound is "i" when s (past any quotation marks) begins with the
// vowel sound i (i, í, hi, hí, but not a diphthong as in hielo or iodo),
// "o" when it begins with the sound o (o, ó, ho, hó, or a number read
// "ocho…" or "once": 8…, 11), and "" otherwise.
func openingSound(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	w := []rune(strings.ToLower(s))
	if len(w) > 0 && w[0] == '8' || len(w) >= 2 && w[0] == '1' && w[1] == '1' && (len(w) == 2 || !unicode.IsDigit(w[2])) {
		return "o"
	}
	if len(w) > 0 && w[0] == 'h' {
		w = w[1:]
	}
	if len(w) == 0 {
		return ""
	}
	switch unaccented(w[0]) {
	case 'i':
		if len(w) >= 2 && strings.ContainsRune("aeou", unaccented(w[1])) {
			return ""
		}
		return "i"
	case 'o':
		return "o"
	}
	return ""
}

// unaccented is the vowel r without its accent (í → i, ó → o).
func unaccented(r rune) rune {
	switch r {
	case 'á':
		return 'a'
	case 'é':
		return 'e'
	case 'í', 'ì', 'ï':
		return 'i'
	case 'ó', 'ò', 'ö':
		return 'o'
	case 'ú', 'ü':
		return 'u'
	}
	return r
}

// number writes a whole number given as text in the digits of ctx's
// language; anything else is left as it is.
func number(ctx context.Context, s string) string {
	if n, err := strconv.Atoi(s); err == nil {
		return views.Number(ctx, n)
	}
	return s
}

// value is the JSON value of key in vals as text, or "".
func value(vals map[string]any, key string) string {
	v, ok := vals[key]
	if !ok || v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// actionLabel says what an action did, in ctx's language: "logged the
// claim". An action it does not know is said with its code's words.
func actionLabel(ctx context.Context, a string) string {
	switch a {
	case "claim.create":
		return views.T(ctx, "desk.history.action.claim_create")
	case "claim.update":
		return views.T(ctx, "desk.history.action.claim_update")
	case "claim.triage":
		return views.T(ctx, "desk.history.action.claim_triage")
	case "claim.research":
		return views.T(ctx, "desk.history.action.claim_research")
	case "note.add":
		return views.T(ctx, "desk.history.action.note_add")
	case "claim.publish":
		return views.T(ctx, "desk.history.action.claim_publish")
	case "claim.retract":
		return views.T(ctx, "desk.history.action.claim_retract")
	case "claim.article_delete":
		return views.T(ctx, "desk.history.action.claim_article_delete")
	case "source.add":
		return views.T(ctx, "desk.history.action.source_add")
	case "source.update":
		return views.T(ctx, "desk.history.action.source_update")
	case "source.delete":
		return views.T(ctx, "desk.history.action.source_delete")
	case "verdict.propose":
		return views.T(ctx, "desk.history.action.verdict_propose")
	case "verdict.revise":
		return views.T(ctx, "desk.history.action.verdict_revise")
	case "review.approve":
		return views.T(ctx, "desk.history.action.review_approve")
	case "review.request_changes":
		return views.T(ctx, "desk.history.action.review_request_changes")
	case "correction.add":
		return views.T(ctx, "desk.history.action.correction_add")
	case "claim.speaker_merge":
		return views.T(ctx, "desk.history.action.claim_speaker_merge")
	case "person.create":
		return views.T(ctx, "desk.history.action.person_create")
	case "person.update":
		return views.T(ctx, "desk.history.action.person_update")
	case "person.merge":
		return views.T(ctx, "desk.history.action.person_merge")
	case "person.delete":
		return views.T(ctx, "desk.history.action.person_delete")
	case "update.open":
		return views.T(ctx, "desk.history.action.update_open")
	case "update.save":
		return views.T(ctx, "desk.history.action.update_save")
	case "update.submit":
		return views.T(ctx, "desk.history.action.update_submit")
	case "update.withdraw":
		return views.T(ctx, "desk.history.action.update_withdraw")
	}
	return strings.ReplaceAll(a, ".", " ")
}

// versionActions are the actions said with the verdict's version
// ("approved the verdict, version 2").
var versionActions = map[string]bool{"verdict.revise": true, "review.approve": true, "review.request_changes": true}

// hiddenFields are, by action, the fields its sentence says already or
// that mean nothing to people; ids are never listed.
var hiddenFields = map[string][]string{
	"claim.publish":          {"verdict_id", "rating", "superseded", "update_id"},
	"claim.retract":          {"status"},
	"claim.research":         {"status"},
	"correction.add":         {"kind"},
	"verdict.propose":        {"status", "version"},
	"verdict.revise":         {"status", "version"},
	"review.approve":         {"verdict_id", "version", "decision"},
	"review.request_changes": {"verdict_id", "version", "decision"},
}

// fieldLabel names a field of an audit event in ctx's language; a field
// it does not know is said with its code's words.
func fieldLabel(ctx context.Context, k string) string {
	switch k {
	case "text":
		return views.T(ctx, "desk.history.field.text")
	case "summary":
		return views.T(ctx, "desk.field.summary")
	case "speaker":
		return views.T(ctx, "desk.field.speaker")
	case "said_at":
		return views.T(ctx, "desk.field.said_on")
	case "setting":
		return views.T(ctx, "desk.field.setting")
	case "appearance_url":
		return views.T(ctx, "desk.history.field.appearance_url")
	case "appearances":
		return views.T(ctx, "desk.field.appearances")
	case "tags":
		return views.T(ctx, "desk.field.tags")
	case "url":
		return views.T(ctx, "desk.field.address")
	case "title":
		return views.T(ctx, "desk.field.title")
	case "outlet":
		return views.T(ctx, "desk.field.outlet")
	case "published_at":
		return views.T(ctx, "desk.field.published_on")
	case "kind":
		return views.T(ctx, "desk.field.kind")
	case "stance":
		return views.T(ctx, "desk.history.field.stance")
	case "excerpt":
		return views.T(ctx, "desk.field.excerpt")
	case "locator":
		return views.T(ctx, "desk.field.locator")
	case "rating":
		return views.T(ctx, "desk.field.rating")
	case "headline":
		return views.T(ctx, "desk.field.headline")
	case "explanation":
		return views.T(ctx, "desk.field.explanation")
	case "status":
		return views.T(ctx, "desk.history.field.status")
	case "version":
		return views.T(ctx, "desk.history.field.version")
	case "decision":
		return views.T(ctx, "desk.history.field.decision")
	case "comment":
		return views.T(ctx, "desk.field.comment")
	case "note":
		return views.T(ctx, "desk.history.field.note")
	case "name":
		return views.T(ctx, "desk.field.name")
	case "slug":
		return views.T(ctx, "desk.history.field.slug")
	case "affiliation":
		return views.T(ctx, "desk.field.affiliation")
	case "description":
		return views.T(ctx, "desk.field.description")
	case "claims":
		return views.T(ctx, "desk.history.field.claims")
	case "sources":
		return views.T(ctx, "desk.claim.sources")
	case "language":
		return views.T(ctx, "content.language.label")
	case "verdict_language":
		return views.T(ctx, "desk.history.field.verdict_language")
	case "assignee":
		return views.T(ctx, "desk.field.assignee")
	case "due_on":
		return views.T(ctx, "desk.field.due_on")
	case "priority":
		return views.T(ctx, "desk.field.priority")
	case "mentioned":
		return views.T(ctx, "desk.history.field.mentioned")
	}
	return humanize(k)
}

// enumFields hold codes such as "news_report", shown as "News report".
var enumFields = map[string]bool{"kind": true, "stance": true, "status": true, "decision": true, "rating": true, "priority": true}

// dateFields hold YYYY-MM-DD dates, shown as "10 Jan 2017".
var dateFields = map[string]bool{"said_at": true, "published_at": true, "due_on": true}

// diff compares two JSON objects field by field, in the order they were
// written, leaving out ids and the fields in hide. An edit (both sides
// present) lists only the fields that changed.
func diff(ctx context.Context, before, after string, hide []string) []Change {
	bKeys, bVals := fields(before)
	aKeys, aVals := fields(after)
	keys := aKeys
	for _, k := range bKeys {
		if _, ok := aVals[k]; !ok {
			keys = append(keys, k)
		}
	}
	edit := before != "" && after != ""
	var out []Change
	for _, k := range keys {
		if k == "id" || strings.HasSuffix(k, "_id") || slices.Contains(hide, k) {
			continue
		}
		b, hadB := bVals[k]
		a, hadA := aVals[k]
		bs, as := show(ctx, k, b, hadB), show(ctx, k, a, hadA)
		if edit && bs == as {
			continue
		}
		if !edit && (bs+as == "" || bs+as == "0") {
			continue // nothing worth saying on a creation or removal
		}
		out = append(out, Change{Field: fieldLabel(ctx, k), Before: bs, After: as, Edited: bs != "" && as != ""})
	}
	return out
}

// fields decodes a JSON object, keeping the order of its keys. Anything
// else (empty, not an object) has no fields.
func fields(s string) ([]string, map[string]any) {
	vals := map[string]any{}
	if s == "" {
		return nil, vals
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, vals
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return keys, vals
		}
		k, _ := tok.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return keys, vals
		}
		keys = append(keys, k)
		vals[k] = v
	}
	return keys, vals
}

// show writes a JSON value for people, in ctx's language; "" when absent
// or empty.
func show(ctx context.Context, field string, v any, present bool) string {
	if !present || v == nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		if enumFields[field] {
			return enumWord(ctx, x)
		}
		if dateFields[field] {
			return calendarDay(ctx, x)
		}
		return x
	case bool:
		return components.YesNo(ctx, x)
	case json.Number:
		return number(ctx, x.String())
	case []any:
		parts := make([]string, 0, len(x))
		sep := views.T(ctx, "desk.list.separator")
		for _, e := range x {
			if _, ok := e.(map[string]any); ok {
				sep = "\n" // objects, such as appearances, one a line
			}
			parts = append(parts, show(ctx, field, e, true))
		}
		return strings.Join(parts, sep)
	case map[string]any:
		if s, ok := showAppearance(ctx, x); ok {
			return s
		}
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(buf.String())
}

// showAppearance writes a recorded appearance ({"url", "date", "where"})
// as "Senate confirmation hearing, 10 Jan 2017: https://…"; ok is false
// for any other object.
func showAppearance(ctx context.Context, x map[string]any) (string, bool) {
	u, isURL := x["url"].(string)
	if !isURL {
		return "", false
	}
	for k, v := range x {
		if _, isText := v.(string); !isText || (k != "url" && k != "date" && k != "where") {
			return "", false
		}
	}
	where, _ := x["where"].(string)
	var label string
	switch d, _ := x["date"].(string); {
	case where != "" && d != "":
		label = views.T(ctx, "desk.appearance.article", "Outlet", where, "Date", calendarDay(ctx, d))
	case d != "":
		label = calendarDay(ctx, d)
	default:
		label = where
	}
	if label == "" {
		return u, true
	}
	return label + ": " + u, true
}

// calendarDay writes a date kept as YYYY-MM-DD (models.DateLayout) as
// components.Day does, "10 Jan 2017" in ctx's language; anything else is
// left as it is.
func calendarDay(ctx context.Context, s string) string {
	t, err := time.Parse(models.DateLayout, s)
	if err != nil {
		return s
	}
	return components.Day(ctx, &t)
}

// enumWord names a code that an audit event holds (a kind of source or of
// correction, a stance, a status, a decision) in ctx's language; other
// codes, such as a rating's slug, are written as words ("mostly-false" as
// "Mostly false").
func enumWord(ctx context.Context, code string) string {
	switch code {
	case "transcript", "official_record", "news_report", "statement", "social_post", "dataset", "other":
		return components.SourceKindLabel(ctx, models.SourceKind(code))
	case "clarification", "correction", "rating_change", "retraction", "update":
		return components.CorrectionKindLabel(ctx, models.CorrectionKind(code))
	case "supports", "contradicts", "context":
		return components.StanceLabel(ctx, models.Stance(code))
	case "person", "organization":
		return components.SpeakerKindLabel(ctx, models.PersonKind(code))
	case "draft", "researching", "in_review", "published", "retracted":
		return components.ClaimStatusLabel(ctx, models.ClaimStatus(code))
	case "low", "normal", "high", "urgent":
		return components.PriorityLabel(ctx, models.Priority(code))
	case "changes_requested", "superseded":
		return components.VerdictStatusLabel(ctx, models.VerdictStatus(code))
	case "approve", "request_changes":
		return components.DecisionLabel(ctx, models.Decision(code))
	}
	return humanize(code)
}

// humanize turns a code such as "news_report" into "News report".
func humanize(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "_", " "), "-", " ")
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
