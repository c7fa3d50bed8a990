package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

var listedClaim = regexp.MustCompile(`class="row-title" href="/desk/claims/(\d+)"`)

// listed is the claims a desk list shows, in its order.
func listed(body string) []uint {
	var out []uint
	for _, m := range listedClaim.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, uint(n))
	}
	return out
}

// A draft is found by its words on the desk, by an editor, whatever their
// case and accents; the public search, the public API and the feeds never
// show it, nor find it by those words.
func TestDeskSearchFindsDraftsThePublicNeverSees(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			pub := e.newClaim(t)
			e.publish(t, pub)
			draft := e.created(t, e.ed, "/desk/claims", with(with(claimForm(), "text", "The Quillström levy on the Ørsund ferry tripled"),
				"summary", "Ferry levy tripled"))
			cl, err := e.store.GetClaim(t.Context(), draft)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{"quillstrom", "Quillström", "QUILLSTRÖM", "quillstro", "levy quillström"} {
				page := e.page(t, e.ed, "/desk/claims?q="+url.QueryEscape(q), http.StatusOK)
				if got := listed(page); !slices.Equal(got, []uint{draft}) {
					t.Errorf("desk search %q lists %v, want the draft %d", q, got, draft)
				}
			}
			// Every desk role finds it.
			for _, c := range []*http.Client{e.other, e.rev, e.admin} {
				if got := listed(e.page(t, c, "/desk/claims?q=quillstrom", http.StatusOK)); !slices.Equal(got, []uint{draft}) {
					t.Errorf("another desk account's search lists %v", got)
				}
			}
			none := e.page(t, e.ed, "/desk/claims?q=nothingburger", http.StatusOK)
			mustContain(t, "no match", none, "No claims match.", `<a href="/desk/claims">Clear filters</a>`, "1 filter on")
			if len(listed(none)) != 0 {
				t.Error("a word found nowhere lists claims")
			}

			anon := e.client(t)
			if got := listed(e.page(t, e.ed, "/desk/claims?q=sessions", http.StatusOK)); !slices.Contains(got, pub) {
				t.Fatal("the desk does not find the published claim: the test proves nothing")
			}
			if r := e.get(t, anon, "/search?q=sessions"); !strings.Contains(r.body, "/claims/sessions") {
				t.Fatal("the public search finds nothing: the test proves nothing")
			}
			for _, path := range []string{"/search?q=quillstrom", "/search?q=Quillstr%C3%B6m", "/search?q=levy", "/api/v1/public/claims?q=quillstrom",
				"/api/v1/public/claims", "/feed.atom", "/claimreview.json", "/corrections.atom", "/sitemap.xml", "/"} {
				// A search page repeats its query: the draft's other words tell.
				r := e.get(t, anon, path)
				if strings.Contains(r.body, "Ørsund") || strings.Contains(r.body, "Ferry levy") || strings.Contains(r.body, cl.Slug) {
					t.Errorf("GET %s (%d) shows the draft", path, r.status)
				}
			}
			if r := e.get(t, anon, "/desk/claims?q=quillstrom"); r.status != http.StatusSeeOther {
				t.Errorf("the desk's search without signing in: %d", r.status)
			}
		})
	}
}

