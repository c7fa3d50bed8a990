package models_test

import (
	"testing"

	"claimtracker/models"
)

func TestShorten(t *testing.T) {
	for in, want := range map[string]string{
		"Short enough.": "Short enough.",
		"I have no idea what this allegation is about - it is false, and I will say so to anyone": "I have no idea what this allegation is about - it is false, and I will say…",
		"  spaced\n\nout  ": "spaced out",
	} {
		got := models.Shorten(in, 75)
		if got != want || len([]rune(got)) > 75 {
			t.Errorf("Shorten(%q) = %q (%d), want %q", in, got, len([]rune(got)), want)
		}
	}
}
