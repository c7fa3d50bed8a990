package input_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"claimtracker/input"
)

func TestCleanRefuses(t *testing.T) {
	cases := []struct {
		in      string
		kind    input.Kind
		problem input.Problem
		r       rune
		offset  int
		message string
	}{
		{"a\x00b", input.SingleLine, input.ControlCharacter, 0, 1, "must not contain control characters (U+0000)"},
		{"a\x00b", input.MultiLine, input.ControlCharacter, 0, 1, "must not contain control characters (U+0000)"},
		{"pass\x00word", input.Exact, input.ControlCharacter, 0, 4, "must not contain control characters (U+0000)"},
		{"x\x02forged\x03", input.MultiLine, input.ControlCharacter, 2, 1, "must not contain control characters (U+0002)"},
		{"bell\x07", input.SingleLine, input.ControlCharacter, 7, 4, "must not contain control characters (U+0007)"},
		{"del\x7f", input.MultiLine, input.ControlCharacter, 0x7f, 3, "must not contain control characters (U+007F)"},
		{"next\u0085line", input.MultiLine, input.ControlCharacter, 0x85, 4, "must not contain control characters (U+0085)"},
		{"csi\u009b", input.SingleLine, input.ControlCharacter, 0x9b, 3, "must not contain control characters (U+009B)"},
		{"form\ffeed", input.MultiLine, input.ControlCharacter, '\f', 4, "must not contain control characters (U+000C)"},
		{"tab\there", input.SingleLine, input.ControlCharacter, '\t', 3, "must not contain control characters (U+0009)"},
		{"two\nlines", input.SingleLine, input.LineBreak, '\n', 3, "must be a single line"},
		{"two\rlines", input.SingleLine, input.LineBreak, '\r', 3, "must be a single line"},
		{"two\u2028lines", input.SingleLine, input.LineBreak, '\u2028', 3, "must be a single line"},
		{"bad\xffbyte", input.SingleLine, input.BadEncoding, 0, 3, "must be valid UTF-8 text"},
		{"cut \xc3", input.MultiLine, input.BadEncoding, 0, 4, "must be valid UTF-8 text"},
		{"surrogate \xed\xa0\x80", input.Exact, input.BadEncoding, 0, 10, "must be valid UTF-8 text"},
	}
	for _, c := range cases {
		out, err := input.Clean(c.in, c.kind)
		var ie *input.Error
		if !errors.As(err, &ie) {
			t.Errorf("Clean(%q, %d) = %q, nil; want %v", c.in, c.kind, out, c.problem)
			continue
		}
		if ie.Problem != c.problem || ie.Rune != c.r || ie.Offset != c.offset || ie.Error() != c.message {
			t.Errorf("Clean(%q, %d): %+v %q; want problem %d rune %U offset %d %q", c.in, c.kind, *ie, ie.Error(), c.problem, c.r, c.offset, c.message)
		}
		if out != c.in {
			t.Errorf("Clean(%q) refused but changed the text to %q", c.in, out)
		}
	}
}

func TestCleanNormalises(t *testing.T) {
	cases := []struct {
		in   string
		kind input.Kind
		want string
	}{
		{"Jos\u0065\u0301", input.SingleLine, "Jos\u00e9"},                              // NFC
		{"Jos\u0065\u0301", input.Exact, "Jos\u0065\u0301"},                             // Exact is never changed
		{"a\r\nb\rc\nd", input.MultiLine, "a\nb\nc\nd"},                                 // line ends
		{"a\r\nb", input.Exact, "a\r\nb"},                                               // as sent
		{"tab\tkept\n", input.MultiLine, "tab\tkept\n"},                                 // tab and newline in text
		{"  spaces kept  ", input.SingleLine, "  spaces kept  "},                        // trimming is the caller's
		{"Jeff \u202eSessions", input.SingleLine, "Jeff Sessions"},                      // override stripped
		{"\u2067name\u2069 \u202aA\u202c", input.SingleLine, "name A"},                  // isolates and embeddings stripped
		{"mark\u200f kept\u200e", input.SingleLine, "mark\u200f kept\u200e"},            // marks kept
		{"x \u202eevil\u202c y", input.MultiLine, "x \u202eevil\u202c y"},               // balanced: kept
		{"x \u202eevil\ny", input.MultiLine, "x evil\ny"},                               // unclosed on its line: removed
		{"x \u202eevil\u2029y\u202c", input.MultiLine, "x evil\u2029y"},                 // a paragraph separator ends the line
		{"\u202cstray \u2069close", input.MultiLine, "stray close"},                     // closers without openers
		{"\u2066a\u202bb\u2069c\u202c", input.MultiLine, "\u2066ab\u2069c"},             // PDI ends the embedding inside it
		{"\u202ba\u2066b\u202cc\u2069", input.MultiLine, "a\u2066bc\u2069"},             // PDF cannot close across an isolate
		{"\u202ba\u2066b\u2069c\u202c", input.MultiLine, "\u202ba\u2066b\u2069c\u202c"}, // nested, balanced
		{"\u202eabc", input.Exact, "\u202eabc"},
	}
	for _, c := range cases {
		got, err := input.Clean(c.in, c.kind)
		if err != nil || got != c.want {
			t.Errorf("Clean(%+q, %d) = %+q, %v; want %+q", c.in, c.kind, got, err, c.want)
		}
	}
}

