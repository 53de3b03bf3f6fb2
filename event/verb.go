package event

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// matchVerb returns the first (most specific) pattern of the verb at v
// whose accompanying words follow it, and the index of the last token the
// pattern covers.
func (c *clause) matchVerb(v int, ps []pattern) (*pattern, int) {
	for pi := range ps {
		p := &ps[pi]
		end, ok := c.follow(v, p.after)
		if ok {
			return p, end
		}
	}
	return nil, v
}

// follow checks that words come after token v in order, each within three
// tokens of the one before (four for the last: "fired more than 100
// rockets"), and returns the index of the last one.
func (c *clause) follow(v int, words []string) (int, bool) {
	at := v
	for wi, w := range words {
		found := false
		reach := 3
		if wi == len(words)-1 {
			reach = 4
		}
		for k := at + 1; k < c.last && k <= at+reach; k++ {
			if sameWord(c.a.lower[k], w) {
				at, found = k, true
				break
			}
		}
		if !found {
			return v, false
		}
	}
	return at, true
}

// sameWord compares a token with a pattern word, allowing a plural.
func sameWord(tok, w string) bool {
	return tok == w || tok == w+"s" || tok == w+"es"
}

// verbEvent codes the verb at v, if the lexicon knows it.
func (c *clause) verbEvent(v int) (candidate, bool) {
	a := c.a
	lemma := a.lx.verbLemma(a.lower[v])
	if lemma == "" {
		return candidate{}, false
	}
	p, end := c.matchVerb(v, a.lx.verbs[lemma])
	if p == nil || c.gerundTopic(v) || c.prenominal(v) || v > c.first && a.lower[v-1] == "as" {
		// "as alleged", "as agreed": a hedge, not a report.
		return candidate{}, false
	}
	typ, code, status := p.typ, p.cameo, doc.Asserted
	neg, hyp := c.modality(v)
	switch {
	case neg && p.negType != "" && !c.modal(v):
		typ, code = p.negType, p.negCode
	case neg:
		status = doc.Negated
	case hyp:
		status = doc.Hypothetical
	}
	if p.cue && !c.threatCue(end) || p.blame && !c.blameCue(end) {
		return candidate{}, false
	}
	if lemma == "attack" && !c.physical(v, end) {
		// "Musk attacked the Commission, calling its rules censorship".
		typ, code, p = "ACCUSE", "111", verbalAttack
	}
	if typ == "AGREE" && (lemma == "vow" || lemma == "pledge" || lemma == "promise") && c.threatCue(end) && c.infinitiveAfter(end) {
		// "vowed to retaliate": a promise of harm is a threat.
		typ, code = "THREATEN", "138"
	}
	if lemma == "deny" && !c.denial(end) {
		return candidate{}, false
	}
	if typ == "REJECT" && c.infinitiveAfter(end) && a.lx.lemmaIn(a.lower[end+2], saying) {
		// "refused to comment", "declined to give details": no answer
		// is no rejection of anyone.
		return candidate{}, false
	}

	src, tgt := -1, -1
	tgtHead := true
	var s subj
	if c.passive(v) {
		s = c.subject(v, 0)
		tgt = s.ent
		src = c.agent(end)
		if tgt < 0 && typ == "ACCUSE" && c.expletive(v) {
			// "it is alleged he raped ...": the accused heads the clause.
			tgt = c.complementActor(end)
		}
		if tgt < 0 && typ == "SUPPORT" {
			// "the study was supported by X": funding a thing.
			return candidate{}, false
		}
		if src < 0 && (!agentless[typ] || s.relative || c.relativeWho(v)) {
			// "the activists who were killed": a description, not a report.
			return candidate{}, false
		}
	} else {
		s = c.subject(v, 0)
		src = s.ent
		switch {
		case p.cue || (len(p.targets) == 0 && p.typ == "ACCUSE"):
			tgt = c.complementActor(end)
			if p.cue && c.sameSide(src, tgt) {
				// "warned that China would respond if the Philippines
				// ...": the speaker's own side is not the target.
				tgt = c.otherSide(end, src)
			}
		case p.suffer:
			// "the base came under fire from Israeli tanks": the
			// subject suffers the act of the "from" phrase.
			tgt, src = src, c.sufferer(end)
			if src < 0 {
				return candidate{}, false
			}
		default:
			tgt, tgtHead = c.target(p, v, end)
		}
		if tgt < 0 && typ == "THREATEN" && c.infinitiveAfter(end) {
			// "threatened to attack Pakistan": who the threatened act is
			// done to.
			if x, head := c.directObjectHead(end + 2); head && c.humanOK(x) && x != src {
				tgt = x
			} else if x := c.nextOther(end+2, src); x >= 0 && c.humanOK(x) {
				// "vowed to continue its offensive against Ukraine"
				tgt = x
			}
		}
		if src < 0 && (s.firstPer || !s.found) {
			src = c.quoteSpeaker(v)
		}
		if tgt < 0 && s.via > 0 {
			// "Sasse told Hawk Sawyer, calling for an explanation": the
			// addressee of the first verb is the target of the second.
			if x, head := c.directObjectHead(s.via - 1); head && c.humanOK(x) && x != src && c.addresses(s.via-1) {
				tgt = x
			} else if x := c.ownTarget(s.via - 1); x >= 0 && c.humanOK(x) && x != src {
				// "apologized to the Turkish people and agreed to ...".
				tgt = x
			}
		}
		if tgt < 0 && s.co >= 0 && (symmetric[typ] || lemma == "agree" || lemma == "sign" && c.signsAccord(end) || lemma == "exchange" || lemma == "clash") {
			tgt = s.co
		}
		if src < 0 && s.found && !s.firstPer {
			// The agent is named but is no actor we know ("a New York
			// man pleaded"): the event could only be coded wrong.
			return candidate{}, false
		}
		if tgt < 0 && (typ == "AGREE" || typ == "REJECT") {
			tgt = c.offerer(end)
		}
		if tgt < 0 && typ == "ACCUSE" && len(p.targets) <= 2 {
			tgt = c.nextObject(end)
		}
		if tgt < 0 && (typ == "AGREE" || typ == "CONSULT") {
			tgt = c.betweenOther(end, src)
		}
		if tgt < 0 && typ == "REQUEST" {
			// "demanded that Iran release": who is to act.
			if _, clausal := c.content(end); clausal {
				tgt = c.complementActor(end)
			}
		}
		if src < 0 {
			// An active verb whose subject we could not find.
			return candidate{}, false
		}
	}
	if p.human && !c.humanOK(tgt) || p.person && !c.personOK(tgt) || typ == "COERCE" && tgt >= 0 && tgtHead && a.d.Entities[tgt].Type == doc.GPE {
		// One arrests people and bodies, not states or places (but
		// "detained two Philippine fishermen" acts on the Philippines).
		tgt = -1
	}
	if src == tgt {
		tgt = -1
	}
	if p.mode == "visit" && tgt >= 0 && a.d.Entities[tgt].Type == doc.GPE && c.sameSide(src, tgt) {
		// "He traveled to Florida": a trip at home visits no one.
		tgt = -1
	}
	if src < 0 && tgt < 0 {
		return candidate{}, false
	}
	if (p.needTgt && typ == p.typ || needsTarget[typ]) && tgt < 0 {
		// (A vow needs someone it is made to, unless it is a threat.)
		if typ == "AGREE" && lemma == "offer" && status == doc.Asserted {
			// "the doctors have offered to stage ...": no event, but
			// who made the offer that is later refused.
			ev := c.event(typ, code, p.mode, src, tgt, v, v+1, status)
			return candidate{ev: ev, lemma: lemma, shadow: true}, true
		}
		return candidate{}, false
	}
	claim := -1
	if status == doc.Asserted {
		if st, by := c.reported(v); st != "" {
			status, claim = st, by
		}
	}
	ev := c.event(typ, code, p.mode, src, tgt, v, v+1, status)
	if status == doc.Alleged && claim >= 0 {
		ev.ClaimedBy = a.d.Entities[claim].ID
	}
	cand := candidate{ev: ev, lemma: lemma, relative: s.relative}
	if n := len(p.after); n > 0 && !preps[p.after[n-1]] {
		cand.thing = p.after[n-1]
	}
	cand.what, cand.clausal = c.content(end)
	if tgt < 0 && (typ == "AGREE" || typ == "REJECT") {
		if j := end + 1; j < c.last && a.nom(j) {
			cand.object = a.lower[c.npRight(j)]
		}
	}
	return cand, true
}

