package models

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// DateLayout is how dates travel in forms and the API: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// text trims s and checks it against required and max (in characters).
func (v *Validator) text(field string, s *string, required bool, max int) {
	*s = strings.TrimSpace(*s)
	switch {
	case required && *s == "":
		v.Fail(field, "is required")
	case !utf8.ValidString(*s):
		v.Fail(field, "must be valid text")
	case utf8.RuneCountInString(*s) > max:
		v.Fail(field, "must be at most "+strconv.Itoa(max)+" characters")
	}
}

// url trims s and checks that it is an absolute http or https URL.
func (v *Validator) url(field string, s *string, required bool) {
	*s = strings.TrimSpace(*s)
	if *s == "" {
		if required {
			v.Fail(field, "is required")
		}
		return
	}
	if len(*s) > 2000 {
		v.Fail(field, "must be at most 2000 characters")
		return
	}
	u, err := url.Parse(*s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.Fail(field, "must be an http or https URL")
	}
}

// date parses an optional YYYY-MM-DD date; a bad one fails field.
func (v *Validator) date(field, s string) *time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		v.Fail(field, "must be a date like 2017-01-10")
		return nil
	}
	if t.Year() < 1000 || t.Year() > 9999 {
		v.Fail(field, "must be a date between the years 1000 and 9999")
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
