package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"claimtracker/models"
)

func userAdd(ctx context.Context, args []string, stdout io.Writer) error {
	f := newFlags("user add", "Adds an account. The password is read from the first line of standard input.", stdout)
	dsn := f.dbFlag()
	email := f.string("email", "", "", "email address (required)")
	name := f.string("name", "", "", "display name (required)")
	role := f.string("role", "", "editor", "role: editor, reviewer or admin")
	pwStdin := f.bool("password-stdin", "read the password from standard input (required)")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := f.require("email", "name"); err != nil {
		return err
	}
	if !*pwStdin {
		return usageError("user add: --password-stdin is required; passwords are never taken as arguments")
	}
	if !models.Role(*role).Valid() {
		return usageError(fmt.Sprintf("user add: --role must be editor, reviewer or admin, not %q", *role))
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
	u, err := s.CreateUser(ctx, nil, models.Meta{IP: "command line"}, models.NewUser{
		Email: *email, Name: *name, Role: models.Role(*role), Password: password,
	})
	if fe := models.FieldErrors(err); fe != nil {
		var parts []string
		for k, v := range fe {
			parts = append(parts, k+" "+v)
		}
		return fmt.Errorf("user add: %s", strings.Join(parts, "; "))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Added %s <%s> as %s.\n", u.Name, u.Email, u.Role)
	return nil
}

// readLine reads one line, without its line ending, and nothing more.
func readLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("read password: standard input was empty")
	}
	return line, nil
}