// Each filter of the desk's list narrows it, alone and together, and each
// order sorts it; ids that name nobody list nothing; the links of the
// status tabs, the views and the pages keep the filters.
func TestDeskClaimFiltersAndOrders(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			ctx := t.Context()
			otherUser, err := e.store.UserByEmail(ctx, "other@example.org")
			if err != nil {
				t.Fatal(err)
			}
			log := func(who *models.User, in models.ClaimInput) *models.Claim {
				t.Helper()
				c, err := e.store.CreateClaim(ctx, who, models.Meta{}, in)
				if err != nil {
					t.Fatal(err)
				}
				return c
			}
			c1 := log(e.edUser, models.ClaimInput{Text: "Unemployment fell to four percent in the spring", Summary: "Unemployment fell to four percent",
				Speaker: "Ann Speaker", SaidAt: "2020-01-05", Tags: []string{"Économie"}, Language: "en", AssigneeID: e.revUser.ID})
			c2 := log(e.edUser, models.ClaimInput{Text: "O desemprego caiu para quatro por cento na primavera", Summary: "O desemprego caiu",
				Speaker: "Bob Talker", SaidAt: "2021-06-01", Tags: []string{"trabalho"}, Language: "pt-BR", AssigneeID: e.edUser.ID})
			c3 := log(otherUser, models.ClaimInput{Text: "Exports doubled in a single year", Summary: "Exports doubled",
				Speaker: "Ann Speaker", DueOn: "2031-01-01"})
			if _, err := e.store.UpdateClaim(ctx, otherUser, models.Meta{}, c3.ID, models.ClaimPatch{Status: new(models.ClaimResearching)}); err != nil {
				t.Fatal(err)
			}
			ann := c1.PersonID
			all := func(c *http.Client, query string) []uint {
				t.Helper()
				got := listed(e.page(t, c, "/desk/claims?"+query, http.StatusOK))
				return got
			}
			set := func(ids ...*models.Claim) []uint {
				out := make([]uint, len(ids))
				for i, c := range ids {
					out[i] = c.ID
				}
				slices.Sort(out)
				return out
			}
			sorted := func(ids []uint) []uint { s := slices.Clone(ids); slices.Sort(s); return s }
			for _, tc := range []struct {
				who   *http.Client
				query string
				want  []uint
			}{
				{e.ed, "", set(c1, c2, c3)},
				{e.ed, "speaker=" + idStr(ann), set(c1, c3)},
				{e.ed, "tag=economie", set(c1)},
				{e.ed, "tag=%C3%89conomie", set(c1)},
				{e.ed, "status=researching", set(c3)},
				{e.ed, "status=draft", set(c1, c2)},
				{e.rev, "assignee=me", set(c1)},
				{e.ed, "assignee=me", set(c2)},
				{e.ed, "assignee=" + idStr(e.revUser.ID), set(c1)},
				{e.ed, "assignee=nobody", set(c3)},
				{e.ed, "author=me", set(c1, c2)},
				{e.other, "author=me", set(c3)},
				{e.ed, "author=" + idStr(otherUser.ID), set(c3)},
				{e.ed, "language=pt", set(c2)},
				{e.ed, "language=en-GB", nil},
				{e.ed, "from=2020-01-05&to=2020-01-05", set(c1)},
				{e.ed, "from=2021-01-01", set(c2)},
				{e.ed, "to=2020-12-31", set(c1)},
				{e.ed, "q=fell&speaker=" + idStr(ann), set(c1)},
				{e.ed, "q=desemprego&speaker=" + idStr(ann), nil},
				{e.ed, "speaker=999999", nil},
				{e.ed, "assignee=999999", nil},
				{e.ed, "author=999999", nil},
				{e.ed, "tag=nowhere", nil},
			} {
				if got := sorted(all(tc.who, tc.query)); !slices.Equal(got, tc.want) {
					t.Errorf("?%s lists %v, want %v", tc.query, got, tc.want)
				}
			}
			for query, want := range map[string][]uint{
				"sort=newest": {c3.ID, c2.ID, c1.ID},
				"sort=oldest": {c1.ID, c2.ID, c3.ID},
				"sort=said":   {c2.ID, c1.ID, c3.ID},
				"sort=due":    {c3.ID, c1.ID, c2.ID},
			} {
				if got := all(e.ed, query); !slices.Equal(got, want) {
					t.Errorf("?%s orders %v, want %v", query, got, want)
				}
			}
			// The default is the most recently changed first.
			if _, err := e.store.UpdateClaim(ctx, e.edUser, models.Meta{}, c1.ID, models.ClaimPatch{Setting: new("A radio interview")}); err != nil {
				t.Fatal(err)
			}
			if got := all(e.ed, ""); len(got) != 3 || got[0] != c1.ID {
				t.Errorf("by default the list starts with %v, want the claim changed last (%d)", got, c1.ID)
			}

			// The form shows what the address asks for, the count of
			// filters, and the links keep them.
			page := e.page(t, e.ed, "/desk/claims?status=draft&q=fell&speaker="+idStr(ann)+"&sort=oldest", http.StatusOK)
			d := doc(t, page)
			if got := d.Find(`#find-q`).AttrOr("value", ""); got != "fell" {
				t.Errorf("the words field holds %q", got)
			}
			if got := d.Find(`#find-speaker option[selected]`).Text(); got != "Ann Speaker" {
				t.Errorf("the speaker chosen is %q", got)
			}
			mustContain(t, "filtered list", page, "3 filters on", `<details class="more-filters" open>`, `<input type="hidden" name="status" value="draft">`,
				`href="/desk/claims?q=fell&amp;sort=oldest&amp;speaker=`+idStr(ann)+`&amp;status=researching"`, "Order: Oldest logged.")
			// Pages keep the filters.
			for i := range pagesFull {
				log(e.edUser, models.ClaimInput{Text: "A claim of the many logged for pages " + strconv.Itoa(i), Summary: "Page claim " + strconv.Itoa(i),
					Speaker: "Cy Pager", Tags: []string{"paged"}})
			}
			first := e.page(t, e.ed, "/desk/claims?tag=paged&sort=oldest", http.StatusOK)
			if n := len(listed(first)); n != 50 {
				t.Fatalf("first page: %d claims", n)
			}
			older := doc(t, first).Find(`.list-pager a`).AttrOr("href", "")
			if older != "/desk/claims?offset=50&sort=oldest&tag=paged" {
				t.Fatalf("the next page's link is %q", older)
			}
			if got := listed(e.page(t, e.ed, older, http.StatusOK)); len(got) != pagesFull-50 {
				t.Errorf("second page: %v", got)
			}
		})
	}
}

// pagesFull is how many claims TestDeskClaimFiltersAndOrders logs to fill
// more than a page.
const pagesFull = 53

