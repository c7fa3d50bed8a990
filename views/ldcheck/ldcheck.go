// Package ldcheck checks JSON-LD against the schema.org vocabulary, for the
// tests of what the app emits: every node has a known @type, and every
// property is one that schema.org defines (schema:domainIncludes) for that
// type or one of its ancestors. The vocabulary is the reduced copy in
// views/testdata/schemaorg.json: types with their direct superclasses,
// properties with their domains.
package ldcheck

import (
	"encoding/json"
	"fmt"
	"os"
)

// Vocabulary is the part of schema.org that the check reads.
type Vocabulary struct {
	// Types maps each type to its direct superclasses.
	Types map[string][]string `json:"types"`
	// Properties maps each property to the types it may sit on.
	Properties map[string]struct {
		Domain []string `json:"domain"`
	} `json:"properties"`
}

// Load reads a vocabulary file.
func Load(path string) (Vocabulary, error) {
	var v Vocabulary
	b, err := os.ReadFile(path)
	if err != nil {
		return v, err
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return v, fmt.Errorf("vocabulary %s: %w", path, err)
	}
	return v, nil
}

// ancestors is t with every type it descends from.
func (v Vocabulary) ancestors(t string) map[string]bool {
	out := map[string]bool{}
	var walk func(string)
	walk = func(x string) {
		if out[x] {
			return
		}
		out[x] = true
		for _, p := range v.Types[x] {
			walk(p)
		}
	}
	walk(t)
	return out
}

// Problems lists, for node (JSON decoded into any) and everything in it,
// each node without a known @type and each property that schema.org does
// not define for the type of the node it sits on; path names node in the
// messages ("ClaimReview.itemReviewed.appearance[]"). None means the node
// passes.
func (v Vocabulary) Problems(path string, node any) []string {
	var out []string
	switch n := node.(type) {
	case []any:
		for _, x := range n {
			out = append(out, v.Problems(path+"[]", x)...)
		}
	case map[string]any:
		typ, _ := n["@type"].(string)
		if typ == "" {
			return append(out, path+": node without @type")
		}
		if _, ok := v.Types[typ]; !ok {
			out = append(out, fmt.Sprintf("%s: unknown type %s", path, typ))
		}
		anc := v.ancestors(typ)
		for k, val := range n {
			if k == "@type" || k == "@context" {
				continue
			}
			p, ok := v.Properties[k]
			allowed := false
			for _, d := range p.Domain {
				allowed = allowed || anc[d]
			}
			if !ok || !allowed {
				out = append(out, fmt.Sprintf("%s: %s is not a property of %s", path, k, typ))
			}
			out = append(out, v.Problems(path+"."+k, val)...)
		}
	}
	return out
}
