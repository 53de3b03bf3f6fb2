package main

import (
	"io"

	"github.com/chronicle/chronicle/cli"
)

// extraCommands are the commands other packages offer (store, serve, ...).
func extraCommands() []cli.Command {
	return nil
}

// extraEvals returns the evaluations of the other corpora that were asked for.
func extraEvals(timeml, conllu, aeb string) []func(w io.Writer, verbose bool) error {
	var out []func(io.Writer, bool) error
	return out
}
