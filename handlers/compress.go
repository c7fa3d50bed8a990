package handlers

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// minCompress is the smallest body worth compressing.
const minCompress = 1024

// compressible reports whether answers of this content type are worth
// compressing: not images (but SVG, which is text), whose formats are
// compressed already.
func compressible(contentType string) bool {
	return !strings.HasPrefix(contentType, "image/") || strings.HasPrefix(contentType, "image/svg")
}

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

// acceptsGzip reports whether the client takes gzip-encoded responses:
// it lists gzip with a weight above zero (RFC 9110 §12.5.3: "gzip;q=0.5"
// takes it, "gzip;q=0" refuses it).
func acceptsGzip(c echo.Context) bool {
	for rest := c.Request().Header.Get(echo.HeaderAcceptEncoding); rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && !zeroWeight(params) {
			return true
		}
	}
	return false
}

// zeroWeight reports whether the parameters of a coding give it the weight
// q=0 (or 0.0, 0.00, 0.000): refused. A weight that cannot be read does
// not refuse it.
func zeroWeight(params string) bool {
	for _, p := range strings.Split(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && q == 0
		}
	}
	return false
}

// gunzipPool keeps decompressors, each of which holds tens of kilobytes
// of state.
var gunzipPool sync.Pool

// gunzipBytes decompresses b.
func gunzipBytes(b []byte) ([]byte, error) {
	r, _ := gunzipPool.Get().(*gzip.Reader)
	var err error
	if r == nil {
		r, err = gzip.NewReader(bytes.NewReader(b))
	} else {
		err = r.Reset(bytes.NewReader(b))
	}
	if err != nil {
		return nil, err
	}
	defer gunzipPool.Put(r)
	out := bytes.NewBuffer(make([]byte, 0, 4*len(b)))
	if _, err := io.Copy(out, r); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeBody writes a whole response body, gzip-compressed when the client
// accepts it and it is large enough; gz, when given, is body already
// compressed (and body may then be nil if the client takes gzip).
func writeBody(c echo.Context, status int, contentType string, body, gz []byte) error {
	h := c.Response().Header()
	addVary(h, echo.HeaderAcceptEncoding)
	if (gz != nil || (len(body) >= minCompress && compressible(contentType))) && acceptsGzip(c) {
		if gz == nil {
			gz = gzipBytes(body)
		}
		h[echo.HeaderContentEncoding] = gzipValue
		h[echo.HeaderContentLength] = []string{strconv.Itoa(len(gz))}
		return c.Blob(status, contentType, gz)
	}
	if c.Request().Method == http.MethodHead {
		h.Set(echo.HeaderContentType, contentType)
		return c.NoContent(status)
	}
	h[echo.HeaderContentLength] = []string{strconv.Itoa(len(body))}
	return c.Blob(status, contentType, body)
}

// gzipValue is the Content-Encoding of a compressed body.
var gzipValue = []string{"gzip"}
