package handlers

import (
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// TestDecodeJSONReadsListsOfObjects: a field holding a list of structs
// takes a list of JSON objects, each read by the rules of the body (known
// members only, the right types, the input policy, text cleaned in place);
// each refused member is named by its place in the list, and null leaves
// the field unsent.
func TestDecodeJSONReadsListsOfObjects(t *testing.T) {
	type item struct {
		Name string `json:"name"`
		Note string `json:"note" input:"multiline"`
	}
	type body struct {
		Title *string `json:"title"`
		Items *[]item `json:"items"`
	}
	decode := func(raw string) (body, map[string]string) {
		t.Helper()
		req := httptest.NewRequest("POST", "/", strings.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		var b body
		err := decodeJSON(echo.New().NewContext(req, httptest.NewRecorder()), &b)
		return b, models.FieldErrors(err)
	}

	b, bad := decode(`{"title":"T","items":[{"name":" A\u0301 ","note":"one\r\ntwo"},{}]}`)
	if bad != nil || b.Items == nil || !reflect.DeepEqual(*b.Items, []item{{Name: " Á ", Note: "one\ntwo"}, {}}) {
		t.Errorf("a valid list: %+v, %v", b.Items, bad)
	}
	if b, bad = decode(`{"items":null}`); bad != nil || b.Items != nil {
		t.Errorf("null: %+v, %v", b.Items, bad)
	}
	if b, bad = decode(`{"items":[]}`); bad != nil || b.Items == nil || len(*b.Items) != 0 {
		t.Errorf("an empty list: %+v, %v", b.Items, bad)
	}
	for raw, want := range map[string]map[string]string{
		`{"items":"x"}`:                               {"items": "must be a list of objects"},
		`{"items":{"name":"x"}}`:                      {"items": "must be a list of objects"},
		`{"items":[{"name":"x"},"y",null]}`:           {"items[1]": "must be an object", "items[2]": "must be an object"},
		`{"items":[{"name":"x"},{"nmae":"y"}]}`:       {"items[1].nmae": "is not a known field"},
		`{"items":[{"name":3}]}`:                      {"items[0].name": "must be a string"},
		`{"items":[{"name":"a\nb"}],"title":7}`:       {"items[0].name": "must be a single line", "title": "must be a string"},
		`{"items":[{"note":"ok\u0000"}]}`:             {"items[0].note": "must not contain control characters (U+0000)"},
		`{"items":[{"name":"ok"},{"name":"\u0007"}]}`: {"items[1].name": "must not contain control characters (U+0007)"},
	} {
		if _, bad := decode(raw); !reflect.DeepEqual(bad, want) {
			t.Errorf("%s: %v, want %v", raw, bad, want)
		}
	}
}

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
