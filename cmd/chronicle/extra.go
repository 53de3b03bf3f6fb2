package main

import (
	"context"
	"fmt"
	"io"

	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/eval/aeb"
	"github.com/chronicle/chronicle/eval/conllu"
	"github.com/chronicle/chronicle/eval/timeml"
	"github.com/chronicle/chronicle/servecmd"
	"github.com/chronicle/chronicle/storecmd"
)

// extraCommands are the commands other packages offer: the store's
// (ingest, queries, export) and the server's (serve, demo).
func extraCommands() []cli.Command {
	return append(storecmd.Commands(), servecmd.Commands()...)
}

// extraEvals returns the evaluations of the other corpora that were asked
// for: time expressions on TimeML, entities on CoNLL-U, page extraction on
// the article-extraction benchmark.
func extraEvals(timemlDir, conlluDir, aebDir string) []func(w io.Writer, verbose bool) error {
	var out []func(io.Writer, bool) error
	if timemlDir != "" {
		out = append(out, func(w io.Writer, v bool) error { _, err := timeml.Evaluate(timemlDir, w, v); return err })
	}
	if conlluDir != "" {
		out = append(out, func(w io.Writer, v bool) error { _, err := conllu.Evaluate(conlluDir, w, v); return err })
	}
	if aebDir != "" {
		out = append(out, func(w io.Writer, v bool) error { _, err := aeb.Evaluate(aebDir, w, v); return err })
	}
	return out
}

// benchIngest measures end-to-end ingest into the store.
func benchIngest(ctx context.Context, paths []string, n int, stdio cli.IO) int {
	if err := storecmd.BenchIngest(ctx, paths, n, stdio.Out); err != nil {
		fmt.Fprintln(stdio.Err, "chronicle bench --ingest:", err)
		return cli.ExitRefused
	}
	return cli.ExitOK
}
