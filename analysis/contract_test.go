package analysis

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/samples"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func newPipeline(t testing.TB) *Pipeline {
	t.Helper()
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func sampleArticles(t testing.TB) []doc.Article {
	t.Helper()
	var out []doc.Article
	for it := range ingest.ReadFS(samples.FS, "samples/", ingest.Options{}) {
		a, err := it.Resolve()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	if len(out) < 5 {
		t.Fatalf("only %d sample articles", len(out))
	}
	return out
}

// checkContract asserts the contract's invariants on one output: every
// span repeats the body bytes it covers, and every id reference resolves.
func checkContract(t *testing.T, o Output) {
	t.Helper()
	body := o.Article.Body
	span := func(what string, s doc.Span) {
		if s.Start < 0 || s.End > len(body) || s.Start > s.End || body[s.Start:s.End] != s.Text {
			t.Errorf("%s: span [%d,%d) %q does not repeat the body", what, s.Start, s.End, s.Text)
		}
	}
	if o.Schema != Schema || o.Article.ID == "" || o.Article.Published == "" || o.Article.Origin == "" {
		t.Errorf("article header incomplete: %+v", o.Article)
	}
	ids := map[string]bool{}
	for _, e := range o.Entities {
		if ids[e.ID] {
			t.Errorf("entity id %s used twice", e.ID)
		}
		ids[e.ID] = true
		if len(e.Mentions) == 0 {
			t.Errorf("entity %s %q has no mention", e.ID, e.Name)
		}
		for _, m := range e.Mentions {
			span("mention of "+e.ID, m.Span)
		}
	}
	ref := func(what string, id *string) {
		if id != nil && !ids[*id] {
			t.Errorf("%s refers to unknown entity %q", what, *id)
		}
	}
	for _, x := range o.Timexes {
		span("timex", x.Span)
	}
	for _, q := range o.Quotes {
		span("quote", q.Span)
		ref("quote speaker", q.Speaker)
	}
	for _, f := range o.Framing {
		span("framing", f)
	}
	for _, e := range append(append([]EventOut{}, o.Events...), o.OtherEvents...) {
		span("trigger of "+e.ID, e.Trigger)
		span("sentence of "+e.ID, e.Sentence)
		ref(e.ID+" source", e.Source)
		ref(e.ID+" target", e.Target)
		ref(e.ID+" location", e.Location)
		ref(e.ID+" claimed_by", e.ClaimedBy)
		if e.Trigger.Start < e.Sentence.Start || e.Trigger.End > e.Sentence.End {
			t.Errorf("%s: trigger outside its sentence", e.ID)
		}
	}
}

func TestContractOnSamples(t *testing.T) {
	p := newPipeline(t)
	for _, a := range sampleArticles(t) {
		t.Run(filepath.Base(a.Origin), func(t *testing.T) {
			checkContract(t, Record(p.Analyze(a)))
		})
	}
}

func TestContractOnSeed(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seed", "baghdad-embassy-2020-01-02.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("reference article not available (%v): ../shared is absent in a fresh clone", err)
	}
	p := newPipeline(t)
	for r := range p.Run(context.Background(), ingest.Read([]string{path}, ingest.Options{}), 1) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		o := Record(r.Doc)
		checkContract(t, o)
		if o.Article.Published != "2020-01-02" || !bytes.HasPrefix([]byte(o.Article.Body), []byte("On 31 December")) {
			t.Errorf("seed read wrongly: published %s, body %.20q", o.Article.Published, o.Article.Body)
		}
	}
}

// TestJSONKeys checks that the output carries every top-level key of
// contract v1, with empty lists rather than nulls.
func TestJSONKeys(t *testing.T) {
	p := newPipeline(t)
	b, err := json.Marshal(Record(p.Analyze(doc.Article{ID: "x", Origin: "t", Body: "Nothing happened.", Lang: "en"})))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema", "article", "entities", "timexes", "quotes", "events", "other_events"} {
		if v, ok := m[k]; !ok || string(v) == "null" {
			t.Errorf("key %q missing or null in %s", k, b)
		}
	}
	var art map[string]json.RawMessage
	if err := json.Unmarshal(m["article"], &art); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "url", "source", "published", "title", "lang", "origin", "body"} {
		if _, ok := art[k]; !ok {
			t.Errorf("article key %q missing", k)
		}
	}
}

// TestGolden compares the full analysis of one sample with the stored
// output; run `go test ./analysis -run Golden -update` after an intended
// change and review the diff.
func TestGolden(t *testing.T) {
	p := newPipeline(t)
	a := sampleArticles(t)[3]
	got, err := json.MarshalIndent(Record(p.Analyze(a)), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden-sample.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Errorf("analysis of %s differs from %s; rerun with -update if the change is intended", a.Origin, golden)
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	p := newPipeline(t)
	arts := sampleArticles(t)
	items := func(yield func(ingest.Item) bool) {
		for i := range 40 {
			if !yield(ingest.Item{Article: arts[i%len(arts)]}) {
				return
			}
		}
	}
	i := 0
	for r := range p.Run(context.Background(), items, 4) {
		if r.Doc.Article.Origin != arts[i%len(arts)].Origin {
			t.Fatalf("result %d is %s, want %s", i, r.Doc.Article.Origin, arts[i%len(arts)].Origin)
		}
		i++
		if i == 30 {
			break // stopping early must not leak or deadlock
		}
	}
}

func TestNonEnglishSkipped(t *testing.T) {
	p := newPipeline(t)
	d := p.Analyze(doc.Article{Body: "Der Minister traf am Dienstag in Berlin ein.", Lang: "de"})
	if d.Skipped == "" || len(d.Entities)+len(d.Events)+len(d.Quotes) != 0 || len(d.Tokens) == 0 {
		t.Errorf("non-English article: skipped %q, %d entities, %d tokens", d.Skipped, len(d.Entities), len(d.Tokens))
	}
}

func BenchmarkAnalyze(b *testing.B) {
	p := newPipeline(b)
	arts := sampleArticles(b)
	tokens := 0
	for i := 0; b.Loop(); i++ {
		tokens += len(p.Analyze(arts[i%len(arts)]).Tokens)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
