package models_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// listWorld is what the public lists should show, kept by the test from
// what it did: each claim's speaker, status, rating and tags, in the order
// of first publication.
type listWorld struct {
	claims map[uint]*listClaim
	// speakers maps a speaker's slug to their name.
	speakers map[string]string
	seq      int
}

type listClaim struct {
	id      uint
	speaker string // slug
	status  models.ClaimStatus
	rating  string
	tags    []string
	pubSeq  int // order of first publication, 0 while never published
}

func (w *listWorld) public() []*listClaim {
	var out []*listClaim
	for _, c := range w.claims {
		if c.status.IsPublic() {
			out = append(out, c)
		}
	}
	// Newest first publication first.
	sort.Slice(out, func(i, j int) bool { return out[i].pubSeq > out[j].pubSeq })
	return out
}

func ids(cs []*listClaim, keep func(*listClaim) bool) []uint {
	out := []uint{}
	for _, c := range cs {
		if keep(c) {
			out = append(out, c.id)
		}
	}
	return out
}

func itemIDs(items []models.PublicItem) []uint {
	out := []uint{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

// check compares every public list with the world: the speakers with
// their counts, each speaker's page and scorecard, and the list under each
// filter, page by page.
func (w *listWorld) check(t *testing.T, s *models.Store, step string) {
	t.Helper()
	ctx := context.Background()
	pub := w.public()

	// Speakers with public claims, by name, with their counts.
	counts := map[string]int{}
	for _, c := range pub {
		counts[c.speaker]++
	}
	var want []string
	for slug, n := range counts {
		want = append(want, fmt.Sprintf("%s=%d", w.speakers[slug], n))
	}
	sort.Strings(want)
	people, err := s.PublicPeople(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range people {
		got = append(got, fmt.Sprintf("%s=%d", p.Name, p.Claims))
		if p.PublicClaims != p.Claims {
			t.Errorf("%s: %s has PublicClaims %d, Claims %d", step, p.Name, p.PublicClaims, p.Claims)
		}
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("%s: public people = [%s], want [%s]", step, strings.Join(got, ", "), strings.Join(want, ", "))
	}

	ratings, err := s.Ratings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for slug := range w.speakers {
		p, err := s.PublicPersonBySlug(ctx, slug)
		switch {
		case counts[slug] == 0 && !errors.Is(err, models.ErrNotFound):
			t.Errorf("%s: speaker %s with no public claim: %v, %v", step, slug, p, err)
		case counts[slug] > 0 && err != nil:
			t.Errorf("%s: speaker %s: %v", step, slug, err)
		case counts[slug] > 0:
			// Published claims only, per rating, in the scale's order.
			card, err := s.Scorecard(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, r := range ratings {
				n := len(ids(pub, func(c *listClaim) bool {
					return c.speaker == slug && c.status == models.ClaimPublished && c.rating == r.Slug
				}))
				want = append(want, fmt.Sprintf("%s=%d", r.Slug, n))
			}
			for _, rc := range card {
				got = append(got, fmt.Sprintf("%s=%d", rc.RatingSlug, rc.Count))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: scorecard of %s = %v, want %v", step, slug, got, want)
			}
		}
	}

	// Every filter, two claims a page, so that offsets are exercised.
	type filter struct {
		q    models.PublicQuery
		keep func(*listClaim) bool
	}
	filters := []filter{{models.PublicQuery{}, func(*listClaim) bool { return true }}}
	// A rating lists the published claims that have it: a retracted
	// claim's rating no longer stands.
	for _, r := range ratings {
		rated := func(c *listClaim) bool { return c.rating == r.Slug && c.status == models.ClaimPublished }
		filters = append(filters, filter{models.PublicQuery{Rating: r.Slug}, rated})
		for _, tag := range []string{"russia", "crime"} {
			filters = append(filters, filter{models.PublicQuery{Rating: r.Slug, Tag: tag}, func(c *listClaim) bool { return rated(c) && slices.Contains(c.tags, tag) }})
		}
	}
	for slug := range w.speakers {
		filters = append(filters, filter{models.PublicQuery{Person: slug}, func(c *listClaim) bool { return c.speaker == slug }})
		filters = append(filters, filter{models.PublicQuery{Person: slug, Tag: "russia"}, func(c *listClaim) bool { return c.speaker == slug && slices.Contains(c.tags, "russia") }})
	}
	for _, tag := range []string{"russia", "crime", "budget", "nothing"} {
		filters = append(filters, filter{models.PublicQuery{Tag: tag}, func(c *listClaim) bool { return slices.Contains(c.tags, tag) }})
	}
	for _, f := range filters {
		want := ids(pub, f.keep)
		got := []uint{}
		for page := 1; ; page++ {
			q := f.q
			q.Page, q.PerPage = page, 2
			items, more, err := s.PublicClaims(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, itemIDs(items)...)
			if !more || page > 20 {
				break
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: list %+v = %v, want %v", step, f.q, got, want)
		}
	}
}

// TestPublicListsStayExact follows every way a claim enters, leaves or
// moves within the public lists (publication, a rating changed by a new
// verdict, retraction, a verdict sent back, a draft's speaker changed, and
// writes that bypass the store: a speaker merge and a deletion) and checks
// after each that the speakers, their counts, scorecards and every filtered
// list are exactly what the claims say.
func TestPublicListsStayExact(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); now = now.Add(time.Second); return now }
	modelstest.ForEach(t, models.Config{Now: clock}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		w := &listWorld{claims: map[uint]*listClaim{}, speakers: map[string]string{}}
		create := func(speaker, summary string, tags ...string) *listClaim {
			t.Helper()
			in := sworn()
			in.Speaker, in.Summary, in.Tags = speaker, summary, tags
			c, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
			if err != nil {
				t.Fatal(err)
			}
			w.speakers[c.Person.Slug] = c.Person.Name
			lc := &listClaim{id: c.ID, speaker: c.Person.Slug, status: models.ClaimDraft, tags: tags}
			w.claims[c.ID] = lc
			return lc
		}
		propose := func(c *listClaim, rating string) *models.Verdict {
			t.Helper()
			v, err := s.ProposeVerdict(d.ctx, d.ed, d.m, c.id, models.VerdictInput{Rating: rating, Headline: "Rated " + rating, Explanation: "The record says so."})
			if err != nil {
				t.Fatal(err)
			}
			if c.status == models.ClaimDraft {
				c.status = models.ClaimInReview
			}
			return v
		}
		approve := func(c *listClaim, v *models.Verdict, rating string) {
			t.Helper()
			res, err := s.ReviewVerdict(d.ctx, d.rev, d.m, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove})
			if err != nil || !res.Published {
				t.Fatalf("approve: %+v %v", res, err)
			}
			c.status, c.rating = models.ClaimPublished, rating
			if c.pubSeq == 0 {
				w.seq++
				c.pubSeq = w.seq
			}
		}
		publish := func(c *listClaim, rating string) { t.Helper(); approve(c, propose(c, rating), rating) }

		w.check(t, s, "empty")
		a := create("Jeff Sessions", "Sessions denied the meetings", "russia", "hearings")
		b := create("The Mayor's Office", "Crime halved since 2019", "crime")
		w.check(t, s, "drafts")
		va := propose(a, "false")
		w.check(t, s, "in review")
		approve(a, va, "false")
		w.check(t, s, "first publication")
		publish(b, "mostly-true")
		c := create("jeff sessions", "Sessions said the campaign met nobody", "russia")
		publish(c, "false")
		w.check(t, s, "three published")

		// A new verdict with another rating supersedes the published one:
		// the claim keeps its place and its speaker's count, and moves
		// from one rating to the other.
		publish(a, "true")
		w.check(t, s, "rating changed")

		// A new verdict sent back leaves the published one in place.
		vb := propose(b, "false")
		if _, err := s.ReviewVerdict(d.ctx, d.rev, d.m, vb.ID, models.ReviewInput{Version: vb.Version, Decision: models.DecisionRequestChanges, Comment: "Not yet."}); err != nil {
			t.Fatal(err)
		}
		w.check(t, s, "new verdict sent back")

		// A retracted claim stays public, and listed, but leaves the scorecard.
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, c.id, "We could not stand by it."); err != nil {
			t.Fatal(err)
		}
		c.status = models.ClaimRetracted
		w.check(t, s, "retracted")

		// A draft that changes speaker counts for nobody until published.
		e := create("Jeff Sessions", "A draft about the budget", "budget", "russia")
		if _, err := s.UpdateClaim(d.ctx, d.ed, d.m, e.id, models.ClaimPatch{Speaker: ptr("A New Speaker")}); err != nil {
			t.Fatal(err)
		}
		lc, err := s.GetClaim(d.ctx, e.id)
		if err != nil {
			t.Fatal(err)
		}
		e.speaker = lc.Person.Slug
		w.speakers[lc.Person.Slug] = lc.Person.Name
		w.check(t, s, "draft moved to a new speaker")
		publish(e, "half-true")
		w.check(t, s, "new speaker published")

		// Writes that bypass the store, as a migration merging speakers or
		// an operator removing a claim would make, keep the lists exact too.
		var sessions string
		for slug, name := range w.speakers {
			if name == "Jeff Sessions" {
				sessions = slug
			}
		}
		if err := s.ExecForTest(d.ctx, "UPDATE claims SET person_id = (SELECT id FROM people WHERE slug = ?) WHERE id = ?", e.speaker, a.id); err != nil {
			t.Fatal(err)
		}
		a.speaker = e.speaker
		w.check(t, s, "claim moved to another speaker")
		if err := s.ExecForTest(d.ctx, "DELETE FROM claims WHERE id = ?", c.id); err != nil {
			t.Fatal(err)
		}
		delete(w.claims, c.id)
		w.check(t, s, "claim deleted")
		if n := len(ids(w.public(), func(c *listClaim) bool { return c.speaker == sessions })); n != 0 {
			t.Fatalf("Jeff Sessions still has %d public claims in the world", n)
		}
	})
}

