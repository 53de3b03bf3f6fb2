package event

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// clause holds one sentence's token range; its methods find the actors
// around a trigger with patterns over part-of-speech chunks.
type clause struct {
	a           *article
	si          int
	first, last int
}

// subj is what subject finding learned about a verb's subject.
type subj struct {
	ent      int  // entity index, or -1
	found    bool // some subject phrase was there (even without an actor)
	firstPer bool // the subject is I or we
	relative bool // reached through "that" or "which"
	co       int  // a second subject joined by "and", or -1
	via      int  // the earlier verb whose subject this is, or 0 when none
	start    int  // first token of the subject phrase
}

// skippable reports whether token i may stand between a subject and its
// verb: adverbs, auxiliaries, modals and negation.
func (c *clause) skippable(i int) bool {
	w := c.a.lower[i]
	switch c.a.tag(i) {
	case "RB", "RBR", "RBS", "MD":
		return true
	}
	if isQuoteMark(w) {
		return true
	}
	lx := c.a.lx
	return lx.is(cueSkipAux, w) || lx.is(cueNeg, w) || lx.is(cueModal, w)
}

// subject finds the subject of the verb at v.
func (c *clause) subject(v, depth int) subj {
	a := c.a
	i := v - 1
	aux := false
	for i >= c.first && c.skippable(i) {
		aux = aux || !strings.HasPrefix(a.tag(i), "RB")
		i--
	}
	if i < c.first {
		return subj{ent: -1, co: -1}
	}
	w := a.lower[i]
	switch {
	case a.lx.is(cueFirst, w) && a.ent[i] < 0:
		return subj{ent: -1, co: -1, found: true, firstPer: true}
	case w == "who" || w == "which" || (w == "that" && a.tag(i) != "DT"):
		k := i - 1
		if k >= c.first && a.lower[k] == "," {
			k--
		}
		if k < c.first || !a.isNominal(k) {
			// "a raid that killed": the subject is there, but no actor.
			return subj{ent: -1, co: -1, found: true}
		}
		s := c.chainLeft(k)
		s.relative = w != "who"
		return s
	case w == "to" && i-1 >= c.first && a.isVerb(i-1) && a.vclass[i-1] == classGovern && depth < 4:
		// "threatened to attack": the one who threatened would act.
		s := c.subject(i-1, depth+1)
		s.via = i
		return s
	case w == "to" && i-1 >= c.first && a.nom(i-1) && depth < 4:
		// "urged Pakistan to release": the one urged would act; "will
		// visit Beijing next week to meet Xi": the visitor would.
		p := c.prevVerb(i)
		if p < 0 {
			return subj{ent: -1, co: -1}
		}
		if a.vclass[p] == classGovern {
			if x, head := c.directObjectHead(p); x >= 0 && head {
				return subj{ent: x, found: true, co: -1, start: p + 1}
			}
			return subj{ent: -1, found: true, co: -1}
		}
		s := c.subject(p, depth+1)
		s.via = p + 1
		return s
	case w == "," && (aux || a.isFinite(v)):
		return c.parenthetical(i)
	case w == "and" || w == "or" || w == "but" || w == "while" || w == "," || w == "as" || w == "after" || w == "before":
		if p := c.prevVerb(i); p >= 0 && depth < 4 {
			if r := c.relativeStart(p); (w == "and" || w == "or") && c.relativeWho(p) && a.lower[r] != "who" && r > c.first && a.actor(r-1) < 0 {
				// "apologized for errors that could have led to loss
				// of life and agreed": a relative clause about a thing
				// is skipped ("X, who reaffirmed ... and condemned" is
				// not).
				if q := c.prevVerb(r); q >= 0 {
					p = q
				}
			}
			if r := c.reporter(p); r >= 0 && (w == "and" || w == "but") && c.speechVerb(v) {
				// "The Pentagon said Russia had received the missiles
				// and warned that ...": the speaker warns.
				p = r
			}
			s := c.subject(p, depth+1)
			s.via = p + 1
			return s
		}
		if w == "," {
			return c.parenthetical(i)
		}
		return subj{ent: -1, co: -1}
	case a.isNominal(i):
		s := c.chainLeft(i)
		if np := c.npLeft(i); a.tag(v) == "VBG" && !aux && np > c.first && a.tag(np-1) == "IN" && a.lower[np-1] != "by" {
			// "South Africa filed a case at the court, accusing Israel":
			// a participle after a prepositional phrase belongs to the
			// clause's subject, not to the phrase.
			if p := c.prevVerb(np - 1); p >= 0 && depth < 4 {
				ps := c.subject(p, depth+1)
				ps.via = p + 1
				return ps
			}
		}
		if np := c.npLeft(i); s.ent < 0 && a.tag(v) == "VBG" && !aux && documents[a.lower[i]] && np-1 >= c.first && a.isVerb(np-1) && depth < 4 {
			// "the Council adopted a resolution demanding": a document
			// speaks for who issued it.
			ps := c.subject(np-1, depth+1)
			ps.via = np
			return ps
		}
		return s
	}
	return subj{ent: -1, co: -1}
}

