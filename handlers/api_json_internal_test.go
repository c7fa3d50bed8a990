package handlers

import "testing"

// What the store recorded (an audit event's before and after, which a
// claim's history passes on) may hold moments with fractions of a second
// or an offset; every JSON answer gives them in UTC to the second, and
// leaves dates, other members and text alone.
func TestStampsInStoredJSONAreWholeSecondsUTC(t *testing.T) {
	for in, want := range map[string]string{
		`{"disabled_at":"2026-11-27T10:46:03.826610196Z","name":"Ed"}`:                      `{"disabled_at":"2026-11-27T10:46:03Z","name":"Ed"}`,
		`{"at": "2026-11-27T12:46:03.5+02:00"}`:                                             `{"at": "2026-11-27T10:46:03Z"}`,
		`{"v":[{"fetched_at":"2026-11-27T10:46:03.1-05:00"}],"said_at":"2017-01-10"}`:       `{"v":[{"fetched_at":"2026-11-27T15:46:03Z"}],"said_at":"2017-01-10"}`,
		`{"published_at":"2026-11-27T10:46:03Z"}`:                                           `{"published_at":"2026-11-27T10:46:03Z"}`,
		`{"note":"2026-11-27T10:46:03.5Z","text":"\"said_at\":\"2026-11-27T10:46:03.5Z\""}`: `{"note":"2026-11-27T10:46:03.5Z","text":"\"said_at\":\"2026-11-27T10:46:03.5Z\""}`,
	} {
		if got := string(rawOrNull(in)); got != want {
			t.Errorf("rawOrNull(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}
