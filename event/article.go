package event

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// article is the working state of one Run: per-token views of the layers
// the coder reads.
type article struct {
	lx    *lexicon
	d     *doc.Doc
	ent   []int    // token -> entity index of the longest mention over it, or -1
	timex []bool   // token -> inside a time expression
	quote []int    // token -> index of the quote holding it, or -1
	lower []string // token text, lower-cased, apostrophes folded
	tags  []string // part of speech, mended (see fixTag)
	// vclass is, for verbs, whether their complement is wanted, claimed
	// or denied rather than reported (classGovern ...).
	vclass []int
}

// candidate is an event before merging, with what merging needs.
type candidate struct {
	ev       doc.Event
	lemma    string // trigger lemma, to tell distinct speech acts apart
	thing    string // the noun a pattern ends on: "sanction" of "impose sanction"
	postDate string // date of the post a speech act comes from
	relative bool   // the subject was reached through "that" or "which"
	noun     bool   // the trigger is a noun
	object   string // head word of the object, when it names no actor
	what     string // head word of what a statement is about ("attack")
	clausal  bool   // a statement whose content is a that-clause
	// shadow marks an act that is no event but tells who made an offer
	// later accepted or refused; it is dropped after answerers.
	shadow bool
}

func newArticle(lx *lexicon, d *doc.Doc) *article {
	n := len(d.Tokens)
	a := &article{lx: lx, d: d, ent: make([]int, n), quote: make([]int, n), lower: make([]string, n), tags: make([]string, n)}
	best := make([]int, n)
	for i := range a.ent {
		a.ent[i], a.quote[i] = -1, -1
		a.lower[i] = strings.ToLower(strings.ReplaceAll(d.Tokens[i].Text, "’", "'"))
		a.tags[i] = a.fixTag(i)
	}
	for ei, e := range d.Entities {
		for _, m := range e.Mentions {
			size := m.End - m.Start
			for t := firstToken(d, m.Start); t >= 0 && t < n && d.Tokens[t].Start < m.End; t++ {
				if d.Tokens[t].End <= m.Start {
					continue
				}
				if size > best[t] {
					best[t], a.ent[t] = size, ei
				}
			}
		}
	}
	for _, s := range d.Sentences {
		for i := s.First + 1; i < s.Last && i < n; i++ {
			if t := d.Tokens[i].Text; strings.HasPrefix(a.tags[i], "VB") && t != "" && t[0] >= 'A' && t[0] <= 'Z' && a.lower[i-1] != "\"" && a.lower[i-1] != "“" {
				// "to Turkish/VB Prime Minister": a capitalised word inside
				// a sentence is a name, whatever the tagger says.
				a.tags[i] = "NNP"
			}
		}
	}
	for i := 2; i+1 < n; i++ {
		if (a.tags[i] == "JJ" && strings.HasSuffix(a.lower[i], "ed") || a.tags[i] == "NN" && lx.irregular[a.lower[i]] == a.lower[i]) && a.conjoinedPast(i) {
			// "put X in charge and ordered/JJ multiple investigations",
			// "detained them and beat/NN a reporter": a past tense
			// joined to another is a verb.
			a.tags[i] = "VBD"
		}
	}
	a.timex = make([]bool, n)
	for _, tx := range d.Timexes {
		for t := firstToken(d, tx.Start); t >= 0 && t < n && d.Tokens[t].Start < tx.End; t++ {
			a.timex[t] = true
		}
	}
	a.vclass = make([]int, n)
	for i := range a.vclass {
		if a.isVerb(i) {
			a.vclass[i] = lx.verbClass(a.lower[i])
		}
	}
	a.linkPronouns()
	for qi, q := range d.Quotes {
		for t := firstToken(d, q.Start); t >= 0 && t < n && d.Tokens[t].Start < q.End; t++ {
			if a.quote[t] < 0 {
				a.quote[t] = qi
			}
		}
	}
	return a
}

