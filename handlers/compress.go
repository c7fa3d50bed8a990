package handlers

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// minCompress is the smallest body worth compressing.
const minCompress = 1024

var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// gzipBytes compresses b.
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := gzipPool.Get().(*gzip.Writer)
	w.Reset(&buf)
	_, _ = w.Write(b)
	_ = w.Close()
	gzipPool.Put(w)
	return buf.Bytes()
}

// acceptsGzip reports whether the client takes gzip-encoded responses.
func acceptsGzip(c echo.Context) bool {
	for _, part := range strings.Split(c.Request().Header.Get(echo.HeaderAcceptEncoding), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") {
			return true
		}
	}
	return false
}

// gunzipBytes decompresses b.
func gunzipBytes(b []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// writeBody writes a whole response body, gzip-compressed when the client
// accepts it and it is large enough; gz, when given, is body already
// compressed (and body may then be nil if the client takes gzip).
func writeBody(c echo.Context, status int, contentType string, body, gz []byte) error {
	h := c.Response().Header()
	addVary(h, echo.HeaderAcceptEncoding)
	if (gz != nil || len(body) >= minCompress) && acceptsGzip(c) {
		if gz == nil {
			gz = gzipBytes(body)
		}
		h.Set(echo.HeaderContentEncoding, "gzip")
		return c.Blob(status, contentType, gz)
	}
	if c.Request().Method == http.MethodHead {
		h.Set(echo.HeaderContentType, contentType)
		return c.NoContent(status)
	}
	return c.Blob(status, contentType, body)
}
