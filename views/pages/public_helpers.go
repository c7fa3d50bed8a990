package pages

import "time"

// longDay writes a date in full, such as "10 January 2017".
func longDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("2 January 2006")
}
