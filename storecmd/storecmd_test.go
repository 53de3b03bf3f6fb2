package storecmd

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/store"
	"github.com/chronicle/chronicle/store/sqlite"
)

const samplesDir = "../samples"

// run runs one command and returns its status, stdout and stderr.
func run(t *testing.T, name string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	for _, c := range Commands() {
		if c.Name == name {
			code := c.Run(context.Background(), args, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
			return code, out.String(), errb.String()
		}
	}
	t.Fatalf("no command %q", name)
	return 0, "", ""
}

// sampleFiles returns the shipped sample article files.
func sampleFiles(t *testing.T) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	if len(m) == 0 {
		t.Skip("no sample articles in " + samplesDir)
	}
	return m
}

func TestIngestTwice(t *testing.T) {
	files := sampleFiles(t)
	db := filepath.Join(t.TempDir(), "c.db")
	code, _, stderr := run(t, "ingest", append([]string{"--db", db, "--progress", "lines"}, files...)...)
	if code != cli.ExitOK {
		t.Fatalf("ingest: %d\n%s", code, stderr)
	}
	n := len(files)
	want := "chronicle ingest: " + itoa(n) + " articles: " + itoa(n) + " new, 0 already stored, 0 refused"
	if !strings.Contains(stderr, want) {
		t.Errorf("first summary:\n%s\nwant %q", stderr, want)
	}
	code, _, stderr = run(t, "ingest", append([]string{"--db", db, "--progress", "none"}, files...)...)
	if code != cli.ExitOK {
		t.Fatalf("re-ingest: %d\n%s", code, stderr)
	}
	want = "chronicle ingest: " + itoa(n) + " articles: 0 new, " + itoa(n) + " already stored, 0 refused"
	if !strings.Contains(stderr, want) {
		t.Errorf("second summary:\n%s\nwant %q", stderr, want)
	}
	s := stats(t, db)
	if s.Articles != n {
		t.Errorf("stored %d articles, want %d", s.Articles, n)
	}
}

func TestIngestRefusedInputs(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("date 2025-03-03 France and Kenya signed a maritime agreement on Monday."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("no date here, plain text."), 0o644)
	db := filepath.Join(t.TempDir(), "c.db")
	code, _, stderr := run(t, "ingest", "--db", db, "--progress", "none", dir)
	if code != cli.ExitRefused {
		t.Errorf("exit %d, want %d", code, cli.ExitRefused)
	}
	if !strings.Contains(stderr, "b.txt") || !strings.Contains(stderr, "1 new, 0 already stored, 1 refused") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func stats(t *testing.T, path string) store.Stats {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ingested returns a database holding the samples.
func ingested(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "c.db")
	if code, _, stderr := run(t, "ingest", append([]string{"--db", db, "--progress", "none"}, sampleFiles(t)...)...); code != cli.ExitOK {
		t.Fatalf("ingest: %d\n%s", code, stderr)
	}
	return db
}

// needEvents skips a test whose checks need events in the samples.
func needEvents(t *testing.T, db string) {
	t.Helper()
	if stats(t, db).Events == 0 {
		t.Skip("the analysis pipeline found no events in the samples (event stage not wired yet)")
	}
}

func TestQueryCommands(t *testing.T) {
	db := ingested(t)
	needEvents(t, db)
	tests := []struct {
		cmd  string
		args []string
		want []string // substrings of stdout
	}{
		{"events", []string{"--limit", "100"}, []string{"ID", "MENTIONS", "ASSAULT"}},
		{"events", []string{"--type", "ASSAULT", "--format", "jsonl"}, []string{`"type":"ASSAULT"`}},
		{"events", []string{"--actor", "SDN", "--from", "2025-01-01"}, []string{"SDN"}},
		{"quotes", nil, []string{"SPEAKER", "QUOTE"}},
		{"search", []string{"market"}, []string{"[market]"}},
		{"stories", nil, []string{"ARTICLES"}},
		{"entity", []string{"SDN"}, []string{"country: SDN"}},
	}
	for _, tt := range tests {
		code, out, stderr := run(t, tt.cmd, append([]string{"--db", db}, tt.args...)...)
		if code != cli.ExitOK {
			t.Errorf("%s %v: exit %d\n%s", tt.cmd, tt.args, code, stderr)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %v: output lacks %q:\n%s", tt.cmd, tt.args, w, out)
			}
		}
	}
	if code, _, _ := run(t, "events", "--db", db, "--from", "yesterday"); code != cli.ExitUsage {
		t.Errorf("bad date: exit %d", code)
	}
	if code, _, _ := run(t, "events", "--db", filepath.Join(t.TempDir(), "none.db")); code != cli.ExitRefused {
		t.Errorf("missing db: exit %d", code)
	}
}

