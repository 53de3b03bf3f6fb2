package quote

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// timeWords may stand between a reporting verb and its clause ("said
// Tuesday that") or its subject and the verb.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"earlier": true, "later": true, "also": true, "again": true, "previously": true,
	"recently": true, "repeatedly": true, "publicly": true, "separately": true,
}

// passiveAux are the words that make a following reporting verb passive
// ("was told", "were reported") or an infinitive ("declined to say").
var passiveAux = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "be": true, "been": true,
	"being": true, "to": true, "the": true, "a": true, "an": true, "his": true,
	"her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
}

// findCues finds every reporting verb and "according to" outside quotation
// marks and posts, with its speaker and reported clause.
func (r *runner) findCues() {
	for si, s := range r.d.Sentences {
		if r.inPost(s.Start) {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			if r.inRun(i) {
				continue
			}
			w := r.lower(i)
			if w == "according" && i+1 < s.Last && r.lower(i+1) == "to" {
				r.according(si, i)
				continue
			}
			class, ok := r.q.cues[w]
			if !ok || !r.isCueVerb(si, i, w) {
				continue
			}
			r.verbCue(si, i, class)
		}
	}
	r.leadingGerunds()
	r.coordinated()
}

// coordinated ends a reported clause where a second reporting verb of the
// same subject starts ("said S and vowed to ..."), so that each verb keeps
// its own clause.
func (r *runner) coordinated() {
	for i := range r.cues {
		k := &r.cues[i]
		for j := i + 1; j < len(r.cues) && r.cues[j].sent == k.sent; j++ {
			n := r.cues[j]
			if n.start <= k.cs || n.start >= k.ce {
				continue
			}
			p := n.tok - 1
			for p > k.tok && r.tag(p) == "RB" {
				p--
			}
			if r.tag(p) == "CC" {
				_, k.ce = trim(r.body, k.cs, r.d.Tokens[p].Start, " \t\n,")
				if first := r.d.TokenAt(k.cs); first >= 0 && !r.hasFinite(first, p) && !r.longRunIn(k.cs, k.ce) {
					k.cs, k.ce = 0, 0 // "maintains its own monitor and reported that"
				}
				break
			}
		}
	}
}

// leadingGerunds settles sentences that open with a gerund cue ("Arguing
// that S1, Patrick has said S2"): the gerund's clause stops where the main
// clause's subject starts, and the gerund takes that subject as speaker.
func (r *runner) leadingGerunds() {
	for i := range r.cues {
		k := &r.cues[i]
		s := r.d.Sentences[k.sent]
		if k.tok != s.First || !strings.HasSuffix(r.lower(k.tok), "ing") || k.ce <= k.cs {
			continue
		}
		for j := i + 1; j < len(r.cues) && r.cues[j].sent == k.sent; j++ {
			n := r.cues[j]
			if n.subj <= k.cs || n.subj >= k.ce || strings.HasSuffix(r.lower(n.tok), "ing") {
				continue
			}
			_, end := trim(r.body, k.cs, n.subj, " \t\n,")
			k.ce = end
			k.speaker = n.speaker
			break
		}
	}
}

// isCueVerb reports whether the reporting word at token i is used as an
// active verb: tagged as one (or a form nothing else can be), not after a
// passive auxiliary, determiner or "to", and not followed by "by".
func (r *runner) isCueVerb(si, i int, w string) bool {
	s := r.d.Sentences[si]
	if !strings.HasPrefix(r.tag(i), "VB") && w != "said" && w != "says" && w != "told" {
		return false
	}
	if r.tag(i) == "VBN" && w != "said" && w != "told" {
		// "has confirmed": a perfect is active; a bare participle is not.
		j := i - 1
		for j > s.First && r.tag(j) == "RB" {
			j--
		}
		// "has confirmed" is active, and so is a participle the tagger
		// gave to a verb right after its subject ("the physicians
		// stated"); a participle after anything else is not.
		if j < s.First || !isHave(r.lower(j)) && !strings.HasPrefix(r.tag(j), "NN") && r.tag(j) != "PRP" {
			return false
		}
	}
	if w == "said" && i > s.First {
		if t := r.tag(i - 1); t == "VB" || t == "DT" || t == "IN" {
			return false // "to find said civilisation"
		}
	}
	j := i - 1
	for j >= s.First && (r.tag(j) == "RB" || timeWords[r.lower(j)]) {
		j--
	}
	if j >= s.First && passiveAux[r.lower(j)] {
		return false
	}
	if r.tag(i) == "VB" && (j < s.First || r.boundary(j) || r.tag(j) == "CC") {
		return false // an imperative: "write to us"
	}
	if i+1 < s.Last && r.lower(i+1) == "by" && !r.quotedAs(si, i) {
		return false
	}
	return true
}

