package cli

import (
	"errors"
	"flag"
	"fmt"
)

// NewFlags returns a command's flag set: errors and usage go to
// stdio.Err, and a bad flag never exits the process.
func NewFlags(name, usageLine string, stdio IO) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// Parse parses args. When ok is false the command returns code at once:
// ExitOK after -h, ExitUsage after a bad flag.
func Parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	return ExitOK, true
}