func TestShorthands(t *testing.T) {
	if s, err := input.Line("a\u202e b"); s != "a b" || err != nil {
		t.Errorf("Line: %q %v", s, err)
	}
	if s, err := input.Text("a\r\nb"); s != "a\nb" || err != nil {
		t.Errorf("Text: %q %v", s, err)
	}
	if err := input.Check("a\u202eb", input.SingleLine); err != nil {
		t.Errorf("Check refused a bidi control, which Clean strips: %v", err)
	}
}

func TestURL(t *testing.T) {
	good := []string{"https://example.org/a?b=c#d", "http://[::1]:8080/", "https://例え.jp/パス"}
	for _, u := range good {
		if got, err := input.URL(u); err != nil || got != norm.NFC.String(u) {
			t.Errorf("URL(%q) = %q, %v", u, got, err)
		}
	}
	bad := map[string]input.Problem{
		"ftp://example.org/":       input.NotWebURL,
		"javascript:alert(1)":      input.NotWebURL,
		"https:///nohost":          input.NotWebURL,
		"/relative":                input.NotWebURL,
		"https://example.org/\x00": input.ControlCharacter,
		"https://example.org/\nx":  input.LineBreak,
		"https://example.org/\xff": input.BadEncoding,
		"https://example.org/" + strings.Repeat("a", input.MaxURL): input.TooLong,
		// Two addresses pasted into one field, and spaces of other kinds.
		"https://example.org/a https://example.org/b": input.SpaceInURL,
		"https://example.org/a\u00a0b":                input.SpaceInURL,
		"https://example.org/a\tb":                    input.ControlCharacter,
		"https://example.org/a\u200bb":                input.SpaceInURL,
		"https://example.org/\u200e":                  input.SpaceInURL,
		"https://:443/":                               input.NotWebURL,
		"https://user@/":                              input.NotWebURL,
	}
	for u, want := range bad {
		_, err := input.URL(u)
		var ie *input.Error
		if !errors.As(err, &ie) || ie.Problem != want {
			t.Errorf("URL(%.40q): %v, want problem %d", u, err, want)
		}
	}
	if _, err := input.URL("https://example.org/" + strings.Repeat("a", input.MaxURL)); err.Error() != "must be at most 2000 characters" {
		t.Errorf("too long: %q", err)
	}
	if _, err := input.URL("https://example.org/a https://example.org/b"); err == nil || err.Error() != "must be a single http or https URL, without spaces" {
		t.Errorf("two URLs in one: %v", err)
	}
	if _, err := input.URL("https://example.org/a\u200bb"); err == nil || err.Error() != "must not contain invisible characters (U+200B)" {
		t.Errorf("zero-width space: %v", err)
	}
	if s, _ := input.URL("https://example.org/\u202efdp.exe"); s != "https://example.org/fdp.exe" {
		t.Errorf("bidi control kept in a URL: %q", s)
	}
}