func isHave(w string) bool { return w == "has" || w == "have" || w == "had" }

// verbCue records the cue of the reporting verb at token c.
func (r *runner) verbCue(si, c int, class string) {
	k := cue{sent: si, tok: c, start: r.d.Tokens[c].Start, end: r.d.Tokens[c].End, class: class, speaker: -1}
	gerund := strings.HasSuffix(r.lower(c), "ing")
	a, b, appos := c, c, false
	after := c + 1 // first token after the verb and an inverted subject
	k.subj = k.start
	if gerund {
		switch {
		case r.quotedAs(si, c):
			// "X was quoted as saying": the passive's subject speaks.
			k.speaker = r.firstActor(r.d.Sentences[si].Start, r.d.Tokens[c-1].Start)
		case c > r.d.Sentences[si].First && r.tag(c-1) == "IN" || r.passiveMain(si, c):
			return // "by noting", "were charged ..., stating": not a report
		default:
			k.speaker = r.gerundSubject(si, c)
		}
	} else {
		a, b, appos = r.subjectBefore(si, c)
		if a == b || appos && r.inverted(si, c) {
			a, b = r.subjectAfter(si, c)
			after, appos = b, false
			if e := r.namedAfterTitle(si, a, b); e > b {
				// "said the mayor, Anne Hidalgo": the name in apposition.
				b, after, appos = e, e, true
			}
		}
		lead := a
		for lead < b && (r.tag(lead) == "IN" || r.tag(lead) == "CC" || r.tag(lead) == "RB") {
			lead++
		}
		if lead < b && authorVoice(r.lower(lead)) && r.onlyAux(lead+1, b) {
			return // "we note that": the outlet's own voice
		}
		if class == "read" && !r.hasDocNoun(a, b) {
			return // "the posters read ...": only a document reads out words
		}
		k.speaker = r.resolve(a, b, appos)
		if k.speaker < 0 && !appos && a > r.d.Sentences[si].First && a < c && r.text(a-1) == "," {
			// "Kurinji Selvaraj, a research analyst at X told CBS": the
			// phrase before the verb describes a name before the comma.
			p := a - 2
			for p >= r.d.Sentences[si].First && !r.boundary(p) {
				p--
			}
			if ei := r.resolve(p+1, b, true); ei >= 0 && r.d.Entities[ei].Type == doc.PERSON {
				k.speaker, a = ei, p+1
			}
		}
		if a < c {
			k.subj = r.d.Tokens[a].Start
		}
	}
	windowEnd := r.contentEnd(si)
	if after > c+1 {
		// "S, said X": an inverted subject; the clause can only precede.
		k.cs, k.ce = r.fronted(si, a, c, after)
	} else if cs, ok := r.complement(si, c, class); ok {
		k.cs, k.ce = r.d.Tokens[cs].Start, r.contentEnd(si)
		windowEnd = k.cs
	} else if !gerund {
		k.cs, k.ce = r.fronted(si, a, c, after)
		if k.ce <= k.cs {
			k.cs, k.ce = r.parenthetical(si, a, c, after)
		}
	}
	k.channel = r.channelNear(k.start, windowEnd)
	if k.channel == "" && b > a {
		k.channel = r.channelNear(r.d.Tokens[a].Start, k.start)
	}
	if k.channel == "" && (k.ce <= k.cs || k.cs > k.start) {
		// "In a statement, X said ...": a phrase leading the sentence,
		// unless that part is the clause reported.
		k.channel = r.channelNear(r.d.Sentences[si].Start, min(k.subj, k.start))
	}
	r.cues = append(r.cues, k)
}

