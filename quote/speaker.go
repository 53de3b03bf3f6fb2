package quote

import (
	"sort"
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// resolve finds the entity a subject phrase, tokens [a, b), names. A
// mention in the phrase wins: the last one (the head of "US Secretary of
// State Mike Pompeo"), or in an apposition the first person. A possessive
// ("Israel's ministry") or a country qualifying a title ("the US president")
// gives way to the title. Without a mention, a pronoun, title or document
// is resolved to the nearest fitting entity before the phrase.
func (r *runner) resolve(a, b int, appos bool) int {
	if a >= b {
		return -1
	}
	s, e := r.d.Tokens[a].Start, r.d.Tokens[b-1].End
	for i := a + 1; i < b; i++ {
		w := r.lower(i)
		if w == "who" || w == "which" || w == "whose" || w == "to" && r.q.titles[r.lower(i-1)] == "person" {
			// "who ...": a relative clause; "ambassador to Britain": the
			// place the title is held towards.
			e, b = r.d.Tokens[i].Start, i
			break
		}
	}
	var cands, owners []ment
	for _, m := range r.mentionsIn(s, e) {
		switch {
		case !r.isActor(m.ent) || m.kind == doc.MentionHashtag || r.runAt(m.start) >= 0:
		case appos && r.inAdjunct(a, m.start):
		case possessive(r.body, m.end) || possessivePronoun(r.body[m.start:m.end]):
			owners = append(owners, m)
		case m.kind == doc.MentionPronoun:
			// The entity stage links pronouns to the nearest person; a
			// speaker pronoun is resolved here, where quotations and
			// subjects are known, and the link only backs it up.
			ei := r.resolveWords(a, b, s)
			if ei < 0 && !r.pronounFits(r.body[m.start:m.end], m.ent) {
				continue
			}
			if ei >= 0 {
				m.ent = ei
			}
			cands = append(cands, m)
		default:
			cands = append(cands, m)
		}
	}
	cands = outermost(cands)
	if ei := r.speaksFor(a, b, cands); ei >= 0 {
		return ei
	}
	if len(cands) > 0 {
		m := cands[len(cands)-1]
		if appos {
			m = r.apposHead(cands)
		}
		if m.kind == doc.MentionTitle {
			m.ent = r.sameSpeaker(m.ent, r.body[m.start:m.end], s)
		}
		if ei := r.ownerOf(m); ei >= 0 {
			return ei
		}
		t := r.d.Entities[m.ent].Type
		if t != doc.GPE && t != doc.ORG || !r.titleAfter(m.end, e) {
			return m.ent
		}
		// "Interim BART Police Chief Ed Alvarez", "the US president": a
		// body or state qualifying a title, whose holder speaks.
		if ei := r.bySurname(r.d.TokenAt(m.end-1)+1, b, appos); ei >= 0 && r.d.Entities[ei].Type == doc.PERSON {
			return ei
		}
		if t == doc.ORG {
			return m.ent
		}
		if ei := r.resolveWords(a, b, s); ei >= 0 {
			return ei
		}
		return m.ent
	}
	if len(owners) > 0 {
		// "Mr Erdogan's office said": the owner speaks, unless a title
		// names its holder outright.
		if ei := r.strongTitle(a, b); ei >= 0 {
			return r.sameSpeaker(ei, r.d.Entities[ei].Role, s)
		}
		m := owners[len(owners)-1]
		if m.kind == doc.MentionTitle {
			return r.sameSpeaker(m.ent, r.body[m.start:m.end], s)
		}
		return m.ent
	}
	if ei := r.bySurname(a, b, appos); ei >= 0 {
		return ei
	}
	if appos && r.unknownName(a, b) {
		// "Its deputy leader, Davit Gogua, said": someone the entity stage
		// did not find, not the last holder of the title.
		return -1
	}
	return r.resolveWords(a, b, s)
}

// unknownName reports whether tokens [a, b) hold a name of two or more
// capitalised words, none a title, that no entity has.
func (r *runner) unknownName(a, b int) bool {
	n := 0
	for i := a; i < b; i++ {
		w := r.text(i)
		if r.inAdjunct(a, r.d.Tokens[i].Start) || r.mentioned(i) {
			n = 0
			continue
		}
		if r.tag(i) == "NNP" && !r.isTitleWord(i) && !r.inRun(i) && len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && !strings.HasSuffix(w, ".") {
			if n++; n >= 2 {
				return true
			}
			continue
		}
		n = 0
	}
	return false
}

// ownerOf returns the person a body is named for ("Netanyahu's office",
// "the Mayor's spokesman" as one entity): the person entity some mention
// of which ends in the word before the possessive. -1 otherwise.
func (r *runner) ownerOf(m ment) int {
	if r.d.Entities[m.ent].Type == doc.PERSON {
		return -1
	}
	text := strings.ReplaceAll(r.body[m.start:m.end], "’", "'")
	owner, _, ok := strings.Cut(text, "'s ")
	if !ok {
		return -1
	}
	word := lastField(owner)
	for ei, e := range r.d.Entities {
		if e.Type != doc.PERSON {
			continue
		}
		for _, n := range e.Mentions {
			if n.Kind == doc.MentionName && lastField(n.Text) == word {
				return ei
			}
		}
	}
	return -1
}

// mentioned reports whether token i lies in some mention.
func (r *runner) mentioned(i int) bool {
	t := r.d.Tokens[i]
	j := sort.Search(len(r.ments), func(j int) bool { return r.ments[j].start > t.Start })
	for j--; j >= 0 && r.ments[j].start > t.Start-200; j-- {
		if r.ments[j].end >= t.End {
			return true
		}
	}
	return false
}

// speaksFor resolves "a spokesman for the group", "an official with the
// ministry" to the body spoken for when no mention names it but a title or
// pronoun after the preposition does; the spokesperson as an entity of
// their own is the lesser answer. -1 when the phrase is not of that form.
func (r *runner) speaksFor(a, b int, cands []ment) int {
	for i := a + 1; i+1 < b; i++ {
		w := r.lower(i)
		if w != "for" && w != "with" && w != "at" && w != "of" {
			continue
		}
		if !strings.HasPrefix(r.lower(i-1), "spokes") && r.lower(i-1) != "official" && r.lower(i-1) != "officials" {
			return -1
		}
		for _, m := range cands {
			if m.start >= r.d.Tokens[i].End {
				return -1 // named: the mention speaks
			}
		}
		ei := r.resolveWords(i+1, b, r.d.Tokens[a].Start)
		if ei >= 0 && r.d.Entities[ei].Type != doc.PERSON {
			return ei
		}
		return -1
	}
	return -1
}

// outermost drops the mentions lying inside another one ("San Francisco"
// in "San Francisco Chronicle").
func outermost(ms []ment) []ment {
	out := ms[:0:0]
	for i, m := range ms {
		inside := false
		for j, n := range ms {
			if i != j && n.start <= m.start && n.end >= m.end && n.end-n.start > m.end-m.start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// sameSpeaker keeps a title used alone ("the prime minister's office
// said") with the person quoted just before, in the same or the previous
// paragraph, when that person holds the title: the entity stage links a
// title to the last holder named, but a reader follows the one speaking.
func (r *runner) sameSpeaker(ei int, title string, off int) int {
	t := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(title, "the "), "The "))
	if t == "" {
		return ei
	}
	para := r.d.Sentences[r.sentenceOf(off)].Para
	for i := len(r.cues) - 1; i >= 0; i-- {
		k := r.cues[i]
		if k.start >= off || k.speaker < 0 {
			continue
		}
		if r.d.Sentences[k.sent].Para < para-1 {
			break
		}
		if k.speaker != ei && r.d.Entities[k.speaker].Type == doc.PERSON &&
			strings.Contains(strings.ToLower(r.d.Entities[k.speaker].Role), t) {
			return k.speaker
		}
		return ei
	}
	return ei
}

// bySurname resolves a subject whose name the entity stage did not mark
// here ("Interim BART Police Chief Ed Alvarez") through its last
// capitalised word: the entity some mention of which ends in that word.
func (r *runner) bySurname(a, b int, appos bool) int {
	last := -1
	for i := a; i < b; i++ {
		if appos && r.inAdjunct(a, r.d.Tokens[i].Start) {
			continue
		}
		switch {
		case r.tag(i) != "NNP" || r.inRun(i):
			if last >= 0 {
				i = b // the name ends here
			}
		case !r.isTitleWord(i):
			last = i
		}
	}
	if last < 0 || last+1 < b && r.tag(last+1) == "POS" {
		return -1
	}
	word := r.text(last)
	best := -1
	for ei, e := range r.d.Entities {
		if !r.isActor(ei) {
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind == doc.MentionName && lastField(m.Text) == word {
				if best < 0 || e.Type == doc.PERSON && r.d.Entities[best].Type != doc.PERSON {
					best = ei
				}
				break
			}
		}
	}
	return best
}

// isTitleWord reports whether token i is a title or an honorific.
func (r *runner) isTitleWord(i int) bool {
	w := strings.TrimRight(r.lower(i), ".")
	_, title := r.q.titles[w]
	return title || r.q.gender[w] != 0 && len(w) <= 4
}

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// inAdjunct reports whether offset off lies in a phrase set off by commas
// that is no name of the speaker but says where or how they spoke:
// "The former president, speaking at a rally in Ohio, said".
func (r *runner) inAdjunct(a, off int) bool {
	i := r.d.TokenAt(off)
	for i > a && r.text(i-1) != "," {
		i--
	}
	if i <= a {
		return false
	}
	switch r.tag(i) {
	case "VBG", "VBN", "IN", "TO":
		return r.lower(i) != "of"
	}
	// The tagger may take a participle opening a phrase for a noun.
	w := r.text(i)
	return strings.HasSuffix(w, "ing") && w == strings.ToLower(w)
}

// strongTitle resolves a person's title in tokens [a, b) only through a
// role or a name given with it, never by mere nearness.
func (r *runner) strongTitle(a, b int) int {
	off := r.d.Tokens[a].Start
	for i := a; i < b; i++ {
		w := r.lower(i)
		if r.q.titles[w] != "person" || strings.HasPrefix(w, "spokes") {
			continue
		}
		phrase := w
		for j := i - 1; j >= a && (r.tag(j) == "NN" || r.tag(j) == "JJ"); j-- {
			phrase = r.lower(j) + " " + phrase
		}
		for _, t := range []string{phrase, w} {
			if ei := r.byRole(t, off); ei >= 0 {
				return ei
			}
			if ei := r.namedWith(t, off); ei >= 0 {
				return ei
			}
		}
	}
	return -1
}

// apposHead picks the speaker of an apposition ("Memorial director Arseny
// Roginsky, quoted by Vesti,"): the last person of the first phrase that
// names one, else the first mention.
func (r *runner) apposHead(cands []ment) ment {
	for i, c := range cands {
		if r.d.Entities[c.ent].Type != doc.PERSON {
			continue
		}
		best := c
		for _, n := range cands[i+1:] {
			if n.start < best.end {
				continue // nested inside the mention already chosen
			}
			if strings.Contains(r.body[best.end:n.start], ",") {
				break
			}
			if r.d.Entities[n.ent].Type == doc.PERSON {
				best = n
			}
		}
		return best
	}
	return cands[0]
}

// pronounFits reports whether a pronoun can stand for entity ei: "he" and
// "she" for people, "it" and "they" for bodies, states and groups.
func (r *runner) pronounFits(p string, ei int) bool {
	t := r.d.Entities[ei].Type
	switch strings.ToLower(p) {
	case "he", "she", "him", "her", "i":
		return t == doc.PERSON
	case "it", "they", "we", "them":
		return t != doc.PERSON
	}
	return true
}

// possessive reports whether a possessive ending follows offset end.
func possessive(body string, end int) bool {
	rest := body[end:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") ||
		strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ")
}

func possessivePronoun(s string) bool {
	switch strings.ToLower(s) {
	case "his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}

// titleAfter reports whether a title noun lies in body[s:e].
func (r *runner) titleAfter(s, e int) bool {
	for _, w := range strings.Fields(strings.ToLower(r.body[s:e])) {
		if _, ok := r.q.titles[strings.Trim(w, ".,’'s")]; ok {
			return true
		}
	}
	return false
}

// resolveWords resolves a subject without a usable mention through its
// words: a pronoun, a title ("the district attorney"), or a document that
// speaks for its author ("the statement"). off is where the subject starts.
// An indefinite or plural description ("one legal expert", "officials")
// brings in someone new, so it resolves to nobody, except a spokesperson,
// who speaks for the nearest organisation.
func (r *runner) resolveWords(a, b, off int) int {
	person, phrase, org, head, noun := "", "", "", "", false
	indefinite, plural := false, false
	for i := a; i < b; i++ {
		w := r.lower(i)
		switch w {
		case "he", "she", "i", "him", "her":
			return r.personPronoun(off, pronounGender(w))
		case "they", "we":
			return r.antecedent(off, doc.GROUP, doc.ORG, doc.GPE)
		case "it":
			return r.antecedent(off, doc.ORG, doc.GPE)
		case "a", "an", "one", "another", "some", "several", "two", "three", "many":
			if i == a {
				indefinite = true
			}
		}
		t := r.tag(i)
		if t == "IN" && head != "" {
			break // "experts on jail suicide": the head comes first
		}
		if !strings.HasPrefix(t, "NN") && t != "JJ" {
			continue
		}
		if r.q.nouns[w] {
			noun = true
		}
		if strings.HasPrefix(t, "NN") {
			head, plural = w, t == "NNS" || t == "NNPS"
		}
		if strings.HasSuffix(w, "s") && r.q.titles[w[:len(w)-1]] != "" {
			w, plural = w[:len(w)-1], true
		}
		if class, ok := r.q.titles[w]; ok {
			if class == "person" {
				person, phrase = w, w
				for j := i - 1; j >= a && (r.tag(j) == "NN" || r.tag(j) == "JJ"); j-- {
					phrase = r.lower(j) + " " + phrase
				}
			} else {
				org = w
			}
		}
	}
	spokes := strings.HasPrefix(person, "spokes") || person == "official"
	switch {
	case noun && person == "":
		// "a statement from the ministry": the author named in the phrase
		// itself, else the author of the document spoken of before.
		for i := a; i < b; i++ {
			if r.q.nouns[r.lower(i)] {
				if ei := r.authorOf(i); ei >= 0 {
					return ei
				}
				if ei := r.keeper(a, i); ei >= 0 {
					return ei // "federal prison records": the Bureau of Prisons
				}
			}
		}
		return r.issuer(off)
	case spokes && (indefinite || plural):
		return r.speakingOrg(off)
	case org != "" && person == "" && !indefinite && head != org:
		return r.titleOrg(org, a, b, off) // "ministry data", "police figures"
	case plural && !indefinite && head != "":
		return r.orgWith(head, off)
	case indefinite && person != "":
		// "A California transit chief says ...", named in the sentences
		// that follow: "Interim BART Police Chief Ed Alvarez told ..."
		return r.namedAhead(person, off)
	case indefinite || plural:
		return -1
	case person != "":
		if spokes {
			if ei := r.speakingOrg(off); ei >= 0 {
				return ei
			}
		}
		return r.sameSpeaker(r.titlePerson(phrase, person, off), phrase, off)
	case org != "":
		return r.titleOrg(org, a, b, off)
	case strings.HasSuffix(r.lower(b-1), "-old") && r.lower(a) == "the":
		return r.antecedent(off, doc.PERSON) // "the 56-year-old said"
	case (head != "" || r.tag(b-1) == "JJ") && r.lower(a) == "the":
		return r.antecedent(off, doc.PERSON, doc.ORG)
	}
	return -1
}

// personPronoun resolves "he" or "she" (gender g; 0 for "I") speaking at
// off. Quotations come in chains: a pronoun speaker is most often the last
// person quoted, unless a sentence since then had another person as its
// subject. Only people of the pronoun's gender, or of unknown gender, are
// candidates.
func (r *runner) personPronoun(off int, g byte) int {
	a, aoff := r.personBefore(off, g)
	last, loff := -1, -1
	para := r.d.Sentences[r.sentenceOf(off)].Para
	for _, k := range r.cues {
		if k.start >= off || !r.fits(k.speaker, g) {
			continue
		}
		if r.d.Sentences[k.sent].Para >= para-2 {
			last, loff = k.speaker, k.start
		}
	}
	if last < 0 || a == last || a < 0 {
		if a < 0 {
			return last
		}
		return a
	}
	if aoff > loff && r.subjectAt(aoff) {
		return a
	}
	return last
}

// personBefore returns the first person fitting gender g in the nearest
// sentence before off that names one (off's own sentence first, up to five
// back), and where that mention starts; mentions in quotation marks and
// possessives are passed over. Without one, the nearest fitting person.
func (r *runner) personBefore(off int, g byte) (int, int) {
	si := r.sentenceOf(off)
	end := off
	for k := si; k >= 0 && k > si-6; k-- {
		s := r.d.Sentences[k]
		for _, m := range r.mentionsIn(s.Start, end) {
			if m.kind == doc.MentionHashtag || r.runAt(m.start) >= 0 || possessive(r.body, m.end) {
				continue
			}
			if r.fits(m.ent, g) {
				return m.ent, m.start
			}
		}
		end = s.Start
	}
	i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= off })
	for i--; i >= 0; i-- {
		if m := r.ments[i]; m.kind != doc.MentionHashtag && r.runAt(m.start) < 0 && r.fits(m.ent, g) {
			return m.ent, -1
		}
	}
	return -1, -1
}

// subjectAt reports whether the mention starting at off is its sentence's
// subject: no finite verb outside quotation marks comes before it.
func (r *runner) subjectAt(off int) bool {
	si := r.sentenceOf(off)
	s := r.d.Sentences[si]
	for i := s.First; i < s.Last && r.d.Tokens[i].Start < off; i++ {
		if r.finite(i) && !r.inRun(i) && !r.attributive(i, s.First) {
			return false
		}
	}
	return true
}

// attributive reports whether a past form at token i qualifies the noun
// after it rather than being a verb: "retired farmer", "jailed activist".
func (r *runner) attributive(i, first int) bool {
	if r.tag(i) != "VBD" && r.tag(i) != "VBN" || i+1 >= len(r.d.Tokens) || !strings.HasPrefix(r.tag(i+1), "NN") {
		return false
	}
	if i == first {
		return true
	}
	switch r.tag(i - 1) {
	case ",", "DT", "PRP$", "JJ", "CC":
		return true
	}
	return r.text(i-1) == ","
}

// antecedent resolves a pronoun or description at off: the first fitting
// mention (the subject) of the nearest sentence naming one, looking first
// at the words of off's own sentence before it, then back up to five
// sentences. Mentions in quotation marks and possessives are passed over.
func (r *runner) antecedent(off int, types ...string) int {
	ei, _ := r.antecedentAt(off, types...)
	return ei
}

// antecedentAt is antecedent that also tells where the mention starts.
func (r *runner) antecedentAt(off int, types ...string) (int, int) {
	si := r.sentenceOf(off)
	end := off
	for k := si; k >= 0 && k > si-6; k-- {
		s := r.d.Sentences[k]
		for _, m := range r.mentionsIn(s.Start, end) {
			if m.kind == doc.MentionHashtag || r.runAt(m.start) >= 0 || possessive(r.body, m.end) {
				continue
			}
			for _, t := range types {
				if r.d.Entities[m.ent].Type == t {
					return m.ent, m.start
				}
			}
		}
		end = s.Start
	}
	return r.nearest(off, types...), -1
}

// mentionsIn returns the mentions lying wholly inside [s, e).
func (r *runner) mentionsIn(s, e int) []ment {
	i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= s })
	var out []ment
	for ; i < len(r.ments) && r.ments[i].start < e; i++ {
		if r.ments[i].end <= e {
			out = append(out, r.ments[i])
		}
	}
	return out
}

// nearest returns the entity of the closest mention before off whose type
// is one of types, skipping words in quotation marks; -1 when none.
func (r *runner) nearest(off int, types ...string) int {
	i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= off })
	for i--; i >= 0; i-- {
		m := r.ments[i]
		if m.kind == doc.MentionHashtag || r.runAt(m.start) >= 0 {
			continue
		}
		t := r.d.Entities[m.ent].Type
		for _, want := range types {
			if t == want {
				return m.ent
			}
		}
	}
	return -1
}

