package main

import (
	"context"
	"log/slog"

	"claimtracker/models"
)

// openStore opens and migrates the database.
func openStore(ctx context.Context, dsn string, cfg models.Config) (*models.Store, int, error) {
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