// quotedAs reports whether the gerund at c follows "quoted as", "cited
// as" or "reported as", with an agent perhaps between ("quoted by Tanjug
// as saying").
func (r *runner) quotedAs(si, c int) bool {
	f := r.d.Sentences[si].First
	if c-2 < f || r.lower(c-1) != "as" {
		return false
	}
	for i := c - 2; i >= f && i > c-9; i-- {
		switch r.lower(i) {
		case "quoted", "cited", "reported", "heard":
			return true
		}
		if r.boundary(i) {
			return false
		}
	}
	return false
}

// hasDocNoun reports whether tokens [a, b) hold a document noun.
func (r *runner) hasDocNoun(a, b int) bool {
	for i := a; i < b; i++ {
		if r.q.nouns[r.lower(i)] {
			return true
		}
	}
	return false
}

// authorVoice reports whether a lone subject is the writer's own voice.
func authorVoice(w string) bool { return w == "we" || w == "i" }

// onlyAux reports whether tokens [a, b) are only modals and adverbs.
func (r *runner) onlyAux(a, b int) bool {
	for i := a; i < b; i++ {
		if t := r.tag(i); t != "MD" && t != "RB" {
			return false
		}
	}
	return true
}

// passiveMain reports whether the sentence's first verb before c is a
// passive ("were charged ..., stating"): then a gerund cue has no speaker
// the sentence names.
func (r *runner) passiveMain(si, c int) bool {
	s := r.d.Sentences[si]
	for i := s.First; i < c; i++ {
		if !r.finite(i) || r.inRun(i) {
			continue
		}
		j := i + 1
		for j < c && r.tag(j) == "RB" {
			j++
		}
		return passiveAux[r.lower(i)] && j < c && r.tag(j) == "VBN"
	}
	return false
}

// subjectBefore returns the tokens [a, b) naming who speaks before the verb
// at c: the phrase back to the last comma, mark or sentence start. When
// that phrase names nobody and a comma precedes it, the subject is an
// apposition ("Geoffrey Berman, the U.S. attorney, said"): the phrases
// back to a mark, a clause or the sentence start are taken, and appos is
// set. A coordinated verb ("visited ..., and argued that") takes the
// sentence's subject, whole sentence start to verb, also as appos.
func (r *runner) subjectBefore(si, c int) (a, b int, appos bool) {
	f := r.d.Sentences[si].First
	j := c - 1
	for j >= f && !r.boundary(j) {
		j--
	}
	if p := r.coordinator(j+1, c); p > j+1 && r.hasFinite(j+1, p) {
		// "rejected the accusation and said": a second verb of the
		// sentence's subject, which is what stands before the first verb.
		if f := r.subjectOfSentence(si); f > r.d.Sentences[si].First {
			return r.d.Sentences[si].First, f, true
		}
	}
	if r.nominal(j+1, c) {
		return j + 1, c, false
	}
	if j+1 < c && r.tag(j+1) == "CC" {
		// A coordinated verb shares the sentence's subject: the words
		// before its first verb.
		for k := f; k < c; k++ {
			if r.finite(k) && !r.inRun(k) {
				if k > f {
					return f, k, true // "Rep. David McKinley, R-W.Va., visited"
				}
				break
			}
		}
		return f, c, true
	}
	if j < f || r.text(j) != "," || j-1 < f || r.boundary(j-1) {
		if j+1 < c && (j < f || r.text(j) != "—" && r.text(j) != "–") {
			return j + 1, c, false
		}
		// "“...” — so said X": no subject before the verb.
		return c, c, false
	}
	end := j
	k := j - 1
	for segs := 0; k >= f && segs < 4; segs++ {
		seg := k
		for seg >= f && !r.boundary(seg) {
			seg--
		}
		if !r.appositive(seg+1, k+1) {
			break
		}
		k = seg
		if k < f || r.text(k) != "," {
			break
		}
		k--
	}
	if k+1 >= end {
		return c, c, false
	}
	return k + 1, end, true
}

// coordinator returns the conjunction right before the verb at c, adverbs
// passed over ("and then said"), or -1.
func (r *runner) coordinator(a, c int) int {
	p := c - 1
	for p >= a && r.tag(p) == "RB" {
		p--
	}
	if p >= a && r.tag(p) == "CC" {
		return p
	}
	return -1
}

