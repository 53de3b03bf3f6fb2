// Package cli holds the small shape every chronicle subcommand shares, so
// that packages can offer commands without cmd/chronicle knowing their
// insides.
package cli

import (
	"context"
	"io"
)

// Exit statuses of the contract.
const (
	ExitOK      = 0 // every input was analysed
	ExitRefused = 1 // some inputs were refused, or the command failed
	ExitUsage   = 2 // the command line was wrong
)

// IO is where a command reads and writes.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// Command is one subcommand of chronicle.
type Command struct {
	Name    string // as typed: "ingest"
	Summary string // one line for `chronicle help`
	// Run parses args (which exclude the command name) with its own
	// flag.FlagSet, does the work and returns an exit status.
	Run func(ctx context.Context, args []string, stdio IO) int
}
