package main

import (
	"context"
	"fmt"
	"io"

	"claimtracker/models"
)

// userPasswd sets an account's password from standard input and ends all
// its sessions, pending sign-ins and reset links.
func userPasswd(ctx context.Context, args []string, stdout io.Writer) error {
	f := newFlags("user passwd", "Sets an account's password and signs it out everywhere. The password is read from the first line of standard input.", stdout)
	dsn := f.dbFlag()
	email := f.string("email", "", "", "email address of the account (required)")
	pwStdin := f.bool("password-stdin", "read the password from standard input (required)")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.require("email"); err != nil {
		return err
	}
	if !*pwStdin {
		return usageError("user passwd: --password-stdin is required; passwords are never taken as arguments")
	}
	password, err := readLine(stdin)
	if err != nil {
		return err
	}
	s, _, err := openStore(ctx, *dsn, models.Config{Logger: quietLogger()})
	if err != nil {
		return err
	}
	defer s.Close()
	u, err := s.SetPassword(ctx, models.Meta{IP: "command line"}, *email, password)
	if msg := models.FieldErrors(err)["password"]; msg != "" {
		return fmt.Errorf("user passwd: password %s", msg)
	}
	if err != nil {
		return fmt.Errorf("user passwd: %w", err)
	}
	fmt.Fprintf(stdout, "Set a new password for %s <%s>; every session of the account has ended.\n", u.Name, u.Email)
	return nil
}