// subjectOfSentence returns the first finite verb of sentence si outside
// quotation marks and relative clauses: the words before it are the
// sentence's subject. It returns the sentence's first token when the
// sentence opens with its verb.
func (r *runner) subjectOfSentence(si int) int {
	s := r.d.Sentences[si]
	relative := false
	for i := s.First; i < s.Last; i++ {
		switch w := r.lower(i); {
		case w == "who" || w == "whose" || w == "which":
			relative = true
		case w == "," && relative:
			relative = false
		case r.finite(i) && !r.inRun(i) && !relative:
			return i
		}
	}
	return s.First
}

// nominal reports whether tokens [a, b) hold a noun or pronoun.
func (r *runner) nominal(a, b int) bool {
	for i := a; i < b; i++ {
		if t := r.tag(i); strings.HasPrefix(t, "NN") || t == "PRP" || t == "CD" {
			return true
		}
	}
	return false
}

// appositive reports whether tokens [a, b) can be part of a noun phrase in
// apposition: no finite verb, unless in a relative clause ("who runs").
func (r *runner) appositive(a, b int) bool {
	if a >= b {
		return false
	}
	if w := r.lower(a); w == "who" || w == "which" {
		return true
	}
	for i := a; i < b; i++ {
		if r.finite(i) {
			return false
		}
	}
	return true
}

// subjectAfter returns the inverted subject after the verb at c ("...,"
// said Mr. Smith, a lawyer): the tokens up to a comma, preposition or the
// sentence end.
func (r *runner) subjectAfter(si, c int) (a, b int) {
	l := r.d.Sentences[si].Last
	j := c + 1
	for j < l && timeWords[r.lower(j)] {
		j++
	}
	a = j
	for {
		for j < l && !r.boundary(j) && r.tag(j) != "IN" && r.tag(j) != "TO" && !r.finite(j) {
			j++
		}
		if j < l || !r.splitAfter(si) {
			return a, j
		}
		// "said Lt. Col. | Mark Dean": a sentence wrongly ended at an
		// abbreviation of a rank runs on into the name.
		si++
		l = r.d.Sentences[si].Last
	}
}

// namedAfterTitle returns the end of a name set off by a comma after an
// inverted subject [a, b) that is only a title ("the mayor, Anne
// Hidalgo"), or b when there is none.
func (r *runner) namedAfterTitle(si, a, b int) int {
	l := r.d.Sentences[si].Last
	if a >= b || b+1 >= l || r.text(b) != "," || len(r.mentionsIn(r.d.Tokens[a].Start, r.d.Tokens[b-1].End)) > 0 {
		return b
	}
	e := b + 1
	for e < l && !r.boundary(e) {
		e++
	}
	for _, m := range r.mentionsIn(r.d.Tokens[b+1].Start, r.d.Tokens[e-1].End) {
		if r.d.Entities[m.ent].Type == doc.PERSON {
			return e
		}
	}
	return b
}

// splitAfter reports whether sentence si ends on an abbreviation of a
// title ("Col.", "Gen.") and the next sentence, in the same paragraph,
// goes on with a name: a break the segmenter should not have made.
func (r *runner) splitAfter(si int) bool {
	if si+1 >= len(r.d.Sentences) || r.d.Sentences[si+1].Para != r.d.Sentences[si].Para {
		return false
	}
	w := r.text(r.d.Sentences[si].Last - 1)
	if len(w) < 3 || len(w) > 5 || w[len(w)-1] != '.' || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return r.tag(r.d.Sentences[si+1].First) == "NNP"
}

// inverted reports whether a verb right after a comma has its subject
// after it, closing the sentence: "S, said Lt. Matt Harris, a spokesman."
func (r *runner) inverted(si, c int) bool {
	l := r.d.Sentences[si].Last
	if r.q.cues[r.lower(c)] == "tell" {
		return false // "told NBC News": the hearer, not the speaker
	}
	a, b := r.subjectAfter(si, c)
	if a >= b || !r.nominal(a, b) || r.tag(a) == "PRP" {
		return false
	}
	if b < l && r.text(b) != "," && r.text(b) != "." {
		return false
	}
	return !r.hasFinite(b, l)
}

