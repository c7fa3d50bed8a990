package models_test

import (
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// appearanceList writes a claim's appearances as "url date where; …", in
// the claim's order.
func appearanceList(c *models.Claim) string {
	var parts []string
	for _, a := range c.Appearances {
		parts = append(parts, strings.Join(strings.Fields(a.URL+" "+models.FormatDate(a.Date)+" "+a.Where), " "))
	}
	return strings.Join(parts, "; ")
}

// TestClaimAppearances: a claim lists every work it appeared in, earliest
// first, undated ones last; the article it is logged from is one of them,
// with the article's address, date and outlet, unless the editor listed
// its address already; an edit replaces the list (the article's stays); a
// patch that leaves the list out keeps it; the audit log records the
// lists; a refused list changes nothing.
func TestClaimAppearances(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		art, err := s.CreateArticle(d.ctx, d.ed, d.m, models.ArticleInput{URL: "https://news.example.org/2017/03/02/meetings",
			Title: "Sessions met the ambassador", Outlet: "The Daily Record", PublishedAt: "2017-03-02", Text: "Text of the report."})
		if err != nil {
			t.Fatal(err)
		}
		in := sworn()
		in.ArticleID = &art.ID
		in.Appearances = []models.AppearanceInput{
			{URL: "https://example.org/undated-clip"},
			{URL: " https://example.org/interview ", Date: "2017-03-05", Where: " Fox News interview "},
			{URL: "https://www.judiciary.senate.gov/hearing", Date: "2017-01-10", Where: "Senate confirmation hearing"},
		}
		c, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		want := "https://www.judiciary.senate.gov/hearing 2017-01-10 Senate confirmation hearing; " +
			"https://news.example.org/2017/03/02/meetings 2017-03-02 The Daily Record; " +
			"https://example.org/interview 2017-03-05 Fox News interview; https://example.org/undated-clip"
		if got := appearanceList(c); got != want {
			t.Errorf("created:\n got %s\nwant %s", got, want)
		}
		loaded, err := s.GetClaim(d.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := appearanceList(loaded); got != want {
			t.Errorf("loaded:\n got %s\nwant %s", got, want)
		}
		if f := loaded.FirstAppearance(); f == nil || f.URL != "https://www.judiciary.senate.gov/hearing" {
			t.Errorf("first appearance = %+v", f)
		}
		listed, err := s.ListClaims(d.ctx, models.ClaimFilter{})
		if err != nil || len(listed) != 1 || appearanceList(&listed[0]) != want {
			t.Errorf("listed: %v %v", listed, err)
		}

		// The article's address listed by the editor is kept as given.
		in2 := sworn()
		in2.Summary, in2.ArticleID = "Sessions denied meeting Russians", &art.ID
		in2.Appearances = []models.AppearanceInput{{URL: art.URL, Where: "Front page"}}
		c2, err := s.CreateClaim(d.ctx, d.ed, d.m, in2)
		if err != nil {
			t.Fatal(err)
		}
		if got := appearanceList(c2); got != art.URL+" Front page" {
			t.Errorf("article listed by the editor: %s", got)
		}

		// An edit replaces the list; the article's comes back.
		rev := loaded.Revision
		edited, err := s.UpdateClaim(d.ctx, d.ed2, d.m, c.ID, models.ClaimPatch{Revision: rev,
			Appearances: &[]models.AppearanceInput{{URL: "https://example.org/rally", Date: "2016-10-01", Where: "Campaign rally"}}})
		if err != nil {
			t.Fatal(err)
		}
		want = "https://example.org/rally 2016-10-01 Campaign rally; https://news.example.org/2017/03/02/meetings 2017-03-02 The Daily Record"
		if got := appearanceList(edited); got != want {
			t.Errorf("edited:\n got %s\nwant %s", got, want)
		}
		// Leaving the list out keeps it.
		if _, err := s.UpdateClaim(d.ctx, d.ed2, d.m, c.ID, models.ClaimPatch{Setting: new("Senate Judiciary Committee")}); err != nil {
			t.Fatal(err)
		}
		if loaded, _ = s.GetClaim(d.ctx, c.ID); appearanceList(loaded) != want {
			t.Errorf("kept:\n got %s\nwant %s", appearanceList(loaded), want)
		}

		// A refused list changes nothing, and says which member is wrong.
		before := loaded.Revision
		_, err = s.UpdateClaim(d.ctx, d.ed2, d.m, c.ID, models.ClaimPatch{Setting: new("Changed"),
			Appearances: &[]models.AppearanceInput{{URL: "https://example.org/a"}, {URL: "https://example.org/b", Date: "yesterday"}}})
		if fe := models.FieldErrors(err); fe[models.AppearanceField(1, "date")] == "" || len(fe) != 1 {
			t.Fatalf("bad date: %v", err)
		}
		many := make([]models.AppearanceInput, models.MaxAppearances)
		for i := range many {
			many[i].URL = "https://example.org/" + strings.Repeat("x", i+1)
		}
		_, err = s.UpdateClaim(d.ctx, d.ed2, d.m, c.ID, models.ClaimPatch{Appearances: &many})
		if models.FieldErrors(err)["appearances"] == "" {
			t.Fatalf("%d appearances and the article's: %v", len(many), err)
		}
		if loaded, _ = s.GetClaim(d.ctx, c.ID); appearanceList(loaded) != want || loaded.Revision != before || loaded.Setting != "Senate Judiciary Committee" {
			t.Errorf("a refused edit changed the claim: %s, revision %d", appearanceList(loaded), loaded.Revision)
		}

		// The audit log records the lists, before and after.
		events, err := s.ClaimHistory(d.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var create, update string
		for _, e := range events {
			switch {
			case e.Action == "claim.create":
				create = e.After
			case e.Action == "claim.update" && update == "":
				update = e.Before + " -> " + e.After
			}
		}
		if !strings.Contains(create, `"appearances":[{"url":"https://www.judiciary.senate.gov/hearing","date":"2017-01-10","where":"Senate confirmation hearing"}`) {
			t.Errorf("claim.create records %s", create)
		}
		if !strings.Contains(update, `"url":"https://example.org/undated-clip"}]`) || !strings.Contains(update, `-> {`) ||
			!strings.Contains(update, `"appearances":[{"url":"https://example.org/rally","date":"2016-10-01","where":"Campaign rally"}`) {
			t.Errorf("claim.update records %s", update)
		}
	})
}
