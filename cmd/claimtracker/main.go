// Command claimtracker runs a newsroom's fact-check desk: the web server and
// the commands that migrate, add users, set passwords, make API tokens and
// take backups.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errUsageShown) {
			fmt.Fprintln(os.Stderr, "claimtracker:", err)
		}
		os.Exit(exitCode(err))
	}
}

// stdin is where --password-stdin reads; tests replace it.
var stdin io.Reader = os.Stdin

const usage = `claimtracker: a newsroom's fact-check desk in one binary.

Usage:
  claimtracker [serve] [flags]      run the web server (the default)
  claimtracker migrate [flags]      apply pending database migrations
  claimtracker user add [flags]     add an account
  claimtracker user passwd [flags]  set an account's password; it is signed out everywhere
  claimtracker token create [flags] make an API token for an account
  claimtracker backup --out FILE    copy a SQLite database safely while it runs

Run "claimtracker COMMAND --help" for a command's flags. Every flag can also
be set by an environment variable, named on each command's help.
`

// run is the whole program: it parses args, runs one subcommand and returns
// its error. ctx ends on SIGINT or SIGTERM.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return serve(ctx, nil, stdout, stderr)
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stdout, stderr)
	case "migrate":
		return migrate(ctx, args[1:], stdout)
	case "user":
		if len(args) > 1 {
			switch args[1] {
			case "add":
				return userAdd(ctx, args[2:], stdout)
			case "passwd":
				return userPasswd(ctx, args[2:], stdout)
			}
		}
		return usageError("user: the subcommands are \"user add\" and \"user passwd\" (see claimtracker --help)")
	case "token":
		if len(args) > 1 && args[1] == "create" {
			return tokenCreate(ctx, args[2:], stdout)
		}
		return usageError("token: the only subcommand is \"token create\" (see claimtracker --help)")
	case "backup":
		return backup(ctx, args[1:], stdout)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	if len(args[0]) > 0 && args[0][0] == '-' {
		// Flags without a command belong to serve.
		return serve(ctx, args, stdout, stderr)
	}
	return usageError(fmt.Sprintf("unknown command %q (see claimtracker --help)", args[0]))
}