// titlePerson resolves a title used alone, its fullest form phrase ("the secretary of state said")
// to the person holding it: one whose role names it, else one the article
// named next to that title ("Secretary of State Mike Pompeo", "Mr. X's
// lawyer, Thierry Herzog"), else the nearest person.
func (r *runner) titlePerson(phrase, title string, off int) int {
	if ei := r.byRole(phrase, off); ei >= 0 {
		return ei
	}
	if ei := r.byRole(title, off); ei >= 0 {
		return ei
	}
	if ei := r.namedWith(phrase, off); ei >= 0 {
		return ei
	}
	if phrase != title {
		if ei := r.namedWith(title, off); ei >= 0 {
			return ei
		}
	}
	// Names in the clause a title closes ("S, the mayor said") are what
	// was said, not who said it: look before the sentence.
	return r.nearest(r.d.Sentences[r.sentenceOf(off)].Start, doc.PERSON)
}

// namedWith finds the person the article named next to the words of title
// last before off: "District Attorney Kathleen Rice", "Herzog, the lawyer".
func (r *runner) namedWith(title string, off int) int {
	words := strings.Fields(title)
	last := words[len(words)-1]
	for i := r.d.TokenAt(off) - 1; i >= 0; i-- {
		if r.lower(i) != last || r.inRun(i) || !r.precededBy(i, words) {
			continue
		}
		t := r.d.Tokens[i]
		if m, ok := r.d.MentionAt(t.Start); ok && r.d.Entities[m.Entity].Type == doc.PERSON {
			return m.Entity
		}
		for _, m := range r.mentionsIn(t.End, min(t.End+32, len(r.body))) {
			if r.d.Entities[m.ent].Type == doc.PERSON && titleGap(r.body[t.End:m.start]) {
				return m.ent
			}
		}
		if i+1 < len(r.d.Tokens) && r.tag(i+1) == "NNP" {
			// "District Attorney Kathleen Rice", a name the entity
			// stage did not mark there.
			j := i + 1
			for j < len(r.d.Tokens) && j < i+5 && r.tag(j) == "NNP" {
				j++
			}
			if ei := r.bySurname(i+1, j, false); ei >= 0 && r.d.Entities[ei].Type == doc.PERSON {
				return ei
			}
		}
		first := r.d.Tokens[i-len(words)+1].Start
		best := -1
		for _, m := range r.mentionsIn(max(first-48, 0), first) {
			if r.d.Entities[m.ent].Type == doc.PERSON && titleGap(r.body[m.end:first]) {
				best = m.ent
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// namedAhead finds the person an indefinite title ("a transit chief")
// introduces before naming them: a name right after the same title word
// in the next three sentences of the paragraph or the next one.
func (r *runner) namedAhead(title string, off int) int {
	si := r.sentenceOf(off)
	para := r.d.Sentences[si].Para
	for k := si + 1; k < len(r.d.Sentences) && k <= si+3 && r.d.Sentences[k].Para <= para+1; k++ {
		s := r.d.Sentences[k]
		for i := s.First; i+1 < s.Last; i++ {
			if r.lower(i) != title || r.inRun(i) || r.tag(i+1) != "NNP" {
				continue
			}
			j := i + 1
			for j < s.Last && r.tag(j) == "NNP" {
				j++
			}
			if ei := r.bySurname(i+1, j, false); ei >= 0 && r.d.Entities[ei].Type == doc.PERSON {
				return ei
			}
		}
	}
	return -1
}

// titleGap reports whether gap, the text between a title and a name, keeps
// them in one phrase: "Attorney Kathleen Rice", "Secretary of State Mike
// Pompeo", "Herzog, the lawyer", "lawyer, Thierry Herzog".
func titleGap(gap string) bool {
	for _, w := range strings.Fields(strings.ReplaceAll(gap, ",", " ")) {
		switch w {
		case "the", "a", "an", "of", "for":
			continue
		}
		if c := w[0]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return strings.Count(gap, ",") <= 1
}

// precededBy reports whether the tokens ending at i spell words.
func (r *runner) precededBy(i int, words []string) bool {
	for k := len(words) - 1; k >= 0; k, i = k-1, i-1 {
		if i < 0 || r.lower(i) != words[k] {
			return false
		}
	}
	return true
}

// byRole returns the person whose role holds title and who was named last
// before off, or -1.
func (r *runner) byRole(title string, off int) int {
	best := -1
	for _, m := range r.ments {
		if m.start >= off {
			break
		}
		e := r.d.Entities[m.ent]
		if e.Type == doc.PERSON && strings.Contains(strings.ToLower(e.Role), title) {
			best = m.ent
		}
	}
	return best
}

// orgWith resolves a group named by a plural ("the analysts said") to the
// organisation named next to the same word before off ("Deutsche Bank
// released an analysts' note", "analysts at Deutsche Bank"), or -1.
func (r *runner) orgWith(word string, off int) int {
	for i := r.d.TokenAt(off) - 1; i >= 0; i-- {
		if r.lower(i) != word || r.inRun(i) {
			continue
		}
		t := r.d.Tokens[i]
		s := r.d.Sentences[r.sentenceOf(t.Start)]
		best, dist := -1, 41
		for _, m := range r.mentionsIn(max(t.Start-40, s.Start), min(t.End+40, s.End)) {
			e := r.d.Entities[m.ent]
			if e.Type != doc.ORG && e.Type != doc.GROUP {
				continue
			}
			d := t.Start - m.end
			if m.start >= t.End {
				d = m.start - t.End
			}
			if d < dist {
				best, dist = m.ent, d
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// speakingOrg finds the organisation a spokesperson or official speaks
// for: the first organisation of the nearest sentence naming one, passing
// over those spoken to ("told NBC News", "emailed to CNN") and news media.
func (r *runner) speakingOrg(off int) int {
	si := r.sentenceOf(off)
	end := off
	for k := si; k >= 0 && k > si-6; k-- {
		s := r.d.Sentences[k]
		for _, m := range r.mentionsIn(s.Start, end) {
			e := r.d.Entities[m.ent]
			if e.Type != doc.ORG || e.Sector == "MED" || r.runAt(m.start) >= 0 {
				continue
			}
			if i := r.d.TokenAt(m.start); i > 0 {
				if w := r.lower(i - 1); w == "to" || w == "told" || w == "with" || w == "by" {
					continue
				}
			}
			return m.ent
		}
		end = s.Start
	}
	return -1
}

// titleOrg resolves "the agency", "the ministry", "police" to the nearest
// organisation whose name holds the word, else the nearest organisation.
func (r *runner) titleOrg(word string, a, b, off int) int {
	i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].start >= off })
	for j := i - 1; j >= 0 && word != ""; j-- {
		e := r.d.Entities[r.ments[j].ent]
		if e.Type == doc.ORG && strings.Contains(strings.ToLower(e.Name), word) {
			return r.ments[j].ent
		}
	}
	if g := r.demonymIn(a, b); g >= 0 {
		return g // "the German development ministry": Germany speaks
	}
	if word == "government" || word == "ministry" || word == "administration" {
		// A government body the article does not name speaks for its state.
		return r.nearest(off, doc.GPE, doc.ORG)
	}
	return r.nearest(off, doc.ORG, doc.GROUP)
}

// demonymIn returns the state a national adjective in tokens [a, b) names
// ("German", "Sudanese", "Israeli"): the place entity whose name begins
// like it, at least four letters alike. -1 when there is none.
func (r *runner) demonymIn(a, b int) int {
	for i := a; i < b; i++ {
		w := r.text(i)
		if len(w) < 4 || w[0] < 'A' || w[0] > 'Z' || r.tag(i) != "JJ" && r.tag(i) != "NNP" && r.tag(i) != "NNPS" {
			continue
		}
		best, bestLen := -1, 3
		for ei, e := range r.d.Entities {
			if e.Type != doc.GPE {
				continue
			}
			if n := commonPrefix(w, e.Name); n > bestLen && n >= len(e.Name)-2 {
				best, bestLen = ei, n
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// issuer finds who a document speaks for ("the statement reads"): looking
// back from off, the author of the last "statement by X", "X's letter" or
// "a CBP statement", else the speaker of a cue said in one, else the
// nearest organisation.
func (r *runner) issuer(off int) int {
	first := r.d.Sentences[max(r.sentenceOf(off)-3, 0)].First
	for i := r.d.TokenAt(off) - 1; i >= first; i-- {
		if !r.q.nouns[r.lower(i)] || r.inRun(i) {
			continue
		}
		if ei := r.authorOf(i); ei >= 0 {
			return ei
		}
	}
	for i := len(r.cues) - 1; i >= 0; i-- {
		if r.cues[i].start < off && r.cues[i].start >= r.d.Tokens[first].Start &&
			r.cues[i].channel == "statement" && r.cues[i].speaker >= 0 {
			return r.cues[i].speaker
		}
	}
	// A statement nobody was said to issue comes from whoever spoke last.
	for i := len(r.cues) - 1; i >= 0; i-- {
		if r.cues[i].start < off && r.cues[i].start >= r.d.Tokens[first].Start && r.cues[i].speaker >= 0 {
			return r.cues[i].speaker
		}
	}
	return -1
}

// authorOf returns the author of the document noun at token i: "statement
// by X", "statement from X", "X's statement", "a CBP statement".
func (r *runner) authorOf(i int) int {
	by := i + 1
	if by+2 < len(r.d.Tokens) && r.text(by) == "," && r.tag(by+1) == "VBN" {
		by += 2 // "the report, published by the World Bank"
	}
	if by+1 < len(r.d.Tokens) && (r.lower(by) == "by" || r.lower(by) == "from") {
		j := by + 1
		for j < len(r.d.Tokens) && !r.boundary(j) && !strings.HasPrefix(r.tag(j), "VB") && r.lower(j) != "that" {
			j++
		}
		if ei := r.resolve(by+1, j, false); ei >= 0 {
			return ei
		}
	}
	// "Deutsche Bank released an analysts' note": the releaser.
	v := i - 1
	for v >= 0 && v > i-5 && (isNounish(r.tag(v)) || r.tag(v) == "POS") {
		v--
	}
	if v >= 0 && releases[r.lower(v)] {
		s := r.d.Sentences[r.sentenceOf(r.d.Tokens[v].Start)]
		if ei := r.firstActor(s.Start, r.d.Tokens[v].Start); ei >= 0 {
			return ei
		}
	}
	start := r.d.Tokens[i].Start
	j := i - 1
	for j >= 0 && j > i-4 && (r.tag(j) == "JJ" || r.tag(j) == "POS" || strings.HasPrefix(r.tag(j), "NN")) {
		j--
	}
	if j+1 < i {
		for _, m := range r.mentionsIn(r.d.Tokens[j+1].Start, start) {
			if r.isActor(m.ent) {
				return m.ent
			}
		}
	}
	return -1
}

// keeper finds the body whose name holds a noun that qualifies the
// document at token i ("prison records", "court documents"): the
// organisation with that word, singular or plural, in its name.
func (r *runner) keeper(a, i int) int {
	for j := a; j < i; j++ {
		if r.tag(j) != "NN" && r.tag(j) != "NNS" {
			continue
		}
		w := strings.TrimSuffix(r.lower(j), "s")
		for ei, e := range r.d.Entities {
			if e.Type != doc.ORG {
				continue
			}
			for _, n := range strings.Fields(strings.ToLower(e.Name)) {
				if strings.TrimSuffix(n, "s") == w {
					return ei
				}
			}
		}
	}
	return -1
}

// releases are the verbs by which someone puts out a document.
var releases = map[string]bool{
	"released": true, "issued": true, "published": true, "sent": true,
	"posted": true, "wrote": true, "filed": true, "releases": true, "issues": true,
}

// firstActor returns the first entity named in body[s:e] outside quotation
// marks, not as a possessive: the subject of a narrative sentence. A
// leading pronoun is resolved instead.
func (r *runner) firstActor(s, e int) int {
	for _, m := range r.mentionsIn(s, e) {
		if r.isActor(m.ent) && m.kind != doc.MentionHashtag && r.runAt(m.start) < 0 && !possessive(r.body, m.end) {
			return m.ent
		}
	}
	if i := r.d.TokenAt(s); i >= 0 {
		switch r.lower(i) {
		case "he", "she":
			return r.personPronoun(s, pronounGender(r.lower(i)))
		case "they", "we":
			return r.nearest(s, doc.GROUP, doc.ORG, doc.GPE, doc.PERSON)
		}
	}
	return -1
}
