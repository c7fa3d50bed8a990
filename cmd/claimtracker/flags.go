package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// errUsageShown means --help was asked for and printed; the exit is clean.
var errUsageShown = errors.New("usage shown")

type usageErr struct{ msg string }

func (e usageErr) Error() string { return e.msg }

func usageError(msg string) error { return usageErr{msg} }

// exitCode is 2 for a bad command line, 1 for anything else, 0 after --help.
func exitCode(err error) int {
	var ue usageErr
	switch {
	case errors.Is(err, errUsageShown):
		return 0
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

// flags is a command's flag set where every flag has an environment
// variable: the command line wins, then the environment, then the default.
type flags struct {
	fs    *flag.FlagSet
	name  string
	about string
	envs  []envFlag
	out   io.Writer
}

type envFlag struct{ flag, env string }

func newFlags(name, about string, out io.Writer) *flags {
	f := &flags{fs: flag.NewFlagSet(name, flag.ContinueOnError), name: name, out: out}
	f.fs.SetOutput(io.Discard)
	f.about = about
	// The flag package calls Usage on every error; errors get one line
	// instead, and the full usage is printed only for --help.
	f.fs.Usage = func() {}
	return f
}

func (f *flags) printUsage() {
	fmt.Fprintf(f.out, "Usage: claimtracker %s [flags]\n\n%s\n\nFlags:\n", f.name, f.about)
	f.fs.SetOutput(f.out)
	f.fs.PrintDefaults()
	f.fs.SetOutput(io.Discard)
}

func (f *flags) string(name, env, def, help string) *string {
	f.envs = append(f.envs, envFlag{name, env})
	if env != "" {
		help += " (env " + env + ")"
	}
	return f.fs.String(name, def, help)
}

func (f *flags) int(name, env string, def int, help string) *int {
	f.envs = append(f.envs, envFlag{name, env})
	if env != "" {
		help += " (env " + env + ")"
	}
	return f.fs.Int(name, def, help)
}

// duration is a flag of a time.Duration, written as Go writes one
// ("90s", "5m", "1h30m"), with an environment variable.
func (f *flags) duration(name, env string, def time.Duration, help string) *time.Duration {
	f.envs = append(f.envs, envFlag{name, env})
	if env != "" {
		help += " (env " + env + ")"
	}
	return f.fs.Duration(name, def, help)
}

func (f *flags) bool(name, help string) *bool { return f.fs.Bool(name, false, help) }

// boolean is a true/false flag with an environment variable.
func (f *flags) boolean(name, env string, def bool, help string) *bool {
	f.envs = append(f.envs, envFlag{name, env})
	return f.fs.Bool(name, def, help+" (env "+env+"=true|false)")
}

// parse reads the environment, then args. Errors come back as one line.
func (f *flags) parse(args []string) error {
	for _, e := range f.envs {
		if e.env == "" {
			continue
		}
		if v, ok := os.LookupEnv(e.env); ok {
			if err := f.fs.Set(e.flag, v); err != nil {
				return usageError(fmt.Sprintf("%s: invalid value %q for %s", f.name, v, e.env))
			}
		}
	}
	if err := f.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			f.printUsage()
			return errUsageShown
		}
		return usageError(fmt.Sprintf("%s: %s (see claimtracker %s --help)", f.name, strings.TrimSpace(err.Error()), f.name))
	}
	if f.fs.NArg() > 0 {
		return usageError(fmt.Sprintf("%s: unexpected argument %q (see claimtracker %s --help)", f.name, f.fs.Arg(0), f.name))
	}
	return nil
}

// require names each flag that must not be empty.
func (f *flags) require(names ...string) error {
	for _, n := range names {
		if strings.TrimSpace(f.fs.Lookup(n).Value.String()) == "" {
			return usageError(fmt.Sprintf("%s: --%s is required (see claimtracker %s --help)", f.name, n, f.name))
		}
	}
	return nil
}

// dbFlag adds the --db flag every command shares.
func (f *flags) dbFlag() *string {
	return f.string("db", "CLAIMTRACKER_DB", "claimtracker.db", "SQLite file path, or a postgres:// URL")
}
