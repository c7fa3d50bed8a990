package models

import (
	"strings"
	"time"
	"unicode/utf8"

	"claimtracker/input"
)

// DateLayout is how dates travel in forms and the API: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// text trims s (white space, and invisible characters such as a byte
// order mark or a zero-width space: input.TrimInvisible) and checks it against required and max (in characters).
// It also applies the input policy of a field of that name (input.Clean
// with input.FieldKind: NFC, bidi controls dropped from single-line
// fields; invalid UTF-8, control characters, and line breaks and tabs in
// single-line fields refused): the HTTP layer applies it where it decodes
// requests, and this keeps such text out whatever the caller (command
// line, demo).
func (v *Validator) text(field string, s *string, required bool, max int) {
	clean, bad := input.Clean(*s, input.FieldKind(field))
	*s = input.TrimInvisible(clean)
	switch {
	case required && *s == "":
		v.Fail(field, ReasonRequired)
	case bad != nil:
		v.Fail(field, InputReason(bad))
	case utf8.RuneCountInString(*s) > max:
		v.Fail(field, ReasonMaxChars(max))
	}
}

// url trims s and checks it with input.URL, the one URL check: an absolute
// http or https URL, at most input.MaxURL bytes.
func (v *Validator) url(field string, s *string, required bool) {
	*s = strings.TrimSpace(*s)
	if *s == "" {
		if required {
			v.Fail(field, ReasonRequired)
		}
		return
	}
	u, err := input.URL(*s)
	if err != nil {
		v.Fail(field, InputReason(err))
		return
	}
	*s = u
}

// date parses an optional YYYY-MM-DD date. A bad one fails field, and so
// does one after today, the newsroom's calendar day (see Store.today): no
// claim was said, and nothing was published, on a day still to come, and a
// later date would put a claim's timeline out of order.
func (v *Validator) date(field, s string, today time.Time) *time.Time {
	t := v.day(field, s)
	if t == nil {
		return nil
	}
	if t.After(today) {
		v.Fail(field, NewReason("reasons.date_future", "must not be after today ({{.Today}})", "Today", today))
		return nil
	}
	return t
}

// Day parses an optional YYYY-MM-DD calendar day, as day does: a bad one
// fails field; "" is nil.
func (v *Validator) Day(field, s string) *time.Time { return v.day(field, s) }

// day parses an optional YYYY-MM-DD calendar day between the years 1000
// and 9999; a bad one fails field. "" is nil.
func (v *Validator) day(field, s string) *time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		v.Fail(field, NewReason("reasons.date_format", "must be a date like 2017-01-10"))
		return nil
	}
	if t.Year() < 1000 || t.Year() > 9999 {
		// Years as text: a year is written without grouping in every language.
		v.Fail(field, NewReason("reasons.date_years", "must be a date between the years {{.From}} and {{.To}}", "From", "1000", "To", "9999"))
		return nil
	}
	return &t
}

// FormatDate writes an optional date as YYYY-MM-DD, or "".
func FormatDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(DateLayout)
}