// TestSeededClaimsAreCounted checks the derived values after a bulk load,
// which writes rows directly rather than through the store's actions, and
// that EachPublic reads every public claim once, in list order, across its
// batches of 1,000 even where many claims share a publication time.
func TestSeededClaimsAreCounted(t *testing.T) {
	const published = 1100
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		if err := s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: published, SourcesPerClaim: 0, Published: true, Seed: 5}); err != nil {
			t.Fatal(err)
		}
		if err := s.SeedSynthetic(ctx, models.SyntheticSpec{Claims: 100, SourcesPerClaim: 0, Published: false, Seed: 6}); err != nil {
			t.Fatal(err)
		}
		// Three publication times only: every batch boundary falls within
		// a run of equal times.
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
		for k := range 3 {
			if err := s.ExecForTest(ctx, "UPDATE claims SET published_at = ? WHERE status = 'published' AND id % 3 = ?", day.AddDate(0, 0, k), k); err != nil {
				t.Fatal(err)
			}
		}
		perSpeaker, perRating := map[string]int{}, map[string][]uint{}
		var all []uint
		var last *models.PublicItem
		err := s.EachPublic(ctx, func(it models.PublicItem) error {
			if last != nil && (last.PublishedAt.Before(*it.PublishedAt) || last.PublishedAt.Equal(*it.PublishedAt) && last.ID <= it.ID) {
				t.Errorf("each public: %d (%v) after %d (%v)", it.ID, it.PublishedAt, last.ID, last.PublishedAt)
			}
			last = &it
			perSpeaker[it.PersonSlug]++
			perRating[it.RatingSlug] = append(perRating[it.RatingSlug], it.ID)
			all = append(all, it.ID)
			return nil
		})
		if err != nil || len(all) != published {
			t.Fatalf("each public: %d, %v", len(all), err)
		}
		people, err := s.PublicPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, p := range people {
			if p.Claims != perSpeaker[p.Slug] {
				t.Errorf("%s: %d public claims, counted %d", p.Slug, p.Claims, perSpeaker[p.Slug])
			}
			total += p.Claims
		}
		if total != published || len(people) != len(perSpeaker) {
			t.Errorf("public people: %d with %d claims, want %d with %d", len(people), total, len(perSpeaker), published)
		}
		for rating, want := range perRating {
			var got []uint
			for page := 1; ; page++ {
				items, more, err := s.PublicClaims(ctx, models.PublicQuery{Rating: rating, Page: page, PerPage: 100})
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, itemIDs(items)...)
				if !more {
					break
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("rating %s: %d claims listed, %d want", rating, len(got), len(want))
			}
		}
		// Every seeded tag lists exactly the public claims that carry it.
		tagged := 0
		for _, tag := range []string{"budget", "deficit", "oceans"} {
			items, _, err := s.PublicClaims(ctx, models.PublicQuery{Tag: tag, PerPage: 100})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				c, err := s.PublicClaim(ctx, it.Slug)
				if err != nil || !slices.Contains(c.TagNames(), tag) {
					t.Errorf("tag %s lists %s (%v, tags %v)", tag, it.Slug, err, c.TagNames())
				}
			}
			tagged += len(items)
		}
		if tagged == 0 {
			t.Error("no seeded claim is tagged")
		}
	})
}

func ptr[T any](v T) *T { return &v }
