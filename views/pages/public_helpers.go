package pages

import (
	"time"

	"claimtracker/models"
)

// longDay writes a calendar date (such as a claim's said_at, which has no
// time and no zone) in full, such as "10 January 2017".
func longDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format("2 January 2006")
}

// saidWhen is the date and setting of a claim, as they follow the
// speaker's name: ", 10 January 2017 · Senate confirmation hearing".
func saidWhen(c *models.Claim) string {
	s := ""
	if c.SaidAt != nil {
		s += ", " + longDay(c.SaidAt)
	}
	if c.Setting != "" {
		s += " · " + c.Setting
	}
	return s
}
