package components

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/a-h/templ"

	"claimtracker/views"
)

// Control describes one labelled form control: its field name, label,
// hint and, from Form, the submitted value and error. Pages that hold
// several forms give each control an ID of its own.
type Control struct {
	Form  views.Form
	Name  string // the name the form posts
	Label string
	// ID is the element id; "f-" + Name when empty.
	ID   string
	Hint string
	// Type is an input's type (text when empty).
	Type     string
	Required bool
	// Sometimes marks a field required in some cases only (the hint says
	// which): it is neither marked optional nor required.
	Sometimes    bool
	Autocomplete string
	Placeholder  string
	// List names a <datalist> of suggestions.
	List string
	// Max shows a live character count against this limit.
	Max int
	// Rows is a text area's height in lines.
	Rows int
}

// Option is one choice of a select.
type Option struct {
	Value, Label string
}

func (c Control) id() string {
	if c.ID != "" {
		return c.ID
	}
	return "f-" + c.Name
}

func (c Control) errID() string     { return "e-" + c.id() }
func (c Control) hintID() string    { return "h-" + c.id() }
func (c Control) counterID() string { return "n-" + c.id() }
func (c Control) err() string       { return c.Form.Err(c.Name) }
func (c Control) value() string     { return c.Form.Get(c.Name) }

func (c Control) inputType() string { return inputType(c.Type, c.value()) }

// dir is an input's writing direction: "auto" for text, which may be
// in any script; "ltr" for addresses (URLs and e-mail), which read left to
// right on a right-to-left page too; none for other types.
func (c Control) dir() string { return inputDir(c.inputType()) }

// inputDir is the writing direction of an input of type typ (see
// Control.dir).
func inputDir(typ string) string {
	switch typ {
	case "text":
		return "auto"
	case "url", "email":
		return "ltr"
	}
	return ""
}

// inputType is the type of an input meant to be typ that shows value: typ,
// or text when typ is empty or when value (kept from a refused form) is
// not one that typ allows (see validFor), so that the page stays valid
// HTML and the browser shows what was typed instead of dropping it.
func inputType(typ, value string) string {
	if typ == "" || !validFor(typ, value) {
		return "text"
	}
	return typ
}

// HTML's rules for the values of typed inputs (HTML Living Standard,
// "common microsyntaxes" and the input element's type states).
var (
	validEmail  = regexp.MustCompile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")
	validNumber = regexp.MustCompile(`^-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$`)
)

// validFor reports whether v may be the value attribute of an input of
// type typ: empty, or an absolute URL without spaces (url), an e-mail
// address (email), a date as yyyy-mm-dd (date), a floating-point number
// (number). Other types take any text.
func validFor(typ, v string) bool {
	if v == "" {
		return true
	}
	switch typ {
	case "url":
		u, err := url.Parse(v)
		return err == nil && u.Scheme != "" && !strings.ContainsFunc(v, unicode.IsSpace)
	case "email":
		return validEmail.MatchString(v)
	case "date":
		_, err := time.Parse(time.DateOnly, v)
		return err == nil
	case "number":
		return validNumber.MatchString(v)
	}
	return true
}

// counter is the character count shown under a limited field, in the
// digits of ctx's language (the desk's script counts alike as you type).
func (c Control) counter(ctx context.Context) string {
	return views.Number(ctx, utf8.RuneCountInString(c.value())) + " / " + views.Number(ctx, c.Max)
}

// attrs are the attributes every control element shares.
func (c Control) attrs() templ.Attributes {
	a := templ.Attributes{"id": c.id(), "name": c.Name}
	var describedBy []string
	if c.Hint != "" {
		describedBy = append(describedBy, c.hintID())
	}
	if c.Max > 0 {
		describedBy = append(describedBy, c.counterID())
		a["data-counter"] = c.counterID()
		a["data-max"] = strconv.Itoa(c.Max)
	}
	if c.err() != "" {
		a["aria-invalid"] = "true"
		describedBy = append(describedBy, c.errID())
	}
	if len(describedBy) > 0 {
		a["aria-describedby"] = strings.Join(describedBy, " ")
	}
	if c.Required {
		a["required"] = true
	}
	if c.Autocomplete != "" {
		a["autocomplete"] = c.Autocomplete
	}
	if c.Placeholder != "" {
		a["placeholder"] = c.Placeholder
	}
	if c.List != "" {
		a["list"] = c.List
	}
	if c.Rows > 0 {
		a["rows"] = strconv.Itoa(c.Rows)
	}
	return a
}

// selectAttrs are a select's attributes. HTML allows "required" on a
// select only when its first option is an empty placeholder (HTML Living
// Standard, the select element: "placeholder label option"); a select
// without one always has a choice, so it goes without "required" and its
// label still shows no "optional".
func (c Control) selectAttrs(placeholder string) templ.Attributes {
	a := c.attrs()
	if placeholder == "" {
		delete(a, "required")
	}
	return a
}

// counterClass marks a count that is over the limit.
func (c Control) counterClass() string {
	if utf8.RuneCountInString(c.value()) > c.Max {
		return "counter over"
	}
	return "counter"
}
