package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"claimtracker/handlers"
	"claimtracker/models"
)

// deskEnv is the app with a browser signed in per role: two editors (ed
// writes verdicts, other does not), a reviewer and an admin.
type deskEnv struct {
	*testServer
	ed, other, rev, admin *http.Client
	edUser, revUser       *models.User
}

func newDeskEnv(t *testing.T, engine string, mod ...func(*handlers.Config)) *deskEnv {
	t.Helper()
	e := &deskEnv{testServer: newServer(t, engine, mod...)}
	e.ed, e.edUser = e.login(t, "ed@example.org", models.RoleEditor)
	e.other, _ = e.login(t, "other@example.org", models.RoleEditor)
	e.rev, e.revUser = e.login(t, "rev@example.org", models.RoleReviewer)
	e.admin, _ = e.login(t, "admin@example.org", models.RoleAdmin)
	return e
}

// testArticle is a short article written for these tests: sworn testimony,
// a report that contradicts it, and the answer to the report.
const testArticle = `Senate testimony under scrutiny after report of meetings

At his Senate confirmation hearing on 10 January 2017, Jeff Sessions was asked about contacts with Moscow. "I did not have communications with the Russians," he said.

The Washington Post reported on 1 March 2017 that Sessions had met the Russian ambassador twice in 2016.

On 2 March, Sessions answered the report. "I have no idea what this allegation is about - it is false," he said.`

// sworn is the claim the tests log from testArticle.
const sworn = "I did not have communications with the Russians"

// claimForm is a valid new-claim form.
func claimForm() url.Values {
	return url.Values{
		"text": {sworn}, "summary": {"Sessions said he had no communications with the Russians"},
		"speaker": {"Jeff Sessions"}, "speaker_kind": {"person"}, "said_at": {"2017-01-10"},
		"setting": {"Senate confirmation hearing, under oath"}, "appearances[0].url": {"https://www.example.gov/hearing"},
		"appearances[0].date": {"2017-01-10"}, "appearances[0].where": {"Senate confirmation hearing"}, "appearance_rows": {"2"},
		"tags": {"Russia, testimony"},
	}
}

// sourceForm is a valid source form.
func sourceForm(stance string) url.Values {
	return url.Values{
		"url": {"https://www.example.com/2017/03/01/meetings"}, "title": {"Sessions met Russian envoy twice in 2016"},
		"outlet": {"The Washington Post"}, "published_at": {"2017-03-01"}, "kind": {"news_report"}, "stance": {stance},
		"excerpt": {"He spoke twice last year with the Russian ambassador."}, "locator": {"paragraph 1"},
	}
}

// verdictForm is a valid verdict form.
func verdictForm(rating string) url.Values {
	return url.Values{"rating": {rating}, "headline": {"He met the ambassador twice in 2016"},
		"explanation": {"Two meetings were **reported** by [the Post](https://www.example.com/post)."}}
}

var idInPath = regexp.MustCompile(`/desk/(?:claims|articles)/(\d+)`)

// created posts a form that should create something and returns the new
// object's id from the redirect.
func (e *deskEnv) created(t *testing.T, c *http.Client, path string, form url.Values) uint {
	t.Helper()
	r := e.post(t, c, path, form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("POST %s: %d, want 303\n%s", path, r.status, errorsIn(r.body))
	}
	m := idInPath.FindStringSubmatch(r.header.Get("Location"))
	if m == nil {
		t.Fatalf("POST %s: redirect to %q has no id", path, r.header.Get("Location"))
	}
	id, _ := strconv.Atoi(m[1])
	return uint(id)
}

// mustPost posts a form and checks the status and, for a redirect, where it goes.
func (e *deskEnv) mustPost(t *testing.T, c *http.Client, path string, form url.Values, status int, location string) result {
	t.Helper()
	r := e.post(t, c, path, form)
	if r.status != status {
		t.Fatalf("POST %s: %d, want %d\n%s", path, r.status, status, errorsIn(r.body))
	}
	if location != "" && r.header.Get("Location") != location {
		t.Fatalf("POST %s: redirect to %q, want %q", path, r.header.Get("Location"), location)
	}
	return r
}

