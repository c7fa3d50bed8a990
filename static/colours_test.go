package static_test

import (
	"testing"

	"claimtracker/static"
)

// Every rating of the default scale has its own colour, read from the
// stylesheet as its badge shows it; any other rating gets the grey.
func TestRatingColoursComeFromTheStylesheet(t *testing.T) {
	want := map[string]string{
		"true": "#1e6b3a", "mostly-true": "#3d6b1e", "half-true": "#735f00", "misleading": "#8f4700",
		"mostly-false": "#a2400f", "false": "#a3221b", "unproven": "#4a5160", "an-admins-own": "#4a5160",
	}
	for slug, c := range want {
		if got := static.RatingColour(slug); got != c {
			t.Errorf("RatingColour(%q) = %q, want %q", slug, got, c)
		}
	}
	for name, c := range map[string]string{"brand": "#16325c", "bad": "#a3221b", "ink": "#1a1d23", "paper": "#ffffff", "nothing": ""} {
		if got := static.Colour(name); got != c {
			t.Errorf("Colour(%q) = %q, want %q", name, got, c)
		}
	}
}