// needsTarget are the types that act on someone: without a target the
// event cannot match what an analyst writes down ("police arrested both
// men" names no one we can point to).
var needsTarget = map[string]bool{
	"CONSULT": true, "COOPERATE": true, "AID": true, "COERCE": true, "ASSAULT": true, "SANCTION": true,
	"REQUEST": true,
}

// agentless are the types an article reports in the passive without
// saying who acted ("was arrested", "were killed", "was accused").
var agentless = map[string]bool{
	"ACCUSE": true, "COERCE": true, "ASSAULT": true, "RETREAT": true, "SANCTION": true,
}

// symmetric are the types whose second participant may be a co-subject:
// "Netanyahu and Erdogan spoke by telephone".
var symmetric = map[string]bool{"CONSULT": true, "COOPERATE": true}

// sameSide reports whether two actors belong to one country.
func (c *clause) sameSide(x, y int) bool {
	if x < 0 || y < 0 {
		return false
	}
	a, b := c.a.d.Entities[x], c.a.d.Entities[y]
	return x == y || a.Country != "" && a.Country == b.Country
}

// otherSide returns the first actor after token end not on src's side.
func (c *clause) otherSide(end, src int) int {
	for k := end + 1; k < c.last; k++ {
		if x := c.a.actor(k); x >= 0 && !c.sameSide(src, x) {
			return x
		}
	}
	return -1
}

