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
	"strings"
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
