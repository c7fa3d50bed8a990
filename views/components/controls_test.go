package components

import (
	"context"
	"strings"
	"testing"

	"claimtracker/views"
)

// A required select is marked required only when its first option is an
// empty placeholder, as HTML allows; without one a choice is always made
// and the attribute is left off (the Nu HTML checker rejects it). The
// label shows no "optional" either way.
func TestRequiredSelectNeedsAPlaceholder(t *testing.T) {
	opts := []Option{{Value: "person", Label: "A person"}, {Value: "organization", Label: "An organisation"}}
	for _, tc := range []struct {
		placeholder string
		required    bool
	}{{"", false}, {"Choose…", true}} {
		var b strings.Builder
		c := Control{Form: views.Form{}, Name: "speaker_kind", Label: "The speaker is", Required: true}
		if err := Select(c, tc.placeholder, opts).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		sel := html[strings.Index(html, "<select"):]
		sel = sel[:strings.Index(sel, ">")]
		if got := strings.Contains(sel, " required"); got != tc.required {
			t.Errorf("placeholder %q: %s, want required %v", tc.placeholder, sel, tc.required)
		}
		if strings.Contains(html, "optional") {
			t.Errorf("placeholder %q: a required select's label says optional: %s", tc.placeholder, html)
		}
	}
}

// A typed input that a refused form gives back with a value its type does
// not allow (two URLs pasted into one field, a date that does not exist)
// becomes a text input: the page stays valid HTML and the browser shows
// what was typed instead of dropping it. Valid values keep their type.
func TestTypedInputKeepsWhatWasTyped(t *testing.T) {
	for _, tc := range []struct {
		typ, value, want string
	}{
		{"url", "", "url"},
		{"url", "https://example.org/a?b=c", "url"},
		{"url", "not a url", "text"},
		{"url", "https://example.org/a https://example.org/b", "text"},
		{"url", "example.org", "text"},
		{"date", "2017-01-10", "date"},
		{"date", "2017-02-30", "text"},
		{"date", "10 January 2017", "text"},
		{"email", "ed@example.org", "email"},
		{"email", "not an address", "text"},
		{"number", "2", "number"},
		{"number", "-1.5e3", "number"},
		{"number", "two", "text"},
		{"number", "+2", "text"},
		{"", "anything", "text"},
	} {
		var b strings.Builder
		c := Control{Form: views.Form{Values: map[string]string{"f": tc.value}}, Name: "f", Label: "F", Type: tc.typ}
		if err := Input(c).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if want := `<input type="` + tc.want + `"`; !strings.Contains(b.String(), want) {
			t.Errorf("type %q, value %q: %s, want %s", tc.typ, tc.value, b.String(), want)
		}
		if tc.value != "" && !strings.Contains(b.String(), `value="`+tc.value+`"`) {
			t.Errorf("type %q, value %q: the value is not kept: %s", tc.typ, tc.value, b.String())
		}
	}
	// The simple labelled field of the sign-in and account forms follows
	// the same rule.
	for value, want := range map[string]string{"ed@example.org": "email", "not an address": "text"} {
		var b strings.Builder
		if err := Field(views.Form{Values: map[string]string{"email": value}}, "email", "Email", "email", "username", "").Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), `type="`+want+`" value="`+value+`"`) {
			t.Errorf("field with %q: %s, want type %s", value, b.String(), want)
		}
	}
}