// FuzzClean checks the policy's promises on any text: what Clean returns is
// valid UTF-8 in NFC without refused characters, Clean keeps it as it is,
// single lines hold no bidi controls and multi-line text only balanced ones.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "plain", "a\x00b", "e\u0301", "\u202eevil", "\u2066a\u202bb\u2069c\u202c", "a\r\nb", "\xff", "\u202ba\u2066b\u202cc\u2069"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []input.Kind{input.SingleLine, input.MultiLine, input.Exact} {
			out, err := input.Clean(s, k)
			if err != nil {
				if out != s {
					t.Fatalf("refused and changed: %q → %q", s, out)
				}
				if utf8.ValidString(s) && !strings.ContainsFunc(s, unicode.IsControl) && !strings.ContainsAny(s, "\u2028\u2029") {
					t.Fatalf("refused clean text %q (%d): %v", s, k, err)
				}
				continue
			}
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of %q", s)
			}
			for _, r := range out {
				if unicode.IsControl(r) && (k == input.SingleLine || (r != '\t' && r != '\n' && (r != '\r' || k != input.Exact))) {
					t.Fatalf("%q kept control %U (kind %d)", s, r, k)
				}
			}
			if k == input.Exact {
				if out != s {
					t.Fatalf("Exact changed %q to %q", s, out)
				}
				continue
			}
			if !norm.NFC.IsNormalString(out) {
				t.Fatalf("not NFC: %q", out)
			}
			again, err := input.Clean(out, k)
			if err != nil || again != out {
				t.Fatalf("not stable: %q → %q → %q %v", s, out, again, err)
			}
			if k == input.SingleLine && strings.ContainsFunc(out, func(r rune) bool { return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) }) {
				t.Fatalf("bidi control left in a line: %q", out)
			}
			if k == input.MultiLine {
				checkBalanced(t, out)
			}
		}
	})
}

// checkBalanced fails unless every bidi scope in s opens and closes on one line.
func checkBalanced(t *testing.T, s string) {
	t.Helper()
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\u2028' || r == '\u2029' }) {
		var stack []rune
		for _, r := range line {
			switch {
			case r == 0x202a || r == 0x202b || r == 0x202d || r == 0x202e || r == 0x2066 || r == 0x2067 || r == 0x2068:
				stack = append(stack, r)
			case r == 0x202c:
				if len(stack) == 0 || stack[len(stack)-1] >= 0x2066 {
					t.Fatalf("unmatched PDF in %+q", line)
				}
				stack = stack[:len(stack)-1]
			case r == 0x2069:
				if len(stack) == 0 || stack[len(stack)-1] < 0x2066 {
					t.Fatalf("unmatched PDI in %+q", line)
				}
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) > 0 {
			t.Fatalf("unclosed %+q in %+q", stack, line)
		}
	}
}

// Scrub never refuses: what a client sends unasked is made safe to store
// and show.
func TestScrub(t *testing.T) {
	for in, want := range map[string]string{
		"Mozilla/5.0 (X11; Linux)": "Mozilla/5.0 (X11; Linux)",
		"bad\xff\xfeUA":            "bad\uFFFDUA",
		"bidi\u202eAU":             "bidiAU",
		"nul\x00tab\tnl\n":         "nul tab nl ",
		"e\u0301":                  "\u00e9",
	} {
		if got := input.Scrub(in); got != want {
			t.Errorf("Scrub(%q) = %q, want %q", in, got, want)
		}
	}
}

// Invisible is Unicode's Default_Ignorable_Code_Point.
func TestInvisible(t *testing.T) {
	for _, r := range []rune{'\u00AD', '\u034F', '\u061C', '\u115F', '\u1160', '\u180E', '\u200B', '\u200C', '\u200D', '\u200E',
		'\u202E', '\u2060', '\u2066', '\u3164', '\uFE0F', '\uFEFF', '\uFFA0', 0x1BCA0, 0xE0001, 0xE0100} {
		if !input.Invisible(r) {
			t.Errorf("U+%04X is not invisible", r)
		}
	}
	for _, r := range []rune{'a', ' ', '\u0301', '\u0600', '\u0640', '\uFFF9', 0x13430, '한', 'ـ'} {
		if input.Invisible(r) {
			t.Errorf("U+%04X is invisible", r)
		}
	}
}

// TrimInvisible drops spaces and invisible characters at the ends of a
// text, and keeps the joiners inside words, the directional marks and
// controls, and a variation selector or an emoji tag sequence at the end.
func TestTrimInvisible(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\uFEFFHello\u200B", "Hello"},
		{"\u200B\u200C\u200D\u2060 name \u2060\u00AD", "name"},
		{"\u115F\u3164 hangul filler\uFFA0", "hangul filler"},
		{"\uFE0Fname", "name"},
		{"می‌خواهم", "می‌خواهم"},
		{"👨‍👩‍👧", "👨‍👩‍👧"},
		{"I ❤️", "I ❤️"},
		{"🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"},
		{"\u200Fعربي\u200F", "\u200Fعربي\u200F"},
		{"\u2067x\u2069", "\u2067x\u2069"},
		{"\u200B", ""},
	} {
		if got := input.TrimInvisible(c.in); got != c.want {
			t.Errorf("TrimInvisible(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
}
