package models_test

import (
	"fmt"
	"slices"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestSitemapPartsFollowClaimIDs: a sitemap part lists the public claims of
// its span of ids, by id; parts that hold no public claim are not listed.
func TestSitemapPartsFollowClaimIDs(t *testing.T) {
	modelstest.ForEach(t, models.Config{}, func(t *testing.T, s *models.Store) {
		d := newDesk(t, s)
		if parts, err := s.PublicSitemapParts(d.ctx, 2); err != nil || len(parts) != 0 {
			t.Fatalf("parts of an empty archive: %v %v", parts, err)
		}
		var claims []*models.Claim
		public := map[uint]bool{}
		for i, publish := range []bool{true, false, false, false, true, true, false} {
			in := sworn()
			in.Summary = fmt.Sprintf("Claim number %d", i+1)
			if publish {
				c := d.publish(t, in, "false")
				public[c.ID] = true
				claims = append(claims, c)
				continue
			}
			c, err := s.CreateClaim(d.ctx, d.ed, d.m, in)
			if err != nil {
				t.Fatal(err)
			}
			claims = append(claims, c)
		}
		if _, err := s.RetractClaim(d.ctx, d.rev, d.m, claims[4].ID, "Withdrawn."); err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{1, 2, 3, 100} {
			wantParts := []int{}
			wantLinks := map[int][]string{}
			for _, c := range claims {
				if !public[c.ID] {
					continue
				}
				k := int(c.ID-1)/size + 1
				if len(wantParts) == 0 || wantParts[len(wantParts)-1] != k {
					wantParts = append(wantParts, k)
				}
				wantLinks[k] = append(wantLinks[k], c.Slug)
			}
			parts, err := s.PublicSitemapParts(d.ctx, size)
			if err != nil || !slices.Equal(parts, wantParts) {
				t.Errorf("size %d: parts %v (%v), want %v", size, parts, err, wantParts)
			}
			last := int(claims[len(claims)-1].ID-1)/size + 2
			for k := 1; k <= last; k++ {
				links, err := s.PublicLinks(d.ctx, k, size)
				if err != nil {
					t.Fatal(err)
				}
				got := []string{}
				for _, l := range links {
					got = append(got, l.Slug)
					if l.UpdatedAt.IsZero() {
						t.Errorf("size %d: %s has no time", size, l.Slug)
					}
				}
				if !slices.Equal(got, append([]string{}, wantLinks[k]...)) {
					t.Errorf("size %d, part %d: %v, want %v", size, k, got, wantLinks[k])
				}
			}
		}
		for _, bad := range [][2]int{{0, 2}, {-1, 2}, {1, 0}, {1 << 62, 5000}} {
			if links, err := s.PublicLinks(d.ctx, bad[0], bad[1]); err != nil || len(links) != 0 {
				t.Errorf("part %d of size %d: %v %v", bad[0], bad[1], links, err)
			}
		}
	})
}