// betweenOther reads "agreed to restore normalization between Israel and
// Turkey": the party of the two not on the source's side.
func (c *clause) betweenOther(end, src int) int {
	a := c.a
	for k := end + 1; k+1 < c.last && k <= end+8; k++ {
		if c.boundary(k) {
			return -1
		}
		if a.lower[k] != "between" {
			continue
		}
		x := c.chainRight(k + 1)
		y := -1
		for j := k + 2; j+1 < c.last && j <= k+8; j++ {
			if a.lower[j] == "and" {
				y = c.chainRight(j + 1)
				break
			}
		}
		switch {
		case x >= 0 && !c.sameSide(src, x):
			return x
		case y >= 0 && !c.sameSide(src, y):
			return y
		}
		return -1
	}
	return -1
}

// expletive reports whether the subject of the verb at v is an empty
// "it": "it is alleged that".
func (c *clause) expletive(v int) bool {
	i := v - 1
	for i >= c.first && c.skippable(i) {
		i--
	}
	return i >= c.first && c.a.lower[i] == "it"
}

// relativeWho reports whether the verb at v is in a relative clause
// opened by "who", "which" or "that" right before its auxiliaries.
func (c *clause) relativeWho(v int) bool {
	i := v - 1
	for i >= c.first && c.skippable(i) {
		i--
	}
	if i < c.first {
		return false
	}
	switch c.a.lower[i] {
	case "who", "which", "that":
		return true
	}
	return false
}

// nextObject reads "voiced concern and asked the Russian government": the
// object of a verb joined by "and" is who a statement without its own
// object is about.
func (c *clause) nextObject(end int) int {
	a := c.a
	for k := end + 1; k+1 < c.last && k <= end+6; k++ {
		if c.boundary(k) || a.lower[k] == "," {
			return -1
		}
		if a.lower[k] == "and" && a.isVerb(k+1) {
			if x, head := c.directObjectHead(k + 1); head && c.humanOK(x) {
				return x
			}
			return -1
		}
	}
	return -1
}

// content reads what a statement whose words end at token end is about:
// the head word of its object phrase ("condemned the attack" -> attack), or
// that it has a that-clause.
func (c *clause) content(end int) (string, bool) {
	a := c.a
	j := end + 1
	for j < c.last && (strings.HasPrefix(a.tag(j), "RB") || a.tag(j) == "DT" || a.tag(j) == "PRP$" || a.tag(j) == "JJ") {
		j++
	}
	if j >= c.last {
		return "", false
	}
	if a.lower[j] == "that" {
		return "", true
	}
	if a.lower[j] == "to" && j+1 < c.last && a.isVerb(j+1) {
		// "agreed to restore ties" and "agreed to complete the deal"
		// are two acts.
		return "to " + a.lx.baseVerb(a.lower[j+1]), false
	}
	if !a.nom(j) {
		return "", false
	}
	return strings.TrimSuffix(a.lower[c.npRight(j)], "s"), false
}