// firstToken returns the index of the first token ending after off.
func firstToken(d *doc.Doc, off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// actor returns the entity at token i when it can act in an event (not a
// bare place), else -1.
func (a *article) actor(i int) int {
	e := a.ent[i]
	if e < 0 {
		return -1
	}
	if a.d.Entities[e].Type == doc.LOC {
		return -1
	}
	return e
}

// tag returns the part of speech of token i.
func (a *article) tag(i int) string { return a.tags[i] }

// fixTag mends one tagger habit: an irregular past form of a lexicon verb
// tagged as a noun ("Netanyahu and Erdogan spoke/NN by telephone") is a
// past-tense verb.
func (a *article) fixTag(i int) string {
	t := a.d.Tokens[i].Tag
	if t == "NN" || t == "NNP" || t == "JJ" {
		if l, ok := a.lx.irregular[a.lower[i]]; ok && l != a.lower[i] {
			if _, known := a.lx.verbs[l]; known {
				return "VBD"
			}
		}
	}
	return t
}

// isVerb reports whether token i is tagged as a verb.
func (a *article) isVerb(i int) bool { return strings.HasPrefix(a.tag(i), "VB") }

// isFinite reports whether token i is a verb that can head a clause.
func (a *article) isFinite(i int) bool {
	switch a.tag(i) {
	case "VBD", "VBZ", "VBP":
		return true
	}
	return false
}

// isNominal reports whether token i can be part of a noun phrase.
func (a *article) isNominal(i int) bool {
	if a.ent[i] >= 0 {
		return true
	}
	switch a.tag(i) {
	case "DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "PRP", "CD", "HYPH":
		return true
	}
	return false
}

// nom reports whether token i belongs in a noun phrase: a mention (whatever
// its tag; taggers call "Turkish" a verb), or a nominal word that is not a
// verb.
func (a *article) nom(i int) bool {
	return a.ent[i] >= 0 || (a.isNominal(i) && !a.isVerb(i))
}

// sentence codes the events of sentence si and appends them to buf (one
// buffer for the article, not a slice per sentence).
func (a *article) sentence(si int, buf []candidate) []candidate {
	s := a.d.Sentences[si]
	c := clause{a: a, si: si, first: s.First, last: s.Last}
	base := len(buf)
	out := buf
	for i := s.First; i < s.Last; i++ {
		if a.isVerb(i) {
			if ev, ok := c.claimedAct(i); ok {
				out = append(out, ev)
				continue
			}
			if ev, ok := c.verbEvent(i); ok {
				out = append(out, ev)
			}
			continue
		}
		if strings.HasPrefix(a.tag(i), "NN") || a.possessedAdjective(i) {
			if ev, ok := c.nounEvent(i); ok {
				out = append(out, ev)
			}
		}
	}
	mine := foldRelatives(out[base:])
	c.casualties(mine)
	return out[:base+len(mine)]
}

// foldRelatives drops a verb event reached through "that" or "which" when
// an earlier noun of the sentence names the same kind of event: in "US
// airstrikes ... that killed 25 people" the killing is the airstrikes. The
// noun event takes the verb's target when it had none.
func foldRelatives(evs []candidate) []candidate {
	out := evs[:0]
	for _, e := range evs {
		if e.relative && !e.noun {
			folded := false
			for i := range out {
				if out[i].noun && out[i].ev.Type == e.ev.Type {
					if out[i].ev.Target == "" && e.ev.Target != out[i].ev.Source {
						out[i].ev.Target = e.ev.Target
					}
					folded = true
					break
				}
			}
			if folded {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// linkPronouns gives an unlinked he, she, him, his or her a person, a
// fallback for when the entity stage left the pronoun alone: the first
// person named earlier in the sentence (usually its subject), else the
// first person of the previous sentence, else the latest person named in
// this or the previous paragraph.
func (a *article) linkPronouns() {
	last, lastPara, prevFirst := -1, -1, -1
	for _, s := range a.d.Sentences {
		if lastPara >= 0 && s.Para > lastPara+1 {
			last, prevFirst = -1, -1
		}
		first := -1
		for i := s.First; i < s.Last; i++ {
			if e := a.ent[i]; e >= 0 {
				if a.d.Entities[e].Type == doc.PERSON {
					last, lastPara = e, s.Para
					if first < 0 {
						first = e
					}
				}
				continue
			}
			switch a.lower[i] {
			case "he", "she", "him", "his", "her":
				x := first
				if x < 0 {
					x = prevFirst
				}
				if x < 0 {
					x = last
				}
				if x >= 0 {
					a.ent[i] = x
					if first < 0 {
						first = x
					}
				}
			}
		}
		if first >= 0 {
			prevFirst = first
		}
	}
}

// possessedAdjective reports whether token i, tagged as an adjective, is
// a noun after a possessive and before a preposition: "Russia's offensive
// against".
func (a *article) possessedAdjective(i int) bool {
	if a.tag(i) != "JJ" || i == 0 || i+1 >= len(a.tags) {
		return false
	}
	p := a.tag(i - 1)
	return (p == "POS" || p == "PRP$") && a.tag(i+1) == "IN"
}

// conjoinedPast reports whether the word at i, tagged as an adjective, is
// a lexicon verb's past joined by "and" to a finite verb before it and
// followed by its object.
func (a *article) conjoinedPast(i int) bool {
	if a.lower[i-1] != "and" || a.tags[i-2] == "JJ" || a.lx.verbLemma(a.lower[i]) == "" {
		return false
	}
	switch a.tags[i+1] {
	case "DT", "JJ", "NN", "NNS", "NNP", "CD", "PRP", "PRP$":
	default:
		return false
	}
	s := a.d.SentenceAt(a.d.Tokens[i].Start)
	if s < 0 {
		return false
	}
	for k := i - 2; k >= a.d.Sentences[s].First; k-- {
		if a.isFinite(k) {
			return true
		}
	}
	return false
}
