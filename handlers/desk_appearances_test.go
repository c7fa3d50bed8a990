package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// rowURLs lists the addresses of a claim's appearances, in its order.
func rowURLs(t *testing.T, e *deskEnv, id uint) []string {
	t.Helper()
	c, err := e.store.GetClaim(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range c.Appearances {
		out = append(out, a.URL)
	}
	return out
}

// TestDeskClaimAppearanceRows: the claim form's appearances are rows of
// fields that work without a script: "Add another appearance" shows one
// more row and saves nothing; blank rows are left out; the article a claim
// comes from is added on saving and stays, without a remove box; a ticked
// row is removed; an error shows beside the row it is about, even after a
// removed row.
func TestDeskClaimAppearanceRows(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			art, err := e.store.CreateArticle(t.Context(), e.edUser, models.Meta{}, models.ArticleInput{URL: "https://news.example.org/2017/03/02/meetings",
				Title: "Sessions met the ambassador", Outlet: "The Daily Record", PublishedAt: "2017-03-02", Text: testArticle})
			if err != nil {
				t.Fatal(err)
			}
			artID := idStr(art.ID)
			blank := e.page(t, e.ed, "/desk/claims/new?article_id="+artID, http.StatusOK)
			mustContain(t, "new claim form", blank, `<fieldset id="appearances" class="appearances">`,
				"The article it comes from (<bdi>The Daily Record, 2 Mar 2017</bdi>) is added as an appearance when you log the claim.",
				`name="appearance_rows" value="1"`, `id="f-appearance-0-url" name="appearances[0].url"`,
				`formaction="/desk/claims#appearances"`, "Add another appearance")
			if strings.Contains(blank, `id="f-appearance-1-url"`) {
				t.Error("the new claim form shows more than one blank row")
			}

			f := claimForm()
			f.Set("article_id", artID)
			f.Set("add_appearance", "1")
			r := e.mustPost(t, e.ed, "/desk/claims", f, http.StatusOK, "")
			mustContain(t, "another row", r.body, `name="appearance_rows" value="3"`, `id="f-appearance-2-url"`,
				`value="https://www.example.gov/hearing"`, `value="Senate confirmation hearing"`, ">"+sworn+"</textarea>")
			if claims, _ := e.store.ListClaims(t.Context(), models.ClaimFilter{}); len(claims) != 0 {
				t.Fatalf("adding a row saved %d claims", len(claims))
			}

			f.Del("add_appearance")
			f.Set("appearance_rows", "3")
			f.Set("appearances[2].url", "https://example.org/interview")
			f.Set("appearances[2].date", "2017-03-05")
			f.Set("appearances[2].where", "Fox News interview")
			id := e.created(t, e.ed, "/desk/claims", f)
			want := "https://www.example.gov/hearing https://news.example.org/2017/03/02/meetings https://example.org/interview"
			if got := strings.Join(rowURLs(t, e, id), " "); got != want {
				t.Fatalf("appearances %s, want %s", got, want)
			}
			mustContain(t, "desk claim page", e.page(t, e.ed, claimPath(id), http.StatusOK), "<dt>Appeared in</dt>",
				`<a href="https://example.org/interview" rel="noopener noreferrer"><bdi>Fox News interview</bdi></a>`, "The Daily Record")

			edit := e.page(t, e.ed, claimPath(id)+"/edit", http.StatusOK)
			mustContain(t, "edit form", edit, `name="appearance_rows" value="4"`, `value="https://news.example.org/2017/03/02/meetings"`,
				"The article this claim was logged from: it stays an appearance.", `id="f-appearance-0-remove" name="appearances[0].remove"`,
				`id="f-appearance-2-remove"`, `id="f-appearance-3-url"`)
			if strings.Contains(edit, `id="f-appearance-1-remove"`) || strings.Contains(edit, `id="f-appearance-3-remove"`) {
				t.Error("the article's row or the blank row offers to remove it")
			}

			// Row 0 removed, row 2 wrong: the error is row 2's.
			g := url.Values{}
			for k, v := range claimForm() {
				if !strings.HasPrefix(k, "appearance") {
					g[k] = v
				}
			}
			g.Set("revision", hidden(t, edit, claimPath(id), "revision"))
			g.Set("appearance_rows", "4")
			g.Set("appearances[0].url", "https://www.example.gov/hearing")
			g.Set("appearances[0].remove", "true")
			g.Set("appearances[1].url", "https://news.example.org/2017/03/02/meetings")
			g.Set("appearances[2].url", "not a url")
			g.Set("appearances[2].where", "Fox News interview")
			r = e.mustPost(t, e.ed, claimPath(id), g, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "f-appearance-2-url", "Address must be an http or https URL")
			mustContain(t, "refused edit", r.body, `value="not a url"`, `value="true" checked id="f-appearance-0-remove"`)
			if got := strings.Join(rowURLs(t, e, id), " "); got != want {
				t.Fatalf("a refused edit changed the appearances: %s", got)
			}

			g.Set("appearances[2].url", "https://example.org/interview")
			e.mustPost(t, e.ed, claimPath(id), g, http.StatusSeeOther, claimPath(id)+"?done=claim-updated")
			if got := strings.Join(rowURLs(t, e, id), " "); got != "https://news.example.org/2017/03/02/meetings https://example.org/interview" {
				t.Fatalf("after removing the hearing: %s", got)
			}
			history := e.page(t, e.ed, claimPath(id)+"/history", http.StatusOK)
			mustContain(t, "history", history, "Where the claim appeared", "Senate confirmation hearing, 10 Jan 2017: https://www.example.gov/hearing")
		})
	}
}
