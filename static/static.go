// Package static embeds the stylesheet, scripts and images and serves them
// under content-hashed URLs, so browsers may cache them for a year.
package static

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"path"
	"regexp"
	"strings"
	"sync"
)

//go:embed files
var embedded embed.FS

// Asset is one embedded file with its content hash.
type Asset struct {
	Name        string
	Body        []byte
	Hash        string
	ContentType string
	// Gzip is Body compressed, for clients that accept it.
	Gzip []byte
}

var assets = map[string]*Asset{}

func init() {
	err := fs.WalkDir(embedded, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := embedded.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "files/")
		ct := mime.TypeByExtension(path.Ext(name))
		if ct == "" {
			ct = "application/octet-stream"
		}
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		_, _ = zw.Write(b)
		_ = zw.Close()
		assets[name] = &Asset{Name: name, Body: b, Hash: hex.EncodeToString(sum[:6]), ContentType: ct, Gzip: gz.Bytes()}
		return nil
	})
	if err != nil {
		panic("static: " + err.Error())
	}
}

// Prefix is the URL path under which assets are served.
const Prefix = "/static/"

// URL returns the content-hashed URL of the named asset, e.g.
// "/static/3f2a9c0b11de/style.css". It panics on an unknown name, so that a
// typo fails the first test that renders the page.
func URL(name string) string {
	a, ok := assets[name]
	if !ok {
		panic("static: no asset " + name)
	}
	return Prefix + a.Hash + "/" + name
}

// Lookup finds the asset for a request path below Prefix ("HASH/NAME"). It
// reports whether the hash is current; an old hash still finds the asset,
// but must not be cached as immutable.
func Lookup(rest string) (a *Asset, current bool) {
	hash, name, ok := strings.Cut(rest, "/")
	if !ok {
		return nil, false
	}
	a, found := assets[name]
	if !found {
		return nil, false
	}
	return a, a.Hash == hash
}

// The colours the stylesheet gives ratings and the site, read from it once,
// so that pictures drawn on the server (share images) colour a rating as
// its badge is coloured.
var (
	ratingRule = regexp.MustCompile(`(?m)^\.r-([\pL\pN-]+)\s*\{\s*--rating:\s*(#[0-9a-fA-F]{3,6})\s*;\s*\}`)
	rootBlock  = regexp.MustCompile(`(?s):root\s*\{(.*?)\n\}`)
	colourVar  = regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})\s*;`)
	colours    = sync.OnceValue(func() (c struct{ ratings, vars map[string]string }) {
		css := assets["style.css"].Body
		c.ratings, c.vars = map[string]string{}, map[string]string{}
		for _, m := range ratingRule.FindAllSubmatch(css, -1) {
			c.ratings[string(m[1])] = string(m[2])
		}
		if root := rootBlock.FindSubmatch(css); root != nil {
			for _, m := range colourVar.FindAllSubmatch(root[1], -1) {
				c.vars[string(m[1])] = string(m[2])
			}
		}
		return c
	})
)

// RatingColour is the colour, "#rrggbb", that the stylesheet gives the
// rating with this slug (its rule `.r-SLUG { --rating: … }`), or the
// stylesheet's grey (--ink-soft) for a rating it lists none for, as
// unordered ratings and ratings an admin added are shown.
func RatingColour(slug string) string {
	if c, ok := colours().ratings[slug]; ok {
		return c
	}
	return Colour("ink-soft")
}

// Colour is the value of the colour property --NAME in the stylesheet's
// :root ("brand" gives --brand's "#16325c"), or "" when it has none.
func Colour(name string) string { return colours().vars[name] }
