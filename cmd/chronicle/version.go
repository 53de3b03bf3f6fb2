package main

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"

	"github.com/chronicle/chronicle/cli"
)

// version is set at build time with -ldflags "-X main.version=...";
// otherwise the VCS revision recorded by the Go toolchain is shown.
var version = ""

func runVersion(_ context.Context, args []string, stdio cli.IO) int {
	fs := newFlags("version", "chronicle version", stdio)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintln(stdio.Out, "chronicle", versionString())
	return cli.ExitOK
}

func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return info.Main.Version + " " + info.GoVersion
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return rev + " " + info.GoVersion
}

// newFlags returns a flag set that prints its usage line and defaults to
// stdio.Err, and never exits the process.
func newFlags(name, usageLine string, stdio cli.IO) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args; when it returns ok false the command must return code
// (0 for -h, 2 for a usage error).
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	err := fs.Parse(args)
	if err == flag.ErrHelp {
		return cli.ExitOK, false
	}
	if err != nil {
		return cli.ExitUsage, false
	}
	return 0, true
}
