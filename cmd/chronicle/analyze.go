package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/ingest"
)

func runAnalyze(ctx context.Context, args []string, stdio cli.IO) int {
	fs := cli.NewFlags("analyze", "chronicle analyze [--published YYYY-MM-DD] [--workers N] [--pretty] PATH... (a file, a directory, or - for standard input)", stdio)
	published := fs.String("published", "", "publication date for inputs that carry none (plain text, undated pages)")
	workers := fs.Int("workers", 0, "analysis goroutines (0: one per core)")
	pretty := fs.Bool("pretty", false, "indent the JSON (one object per article, no longer one per line)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stdio.Err, "chronicle analyze: no input: give files, directories or - for standard input")
		fs.Usage()
		return cli.ExitUsage
	}
	opts, err := ingestOptions(*published, stdio)
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle analyze:", err)
		return cli.ExitUsage
	}
	p, err := analysis.New()
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle analyze:", err)
		return cli.ExitRefused
	}
	out := bufio.NewWriterSize(stdio.Out, 256<<10)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	code := cli.ExitOK
	for r := range p.Run(ctx, ingest.Read(fs.Args(), opts), *workers) {
		if r.Err != nil {
			out.Flush()
			fmt.Fprintln(stdio.Err, "chronicle analyze:", r.Err)
			code = cli.ExitRefused
			continue
		}
		if err := enc.Encode(analysis.Record(r.Doc)); err != nil {
			fmt.Fprintln(stdio.Err, "chronicle analyze: write:", err)
			return cli.ExitRefused
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stdio.Err, "chronicle analyze: interrupted")
		return cli.ExitRefused
	}
	return code
}

// ingestOptions builds the ingest options from the --published flag.
func ingestOptions(published string, stdio cli.IO) (ingest.Options, error) {
	opts := ingest.Options{Stdin: stdio.In}
	if published == "" {
		return opts, nil
	}
	t, err := time.Parse(time.DateOnly, published)
	if err != nil {
		return opts, fmt.Errorf("--published %q: want YYYY-MM-DD", published)
	}
	opts.Published = t
	return opts, nil
}
