package models_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// TestSavePageRendersInAnyOrderAtOnce: instances and the prerenderer store
// batches of renders at the same time, holding the same pages in any
// order; the batches never deadlock, and each page ends with one render.
func TestSavePageRendersInAnyOrderAtOnce(t *testing.T) {
	modelstest.ForEach(t, models.Config{Logger: slog.New(slog.DiscardHandler)}, func(t *testing.T, s *models.Store) {
		ctx := context.Background()
		var batch []models.PageRender
		for i := range 60 {
			batch = append(batch, models.PageRender{Key: fmt.Sprintf("claim:page-%02d", i), Tag: "t", Gzip: []byte{1}})
		}
		// The same page twice in one batch: the later render is kept.
		batch = append(batch, models.PageRender{Key: "claim:page-07", Tag: "later", Gzip: []byte{2}})
		reversed := slices.Clone(batch)
		slices.Reverse(reversed)
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for w := range 4 {
			wg.Go(func() {
				for range 10 {
					b := batch
					if w%2 == 1 {
						b = reversed
					}
					if err := s.SavePageRenders(ctx, b); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("save page renders: %v", err)
		}
		if n, err := s.PageRenderCount(ctx); err != nil || n != 60 {
			t.Errorf("stored renders = %d, %v; want 60", n, err)
		}
		if err := s.SavePageRenders(ctx, batch); err != nil {
			t.Fatal(err)
		}
		if gz, err := s.PageRender(ctx, "claim:page-07", "later"); err != nil || gz[0] != 2 {
			t.Errorf("the later render of a page saved twice in one batch is not the one kept: %v", err)
		}
	})
}

// TestClaimPageRenderReadsBothAtOnce: the version of a public claim page
// comes with its stored render, outside a snapshot and inside one; a
// page with no render has none, and a claim that is not public is not
// found, whatever is stored under its key.
func TestClaimPageRenderReadsBothAtOnce(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			s := modelstest.Open(t, engine, models.Config{Logger: slog.New(slog.DiscardHandler)})
			d := newDesk(t, s)
			c := publishOne(t, d, "The tunnel opened in 2021")
			draft, err := s.CreateClaim(d.ctx, d.ed, d.m, sworn())
			if err != nil {
				t.Fatal(err)
			}
			want, err := fresh(d.ctx, s, claimPage(s, c.Slug))
			if err != nil {
				t.Fatal(err)
			}
			v, tag, gz, err := s.ClaimPageRender(d.ctx, c.Slug, "claim:"+c.Slug)
			if err != nil || v.Tag != want.Tag || v.ClaimID != c.ID || tag != "" || gz != nil {
				t.Fatalf("before any render: %+v %q %v %v; want version %s and no render", v, tag, gz, err, want.Tag)
			}
			renders := []models.PageRender{{Key: "claim:" + c.Slug, Tag: "etag-1", Gzip: []byte{7, 8}}, {Key: "claim:" + draft.Slug, Tag: "etag-2", Gzip: []byte{9}}}
			if err := s.SavePageRenders(d.ctx, renders); err != nil {
				t.Fatal(err)
			}
			for _, inSnapshot := range []bool{false, true} {
				read := func(ctx context.Context) (models.Version, error) {
					v, tag, gz, err = s.ClaimPageRender(ctx, c.Slug, "claim:"+c.Slug)
					return v, err
				}
				if inSnapshot {
					_, err = fresh(d.ctx, s, read)
				} else {
					_, err = read(d.ctx)
				}
				if err != nil || v.Tag != want.Tag || tag != "etag-1" || string(gz) != string([]byte{7, 8}) {
					t.Fatalf("snapshot %v: %+v %q %v %v; want version %s and the stored render", inSnapshot, v, tag, gz, err, want.Tag)
				}
			}
			if _, _, _, err := s.ClaimPageRender(d.ctx, draft.Slug, "claim:"+draft.Slug); !errors.Is(err, models.ErrNotFound) {
				t.Fatalf("a draft with a stored render: %v, want ErrNotFound", err)
			}
		})
	}
}