// parenthetical finds the subject of a verb whose auxiliary or finite form
// follows a comma: "X, part of Y, did not accept" and "X's attorney, Joey
// Jackson, defended" take X when X's head is an actor, else the insertion.
func (c *clause) parenthetical(comma int) subj {
	a := c.a
	open, finite := -1, false
	for k := comma - 1; k >= c.first; k-- {
		if a.lower[k] == "," {
			open = k
			break
		}
		finite = finite || a.isFinite(k)
	}
	for open >= 2 && open-2 >= c.first && a.tag(open-1) == "CD" && a.lower[open-2] == "," {
		// "Daniel Montalvo, 19, a member of X, was arrested": an age
		// is one more insertion.
		open -= 2
	}
	if open >= 0 && finite {
		// An insertion with its own verb is a relative clause ("X, who
		// leads the party, was arrested") or no insertion at all.
		if w := a.lower[open+1]; w != "who" && w != "which" && w != "whose" {
			open = -1
		}
	}
	if open < 0 {
		if comma-1 >= c.first && a.isNominal(comma-1) {
			return c.chainLeft(comma - 1)
		}
		return subj{ent: -1, co: -1}
	}
	if open-1 >= c.first && a.isNominal(open-1) {
		before := c.chainLeft(open - 1)
		inner := subj{ent: -1, co: -1}
		if a.isNominal(comma - 1) {
			inner = c.chainLeft(comma - 1)
		}
		person := func(x int) bool { return x >= 0 && a.d.Entities[x].Type == doc.PERSON }
		if person(inner.ent) && !person(before.ent) && inner.start == open+1 {
			// "The UN coordinator for Sudan, Marta Lindqvist, condemned".
			return inner
		}
		if before.ent >= 0 {
			if x, head := c.pick(c.npLeft(open-1), open-1); head && x == before.ent {
				return before
			}
		}
		if inner.ent >= 0 && inner.start == open+1 {
			return inner
		}
		return before
	}
	return subj{ent: -1, co: -1}
}

// isQuoteMark reports whether a token is a quotation mark, which taggers
// label as anything; a quote opening mid-sentence does not break it.
func isQuoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "'", "‘", "``", "''":
		return true
	}
	return false
}

// prevVerb returns the nearest earlier verb that heads a predicate
// (not an auxiliary, an infinitive or a gerund after a preposition), or -1.
func (c *clause) prevVerb(i int) int {
	a := c.a
	for j := i - 1; j >= c.first; j-- {
		w := a.lower[j]
		if w == ";" || w == ":" {
			return -1
		}
		if !a.isVerb(j) || a.lx.is(cueSkipAux, w) {
			continue
		}
		if j > c.first && (a.lower[j-1] == "to" || c.gerundTopic(j) || c.prenominal(j)) {
			continue
		}
		return j
	}
	return -1
}

