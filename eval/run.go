package eval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
)

// Analyzer is what eval needs of the pipeline.
type Analyzer interface {
	Analyze(a doc.Article) *doc.Doc
}

// Gold evaluates every NAME.txt of dir that has a NAME.json gold file
// beside it, writes the table (and, when verbose, every miss and extra)
// to w, and returns the scores.
func EvaluateGold(dir string, an Analyzer, w io.Writer, verbose bool) (*Scores, error) {
	names, err := goldFiles(dir)
	if err != nil {
		return nil, err
	}
	total := &Scores{}
	for _, base := range names {
		g, err := ReadGold(base + ".json")
		if err != nil {
			return nil, err
		}
		a, err := readArticle(base + ".txt")
		if err != nil {
			return nil, err
		}
		art := &article{name: filepath.Base(base), gold: g, doc: an.Analyze(a)}
		total.add(art.score())
	}
	Print(w, dir, total, verbose)
	return total, nil
}

// goldFiles lists the bases of NAME.txt + NAME.json pairs in dir.
func goldFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("gold directory: %w", err)
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		base := filepath.Join(dir, strings.TrimSuffix(name, ".json"))
		if _, err := os.Stat(base + ".txt"); err == nil {
			names = append(names, base)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no NAME.txt with a NAME.json gold file beside it", dir)
	}
	sort.Strings(names)
	return names, nil
}

func readArticle(path string) (doc.Article, error) {
	for it := range ingest.Read([]string{path}, ingest.Options{}) {
		return it.Resolve()
	}
	return doc.Article{}, fmt.Errorf("%s: no article", path)
}

// Print writes the score table.
func Print(w io.Writer, dir string, s *Scores, verbose bool) {
	if verbose {
		for _, l := range s.Log {
			fmt.Fprintln(w, l)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "gold %s: %d articles\n", dir, s.Articles)
	fmt.Fprintf(w, "%-24s %6s %6s %6s %9s %7s %6s\n", "task", "gold", "system", "match", "precision", "recall", "F1")
	row := func(name string, c Count) {
		fmt.Fprintf(w, "%-24s %6d %6d %6d %9.3f %7.3f %6.3f\n", name, c.Gold, c.System, c.TP, c.P(), c.R(), c.F1())
	}
	row("quotes", s.Quotes)
	row("quotes+speaker", s.QuoteSpeakers)
	row("events", s.Events)
	row("timexes (overlap)", s.Timexes)
	row("timexes+value", s.TimexValues)
	fmt.Fprintf(w, "%-24s %6d %6s %6d %9s %7.3f\n", "entities found", s.Entities.Gold, "", s.Entities.TP, "", s.Entities.R())
	fmt.Fprintf(w, "%-24s %6d %6s %6d %9s %7.3f\n", "entity country right", s.EntityCountry.Gold, "", s.EntityCountry.TP, "", s.EntityCountry.R())
	fmt.Fprintf(w, "timex value accuracy (of matched): %.3f\n", ratio(s.TimexValues.TP, s.Timexes.TP))
}
