package event

import (
	"github.com/chronicle/chronicle/doc"
)

// quoteActs codes the speech acts of quotations and posts whose speaker is
// known: the words themselves threaten, accuse, praise or demand ("This is
// not a Warning, it is a Threat").
func (a *article) quoteActs() []candidate {
	var out []candidate
	for qi, q := range a.d.Quotes {
		if q.Speaker == "" || (q.Kind != doc.QuoteDirect && q.Kind != doc.QuotePost) {
			continue
		}
		speaker := -1
		for ei := range a.d.Entities {
			if a.d.Entities[ei].ID == q.Speaker {
				speaker = ei
			}
		}
		if speaker < 0 {
			continue
		}
		seen := map[string]bool{}
		for si, s := range a.d.Sentences {
			if s.End <= q.Start || s.Start >= q.End {
				continue
			}
			c := clause{a: a, si: si, first: s.First, last: s.Last}
			if !c.mostlyQuoted(qi) {
				// A few quoted words inside a narrative sentence are
				// coded with the sentence's own verb.
				continue
			}
			for i := s.First; i < s.Last; i++ {
				if a.quote[i] != qi {
					continue
				}
				ev, ok := c.speechAct(i, speaker, q)
				if !ok || seen[ev.ev.Type] {
					continue
				}
				seen[ev.ev.Type] = true
				out = append(out, ev)
			}
		}
	}
	return out
}

// speechAct matches the quote cues at token i.
func (c *clause) speechAct(i, speaker int, q doc.Quote) (candidate, bool) {
	a := c.a
	for _, cue := range a.lx.quoteCues {
		if a.lower[i] != cue.words[0] {
			continue
		}
		end, ok := c.follow(i, cue.words[1:])
		if !ok {
			continue
		}
		if c.negatedCue(i, end) {
			return candidate{}, false
		}
		tgt := -1
		if cue.typ == "REQUEST" {
			// A demand needs someone else as the subject: "X must ...".
			if i == c.first || !a.isNominal(i-1) {
				return candidate{}, false
			}
			s := c.chainLeft(i - 1)
			if s.ent < 0 || s.ent == speaker {
				return candidate{}, false
			}
			tgt = s.ent
		} else {
			tgt = c.otherActor(speaker, i, cue.typ == "THREATEN")
			if tgt < 0 && cue.needTgt {
				// "they repeatedly failed to conduct checks": conduct
				// blamed on no one named is no accusation we can point to.
				return candidate{}, false
			}
		}
		ev := c.event(cue.typ, cue.cameo, cue.mode, speaker, tgt, i, end+1, doc.Asserted)
		cand := candidate{ev: ev, lemma: "quote:" + cue.words[0]}
		if q.Kind == doc.QuotePost && isDay(q.Date) {
			cand.postDate = q.Date
		}
		return cand, true
	}
	return candidate{}, false
}

// mostlyQuoted reports whether quote qi covers at least half the
// sentence's tokens.
func (c *clause) mostlyQuoted(qi int) bool {
	n := 0
	for i := c.first; i < c.last; i++ {
		if c.a.quote[i] == qi {
			n++
		}
	}
	return 2*n >= c.last-c.first
}

// negatedCue reports whether a cue running from token i to end is denied
// inside or right before it: "not a Warning", "there is no threat".
func (c *clause) negatedCue(i, end int) bool {
	for j := i + 1; j < end; j++ {
		if c.a.lx.is(cueNeg, c.a.lower[j]) {
			return true
		}
	}
	for j := i - 1; j >= c.first && j >= i-3; j-- {
		if c.a.lx.is(cueNeg, c.a.lower[j]) {
			return true
		}
		if c.a.lower[j] == "," {
			return false
		}
	}
	return false
}

// otherActor returns the first quoted actor before the cue at token cue
// other than the speaker; for a threat, whose object is often a pronoun
// ("They will pay"), else the first such actor of the quote's earlier
// sentences in the paragraph.
func (c *clause) otherActor(speaker, cue int, threat bool) int {
	a := c.a
	for k := c.first; k < cue; k++ {
		if x := a.actor(k); x >= 0 && x != speaker && a.quote[k] >= 0 && !c.firstPersonMention(k) {
			return x
		}
	}
	if !threat {
		return -1
	}
	para := a.d.Sentences[c.si].Para
	for si := c.si - 1; si >= 0 && a.d.Sentences[si].Para == para; si-- {
		s := a.d.Sentences[si]
		for k := s.First; k < s.Last; k++ {
			if x := a.actor(k); x >= 0 && x != speaker && a.quote[k] >= 0 {
				return x
			}
		}
	}
	return -1
}

// firstPersonMention reports whether token k is "we", "our" and the like.
func (c *clause) firstPersonMention(k int) bool {
	return c.a.lx.is(cueFirst, c.a.lower[k])
}
