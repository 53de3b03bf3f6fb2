// Package servecmd offers the `serve` and `demo` commands: the HTTP API and
// page of package server over a SQLite store, and the same over a
// temporary store filled with the shipped sample articles.
package servecmd

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"net"
	"os"
	"path/filepath"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/samples"
	"github.com/chronicle/chronicle/server"
	"github.com/chronicle/chronicle/store/sqlite"
)

// DefaultAddr is where both commands listen unless told otherwise:
// loopback, so that nothing is exposed by accident.
const DefaultAddr = "127.0.0.1:8080"

// Commands returns the serve and demo commands.
func Commands() []cli.Command {
	return []cli.Command{
		{Name: "serve", Summary: "serve the JSON API and the web page over a store (--db, --addr, --token)", Run: runServe},
		{Name: "demo", Summary: "analyse the sample articles into a temporary store and serve the page", Run: runDemo},
	}
}

// parse is cli.Parse that also refuses positional arguments, which
// neither serve nor demo takes.
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if code, ok := cli.Parse(fs, args); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return cli.ExitUsage, false
	}
	return 0, true
}

func runServe(ctx context.Context, args []string, stdio cli.IO) int {
	fs := cli.NewFlags("serve", "chronicle serve [--db FILE] [--addr HOST:PORT] [--token TOKEN]", stdio)
	dbPath := fs.String("db", "chronicle.db", "the store to serve, as written by `chronicle ingest`")
	addr := fs.String("addr", DefaultAddr, "address to listen on")
	token := fs.String("token", os.Getenv("CHRONICLE_TOKEN"), "enable POST /api/articles for requests bearing this token (default $CHRONICLE_TOKEN; empty: read-only)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if _, err := os.Stat(*dbPath); err != nil && *token == "" {
		fmt.Fprintf(stdio.Err, "chronicle serve: %v (run `chronicle ingest --db %s ...` first, or `chronicle demo`)\n", err, *dbPath)
		return cli.ExitRefused
	}
	db, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle serve:", err)
		return cli.ExitRefused
	}
	defer db.Close()
	opts := server.Options{}
	if *token != "" {
		p, err := analysis.New()
		if err != nil {
			fmt.Fprintln(stdio.Err, "chronicle serve:", err)
			return cli.ExitRefused
		}
		opts = server.Options{Writer: db, Analyzer: p, Token: *token}
	}
	return listenAndServe(ctx, *addr, server.New(db, opts), "", stdio)
}

func runDemo(ctx context.Context, args []string, stdio cli.IO) int {
	fs := cli.NewFlags("demo", "chronicle demo [--addr HOST:PORT]", stdio)
	addr := fs.String("addr", DefaultAddr, "address to listen on (another free port is taken if it is busy)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	dir, err := os.MkdirTemp("", "chronicle-demo-")
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle demo:", err)
		return cli.ExitRefused
	}
	defer os.RemoveAll(dir)
	fmt.Fprintln(stdio.Err, "chronicle demo: analysing the sample articles ...")
	p, err := analysis.New()
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle demo:", err)
		return cli.ExitRefused
	}
	db, n, err := OpenDemo(ctx, dir, p)
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle demo:", err)
		return cli.ExitRefused
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle demo:", err)
		return cli.ExitRefused
	}
	note := fmt.Sprintf("%d sample articles: %d events, %d entities, %d quotes", n, st.Events, st.Entities, st.Quotes)
	return listenAndServe(ctx, *addr, server.New(db, server.Options{}), note, stdio)
}

// OpenDemo creates a store in dir and fills it with the sample articles
// analysed by p; it returns the store and how many articles went in. The
// e2e test uses it to serve what `chronicle demo` serves.
func OpenDemo(ctx context.Context, dir string, p *analysis.Pipeline) (*sqlite.DB, int, error) {
	db, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return nil, 0, err
	}
	n, err := Ingest(ctx, db, p, ingest.ReadFS(samples.FS, "samples/", ingest.Options{}), io.Discard)
	if err != nil {
		db.Close()
		return nil, 0, err
	}
	return db, n, nil
}

// Ingest analyses items with p and stores them, then clusters stories; refused
// inputs are reported on w. It returns the number of articles stored.
func Ingest(ctx context.Context, db *sqlite.DB, p *analysis.Pipeline, items iter.Seq[ingest.Item], w io.Writer) (int, error) {
	var docs []*doc.Doc
	for r := range p.Run(ctx, items, 0) {
		if r.Err != nil {
			fmt.Fprintln(w, r.Err)
			continue
		}
		docs = append(docs, r.Doc)
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	res, err := db.Put(ctx, docs)
	if err != nil {
		return 0, fmt.Errorf("store: %w", err)
	}
	n := 0
	for _, r := range res {
		if r.Err != nil {
			fmt.Fprintln(w, r.ArticleID+":", r.Err)
			continue
		}
		n++
	}
	if err := db.Cluster(ctx); err != nil {
		return n, fmt.Errorf("cluster stories: %w", err)
	}
	return n, nil
}

// listenAndServe listens on addr (for the demo, any free loopback port
// when addr is taken), prints where to go and serves until ctx ends.
func listenAndServe(ctx context.Context, addr string, s *server.Server, note string, stdio cli.IO) int {
	ln, err := net.Listen("tcp", addr)
	if err != nil && note != "" {
		host, _, _ := net.SplitHostPort(addr)
		ln, err = net.Listen("tcp", net.JoinHostPort(host, "0"))
	}
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle:", err)
		return cli.ExitRefused
	}
	if note != "" {
		fmt.Fprintln(stdio.Out, "Chronicle demo:", note)
	}
	mode := "read-only"
	if s.Writable() {
		mode = "accepting POST /api/articles with the token"
	}
	fmt.Fprintf(stdio.Out, "Open http://%s/ in a browser (%s; Ctrl-C to stop)\n", ln.Addr(), mode)
	if err := server.Serve(ctx, ln, s); err != nil {
		fmt.Fprintln(stdio.Err, "chronicle:", err)
		return cli.ExitRefused
	}
	return cli.ExitOK
}