// offerer finds who made what is accepted or rejected: "rejected a plea
// agreement offered by prosecutors", "accepted an offer from X".
func (c *clause) offerer(end int) int {
	a := c.a
	j := end + 1
	if j >= c.last || !a.nom(j) {
		return -1
	}
	e := c.npRight(j)
	if !proposals[strings.TrimSuffix(a.lower[e], "s")] {
		// "signed the striker from Bologna": a player is no offer.
		return -1
	}
	switch {
	case e+2 < c.last && a.lower[e+1] == "from":
		return c.chainRight(e + 2)
	case e+3 < c.last && a.tag(e+1) == "VBN" && a.lower[e+2] == "by":
		return c.chainRight(e + 3)
	}
	return -1
}

// event builds an event whose trigger runs from token i to token j-1.
func (c *clause) event(typ, code, mode string, src, tgt, i, j int, status string) doc.Event {
	d := c.a.d
	ev := doc.Event{
		Type: typ, Cameo: code, Mode: mode, Status: status,
		Trigger:  d.SpanOf(d.Tokens[i].Start, d.Tokens[j-1].End),
		Sentence: c.si,
	}
	if src >= 0 {
		ev.Source = d.Entities[src].ID
	}
	if tgt >= 0 {
		ev.Target = d.Entities[tgt].ID
	}
	ev.Location = c.location(typ, mode, i, j-1, src, tgt)
	return ev
}

// prenominal reports whether the participle at v modifies a noun instead
// of heading a clause: "the alleged attack", "detained migrants".
func (c *clause) prenominal(v int) bool {
	a := c.a
	if t := a.tag(v); t != "VBN" && t != "VBG" && !(t == "VBD" && v > c.first && a.tag(v-1) == "IN") {
		return false
	}
	if v+1 >= c.last || !strings.HasPrefix(a.tag(v+1), "NN") {
		return false
	}
	if v == c.first {
		return true
	}
	switch a.tag(v - 1) {
	case "DT", "JJ", "PRP$", "POS", "CD":
		return true
	case "IN":
		// "of alleged victims"
		return a.tag(v) != "VBG"
	}
	return a.lower[v-1] == "'s"
}

// passive reports whether the participle at v is in the passive voice: a
// form of "be" or "get" before it, or a "by" agent after it, or it follows
// a noun as a reduced relative ("allegations dismissed by Tehran").
func (c *clause) passive(v int) bool {
	a := c.a
	if a.tag(v) != "VBN" {
		return false
	}
	byAgent := v+1 < c.last && a.lower[v+1] == "by"
	for i := v - 1; i >= c.first; i-- {
		w := a.lower[i]
		switch {
		case w == "be" || w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" || w == "get" || w == "got" || w == "gets" || w == "'s" && a.tag(i) == "VBZ":
			return true
		case w == "have" || w == "has" || w == "had" || w == "'ve" || w == "having":
			return false
		case strings.HasPrefix(a.tag(i), "RB") || a.lx.is(cueNeg, w):
			continue
		case w == "and" || w == "or":
			if p := c.prevVerb(i); p >= 0 && a.tag(p) == "VBN" {
				return c.passive(p)
			}
			return false
		case a.isNominal(i):
			// "allegations dismissed by Tehran" is a reduced relative;
			// "Israeli forces killed 35 Palestinians" is a past tense the
			// tagger took for a participle.
			return byAgent || !c.objectFollows(v)
		default:
			return byAgent
		}
	}
	return byAgent
}

// objectFollows reports whether a noun phrase follows the verb at v, as a
// direct object does: "killed at least 35 Palestinians".
func (c *clause) objectFollows(v int) bool {
	a := c.a
	j := v + 1
	for j < c.last && strings.HasPrefix(a.tag(j), "RB") {
		j++
	}
	if j >= c.last {
		return false
	}
	if j+1 < c.last {
		switch a.lower[j] + " " + a.lower[j+1] {
		case "at least", "more than", "up to", "as many", "nearly all":
			return true
		}
	}
	switch a.tag(j) {
	case "DT", "CD", "PRP$", "NNP", "NNPS", "NNS", "NN", "JJ", "PRP":
		return a.lower[j] != "by"
	}
	return a.ent[j] >= 0
}

