package conllu

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/entity"
	"github.com/chronicle/chronicle/segment"
)

// Count holds mention matches for one type.
type Count struct {
	TP, FP, FN int
}

// P returns precision.
func (c Count) P() float64 { return ratio(c.TP, c.TP+c.FP) }

// R returns recall.
func (c Count) R() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores is the result of one evaluation.
type Scores struct {
	Docs    int
	Types   map[string]Count // PERSON, ORG, PLACE
	All     Count            // all three types, type must match
	Untyped Count            // all three types, any of them
	// Metonymy: as All, but a GPE found where GUM reads a country or city
	// as an organization ("Sweden beat Mexico", "Beijing said") is right:
	// the contract types such actors GPE with sector GOV.
	Metonymy Count
	// Person clusters: pairs of mentions put in one PERSON entity whose
	// both ends align with a GUM mention, and how many of those pairs GUM
	// puts in one cluster.
	Pairs, SamePairs int
	Unaligned        int // person mentions with no GUM mention to judge them by
	// Links: each aligned person mention after an entity's first, judged
	// against the entity's aligned mention just before it. Unlike pairs,
	// a link error counts once however large the entity.
	Links, SameLinks int
}

// ClusterPrecision is the share of judged person pairs GUM agrees with.
func (s Scores) ClusterPrecision() float64 { return ratio(s.SamePairs, s.Pairs) }

// classOf maps GUM entity types and Chronicle entity types to the three
// scored classes; "" means not scored.
func gumClass(t string) string {
	switch t {
	case "person":
		return "PERSON"
	case "organization":
		return "ORG"
	case "place":
		return "PLACE"
	}
	return ""
}

func sysClass(t string) string {
	switch t {
	case doc.PERSON:
		return "PERSON"
	case doc.ORG:
		return "ORG"
	case doc.GPE, doc.LOC, doc.FAC:
		return "PLACE"
	}
	return ""
}

var classes = []string{"PERSON", "ORG", "PLACE"}

