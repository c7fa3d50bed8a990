package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"claimtracker/media/mediatest"
	"claimtracker/models/modelstest"
)

// CLAIMTRACKER_MAX_FILE_SIZE (--max-file-size, in MB) bounds uploads: 413
// past it, saying the limit.
func TestMaxFileSizeBoundsUploads(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ct.db")
	t.Setenv("CLAIMTRACKER_MAX_FILE_SIZE", "1")
	base, _, _ := startServe(t, "--db", db)
	if _, err := runCmd(t, modelstest.Password+"\n", "user", "add", "--db", db, "--email", "ed@example.org", "--name", "Ed", "--role", "editor", "--password-stdin"); err != nil {
		t.Fatal(err)
	}
	o, err := runCmd(t, "", "token", "create", "--db", db, "--email", "ed@example.org", "--name", "tests")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(o), "\n")
	token := lines[len(lines)-1]
	call := func(method, path, ctype string, body io.Reader) (int, map[string]any) {
		t.Helper()
		req, err := http.NewRequest(method, base+path, body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", ctype)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
			t.Fatalf("%s %s: %d, %v", method, path, res.StatusCode, err)
		}
		return res.StatusCode, out
	}
	status, claim := call("POST", "/api/v1/claims", "application/json", strings.NewReader(`{"text":"Some words","summary":"Some words","speaker":"Pat Speaker"}`))
	if status != http.StatusCreated {
		t.Fatalf("claim: %d %v", status, claim)
	}
	status, src := call("POST", fmt.Sprintf("/api/v1/claims/%v/sources", claim["id"]), "application/json",
		strings.NewReader(`{"url":"https://example.org/r","title":"A report","kind":"news_report","stance":"context"}`))
	if status != http.StatusCreated {
		t.Fatalf("source: %d %v", status, src)
	}
	upload := func(name string, data []byte) (int, map[string]any) {
		var b bytes.Buffer
		w := multipart.NewWriter(&b)
		part, _ := w.CreateFormFile("file", name)
		part.Write(data)
		w.Close()
		return call("POST", fmt.Sprintf("/api/v1/sources/%v/files", src["id"]), w.FormDataContentType(), &b)
	}
	status, out := upload("big.txt", bytes.Repeat([]byte("a"), 1<<20+1))
	if status != http.StatusRequestEntityTooLarge || !strings.Contains(fmt.Sprint(out), "larger than 1 MB") {
		t.Fatalf("over 1 MB: %d %v", status, out)
	}
	if status, out := upload("shot.png", mediatest.PNG()); status != http.StatusCreated || out["content_type"] != "image/png" {
		t.Fatalf("a small PNG: %d %v", status, out)
	}
}