// gerundSubject finds who speaks for a gerund cue ("..., saying that",
// "with Khamenei insisting that"): a name right before it, else the
// speaker of an earlier cue of the sentence, else its first actor.
func (r *runner) gerundSubject(si, c int) int {
	s := r.d.Sentences[si]
	if c > s.First {
		end := r.d.Tokens[c-1].End
		for _, m := range r.ments {
			if m.end == end && r.isActor(m.ent) {
				return m.ent
			}
		}
	}
	for i := len(r.cues) - 1; i >= 0 && r.cues[i].sent == si; i-- {
		if r.cues[i].speaker >= 0 {
			return r.cues[i].speaker
		}
	}
	return r.firstActor(s.Start, r.d.Tokens[c].Start)
}

// complement returns the first token of the clause a reporting verb at c
// introduces ("said (that) S", "told reporters S", "said: S"), if any.
func (r *runner) complement(si, c int, class string) (int, bool) {
	l := r.d.Sentences[si].Last
	// "that" within a few tokens, with only the hearer, time and place
	// ("said in a statement emailed to NBC News that") between; after a
	// plain object ("notes the requirement that") it starts no clause.
	from := c + 1
	for from < l {
		if n := r.timePhrase(from, l); n > 0 {
			from += n
			continue
		}
		if !timeWords[r.lower(from)] && r.tag(from) != "RB" {
			break
		}
		from++
	}
	object := class == "say" && from < l && r.lower(from) != "that" && isNounish(r.tag(from))
	for j := c + 1; j < l && j <= c+12 && !object; j++ {
		participle := r.tag(j) == "VBD" && strings.HasPrefix(r.tag(j-1), "NN")
		if r.boundary(j) || r.finite(j) && !participle {
			break
		}
		if r.lower(j) == "that" {
			if j+1 < l && r.wordsOutside(j+1, l)+r.wordsInside(j+1, l) >= 3 {
				return j + 1, true
			}
			return 0, false
		}
	}
	j := c + 1
	if class == "tell" {
		j = r.skipHearer(c+1, l)
	}
	j = r.skipAdjuncts(j, l)
	if j >= l {
		return 0, false
	}
	if r.text(j) == ":" {
		j++
		if j < l {
			return j, true
		}
		return 0, false
	}
	switch r.tag(j) {
	case "PRP", "DT", "NNP", "NNPS", "NN", "NNS", "CD", "EX", "JJ", "JJS", "JJR", "PDT", "PRP$":
	default:
		if !subordinator(r.lower(j)) {
			return 0, false
		}
	}
	if r.lower(j) == "it" && class == "say" && j+1 < l && r.tag(j+1) == "IN" {
		return 0, false // "said it in ..." : an object, not a clause
	}
	// The clause's verb comes early, before a comma: "said the plan would
	// fail", not "wrote this review, listening to ..., and found".
	hasVerb := false
	for i := j; i < l && i < j+12; i++ {
		if r.text(i) == "," && !r.inRun(i) {
			break
		}
		if r.lower(i) == "that" && i > j && r.nounsOnly(j, i) && r.finiteCount(i+1, l) < 2 {
			// "notes the requirement that immigrants be vaccinated": an
			// object and its own clause, with no main verb after.
			return 0, false
		}
		if i > j && adverbialStart(r.lower(i)) {
			break // "announced the decision shortly after ambassadors approved it"
		}
		if (r.finite(i) || r.verbAsNoun(i)) && !r.inRun(i) {
			hasVerb = true
			break
		}
	}
	if !hasVerb || l-j < 4 {
		return 0, false
	}
	return j, true
}

// timePhrase returns the length of a time phrase at token j ("this week",
// "last month", "next Tuesday"), or 0.
func (r *runner) timePhrase(j, l int) int {
	if j+1 >= l {
		return 0
	}
	switch r.lower(j) {
	case "this", "last", "next", "late", "early":
	default:
		return 0
	}
	switch w := r.lower(j + 1); w {
	case "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend":
		return 2
	default:
		if timeWords[w] {
			return 2
		}
	}
	return 0
}

// finiteCount counts the finite verbs outside quotation marks in [a, b).
func (r *runner) finiteCount(a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if r.finite(i) && !r.inRun(i) {
			n++
		}
	}
	return n
}

