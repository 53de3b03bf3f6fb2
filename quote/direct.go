package quote

import (
	"strings"
	"unicode"

	"github.com/chronicle/chronicle/doc"
)

// direct turns every quoted run of more than three words into a direct
// quote. Its speaker comes from the nearest cue of the sentences holding
// it; without a cue, from a document named in the sentence ("a statement
// by X"), the sentence's subject when the quotation sits inside a
// narrative sentence, or the previous speaker when the quotation stands on
// its own and so continues one. Runs of three words or fewer nobody is
// said to say are scare quotes, kept in Framing.
func (r *runner) direct() {
	for ri, q := range r.runs {
		s0 := r.sentenceOf(q.open)
		s1 := r.sentenceOf(max(q.close-1, q.open))
		if r.named(q) {
			continue // "a film entitled ‘...’": a title, not words said
		}
		k, found := r.nearestCue(s0, s1, q)
		if q.words <= 3 {
			if !found {
				r.framing = append(r.framing, r.d.SpanOf(q.start, q.end))
			}
			continue
		}
		quote := doc.Quote{Span: r.d.SpanOf(q.start, q.end), Kind: doc.QuoteDirect}
		speaker := -1
		switch {
		case found:
			speaker, quote.Cue, quote.Channel = k.speaker, r.body[k.start:k.end], k.channel
		case r.labelled(s0, q) >= 0:
			speaker = r.labelled(s0, q)
		case r.embedded(s0, s1):
			if titleCase(r.body[q.start:q.end]) {
				continue // a title of a work, not a quotation
			}
			speaker, quote.Cue = r.narrator(s0, q)
			quote.Channel = r.channelNear(r.d.Sentences[s0].Start, q.open)
		default:
			if p, ok := r.previous(q, ri); ok {
				speaker, quote.Cue, quote.Channel = p.speaker, p.cue, p.channel
			}
		}
		if !found && speaker < 0 {
			continue // words in marks nobody is said to say: a slogan, a name
		}
		quote.Speaker = r.id(speaker)
		r.said = append(r.said, said{off: q.open, para: q.para, speaker: speaker, cue: quote.Cue, channel: quote.Channel})
		r.add(quote)
	}
}

// nearestCue returns the cue of sentences s0..s1 that brings in run q:
// the one before it whose reported clause holds it ("told parliament that
// the government had “no options left,” but he said ..."), else the
// closest.
func (r *runner) nearestCue(s0, s1 int, q qrun) (cue, bool) {
	best, dist := -1, 0
	for i, k := range r.cues {
		if k.sent < s0 || k.sent > s1 || k.cs > q.open || k.ce < q.end || k.ce <= k.cs || k.end > q.open {
			continue
		}
		if best < 0 || k.ce-k.cs < dist {
			best, dist = i, k.ce-k.cs
		}
	}
	if best >= 0 {
		return r.cues[best], true
	}
	for i, k := range r.cues {
		if k.sent < s0 || k.sent > s1 {
			continue
		}
		d := k.start - q.close
		if k.end <= q.open {
			d = q.open - k.end
		}
		if d < 0 {
			d = -d
		}
		if best < 0 || d < dist {
			best, dist = i, d
		}
	}
	if best < 0 {
		return cue{}, false
	}
	return r.cues[best], true
}

// embedded reports whether sentences s0..s1 hold narrative words beyond
// the quotation: at least three words outside quotation marks.
func (r *runner) embedded(s0, s1 int) bool {
	return r.wordsOutside(r.d.Sentences[s0].First, r.d.Sentences[s1].Last) >= 3
}

// labelled returns the speaker named as a label before a quotation, as
// interviews and transcripts print them ("Stubb: “We are safer.”"): the
// sentence opens on one actor's mention and a colon right before the
// mark. -1 otherwise.
func (r *runner) labelled(si int, q qrun) int {
	s := r.d.Sentences[si]
	i := r.d.TokenAt(q.open) - 1
	if i <= s.First || r.text(i) != ":" {
		return -1
	}
	ms := r.mentionsIn(s.Start, r.d.Tokens[i].Start)
	if len(ms) != 1 || ms[0].start != s.Start || !r.isActor(ms[0].ent) {
		return -1
	}
	if r.d.TokenAt(ms[0].end-1) != i-1 {
		return -1
	}
	return ms[0].ent
}

// narrator finds the speaker of a quotation inside a narrative sentence
// without a reporting verb: the author of a document the sentence names
// before it ("a statement by X ... “...”"), else the sentence's subject
// ("Sasse called his death “...”", "Israel's prime minister apologised
// for “...”"). The cue is the act that brings the quotation in.
func (r *runner) narrator(si int, q qrun) (int, string) {
	s := r.d.Sentences[si]
	cueText := r.actBefore(si, q.open)
	for i := r.d.TokenAt(q.open) - 1; i >= s.First; i-- {
		if r.q.nouns[r.lower(i)] && !r.inRun(i) {
			if ei := r.authorOf(i); ei >= 0 {
				return ei, cueText
			}
		}
	}
	for i := s.First; i < s.Last && r.d.Tokens[i].Start < q.open; i++ {
		if r.finite(i) && !r.inRun(i) {
			if i > s.First && !r.inRun(s.First) {
				if ei := r.resolve(s.First, i, true); ei >= 0 {
					return ei, cueText
				}
			}
			break
		}
	}
	return r.firstActor(s.Start, q.open), cueText
}

