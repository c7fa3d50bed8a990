package main

import (
	"context"
	"fmt"
	"io"

	"claimtracker/models"
)

func tokenCreate(ctx context.Context, args []string, stdout io.Writer) error {
	f := newFlags("token create", "Makes an API token for an account and prints it; the token alone is the last line.", stdout)
	dsn := f.dbFlag()
	email := f.string("email", "", "", "the account's email (required)")
	name := f.string("name", "", "", "what the token is for, e.g. \"CMS import\" (required)")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.require("email", "name"); err != nil {
		return err
	}
	s, _, err := openStore(ctx, *dsn, models.Config{Logger: quietLogger()})
	if err != nil {
		return err
	}
	defer s.Close()
	raw, _, err := s.CreateAPIToken(ctx, nil, models.Meta{IP: "command line"}, *email, *name)
	if err != nil {
		return fmt.Errorf("token create: %w", err)
	}
	fmt.Fprintf(stdout, "API token %q for %s. It is shown only now; send it as \"Authorization: Bearer TOKEN\".\n%s\n", *name, models.NormalizeEmail(*email), raw)
	return nil
}
