package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"claimtracker/models"
)

func backup(ctx context.Context, args []string, stdout io.Writer) error {
	f := newFlags("backup", "Writes a consistent copy of the SQLite database to --out, safe while the server runs. The file must not exist yet.", stdout)
	dsn := f.dbFlag()
	out := f.string("out", "", "", "file to write (required)")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.require("out"); err != nil {
		return err
	}
	if !models.IsPostgres(*dsn) {
		if _, err := os.Stat(*dsn); err != nil {
			return fmt.Errorf("backup: no database at %s", *dsn)
		}
	}
	s, err := models.Open(ctx, *dsn, models.Config{Logger: quietLogger()})
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, *out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Backed up %s to %s.\n", *dsn, *out)
	return nil
}