// modality reads the auxiliaries before the verb at v (and the sentence
// around it) for negation and for what makes the event hypothetical:
// modals, infinitives, conditions, questions.
func (c *clause) modality(v int) (neg, hyp bool) {
	a := c.a
	i := v - 1
	for ; i >= c.first && c.skippable(i); i-- {
		w := a.lower[i]
		if a.lx.is(cueNeg, w) {
			neg = true
		}
		if a.lx.is(cueModal, w) || w == "going" {
			hyp = true
		}
	}
	if i >= c.first && a.lower[i] == "to" {
		hyp = true
		// "chose not to accept": the negation governs the infinitive.
		if i-1 >= c.first && a.lx.is(cueNeg, a.lower[i-1]) {
			neg = true
		}
	}
	if a.tag(v) == "VB" && !c.afterDo(v) && v != c.first && !c.pastConjunct(v) {
		hyp = true
	}
	for k := v - 1; k >= c.first && k >= v-15; k-- {
		if a.lx.is(cueCond, a.lower[k]) {
			hyp = true
			break
		}
		if a.lower[k] == ";" {
			break
		}
	}
	if a.lower[c.last-1] == "?" || c.governed(v) {
		hyp = true
	}
	return neg, hyp
}

// modal reports whether a modal verb stands before the verb at v.
func (c *clause) modal(v int) bool {
	for i := v - 1; i >= c.first && c.skippable(i); i-- {
		if c.a.lx.is(cueModal, c.a.lower[i]) {
			return true
		}
	}
	return false
}

// Classes of verbs whose complement is not reported as fact.
const (
	classNone   = iota
	classGovern // wanting, asking, promising: "demanded that Ruto withdraw"
	classAllege // claiming: "alleged that", "insisted that"
	classDeny   // "denied that"
)

// alleging are verbs whose complement is someone's claim.
var alleging = map[string]bool{
	"allege": true, "claim": true, "accuse": true, "suspect": true, "insist": true, "believe": true,
	"think": true, "argue": true, "contend": true, "maintain": true, "suggest": true,
}

// verbClass tells the class of a verb form, trying its possible lemmas.
func (lx *lexicon) verbClass(word string) int {
	class := classNone
	eachCandidate(lx.baseVerb(word), func(l string) bool {
		switch {
		case l == "deny":
			class = classDeny
		case alleging[l]:
			class = classAllege
		case governing[l]:
			class = classGovern
		}
		return class != classNone
	})
	return class
}

// governing are verbs whose complement has not happened: "demanded that
// Ruto withdraw the bill", "plans to visit".
var governing = map[string]bool{
	"demand": true, "urge": true, "ask": true, "request": true, "call": true, "want": true,
	"propose": true, "order": true, "seek": true, "plan": true, "hope": true, "expect": true,
	"threaten": true, "warn": true, "vow": true, "pledge": true, "promise": true, "agree": true,
	"refuse": true, "decide": true, "try": true, "attempt": true, "intend": true, "aim": true,
	"insist": true, "recommend": true, "suggest": true, "offer": true, "prepare": true,
	"decline": true, "fail": true, "hesitate": true,
}

// governed reports whether the verb at v is in the complement of a verb of
// wanting, asking or promising earlier in its clause.
func (c *clause) governed(v int) bool {
	a := c.a
	for i := v - 1; i >= c.first && i >= v-12; i-- {
		w := a.lower[i]
		if w == "," || w == ";" || w == ":" {
			return false
		}
		if !a.isVerb(i) {
			continue
		}
		if a.vclass[i] == classGovern {
			return true
		}
	}
	return false
}

// verbalAttack is the pattern of "attack" used for words, not force.
var verbalAttack = &pattern{head: "attack", typ: "ACCUSE", cameo: "111", targets: []string{"obj"}}

// physical reports whether an attack is one of force: the sentence names
// harm or arms, and the attack is not "for" or "over" something said or
// done, nor followed by the speaker "calling" or "saying" anything.
func (c *clause) physical(v, end int) bool {
	a := c.a
	harm := false
	for k := c.first; k < c.last; k++ {
		if k != v && a.lx.is(cueHarm, a.lower[k]) {
			harm = true
		}
	}
	for k := end + 1; k < c.last && k <= end+8; k++ {
		switch a.lower[k] {
		case "for", "over", "as":
			if !harm {
				return false
			}
		case "calling", "saying", "accusing", "describing":
			return false
		}
	}
	if harm {
		return true
	}
	// Between named people and bodies, an attack without arms is one of words.
	s := c.subject(v, 0)
	return s.ent < 0 || a.d.Entities[s.ent].Type != doc.PERSON && a.d.Entities[s.ent].Sector != "MED"
}

