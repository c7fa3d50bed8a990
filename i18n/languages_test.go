package i18n_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"claimtracker/i18n"
	"claimtracker/models"
)

// The store checks a user's and the site's interface language against
// models.InterfaceLanguages, as models does not import this package: the
// list names exactly the languages here, in their order, the default
// first.
func TestModelsKnowTheInterfaceLanguages(t *testing.T) {
	var tags []string
	for _, l := range i18n.Languages {
		tags = append(tags, l.Tag)
	}
	if !slices.Equal(models.InterfaceLanguages, tags) {
		t.Errorf("models.InterfaceLanguages = %v, want %v", models.InterfaceLanguages, tags)
	}
	if tags[0] != i18n.Default || models.DefaultSettings.Language != i18n.Default {
		t.Errorf("the default is %q here, %q first, %q in the default settings", i18n.Default, tags[0], models.DefaultSettings.Language)
	}
}

// Dependencies point one way: models, under the interface, imports
// neither this package nor the views or handlers that use it.
func TestModelsDoNotImportTheInterface(t *testing.T) {
	files, err := filepath.Glob("../models/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no models sources (%v)", err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range ast.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			for _, iface := range []string{"claimtracker/i18n", "claimtracker/views", "claimtracker/handlers"} {
				if p == iface || strings.HasPrefix(p, iface+"/") {
					t.Errorf("%s imports %s", f, p)
				}
			}
		}
	}
}
