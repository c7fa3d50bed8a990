package models

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"claimtracker/input"
)

// Reason says, in words for people, why the server refused something: a
// field's value (ValidationError) or an action in an object's present state
// (ConflictError). It is a message of the reasons catalogue
// (i18n/locales/reasons.LANG.toml) and the values that message names:
//
//   - ID is the message's id there, a "reasons." key such as
//     "reasons.max_chars" (the name of a status, which a reason may hold,
//     is the desk's or the admin's word instead: see ClaimStatus.Label);
//   - English is the English message, written like the catalogue's (a Go
//     text/template where only {{.Name}} placeholders appear, e.g. "must be
//     at most {{.Max}} characters"), so that models need no catalogue and
//     the JSON API answers in English (String); a test keeps the two equal;
//   - Data are the values of the placeholders by name: an int (a number,
//     written in the reader's numerals on pages), a float64 (a number with
//     one decimal, 1.5), a time.Time (a calendar day), a string (shown as
//     it is: a year, a character code, a name), or a Reason (a message
//     inside the message, in the same language).
//
// A plural reason (Count set by NewCountReason) has CLDR plural forms in
// the catalogue; in English, EnglishOne is the form for a count of 1 and
// English the form for every other count, both with {{.Count}}.
//
// Field reasons are phrased to follow the field's name: "is required",
// "must be at most 300 characters". Pages translate a reason with the
// handlers' reason renderer; nothing here knows of languages.
type Reason struct {
	ID      string
	English string
	Data    map[string]any
	// EnglishOne is the English message for a count of 1, for a plural
	// reason only.
	EnglishOne string
	// Count is the number a plural reason counts; Plural marks such a
	// reason (a count of 0 is a count too).
	Count  int
	Plural bool
}

// NewReason makes a reason from its catalogue id, its English message and
// the values the message names, as pairs: "Max", 300, "Today", t. Write id
// and english as string literals at the call, so that the catalogue test
// finds them. An odd pair or a name that is not a string panics: that is a
// mistake in the code, not in the input.
func NewReason(id, english string, pairs ...any) Reason {
	return Reason{ID: id, English: english, Data: reasonData(pairs)}
}

// NewCountReason makes a plural reason: one is the English message for a
// count of 1, other for every other count; both may name {{.Count}} and the
// values in pairs.
func NewCountReason(id string, count int, one, other string, pairs ...any) Reason {
	return Reason{ID: id, English: other, EnglishOne: one, Count: count, Plural: true, Data: reasonData(pairs)}
}

func reasonData(pairs []any) map[string]any {
	if len(pairs) == 0 {
		return nil
	}
	if len(pairs)%2 != 0 {
		panic(fmt.Sprintf("reason: odd number of values: %v", pairs))
	}
	data := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		name, ok := pairs[i].(string)
		if !ok {
			panic(fmt.Sprintf("reason: value name %v is not a string", pairs[i]))
		}
		data[name] = pairs[i+1]
	}
	return data
}

// String is the reason in English, its placeholders filled: numbers in
// ASCII digits without grouping, days as "2 January 2006", a reason inside
// it in English.
func (r Reason) String() string {
	msg := r.English
	if r.Plural && r.Count == 1 && r.EnglishOne != "" {
		msg = r.EnglishOne
	}
	if !strings.Contains(msg, "{{") {
		return msg
	}
	pairs := make([]string, 0, 2*len(r.Data)+2)
	if r.Plural {
		pairs = append(pairs, "{{.Count}}", strconv.Itoa(r.Count))
	}
	for name, v := range r.Data {
		pairs = append(pairs, "{{."+name+"}}", englishValue(v))
	}
	return strings.NewReplacer(pairs...).Replace(msg)
}

// englishValue writes one value of a reason's data in English.
func englishValue(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case time.Time:
		return v.Format("2 January 2006")
	case Reason:
		return v.String()
	}
	return fmt.Sprint(v)
}

// The reasons that several checks give.
var (
	// ReasonRequired: the field was left empty.
	ReasonRequired = NewReason("reasons.required", "is required")
	// ReasonWholeNumber: the field is not a whole number.
	ReasonWholeNumber = NewReason("reasons.whole_number", "must be a whole number")
	// ReasonPersonOrOrganization: a speaker's kind is neither.
	ReasonPersonOrOrganization = NewReason("reasons.person_or_organization", "must be person or organization")
	// ReasonRole: not one of the roles.
	ReasonRole = NewReason("reasons.role", "must be editor, reviewer or admin")
	// ReasonWrongPassword: the current password given is not the account's.
	ReasonWrongPassword = NewReason("reasons.not_right", "is not right")
	// ReasonPasswordMismatch: the password typed again differs.
	ReasonPasswordMismatch = NewReason("reasons.password_mismatch", "does not match the new password")
)

