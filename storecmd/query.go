package storecmd

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/export"
	"github.com/chronicle/chronicle/store"
)

// fail prints a command's error and returns the failure status.
func fail(stdio cli.IO, cmd string, err error) int {
	fmt.Fprintf(stdio.Err, "chronicle %s: %v\n", cmd, err)
	return cli.ExitRefused
}

func usageErr(stdio cli.IO, cmd, msg string) int {
	fmt.Fprintf(stdio.Err, "chronicle %s: %s\n", cmd, msg)
	return cli.ExitUsage
}

func name(r *store.EntityRef) string {
	if r == nil {
		return "-"
	}
	if r.Country != "" && !strings.EqualFold(r.Country, r.Name) {
		return r.Name + " (" + r.Country + ")"
	}
	return r.Name
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func runEvents(ctx context.Context, args []string, stdio cli.IO) int {
	fs, dbPath := flags("events", "chronicle events [--actor NAME|CODE] [--type T] [--status S] [--from D] [--to D] [--limit N] [--offset N] [--format table|jsonl|csv] [--header]", stdio)
	var f store.EventFilter
	fs.StringVar(&f.Actor, "actor", "", "source or target: a name, alias, handle or country code (USA)")
	fs.StringVar(&f.Type, "type", "", "PLOVER type (ASSAULT, CONSULT, ...)")
	fs.StringVar(&f.Status, "status", "", "asserted, alleged, denied, negated or hypothetical")
	fs.StringVar(&f.From, "from", "", "earliest event date, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "latest event date, YYYY-MM-DD")
	fs.IntVar(&f.Limit, "limit", 50, "events to show")
	fs.IntVar(&f.Offset, "offset", 0, "events to skip")
	format := fs.String("format", "table", "table, jsonl or csv (GDELT 2.0 event columns)")
	header := fs.Bool("header", false, "csv: print a header line")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	for _, d := range []string{f.From, f.To} {
		if err := validDate(d); err != nil {
			return usageErr(stdio, "events", err.Error())
		}
	}
	if *format != "table" && *format != "jsonl" && *format != "csv" {
		return usageErr(stdio, "events", fmt.Sprintf("--format %q: want table, jsonl or csv", *format))
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return fail(stdio, "events", err)
	}
	defer db.Close()
	evs, err := db.Events(ctx, f)
	if err != nil {
		return fail(stdio, "events", err)
	}
	seq := func(yield func(store.Event, error) bool) {
		for _, e := range evs {
			if !yield(e, nil) {
				return
			}
		}
	}
	switch *format {
	case "jsonl":
		_, err = export.JSONL(stdio.Out, seq)
	case "csv":
		_, err = export.GDELT(stdio.Out, seq, *header)
	default:
		err = eventTable(stdio.Out, evs)
	}
	if err != nil {
		return fail(stdio, "events", err)
	}
	return cli.ExitOK
}

func eventTable(w io.Writer, evs []store.Event) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tTYPE\tCAMEO\tSOURCE\tTARGET\tSTATUS\tMENTIONS\tSOURCES\tARTICLES")
	for _, e := range evs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\n", e.ID, orDash(e.Date), e.Type, orDash(e.Cameo),
			cut(name(e.Source), 30), cut(name(e.Target), 30), e.Status, e.NumMentions, e.NumSources, e.NumArticles)
	}
	return tw.Flush()
}

func runEvent(ctx context.Context, args []string, stdio cli.IO) int {
	fs, dbPath := flags("event", "chronicle event [--json] ID", stdio)
	asJSON := fs.Bool("json", false, "print the event and its evidence as JSON")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		return usageErr(stdio, "event", "give one event ID")
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil {
		return usageErr(stdio, "event", fmt.Sprintf("bad event ID %q", fs.Arg(0)))
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return fail(stdio, "event", err)
	}
	defer db.Close()
	d, err := db.Event(ctx, id)
	if err != nil {
		return fail(stdio, "event", err)
	}
	if *asJSON {
		if err := writeJSON(stdio.Out, d); err != nil {
			return fail(stdio, "event", err)
		}
		return cli.ExitOK
	}
	w := bufio.NewWriter(stdio.Out)
	fmt.Fprintf(w, "event %d: %s (CAMEO %s, %s) %s -> %s\n", d.ID, d.Type, orDash(d.Cameo), store.Class(d.Quad), name(d.Source), name(d.Target))
	fmt.Fprintf(w, "date: %s  location: %s  status: %s", orDash(d.Date), name(d.Location), d.Status)
	if d.Fatalities != nil {
		fmt.Fprintf(w, "  fatalities: %d", *d.Fatalities)
	}
	first := d.FirstSource
	if first == "" {
		first = "article " + d.FirstArticle
	}
	fmt.Fprintf(w, "\nmentions: %d  sources: %d  articles: %d  first reported: %s by %s\n",
		d.NumMentions, d.NumSources, d.NumArticles, d.FirstSeen.Format("2006-01-02"), first)
	fmt.Fprintln(w, "evidence:")
	for _, v := range d.Evidence {
		dup := ""
		if v.Duplicate {
			dup = " (near-duplicate)"
		}
		fmt.Fprintf(w, "  %s %s %s %s%s\n    %q [trigger %q at %d]\n", v.Published.Format("2006-01-02"), orDash(v.Source),
			v.ArticleID, v.LocalID, dup, v.Sentence.Text, v.Trigger.Text, v.Trigger.Start)
	}
	if err := w.Flush(); err != nil {
		return fail(stdio, "event", err)
	}
	return cli.ExitOK
}