// The Kutum sample articles are two outlets' reports of one airstrike.
// Whatever events the pipeline finds in both with the same type, CAMEO
// root, canonical actors and date must be one merged event with two
// sources; and the GDELT csv of events has 61 columns.
func TestMergedSampleEvent(t *testing.T) {
	db := ingested(t)
	needEvents(t, db)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.Articles(ctx, store.ArticleFilter{From: "2025-03-06", To: "2025-03-07", Page: store.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		typ, root, date string
		src, tgt        int64
	}
	seen := map[key]int64{}  // key → merged event of the first article holding it
	from := map[key]string{} // key → that article
	shared := 0
	for _, a := range arts {
		if !strings.Contains(a.Origin, "kutum") && !strings.Contains(a.Origin, "darfur") {
			continue
		}
		full, err := st.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range full.Doc.Events {
			k := key{e.Type, store.Root(e.Cameo), e.Date, full.EntityOf[e.Source], full.EntityOf[e.Target]}
			if k.src == 0 && k.tgt == 0 {
				continue
			}
			first, ok := seen[k]
			switch {
			case !ok:
				seen[k], from[k] = full.EventOf[e.ID], a.ID
			case from[k] != a.ID:
				shared++
				if first != full.EventOf[e.ID] {
					t.Errorf("%+v reported by %s and %s stored as events %d and %d", k, from[k], a.ID, first, full.EventOf[e.ID])
					continue
				}
				ev, err := st.Event(ctx, first)
				if err != nil {
					t.Fatal(err)
				}
				if ev.NumArticles < 2 || ev.NumSources < 2 || len(ev.Evidence) < 2 {
					t.Errorf("merged event %d: %d articles, %d sources, %d evidence", first, ev.NumArticles, ev.NumSources, len(ev.Evidence))
				}
			}
		}
	}
	if shared == 0 {
		t.Skip("the pipeline found no event with the same actors and date in both Kutum reports")
	}
	code, out, stderr := run(t, "events", "--db", db, "--format", "csv")
	if code != cli.ExitOK {
		t.Fatalf("events: %s", stderr)
	}
	r := csv.NewReader(strings.NewReader(out))
	r.Comma, r.LazyQuotes = '\t', true
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	best := 0
	for _, rec := range recs {
		if len(rec) != 61 {
			t.Fatalf("%d columns", len(rec))
		}
		best = max(best, atoi(rec[32]))
	}
	if best < 2 {
		t.Errorf("no event with NumSources >= 2 in the csv:\n%s", out)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestExportCommand(t *testing.T) {
	db := ingested(t)
	needEvents(t, db)
	dir := t.TempDir()
	for _, f := range []string{"jsonl", "csv", "parquet"} {
		out := filepath.Join(dir, "events."+f)
		code, _, stderr := run(t, "export", "--db", db, "--format", f, "--header", "-o", out)
		if code != cli.ExitOK {
			t.Fatalf("export %s: %s", f, stderr)
		}
		st, err := os.Stat(out)
		if err != nil || st.Size() == 0 {
			t.Errorf("export %s: empty file", f)
		}
		if !strings.Contains(stderr, " events") {
			t.Errorf("export %s: stderr %q", f, stderr)
		}
	}
	if code, _, _ := run(t, "export", "--db", db, "--format", "xml"); code != cli.ExitUsage {
		t.Errorf("xml: exit %d", code)
	}
}

func TestBenchIngest(t *testing.T) {
	var out bytes.Buffer
	if err := BenchIngest(context.Background(), nil, 100, &out); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"100 articles", "100 stored", "articles/s per core", "peak"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out.String())
		}
	}
	t.Log(out.String())
}

func TestSummaryCountsSkippedLanguages(t *testing.T) {
	s := Summary{Articles: 3, New: 3, Skipped: map[string]int{`language "de": the English stages were skipped`: 2}}
	if got := s.String(); !strings.Contains(got, `not analysed: 2 (language "de"`) {
		t.Errorf("summary %q does not count the skipped articles", got)
	}
}
