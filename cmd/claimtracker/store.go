package main

import (
	"context"
	"log/slog"

	"claimtracker/models"
)

// openStore opens and migrates the database, after checking that it can be
// written (a missing or read-only directory or file, or a SQLite without
// full-text search, is said in one line before anything touches it).
func openStore(ctx context.Context, dsn string, cfg models.Config) (*models.Store, int, error) {
	if err := models.CheckWritable(dsn); err != nil {
		return nil, 0, err
	}
	s, err := models.Open(ctx, dsn, cfg)
	if err != nil {
		return nil, 0, err
	}
	n, err := s.Migrate(ctx)
	if err != nil {
		_ = s.Close()
		return nil, 0, err
	}
	return s, n, nil
}

// quietLogger discards the store's warnings in one-shot commands.
func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