// ReasonMaxChars says that a text is longer than max characters.
func ReasonMaxChars(max int) Reason {
	return NewReason("reasons.max_chars", "must be at most {{.Max}} characters", "Max", max)
}

// ReasonMinChars says that a text is shorter than min characters.
func ReasonMinChars(min int) Reason {
	return NewReason("reasons.min_chars", "must be at least {{.Min}} characters", "Min", min)
}

// ReasonMaxItems says that a list holds more than max items.
func ReasonMaxItems(max int) Reason {
	return NewReason("reasons.max_items", "must be at most {{.Max}}", "Max", max)
}

// ReasonNumberRange says that a number is not a whole number from min to
// max.
func ReasonNumberRange(min, max int) Reason {
	return NewReason("reasons.number_range", "must be a whole number from {{.Min}} to {{.Max}}", "Min", min, "Max", max)
}

// ReasonNumberFrom says that a number is not a whole number from min.
func ReasonNumberFrom(min int) Reason {
	return NewReason("reasons.number_from", "must be a whole number from {{.Min}}", "Min", min)
}

// InputReason is the reason for err, a refusal of the input policy (an
// *input.Error from input.Check, input.Clean or input.URL). The refused
// character is named by its code point, U+0000. Any other error, which the
// policy does not give, is a reason that says the text was not accepted.
func InputReason(err error) Reason {
	var ie *input.Error
	if !errors.As(err, &ie) {
		return NewReason("reasons.not_accepted", "is not accepted")
	}
	switch ie.Problem {
	case input.BadEncoding:
		return NewReason("reasons.bad_encoding", "must be valid UTF-8 text")
	case input.LineBreak:
		return NewReason("reasons.line_break", "must be a single line")
	case input.NotWebURL:
		return NewReason("reasons.web_url", "must be an http or https URL")
	case input.TooLong:
		return ReasonMaxChars(input.MaxURL)
	case input.SpaceInURL:
		if unicode.IsSpace(ie.Rune) {
			return NewReason("reasons.url_spaces", "must be a single http or https URL, without spaces")
		}
		return NewReason("reasons.invisible_char", "must not contain invisible characters ({{.Char}})", "Char", codePoint(ie.Rune))
	}
	return NewReason("reasons.control_char", "must not contain control characters ({{.Char}})", "Char", codePoint(ie.Rune))
}

// codePoint names a character as Unicode does: U+0000.
func codePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }

// ValidationError lists the input fields that were refused and why.
type ValidationError struct {
	Fields map[string]Reason
}

// Invalid is a *ValidationError refusing one field for why.
func Invalid(field string, why Reason) *ValidationError {
	return &ValidationError{Fields: map[string]Reason{field: why}}
}

// Error lists the fields in a stable order, each with its reason in
// English.
func (e *ValidationError) Error() string {
	names := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, 0, len(names))
	for _, n := range names {
		parts = append(parts, n+": "+e.Fields[n].String())
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Validator collects field errors as input is checked.
type Validator struct {
	fields map[string]Reason
}

// Fail records why field is refused; the first reason per field wins.
func (v *Validator) Fail(field string, why Reason) {
	if v.fields == nil {
		v.fields = map[string]Reason{}
	}
	if _, ok := v.fields[field]; !ok {
		v.fields[field] = why
	}
}

// Check records why when ok is false.
func (v *Validator) Check(ok bool, field string, why Reason) {
	if !ok {
		v.Fail(field, why)
	}
}

// absorb records the refused fields of err, a *ValidationError, and
// returns nil; any other error is returned as it is.
func (v *Validator) absorb(err error) error {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	for field, why := range ve.Fields {
		v.Fail(field, why)
	}
	return nil
}

// Err returns a *ValidationError when any field failed, else nil.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: v.fields}
}

// FieldReasons returns the refused fields of err and their reasons, or nil
// when err is not a validation error. Pages show them in the reader's
// language.
func FieldReasons(err error) map[string]Reason {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return nil
}

// FieldErrors returns the refused fields of err and their reasons in
// English, as the JSON API gives them, or nil when err is not a validation
// error.
func FieldErrors(err error) map[string]string {
	reasons := FieldReasons(err)
	if reasons == nil {
		return nil
	}
	out := make(map[string]string, len(reasons))
	for field, why := range reasons {
		out[field] = why.String()
	}
	return out
}

// ReasonNotLoggedArticle: an article id that names no logged article.
var ReasonNotLoggedArticle = NewReason("reasons.not_logged_article", "is not a logged article")

// idText writes an object's id inside a reason: as text, so that no
// language groups its digits.
func idText(id uint) string { return strconv.FormatUint(uint64(id), 10) }

// ReasonInterfaceLanguage: a tag that names none of the interface
// languages.
var ReasonInterfaceLanguage = NewReason("reasons.interface_language", "must be one of the interface languages")
