package main

import (
	"strings"
	"testing"
	"time"

	"claimtracker/models/modelstest"
)

// TestBufferedLogWritesWithinItsInterval: a line reaches the output within
// a few flush intervals without Close, and Close writes the rest at once.
func TestBufferedLogWritesWithinItsInterval(t *testing.T) {
	var out modelstest.SyncBuffer
	b := newBufferedLog(&out)
	_, _ = b.Write([]byte("first line\n"))
	if out.String() != "" {
		t.Fatalf("a line was written at once: %q", out.String())
	}
	deadline := time.Now().Add(10 * logFlushEvery)
	for out.String() != "first line\n" {
		if time.Now().After(deadline) {
			t.Fatalf("after %v the output is %q", 10*logFlushEvery, out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	_, _ = b.Write([]byte("last line\n"))
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out.String(), "last line\n") {
		t.Fatalf("Close left %q unwritten", "last line")
	}
}
