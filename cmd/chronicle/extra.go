package main

import (
	"context"
	"fmt"
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

// benchIngest measures end-to-end ingest into the store.
func benchIngest(ctx context.Context, paths []string, n int, stdio cli.IO) int {
	fmt.Fprintln(stdio.Err, "chronicle bench --ingest: the store is not built into this binary yet")
	return cli.ExitRefused
}
