package models_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

func TestNormalizeArticleURL(t *testing.T) {
	const want = "example.org/news/2017/03/02/sessions-russia"
	for _, raw := range []string{
		"https://example.org/news/2017/03/02/sessions-russia",
		"http://example.org/news/2017/03/02/sessions-russia",
		"HTTPS://Example.ORG/news/2017/03/02/sessions-russia",
		"https://www.example.org/news/2017/03/02/sessions-russia",
		"https://example.org./news/2017/03/02/sessions-russia",
		"https://example.org:443/news/2017/03/02/sessions-russia",
		"http://example.org:80/news/2017/03/02/sessions-russia",
		"https://example.org/news/2017/03/02/sessions-russia/",
		"https://example.org/news/2017/03/02/sessions-russia#comments",
		"https://example.org/news/2017/03/02/sessions-russia?utm_source=twitter&utm_medium=social&UTM_Campaign=x",
		"https://example.org/news/2017/03/02/sessions-russia?fbclid=IwAR0abc&gclid=EAIa&msclkid=1&mc_cid=2&_ga=3",
		"https://example.org/news/2017/03/02/sessions-russia?",
		"  https://reader@example.org/news/2017/03/02/sessions-russia  ",
	} {
		if got := models.NormalizeArticleURL(raw); got != want {
			t.Errorf("NormalizeArticleURL(%q) = %q, want %q", raw, got, want)
		}
	}
	for raw, want := range map[string]string{
		// What tells pages apart stays: the path's case, other parameters
		// (in a fixed order), a port other than the default ones.
		"https://example.org/News/Story":                "example.org/News/Story",
		"https://example.org/story?id=7&page=2":         "example.org/story?id=7&page=2",
		"https://example.org/story?page=2&id=7&utm_x=1": "example.org/story?id=7&page=2",
		"https://example.org:8443/story":                "example.org:8443/story",
		"https://example.org/caf%C3%A9/":                "example.org/caf%C3%A9",
		"https://example.org/café":                      "example.org/caf%C3%A9",
		"https://example.org/":                          "example.org",
		"https://[2001:db8::1]/story":                   "[2001:db8::1]/story",
		"not a url":                                     "not a url",
	} {
		if got := models.NormalizeArticleURL(raw); got != want {
			t.Errorf("NormalizeArticleURL(%q) = %q, want %q", raw, got, want)
		}
	}
}

// auditActions lists the actions of the audit events of one object, oldest first.
func auditActions(t *testing.T, d *desk, objectType string, id uint) []string {
	t.Helper()
	ev, err := d.s.AuditEvents(d.ctx, models.AuditQuery{ObjectType: objectType, ObjectID: id})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(ev))
	for i, e := range ev {
		out[len(ev)-1-i] = e.Action
	}
	return out
}

// TestCreateArticleRefusesTheSameAddress: an article whose address,
// written one way, is already logged is refused with the article it
// repeats, and nothing is saved; logged on purpose, it is saved and its
// audit event names the article it repeats.
func TestCreateArticleRefusesTheSameAddress(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		in := models.ArticleInput{URL: "https://www.example.org/2017/03/02/sessions-russia", Title: "Sessions met Russian envoy", Text: "Text."}
		first, err := s.CreateArticle(d.ctx, d.ed, d.m, in)
		if err != nil {
			t.Fatal(err)
		}
		again := in
		again.URL = "http://Example.org/2017/03/02/sessions-russia/?utm_source=newsletter&fbclid=abc#comments"
		events := len(auditActions(t, d, "article", 0))
		_, err = s.CreateArticle(d.ctx, d.ed2, d.m, again)
		var dup *models.DuplicateArticleError
		if !errors.As(err, &dup) || !errors.Is(err, models.ErrConflict) || len(dup.Existing) != 1 || dup.Existing[0].ID != first.ID ||
			dup.Existing[0].URL != in.URL || dup.Existing[0].Title != in.Title {
			t.Fatalf("the same address again: %v %+v", err, dup)
		}
		if n, _ := s.ListArticles(d.ctx, 10); len(n) != 1 {
			t.Fatalf("a refused article was saved: %d articles", len(n))
		}
		if n := len(auditActions(t, d, "article", 0)); n != events {
			t.Fatalf("a refused article wrote %d audit events", n-events)
		}
		// Another page of the same site is another article.
		other := in
		other.URL = "https://example.org/2017/03/02/sessions-russia?page=2"
		if _, err := s.CreateArticle(d.ctx, d.ed, d.m, other); err != nil {
			t.Fatalf("another page: %v", err)
		}
		again.AllowDuplicate = true
		second, err := s.CreateArticle(d.ctx, d.ed2, d.m, again)
		if err != nil {
			t.Fatalf("logged again on purpose: %v", err)
		}
		ev, _ := s.AuditEvents(d.ctx, models.AuditQuery{ObjectType: "article", ObjectID: second.ID})
		if len(ev) != 1 || !strings.Contains(ev[0].After, `"same_address_as":[`+strconv.Itoa(int(first.ID))+`]`) {
			t.Errorf("audit of the article logged again: %+v", ev)
		}
		same, err := s.ArticlesAt(d.ctx, "https://example.org/2017/03/02/sessions-russia", second.ID)
		if err != nil || len(same) != 1 || same[0].ID != first.ID {
			t.Errorf("ArticlesAt: %+v %v", same, err)
		}
		if same, _ := s.ArticlesAt(d.ctx, "https://example.org/elsewhere", 0); len(same) != 0 {
			t.Errorf("ArticlesAt another address: %+v", same)
		}
	})
}
