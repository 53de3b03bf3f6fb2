package event_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/eval"
	"github.com/chronicle/chronicle/event"
	"github.com/chronicle/chronicle/segment"
)

// oracle is an analyzer for measuring the event stage alone: it segments
// the article, then takes entities, quotes and time expressions from the
// gold file beside it, so that the score reflects the coder and not the
// stages before it.
type oracle struct {
	seg   *segment.Segmenter
	coder *event.Coder
}

func (o oracle) Analyze(a doc.Article) *doc.Doc {
	d := &doc.Doc{Article: a}
	o.seg.Run(d)
	base := strings.TrimSuffix(a.Origin, ".txt")
	g, err := eval.ReadGold(base + ".json")
	if err == nil {
		addGoldEntities(d, g)
		addGoldTimexes(d, g)
		addGoldQuotes(d, g)
	}
	o.coder.Run(d)
	if name := os.Getenv("EVENT_DUMP"); name != "" && strings.Contains(a.Origin, name) {
		for _, e := range d.Events {
			fmt.Printf("%s s%d %s\n", e.Date, e.Sentence, event.String(d, e))
		}
	}
	return d
}

// find returns every occurrence of s in body at word edges.
func find(body, s string) [][2]int {
	var out [][2]int
	vs := []string{s, strings.ReplaceAll(s, "'", "’")}
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		vs = append(vs, string(unicode.ToUpper(r))+s[n:])
	}
	for _, v := range vs {
		for off := 0; ; {
			i := strings.Index(body[off:], v)
			if i < 0 {
				break
			}
			st, en := off+i, off+i+len(v)
			off = st + 1
			if st > 0 {
				r, _ := utf8.DecodeLastRuneInString(body[:st])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					continue
				}
			}
			if en < len(body) {
				r, _ := utf8.DecodeRuneInString(body[en:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					continue
				}
			}
			out = append(out, [2]int{st, en})
		}
	}
	return out
}

