package main

import (
	"strings"
	"testing"

	"claimtracker/handlers"
)

// The page cache's size: the default fits under any memory limit, as the
// fixed 20 MiB before it did for limits of 40 MiB and more; a size the
// operator asks for must leave half the limit to the rest of the heap.
func TestPageCacheSizeFollowsTheMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	cases := []struct {
		flag, limit, want int
		err               string
	}{
		{0, 100, handlers.DefaultPageCacheMiB, ""},
		{0, 50, 25, ""},
		{0, 40, 20, ""},
		{0, 1, 1, ""},
		{50, 100, 50, ""},
		{51, 100, 0, "must be at most half of the memory limit in force (100 MiB)"},
		{32, 40, 0, "must be at most half of the memory limit in force (40 MiB)"},
	}
	for _, tc := range cases {
		got, err := pageCacheMiB(tc.flag, tc.limit)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || exitCode(err) != 2 {
				t.Errorf("--page-cache %d --memory-limit %d: %d, %v; want a usage error saying %q", tc.flag, tc.limit, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("--page-cache %d --memory-limit %d: %d, %v; want %d", tc.flag, tc.limit, got, err, tc.want)
		}
	}
}