// page gets a page and checks its status.
func (e *deskEnv) page(t *testing.T, c *http.Client, path string, status int) string {
	t.Helper()
	r := e.get(t, c, path)
	if r.status != status {
		t.Fatalf("GET %s: %d, want %d\n%s", path, r.status, status, errorsIn(r.body))
	}
	return r.body
}

// newClaim logs the sworn claim as ed and returns its id.
func (e *deskEnv) newClaim(t *testing.T) uint {
	t.Helper()
	return e.created(t, e.ed, "/desk/claims", claimForm())
}

// publish takes claim id through a verdict by ed and the reviewer's approval.
func (e *deskEnv) publish(t *testing.T, id uint) {
	t.Helper()
	path := claimPath(id)
	e.mustPost(t, e.ed, path+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")
	e.mustPost(t, e.ed, path+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
	v := e.openVerdict(t, id)
	e.mustPost(t, e.rev, "/desk/verdicts/"+idStr(v.ID)+"/reviews", url.Values{"decision": {"approve"}, "version": {strconv.Itoa(v.Version)}}, http.StatusSeeOther, path+"?done=published#verdict")
}

// openVerdict returns claim id's verdict in review or sent back.
func (e *deskEnv) openVerdict(t *testing.T, id uint) *models.Verdict {
	t.Helper()
	c, err := e.store.GetClaim(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	v := c.OpenVerdict()
	if v == nil {
		t.Fatalf("claim %d has no open verdict", id)
	}
	return v
}

func claimPath(id uint) string { return "/desk/claims/" + idStr(id) }

func idStr(id uint) string { return strconv.FormatUint(uint64(id), 10) }

var errorText = regexp.MustCompile(`<span class="error-text" id="([^"]+)">([^<]*)</span>`)

// errorsIn lists the field errors a page shows, for failure messages.
func errorsIn(body string) string {
	var out []string
	for _, m := range errorText.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1]+": "+m[2])
	}
	return strings.Join(out, "\n")
}

// fieldError checks that the page shows why next to the control with id.
func fieldError(t *testing.T, body, id, why string) {
	t.Helper()
	want := `<span class="error-text" id="e-` + id + `">` + why + `</span>`
	if !strings.Contains(body, want) {
		t.Errorf("no error %q next to %s; errors shown:\n%s", why, id, errorsIn(body))
	}
	if !strings.Contains(body, `id="`+id+`"`) || !regexp.MustCompile(`id="`+regexp.QuoteMeta(id)+`"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="`+regexp.QuoteMeta(id)+`"`).MatchString(body) {
		t.Errorf("control %s is not marked invalid", id)
	}
}

var hiddenInput = regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)"`)

// hidden returns the value of the hidden field name in the form of body
// that posts to action, as a browser would send it; the test fails when
// there is no such form or field.
func hidden(t *testing.T, body, action, name string) string {
	t.Helper()
	start := strings.Index(body, `action="`+action+`"`)
	if start < 0 {
		t.Fatalf("no form posts to %s", action)
	}
	form := body[start:]
	if end := strings.Index(form, "</form>"); end >= 0 {
		form = form[:end]
	}
	for _, m := range hiddenInput.FindAllStringSubmatch(form, -1) {
		if m[1] == name {
			return m[2]
		}
	}
	t.Fatalf("the form that posts to %s has no hidden %s", action, name)
	return ""
}

// with is form with name set to value, form itself left as it is.
func with(form url.Values, name, value string) url.Values {
	out := url.Values{}
	for k, v := range form {
		out[k] = append([]string(nil), v...)
	}
	out.Set(name, value)
	return out
}
