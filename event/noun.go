package event

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// matchNoun returns the first (most specific) pattern of the noun at n
// whose required words come right before it, and the first token it covers.
func (c *clause) matchNoun(n int, ps []pattern) (*pattern, int) {
	for pi := range ps {
		p := &ps[pi]
		start := n - len(p.before)
		if start < c.first {
			continue
		}
		ok := true
		for k, w := range p.before {
			if !sameWord(c.a.lower[start+k], w) {
				ok = false
				break
			}
		}
		if ok {
			return p, start
		}
	}
	return nil, n
}

// nonFactive are verbs whose noun object has not happened: "sought an
// apology", "called for talks", "rejected the offer".
var nonFactive = map[string]bool{
	"seek": true, "sought": true, "call": true, "demand": true, "request": true, "ask": true,
	"reject": true, "refuse": true, "deny": true, "want": true, "propose": true, "plan": true,
	"urge": true, "consider": true, "avoid": true, "prevent": true, "threaten": true,
	"expect": true, "hope": true, "fear": true, "warn": true, "discuss": true, "order": true,
	"accept": true, "negotiate": true, "offer": true, "offered": true, "accepted": true,
	// Aid held back is no aid given: "withheld military aid to Ukraine".
	"withhold": true, "withheld": true, "suspend": true, "freeze": true, "froze": true,
	"halt": true, "block": true, "delay": true, "cut": true,
}

// nounEvent codes the nominalised event at noun n ("US airstrikes
// targeting X", "his condemnation of", "a phone call with").
func (c *clause) nounEvent(n int) (candidate, bool) {
	a := c.a
	lemma := a.lx.nounLemma(a.lower[n])
	if lemma == "" || a.ent[n] >= 0 {
		return candidate{}, false
	}
	// The head of a compound is its last noun: "attack helicopter" is no attack.
	if n+1 < c.last && strings.HasPrefix(a.tag(n+1), "NN") && a.ent[n+1] < 0 {
		return candidate{}, false
	}
	p, start := c.matchNoun(n, a.lx.nouns[lemma])
	if p == nil {
		return candidate{}, false
	}
	typ, code, mode := p.typ, p.cameo, p.mode
	if typ == "PROTEST" && n+1 < c.last && a.lower[n+1] == "of" {
		// "a demonstration of the headset" shows something.
		return candidate{}, false
	}
	if lemma == "call" && n+1 < c.last && (a.lower[n+1] == "for" || a.lower[n+1] == "on") {
		typ, code, mode = "REQUEST", "100", ""
	}

	src, tgt := c.nounSource(start, n), -1
	if x := c.forPossessor(start); x >= 0 {
		src = x
	}
	if p.possTgt && src >= 0 && start > c.first && (a.tag(start-1) == "PRP$" || a.tag(start-1) == "POS") {
		src, tgt = -1, src
	}
	for _, prep := range p.targets {
		if prep == "between" {
			continue
		}
		if x, head := c.nounPrep(n, prep); x >= 0 && (head || !p.headOnly) {
			tgt = x
			break
		}
	}
	if p.human && !c.humanOK(tgt) {
		tgt = -1
	}
	if src < 0 {
		src = c.lightVerbSubject(start)
	}
	if src < 0 {
		src = c.apologizer(start)
	}
	if x, y, ok := c.between(n); ok {
		src, tgt = x, y
	}
	if src < 0 && tgt < 0 {
		src, tgt = c.frontedPP(start, n)
	}
	if src == tgt {
		tgt = -1
	}
	if (p.needSrc && src < 0) || ((p.needTgt || needsTarget[typ]) && tgt < 0) || (src < 0 && tgt < 0) {
		return candidate{}, false
	}
	status := doc.Asserted
	if start-1 >= c.first && a.lx.is(cueNeg, a.lower[start-1]) {
		status = doc.Negated
	}
	if c.governedByNonFactive(start) {
		status = doc.Hypothetical
	}
	switch c.hedged(start) {
	case hedgeAlleged:
		status = doc.Alleged
	case hedgeUnreal:
		status = doc.Hypothetical
	}
	ev := c.event(typ, code, mode, src, tgt, start, n+1, status)
	cand := candidate{ev: ev, lemma: lemma, noun: true}
	if n+1 < c.last && a.lower[n+1] == "of" {
		cand.what, cand.clausal = c.content(n + 1)
	}
	return cand, true
}

// nounSource finds the actor among the noun's pre-modifiers ("US
// airstrikes", "Israel's raid", "his condemnation"), else its "by" agent.
func (c *clause) nounSource(start, n int) int {
	a := c.a
	for i := start - 1; i >= c.first; i-- {
		if i == start-1 && hedgeOf(a.lower[i]) != hedgeNone {
			// "Pakistan's planned attack": the hedge, tagged as a
			// participle, stands inside the phrase.
			continue
		}
		if a.timex[i] && a.ent[i] < 0 {
			// "Trump's July 25 call with Zelensky"
			continue
		}
		if !a.isNominal(i) || a.isVerb(i) || a.tag(i) == "CD" && a.ent[i] < 0 {
			break
		}
		if x := a.actor(i); x >= 0 {
			return x
		}
	}
	k := n + 1
	if k+1 < c.last && a.lower[k] == "of" && a.nom(k+1) {
		// "the abduction of X by Y"
		k = c.npRight(k+1) + 1
	}
	if k+1 < c.last && a.lower[k] == "by" {
		return c.chainRight(k + 1)
	}
	return -1
}

