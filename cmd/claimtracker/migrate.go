package main

import (
	"context"
	"fmt"
	"io"

	"claimtracker/models"
)

func migrate(ctx context.Context, args []string, stdout io.Writer) error {
	f := newFlags("migrate", "Applies every pending database migration, each in its own transaction.", stdout)
	dsn := f.dbFlag()
	if err := f.parse(args); err != nil {
		return err
	}
	s, n, err := openStore(ctx, *dsn, models.Config{Logger: quietLogger()})
	if err != nil {
		return err
	}
	defer s.Close()
	if n == 0 {
		fmt.Fprintln(stdout, "The database is up to date.")
	} else {
		fmt.Fprintf(stdout, "Applied %d migration(s).\n", n)
	}
	return nil
}
