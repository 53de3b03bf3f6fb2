// Package entity is the analysis stage that finds the actors and places of
// an article: every person, organisation, country or city, facility and
// acting group, each with all its mentions, a canonical name, a type, a
// country, a CAMEO-style sector and, for people, a role.
//
// It works from rules and embedded lexicons rather than a statistical
// tagger: titles and pre-modifiers ("Israeli Foreign Minister Israel Katz")
// give role and country, later partial names, titles used alone, pronouns
// and @handles join the entity they refer to, and capitals used as actors
// stand for their government. Whole-article evidence (who was named in
// full before, which country the article is about) settles what a single
// sentence cannot.
package entity

import (
	"fmt"
	"sort"
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// Recognizer finds entities. It holds only read-only lexicons, so one value
// is safe for concurrent use.
type Recognizer struct {
	lex *lexicon
}

// New loads the embedded lexicons.
func New() (*Recognizer, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Recognizer{lex: lx}, nil
}

// Name names the stage in timings.
func (r *Recognizer) Name() string { return "entity" }

// Run fills d.Entities from the body, tokens and sentences. Entities come
// in order of first mention with IDs E1, E2 ...; each one's mentions are in
// body order.
func (r *Recognizer) Run(d *doc.Doc) {
	st := newState(r.lex, d)
	st.names()
	st.teams()
	st.lateSurnames()
	st.lateOrgs()
	st.hyphenated()
	st.titlesAlone()
	st.pronouns()
	st.tags()
	st.homeCountry()
	d.Entities = st.finish()
}

// ent is an entity under construction.
type ent struct {
	doc.Entity
	gender  byte     // 'm', 'f' or 0
	parts   []string // lower-case name parts, for matching later mentions
	nation  bool     // a country entity
	head    string   // lower-case head word of an organisation name
	metonym bool     // a capital stood for the government
	cued    bool     // an unknown name typed by the words around it
}

// ment is one mention under construction.
type ment struct {
	start, end int
	kind       string
	e          *ent
	sent       int
	subject    bool // the mention opens its sentence or clause
}

// pending is a title used alone, resolved once all names are known.
type pending struct {
	start, end int
	t          *title
	country    string
	sent       int
	capital    bool // written with capitals: "the Secretary"
}

type state struct {
	lx        *lexicon
	d         *doc.Doc
	ws        []word
	used      []bool
	ents      []*ent
	byKey     map[string]*ent
	ments     []ment
	lower     map[string]bool // words seen in lower case inside sentences
	titles    []pending
	country   map[string]int  // how often each country is named, for defaults
	owner     []*ent          // the entity whose mention covers each word
	spans     map[[2]int]bool // mention spans taken
	countries map[string]bool // every country the article names, by code
}

func newState(lx *lexicon, d *doc.Doc) *state {
	st := &state{lx: lx, d: d, byKey: map[string]*ent{}, lower: map[string]bool{}, country: map[string]int{}, spans: map[[2]int]bool{}}
	st.ws = words(d, lx.abbrev)
	st.used = make([]bool, len(st.ws))
	st.owner = make([]*ent, len(st.ws))
	for _, w := range st.ws {
		if !w.Punct && !w.Cap {
			st.lower[w.Text] = true
		}
	}
	return st
}

// add records a mention of e over words [a, b).
func (st *state) add(e *ent, a, b int, kind string) {
	start, end := st.ws[a].Start, st.ws[b-1].End
	st.addSpan(e, start, end, kind, st.ws[a].Sent, st.isSubject(a))
	for i := a; i < b; i++ {
		st.used[i] = true
		st.owner[i] = e
	}
}

func (st *state) addSpan(e *ent, start, end int, kind string, sent int, subject bool) {
	k := [2]int{start, end}
	if st.spans[k] {
		return // one mention span, one entity
	}
	st.spans[k] = true
	st.ments = append(st.ments, ment{start: start, end: end, kind: kind, e: e, sent: sent, subject: subject})
	if e.Country != "" && e.Type == doc.GPE {
		st.country[e.Country]++
	}
}

// isSubject reports whether word i opens its sentence or a clause, the
// position that later pronouns most often refer back to.
func (st *state) isSubject(i int) bool {
	for j := i - 1; j >= 0 && st.ws[j].Sent == st.ws[i].Sent; j-- {
		w := st.ws[j]
		if w.Punct {
			if w.Text == "," || w.Text == "“" || w.Text == "\"" {
				continue
			}
			return w.Text == ";" || w.Text == "—"
		}
		return w.First && st.lx.stop[w.Text] || w.Text == "and" || w.Text == "but"
	}
	return true
}

// entity returns the entity with key, creating it from proto when new.
func (st *state) entity(key string, proto ent) *ent {
	if e, ok := st.byKey[key]; ok {
		return e
	}
	e := &proto
	if e.parts == nil {
		e.parts = nameParts(e.Name)
	}
	st.ents = append(st.ents, e)
	if key != "" {
		st.byKey[key] = e
	}
	return e
}

// finish orders entities by first mention, numbers them and copies the
// mentions in.
func (st *state) finish() []doc.Entity {
	sort.SliceStable(st.ments, func(i, j int) bool { return st.ments[i].start < st.ments[j].start })
	body := st.d.Article.Body
	var order []*ent
	seen := map[*ent]bool{}
	for _, m := range st.ments {
		e := m.e
		if !seen[e] {
			seen[e] = true
			order = append(order, e)
		}
		e.Mentions = append(e.Mentions, doc.Mention{
			Span: doc.Span{Start: m.start, End: m.end, Text: body[m.start:m.end]},
			Kind: m.kind,
		})
	}
	out := make([]doc.Entity, 0, len(order))
	for i, e := range order {
		e.ID = fmt.Sprintf("E%d", i+1)
		if e.metonym && e.Sector == "" {
			e.Sector = "GOV"
		}
		out = append(out, e.Entity)
	}
	return out
}

// nameParts splits a name into lower-case parts for matching, without
// Arabic and European particles: "Adil Abdul-Mahdi" → adil abdul mahdi.
func nameParts(name string) []string {
	f := func(r rune) bool { return r == ' ' || r == '-' || r == '’' || r == '\'' }
	var ps []string
	for _, p := range strings.FieldsFunc(strings.ToLower(name), f) {
		p = strings.TrimSuffix(p, ".")
		switch p {
		case "al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "du", "la", "le", "jr", "sr", "ii", "iii":
			continue
		}
		if p != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

func last(ps []string) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[len(ps)-1]
}