// gerundTopic reports whether the gerund at j follows a preposition that
// makes it a topic rather than an event: "spoke about providing".
func (c *clause) gerundTopic(j int) bool {
	if c.a.tag(j) != "VBG" || j == c.first {
		return false
	}
	p := j - 1
	return (c.a.tag(p) == "IN" || c.a.tag(p) == "TO") && c.a.lx.is(cuePrepGerund, c.a.lower[p])
}

// npLeft returns the start of the noun phrase ending at token k.
func (c *clause) npLeft(k int) int {
	j := k
	for j-1 >= c.first && c.a.nom(j-1) {
		j--
	}
	return j
}

// npRight returns the end (inclusive) of the noun phrase starting at j.
func (c *clause) npRight(j int) int {
	k := j
	for k+1 < c.last && c.a.nom(k+1) && !c.timeStarts(k+1) {
		k++
	}
	return k
}

// timeStarts reports whether a time phrase starts at token k, which ends
// the noun phrase before it: "visit Beijing next week", "met Xi Monday".
func (c *clause) timeStarts(k int) bool {
	a := c.a
	if a.timex[k] {
		return k == 0 || !a.timex[k-1]
	}
	return timeWords[a.lower[k]]
}

// timeWords open time phrases the time layer may have left unmarked.
var timeWords = map[string]bool{
	"next": true, "last": true, "yesterday": true, "today": true, "tomorrow": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// pick chooses the actor of the noun phrase [s, e]: its head when the
// head is an actor, else the rightmost actor modifying it ("Israel's
// prime minister"). head says which it was.
func (c *clause) pick(s, e int) (ent int, head bool) {
	if x := c.a.actor(e); x >= 0 {
		return x, true
	}
	for i := e - 1; i >= s; i-- {
		if c.a.tag(i) == "PRP$" {
			// "met his Saudi counterpart": the possessor is not the one met.
			continue
		}
		if x := c.a.actor(i); x >= 0 {
			return x, false
		}
	}
	return -1, false
}

// pickAgent is pick for a phrase that acts: a person's possession does not
// act for the person ("Epstein's victims", "her former butler"), though a
// state's or a body's may ("Israel's prime minister").
func (c *clause) pickAgent(s, e int) (int, bool) {
	x, head := c.pick(s, e)
	if x >= 0 && !head && c.a.d.Entities[x].Type == doc.PERSON {
		return -1, false
	}
	return x, head
}

// chainPreps are the prepositions that attach a noun phrase to the one
// before it inside a subject or object ("the US Embassy in Baghdad").
var chainPreps = map[string]bool{"of": true, "in": true, "at": true, "from": true, "on": true}

// chainLeft reads the noun phrase ending at k and the phrases it is
// attached to on its left ("X of Y in Z"), and returns the subject's actor:
// the leftmost phrase whose head is an actor, else the leftmost actor.
func (c *clause) chainLeft(k int) subj {
	a := c.a
	type np struct{ s, e int }
	var nps []np
	for k >= c.first && a.nom(k) {
		s := c.npLeft(k)
		nps = append(nps, np{s, k})
		if s-2 >= c.first && chainPreps[a.lower[s-1]] && a.nom(s-2) {
			k = s - 2
			continue
		}
		break
	}
	if len(nps) == 0 {
		return subj{ent: -1, co: -1}
	}
	start := nps[len(nps)-1].s
	out := subj{ent: -1, found: true, co: -1, start: start}
	// The leftmost phrase and those joined to it by "of" make the subject
	// ("US Secretary of State Mike Pompeo", "a number of Iraqi
	// protesters"): a head actor there wins, then a modifier there; later
	// phrases hang on it ("the US embassy in Moscow").
	group := len(nps) - 1
	for group > 0 && a.lower[nps[group-1].s-1] == "of" {
		group--
	}
	for i := len(nps) - 1; i >= group && out.ent < 0; i-- {
		if x, head := c.pickAgent(nps[i].s, nps[i].e); head {
			out.ent = x
		}
	}
	for i := len(nps) - 1; i >= 0 && out.ent < 0; i-- {
		out.ent, _ = c.pickAgent(nps[i].s, nps[i].e)
	}
	// "Netanyahu and Erdogan spoke": the first is the subject, the second
	// a co-participant.
	if start-2 >= c.first && a.lower[start-1] == "and" && a.nom(start-2) {
		x, head := c.pickAgent(c.npLeft(start-2), start-2)
		switch {
		case out.ent >= 0 && head && x != out.ent:
			out.co, out.ent = out.ent, x
		case out.ent < 0 && head:
			// "Russian police and tax inspectors raided": the named one acts.
			out.ent = x
		}
	}
	return out
}

// chainRight reads the noun phrase starting at j and those attached to it
// by "of" ("parts of the US Embassy"), and returns its actor, or -1.
func (c *clause) chainRight(j int) int {
	x, _ := c.chainRightHead(j)
	return x
}

// chainRightHead is chainRight that also tells whether the actor heads
// its phrase.
func (c *clause) chainRightHead(j int) (int, bool) {
	a := c.a
	var spans [][2]int
	for j < c.last && a.nom(j) {
		e := c.npRight(j)
		spans = append(spans, [2]int{j, e})
		if e+2 < c.last && a.lower[e+1] == "of" {
			j = e + 2
			continue
		}
		break
	}
	for _, sp := range spans {
		if x, head := c.pick(sp[0], sp[1]); head {
			return x, true
		}
	}
	for _, sp := range spans {
		if x, _ := c.pick(sp[0], sp[1]); x >= 0 {
			return x, false
		}
	}
	return -1, false
}

// boundary reports whether token i ends the stretch in which a trigger's
// arguments are looked for.
func (c *clause) boundary(i int) bool {
	switch c.a.lower[i] {
	case ".", ";", ":", "!", "?", "who", "which", "while", "but":
		return true
	}
	return false
}

// prepObjectHead finds the actor after the preposition prep within a
// short window after token end, or -1, and whether it heads its phrase.
func (c *clause) prepObjectHead(end int, prep string) (int, bool) {
	a := c.a
	for k := end + 1; k < c.last && k <= end+10; k++ {
		if c.boundary(k) || (k > end+1 && a.isFinite(k)) {
			return -1, false
		}
		if a.lower[k] == prep && !(prep == "to" && c.infinitive(k+1)) {
			return c.chainRightHead(k + 1)
		}
	}
	return -1, false
}

// infinitive reports whether token i is a verb after "to": lower-case and
// tagged as a verb, since taggers take "to Turkish Prime Minister" for one.
func (c *clause) infinitive(i int) bool {
	if i >= c.last || !c.a.isVerb(i) || c.a.ent[i] >= 0 {
		return false
	}
	t := c.a.d.Tokens[i].Text
	return t != "" && t[0] >= 'a' && t[0] <= 'z'
}

// directObject returns the actor of the noun phrase right after token end.
func (c *clause) directObject(end int) int {
	x, _ := c.directObjectHead(end)
	return x
}

// directObjectHead is directObject that also tells whether the actor
// heads its phrase.
func (c *clause) directObjectHead(end int) (int, bool) {
	a := c.a
	j := end + 1
	for j < c.last && (a.tag(j) == "RP" || strings.HasPrefix(a.tag(j), "RB")) {
		j++
	}
	if j >= c.last {
		return -1, false
	}
	if t := a.tag(j); t == "IN" || t == "TO" || a.lower[j] == "that" {
		return -1, false
	}
	return c.chainRightHead(j)
}

// target finds the target of a pattern whose words end at token end.
func (c *clause) target(p *pattern, v, end int) (int, bool) {
	consumed := ""
	if len(p.after) > 0 {
		consumed = p.after[len(p.after)-1]
	}
	for _, t := range p.targets {
		var x int
		var head bool
		switch {
		case t == "obj" || t == consumed:
			// "spoke with X": the pattern ends on the preposition.
			x, head = c.directObjectHead(end)
		default:
			x, head = c.prepObjectHead(end, t)
			if x < 0 && end > v {
				// "spoke with X by phone": the phrase inside the pattern.
				x, head = c.prepObjectHead(v, t)
			}
		}
		if x >= 0 && (head || !p.headOnly) {
			return x, head
		}
	}
	if end > v && !preps[consumed] {
		// "summoned the EU ambassador", "recalled its envoy": the
		// actor inside the pattern's own object.
		if x, head := c.pick(v+1, end); x >= 0 && !head {
			return x, false
		}
	}
	return -1, false
}

// preps are the prepositions a pattern may end on.
var preps = map[string]bool{
	"with": true, "to": true, "on": true, "upon": true, "against": true, "from": true,
	"for": true, "into": true, "of": true, "at": true, "in": true, "about": true, "over": true, "by": true,
}

// agent finds the "by" phrase of a passive verb ending at token end.
func (c *clause) agent(end int) int {
	x, head := c.prepObjectHead(end, "by")
	if x >= 0 && !head && c.a.d.Entities[x].Type == doc.PERSON {
		return -1
	}
	return x
}

// complementActor returns the actor heading the subject of the clause
// after token end ("warned that Tehran would", "alleged that Noel and
// Thomas"), or -1 when that subject names no actor.
func (c *clause) complementActor(end int) int {
	a := c.a
	k := end + 1
	for k < c.last && (a.lower[k] == "that" || a.lower[k] == "," || strings.HasPrefix(a.tag(k), "RB")) {
		k++
	}
	if k >= c.last || !a.nom(k) {
		return -1
	}
	if x := a.actor(k); x >= 0 {
		// A name opening the clause is its subject, whatever the tagger
		// makes of the verb after it.
		return x
	}
	return c.chainRight(k)
}

// quoteSpeaker returns the speaker entity of the quote holding token i, or -1.
func (c *clause) quoteSpeaker(i int) int {
	q := c.a.quote[i]
	if q < 0 {
		return -1
	}
	id := c.a.d.Quotes[q].Speaker
	for ei := range c.a.d.Entities {
		if c.a.d.Entities[ei].ID == id && id != "" {
			return ei
		}
	}
	return -1
}

// humanOK reports whether entity x may be the target of a pattern that
// wants a person, group, organisation or state, not a place or building.
func (c *clause) humanOK(x int) bool {
	if x < 0 {
		return false
	}
	switch c.a.d.Entities[x].Type {
	case doc.LOC, doc.FAC:
		return false
	}
	return true
}

// relativeStart returns the index of the "who", "which" or "that" opening
// the relative clause whose verb is at v.
func (c *clause) relativeStart(v int) int {
	i := v - 1
	for i >= c.first && c.skippable(i) {
		i--
	}
	return i
}

// documents are the nouns of texts that speak for who issues them.
var documents = map[string]bool{
	"statement": true, "resolution": true, "letter": true, "communique": true,
	"declaration": true, "decree": true, "motion": true, "message": true, "post": true,
	"tweet": true, "report": true, "note": true, "memo": true,
}

// reporting are the verbs that report a clause said by their subject.
var reporting = map[string]bool{
	"say": true, "said": true, "says": true, "tell": true, "told": true, "add": true,
	"state": true, "announce": true, "claim": true, "report": true,
}

// reporter returns the reporting verb ("said") whose reported clause
// holds the verb at p, or -1.
func (c *clause) reporter(p int) int {
	a := c.a
	for k := p - 1; k >= c.first && k >= p-12; k-- {
		if a.lower[k] == "," || a.lower[k] == ";" {
			return -1
		}
		if a.isVerb(k) && k < p-1 && a.lx.lemmaIn(a.lower[k], reporting) {
			return k
		}
	}
	return -1
}

// speechVerb reports whether the verb at v is a lexicon speech act
// (warned, urged, condemned ...).
func (c *clause) speechVerb(v int) bool {
	ps := c.a.lx.verbs[c.a.lx.verbLemma(c.a.lower[v])]
	return len(ps) > 0 && (verbal[ps[0].typ] || ps[0].cue)
}
