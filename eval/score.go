package eval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle/chronicle/doc"
)

// Count is the tally of one task.
type Count struct {
	Gold, System, TP int // System excludes items matching only optional gold
}

// P is precision, R recall, F1 their harmonic mean; 0 when undefined.
func (c Count) P() float64 { return ratio(c.TP, c.System) }
func (c Count) R() float64 { return ratio(c.TP, c.Gold) }
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

func (c *Count) add(o Count) { c.Gold += o.Gold; c.System += o.System; c.TP += o.TP }

// Scores gathers every task over a set of articles.
type Scores struct {
	Articles      int
	Quotes        Count // detection: quoted text found
	QuoteSpeakers Count // detection with the right speaker
	Events        Count
	Timexes       Count // extent, by overlap
	TimexValues   Count // overlap and exact value
	Entities      Count // gold entities found (recall; System = Gold)
	EntityCountry Count // found entities whose country is the gold one
	Log           []string
}

func (s *Scores) add(o *Scores) {
	s.Articles += o.Articles
	s.Quotes.add(o.Quotes)
	s.QuoteSpeakers.add(o.QuoteSpeakers)
	s.Events.add(o.Events)
	s.Timexes.add(o.Timexes)
	s.TimexValues.add(o.TimexValues)
	s.Entities.add(o.Entities)
	s.EntityCountry.add(o.EntityCountry)
	s.Log = append(s.Log, o.Log...)
}

func (a *article) logf(s *Scores, format string, args ...any) {
	s.Log = append(s.Log, a.name+": "+fmt.Sprintf(format, args...))
}

// score measures one article.
func (a *article) score() *Scores {
	s := &Scores{Articles: 1}
	a.scoreQuotes(s)
	a.scoreEvents(s)
	a.scoreTimexes(s)
	a.scoreEntities(s)
	return s
}

// split returns the indexes of required and optional gold items.
func split(n int, optional func(int) bool) (req, opt []int) {
	for i := range n {
		if optional(i) {
			opt = append(opt, i)
		} else {
			req = append(req, i)
		}
	}
	return req, opt
}

// tally matches required gold to system items (a maximum matching), then
// drops from the system count the unmatched items that match an optional
// gold item. It returns the match of each required item (or -1) and the
// set of system items that count.
func tally(req, opt []int, m int, ok func(g, j int) bool) (match []int, counted []bool) {
	match = bipartite(len(req), m, func(i, j int) bool { return ok(req[i], j) })
	used := make([]bool, m)
	for _, j := range match {
		if j >= 0 {
			used[j] = true
		}
	}
	counted = make([]bool, m)
	for j := range m {
		counted[j] = true
		if used[j] {
			continue
		}
		for _, g := range opt {
			if ok(g, j) {
				counted[j] = false
				break
			}
		}
	}
	return match, counted
}

func countTrue(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}

func (a *article) scoreQuotes(s *Scores) {
	gold, sys := a.gold.Quotes, a.doc.Quotes
	textOK := func(g, j int) bool {
		return strings.Contains(normQuote(sys[j].Text), normQuote(gold[g].TextContains))
	}
	speakerOK := func(g, j int) bool { return a.speakerMatches(gold[g], a.doc.Entity(sys[j].Speaker)) }
	req, opt := split(len(gold), func(i int) bool { return gold[i].Optional })
	// Prefer pairings with the right speaker, then fill in by text alone.
	full, _ := tally(req, nil, len(sys), func(g, j int) bool { return textOK(g, j) && speakerOK(g, j) })
	taken := make([]bool, len(sys))
	for _, j := range full {
		if j >= 0 {
			taken[j] = true
		}
	}
	var rest []int
	for i, g := range req {
		if full[i] < 0 {
			rest = append(rest, g)
		}
	}
	more, _ := tally(rest, nil, len(sys), func(g, j int) bool { return !taken[j] && textOK(g, j) })
	_, counted := tally(req, opt, len(sys), textOK)
	for j := range sys {
		if taken[j] {
			counted[j] = true
		}
	}
	for _, j := range more {
		if j >= 0 {
			taken[j] = true
			counted[j] = true
		}
	}
	n := countTrue(counted)
	s.Quotes = Count{Gold: len(req), System: n}
	s.QuoteSpeakers = Count{Gold: len(req), System: n}
	for i := range req {
		if full[i] >= 0 {
			s.Quotes.TP++
			s.QuoteSpeakers.TP++
		}
	}
	for i, g := range rest {
		if j := more[i]; j < 0 {
			a.logf(s, "quote missed: %q (speaker %v)", gold[g].TextContains, []string(gold[g].Speaker))
		} else {
			s.Quotes.TP++
			a.logf(s, "quote speaker wrong: %q: got %s, want %v", gold[g].TextContains,
				a.entityName(sys[j].Speaker), []string(gold[g].Speaker))
		}
	}
	for j, q := range sys {
		if counted[j] && !taken[j] {
			a.logf(s, "quote extra: %q (speaker %s)", clip(q.Text, 80), a.entityName(q.Speaker))
		}
	}
}