// relativeWord reports whether w opens a relative clause.
func relativeWord(w string) bool {
	switch w {
	case "where", "who", "which", "whom", "whose", "when":
		return true
	}
	return false
}

// adverbialStart reports whether w opens an adverbial clause, whose verb
// is not the verb of a reported clause.
func adverbialStart(w string) bool {
	switch w {
	case "after", "before", "when", "while", "because", "since", "until", "as", "once":
		return true
	}
	return false
}

// nounsOnly reports whether tokens [a, b) make a plain noun phrase.
func (r *runner) nounsOnly(a, b int) bool {
	for i := a; i < b; i++ {
		if !isNounish(r.tag(i)) {
			return false
		}
	}
	return true
}

// verbAsNoun reports whether token i is a verb in -s the tagger took for a
// plural noun right after a singular subject: "no evidence supports".
func (r *runner) verbAsNoun(i int) bool {
	w := r.text(i)
	return i > 1 && r.tag(i) == "NNS" && r.tag(i-1) == "NN" && (r.tag(i-2) == "DT" || r.tag(i-2) == "PRP$") && w == strings.ToLower(w) &&
		strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// wordsInside counts the words inside quotation marks in tokens [a, b),
// so that a clause made only of a quotation still counts.
func (r *runner) wordsInside(a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if r.inRun(i) && isWordTok(r.text(i)) && !isMark(r.text(i)) {
			n++
		}
	}
	return n
}

// skipHearer skips the hearer of "told": a pronoun, a name or a short noun
// phrase ("told reporters", "told the Senate committee").
func (r *runner) skipHearer(j, l int) int {
	if j >= l {
		return j
	}
	switch {
	case r.tag(j) == "PRP" && isObjectPronoun(r.lower(j)):
		return j + 1
	case r.tag(j) == "NNP" || r.tag(j) == "NNPS":
		for j < l && (r.tag(j) == "NNP" || r.tag(j) == "NNPS") {
			j++
		}
		return j
	case r.tag(j) == "NNS":
		return j + 1
	case r.tag(j) == "DT" || r.tag(j) == "PRP$":
		k := j + 1
		for k < l && (r.tag(k) == "JJ" || strings.HasPrefix(r.tag(k), "NN")) {
			k++
		}
		if k > j+1 {
			return k
		}
	}
	return j
}

// subordinator reports whether w opens a clause that can be reported
// whole ("said if Patrick can get his message out, he ...").
func subordinator(w string) bool {
	switch w {
	case "if", "because", "when", "while", "although", "once", "unless":
		return true
	}
	return false
}

func isObjectPronoun(w string) bool {
	switch w {
	case "him", "her", "them", "us", "me", "you":
		return true
	}
	return false
}

// skipAdjuncts skips time words and prepositional phrases after a verb:
// "said on Tuesday", "said in an interview".
func (r *runner) skipAdjuncts(j, l int) int {
	for j < l {
		w := r.lower(j)
		switch {
		case r.timePhrase(j, l) > 0:
			j += r.timePhrase(j, l)
		case timeWords[w] || r.tag(j) == "RB":
			j++
		case r.tag(j) == "IN" && w != "that" && w != "if" && w != "whether" && w != "because":
			k := j + 1
			for k < l && isNounish(r.tag(k)) {
				k++
			}
			if k == j+1 {
				return j
			}
			j = k
		default:
			return j
		}
	}
	return j
}

func isNounish(tag string) bool {
	switch tag {
	case "DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS":
		return true
	}
	return false
}

