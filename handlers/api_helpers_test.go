package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimtracker/handlers"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// apiEnv is the app with one account and API token per role, plus a second
// editor ("author") whose verdicts the others review.
type apiEnv struct {
	*testServer
	http   *http.Client
	users  map[string]*models.User
	tokens map[string]string
	// articles counts the articles logged with article, for their addresses.
	articles int
}

// The accounts of an apiEnv, by the name tests use for them. "none" sends
// no token.
const (
	asNone     = "none"
	asEditor   = "editor"
	asReviewer = "reviewer"
	asAdmin    = "admin"
	asAuthor   = "author"
)

func newAPIEnv(t testing.TB, engine string, mod ...func(*handlers.Config)) *apiEnv {
	t.Helper()
	e := &apiEnv{testServer: newServer(t, engine, mod...), users: map[string]*models.User{}, tokens: map[string]string{}}
	e.http = e.client(t)
	for name, role := range map[string]models.Role{asEditor: models.RoleEditor, asReviewer: models.RoleReviewer, asAdmin: models.RoleAdmin, asAuthor: models.RoleEditor} {
		email := name + "@example.org"
		e.users[name] = modelstest.User(t, e.store, email, role)
		tok, _, err := e.store.CreateAPIToken(context.Background(), nil, models.Meta{}, email, "tests")
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[name] = tok
	}
	return e
}

// apiResult is a finished API call with its body decoded.
type apiResult struct {
	result
	json any
}

// call sends body, raw JSON ("" sends none), as who.
func (e *apiEnv) call(t *testing.T, who, method, path, body string) apiResult {
	t.Helper()
	if body == "" {
		return e.send(t, who, method, path, nil, "")
	}
	return e.send(t, who, method, path, strings.NewReader(body), "application/json")
}

// send sends body with the Content-Type ctype ("" sends none) as who.
func (e *apiEnv) send(t *testing.T, who, method, path string, body io.Reader, ctype string) apiResult {
	t.Helper()
	hdr := map[string]string{}
	if who != asNone {
		hdr["Authorization"] = "Bearer " + e.tokens[who]
	}
	if ctype != "" {
		hdr["Content-Type"] = ctype
	}
	r := e.do(t, e.http, method, path, body, hdr)
	out := apiResult{result: r}
	if r.body != "" {
		if err := json.Unmarshal([]byte(r.body), &out.json); err != nil {
			t.Fatalf("%s %s: body is not JSON: %v\n%s", method, path, err, r.body)
		}
	}
	return out
}

// must calls and fails the test unless the status is want; it returns the body.
func (e *apiEnv) must(t *testing.T, want int, who, method, path, body string) apiResult {
	t.Helper()
	r := e.call(t, who, method, path, body)
	if r.status != want {
		t.Fatalf("%s %s as %s: %d, want %d\n%s", method, path, who, r.status, want, r.body)
	}
	return r
}

