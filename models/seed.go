package models

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"gorm.io/gorm"

	"claimtracker/migrations"
)

// SyntheticSpec says how much synthetic data SeedSynthetic writes.
type SyntheticSpec struct {
	Claims          int
	SourcesPerClaim int
	// Published claims get a published verdict; otherwise they are drafts.
	Published bool
	// Seed makes the text repeatable.
	Seed uint64
}

// SeedSynthetic fills the database with generated claims, sources and
// verdicts in bulk, for load tests and benchmarks: varied words so that
// full-text search has realistic work, speakers spread over 500 people,
// dates over ten years, one to three tags a claim drawn from a long tail
// (the commonest on about half the claims, the rarest on a few hundred in
// 100,000), and a clarification on about one published claim in a hundred.
// It writes in batches of 1,000 claims, each batch one transaction, and
// indexes them for search. It writes no audit events: nobody made these
// changes.
func (s *Store) SeedSynthetic(ctx context.Context, spec SyntheticSpec) error {
	rng := rand.New(rand.NewPCG(spec.Seed, spec.Seed^0x9e3779b97f4a7c15))
	// Tags and corrections draw from a stream of their own, so that the
	// text, speakers and dates stay what they were before there were any.
	extra := rand.New(rand.NewPCG(spec.Seed^0x5bd1e9955bd1e995, spec.Seed+1))
	var ratings []Rating
	if err := s.read(ctx).Order("position").Find(&ratings).Error; err != nil {
		return err
	}
	if len(ratings) == 0 {
		return fmt.Errorf("seed: no ratings")
	}
	var firstID int64
	if err := s.read(ctx).Model(&Claim{}).Select("COALESCE(MAX(id), 0)").Scan(&firstID).Error; err != nil {
		return err
	}
	people := make([]uint, 0, 500)
	err := s.write(ctx, func(tx *gorm.DB) error {
		// Names are unique whatever their case: a name drawn again gets a number.
		var taken []string
		if err := tx.Model(&Person{}).Pluck("lower(name)", &taken).Error; err != nil {
			return err
		}
		seen := make(map[string]bool, len(taken))
		for _, n := range taken {
			seen[n] = true
		}
		for i := range 500 {
			name := pick(rng, firstNames) + " " + pick(rng, lastNames)
			for k := 2; seen[strings.ToLower(name)]; k++ {
				name = fmt.Sprintf("%s %s %d", strings.Fields(name)[0], strings.Fields(name)[1], k)
			}
			seen[strings.ToLower(name)] = true
			p := Person{Name: name, Slug: fmt.Sprintf("seed-%d-%s", firstID+int64(i), Slugify(name, 40)), Kind: KindPerson}
			if err := tx.Create(&p).Error; err != nil {
				return err
			}
			people = append(people, p.ID)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seed people: %w", err)
	}
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	now := s.now()
	for done := 0; done < spec.Claims; {
		n := min(1000, spec.Claims-done)
		err := s.write(ctx, func(tx *gorm.DB) error {
			claims := make([]Claim, n)
			for i := range claims {
				said := base.AddDate(0, 0, rng.IntN(3650))
				text := sentence(rng, 12+rng.IntN(14))
				c := Claim{Slug: fmt.Sprintf("seed-%d-%d", firstID, done+i+1), Text: text, Summary: truncateRunes(text, MaxSummary),
					PersonID: people[rng.IntN(len(people))], SaidAt: &said, Setting: pick(rng, settings), Status: ClaimDraft}
				if spec.Published {
					pub := said.AddDate(0, 0, 2+rng.IntN(30))
					c.Status, c.PublishedAt = ClaimPublished, &pub
				}
				c.CreatedAt, c.UpdatedAt = now, now
				claims[i] = c
			}
			if err := tx.Omit("Person", "Tags", "Sources", "Verdicts", "Corrections").Create(&claims).Error; err != nil {
				return err
			}
			var srcs []Source
			var verdicts []Verdict
			var tags []ClaimTag
			var corrections []Correction
			for _, c := range claims {
				seen := map[string]bool{}
				for range 1 + extra.IntN(3) {
					// u⁴ skews the draw towards the start of the vocabulary.
					u := extra.Float64()
					t := vocabulary[int(float64(len(vocabulary))*u*u*u*u)]
					if !seen[t] {
						seen[t] = true
						tags = append(tags, ClaimTag{ClaimID: c.ID, Tag: t})
					}
				}
				if spec.Published && extra.IntN(100) == 0 {
					corrections = append(corrections, Correction{ClaimID: c.ID, Kind: CorrectionClarification,
						Note: sentence(extra, 15), CreatedAt: c.PublishedAt.AddDate(0, 0, 1+extra.IntN(60))})
				}
				for k := range spec.SourcesPerClaim {
					pub := c.SaidAt.AddDate(0, 0, k*3+rng.IntN(3))
					srcs = append(srcs, Source{ClaimID: c.ID, URL: fmt.Sprintf("https://news.example.org/%d/%d", c.ID, k),
						Title: truncateRunes(sentence(rng, 8), 120), Outlet: pick(rng, outlets), PublishedAt: &pub,
						Kind: SourceKinds[rng.IntN(len(SourceKinds))], Stance: Stances[rng.IntN(len(Stances))], Excerpt: sentence(rng, 20)})
				}
				if spec.Published {
					s.touchClaimPage(tx, c.ID)
					r := ratings[rng.IntN(len(ratings))]
					verdicts = append(verdicts, Verdict{ClaimID: c.ID, RatingID: r.ID, RatingSlug: r.Slug, RatingLabel: r.Label,
						Headline: truncateRunes(sentence(rng, 10), 150), Explanation: sentence(rng, 60), Status: VerdictPublished, Version: 1, PublishedAt: c.PublishedAt})
				}
			}
			if len(srcs) > 0 {
				if err := tx.CreateInBatches(srcs, 500).Error; err != nil {
					return err
				}
			}
			if len(verdicts) > 0 {
				if err := tx.Omit("Reviews").CreateInBatches(verdicts, 500).Error; err != nil {
					return err
				}
			}
			if err := tx.CreateInBatches(tags, 500).Error; err != nil {
				return err
			}
			if len(corrections) > 0 {
				if err := tx.CreateInBatches(corrections, 500).Error; err != nil {
					return err
				}
			}
			return s.reindexClaims(tx, claims[0].ID, claims[len(claims)-1].ID)
		})
		if err != nil {
			return fmt.Errorf("seed claims: %w", err)
		}
		done += n
	}
	// Bulk loads change the shape of the data at once: measure it anew.
	if s.dialect == migrations.SQLite {
		return s.w.WithContext(ctx).Exec("ANALYZE").Error
	}
	return s.w.WithContext(ctx).Exec("ANALYZE claims, verdicts, sources, people, claim_search, claim_tags, corrections").Error
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

func sentence(rng *rand.Rand, words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(pick(rng, vocabulary))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

var (
	firstNames = strings.Fields("Ana Ben Carla Dev Elena Farid Grace Hugo Ines Jamal Kira Luis Mona Nils Olga Pavel Quinn Rosa Sami Tara Uma Victor Wen Ximena Yusuf Zoe")
	lastNames  = strings.Fields("Abara Berg Castillo Dumont Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lindqvist Moreau Novak Okafor Petrov Quispe Rossi Sato Tanaka Urban Varga Weber Xu Yilmaz Zeller")
	settings   = []string{"Press conference", "Campaign rally", "Television interview", "Parliamentary debate", "Post on social media", "Committee hearing, under oath", "Radio interview", "Op-ed"}
	outlets    = []string{"The Daily Ledger", "Metro Herald", "National Wire", "Civic Record", "The Evening Post", "Statistics Office", "Court Reporter"}
	vocabulary = strings.Fields(`budget deficit unemployment inflation taxes wages housing rents schools teachers hospitals nurses crime police prisons border migrants refugees
		climate emissions coal solar wind energy prices fuel pipeline farmers subsidies tariffs exports imports trade jobs factories growth recession debt pensions
		healthcare insurance vaccines doctors waiting lists election ballots fraud turnout voters campaign donors lobbyists contracts ministry council mayor governor
		senate parliament committee hearing testimony report audit survey census statistics percent million billion doubled tripled halved record lowest highest
		never always every increased decreased cut raised promised delivered claimed denied met spoke ambassador officials agency court ruling judge law bill
		veto budgetary spending military defence troops veterans roads bridges transit railways airports water pollution forests wildlife fishing oceans`)
)
