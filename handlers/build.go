package handlers

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"
)

// executableBuild names the running binary by a hash of its file, read
// once: two processes of one binary share their stored renders, and a new
// binary (new templates, new styles, a fixed bug) never serves a page an
// older one rendered. When the file cannot be read the name is random, so
// this process shares no render with any other.
var executableBuild = sync.OnceValue(func() string {
	sum := sha256.New()
	path, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(path); err == nil {
			_, err = io.Copy(sum, f)
			f.Close()
		}
	}
	if err != nil {
		b := make([]byte, 16)
		_, _ = rand.Read(b)
		return "random-" + hex.EncodeToString(b)
	}
	return hex.EncodeToString(sum.Sum(nil)[:16])
})