// actBefore names the act that brings in a quotation opening at off in a
// narrative sentence: the verb nearest before it ("called his death",
// "calling upon ... to stand against" gives "calling upon"), passing over
// infinitives, auxiliaries and words in quotation marks, with a particle
// that belongs to it. Without a verb, a document noun ("a statement").
func (r *runner) actBefore(si, off int) string {
	s := r.d.Sentences[si]
	noun := ""
	for i := r.d.TokenAt(off) - 1; i >= s.First; i-- {
		if i < 0 || r.inRun(i) {
			continue
		}
		if r.q.nouns[r.lower(i)] && noun == "" {
			noun = r.text(i)
		}
		if !strings.HasPrefix(r.tag(i), "VB") || auxiliary(r.lower(i)) || i > s.First && r.tag(i-1) == "TO" {
			continue
		}
		if i+1 < s.Last && (r.tag(i+1) == "RP" || r.lower(i+1) == "upon") {
			return r.body[r.d.Tokens[i].Start:r.d.Tokens[i+1].End]
		}
		return r.text(i)
	}
	return noun
}

// auxiliary reports whether w is a form of be, have or do.
func auxiliary(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s",
		"has", "have", "had", "having", "do", "does", "did":
		return true
	}
	return false
}

// previous finds who a standalone quotation continues: the last speaker of
// its paragraph, else the cue of the next quotation in the paragraph
// ("“A.” “B,” he said."), else the last speaker of the paragraph before.
func (r *runner) previous(q qrun, ri int) (said, bool) {
	if k, ok := r.closingCue(ri); ok {
		return said{speaker: k.speaker, cue: r.body[k.start:k.end], channel: k.channel}, true
	}
	last, ok := said{}, false
	for _, s := range r.said {
		if s.off < q.open {
			last, ok = s, true
		}
	}
	for _, k := range r.cues {
		if k.start < q.open && (!ok || k.start > last.off) {
			last = said{off: k.start, para: r.d.Sentences[k.sent].Para, speaker: k.speaker, cue: r.body[k.start:k.end], channel: k.channel}
			ok = true
		}
	}
	if ok && last.para == q.para {
		return last, true
	}
	if ri+1 < len(r.runs) && r.runs[ri+1].para == q.para {
		next := r.runs[ri+1]
		if k, found := r.nearestCue(r.sentenceOf(next.open), r.sentenceOf(max(next.close-1, next.open)), next); found {
			return said{speaker: k.speaker, cue: r.body[k.start:k.end], channel: k.channel}, true
		}
	}
	if ok && last.para == q.para-1 {
		return last, true
	}
	return said{speaker: -1}, false
}

// closingCue follows a quotation left open at its paragraph's end through
// the paragraphs that carry it on to the one where it closes, and returns
// the cue found there: “... / “... / “...,” she said.
func (r *runner) closingCue(ri int) (cue, bool) {
	for ri+1 < len(r.runs) && r.runs[ri].unclosed {
		next := r.runs[ri+1]
		if next.para != r.runs[ri].para+1 || next.open != r.d.Paragraphs[next.para].Start {
			break
		}
		if !next.unclosed {
			return r.nearestCue(r.sentenceOf(next.open), r.sentenceOf(max(next.close-1, next.open)), next)
		}
		ri++
	}
	return cue{}, false
}

// named reports whether run q follows a word that introduces a name or
// title: "entitled", "titled", "called", "named", "dubbed".
func (r *runner) named(q qrun) bool {
	i := r.d.TokenAt(q.open) - 1
	if i < 0 {
		return false
	}
	switch r.lower(i) {
	case "entitled", "titled", "called", "named", "dubbed", "headlined", "nicknamed":
		return true
	}
	return false
}

// titleCase reports whether every longer word of s is capitalised and s
// does not end a sentence: the look of a title ("The Rise of Skywalker").
func titleCase(s string) bool {
	if strings.ContainsAny(s[len(s)-1:], ".!?") {
		return false
	}
	for _, w := range strings.Fields(s) {
		if len(w) <= 4 {
			continue // "of", "and", "from": small words stay low in titles
		}
		c := []rune(w)[0]
		if unicode.IsLetter(c) && !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// reported turns every cue with a clause into a reported quote, unless the
// clause holds a quotation of more than three words (then that quotation
// is the quote) or lies inside the clause of an earlier cue.
func (r *runner) reported() {
	var done []doc.Span
	for _, k := range r.cues {
		if k.ce <= k.cs || r.longRunIn(k.cs, k.ce) || r.runAt(k.cs) >= 0 && r.runs[r.runAt(k.cs)].words > 3 {
			continue
		}
		inside := false
		for _, s := range done {
			if k.start >= s.Start && k.end <= s.End {
				inside = true
			}
		}
		if inside {
			continue
		}
		cs, ce := trim(r.body, k.cs, k.ce, " \t\n,;:")
		if cs >= ce {
			continue
		}
		done = append(done, doc.Span{Start: k.cs, End: k.ce})
		r.add(doc.Quote{
			Span:    r.d.SpanOf(cs, ce),
			Speaker: r.id(k.speaker),
			Kind:    doc.QuoteReported,
			Cue:     r.body[k.start:k.end],
			Channel: k.channel,
		})
	}
}