// infinitiveAfter reports whether "to" and a verb follow token end.
func (c *clause) infinitiveAfter(end int) bool {
	return end+2 < c.last && c.a.lower[end+1] == "to" && c.a.isVerb(end+2)
}

// afterDo reports whether the base-form verb at v follows "do", "did" or
// "does" (an emphatic or negated past, not an infinitive).
func (c *clause) afterDo(v int) bool {
	for i := v - 1; i >= c.first && c.skippable(i); i-- {
		switch c.a.lower[i] {
		case "do", "did", "does":
			return true
		}
	}
	return false
}

// denialObjects are what one denies when rejecting a charge.
var denialObjects = map[string]bool{
	"allegation": true, "allegations": true, "accusation": true, "accusations": true,
	"charge": true, "charges": true, "claim": true, "claims": true, "report": true,
	"reports": true, "wrongdoing": true, "involvement": true, "responsibility": true,
	"rumours": true, "rumors": true, "it": true, "this": true, "that": true, "them": true,
}

// denial reports whether "deny" rejects a charge ("denied that", "denied
// having", "denied the allegations", a bare "denied") rather than
// withholding something ("denying flu vaccines to immigrants").
func (c *clause) denial(end int) bool {
	a := c.a
	for k := end + 1; k < c.last && k <= end+6; k++ {
		if a.lower[k] == "that" || a.tag(k) == "VBG" {
			return true
		}
		if a.isFinite(k) || c.boundary(k) {
			break
		}
	}
	j := end + 1
	for j < c.last && (strings.HasPrefix(a.tag(j), "RB") || a.tag(j) == "IN" && a.lower[j] != "that") {
		j++
	}
	if j >= c.last || !a.nom(j) && a.lower[j] != "that" && a.tag(j) != "VBG" {
		return true
	}
	if a.lower[j] == "that" || a.tag(j) == "VBG" || a.ent[j] >= 0 {
		return true
	}
	e := c.npRight(j)
	return denialObjects[a.lower[e]]
}

// blameCue reports whether a word of blame follows within the clause:
// "called the judge's decision legally incoherent".
func (c *clause) blameCue(end int) bool {
	for k := end + 1; k < c.last && k <= end+30; k++ {
		if w := c.a.lower[k]; w == ";" || w == ":" {
			return false
		}
		if c.a.lx.is(cueBlame, c.a.lower[k]) {
			return true
		}
	}
	return false
}

// threatCue reports whether a warning's complement holds a word of harm.
func (c *clause) threatCue(end int) bool {
	for k := end + 1; k < c.last; k++ {
		w := c.a.lower[k]
		if c.a.lx.is(cueThreat, w) || c.a.lx.is(cueThreat, c.a.lx.baseVerb(w)) {
			return true
		}
	}
	return false
}

// reported reports whether the verb at v lies in the complement of an
// allegation or a denial in the same clause ("prosecutors alleged that X
// acknowledged ...", "denied that he attacked"), or carries "allegedly";
// it returns the status and the entity making the claim.
func (c *clause) reported(v int) (string, int) {
	a := c.a
	i := v - 1
	for i >= c.first && c.skippable(i) {
		i--
	}
	if i >= c.first && (a.lower[i] == "and" || a.lower[i] == "but") {
		// "accused X of stealing the vote and called on Y": a second
		// act of the same speaker, not part of the accusation.
		return "", -1
	}
	for i := v - 1; i >= c.first; i-- {
		w := a.lower[i]
		if w == "," || w == ";" || w == ":" {
			return "", -1
		}
		if a.lx.is(cueAllege, w) && i >= v-3 {
			return doc.Alleged, -1
		}
		if !a.isVerb(i) {
			continue
		}
		switch a.vclass[i] {
		case classAllege:
			if i+1 < v && (a.lower[i+1] == "of" || a.lower[i+1] == "for") {
				// "were accused of concealing it, and officials
				// admitted": the claim is the gerund, not this verb.
				return "", -1
			}
			return doc.Alleged, c.subject(i, 0).ent
		case classDeny:
			return doc.Denied, -1
		}
	}
	return "", -1
}