// A refused filter comes back beside its field (422), with the list left
// out; the API refuses the same values naming the parameter.
func TestDeskClaimFilterErrors(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			e.newClaim(t)
			for _, tc := range []struct{ query, id, why string }{
				{"speaker=ann", "find-speaker", "Speaker must be a whole number from 1"},
				{"speaker=99999999999", "find-speaker", "Speaker must be a whole number from 1"},
				{"assignee=someone", "find-assignee", "Assigned to must be an account&#39;s id, me or nobody"},
				{"author=nobody", "find-author", "Logged by must be an account&#39;s id or me"},
				{"language=not+a+tag", "find-language", "Language must be a BCP 47 language tag, such as ar, pt-BR or zh-Hant"},
				{"from=2020-13-01", "find-from", "Said from must be a date like 2017-01-10"},
				{"from=2021-01-01&to=2020-01-01", "find-to", "Said until must not be before the first day (1 January 2021)"},
				{"sort=random", "find-sort", "Sort by must be “Recently changed”, “Newest logged”, “Oldest logged”, “Due date” or “Date said”"},
				{"tag=%21%21", "find-tag", "Tag must hold a letter or a digit"},
				{"q=a+b+c+d+e+f+g+h+i+j+k+l+m", "find-q", "Words must hold at most 12 words"},
			} {
				r := e.get(t, e.ed, "/desk/claims?"+tc.query)
				if r.status != http.StatusUnprocessableEntity {
					t.Errorf("?%s: %d, want 422", tc.query, r.status)
					continue
				}
				fieldError(t, r.body, tc.id, tc.why)
				if len(listed(r.body)) != 0 {
					t.Errorf("?%s lists claims beside its error", tc.query)
				}
			}
			r := e.get(t, e.ed, "/desk/claims?status=bogus")
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Status must be “Draft”, “Researching”, “Sent back”, “In review”, “Published” or “Retracted”") {
				t.Errorf("?status=bogus: %d\n%s", r.status, errorsIn(r.body))
			}
		})
	}
}

// GET /api/v1/claims takes the desk list's filters, drafts included, for
// the desk's tokens; without a token it answers 401, and the public API
// never lists a draft.
func TestAPIClaimListFilters(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			draft := e.draftSaying(t, asEditor, "The Quillström levy on the ferry tripled", "Ferry levy tripled")
			mine := e.draftSaying(t, asAuthor, "Exports doubled in a single year", "Exports doubled")
			pub := e.published(t, "A fact-check everyone may read")
			// The desk's "sent back" is a filter of the API's too.
			back := e.draftSaying(t, asEditor, "Imports halved since spring", "Imports halved")
			e.source(t, back.ID)
			bv := e.verdict(t, asEditor, back.ID)
			e.must(t, http.StatusCreated, asReviewer, "POST", apiPath("/verdicts/%d/reviews", bv.ID), `{"decision":"request_changes","version":1,"comment":"Cite the customs data."}`)
			ids := func(r apiResult) []uint {
				var out []uint
				for i := range r.count(t, "claims") {
					out = append(out, r.id(t, "claims."+strconv.Itoa(i)+".id"))
				}
				slices.Sort(out)
				return out
			}
			for query, want := range map[string][]uint{
				"q=QUILLSTROM":                 {draft.ID},
				"q=quillstrom&status=draft":    {draft.ID},
				"author=me":                    sortedIDs(mine.ID, pub.ID),
				"author=me&q=levy":             nil,
				"speaker=999999":               nil,
				"tag=economy&status=published": {pub.ID},
				"assignee=nobody&sort=oldest":  sortedIDs(draft.ID, mine.ID, pub.ID, back.ID),
				"status=sent_back":             {back.ID},
			} {
				r := e.must(t, http.StatusOK, asAuthor, "GET", "/api/v1/claims?"+query, "")
				if got := ids(r); !slices.Equal(got, want) {
					t.Errorf("?%s lists %v, want %v", query, got, want)
				}
			}
			for query, field := range map[string]string{"speaker=x": "speaker", "sort=up": "sort", "from=yesterday": "from", "assignee=all": "assignee"} {
				r := e.must(t, http.StatusUnprocessableEntity, asEditor, "GET", "/api/v1/claims?"+query, "")
				if _, ok := r.get("error.fields." + field); !ok {
					t.Errorf("?%s: the error does not name %s", query, field)
				}
			}
			e.must(t, http.StatusUnauthorized, asNone, "GET", "/api/v1/claims?q=quillstrom", "")
			for _, q := range []string{"quillstrom", "levy", ""} {
				r := e.must(t, http.StatusOK, asNone, "GET", "/api/v1/public/claims?q="+q, "")
				if strings.Contains(strings.ToLower(r.body), "quillstr") || strings.Contains(r.body, draft.Slug) {
					t.Errorf("the public API (q=%q) shows the draft", q)
				}
			}
		})
	}
}

// sortedIDs is ids in ascending order.
func sortedIDs(ids ...uint) []uint {
	slices.Sort(ids)
	return ids
}
