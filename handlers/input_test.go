package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// inputCase is one request carrying text the input policy refuses, and
// what the answer must be.
type inputCase struct {
	name         string
	who          string // asNone, asEditor (a token for the API, a browser for pages)
	method, path string
	form         url.Values // sent as a form; else json
	json         string
	status       int
	// field is the field or parameter the 422 must name, with why.
	field, why string
}

const nulWhy = "must not contain control characters (U+0000)"

// NUL and bytes that are not UTF-8 were a 500 on Postgres (the driver
// refuses them) and were stored on SQLite, where NUL cut the search index
// short; control characters forged search highlights. Each is now refused
// where the request is decoded, on both engines, and nothing is written.
func TestRefusedTextIsNeverStored(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			pub := e.published(t, "Wages rose by ten percent")
			draft := e.draft(t, asEditor, "Bridges were all repaired")
			desk, _ := e.login(t, "desk@example.org", models.RoleEditor)
			claim := func(text, speaker string) string {
				return `{"text":` + text + `,"summary":"Ferries carry a million riders","speaker":` + speaker + `}`
			}
			claimForm := func(field, value string) url.Values {
				f := url.Values{"text": {"Our ferries carry a million riders"}, "summary": {"Ferries carry a million riders"}, "speaker": {"Harbour Board"}}
				f.Set(field, value)
				return f
			}
			cases := []inputCase{
				{"front page tag", asNone, "GET", "/?tag=%00", nil, "", 422, "tag", nulWhy},
				{"front page rating", asNone, "GET", "/?rating=%00", nil, "", 422, "rating", nulWhy},
				{"front page person", asNone, "GET", "/?person=x%00", nil, "", 422, "person", nulWhy},
				{"front page tag not UTF-8", asNone, "GET", "/?tag=%FF", nil, "", 422, "tag", "must be valid UTF-8 text"},
				{"search", asNone, "GET", "/search?q=russians%00", nil, "", 422, "q", nulWhy},
				{"claim page", asNone, "GET", "/claims/%00", nil, "", 404, "", ""},
				{"claim page not UTF-8", asNone, "GET", "/claims/" + pub.Slug + "%FF", nil, "", 404, "", ""},
				{"person page", asNone, "GET", "/people/%00", nil, "", 404, "", ""},
				{"public API list", asNone, "GET", "/api/v1/public/claims?tag=%00", nil, "", 422, "tag", nulWhy},
				{"public API claim", asNone, "GET", "/api/v1/public/claims/%00", nil, "", 404, "", ""},
				{"login email", asNone, "POST", "/login", url.Values{"email": {"editor@example.org\x00"}, "password": {modelstest.Password}}, "", 422, "email", nulWhy},
				{"login password", asNone, "POST", "/login", url.Values{"email": {"editor@example.org"}, "password": {"\x01" + modelstest.Password}}, "", 422, "password", "must not contain control characters (U+0001)"},
				{"API claim text", asEditor, "POST", "/api/v1/claims", nil, claim(`"Our ferries\u0000 carry a million riders"`, `"Harbour Board"`), 422, "text", nulWhy},
				{"API claim text not UTF-8", asEditor, "POST", "/api/v1/claims", nil, claim("\"Our ferries \xff carry a million riders\"", `"Harbour Board"`), 422, "text", "must be valid UTF-8 text"},
				{"API claim speaker", asEditor, "POST", "/api/v1/claims", nil, claim(`"Our ferries carry a million riders"`, `"Harbour\u0000 Board"`), 422, "speaker", nulWhy},
				{"API claim highlight forgery", asEditor, "POST", "/api/v1/claims", nil, claim(`"Our \u0002ferries\u0003 carry a million riders"`, `"Harbour Board"`), 422, "text", "must not contain control characters (U+0002)"},
				{"API claim tags", asEditor, "PATCH", apiPath("/claims/%d", draft.ID), nil, `{"tags":["ok","bad\u0000"]}`, 422, "tags", nulWhy},
				{"API summary on one line", asEditor, "PATCH", apiPath("/claims/%d", draft.ID), nil, `{"summary":"two\nlines"}`, 422, "summary", "must be a single line"},
				{"API article text", asEditor, "POST", "/api/v1/articles", nil, `{"url":"https://example.org/a","title":"Budget","text":"He said: \"No.\"\u0000"}`, 422, "text", nulWhy},
				{"API claim id", asEditor, "GET", "/api/v1/claims/%00", nil, "", 404, "", ""},
				{"API list status", asEditor, "GET", "/api/v1/claims?status=%00", nil, "", 422, "status", nulWhy},
				{"desk claim text", asEditor, "POST", "/desk/claims", claimForm("text", "Our ferries\x00 carry a million riders"), "", 422, "text", nulWhy},
				{"desk claim highlight forgery", asEditor, "POST", "/desk/claims", claimForm("summary", "Ferries \x02carry\x03 riders"), "", 422, "summary", "must not contain control characters (U+0002)"},
				{"desk claim speaker", asEditor, "POST", "/desk/claims", claimForm("speaker", "Harbour\x1b Board"), "", 422, "speaker", "must not contain control characters (U+001B)"},
				{"desk claim prefill", asEditor, "GET", "/desk/claims/new?text=%00", nil, "", 422, "text", nulWhy},
				{"desk claim id", asEditor, "GET", "/desk/claims/%00", nil, "", 404, "", ""},
			}
			e.refuses(t, map[string]*http.Client{asEditor: desk}, cases)
		})
	}
}