// Evaluate scores the entity stage on every .conllu file in dir and
// writes a table (and, when verbose, every miss and false alarm) to w.
//
// Which GUM mentions count: for mention precision/recall/F1, the named
// mentions of person, organization and place entities, those with a
// proper noun of their own, not inside a smaller mention (GUM also marks
// pronouns and common-noun phrases, which a name finder is not asked to
// find). A Chronicle name mention matches a GUM mention of the same class
// when it lies within it and covers one of those proper nouns ("Mike
// Pompeo" within "US Secretary of State Mike Pompeo"). For cluster precision, every mention of every PERSON
// entity (names, titles, pronouns) is aligned with the smallest GUM
// mention that contains it and whose head it covers, and each pair of
// aligned mentions of one entity is checked against GUM's clusters.
func Evaluate(dir string, w io.Writer, verbose bool) (Scores, error) {
	sc := Scores{Types: map[string]Count{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil {
		return sc, fmt.Errorf("conllu: list %s: %w", dir, err)
	}
	if len(files) == 0 {
		return sc, fmt.Errorf("conllu: no .conllu files in %s", dir)
	}
	seg, err := segment.New()
	if err != nil {
		return sc, fmt.Errorf("conllu: %w", err)
	}
	rec, err := entity.New()
	if err != nil {
		return sc, fmt.Errorf("conllu: %w", err)
	}
	for _, f := range files {
		docs, err := readFile(f)
		if err != nil {
			return sc, err
		}
		for _, gd := range docs {
			d := &doc.Doc{Article: doc.Article{ID: gd.ID, Body: gd.Text, Lang: "en"}}
			seg.Run(d)
			rec.Run(d)
			scoreDoc(&sc, gd, d, w, verbose)
		}
	}
	for _, c := range classes {
		n := sc.Types[c]
		sc.All.TP += n.TP
		sc.All.FP += n.FP
		sc.All.FN += n.FN
	}
	report(w, sc)
	return sc, nil
}

func readFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	docs, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

type sysMention struct {
	doc.Mention
	class  string
	typ    string
	entity int
}

func scoreDoc(sc *Scores, gd Document, d *doc.Doc, w io.Writer, verbose bool) {
	sc.Docs++
	var gold []Mention
	for _, m := range gd.Mentions {
		if m.Named && gumClass(m.Type) != "" {
			gold = append(gold, m)
		}
	}
	var sys []sysMention
	for ei, e := range d.Entities {
		c := sysClass(e.Type)
		if c == "" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind == doc.MentionName {
				sys = append(sys, sysMention{Mention: m, class: c, typ: e.Type, entity: ei})
			}
		}
	}
	sort.Slice(gold, func(i, j int) bool { return gold[i].Start < gold[j].Start })
	goldUsed := make([]bool, len(gold))
	anyUsed := make([]bool, len(gold))
	metoUsed := make([]bool, len(gold))
	for _, s := range sys {
		typed, untyped, meto := -1, -1, -1
		for gi, g := range gold {
			if s.Start < g.Start || s.End > g.End || !coversProper(s.Start, s.End, g) {
				continue
			}
			if untyped < 0 && !anyUsed[gi] {
				untyped = gi
			}
			if typed < 0 && !goldUsed[gi] && gumClass(g.Type) == s.class {
				typed = gi
			}
			if meto < 0 && !metoUsed[gi] && (gumClass(g.Type) == s.class || s.typ == doc.GPE && g.Type == "organization") {
				meto = gi
			}
		}
		if meto >= 0 {
			metoUsed[meto] = true
			sc.Metonymy.TP++
		} else {
			sc.Metonymy.FP++
		}
		if untyped >= 0 {
			anyUsed[untyped] = true
			sc.Untyped.TP++
		} else {
			sc.Untyped.FP++
		}
		c := sc.Types[s.class]
		if typed >= 0 {
			goldUsed[typed] = true
			c.TP++
		} else {
			c.FP++
			if verbose {
				fmt.Fprintf(w, "%s\tFP\t%s\t%q\t%s\n", gd.ID, s.class, s.Text, gumTypeAt(gd, s.Start, s.End))
			}
		}
		sc.Types[s.class] = c
	}
	for gi, g := range gold {
		if !anyUsed[gi] {
			sc.Untyped.FN++
		}
		if !metoUsed[gi] {
			sc.Metonymy.FN++
		}
		if goldUsed[gi] {
			continue
		}
		cl := gumClass(g.Type)
		c := sc.Types[cl]
		c.FN++
		sc.Types[cl] = c
		if verbose {
			fmt.Fprintf(w, "%s\tFN\t%s\t%q\n", gd.ID, cl, gd.Text[g.Start:g.End])
		}
	}
	scorePairs(sc, gd, d, w, verbose)
}

// coversProper reports whether [start, end) covers one of g's own proper
// nouns.
func coversProper(start, end int, g Mention) bool {
	for _, p := range g.Proper {
		if start <= p[0] && end >= p[1] {
			return true
		}
	}
	return false
}

// gumTypeAt names the GUM entity type of the smallest mention holding a
// span, to show what a false alarm was instead.
func gumTypeAt(gd Document, start, end int) string {
	best, size := "-", -1
	for _, m := range gd.Mentions {
		if m.Start <= start && m.End >= end && (size < 0 || m.End-m.Start < size) {
			best, size = m.Type, m.End-m.Start
		}
	}
	return best
}

// align returns the cluster of the smallest GUM mention that contains the
// span and whose head the span covers, or "".
func align(gd Document, start, end int) string {
	best, size := "", -1
	for _, m := range gd.Mentions {
		if m.Start <= start && m.End >= end && start <= m.HeadStart && end >= m.HeadEnd {
			if size < 0 || m.End-m.Start < size {
				best, size = m.Cluster, m.End-m.Start
			}
		}
	}
	return best
}

func scorePairs(sc *Scores, gd Document, d *doc.Doc, w io.Writer, verbose bool) {
	for _, e := range d.Entities {
		if e.Type != doc.PERSON {
			continue
		}
		var cl []string
		var txt []string
		for _, m := range e.Mentions {
			c := align(gd, m.Start, m.End)
			if c == "" {
				sc.Unaligned++
				continue
			}
			cl = append(cl, c)
			txt = append(txt, m.Text)
		}
		for i := 1; i < len(cl); i++ {
			sc.Links++
			if cl[i] == cl[i-1] {
				sc.SameLinks++
			} else if verbose {
				fmt.Fprintf(w, "%s\tLINK\t%s\t%q → %q\n", gd.ID, e.Name, txt[i-1], txt[i])
			}
		}
		for i := range cl {
			for j := i + 1; j < len(cl); j++ {
				sc.Pairs++
				if cl[i] == cl[j] {
					sc.SamePairs++
				} else if verbose {
					fmt.Fprintf(w, "%s\tPAIR\t%s\t%q ≠ %q\n", gd.ID, e.Name, txt[i], txt[j])
				}
			}
		}
	}
}

func report(w io.Writer, sc Scores) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "GUM entity mentions, %d documents (named: with a proper noun of their own; place = GPE, LOC, FAC)\n", sc.Docs)
	fmt.Fprintln(tw, "type\tgold\tfound\tright\tP\tR\tF1\t")
	for _, c := range classes {
		row(tw, strings.ToLower(c), sc.Types[c])
	}
	row(tw, "all", sc.All)
	row(tw, "all, GPE for GUM's country-as-body", sc.Metonymy)
	row(tw, "any type", sc.Untyped)
	tw.Flush()
	fmt.Fprintf(w, "person clusters: %d of %d mention pairs in one GUM cluster, precision %.3f (%d person mentions unaligned)\n",
		sc.SamePairs, sc.Pairs, sc.ClusterPrecision(), sc.Unaligned)
	fmt.Fprintf(w, "person links: %d of %d links to the entity's previous mention agree with GUM, precision %.3f\n",
		sc.SameLinks, sc.Links, ratio(sc.SameLinks, sc.Links))
}

func row(w io.Writer, name string, c Count) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, c.TP+c.FN, c.TP+c.FP, c.TP, c.P(), c.R(), c.F1())
}
