package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// repeatedQuotesUnit is one sentence of the article of repeated quotes: no
// sentence ends between the quotations, so the whole text is one sentence.
const repeatedQuotesUnit = `At the hearing Jeff Sessions told the senators "I did not have communications with the Russians" `

// repeatedQuotes is an article of about size bytes made of one quoted
// statement repeated, the shape that once made one sentence of the whole
// text and copied it into every candidate.
func repeatedQuotes(size int) string {
	return strings.Repeat(repeatedQuotesUnit, size/len(repeatedQuotesUnit))
}

// articleBench posts one big article to a fresh server and reports the
// answer's size and the server's peak resident memory:
//
//	go run -tags sqlite_fts5 ./bench article [-size 199000]
func articleBench(args []string) error {
	fs := flag.NewFlagSet("article", flag.ContinueOnError)
	size := fs.Int("size", 199_000, "bytes of article text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "claimtracker-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "claimtracker")
	build := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "./cmd/claimtracker")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	db := filepath.Join(dir, "bench.db")
	if out, err := exec.Command(bin, "migrate", "--db", db).CombinedOutput(); err != nil {
		return fmt.Errorf("migrate: %v: %s", err, out)
	}
	token, err := account(bin, db, "bench-editor@example.org", "editor")
	if err != nil {
		return err
	}
	srv, base, err := startServer(bin, db)
	if err != nil {
		return err
	}
	defer stopServer(srv)
	_, idle := memory(srv.Process.Pid)

	body, _ := json.Marshal(map[string]string{
		"url": "https://news.example.org/repeated", "title": "Repeated quotes", "text": repeatedQuotes(*size),
	})
	req, _ := http.NewRequest("POST", base+"/api/v1/articles", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	t0 := time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	n, err := io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if err != nil {
		return err
	}
	took := time.Since(t0)
	_, peak := memory(srv.Process.Pid)
	fmt.Printf("\narticle of repeated quotes: request %d bytes, answer %d %s, %d bytes (%.1f× the request) in %v\n",
		len(body), res.StatusCode, http.StatusText(res.StatusCode), n, float64(n)/float64(len(body)), took.Round(time.Millisecond))
	fmt.Printf("server resident memory: peak %d MB before the request, %d MB after\n", idle>>10, peak>>10)
	return nil
}
