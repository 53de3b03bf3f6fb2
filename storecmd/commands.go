// Package storecmd offers the chronicle commands that work on the store:
// ingest, events, event, quotes, search, entity, stories and export, plus
// BenchIngest for `chronicle bench --ingest`. Commands parse flags and call
// the store; the logic lives in store, store/sqlite and export.
package storecmd

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/store/sqlite"
)

// DefaultDB is the database file used when --db is not given; the
// CHRONICLE_DB environment variable overrides it.
const DefaultDB = "chronicle.db"

// Commands returns the store's commands for cmd/chronicle to register.
func Commands() []cli.Command {
	return []cli.Command{
		{Name: "ingest", Summary: "analyse articles and store them with their records in SQLite (--db)", Run: runIngest},
		{Name: "events", Summary: "list stored events (--actor, --type, --from, --to; table, jsonl or csv)", Run: runEvents},
		{Name: "event", Summary: "show one merged event with every article and sentence reporting it", Run: runEvent},
		{Name: "quotes", Summary: "list stored quotes (--speaker)", Run: runQuotes},
		{Name: "search", Summary: "full-text search over article text and quotes, with snippets", Run: runSearch},
		{Name: "entity", Summary: "show a canonical entity: roles, country, aliases, counts", Run: runEntity},
		{Name: "stories", Summary: "list stories: articles clustered by shared events and entities", Run: runStories},
		{Name: "export", Summary: "export events as jsonl, GDELT-style csv or parquet", Run: runExport},
	}
}

// flags builds a command's flag set, writing usage to stderr.
func flags(name, usage string, stdio cli.IO) (*flag.FlagSet, *string) {
	fs := cli.NewFlags(name, usage, stdio)
	def := DefaultDB
	if env := os.Getenv("CHRONICLE_DB"); env != "" {
		def = env
	}
	db := fs.String("db", def, "SQLite database file (env CHRONICLE_DB)")
	return fs, db
}

// openExisting opens a database that must already exist (queries should
// not silently create an empty one).
func openExisting(ctx context.Context, path string) (*sqlite.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database %s: %w (run chronicle ingest first)", path, err)
	}
	return sqlite.Open(ctx, path)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func validDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return fmt.Errorf("bad date %q: want YYYY-MM-DD", s)
	}
	return nil
}

func runIngest(ctx context.Context, args []string, stdio cli.IO) int {
	fs, dbPath := flags("ingest", "chronicle ingest [--db FILE] [--published YYYY-MM-DD] [--workers N] [--progress auto|bar|lines|none] PATH...", stdio)
	published := fs.String("published", "", "publication date for inputs that carry none")
	workers := fs.Int("workers", 0, "analysis goroutines (0: one per core)")
	mode := fs.String("progress", "auto", "progress display: auto (a bar on a terminal, else lines), bar, lines or none")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stdio.Err, "chronicle ingest: no input: give files, directories or - for standard input")
		fs.Usage()
		return cli.ExitUsage
	}
	opts := ingest.Options{Stdin: stdio.In}
	if *published != "" {
		t, err := time.Parse("2006-01-02", *published)
		if err != nil {
			fmt.Fprintf(stdio.Err, "chronicle ingest: --published %q: want YYYY-MM-DD\n", *published)
			return cli.ExitUsage
		}
		opts.Published = t
	}
	tty := isTerminal(stdio.Err)
	switch *mode {
	case "auto":
	case "bar":
		tty = true
	case "lines":
		tty = false
	case "none":
	default:
		fmt.Fprintf(stdio.Err, "chronicle ingest: --progress %q: want auto, bar, lines or none\n", *mode)
		return cli.ExitUsage
	}
	db, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle ingest:", err)
		return cli.ExitRefused
	}
	defer db.Close()
	p, err := analysis.New()
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle ingest:", err)
		return cli.ExitRefused
	}
	c := &counter{}
	in := &ingester{st: db, pipeline: p, workers: *workers, progress: c,
		refused: func(err error) {
			if tty && *mode != "none" {
				fmt.Fprint(stdio.Err, "\r\033[K")
			}
			fmt.Fprintln(stdio.Err, "chronicle ingest: refused:", err)
		}}
	var stop, done chan struct{}
	if *mode != "none" {
		total := countItems(fs.Args(), opts)
		stop, done = make(chan struct{}), make(chan struct{})
		go progress(stdio.Err, c, total, tty, stop, done)
	}
	sum, err := in.run(ctx, ingest.Read(fs.Args(), opts))
	if stop != nil {
		close(stop)
		<-done
	}
	fmt.Fprintln(stdio.Err, "chronicle ingest:", sum)
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle ingest:", err)
		return cli.ExitRefused
	}
	if sum.Refused > 0 {
		return cli.ExitRefused
	}
	return cli.ExitOK
}
