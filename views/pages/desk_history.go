package pages

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"claimtracker/models"
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

// NewHistory turns audit events, oldest first, into readable entries: who
// did what, when, and for each field what it was and what it became.
// names are display names by user id. Numbers that mean nothing to people
// (ids, version counters, how many verdicts a publication replaced) are
// said in words or left out.
func NewHistory(events []models.AuditEvent, names map[uint]string) []HistoryEntry {
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
		entry := HistoryEntry{At: e.At, Who: who, What: actionLabel(e.Action), Changes: diff(e.Before, e.After, hiddenFields[e.Action])}
		switch e.Action {
		case "review.approve":
			key := [2]string{value(after, "verdict_id"), value(after, "version")}
			approvals[key] = append(approvals[key], who)
			latest[key[0]] = key[1]
		case "correction.add":
			if k := show("kind", after["kind"], after["kind"] != nil); k != "" {
				entry.What = "published a " + strings.ToLower(k)
			}
		case "claim.publish":
			// The review quorum publishes: no one person does.
			id := value(after, "verdict_id")
			entry.Who, entry.What = "", published(show("rating", after["rating"], after["rating"] != nil), approvals[[2]string{id, latest[id]}], value(after, "superseded"))
		}
		if v := value(after, "version"); v != "" && versionActions[e.Action] {
			entry.What += ", version " + v
		}
		out = append(out, entry)
	}
	return out
}

// published says that a verdict was published: its rating, whose
// approvals published it, and whether it took the place of another.
func published(rating string, approvers []string, superseded string) string {
	s := "The verdict was published"
	if rating != "" {
		s += ", rated " + rating
	}
	if len(approvers) > 0 {
		s += ", once " + andList(approvers) + " had approved it"
	}
	if superseded != "" && superseded != "0" {
		s += "; it replaces the verdict published before"
	}
	return s + "."
}

// andList joins names as people list them: "A", "A and B", "A, B and C".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// value is the JSON value of key in vals as text, or "".
func value(vals map[string]any, key string) string {
	v, ok := vals[key]
	if !ok || v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

var actionLabels = map[string]string{
	"claim.create":           "logged the claim",
	"claim.update":           "edited the claim",
	"claim.publish":          "published the verdict",
	"claim.retract":          "retracted the fact-check",
	"claim.article_delete":   "deleted the article the claim was found in",
	"source.add":             "added a source",
	"source.update":          "edited a source",
	"source.delete":          "removed a source",
	"verdict.propose":        "proposed a verdict",
	"verdict.revise":         "revised the verdict",
	"review.approve":         "approved the verdict",
	"review.request_changes": "sent the verdict back for changes",
	"correction.add":         "published a correction",
	"claim.speaker_merge":    "merged the claim's speaker into another",
	"person.create":          "logged the speaker",
	"person.update":          "edited the speaker",
	"person.merge":           "merged another speaker into this one",
	"person.delete":          "deleted the speaker",
	"update.open":            "opened an update of the published fact-check",
	"update.save":            "edited the update",
	"update.submit":          "sent the update to review",
	"update.withdraw":        "withdrew the update",
}

// versionActions are the actions said with the verdict's version
// ("approved the verdict, version 2").
var versionActions = map[string]bool{"verdict.revise": true, "review.approve": true, "review.request_changes": true}

// hiddenFields are, by action, the fields its sentence says already or
// that mean nothing to people; ids are never listed.
var hiddenFields = map[string][]string{
	"claim.publish":          {"verdict_id", "rating", "superseded", "update_id"},
	"claim.retract":          {"status"},
	"correction.add":         {"kind"},
	"verdict.propose":        {"status", "version"},
	"verdict.revise":         {"status", "version"},
	"review.approve":         {"verdict_id", "version", "decision"},
	"review.request_changes": {"verdict_id", "version", "decision"},
}

func actionLabel(a string) string {
	if l, ok := actionLabels[a]; ok {
		return l
	}
	return strings.ReplaceAll(a, ".", " ")
}

var fieldLabels = map[string]string{
	"text": "Words", "summary": "Summary", "speaker": "Speaker", "said_at": "Said on", "setting": "Setting",
	"appearance_url": "Appearance", "appearances": "Where the claim appeared", "tags": "Tags", "url": "Address", "title": "Title", "outlet": "Outlet",
	"published_at": "Published on", "kind": "Kind", "stance": "Stance", "excerpt": "Excerpt", "locator": "Where in the source",
	"rating": "Rating", "headline": "Headline", "explanation": "Explanation", "status": "Status", "version": "Version",
	"decision": "Decision", "comment": "Comment", "note": "Note", "language": "Language", "verdict_language": "Language of the verdict",
	"name": "Name", "slug": "Page address", "affiliation": "Affiliation", "description": "Description", "claims": "Claims moved",
	"sources": "Sources",
}

// enumFields hold codes such as "news_report", shown as "News report".
var enumFields = map[string]bool{"kind": true, "stance": true, "status": true, "decision": true, "rating": true}

// dateFields hold YYYY-MM-DD dates, shown as "10 Jan 2017".
var dateFields = map[string]bool{"said_at": true, "published_at": true}

// diff compares two JSON objects field by field, in the order they were
// written, leaving out ids and the fields in hide. An edit (both sides
// present) lists only the fields that changed.
func diff(before, after string, hide []string) []Change {
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
		bs, as := show(k, b, hadB), show(k, a, hadA)
		if edit && bs == as {
			continue
		}
		if !edit && (bs+as == "" || bs+as == "0") {
			continue // nothing worth saying on a creation or removal
		}
		out = append(out, Change{Field: fieldLabel(k), Before: bs, After: as, Edited: bs != "" && as != ""})
	}
	return out
}

func fieldLabel(k string) string {
	if l, ok := fieldLabels[k]; ok {
		return l
	}
	return humanize(k)
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

// show writes a JSON value for people; "" when absent or empty.
func show(field string, v any, present bool) string {
	if !present || v == nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		if enumFields[field] {
			return humanize(x)
		}
		if dateFields[field] {
			if t, err := time.Parse(models.DateLayout, x); err == nil {
				return t.Format("2 Jan 2006")
			}
		}
		return x
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case json.Number:
		return x.String()
	case []any:
		parts := make([]string, 0, len(x))
		sep := ", "
		for _, e := range x {
			if _, ok := e.(map[string]any); ok {
				sep = "\n" // objects, such as appearances, one a line
			}
			parts = append(parts, show(field, e, true))
		}
		return strings.Join(parts, sep)
	case map[string]any:
		if s, ok := showAppearance(x); ok {
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
func showAppearance(x map[string]any) (string, bool) {
	u, isURL := x["url"].(string)
	if !isURL {
		return "", false
	}
	var label []string
	for k, v := range x {
		if s, isText := v.(string); !isText || (k != "url" && k != "date" && k != "where") {
			return "", false
		} else if k == "where" && s != "" {
			label = append([]string{s}, label...)
		}
	}
	if d, _ := x["date"].(string); d != "" {
		label = append(label, show("published_at", d, true))
	}
	if len(label) == 0 {
		return u, true
	}
	return strings.Join(label, ", ") + ": " + u, true
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
