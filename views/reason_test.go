package views_test

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/views"
)

// reasonCall is one models.NewReason or models.NewCountReason in the
// code: its id, its English (the other form, and the one form of a
// plural), and the names of the values it gives.
type reasonCall struct {
	at         string
	id         string
	english    string
	englishOne string
	plural     bool
	names      []string
}

// stringLit evaluates a string literal, or a sum of them.
func stringLit(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := stringLit(e.X)
		b, ok2 := stringLit(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return stringLit(e.X)
	}
	return "", false
}

// reasonCalls finds every NewReason and NewCountReason call in the
// project's Go sources (tests aside). A call whose id, English or value
// names are not literals fails t: the catalogues could not be checked
// against it.
func reasonCalls(t *testing.T) []reasonCall {
	t.Helper()
	var out []reasonCall
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n != ".." && (strings.HasPrefix(n, ".") || n == "testdata" || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			if name != "NewReason" && name != "NewCountReason" {
				return true
			}
			at := fset.Position(call.Pos()).String()
			if call.Ellipsis.IsValid() {
				return true // the constructor passing its own values on
			}
			rc := reasonCall{at: at, plural: name == "NewCountReason"}
			var texts []ast.Expr
			var pairs []ast.Expr
			if rc.plural {
				if len(call.Args) < 4 {
					t.Errorf("%s: NewCountReason with %d arguments", at, len(call.Args))
					return true
				}
				texts, pairs = []ast.Expr{call.Args[0], call.Args[2], call.Args[3]}, call.Args[4:]
			} else {
				if len(call.Args) < 2 {
					t.Errorf("%s: NewReason with %d arguments", at, len(call.Args))
					return true
				}
				texts, pairs = call.Args[:2], call.Args[2:]
			}
			var strs []string
			for _, e := range texts {
				s, ok := stringLit(e)
				if !ok {
					t.Errorf("%s: a reason's id and English must be string literals", at)
					return true
				}
				strs = append(strs, s)
			}
			rc.id = strs[0]
			if rc.plural {
				rc.englishOne, rc.english = strs[1], strs[2]
			} else {
				rc.english = strs[1]
			}
			if len(pairs)%2 != 0 {
				t.Errorf("%s: a reason's values come in pairs", at)
				return true
			}
			for i := 0; i < len(pairs); i += 2 {
				s, ok := stringLit(pairs[i])
				if !ok {
					t.Errorf("%s: a reason's value names must be string literals", at)
					return true
				}
				rc.names = append(rc.names, s)
			}
			out = append(out, rc)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var placeholder = regexp.MustCompile(`\{\{\s*\.([A-Za-z0-9_]+)\s*\}\}`)

// TestReasonsMatchTheirCatalogue fails when a reason in the code (a
// models.NewReason or NewCountReason call) has no message in a language,
// when its English differs from the English catalogue's (the JSON API
// gives the code's English, pages the catalogue's), or when a message
// names a value that the call does not give.
func TestReasonsMatchTheirCatalogue(t *testing.T) {
	calls := reasonCalls(t)
	if len(calls) < 50 {
		t.Fatalf("found %d reasons in the code; the search is broken", len(calls))
	}
	have := catalogueIDs(t)
	for _, rc := range calls {
		for _, l := range i18n.Languages {
			if !have[l.Tag][rc.id] {
				t.Errorf("%s: %q is missing from the %s catalogue", rc.at, rc.id, l.Tag)
			}
		}
		// A status's label (models.ClaimStatus.Label) is a desk or admin
		// word, which a reason may name inside its sentence.
		if !strings.HasPrefix(rc.id, "reasons.") && !strings.HasPrefix(rc.id, "admin.") && !strings.HasPrefix(rc.id, "desk.") {
			t.Errorf("%s: reason %q is in none of the reasons, admin and desk catalogues", rc.at, rc.id)
		}
		for _, msg := range []string{rc.english, rc.englishOne} {
			for _, m := range placeholder.FindAllStringSubmatch(msg, -1) {
				if m[1] != "Count" || !rc.plural {
					if !contains(rc.names, m[1]) {
						t.Errorf("%s: %q names {{.%s}}, which the call does not give", rc.at, rc.id, m[1])
					}
				}
			}
		}
		// Each value as a marker, so that what fills it shows.
		var pairs []any
		for _, n := range rc.names {
			pairs = append(pairs, n, "‹"+n+"›")
		}
		counts := []int{2}
		if rc.plural {
			counts = []int{1, 2}
		}
		for _, n := range counts {
			var r models.Reason
			if rc.plural {
				r = models.NewCountReason(rc.id, n, rc.englishOne, rc.english, pairs...)
			} else {
				r = models.NewReason(rc.id, rc.english, pairs...)
			}
			// The English catalogue itself, as other languages fall back to it.
			en := i18n.For(i18n.Default)
			got := en.T(rc.id, pairs...)
			if rc.plural {
				got = en.N(rc.id, n, pairs...)
			}
			if want := r.String(); got != want {
				t.Errorf("%s: %q in English is %q in the catalogue but %q in the code", rc.at, rc.id, got, want)
			}
			for _, l := range i18n.Languages {
				got := views.ReasonText(i18n.WithLocale(context.Background(), i18n.For(l.Tag)), r)
				if got == rc.id || strings.Contains(got, "<no value>") || strings.Contains(got, "{{") {
					t.Errorf("%s: %q in %s gives %q", rc.at, rc.id, l.Tag, got)
				}
			}
		}
	}
}

// catalogueIDs reads the message ids of every catalogue file, by
// language.
func catalogueIDs(t *testing.T) map[string]map[string]bool {
	t.Helper()
	files, err := filepath.Glob("../i18n/locales/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalogues (%v)", err)
	}
	out := map[string]map[string]bool{}
	for _, f := range files {
		parts := strings.Split(filepath.Base(f), ".")
		var raw map[string]any
		if _, err := toml.DecodeFile(f, &raw); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if out[parts[1]] == nil {
			out[parts[1]] = map[string]bool{}
		}
		for id := range raw {
			out[parts[1]][id] = true
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestReasonsSpeakTheReadersLanguage renders reasons with numbers, days,
// plurals and a reason inside a reason in French and Arabic, and checks
// that the English stays what the API gives.
func TestReasonsSpeakTheReadersLanguage(t *testing.T) {
	fr := i18n.WithLocale(context.Background(), i18n.For("fr"))
	ar := i18n.WithLocale(context.Background(), i18n.For("ar"))
	cases := []struct {
		r          models.Reason
		en, fr, ar string
	}{
		{models.ReasonRequired, "is required", "champ obligatoire", "حقل إلزامي"},
		{models.ReasonMaxChars(20000), "must be at most 20000 characters", "20\u00a0000 caractères au maximum", "يجب ألا يتجاوز عدد الأحرف ٢٠٬٠٠٠"},
		{models.NewReason("reasons.date_future", "must not be after today ({{.Today}})", "Today", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)),
			"must not be after today (2 March 2026)", "ne peut pas être postérieure à aujourd'hui (2 mars 2026)", "يجب ألا يكون بعد اليوم (٢ مارس ٢٠٢٦)"},
		{(&models.TooLargeError{Limit: 20 << 20}).Reason(), "The file is larger than 20 MB, the largest this site keeps. Nothing was saved.",
			"Le fichier dépasse 20 Mo, la taille maximale que conserve ce site. Rien n'a été enregistré.",
			"حجم الملف أكبر من ٢٠ ميغابايت، وهو أقصى ما يحتفظ به هذا الموقع. لم يُحفَظ شيء."},
		{models.SizeReason(1), "1 byte", "1 octet", "بايت واحد"},
	}
	for _, c := range cases {
		if got := c.r.String(); got != c.en {
			t.Errorf("%s in English: %q, want %q", c.r.ID, got, c.en)
		}
		if got := views.ReasonText(fr, c.r); got != c.fr {
			t.Errorf("%s in French: %q, want %q", c.r.ID, got, c.fr)
		}
		if got := views.ReasonText(ar, c.r); got != c.ar {
			t.Errorf("%s in Arabic: %q, want %q", c.r.ID, got, c.ar)
		}
	}
}
