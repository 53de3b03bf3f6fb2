package event

import "github.com/chronicle/chronicle/doc"

// accusing are the verbs whose "of" or "for" gerund is what the accused is
// said to have done: "accused Iran of orchestrating", "blamed X for
// shelling", "suspected of planning".
var accusing = map[string]bool{
	"accuse": true, "suspect": true, "blame": true, "charge": true, "indict": true,
	"convict": true, "condemn": true, "criticize": true, "criticise": true, "denounce": true,
}

// allegationNouns are the nouns whose "about", "of" or "that" phrase is a
// claim: "the allegations about Tehran orchestrating the assault".
var allegationNouns = map[string]bool{
	"allegation": true, "allegations": true, "accusation": true, "accusations": true,
	"claim": true, "claims": true, "charge": true, "charges": true, "suggestion": true,
	"suggestions": true, "reports": true, "report": true, "suspicion": true, "suspicions": true,
}

// denying are the verbs whose gerund or allegation object is denied:
// "denied attacking", "dismissed the allegations about".
var denying = map[string]bool{
	"deny": true, "dismiss": true, "reject": true, "refute": true, "rebuff": true,
}

// instigating are the verbs by which an actor is the author of an event
// named by a noun after them: "orchestrating the attack", "being behind
// the bombing".
var instigating = map[string]bool{
	"orchestrate": true, "coordinate": true, "mastermind": true, "plan": true,
	"organize": true, "organise": true, "stage": true, "carry": true, "launch": true,
	"order": true, "direct": true, "sponsor": true, "be": true, "conduct": true,
	"perpetrate": true, "commit": true, "instigate": true, "lead": true,
}

// lemmaIn reports whether some possible lemma of the verb form w is in set.
func (lx *lexicon) lemmaIn(w string, set map[string]bool) bool {
	return eachCandidate(lx.baseVerb(w), func(l string) bool { return set[l] })
}

// claimedAct codes the act an accusation or a denial is about, with the
// accused as its source: "Iran was accused of orchestrating the attack"
// (alleged, by Iran), "accusing the Islamic Republic of coordinating the
// assault" (alleged, claimed by the accuser), "denied attacking the
// embassy" and "dismissed the allegations about Tehran orchestrating the
// assault" (denied). The accusation or denial itself is coded apart; the
// act it is about goes to the other events.
func (c *clause) claimedAct(v int) (candidate, bool) {
	a := c.a
	if a.tag(v) != "VBG" && a.tag(v) != "VBN" {
		return candidate{}, false
	}
	p := v - 1
	if p > c.first && a.lower[p] == "having" {
		p--
	} else if a.tag(v) != "VBG" {
		return candidate{}, false
	}
	if p <= c.first {
		return candidate{}, false
	}
	accused, accuser, status := -1, -1, doc.Alleged
	switch w := a.lower[p]; {
	case w == "of" || w == "for":
		accused, accuser = c.accusedBefore(p)
	case a.isVerb(p) && a.lx.lemmaIn(w, denying):
		// "denied attacking": the denier denies having done it.
		accused, status = c.subject(p, 0).ent, doc.Denied
	case a.actor(p) >= 0:
		accused, status = c.allegationAbout(p)
	}
	if accused < 0 {
		return candidate{}, false
	}
	cand, ok := c.actOf(v, accused)
	if !ok {
		return candidate{}, false
	}
	cand.ev.Status = status
	if status == doc.Alleged && accuser >= 0 && accuser != accused {
		cand.ev.ClaimedBy = a.d.Entities[accuser].ID
	}
	return cand, true
}

// accusedBefore reads what stands before the "of" or "for" at token p:
// "was accused (by X) of" gives the subject (and X), "accused Iran of"
// gives Iran and the subject. It returns the accused and the accuser.
func (c *clause) accusedBefore(p int) (accused, accuser int) {
	a := c.a
	gov := p - 1
	if a.nom(gov) {
		s := c.npLeft(gov)
		if s-2 >= c.first && a.lower[s-1] == "by" && a.isVerb(s-2) && a.lx.lemmaIn(a.lower[s-2], accusing) {
			// "was accused by Israel of"
			if c.passive(s - 2) {
				return c.subject(s-2, 0).ent, c.chainRight(s)
			}
			return -1, -1
		}
		if s-1 < c.first || !a.isVerb(s-1) || !a.lx.lemmaIn(a.lower[s-1], accusing) {
			return -1, -1
		}
		return c.chainRight(s), c.subject(s-1, 0).ent
	}
	if !a.isVerb(gov) || !a.lx.lemmaIn(a.lower[gov], accusing) || !c.passive(gov) {
		return -1, -1
	}
	return c.subject(gov, 0).ent, c.agent(p)
}

// allegationAbout reads "the allegations about Tehran orchestrating": the
// actor ending at token p follows an allegation noun and a preposition. The
// claim is denied when the allegations are the object of a denial.
func (c *clause) allegationAbout(p int) (int, string) {
	a := c.a
	s := c.npLeft(p)
	if s-2 < c.first || !allegationNouns[a.lower[s-2]] {
		return -1, ""
	}
	switch a.lower[s-1] {
	case "about", "of", "that", "over":
	default:
		return -1, ""
	}
	status := doc.Alleged
	for k := s - 3; k >= c.first && k >= s-6; k-- {
		if a.isVerb(k) {
			if a.lx.lemmaIn(a.lower[k], denying) {
				status = doc.Denied
			}
			break
		}
	}
	return a.actor(p), status
}

// actOf codes the act named by the verb at v with src as its source: a
// lexicon verb ("shelling the villages"), or a verb of instigation whose
// object names the event ("orchestrating the attack on the embassy").
func (c *clause) actOf(v, src int) (candidate, bool) {
	a := c.a
	if lemma := a.lx.verbLemma(a.lower[v]); lemma != "" {
		p, end := c.matchVerb(v, a.lx.verbs[lemma])
		if p == nil || p.cue || p.blame || verbal[p.typ] {
			return candidate{}, false
		}
		tgt, _ := c.target(p, v, end)
		if tgt == src {
			tgt = -1
		}
		ev := c.event(p.typ, p.cameo, p.mode, src, tgt, v, v+1, doc.Alleged)
		return candidate{ev: ev, lemma: lemma}, true
	}
	if !a.lx.lemmaIn(a.lower[v], instigating) {
		return candidate{}, false
	}
	for n := v + 1; n < c.last && n <= v+9; n++ {
		if c.boundary(n) || a.lower[n] == "," {
			break
		}
		if !a.nom(n) || !isNoun(a.tag(n)) {
			continue
		}
		lemma := a.lx.nounLemma(a.lower[n])
		if lemma == "" || a.ent[n] >= 0 {
			continue
		}
		p, start := c.matchNoun(n, a.lx.nouns[lemma])
		if p == nil || verbal[p.typ] {
			return candidate{}, false
		}
		tgt := -1
		for _, prep := range p.targets {
			if x, head := c.nounPrep(n, prep); x >= 0 && (head || !p.headOnly) {
				tgt = x
				break
			}
		}
		if tgt == src {
			tgt = -1
		}
		ev := c.event(p.typ, p.cameo, p.mode, src, tgt, start, n+1, doc.Alleged)
		return candidate{ev: ev, lemma: lemma, noun: true}, true
	}
	return candidate{}, false
}

// isNoun reports whether a tag is a noun's.
func isNoun(tag string) bool { return len(tag) >= 2 && tag[:2] == "NN" }