// refuses sends each case (JSON to the API as its who; a form, or a GET
// of a page, through browsers[who], or a fresh browser for asNone) and
// checks the status and, for a 422, that the answer names the field with
// why: the API in its fields, a page next to the control. Nothing may be
// written: the claims and the audit log are as they were.
func (e *apiEnv) refuses(t *testing.T, browsers map[string]*http.Client, cases []inputCase) {
	t.Helper()
	claims := countClaims(t, e)
	audit := e.auditCount(t)
	for _, c := range cases {
		var r result
		switch {
		case c.who == asNone && c.form == nil:
			r = e.get(t, e.client(t), c.path)
		case c.who == asNone:
			r = e.post(t, e.client(t), c.path, c.form)
		case c.form != nil:
			r = e.post(t, browsers[c.who], c.path, c.form)
		case strings.HasPrefix(c.path, "/api/"):
			r = e.call(t, c.who, c.method, c.path, c.json).result
		default:
			r = e.get(t, browsers[c.who], c.path)
		}
		if r.status != c.status {
			t.Errorf("%s: %s %s: %d, want %d\n%.300s", c.name, c.method, c.path, r.status, c.status, r.body)
			continue
		}
		if c.field == "" {
			continue
		}
		if strings.HasPrefix(c.path, "/api/") {
			if !strings.Contains(r.body, `"fields":{"`+c.field+`":"`+c.why+`"}`) {
				t.Errorf("%s: answer does not name %s: %s", c.name, c.field, r.body)
			}
		} else if !strings.Contains(r.body, c.field+" "+c.why) {
			t.Errorf("%s: page does not say %q; errors shown:\n%s", c.name, c.field+" "+c.why, errorsIn(r.body))
		}
	}
	if n := countClaims(t, e); n != claims {
		t.Errorf("claims: %d before, %d after", claims, n)
	}
	if n := e.auditCount(t); n != audit {
		t.Errorf("audit events: %d before, %d after", audit, n)
	}
}

func countClaims(t *testing.T, e *apiEnv) int {
	t.Helper()
	r := e.call(t, asEditor, "GET", "/api/v1/claims", "")
	if r.status != http.StatusOK {
		t.Fatalf("list claims: %d", r.status)
	}
	return r.count(t, "claims")
}