// get returns the value at a dotted path ("sources.0.kind"); "#" is the
// length of a list or object. ok is false when the path leads nowhere.
func (r apiResult) get(path string) (any, bool) {
	cur := r.json
	for _, seg := range strings.Split(path, ".") {
		switch v := cur.(type) {
		case map[string]any:
			if seg == "#" {
				return float64(len(v)), true
			}
			var ok bool
			if cur, ok = v[seg]; !ok {
				return nil, false
			}
		case []any:
			if seg == "#" {
				return float64(len(v)), true
			}
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(v) {
				return nil, false
			}
			cur = v[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// at is the part of r at path, with r's status, for apiExpect.
func (r apiResult) at(t *testing.T, path string) apiResult {
	t.Helper()
	v, ok := r.get(path)
	if !ok {
		t.Fatalf("nothing at %s in %s", path, r.body)
	}
	return apiResult{result: result{status: r.status, header: r.header}, json: v}
}

// count is the length of the list at path.
func (r apiResult) count(t *testing.T, path string) int {
	t.Helper()
	n, ok := r.get(path + ".#")
	if !ok {
		t.Fatalf("no list at %s in %s", path, r.body)
	}
	return int(n.(float64))
}

// id returns the number at path as an id.
func (r apiResult) id(t *testing.T, path string) uint {
	t.Helper()
	v, ok := r.get(path)
	n, isNum := v.(float64)
	if !ok || !isNum || n <= 0 {
		t.Fatalf("no id at %s in %s", path, r.body)
	}
	return uint(n)
}

// str returns the string at path.
func (r apiResult) str(t *testing.T, path string) string {
	t.Helper()
	v, ok := r.get(path)
	s, isStr := v.(string)
	if !ok || !isStr {
		t.Fatalf("no string at %s in %s", path, r.body)
	}
	return s
}

// apiMatcher checks a value more loosely than equality.
type apiMatcher struct {
	name string
	ok   func(any) bool
}

var (
	// apiStamp is an RFC 3339 moment in UTC, to the second.
	apiStamp = apiMatcher{"an RFC 3339 UTC time", func(v any) bool {
		s, ok := v.(string)
		_, err := time.Parse(time.RFC3339, s)
		return ok && err == nil && strings.HasSuffix(s, "Z")
	}}
	// apiID is a positive number.
	apiID = apiMatcher{"an id", func(v any) bool { n, ok := v.(float64); return ok && n > 0 && n == float64(int64(n)) }}
	// apiScore is a similarity between 0 and 1, exclusive of 0.
	apiScore = apiMatcher{"a score", func(v any) bool { n, ok := v.(float64); return ok && n > 0 && n <= 1 }}
	// apiString is any string.
	apiString = apiMatcher{"a string", func(v any) bool { _, ok := v.(string); return ok }}
	// apiAbsent means the path must lead nowhere.
	apiAbsent = apiMatcher{"absent", nil}
)

// apiExpect fails unless r has status and every path of want holds its value:
// a apiMatcher, or a value equal to it once both are written as JSON.
func apiExpect(t *testing.T, what string, r apiResult, status int, want map[string]any) {
	t.Helper()
	if r.status != status {
		t.Errorf("%s: status %d, want %d\n%s", what, r.status, status, r.body)
		return
	}
	for path, w := range want {
		got, ok := r.get(path)
		if m, isMatcher := w.(apiMatcher); isMatcher {
			if m.name == apiAbsent.name {
				if ok {
					t.Errorf("%s: %s = %v, want it absent", what, path, got)
				}
				continue
			}
			if !ok || !m.ok(got) {
				t.Errorf("%s: %s = %v, want %s", what, path, got, m.name)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: %s missing, want %v\n%s", what, path, w, r.body)
			continue
		}
		if g, x := apiJSONText(t, got), apiJSONText(t, w); g != x {
			t.Errorf("%s: %s = %s, want %s", what, path, g, x)
		}
	}
}

func apiJSONText(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// apiInvalid is what a 422 naming field says.
func apiInvalid(field, why string) map[string]any {
	return map[string]any{"error.code": "invalid", "error.message": "Some fields are invalid.", "error.fields.#": 1, "error.fields." + field: why}
}

// apiFail is what every other API error says.
func apiFail(code, message string) map[string]any {
	return map[string]any{"error.code": code, "error.message": message, "error.fields": apiAbsent}
}

// Store-made fixtures: each helper makes a fresh object through the store,
// not the API, so that tests of one endpoint do not depend on another.

func (e *apiEnv) ctx() context.Context { return context.Background() }

// draft logs a draft claim by who.
func (e *apiEnv) draft(t testing.TB, who, summary string) *models.Claim {
	t.Helper()
	return e.draftSaying(t, who, "The words "+summary+" as they were said.", summary)
}

// draftSaying logs a draft claim of these words by who.
func (e *apiEnv) draftSaying(t testing.TB, who, text, summary string) *models.Claim {
	t.Helper()
	c, err := e.store.CreateClaim(e.ctx(), e.users[who], models.Meta{}, models.ClaimInput{
		Text: text, Summary: summary, Speaker: "Pat Speaker", SaidAt: "2020-05-01",
		Setting: "A press conference", Appearances: []models.AppearanceInput{{URL: "https://example.org/video", Date: "2020-05-01"}}, Tags: []string{"Economy"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// article logs an article by who, at an address of its own.
func (e *apiEnv) article(t testing.TB, who, title string) *models.Article {
	t.Helper()
	e.articles++
	a, err := e.store.CreateArticle(e.ctx(), e.users[who], models.Meta{}, models.ArticleInput{
		URL: fmt.Sprintf("https://example.org/news/%d", e.articles), Title: title, Outlet: "The Daily", Text: "The minister said: \"The deficit fell by half.\"",
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// source attaches a source to a claim.
func (e *apiEnv) source(t testing.TB, claimID uint) *models.Source {
	t.Helper()
	s, err := e.store.AddSource(e.ctx(), e.users[asEditor], models.Meta{}, claimID, models.SourceInput{
		URL: "https://example.org/report", Title: "A report", Outlet: "The Daily", PublishedAt: "2020-05-02",
		Kind: models.SourceNewsReport, Stance: models.StanceContradicts, Excerpt: "It did not happen.", Locator: "para 3",
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// verdict proposes a "false" verdict on a claim by who.
func (e *apiEnv) verdict(t testing.TB, who string, claimID uint) *models.Verdict {
	t.Helper()
	v, err := e.store.ProposeVerdict(e.ctx(), e.users[who], models.Meta{}, claimID, models.VerdictInput{
		Rating: "false", Headline: "It did not happen", Explanation: "The records show otherwise.",
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// published makes a claim with a source and a published verdict by the author.
func (e *apiEnv) published(t testing.TB, summary string) *models.Claim {
	t.Helper()
	return e.publish(t, e.draft(t, asAuthor, summary))
}

// publish gives the author's draft c a source and a "false" verdict, which
// the reviewer approves.
func (e *apiEnv) publish(t testing.TB, c *models.Claim) *models.Claim {
	t.Helper()
	e.source(t, c.ID)
	v := e.verdict(t, asAuthor, c.ID)
	if _, err := e.store.ReviewVerdict(e.ctx(), e.users[asReviewer], models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
		t.Fatal(err)
	}
	return c
}

// speaker logs a speaker with no claims.
func (e *apiEnv) speaker(t testing.TB, name string) *models.Person {
	t.Helper()
	p, err := e.store.CreatePerson(e.ctx(), e.users[asEditor], models.Meta{}, models.PersonInput{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// auditCount is the id of the newest audit event (0 for none), to show
// that a refused request wrote nothing: the log is append-only, so the
// same id before and after means no event was added, however long the
// log.
func (e *apiEnv) auditCount(t *testing.T) int {
	t.Helper()
	ev, err := e.store.AuditEvents(e.ctx(), models.AuditQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(ev) == 0 {
		return 0
	}
	return int(ev[0].ID)
}

// apiItoa writes an id for a JSON body.
func apiItoa(id uint) string { return strconv.FormatUint(uint64(id), 10) }

// apiPath formats an API path with ids.
func apiPath(format string, args ...any) string { return "/api/v1" + fmt.Sprintf(format, args...) }

// notification has by assign a new draft to to and returns the id of the
// notification that tells to of it.
func (e *apiEnv) notification(t testing.TB, by, to string) uint {
	t.Helper()
	c, err := e.store.CreateClaim(e.ctx(), e.users[by], models.Meta{}, models.ClaimInput{
		Text: "Words to check", Summary: "Words to check", Speaker: "Pat Speaker", AssigneeID: e.users[to].ID,
	})
	if err != nil {
		t.Fatal(err)
	}
	items, err := e.store.Inbox(e.ctx(), e.users[to], models.InboxFilter{})
	if err != nil || len(items) == 0 || items[0].ClaimID != c.ID {
		t.Fatalf("%s's inbox: %+v %v", to, items, err)
	}
	return items[0].ID
}

// webhook adds a webhook, made by the admin, to an outside address.
func (e *apiEnv) webhook(t testing.TB) *models.Webhook {
	t.Helper()
	w, err := e.store.CreateWebhook(e.ctx(), e.users[asAdmin], models.Meta{}, models.WebhookInput{URL: "https://hooks.example.org/in", Events: []string{models.WebhookClaimPublished}})
	if err != nil {
		t.Fatal(err)
	}
	return w
}
