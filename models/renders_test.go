package models_test

import (
	"context"
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
