// Package timeml measures the timex stage against TimeML-annotated news,
// such as the TempEval-3 platinum test set, with TempEval-3's measures:
// strict (exact extent) and relaxed (overlapping) precision, recall and F1,
// and type and value F1, which count a relaxed match only when its
// attribute is right too.
package timeml

import (
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/segment"
	"github.com/chronicle/chronicle/timex"
)

// Scores sums one evaluation.
type Scores struct {
	Files   int
	Gold    int // gold TIMEX3 in the texts (creation times excluded)
	System  int
	Strict  int // system expressions with the exact extent of a gold one
	Relaxed int // one-to-one overlapping pairs
	Type    int // relaxed pairs whose type agrees
	Value   int // relaxed pairs whose value agrees
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// StrictF1 is F1 over exact extents.
func (s Scores) StrictF1() float64 { return f1(ratio(s.Strict, s.System), ratio(s.Strict, s.Gold)) }

// RelaxedF1 is F1 over overlapping extents.
func (s Scores) RelaxedF1() float64 { return f1(ratio(s.Relaxed, s.System), ratio(s.Relaxed, s.Gold)) }

// TypeF1 is relaxed F1 times type accuracy over relaxed matches.
func (s Scores) TypeF1() float64 { return s.RelaxedF1() * ratio(s.Type, s.Relaxed) }

// ValueF1 is relaxed F1 times value accuracy over relaxed matches, as
// TempEval-3 defined attribute F1.
func (s Scores) ValueF1() float64 { return s.RelaxedF1() * ratio(s.Value, s.Relaxed) }

// gold is one annotated expression: a byte range of the stripped text.
type gold struct {
	Start, End  int
	Type, Value string
}

// Document is one parsed TimeML file.
type Document struct {
	Name    string
	DCT     time.Time
	Text    string
	Timexes []gold
}

// Evaluate reads every .tml file of dir, runs the segment and timex stages
// on its text with its creation time as publication date, and writes a
// table of scores to w; verbose lists every miss, extra and wrong value.
func Evaluate(dir string, w io.Writer, verbose bool) (Scores, error) {
	var sc Scores
	if _, err := os.Stat(dir); err != nil {
		return sc, fmt.Errorf("timeml: corpus %s: %w", dir, err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		return sc, fmt.Errorf("timeml: list %s: %w", dir, err)
	}
	if len(files) == 0 {
		return sc, fmt.Errorf("timeml: no .tml files in %s", dir)
	}
	sort.Strings(files)
	seg, err := segment.New()
	if err != nil {
		return sc, fmt.Errorf("timeml: %w", err)
	}
	tg, err := timex.New()
	if err != nil {
		return sc, fmt.Errorf("timeml: %w", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return sc, fmt.Errorf("timeml: %w", err)
		}
		gd, err := Parse(filepath.Base(f), string(b))
		if err != nil {
			return sc, fmt.Errorf("timeml: %s: %w", f, err)
		}
		d := &doc.Doc{Article: doc.Article{Body: gd.Text, Published: gd.DCT}}
		seg.Run(d)
		tg.Run(d)
		sc.add(score(gd, d.Timexes, w, verbose))
	}
	report(w, sc)
	return sc, nil
}

func (s *Scores) add(o Scores) {
	s.Files += o.Files
	s.Gold += o.Gold
	s.System += o.System
	s.Strict += o.Strict
	s.Relaxed += o.Relaxed
	s.Type += o.Type
	s.Value += o.Value
}

// score pairs gold and system expressions of one document one to one,
// earliest overlapping first.
func score(gd Document, sys []doc.Timex, w io.Writer, verbose bool) Scores {
	sc := Scores{Files: 1, Gold: len(gd.Timexes), System: len(sys)}
	used := make([]bool, len(sys))
	for _, g := range gd.Timexes {
		hit := -1
		for i, x := range sys {
			if !used[i] && x.Start < g.End && g.Start < x.End {
				hit = i
				break
			}
		}
		text := gd.Text[g.Start:g.End]
		if hit < 0 {
			if verbose {
				fmt.Fprintf(w, "%s\tMISS\t%q\t%s %s\n", gd.Name, text, g.Type, g.Value)
			}
			continue
		}
		used[hit] = true
		x := sys[hit]
		sc.Relaxed++
		if x.Start == g.Start && x.End == g.End {
			sc.Strict++
		}
		if x.Type == g.Type {
			sc.Type++
		}
		if x.Value == g.Value {
			sc.Value++
		} else if verbose {
			fmt.Fprintf(w, "%s\tVALUE\t%q\tgold %s %s\tgot %q %s %s\n", gd.Name, text, g.Type, g.Value, x.Text, x.Type, x.Value)
		}
	}
	if verbose {
		for i, x := range sys {
			if !used[i] {
				fmt.Fprintf(w, "%s\tEXTRA\t%q\t%s %s\n", gd.Name, x.Text, x.Type, x.Value)
			}
		}
	}
	return sc
}

// report writes the score table.
func report(w io.Writer, s Scores) {
	fmt.Fprintf(w, "files %d  gold %d  system %d\n", s.Files, s.Gold, s.System)
	fmt.Fprintf(w, "%-8s %6s %6s %6s\n", "", "P", "R", "F1")
	fmt.Fprintf(w, "%-8s %6.2f %6.2f %6.2f\n", "strict", 100*ratio(s.Strict, s.System), 100*ratio(s.Strict, s.Gold), 100*s.StrictF1())
	fmt.Fprintf(w, "%-8s %6.2f %6.2f %6.2f\n", "relaxed", 100*ratio(s.Relaxed, s.System), 100*ratio(s.Relaxed, s.Gold), 100*s.RelaxedF1())
	fmt.Fprintf(w, "type  accuracy %6.2f  F1 %6.2f\n", 100*ratio(s.Type, s.Relaxed), 100*s.TypeF1())
	fmt.Fprintf(w, "value accuracy %6.2f  F1 %6.2f\n", 100*ratio(s.Value, s.Relaxed), 100*s.ValueF1())
}

// Parse reads one TimeML document: the creation time from <DCT>, and the
// text of <TEXT> stripped of every tag, with each TIMEX3's exact range in it.
func Parse(name, src string) (Document, error) {
	gd := Document{Name: name}
	dct, err := creationTime(src)
	if err != nil {
		return gd, err
	}
	gd.DCT = dct
	open := strings.Index(src, "<TEXT>")
	end := strings.Index(src, "</TEXT>")
	if open < 0 || end < open {
		return gd, fmt.Errorf("no <TEXT> element")
	}
	body := src[open+len("<TEXT>") : end]
	var out strings.Builder
	var cur *gold
	for i := 0; i < len(body); {
		if body[i] != '<' {
			j := strings.IndexByte(body[i:], '<')
			if j < 0 {
				j = len(body) - i
			}
			out.WriteString(html.UnescapeString(body[i : i+j]))
			i += j
			continue
		}
		j := strings.IndexByte(body[i:], '>')
		if j < 0 {
			return gd, fmt.Errorf("unclosed tag at byte %d of <TEXT>", i)
		}
		tag := body[i+1 : i+j]
		i += j + 1
		switch {
		case strings.HasPrefix(tag, "TIMEX3 ") || tag == "TIMEX3":
			if cur != nil {
				return gd, fmt.Errorf("nested TIMEX3 at byte %d of <TEXT>", i)
			}
			cur = &gold{Start: out.Len(), Type: attr(tag, "type"), Value: attr(tag, "value")}
		case tag == "/TIMEX3":
			if cur == nil {
				return gd, fmt.Errorf("stray </TIMEX3> at byte %d of <TEXT>", i)
			}
			cur.End = out.Len()
			gd.Timexes = append(gd.Timexes, *cur)
			cur = nil
		}
	}
	gd.Text = out.String()
	return gd, nil
}

// creationTime reads the value of the TIMEX3 inside <DCT>.
func creationTime(src string) (time.Time, error) {
	i := strings.Index(src, "<DCT>")
	if i < 0 {
		return time.Time{}, fmt.Errorf("no <DCT> element")
	}
	j := strings.Index(src[i:], "</DCT>")
	if j < 0 {
		return time.Time{}, fmt.Errorf("unclosed <DCT>")
	}
	v := attr(src[i:i+j], "value")
	if len(v) < 10 {
		return time.Time{}, fmt.Errorf("creation time %q is not a day", v)
	}
	t, err := time.Parse("2006-01-02", v[:10])
	if err != nil {
		return time.Time{}, fmt.Errorf("creation time: %w", err)
	}
	return t, nil
}

// attr returns the value of attribute name in a tag's text.
func attr(tag, name string) string {
	for rest := tag; ; {
		i := strings.Index(rest, name+`="`)
		if i < 0 {
			return ""
		}
		if i > 0 && rest[i-1] != ' ' {
			rest = rest[i+len(name):]
			continue
		}
		v := rest[i+len(name)+2:]
		if j := strings.IndexByte(v, '"'); j >= 0 {
			return html.UnescapeString(v[:j])
		}
		return ""
	}
}