func (a *article) entityName(id string) string {
	if e := a.doc.Entity(id); e != nil {
		return fmt.Sprintf("%s (%s %s)", e.Name, e.Type, e.Country)
	}
	return "null"
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func (a *article) scoreEvents(s *Scores) {
	gold, sys := a.gold.Events, a.doc.Events
	req, opt := split(len(gold), func(i int) bool { return gold[i].Optional })
	ok := func(g, j int) bool { return a.eventMatches(gold[g], sys[j]) }
	match, counted := tally(req, opt, len(sys), ok)
	used := make([]bool, len(sys))
	s.Events = Count{Gold: len(req), System: countTrue(counted)}
	for i, g := range req {
		if j := match[i]; j >= 0 {
			s.Events.TP++
			used[j] = true
			continue
		}
		ge := gold[g]
		a.logf(s, "event missed: %v %v → %v date %s: %q", []string(ge.Type), []string(ge.Source),
			[]string(ge.Target), str(ge.Date), clip(ge.Evidence[0], 90))
	}
	for j, e := range sys {
		if counted[j] && !used[j] {
			a.logf(s, "event extra: %s %s → %s date %s trigger %q: %q", e.Type, a.entityName(e.Source),
				a.entityName(e.Target), e.Date, e.Trigger.Text, clip(a.doc.SentenceText(e.Sentence), 90))
		}
	}
}

// eventMatches applies the contract's event rule.
func (a *article) eventMatches(g GoldEvent, e doc.Event) bool {
	if !contains(g.Type, e.Type) {
		return false
	}
	if g.Date != nil && *g.Date != e.Date {
		return false
	}
	if !a.actorMatches(goldActor{g.Source, str(g.SourceCountry)}, a.doc.Entity(e.Source)) ||
		!a.actorMatches(goldActor{g.Target, str(g.TargetCountry)}, a.doc.Entity(e.Target)) {
		return false
	}
	return a.evidenceMatches(g.Evidence, e)
}

// evidenceMatches: the event's sentence contains an evidence string, or
// its trigger lies inside one.
func (a *article) evidenceMatches(evidence Names, e doc.Event) bool {
	sent := ""
	if e.Sentence >= 0 && e.Sentence < len(a.doc.Sentences) {
		sent = a.doc.SentenceText(e.Sentence)
	}
	body := a.doc.Article.Body
	for _, ev := range evidence {
		if ev == "" {
			continue
		}
		if strings.Contains(sent, ev) {
			return true
		}
		for off := 0; ; {
			i := strings.Index(body[off:], ev)
			if i < 0 {
				break
			}
			start := off + i
			if e.Trigger.Start >= start && e.Trigger.End <= start+len(ev) {
				return true
			}
			off = start + 1
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (a *article) scoreTimexes(s *Scores) {
	gold, sys := a.gold.Timexes, a.doc.Timexes
	places := locate(a.doc.Article.Body, gold)
	req, opt := split(len(gold), func(i int) bool { return gold[i].Optional })
	overlap := func(g, j int) bool {
		for _, sp := range places[g] {
			if sys[j].Start < sp.End && sp.Start < sys[j].End {
				return true
			}
		}
		return false
	}
	valueOK := func(g, j int) bool { return overlap(g, j) && sys[j].Value == gold[g].Value }
	// The gold gives texts, not places: a repeated text may be any of its
	// occurrences. Pair right values first, then the rest by extent.
	right, _ := tally(req, nil, len(sys), valueOK)
	used := make([]bool, len(sys))
	var rest []int
	for i, g := range req {
		if right[i] >= 0 {
			used[right[i]] = true
		} else {
			rest = append(rest, g)
		}
	}
	wrong, _ := tally(rest, nil, len(sys), func(g, j int) bool { return !used[j] && overlap(g, j) })
	_, counted := tally(req, opt, len(sys), overlap)
	for j := range sys {
		if used[j] {
			counted[j] = true
		}
	}
	for i, g := range rest {
		if j := wrong[i]; j >= 0 {
			used[j], counted[j] = true, true
			a.logf(s, "timex value wrong: %q = %s, want %s", sys[j].Text, sys[j].Value, gold[g].Value)
		} else {
			a.logf(s, "timex missed: %q = %s", gold[g].Text, gold[g].Value)
		}
	}
	n := countTrue(counted)
	found := len(req) - len(rest) + countMatched(wrong)
	s.Timexes = Count{Gold: len(req), System: n, TP: found}
	s.TimexValues = Count{Gold: len(req), System: n, TP: len(req) - len(rest)}
	for j, t := range sys {
		if counted[j] && !used[j] {
			a.logf(s, "timex extra: %q = %s", t.Text, t.Value)
		}
	}
}

func countMatched(match []int) int {
	n := 0
	for _, j := range match {
		if j >= 0 {
			n++
		}
	}
	return n
}

// locate finds every place of each gold time expression's text in the
// body, at word boundaries.
func locate(body string, gold []GoldTimex) [][]doc.Span {
	out := make([][]doc.Span, len(gold))
	for i, g := range gold {
		if g.Text == "" {
			continue
		}
		for off := 0; ; {
			k := strings.Index(body[off:], g.Text)
			if k < 0 {
				break
			}
			start, end := off+k, off+k+len(g.Text)
			if boundary(body, start, end) {
				out[i] = append(out[i], doc.Span{Start: start, End: end, Text: g.Text})
			}
			off = start + 1
		}
	}
	return out
}

// boundary reports whether body[start:end] is not part of a longer word.
func boundary(body string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(body[:start])
	after, _ := utf8.DecodeRuneInString(body[end:])
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return (start == 0 || !word(before)) && (end == len(body) || !word(after))
}

func (a *article) scoreEntities(s *Scores) {
	byText := map[string]*doc.Entity{}
	for i := range a.doc.Entities {
		e := &a.doc.Entities[i]
		for _, m := range e.Mentions {
			k := foldApostrophes(m.Text)
			if _, ok := byText[k]; !ok {
				byText[k] = e
			}
		}
	}
	for _, g := range a.gold.Entities {
		if g.Optional {
			continue
		}
		s.Entities.Gold++
		s.Entities.System++
		var found *doc.Entity
		for _, m := range g.Mentions {
			if e, ok := byText[foldApostrophes(m)]; ok {
				found = e
				break
			}
		}
		if found == nil {
			a.logf(s, "entity missed: %s (%s %s) %q", g.Name, g.Type, str(g.Country), g.Mentions)
			continue
		}
		s.Entities.TP++
		if g.Country == nil {
			continue
		}
		s.EntityCountry.Gold++
		s.EntityCountry.System++
		if found.Country == *g.Country {
			s.EntityCountry.TP++
		} else {
			a.logf(s, "entity country wrong: %s: got %q, want %s", g.Name, found.Country, *g.Country)
		}
	}
}

func foldApostrophes(s string) string { return strings.ReplaceAll(s, "’", "'") }
