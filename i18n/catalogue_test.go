package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// pluralForms are the CLDR plural categories each language's plural
// messages must give (CLDR's plural rules, as go-i18n applies them).
var pluralForms = map[string][]string{
	"en": {"one", "other"},
	"es": {"one", "many", "other"},
	"fr": {"one", "many", "other"},
	"pt": {"one", "many", "other"},
	"ar": {"zero", "one", "two", "few", "many", "other"},
}

// entry is one message of one catalogue: its text per plural form, or
// under "other" alone when it has no plural.
type entry struct {
	forms  map[string]string
	plural bool
}

// readCatalogues reads every catalogue file as language → id → entry,
// and the area each id was found in.
func readCatalogues(t *testing.T) map[string]map[string]entry {
	t.Helper()
	files, err := fs.Glob(catalogues, "locales/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]entry{}
	for _, f := range files {
		parts := strings.Split(filepath.Base(f), ".")
		if len(parts) != 3 || parts[2] != "toml" || !Supported(parts[1]) {
			t.Errorf("%s: a catalogue is named AREA.LANG.toml with LANG one of the interface languages", f)
			continue
		}
		area, tag := parts[0], parts[1]
		var raw map[string]any
		buf, _ := fs.ReadFile(catalogues, f)
		if _, err := toml.Decode(string(buf), &raw); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if out[tag] == nil {
			out[tag] = map[string]entry{}
		}
		for id, v := range raw {
			if !strings.HasPrefix(id, area+".") || !keyPattern.MatchString(`"`+id+`"`) {
				t.Errorf("%s: id %q must begin with %q and be lower-case dotted words", f, id, area+".")
			}
			if _, dup := out[tag][id]; dup {
				t.Errorf("%s: id %q is given twice", f, id)
			}
			switch v := v.(type) {
			case string:
				out[tag][id] = entry{forms: map[string]string{"other": v}}
			case map[string]any:
				e := entry{forms: map[string]string{}, plural: true}
				for k, s := range v {
					if k == "description" {
						continue
					}
					str, ok := s.(string)
					if !ok {
						t.Errorf("%s: %s.%s is not text", f, id, k)
					}
					e.forms[k] = str
				}
				out[tag][id] = e
			default:
				t.Errorf("%s: %s is neither text nor a table of plural forms", f, id)
			}
		}
	}
	return out
}

// keyPattern finds message ids written as string literals in the code.
var keyPattern = regexp.MustCompile(`"((?:core|public|desk|admin|reasons|content|search)(?:\.[a-z0-9_]+)+)"`)

// usedKeys returns every message id written as a literal in the
// project's Go and templ sources (tests and generated files aside), with
// one file that uses it.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	used := map[string]string{}
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
		n := d.Name()
		if strings.HasSuffix(n, "_test.go") || strings.HasSuffix(n, "_templ.go") || !(strings.HasSuffix(n, ".go") || strings.HasSuffix(n, ".templ")) {
			return nil
		}
		buf, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range keyPattern.FindAllSubmatch(buf, -1) {
			if fileName(string(m[1])) {
				continue
			}
			if _, ok := used[string(m[1])]; !ok {
				used[string(m[1])] = p
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return used
}

// fileName reports whether a literal that looks like a message id is a
// file's name instead, such as "public.css" or "desk.js".
func fileName(s string) bool {
	i := strings.LastIndexByte(s, '.')
	switch s[i+1:] {
	case "css", "js", "svg", "png", "ico", "json", "toml", "html", "txt", "xml", "atom", "csv", "woff2":
		return true
	}
	return false
}

var templateVar = regexp.MustCompile(`\{\{\s*\.([A-Za-z0-9_]+)\s*\}\}`)

func vars(s string) []string {
	var out []string
	for _, m := range templateVar.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// TestCataloguesAreComplete fails when the code uses a message id that a
// language lacks, when a language has an id English lacks, when English
// has one no code uses, or when a translation lacks a plural form of its
// language or uses template data the English message does not give.
func TestCataloguesAreComplete(t *testing.T) {
	cats := readCatalogues(t)
	en := cats[Default]
	if len(en) == 0 {
		t.Fatal("no English catalogue")
	}
	for id, file := range usedKeys(t) {
		for _, l := range Languages {
			if _, ok := cats[l.Tag][id]; !ok {
				t.Errorf("%s uses %q, which the %s catalogue lacks", file, id, l.Tag)
			}
		}
	}
	used := usedKeys(t)
	for id := range en {
		if _, ok := used[id]; !ok {
			t.Errorf("%q is in the English catalogue but no code uses it", id)
		}
	}
	for _, l := range Languages {
		cat := cats[l.Tag]
		for id := range cat {
			if _, ok := en[id]; !ok {
				t.Errorf("the %s catalogue has %q, which English lacks", l.Tag, id)
			}
		}
		for id, want := range en {
			got, ok := cat[id]
			if !ok {
				t.Errorf("the %s catalogue lacks %q", l.Tag, id)
				continue
			}
			if got.plural != want.plural {
				t.Errorf("%s %q: plural in one language and not the other", l.Tag, id)
				continue
			}
			allowed := map[string]bool{}
			for _, s := range want.forms {
				for _, v := range vars(s) {
					allowed[v] = true
				}
			}
			if want.plural {
				allowed["Count"] = true
				forms := make([]string, 0, len(got.forms))
				for f := range got.forms {
					forms = append(forms, f)
				}
				sort.Strings(forms)
				need := slices.Clone(pluralForms[l.Tag])
				sort.Strings(need)
				if !slices.Equal(forms, need) {
					t.Errorf("%s %q: plural forms %v, want %v", l.Tag, id, forms, need)
				}
			}
			for form, s := range got.forms {
				if strings.TrimSpace(s) == "" {
					t.Errorf("%s %q (%s) is empty", l.Tag, id, form)
				}
				for _, v := range vars(s) {
					if !allowed[v] {
						t.Errorf("%s %q (%s) uses {{.%s}}, which the English message does not give", l.Tag, id, form, v)
					}
				}
			}
		}
	}
}