// fronted returns the reported clause that comes before its cue: "S, X
// said." or "S, said X.", when nothing but adjuncts follow the verb and the
// subject [a, c) (or the verb) follows a comma.
func (r *runner) fronted(si, a, c, after int) (int, int) {
	s := r.d.Sentences[si]
	for i := after; i < s.Last; i++ {
		if r.finite(i) && !r.inRun(i) {
			return 0, 0
		}
	}
	if after < s.Last && (r.text(after) == ":" || r.longRunIn(r.d.Tokens[after].Start, s.End)) {
		return 0, 0 // "Of the process, Key said: “...”": the quotation is what he said
	}
	if a < c && relativeWord(r.lower(a)) {
		return 0, 0 // "..., where the UN says S": a relative clause says nothing of the main one
	}
	comma := a - 1
	if a >= c { // no subject before the verb, or an inverted one
		comma = c - 1
	}
	if comma <= s.First || r.text(comma) != "," {
		return 0, 0
	}
	start, end := trim(r.body, s.Start, r.d.Tokens[comma].Start, " \t\n")
	// "Although S1, X told them S2": the clause before the comma is not
	// what X said, unless a main clause follows it ("Because S1, S2, X
	// says").
	if countWords(r.body[start:end]) < 4 || subordinator(r.lower(s.First)) && !strings.Contains(r.body[start:end], ",") {
		return 0, 0
	}
	return start, end
}

// parenthetical returns the reported clause around a cue set off by
// commas ("The reason, McKinley said, is the flow of drugs"): the part
// before it, or the part after when that is too short.
func (r *runner) parenthetical(si, a, c, after int) (int, int) {
	s := r.d.Sentences[si]
	comma := a - 1
	if a >= c { // no subject before the verb, or an inverted one
		comma = c - 1
	}
	if comma <= s.First || r.text(comma) != "," || after >= s.Last || r.text(after) != "," {
		return 0, 0
	}
	start, end := trim(r.body, s.Start, r.d.Tokens[comma].Start, " \t\n")
	if countWords(r.body[start:end]) >= 4 && r.hasFinite(s.First, comma) {
		return start, end
	}
	if after+1 < s.Last && r.wordsOutside(after+1, s.Last) >= 4 {
		return r.d.Tokens[after+1].Start, r.contentEnd(si)
	}
	return 0, 0
}

// according records "according to X": X speaks; the clause is what comes
// before it, or after it when it leads the sentence.
func (r *runner) according(si, i int) {
	s := r.d.Sentences[si]
	k := cue{sent: si, tok: i, start: r.d.Tokens[i].Start, end: r.d.Tokens[i+1].End, class: "according", speaker: -1}
	j := i + 2
	for j < s.Last && !r.boundary(j) {
		j++
	}
	k.speaker = r.resolve(i+2, j, false)
	k.channel = r.channelNear(k.start, r.tokEnd(j-1))
	lead := r.wordsOutside(s.First, i)+r.wordsInside(s.First, i) == 0
	switch {
	case lead && j+1 < s.Last && r.text(j) == ",":
		k.cs, k.ce = r.d.Tokens[j+1].Start, r.contentEnd(si)
	case !lead:
		end := r.d.Tokens[i].Start
		if r.text(i-1) == "," {
			end = r.d.Tokens[i-1].Start
		}
		cs, ce := trim(r.body, s.Start, end, " \t\n")
		if (countWords(r.body[cs:ce]) < 4 || !r.hasFinite(s.First, i)) && j+1 < s.Last && r.text(j) == "," {
			cs, ce = 0, 0
			if r.hasFinite(j+1, s.Last) {
				// "according to X, S": not ", a student organiser"
				cs, ce = r.d.Tokens[j+1].Start, r.contentEnd(si)
			}
		}
		k.cs, k.ce = cs, ce
	}
	if k.ce-k.cs > 0 && countWords(r.body[k.cs:k.ce]) < 3 {
		k.cs, k.ce = 0, 0
	}
	r.cues = append(r.cues, k)
}

// hasFinite reports whether tokens [a, b) hold a finite verb outside
// quotation marks: whether they make a clause.
func (r *runner) hasFinite(a, b int) bool {
	for i := a; i < b; i++ {
		if r.finite(i) && !r.inRun(i) {
			return true
		}
	}
	return false
}

func (r *runner) tokEnd(i int) int {
	if i < 0 {
		return 0
	}
	return r.d.Tokens[i].End
}

// channelNear names the channel a phrase in body[s:e] points to.
func (r *runner) channelNear(s, e int) string {
	if e <= s {
		return ""
	}
	if e-s > 120 {
		e = s + 120
	}
	text := strings.ToLower(r.body[s:e])
	for _, c := range r.q.channels {
		if strings.Contains(text, c.phrase) {
			return c.name
		}
	}
	return ""
}