func addGoldEntities(d *doc.Doc, g *eval.Gold) {
	body := d.Article.Body
	taken := make([]bool, len(body)+1)
	type form struct {
		ent  int
		text string
	}
	var forms []form
	for i, e := range g.Entities {
		ms := append([]string{e.Name}, e.Mentions...)
		for _, m := range ms {
			forms = append(forms, form{i, m})
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	ents := make([]doc.Entity, len(g.Entities))
	for i, e := range g.Entities {
		c := ""
		if e.Country != nil {
			c = *e.Country
		}
		ents[i] = doc.Entity{Name: e.Name, Type: e.Type, Country: c}
	}
	for _, f := range forms {
	occ:
		for _, sp := range find(body, f.text) {
			for k := sp[0]; k < sp[1]; k++ {
				if taken[k] {
					continue occ
				}
			}
			for k := sp[0]; k < sp[1]; k++ {
				taken[k] = true
			}
			ents[f.ent].Mentions = append(ents[f.ent].Mentions, doc.Mention{Span: d.SpanOf(sp[0], sp[1]), Kind: doc.MentionName})
		}
	}
	n := 0
	for _, e := range ents {
		if len(e.Mentions) == 0 {
			continue
		}
		sort.Slice(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
		n++
		e.ID = "E" + itoa(n)
		d.Entities = append(d.Entities, e)
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func addGoldTimexes(d *doc.Doc, g *eval.Gold) {
	next := map[string]int{}
	for _, t := range g.Timexes {
		from := next[t.Text]
		i := strings.Index(d.Article.Body[from:], t.Text)
		if i < 0 {
			continue
		}
		st := from + i
		next[t.Text] = st + len(t.Text)
		typ := "DATE"
		if strings.HasPrefix(t.Value, "P") {
			typ = "DURATION"
		}
		d.Timexes = append(d.Timexes, doc.Timex{Span: d.SpanOf(st, st+len(t.Text)), Type: typ, Value: t.Value})
	}
}

func addGoldQuotes(d *doc.Doc, g *eval.Gold) {
	body := d.Article.Body
	for _, q := range g.Quotes {
		occ := find(body, q.TextContains)
		if len(occ) == 0 || len(q.Speaker) == 0 {
			continue
		}
		st, en := occ[0][0], occ[0][1]
		switch q.Kind {
		case doc.QuoteDirect:
			for st > 0 && !strings.ContainsAny(body[st-1:st], "\"“\n") && !strings.HasSuffix(body[:st], "“") {
				st--
			}
			for en < len(body) && !strings.ContainsAny(body[en:en+1], "\"\n") && !strings.HasPrefix(body[en:], "”") {
				en++
			}
		case doc.QuotePost:
			for st > 0 && body[st-1] != '\n' {
				st--
			}
			if k := strings.Index(body[en:], " — "); k >= 0 {
				en += k
			}
		}
		speaker := ""
		for _, e := range d.Entities {
			for _, n := range q.Speaker {
				if e.Name == n {
					speaker = e.ID
				}
			}
		}
		d.Quotes = append(d.Quotes, doc.Quote{Span: d.SpanOf(st, en), Speaker: speaker, Kind: q.Kind})
	}
}

// pipeline runs the real stages before the coder, in the architecture's
// order, to measure the event stage as the analyze command will run it.
type pipeline struct {
	stages []interface{ Run(*doc.Doc) }
}

func (p pipeline) Analyze(a doc.Article) *doc.Doc {
	d := &doc.Doc{Article: a}
	for _, s := range p.stages {
		s.Run(d)
	}
	if name := os.Getenv("EVENT_DUMP"); name != "" && strings.Contains(a.Origin, name) {
		for _, e := range d.Events {
			fmt.Printf("%s s%d %s\n", e.Date, e.Sentence, event.String(d, e))
		}
	}
	if sub := os.Getenv("EVENT_SENT"); sub != "" {
		showSentences(d, sub)
	}
	return d
}

// showSentences prints the tokens, tags and entities of every sentence
// holding sub, for debugging patterns.
func showSentences(d *doc.Doc, sub string) {
	for si := range d.Sentences {
		if !strings.Contains(d.SentenceText(si), sub) {
			continue
		}
		s := d.Sentences[si]
		for i := s.First; i < s.Last; i++ {
			tk := d.Tokens[i]
			name := ""
			if r, ok := d.MentionAt(tk.Start); ok {
				name = "=" + d.Entities[r.Entity].Name
			}
			fmt.Printf("%s/%s%s ", tk.Text, tk.Tag, name)
		}
		fmt.Println()
	}
}

// TestPipelineGold measures the coder behind the real entity, timex and
// quote stages on the seed and the development gold.
func TestPipelineGold(t *testing.T) {
	seed := filepath.Join("..", "..", "shared", "seed")
	if _, err := os.Stat(seed); err != nil {
		t.Skip("../shared/seed is absent: gold measurements need the shared folder")
	}
	p := pipeline{stages: realStages(t)}
	var w strings.Builder
	verbose := os.Getenv("EVENT_VERBOSE") != ""
	s, err := eval.EvaluateGold(seed, p, &w, verbose)
	if err != nil {
		t.Fatal(err)
	}
	if f := s.Events.F1(); f < 0.8 {
		t.Errorf("seed event F1 = %.3f, want >= 0.8", f)
	}
	dev := filepath.Join("..", "..", "shared", "corpora", "dev-gold")
	if _, err := os.Stat(dev); err == nil {
		ds, err := eval.EvaluateGold(dev, p, &w, verbose)
		if err != nil {
			t.Fatal(err)
		}
		if p := ds.Events.P(); p < 0.7 {
			t.Errorf("dev-gold event precision = %.3f, want >= 0.7", p)
		}
	}
	t.Log("\n" + w.String())
}

// TestOracleGold measures the coder on the gold articles with the other
// layers taken from the gold, and fails if the seed falls below target.
func TestOracleGold(t *testing.T) {
	seed := filepath.Join("..", "..", "shared", "seed")
	if _, err := os.Stat(seed); err != nil {
		t.Skip("../shared/seed is absent: gold measurements need the shared folder")
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	coder, err := event.New()
	if err != nil {
		t.Fatal(err)
	}
	o := oracle{seg: seg, coder: coder}
	var w strings.Builder
	verbose := os.Getenv("EVENT_VERBOSE") != ""
	s, err := eval.EvaluateGold(seed, o, &w, verbose)
	if err != nil {
		t.Fatal(err)
	}
	dev := filepath.Join("..", "..", "shared", "corpora", "dev-gold")
	if _, err := os.Stat(dev); err == nil {
		if _, err := eval.EvaluateGold(dev, o, &w, verbose); err != nil {
			t.Fatal(err)
		}
	}
	t.Log("\n" + w.String())
	if f := s.Events.F1(); f < 0.8 {
		t.Errorf("seed event F1 with gold layers = %.3f, want >= 0.8", f)
	}
}
