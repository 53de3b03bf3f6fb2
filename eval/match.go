package eval

import (
	"strings"
	"unicode"

	"github.com/chronicle/chronicle/doc"
)

// words splits s into lower-case runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func lastWord(s string) string {
	w := words(s)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// article is one gold file beside the document analysed from its text.
type article struct {
	name string
	gold *Gold
	doc  *doc.Doc
}

// goldEntity returns the gold entity a name or surface form belongs to.
func (a *article) goldEntity(name string) *GoldEntity {
	n := normName(name)
	for i := range a.gold.Entities {
		e := &a.gold.Entities[i]
		if normName(e.Name) == n {
			return e
		}
		for _, m := range e.Mentions {
			if normName(m) == n {
				return e
			}
		}
	}
	return nil
}

func normName(s string) string { return strings.Join(words(s), " ") }

// goldActor is an actor as the gold gives it: acceptable names and a
// country, either of which may be missing.
type goldActor struct {
	names   Names
	country string
}

func (g goldActor) any() bool { return len(g.names) == 0 && g.country == "" }

// stateCountry returns the country of a gold actor that is a state (a
// country, or its capital or government standing for it).
func (a *article) stateCountry(g goldActor) (string, bool) {
	for _, n := range g.names {
		if e := a.goldEntity(n); e != nil && e.Type == doc.GPE && str(e.Country) != "" {
			if g.country == "" || g.country == str(e.Country) {
				return str(e.Country), true
			}
		}
	}
	return "", false
}

// actorCountry is the gold actor's country, given or known from its name.
func (a *article) actorCountry(g goldActor) string {
	if g.country != "" {
		return g.country
	}
	for _, n := range g.names {
		if e := a.goldEntity(n); e != nil && str(e.Country) != "" {
			return str(e.Country)
		}
	}
	return ""
}

// nameMatches: the last word of one acceptable gold name is among the
// words of the entity's name or mentions.
func nameMatches(g goldActor, e *doc.Entity) bool {
	have := map[string]bool{}
	for _, w := range words(e.Name) {
		have[w] = true
	}
	for _, m := range e.Mentions {
		for _, w := range words(m.Text) {
			have[w] = true
		}
	}
	for _, n := range g.names {
		if w := lastWord(n); w != "" && have[w] {
			return true
		}
	}
	return false
}

// actorMatches applies the contract's actor rule.
func (a *article) actorMatches(g goldActor, e *doc.Entity) bool {
	if g.any() {
		return true
	}
	if e == nil {
		return false
	}
	if c, ok := a.stateCountry(g); ok && e.Country == c {
		return true
	}
	if len(g.names) == 0 {
		return e.Country == g.country
	}
	if nameMatches(g, e) {
		return true
	}
	c := a.actorCountry(g)
	return c != "" && e.Type == doc.GPE && e.Country == c
}

// speakerMatches applies the quote speaker rule: by name, or, for a
// speaking state or organisation, by country.
func (a *article) speakerMatches(q GoldQuote, e *doc.Entity) bool {
	if e == nil {
		return false
	}
	g := goldActor{names: q.Speaker, country: str(q.SpeakerCountry)}
	if nameMatches(g, e) {
		return true
	}
	for _, n := range q.Speaker {
		ge := a.goldEntity(n)
		if ge == nil || (ge.Type != doc.GPE && ge.Type != doc.ORG) {
			continue
		}
		c := str(ge.Country)
		if c == "" {
			c = g.country
		}
		if c != "" && e.Country == c {
			return true
		}
	}
	return false
}

// normQuote folds case, quotation marks and white space, for matching
// quoted text.
func normQuote(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case strings.ContainsRune("\"“”„‟«»‘’‚‛'`", r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// bipartite returns a maximum matching between n gold items and m system
// items where ok(i, j) says gold i may match system j. match[i] is the
// system index of gold i, or -1.
func bipartite(n, m int, ok func(i, j int) bool) []int {
	adj := make([][]int, n)
	for i := range n {
		for j := range m {
			if ok(i, j) {
				adj[i] = append(adj[i], j)
			}
		}
	}
	owner := make([]int, m)
	for j := range owner {
		owner[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for _, j := range adj[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if owner[j] < 0 || try(owner[j], seen) {
				owner[j] = i
				return true
			}
		}
		return false
	}
	for i := range n {
		try(i, make([]bool, m))
	}
	match := make([]int, n)
	for i := range match {
		match[i] = -1
	}
	for j, i := range owner {
		if i >= 0 {
			match[i] = j
		}
	}
	return match
}