// A bidi override in a name made it display as other text. Single-line
// fields lose every bidi control; multi-line text keeps only balanced ones;
// text is stored in NFC with "\n" line ends.
func TestTextIsNormalisedOnTheWayIn(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			r := e.must(t, http.StatusCreated, asEditor, "POST", "/api/v1/claims",
				`{"text":"First line \u202eevil\r\nsecond \u2067line\u2069","summary":"Cafe\u0301 owners \u202eevil","speaker":"Jeff \u202eSessions\u202c","tags":["\u2066budget\u2069"]}`)
			id := r.id(t, "id")
			c, err := e.store.GetClaim(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if c.Person.Name != "Jeff Sessions" {
				t.Errorf("speaker stored as %+q", c.Person.Name)
			}
			if c.Summary != "Café owners evil" {
				t.Errorf("summary stored as %+q", c.Summary)
			}
			if c.Text != "First line evil\nsecond \u2067line\u2069" {
				t.Errorf("text stored as %+q", c.Text)
			}
			if tags := c.TagNames(); len(tags) != 1 || tags[0] != "budget" {
				t.Errorf("tags stored as %+q", tags)
			}

			// The same through the desk's form, where browsers send CRLF.
			desk, _ := e.login(t, "desk@example.org", models.RoleEditor)
			res := e.post(t, desk, "/desk/claims", url.Values{"text": {"Line one\r\nline two"}, "summary": {"Ferries \u202ecarry riders"},
				"speaker": {"Harbour \u2066Board"}, "tags": {"a"}})
			if res.status != http.StatusSeeOther {
				t.Fatalf("desk form: %d\n%s", res.status, errorsIn(res.body))
			}
			m := idInPath.FindStringSubmatch(res.header.Get("Location"))
			if m == nil {
				t.Fatalf("no claim in %q", res.header.Get("Location"))
			}
			r = e.must(t, http.StatusOK, asEditor, "GET", "/api/v1/claims/"+m[1], "")
			if got := r.str(t, "text"); got != "Line one\nline two" {
				t.Errorf("desk text stored as %+q", got)
			}
			if got := r.str(t, "summary"); got != "Ferries carry riders" {
				t.Errorf("desk summary stored as %+q", got)
			}
			if got := r.str(t, "speaker"); got != "Harbour Board" {
				t.Errorf("desk speaker stored as %+q", got)
			}

			// Query parameters are cleaned before handlers read them.
			pub := e.published(t, "Wages rose by ten percent")
			page := e.get(t, e.client(t), "/search?q=%E2%80%AEwages")
			if page.status != http.StatusOK || !strings.Contains(page.body, "/claims/"+pub.Slug) {
				t.Errorf("search with a bidi control: %d", page.status)
			}
		})
	}
}

// Passwords are checked but never changed: spaces, bidi controls and
// decomposed accents stay as typed, at creation and at sign-in alike.
func TestPasswordsAreTakenAsTyped(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			admin, _ := ts.login(t, "admin@example.org", models.RoleAdmin)
			pw := " \u202eLong enough pa\u0073\u0301s "
			r := ts.post(t, admin, "/admin/users", url.Values{"name": {"New Person"}, "email": {"new@example.org"}, "role": {"editor"}, "password": {pw}})
			if r.status != http.StatusSeeOther {
				t.Fatalf("create: %d\n%s", r.status, errorsIn(r.body))
			}
			for _, try := range []struct {
				password string
				status   int
			}{{strings.TrimSpace(pw), http.StatusUnauthorized}, {" Long enough pa\u015bs ", http.StatusUnauthorized}, {pw, http.StatusSeeOther}} {
				r := ts.post(t, ts.client(t), "/login", url.Values{"email": {"new@example.org"}, "password": {try.password}})
				if r.status != try.status {
					t.Errorf("sign in with %+q: %d, want %d", try.password, r.status, try.status)
				}
			}
		})
	}
}
