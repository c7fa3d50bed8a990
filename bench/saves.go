package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"
)

// account makes a user with the server's own command line and returns an
// API token for it.
func account(bin, db, email, role string) (string, error) {
	add := exec.Command(bin, "user", "add", "--db", db, "--email", email, "--name", email, "--role", role, "--password-stdin")
	add.Stdin = strings.NewReader("bench password long enough\n")
	if out, err := add.CombinedOutput(); err != nil {
		return "", fmt.Errorf("user add: %v: %s", err, out)
	}
	out, err := exec.Command(bin, "token", "create", "--db", db, "--email", email, "--name", "bench").Output()
	if err != nil {
		return "", fmt.Errorf("token create: %w", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1], nil
}

// saveResult holds the latencies of each kind of save.
type saveResult struct {
	mu     sync.Mutex
	lat    map[string][]time.Duration
	errors []string
}

func (r *saveResult) add(op string, d time.Duration, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.errors = append(r.errors, op+": "+err.Error())
		return
	}
	r.lat[op] = append(r.lat[op], d)
}

// saves has editors concurrently log a claim, attach a source and propose a
// verdict through the JSON API, and a reviewer approve it (which publishes
// it), for d.
func saves(base, editorToken, reviewerToken string, editors int, d time.Duration) *saveResult {
	res := &saveResult{lat: map[string][]time.Duration{}}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: editors * 2}, Timeout: 30 * time.Second}
	post := func(token, path string, body any) (map[string]any, time.Duration, error) {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest("POST", base+path, bytes.NewReader(b))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		t0 := time.Now()
		r, err := client.Do(req)
		if err != nil {
			return nil, 0, err
		}
		defer r.Body.Close()
		raw, _ := io.ReadAll(r.Body)
		took := time.Since(t0)
		if r.StatusCode != 201 {
			return nil, took, fmt.Errorf("%s: %d %s", path, r.StatusCode, raw)
		}
		var out map[string]any
		return out, took, json.Unmarshal(raw, &out)
	}
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := range editors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				c, took, err := post(editorToken, "/api/v1/claims", map[string]any{
					"text":    fmt.Sprintf("Hospital waiting lists fell by %d percent in region %d last year", i, w),
					"summary": fmt.Sprintf("Waiting lists fell %d%% in region %d", i, w), "speaker": fmt.Sprintf("Bench Speaker %d", w), "said_at": "2026-05-01",
				})
				res.add("claim", took, err)
				if err != nil {
					continue
				}
				id := fmt.Sprint(c["id"])
				_, took, err = post(editorToken, "/api/v1/claims/"+id+"/sources", map[string]any{
					"url": "https://stats.example.org/waiting-lists", "title": "Waiting list statistics", "kind": "dataset", "stance": "contradicts", "published_at": "2026-04-01",
				})
				res.add("source", took, err)
				v, took, err := post(editorToken, "/api/v1/claims/"+id+"/verdicts", map[string]any{"rating": "false", "headline": "Lists grew", "explanation": "The statistics show growth."})
				res.add("verdict", took, err)
				if err != nil {
					continue
				}
				_, took, err = post(reviewerToken, fmt.Sprintf("/api/v1/verdicts/%v/reviews", v["id"]), map[string]any{"decision": "approve", "version": v["version"]})
				res.add("review", took, err)
			}
		}()
	}
	wg.Wait()
	return res
}

func (r *saveResult) print(d time.Duration) {
	fmt.Println("| save (JSON API) | count | per second | p50 ms | p99 ms |")
	fmt.Println("|---|---:|---:|---:|---:|")
	for _, op := range []string{"claim", "source", "verdict", "review"} {
		l := slices.Clone(r.lat[op])
		slices.Sort(l)
		if len(l) == 0 {
			continue
		}
		fmt.Printf("| %s | %d | %.0f | %.2f | %.2f |\n", op, len(l), float64(len(l))/d.Seconds(), ms(l[len(l)/2]), ms(l[len(l)*99/100]))
	}
	fmt.Printf("\nsave errors: %d\n", len(r.errors))
	for i, e := range r.errors {
		if i == 5 {
			break
		}
		fmt.Println("  ", e)
	}
}