// ownTarget returns the target the lexicon pattern of the verb at v finds
// for it, or -1 when the verb has no pattern.
func (c *clause) ownTarget(v int) int {
	lemma := c.a.lx.verbLemma(c.a.lower[v])
	if lemma == "" {
		return -1
	}
	p, end := c.matchVerb(v, c.a.lx.verbs[lemma])
	if p == nil || p.cue {
		return -1
	}
	x, _ := c.target(p, v, end)
	return x
}

// telling are verbs whose object is someone spoken to.
var telling = map[string]bool{
	"tell": true, "inform": true, "write": true, "address": true, "remind": true,
	"assure": true, "brief": true, "email": true, "text": true, "ask": true, "urge": true,
}

// addresses reports whether the verb at v speaks to or acts on its object
// (a verb of telling, or one of the lexicon): "told Hawk Sawyer, calling
// for", but not "put Hawk Sawyer in charge and ordered".
func (c *clause) addresses(v int) bool {
	w := c.a.lower[v]
	return c.a.lx.lemmaIn(w, telling) || c.a.lx.verbLemma(w) != ""
}

// saying are the verbs of telling whose refusal rejects no one.
var saying = map[string]bool{
	"comment": true, "say": true, "give": true, "elaborate": true, "disclose": true,
	"discuss": true, "answer": true, "reveal": true, "confirm": true, "speculate": true,
	"identify": true, "name": true, "specify": true, "respond": true,
}

// pastConjunct reports whether the base-form verb at v is a past joined to
// one before it: "detained dozens of protesters and beat/VB journalists"
// (past forms like beat, hit, cut, put look like base forms).
func (c *clause) pastConjunct(v int) bool {
	a := c.a
	if v-1 < c.first || a.lower[v-1] != "and" && a.lower[v-1] != "or" {
		return false
	}
	if l, ok := a.lx.irregular[a.lower[v]]; !ok || l != a.lower[v] {
		return false
	}
	p := c.prevVerb(v - 1)
	return p >= 0 && a.tag(p) == "VBD"
}

// proposals are the things one accepts or rejects from someone.
var proposals = map[string]bool{
	"offer": true, "proposal": true, "plan": true, "deal": true, "agreement": true,
	"invitation": true, "request": true, "demand": true, "apology": true, "bid": true,
	"ultimatum": true, "term": true, "call": true, "appeal": true, "resolution": true,
	"initiative": true, "settlement": true, "compromise": true, "suggestion": true,
}

// personOK reports whether entity x is a person or a group of people:
// one beats or tortures people, not teams named for their city.
func (c *clause) personOK(x int) bool {
	if x < 0 {
		return false
	}
	t := c.a.d.Entities[x].Type
	return t == doc.PERSON || t == doc.GROUP
}

// nextOther returns the first actor after token k, before the clause's
// next boundary or comma, that is not on src's side; or -1.
func (c *clause) nextOther(k, src int) int {
	for j := k + 1; j < c.last; j++ {
		if c.boundary(j) || c.a.lower[j] == "," {
			return -1
		}
		if x := c.a.actor(j); x >= 0 && !c.sameSide(src, x) {
			return x
		}
	}
	return -1
}

// sufferer returns the actor that does what the subject of a pattern like
// "come under fire" suffers: the "from" or "by" phrase after it.
func (c *clause) sufferer(end int) int {
	if x, _ := c.prepObjectHead(end, "from"); x >= 0 {
		return x
	}
	x, _ := c.prepObjectHead(end, "by")
	return x
}

// accords are what two parties sign together.
var accords = map[string]bool{
	"agreement": true, "deal": true, "accord": true, "treaty": true, "pact": true,
	"memorandum": true, "declaration": true, "ceasefire": true, "truce": true,
	"protocol": true, "charter": true, "convention": true, "communique": true,
}

// signsAccord reports whether the object after token end is an accord
// ("signed a trade agreement"), not any paper ("signed false
// certifications").
func (c *clause) signsAccord(end int) bool {
	what, _ := c.content(end)
	return accords[what]
}