func runQuotes(ctx context.Context, args []string, stdio cli.IO) int {
	fs, dbPath := flags("quotes", "chronicle quotes [--speaker NAME] [--kind K] [--from D] [--to D] [--limit N] [--format table|jsonl]", stdio)
	var f store.QuoteFilter
	fs.StringVar(&f.Speaker, "speaker", "", "speaker: a name, alias or handle")
	fs.StringVar(&f.Kind, "kind", "", "direct, reported or social_post")
	fs.StringVar(&f.From, "from", "", "earliest publication date, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "latest publication date, YYYY-MM-DD")
	fs.IntVar(&f.Limit, "limit", 50, "quotes to show")
	fs.IntVar(&f.Offset, "offset", 0, "quotes to skip")
	format := fs.String("format", "table", "table or jsonl")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	for _, d := range []string{f.From, f.To} {
		if err := validDate(d); err != nil {
			return usageErr(stdio, "quotes", err.Error())
		}
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return fail(stdio, "quotes", err)
	}
	defer db.Close()
	qs, err := db.Quotes(ctx, f)
	if err != nil {
		return fail(stdio, "quotes", err)
	}
	if *format == "jsonl" {
		for _, q := range qs {
			if err := writeJSON(stdio.Out, q); err != nil {
				return fail(stdio, "quotes", err)
			}
		}
		return cli.ExitOK
	}
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tSOURCE\tSPEAKER\tKIND\tQUOTE")
	for _, q := range qs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", q.Published.Format("2006-01-02"), orDash(q.Source),
			cut(name(q.Speaker), 30), q.Kind, cut(q.Span.Text, 90))
	}
	if err := tw.Flush(); err != nil {
		return fail(stdio, "quotes", err)
	}
	return cli.ExitOK
}

func runSearch(ctx context.Context, args []string, stdio cli.IO) int {
	fs, dbPath := flags("search", "chronicle search [--kind article|quote] [--limit N] [--format table|jsonl] QUERY", stdio)
	var q store.SearchQuery
	fs.StringVar(&q.Kind, "kind", "", "only articles or only quotes")
	fs.IntVar(&q.Limit, "limit", 20, "hits to show")
	format := fs.String("format", "table", "table or jsonl")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	q.Text = strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q.Text) == "" {
		return usageErr(stdio, "search", "give a query")
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return fail(stdio, "search", err)
	}
	defer db.Close()
	hits, err := db.Search(ctx, q)
	if err != nil {
		return fail(stdio, "search", err)
	}
	w := bufio.NewWriter(stdio.Out)
	for _, h := range hits {
		if *format == "jsonl" {
			if err := writeJSON(w, h); err != nil {
				return fail(stdio, "search", err)
			}
			continue
		}
		who := h.Title
		if h.Kind == "quote" {
			who = "quote of " + orDash(h.Speaker)
		}
		fmt.Fprintf(w, "%s %s %s %s: %s\n  %s\n", h.Kind, h.Published.Format("2006-01-02"), orDash(h.Source), h.ArticleID, who,
			strings.Join(strings.Fields(h.Snippet), " "))
	}
	if err := w.Flush(); err != nil {
		return fail(stdio, "search", err)
	}
	return cli.ExitOK
}