// forPossessor reads "thanked X for his condemnation": a possessive
// pronoun after "for" stands for the object of the verb before it. It
// returns that object, or -1.
func (c *clause) forPossessor(start int) int {
	a := c.a
	if start-2 < c.first || a.tag(start-1) != "PRP$" || a.lower[start-2] != "for" {
		return -1
	}
	for v := start - 3; v >= c.first && v >= start-12; v-- {
		if a.isVerb(v) {
			if x, head := c.directObjectHead(v); head {
				return x
			}
			return -1
		}
	}
	return -1
}

// nounPrep finds the actor introduced by prep right after the noun (a
// date or a short modifier may come between: "attack Tuesday on X").
func (c *clause) nounPrep(n int, prep string) (int, bool) {
	a := c.a
	for k := n + 1; k < c.last && k <= n+3; k++ {
		if a.lower[k] == prep {
			return c.chainRightHead(k + 1)
		}
		if c.boundary(k) || a.lower[k] == "," || a.isFinite(k) {
			return -1, false
		}
	}
	return -1, false
}

// between reads "between X and Y" after a noun of meeting.
func (c *clause) between(n int) (int, int, bool) {
	a := c.a
	if n+1 >= c.last || a.lower[n+1] != "between" {
		return -1, -1, false
	}
	x := c.chainRight(n + 2)
	for k := n + 2; k < c.last && k <= n+10; k++ {
		if a.lower[k] == "and" {
			if y := c.chainRight(k + 1); x >= 0 && y >= 0 {
				return x, y, true
			}
			break
		}
	}
	return -1, -1, false
}

// frontedPP borrows the actors of the main clause for an event noun in a
// sentence-opening phrase: "In a late Wednesday call, X thanked Y".
func (c *clause) frontedPP(start, n int) (int, int) {
	a := c.a
	if start == c.first || a.tag(c.first) != "IN" {
		return -1, -1
	}
	for i := c.first + 1; i < start; i++ {
		if !a.isNominal(i) {
			return -1, -1
		}
	}
	if n+1 >= c.last || a.lower[n+1] != "," {
		return -1, -1
	}
	for v := n + 2; v < c.last; v++ {
		if !a.isFinite(v) {
			continue
		}
		s := c.subject(v, 0)
		return s.ent, c.directObject(v)
	}
	return -1, -1
}

// governedByNonFactive reports whether the noun phrase starting at start
// is the object of a verb like "seek" or "reject".
func (c *clause) governedByNonFactive(start int) bool {
	a := c.a
	for i := start - 1; i >= c.first && i >= start-5; i-- {
		if a.isVerb(i) {
			return nonFactive[a.lx.baseVerb(a.lower[i])] || nonFactive[strings.TrimSuffix(strings.TrimSuffix(a.lower[i], "ed"), "s")]
		}
		switch a.tag(i) {
		case "DT", "JJ", "IN", "PRP$", "NNP", "POS":
		default:
			return false
		}
	}
	return false
}

// Hedges on an event noun.
const (
	hedgeNone    = iota
	hedgeAlleged // "the alleged attack", "a suspected bombing"
	hedgeUnreal  // "a planned visit", "a possible strike"
)

// hedged tells how the noun starting at start is hedged.
func (c *clause) hedged(start int) int {
	for i := start - 1; i >= c.first && i >= start-3; i-- {
		if h := hedgeOf(c.a.lower[i]); h != hedgeNone {
			return h
		}
	}
	return hedgeNone
}

// hedgeOf tells the hedge a word puts on an event noun.
func hedgeOf(w string) int {
	switch w {
	case "alleged", "suspected", "purported", "reported", "apparent":
		return hedgeAlleged
	case "possible", "planned", "proposed", "potential", "future", "expected",
		"upcoming", "prospective", "threatened", "imminent":
		return hedgeUnreal
	}
	return hedgeNone
}

// lightVerbs are verbs whose object noun names the act their subject does:
// "held a phone conversation with", "launched an offensive against".
var lightVerbs = map[string]bool{
	"hold": true, "have": true, "conduct": true, "launch": true, "stage": true,
	"make": true, "carry": true, "mount": true, "begin": true, "start": true,
}

// lightVerbSubject returns the subject of a light verb whose object is the
// noun phrase starting at start, or -1.
func (c *clause) lightVerbSubject(start int) int {
	a := c.a
	for i := start - 1; i >= c.first && i >= start-4; i-- {
		switch {
		case a.isVerb(i):
			if !a.lx.lemmaIn(a.lower[i], lightVerbs) || c.passive(i) {
				return -1
			}
			return c.subject(i, 0).ent
		case a.tag(i) == "DT" || a.tag(i) == "JJ" || a.tag(i) == "CD" || a.lower[i] == "out":
		default:
			return -1
		}
	}
	return -1
}

// apologizing are the verbs whose "for" phrase names what their subject
// did: "Netanyahu apologized to Erdogan for a raid on a flotilla", "the
// group claimed responsibility for the bombing".
var apologizing = map[string]bool{"apologize": true, "apologise": true, "regret": true, "claim": true, "take": true}

// apologizer returns the subject of an apology whose "for" phrase is the
// noun phrase starting at start, or -1.
func (c *clause) apologizer(start int) int {
	a := c.a
	j := start - 1
	for j >= c.first && (a.tag(j) == "DT" || a.tag(j) == "JJ" || a.tag(j) == "CD" || a.tag(j) == "PRP$") {
		j--
	}
	if j < c.first || a.lower[j] != "for" {
		return -1
	}
	for k := j - 1; k >= c.first && k >= j-12; k-- {
		if c.boundary(k) {
			return -1
		}
		if a.isVerb(k) {
			if a.lx.lemmaIn(a.lower[k], apologizing) && (k+1 == j || a.lower[k+1] == "responsibility" || a.lower[k+1] == "to") {
				return c.subject(k, 0).ent
			}
			if a.isFinite(k) {
				return -1
			}
		}
	}
	return -1
}