func runEntity(ctx context.Context, args []string, stdio cli.IO) int {
	fs, dbPath := flags("entity", "chronicle entity [--json] NAME|CODE", stdio)
	asJSON := fs.Bool("json", false, "print the entity with its events and quotes as JSON")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	q := strings.Join(fs.Args(), " ")
	if q == "" {
		return usageErr(stdio, "entity", "give a name, alias, handle or country code")
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return fail(stdio, "entity", err)
	}
	defer db.Close()
	es, err := db.LookupEntity(ctx, q)
	if err != nil {
		return fail(stdio, "entity", err)
	}
	if len(es) == 0 {
		fmt.Fprintf(stdio.Err, "chronicle entity: no entity known as %q\n", q)
		return cli.ExitRefused
	}
	d, err := db.Entity(ctx, es[0].ID)
	if err != nil {
		return fail(stdio, "entity", err)
	}
	if *asJSON {
		if err := writeJSON(stdio.Out, d); err != nil {
			return fail(stdio, "entity", err)
		}
		return cli.ExitOK
	}
	w := bufio.NewWriter(stdio.Out)
	fmt.Fprintf(w, "%s  [%s #%d]\n", d.Name, d.Type, d.ID)
	fmt.Fprintf(w, "country: %s  sector: %s\n", orDash(d.Country), orDash(d.Sector))
	for _, r := range d.Roles {
		fmt.Fprintf(w, "role: %s (%s to %s, %d articles)\n", r.Role, r.First, r.Last, r.Count)
	}
	if len(d.Aliases) > 0 {
		fmt.Fprintf(w, "aliases: %s\n", strings.Join(d.Aliases, "; "))
	}
	if len(d.Handles) > 0 {
		fmt.Fprintf(w, "handles: %s\n", strings.Join(d.Handles, " "))
	}
	fmt.Fprintf(w, "articles: %d  mentions: %d  events as source: %d  as target: %d  quotes: %d  seen: %s to %s\n",
		d.Articles, d.Mentions, d.EventsAsSource, d.EventsAsTarget, d.Quotes, orDash(d.FirstSeen), orDash(d.LastSeen))
	for _, e := range d.AsSource[:min(len(d.AsSource), 10)] {
		fmt.Fprintf(w, "  did:   #%d %s %s -> %s\n", e.ID, orDash(e.Date), e.Type, name(e.Target))
	}
	for _, e := range d.AsTarget[:min(len(d.AsTarget), 10)] {
		fmt.Fprintf(w, "  undergone: #%d %s %s by %s\n", e.ID, orDash(e.Date), e.Type, name(e.Source))
	}
	for _, s := range d.Said[:min(len(d.Said), 5)] {
		fmt.Fprintf(w, "  said (%s): %q\n", s.Published.Format("2006-01-02"), cut(s.Span.Text, 100))
	}
	if len(es) > 1 {
		var others []string
		for _, o := range es[1:min(len(es), 6)] {
			others = append(others, fmt.Sprintf("%s [%s #%d]", o.Name, o.Type, o.ID))
		}
		fmt.Fprintf(w, "also known as %q: %s\n", q, strings.Join(others, ", "))
	}
	if err := w.Flush(); err != nil {
		return fail(stdio, "entity", err)
	}
	return cli.ExitOK
}

func runStories(ctx context.Context, args []string, stdio cli.IO) int {
	fs, dbPath := flags("stories", "chronicle stories [--from D] [--to D] [--limit N]", stdio)
	var f store.StoryFilter
	fs.StringVar(&f.From, "from", "", "stories still running on or after, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "stories begun on or before, YYYY-MM-DD")
	fs.IntVar(&f.Limit, "limit", 20, "stories to show")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return fail(stdio, "stories", err)
	}
	defer db.Close()
	st, err := db.Stories(ctx, f)
	if err != nil {
		return fail(stdio, "stories", err)
	}
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tFIRST\tLAST\tARTICLES\tEVENTS\tTITLE\tENTITIES")
	for _, s := range st {
		var top []string
		for _, e := range s.Top {
			top = append(top, e.Name)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\t%s\n", s.ID, s.First, s.Last, s.Articles, s.Events, cut(s.Title, 50), cut(strings.Join(top, ", "), 60))
	}
	if err := tw.Flush(); err != nil {
		return fail(stdio, "stories", err)
	}
	return cli.ExitOK
}

func runExport(ctx context.Context, args []string, stdio cli.IO) int {
	fs, dbPath := flags("export", "chronicle export --format jsonl|csv|parquet [--header] [-o FILE] [--actor A] [--type T] [--from D] [--to D]", stdio)
	format := fs.String("format", "jsonl", "jsonl, csv (GDELT 2.0 event columns, tab-separated) or parquet")
	header := fs.Bool("header", false, "csv: print a header line of GDELT column names")
	out := fs.String("o", "-", "output file (- for standard output)")
	var f store.EventFilter
	fs.StringVar(&f.Actor, "actor", "", "source or target: a name, alias, handle or country code")
	fs.StringVar(&f.Type, "type", "", "PLOVER type")
	fs.StringVar(&f.From, "from", "", "earliest event date, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "latest event date, YYYY-MM-DD")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if *format != "jsonl" && *format != "csv" && *format != "parquet" {
		return usageErr(stdio, "export", fmt.Sprintf("--format %q: want jsonl, csv or parquet", *format))
	}
	for _, d := range []string{f.From, f.To} {
		if err := validDate(d); err != nil {
			return usageErr(stdio, "export", err.Error())
		}
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return fail(stdio, "export", err)
	}
	defer db.Close()
	w := stdio.Out
	if *out != "-" {
		file, err := os.Create(*out)
		if err != nil {
			return fail(stdio, "export", err)
		}
		defer file.Close()
		w = file
	}
	n, err := export.Write(w, *format, export.All(ctx, db, f), *header)
	if err != nil {
		return fail(stdio, "export", err)
	}
	if c, ok := w.(io.Closer); ok && *out != "-" {
		if err := c.Close(); err != nil {
			return fail(stdio, "export", err)
		}
	}
	fmt.Fprintf(stdio.Err, "chronicle export: %d events\n", n)
	return cli.ExitOK
}
