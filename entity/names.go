package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle/chronicle/doc"
)

// context is what the words before a name say about it: a country
// pre-modifier, a title, an honorific.
type context struct {
	country string
	t       *title
	tStart  int // word index where the title began, or -1
	tEnd    int
	honor   bool
	gender  byte
	backed  bool // "Iran-backed": a modifier of a group, not a country of origin
}

var honorifics = map[string]byte{
	"Mr": 'm', "Mr.": 'm', "Mrs": 'f', "Mrs.": 'f', "Ms": 'f', "Ms.": 'f', "Miss": 'f',
	"Dr": 0, "Dr.": 0, "Sir": 'm', "Dame": 'f', "Lord": 'm', "Lady": 'f',
}

var connectors = map[string]bool{
	"of": true, "for": true, "de": true, "du": true, "da": true, "del": true, "della": true,
	"la": true, "le": true, "van": true, "von": true, "der": true, "bin": true, "ibn": true,
	"al": true, "el": true, "y": true,
}

var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "wrote": true, "tweeted": true,
	"asked": true, "stated": true, "explained": true, "noted": true, "argued": true,
	"insisted": true, "warned": true, "announced": true, "replied": true, "claimed": true,
}

var placePreps = map[string]bool{
	"in": true, "at": true, "from": true, "near": true, "to": true, "into": true,
	"outside": true, "across": true, "around": true, "through": true, "via": true, "toward": true,
	"towards": true, "throughout": true, "inside": true,
}

// names reads proper names, titles used alone and groups, left to right,
// so that each later mention can join an entity named before it.
func (st *state) names() {
	for i := 0; i < len(st.ws); {
		w := st.ws[i]
		switch {
		case st.used[i] || w.Punct:
			i++
		case st.capWord(i):
			i = st.run(i)
		default:
			i = st.lowerWord(i)
		}
	}
}

// capWord reports whether word i can be part of a proper name.
func (st *state) capWord(i int) bool {
	w := st.ws[i]
	if w.Punct {
		return false
	}
	if w.Cap {
		return true
	}
	// al-Mahdi, el-Sisi, bin Salman's particles before a capital
	for _, p := range []string{"al-", "el-", "ad-", "as-", "an-"} {
		if strings.HasPrefix(w.Text, p) && len(w.Text) > len(p) {
			r, _ := utf8.DecodeRuneInString(w.Text[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// runEnd returns the end of the run of capitalised words (with connectors
// such as "of" between them) that starts at i.
func (st *state) runEnd(i int) int {
	sent := st.ws[i].Sent
	j := i + 1
	for j < len(st.ws) {
		w := st.ws[j]
		if w.Sent != sent || st.used[j] || w.Punct || w.Start-st.ws[j-1].End > 1 {
			break
		}
		if st.capWord(j) {
			j++
			continue
		}
		if isPossessive(w.Text) && w.Start == st.ws[j-1].End && j+1 < len(st.ws) && st.ws[j+1].Sent == sent && st.isHead(j+1) {
			j += 2 // "U.S. Attorney's Office", "Sheriff's Department"
			continue
		}
		if (w.Text == "and" || w.Text == "&") && j+1 < len(st.ws) && st.ws[j+1].Sent == sent && st.capWord(j+1) && !st.used[j+1] {
			j += 2 // kept only when an organisation's head ends the run
			continue
		}
		if connectors[w.Text] {
			k := j + 1
			if w.Text == "of" && k < len(st.ws) && st.ws[k].Text == "the" {
				k++
			}
			if k < len(st.ws) && st.ws[k].Sent == sent && !st.used[k] && st.capWord(k) && !st.ws[k].First {
				j = k + 1
				continue
			}
		}
		break
	}
	return j
}

// text returns the body text of words [a, b).
func (st *state) text(a, b int) string {
	return st.d.Article.Body[st.ws[a].Start:st.ws[b-1].End]
}

// opener reports whether the capitalised word at i is only capitalised
// because it opens a sentence, or is a word that is never a name.
func (st *state) opener(i int) bool {
	w := st.ws[i]
	if st.lx.stop[w.Text] {
		return true
	}
	if !w.First {
		return false
	}
	if st.findPerson(nameParts(w.Text)) != nil {
		return false // "Wilkins observed", however it is tagged
	}
	if n, _ := st.lookup(i); n > 0 {
		return false
	}
	if _, ok := st.lx.given[w.Text]; ok {
		return false
	}
	if i+1 < len(st.ws) && st.ws[i+1].Sent == w.Sent && syllabicGiven(st.ws[i+1].Text) {
		return false // "Yau Wai-ching defeated"
	}
	if _, ok := st.lx.demonyms[w.Text]; ok {
		return false
	}
	if _, ok := st.lx.modifiers[w.Text]; ok {
		return false
	}
	if _, ok := honorifics[w.Text]; ok {
		return false
	}
	if n, _ := st.titleAt(i); n > 0 && i+n < len(st.ws) && (st.capWord(i+n) || isPossessive(st.ws[i+n].Text)) {
		return false // "Foreign Minister Claire Dumont arrived", "Prime Minister's office"
	}
	low := strings.ToLower(w.Text)
	if st.lower[low] {
		return true
	}
	if st.lx.english[low] && st.findPerson([]string{low}) == nil {
		return true
	}
	return !strings.HasPrefix(w.Tag, "NNP") && st.lx.demonyms[w.Text] == ""
}

// lookup finds the longest lexicon name starting at word i, within its
// sentence. It returns the number of words and the entry.
func (st *state) lookup(i int) (int, *known) {
	max := st.lx.maxWords
	var b strings.Builder
	bestN, best := 0, (*known)(nil)
	for n := 1; n <= max && i+n <= len(st.ws); n++ {
		w := st.ws[i+n-1]
		if w.Sent != st.ws[i].Sent || st.used[i+n-1] || (w.Punct && w.Text != "&") {
			break
		}
		if n > 1 && w.Start > st.ws[i+n-2].End {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ReplaceAll(w.Text, "’", "'"))
		if !st.capWord(i + n - 1) {
			continue
		}
		if k, ok := st.lx.names[b.String()]; ok {
			bestN, best = n, k
		}
	}
	if best == nil && st.isAllCaps(i) {
		t := st.ws[i].Text
		if k, ok := st.lx.names[t[:1]+strings.ToLower(t[1:])]; ok && k.Type == doc.GPE {
			return 1, k
		}
	}
	return bestN, best
}

func (st *state) isAllCaps(i int) bool {
	t := st.ws[i].Text
	if len(t) < 2 {
		return false
	}
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// titleAt returns the length in words of the longest title starting at i.
func (st *state) titleAt(i int) (int, *title) {
	if i >= len(st.ws) || !st.lx.firsts[st.ws[i].Lower] {
		return 0, nil
	}
	var b strings.Builder
	bestN, best := 0, (*title)(nil)
	for n := 1; n <= 5 && i+n <= len(st.ws); n++ {
		w := st.ws[i+n-1]
		if w.Sent != st.ws[i].Sent || w.Punct {
			break
		}
		if n > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Lower)
		if t, ok := st.lx.titles[b.String()]; ok {
			bestN, best = n, t
		}
	}
	return bestN, best
}

// twoNames reports whether the run [i, j) with "and" at k names two
// things rather than one body ("Customs and Border Protection",
// "Department of Health and Human Services").
func (st *state) twoNames(i, k, j int) bool {
	if _, given := st.lx.given[st.ws[k+1].Text]; given && j-k-1 <= 3 && !st.isHead(j-1) {
		return true // "the Department of Homeland Security and Alex Azar"
	}
	if _, _, ok := st.headOf(i, j); !ok {
		return true
	}
	_, _, first := st.headOf(i, k)
	if !first {
		return false
	}
	return st.ofAt(i, k) < 0 || st.ofAt(k+1, j) >= 0
}

// isHead reports whether word i is a head word of organisation names.
func (st *state) isHead(i int) bool {
	_, ok := st.lx.heads[st.ws[i].Text]
	return ok
}

// headOf returns the head word of the name in words [a, b): the word before
// the first "of" ("Department of State"), else the last word.
func (st *state) headOf(a, b int) (string, head, bool) {
	for i := a + 1; i < b; i++ {
		if st.ws[i].Text == "for" {
			if w := st.ws[i-1].Text; st.isHead(i - 1) {
				return w, st.lx.heads[w], true // "Centre for Disease Control"
			}
		}
		if st.ws[i].Text == "of" {
			w := st.ws[i-1].Text
			h, ok := st.lx.heads[w]
			return w, h, ok
		}
	}
	w := st.ws[b-1].Text
	if b-a >= 2 {
		two := st.ws[b-2].Text + " " + w
		if h, ok := st.lx.heads[two]; ok {
			return two, h, true
		}
	}
	h, ok := st.lx.heads[w]
	return w, h, ok
}

// run reads the capitalised run starting at i and returns the index after
// what it consumed.
func (st *state) run(i int) int {
	j := st.runEnd(i)
	for k := i + 1; k < j; k++ {
		if t := st.ws[k].Text; t == "and" || t == "&" {
			if st.twoNames(i, k, j) {
				j = k // "Israel and Turkey", "MIT and Colorado State University"
			}
			break
		}
	}
	if low := strings.ToLower(st.ws[i].Text); j == i+1 && st.ws[i].First {
		if _, ok := st.lx.groups[low]; ok { // "Police said ..."
			st.groupMention(i, 1, low)
			return j
		}
	}
	c := context{tStart: -1}
	pos := i
	named := false
	for pos < j {
		if !st.capWord(pos) { // a connector left over: "President of Cyprus"
			if st.ws[pos].Text == "of" && c.t != nil && pos+1 < j {
				if n, k := st.lookup(pos + 1); n > 0 && k.Nation {
					st.add(st.countryEnt(k.Country), pos+1, pos+1+n, doc.MentionName)
					c.country = k.Country
					c.tEnd = pos + 1 + n
					pos += 1 + n
					continue
				}
				if c.tEnd == pos {
					// "Director of the Iodine Study": what follows the
					// title's "of" is its body, not the person
					if !named {
						st.titleMention(c.tStart, c.tEnd, c.t, c.country, true)
					}
					c = context{tStart: -1, country: c.country}
					named = true
				}
			}
			pos++
			continue
		}
		if pos == i && st.opener(pos) || st.lx.stop[st.ws[pos].Text] {
			pos++
			continue
		}
		if g, ok := honorifics[st.ws[pos].Text]; ok && pos+1 < j {
			c.honor, c.gender = true, g
			pos++
			continue
		}
		if n, k := st.lookup(pos); n > 0 && !(n == 1 && !k.Nation && k.Type == doc.GPE && st.findPerson(nameParts(st.ws[pos].Text)) != nil) {
			if _, h, ok := st.headOf(pos, j); ok && pos+n < j && k.Type != doc.PERSON {
				st.org(pos, j, h, c) // "US Embassy", "Ohio Attorney's Office"
				return j
			}
			if c.t != nil && c.tEnd == pos && pos+n < j && k.Type != doc.PERSON {
				st.person(pos, j, c, nil) // "Prime Minister Jordan Haddad"
				return j
			}
			if n == 1 && k.Type != doc.PERSON && pos+1 < j && st.givenBeforeName(pos, j) {
				st.person(pos, st.nameEnd(pos, j), c, nil) // "Chad Wolf"
				return j
			}
			if k.Type == doc.PERSON {
				st.person(pos, pos+n, c, k)
				named = true
				pos += n
				continue
			}
			if end := st.section(pos, n, j, k); end > pos {
				named = true
				pos = end
				continue
			}
			if k.Nation || k.Type == doc.GPE {
				if tn, _ := st.titleAt(pos + n); tn > 0 && pos+n < j {
					st.known(pos, pos+n, k)
					c.country = k.Country
					pos += n
					continue
				}
			}
			st.known(pos, pos+n, k)
			named = true
			if pos+n > j {
				return pos + n
			}
			pos += n
			continue
		}
		w := st.ws[pos]
		if code, ok := st.lx.demonyms[w.Text]; ok {
			if _, h, ok := st.headOf(pos, j); ok && pos+1 < j {
				if tn, _ := st.titleAt(pos + 1); tn == 0 {
					c.country = code
					st.org(pos, j, h, c)
					return j
				}
			}
			if c.country == "" {
				c.country = code
			}
			pos++
			continue
		}
		if code, ok := st.lx.modifiers[w.Text]; ok && pos+1 < j {
			if _, h, ok := st.headOf(pos, j); ok {
				c.country = code
				st.org(pos, j, h, c)
				return j
			}
			if c.country == "" {
				c.country = code
			}
			pos++
			continue
		}
		if backedModifier(w.Text) {
			c.backed = true
			pos++
			continue
		}
		if n, t := st.titleAt(pos); n > 0 && (pos+n <= j) {
			if _, h, ok := st.headOf(pos, j); ok && pos+n < j {
				st.org(pos, j, h, c)
				return j
			}
			c.t = t
			c.tStart, c.tEnd = pos, pos+n
			pos += n
			continue
		}
		st.core(pos, j, c)
		named = true
		pos = j
	}
	if !named && c.t != nil && c.tStart >= 0 {
		st.titleMention(c.tStart, c.tEnd, c.t, c.country, true)
	}
	return j
}

// section reads the national branch of an international body: a country
// name just before or after the body's name ("Kenya Red Cross", "Amnesty
// International Kenya") makes one organisation of that country, so that
// the country alone is not taken for the one who speaks or acts. The
// lexicon entry k spans n words from pos within the run ending at j; it
// returns the index after the branch's name, or pos when there is none.
func (st *state) section(pos, n, j int, k *known) int {
	if pos+n >= j {
		return pos
	}
	m, next := st.lookup(pos + n)
	if m == 0 || pos+n+m > j {
		return pos
	}
	body, country := k, ""
	switch {
	case k.Nation && next.Type == doc.ORG && st.international(next):
		body, country = next, k.Country
	case next.Nation && k.Type == doc.ORG && st.international(k) && pos+n+m == j:
		country = next.Country
	default:
		return pos
	}
	end := pos + n + m
	name := st.text(pos, end)
	e := st.entity("O:"+name, ent{Entity: doc.Entity{Name: name, Type: doc.ORG, Country: country, Sector: body.Sector}})
	st.add(e, pos, end, doc.MentionName)
	return end
}

// international reports whether a lexicon body belongs to no one country
// (an IGO or NGO code, or none), the kind that has national branches.
func (st *state) international(k *known) bool {
	_, national := st.lx.countries[k.Country]
	return !national
}

func backedModifier(s string) bool {
	for _, suf := range []string{"-backed", "-led", "-based", "-aligned", "-allied", "-supported", "-sponsored", "-linked", "-affiliated", "-funded"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// countryEnt returns the entity of a country.
func (st *state) countryEnt(code string) *ent {
	k := st.lx.countries[code]
	name := code
	if k != nil {
		name = k.Name
	}
	return st.entity("C:"+code, ent{Entity: doc.Entity{Name: name, Type: doc.GPE, Country: code}, nation: true})
}

// known adds a mention of a lexicon entry over words [a, b).
func (st *state) known(a, b int, k *known) {
	switch {
	case k.Nation:
		st.add(st.countryEnt(k.Country), a, b, doc.MentionName)
	case k.Capital && st.metonymic(a, b):
		e := st.countryEnt(k.Country)
		e.metonym = true
		st.add(e, a, b, doc.MentionName)
	default:
		e := st.entity("K:"+k.Name, ent{Entity: doc.Entity{Name: k.Name, Type: k.Type, Country: k.Country, Sector: k.Sector}, head: st.lx.headWord(k.Name)})
		st.add(e, a, b, doc.MentionName)
	}
}

// headWord returns the lower-case head word of a body's name: the word
// before "of" ("Department of State"), else the last word, when it is a
// head word of the lexicon; else "".
func (lx *lexicon) headWord(name string) string {
	ws := strings.Fields(name)
	w := ""
	for i := 1; i < len(ws); i++ {
		if ws[i] == "of" {
			w = ws[i-1]
			break
		}
	}
	if w == "" && len(ws) > 0 {
		w = ws[len(ws)-1]
	}
	if _, ok := lx.heads[w]; !ok {
		return ""
	}
	return strings.ToLower(w)
}

// metonymic reports whether a capital at words [a, b) acts, and so stands
// for its government ("Tehran denied", "dismissed by Tehran", "Moscow's
// response"), rather than being a place ("in Tehran").
func (st *state) metonymic(a, b int) bool {
	if a > 0 && st.ws[a-1].Sent == st.ws[a].Sent {
		p := strings.ToLower(st.ws[a-1].Text)
		if placePreps[p] {
			return false
		}
		if p == "by" || p == "and" && b < len(st.ws) && strings.HasPrefix(st.ws[b].Tag, "VB") {
			return true
		}
	}
	if b < len(st.ws) && st.ws[b].Sent == st.ws[a].Sent {
		n := st.ws[b]
		if isPossessive(n.Text) || n.Tag == "MD" || strings.HasPrefix(n.Tag, "VB") && !st.ws[a].First {
			return true
		}
		if (n.Text == "and" || n.Text == "or") && b+2 < len(st.ws) && st.ws[b+1].Cap && strings.HasPrefix(st.ws[b+2].Tag, "VB") {
			return true // "Paris and Nairobi agreed"
		}
		if strings.HasPrefix(n.Tag, "VB") && st.ws[a].First {
			return n.Tag != "VBN"
		}
	}
	return false
}

// core classifies the name in words [a, b) once modifiers and titles are
// read off.
func (st *state) core(a, b int, c context) {
	if _, h, ok := st.headOf(a, b); ok {
		if _, given := st.lx.given[st.ws[a].Text]; given && b-a <= 3 && (h.Type == doc.GPE || h.Type == doc.LOC) {
			st.person(a, b, c, nil) // "Marc Lamont Hill"
			return
		}
		st.org(a, b, h, c)
		return
	}
	for k := a + 1; k < b-1; k++ { // "Employee Steve Castro"
		if _, ok := st.lx.given[st.ws[k].Text]; ok {
			if st.allEnglish(a, k) {
				a = k
			}
			break
		}
		if n, t := st.titleAt(k); n > 0 && k+n < b && st.allEnglish(a, k) && c.t == nil {
			c.t, c.tStart, c.tEnd = t, k, k+n // "Shadow Home Secretary Yvette Cooper"
			a = k + n
			break
		}
	}
	if c.t == nil && c.tStart < 0 {
		if t, ts := st.titleBefore(a); t != nil {
			c.t, c.tStart, c.tEnd = t, ts, a
			if c.country == "" {
				c.country = st.countryBefore(ts)
			}
		}
	}
	if st.lx.stop[st.text(a, b)] {
		return
	}
	if _, ok := st.lx.modifiers[st.text(a, b)]; ok {
		return
	}
	if h, ok := st.kindBefore(a); ok && c.t == nil && !c.honor && st.properRun(a, b) && st.findPerson(nameParts(st.text(a, b))) == nil {
		if e := st.matchOrg(a, b); e != nil {
			st.add(e, a, b, doc.MentionName)
			return
		}
		st.cuedOrg(a, b, c) // "the company Hitwise", "security firm Secunia"
		if e := st.owner[a]; e.Sector == "" {
			e.Sector = h.Sector
		}
		return
	}
	if k := st.ofAt(a, b); k > a && b-a > 2 {
		st.core(a, k, c) // "Leung Kwok-hung of LSD": a person, then a body
		st.run(k + 1)
		if p := st.owner[k-1]; p != nil && p.Type == doc.PERSON && !st.used[k+1] && st.owner[k+1] == nil {
			end := st.runEnd(k + 1)
			if st.properRun(k+1, end) && !st.placeName(k+1, end) {
				st.cuedOrg(k+1, end, c) // "Raymond Chan of People Power"
			}
		}
		return
	}
	first := st.ws[a].Text
	_, given := st.lx.given[first]
	switch {
	case c.t != nil || c.honor:
		st.person(a, b, c, nil)
		return
	case b-a >= 2 && given:
		st.person(a, st.nameEnd(a, b), c, nil)
		return
	}
	if b-a >= 2 {
		if e := st.findPerson(nameParts(first)); e != nil && !st.ws[a].First {
			st.add(e, a, a+1, doc.MentionName) // "Warhol Polaroids"
			return
		}
	}
	if e := st.matchPerson(a, b); e != nil {
		st.add(e, a, b, doc.MentionName)
		return
	}
	if e := st.matchOrg(a, b); e != nil {
		st.add(e, a, b, doc.MentionName)
		return
	}
	if b-a == 1 {
		if ks := st.lx.surnames[first]; len(ks) == 1 && st.mentionsCountry(ks[0].Country) {
			st.person(a, b, c, ks[0])
			return
		}
	}
	if b-a == 1 && given && !st.lx.english[strings.ToLower(first)] && c.country == "" {
		st.person(a, b, c, nil) // "Gloria"
		return
	}
	if st.acronym(a, b) && !(b < len(st.ws) && st.ws[b].Tag == "NNS" && !st.ws[b].Cap) {
		e := st.entity("O:"+first, ent{Entity: doc.Entity{Name: first, Type: doc.ORG, Country: c.country}})
		st.add(e, a, b, doc.MentionName)
		return
	}
	if b-a <= 3 && b+1 < len(st.ws) && st.ws[b].Text == "," && st.ws[b+1].Sent == st.ws[a].Sent {
		if n, k := st.lookup(b + 1); n > 0 && k.Type == doc.GPE && k.Country != "" && !k.Capital && st.findPerson(nameParts(st.text(a, b))) == nil && st.closes(b+1+n) {
			name := st.text(a, b) // "Massapequa, New York"
			e := st.entity("P:"+name, ent{Entity: doc.Entity{Name: name, Type: doc.GPE, Country: k.Country}})
			st.add(e, a, b, doc.MentionName)
			return
		}
	}
	if b-a == 2 && syllabicGiven(st.ws[a+1].Text) && len(first) <= 6 && st.plainCaps(a, a+1) {
		st.person(a, b, c, nil) // "Yau Wai-ching", "Moon Jae-in"
		return
	}
	if !st.properRun(a, b) {
		return
	}
	if st.hometown(a) && st.findPerson(nameParts(st.text(a, b))) == nil {
		name := st.text(a, b) // "Ryan Hollman, 31, of Hope"
		e := st.entity("P:"+name, ent{Entity: doc.Entity{Name: name, Type: doc.GPE, Country: c.country}})
		st.add(e, a, b, doc.MentionName)
		return
	}
	if e := st.byKey["O:"+st.text(a, b)]; e != nil {
		st.add(e, a, b, doc.MentionName) // a body named before by a cue
		return
	}
	if st.orgCue(a, b) && st.findPerson(nameParts(st.text(a, b))) == nil && !given {
		st.cuedOrg(a, b, c)
		return
	}
	next := ""
	if b < len(st.ws) && st.ws[b].Sent == st.ws[a].Sent {
		next = st.ws[b].Text
	}
	switch {
	case speechVerbs[next] && b-a <= 4 || b-a >= 2 && b-a <= 3 && st.ageAfter(b):
		st.person(a, b, c, nil)
	case b-a >= 2 && b-a <= 3 && !st.lx.english[strings.ToLower(st.ws[b-1].Text)] && !st.lx.english[strings.ToLower(first)] && !placePrefixes[first] && st.ws[b-1].Tag != "NNPS" && st.plainCaps(a, b) && !st.determined(a):
		st.person(a, b, c, nil)
	case a > 0 && st.placeAfter(a-1, b-a) && st.ws[a-1].Sent == st.ws[a].Sent && !st.lx.english[strings.ToLower(first)] && !(b < len(st.ws) && isPossessive(st.ws[b].Text)):
		name := st.text(a, b)
		e := st.entity("P:"+name, ent{Entity: doc.Entity{Name: name, Type: doc.GPE, Country: c.country}})
		st.add(e, a, b, doc.MentionName)
	}
}

// syllabicGiven reports whether w has the shape of a Chinese or Korean
// given name of two syllables joined by a hyphen: "Wai-ching", "Jae-in".
func syllabicGiven(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok || len(a) < 2 || len(a) > 5 || len(b) < 2 || len(b) > 5 {
		return false
	}
	for i, r := range a + b {
		switch {
		case i == 0 && r >= 'A' && r <= 'Z':
		case r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return true
}

// givenBeforeName reports whether word i, a lexicon name, is rather a given
// name followed by a surname the lexicons do not know ("Chad Wolf").
func (st *state) givenBeforeName(i, j int) bool {
	if _, ok := st.lx.given[st.ws[i].Text]; !ok {
		return false
	}
	if i > 0 && (placePreps[st.ws[i-1].Text] || st.ws[i-1].Text == "for") {
		return false // "in Chad Amadou Sissoko said", "director for Chad Amadou Sissoko": the place, then the name
	}
	next := st.ws[i+1]
	if _, ok := st.lx.heads[next.Text]; ok || connectors[next.Text] || st.isAllCaps(i+1) {
		return false
	}
	n, _ := st.lookup(i + 1)
	return n == 0 && strings.HasPrefix(next.Tag, "NNP") && !next.First
}

// nameEnd returns where a person's name that starts with a given name
// ends: at most three words, stopping at a plain English word ("Andy
// Warhol Photographic Legacy Program" → "Andy Warhol").
func (st *state) nameEnd(a, b int) int {
	k := a + 1
	for k < b && k-a < 4 {
		w := st.ws[k]
		if connectors[w.Text] || st.lx.english[strings.ToLower(w.Text)] && len(w.Text) > 2 && !strings.HasSuffix(w.Text, ".") {
			break
		}
		k++
	}
	if k == a+1 && b-a <= 3 {
		return b // "Mary Rose", "John Price": the surname is also a word
	}
	return k
}

// plainCaps reports whether words [a, b) are all title-case words, with no
// acronym, digit or connector: the shape of a personal name.
func (st *state) plainCaps(a, b int) bool {
	for i := a; i < b; i++ {
		t := st.ws[i].Text
		if !st.ws[i].Cap || st.isAllCaps(i) && len(t) > 2 || connectors[t] || strings.ContainsAny(t, "0123456789&") || camelBrand(t) {
			return false
		}
	}
	return true
}

// camelBrand reports whether w has a capital inside it after a longer
// stem than a name's prefix: "PlayStation", "YouTube", but not
// "McDonald", "DeSantis" or "MacArthur".
func camelBrand(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			switch w[:i] {
			case "Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz", "Ben", "Abu", "Al", "El":
				continue
			}
			return true
		}
	}
	return false
}

// hometown reports whether the name at a follows "<person or age>, of",
// the way local news gives where someone lives: "Jo Tays, 32, of Franklin".
func (st *state) hometown(a int) bool {
	if a < 3 || st.ws[a-1].Text != "of" || st.ws[a-2].Text != "," {
		return false
	}
	p := st.ws[a-3]
	if p.Sent != st.ws[a].Sent {
		return false
	}
	if p.Tag == "CD" && len(p.Text) <= 3 {
		return true
	}
	o := st.owner[a-3]
	return o != nil && o.Type == doc.PERSON
}

// ageAfter reports whether words from b read ", 47," – an age, given
// only for people.
func (st *state) ageAfter(b int) bool {
	return b+2 < len(st.ws) && st.ws[b].Text == "," && st.ws[b+1].Tag == "CD" && len(st.ws[b+1].Text) <= 3 && st.ws[b+2].Text == ","
}

// ofAt returns the index of the first "of" in [a, b), or -1.
func (st *state) ofAt(a, b int) int {
	for k := a + 1; k < b; k++ {
		if st.ws[k].Text == "of" {
			return k
		}
	}
	return -1
}

// placePrefixes open place names rather than people's: "El Fasher",
// "San Marcos", "Port Sudan".
var placePrefixes = map[string]bool{
	"El": true, "Al": true, "Ad": true, "As": true, "Ash": true, "La": true, "Le": true, "Los": true,
	"Las": true, "San": true, "Santa": true, "Saint": true, "St.": true, "Port": true, "Fort": true,
	"Mount": true, "Lake": true, "Cape": true, "New": true, "North": true, "South": true, "East": true,
	"West": true, "Upper": true, "Lower": true, "Great": true, "Little": true, "Bir": true, "Ain": true,
	"Kafr": true, "Deir": true, "Tel": true, "Ras": true, "Wadi": true, "Jabal": true, "Jebel": true,
}

// placeAfter reports whether word p is a preposition that puts the n-word
// name after it in a place: any of them for one word, only "in", "at" and
// "near" for longer names ("a pass from Eden Hazard").
func (st *state) placeAfter(p, n int) bool {
	w := st.ws[p].Text
	if n == 1 {
		return placePreps[w]
	}
	return w == "in" || w == "at" || w == "near"
}

// closes reports whether word i ends a phrase: punctuation, the end of
// the sentence or of the text.
func (st *state) closes(i int) bool {
	return i >= len(st.ws) || st.ws[i].Sent != st.ws[i-1].Sent || st.ws[i].Punct && !isPossessive(st.ws[i].Text)
}

// determined reports whether an article precedes word a: "the Warhol
// Polaroids" names a thing, where a bare name would be a person.
func (st *state) determined(a int) bool {
	if a == 0 || st.ws[a-1].Sent != st.ws[a].Sent {
		return false
	}
	switch strings.ToLower(st.ws[a-1].Text) {
	case "the", "a", "an":
		return true
	}
	return false
}

// allEnglish reports whether words [a, b) are all plain English words.
func (st *state) allEnglish(a, b int) bool {
	for i := a; i < b; i++ {
		if !st.lx.english[strings.ToLower(st.ws[i].Text)] {
			return false
		}
	}
	return true
}

// properRun reports whether every word of [a, b) is a title-case proper
// noun, the evidence needed before an unknown run is taken for a name.
func (st *state) properRun(a, b int) bool {
	for i := a; i < b; i++ {
		w := st.ws[i]
		if connectors[w.Text] {
			continue
		}
		if !strings.HasPrefix(w.Tag, "NNP") && !(w.Cap && i > a) {
			return false
		}
		if st.isAllCaps(i) && len(w.Text) > 3 {
			return false
		}
	}
	return true
}

func (st *state) acronym(a, b int) bool {
	if b-a != 1 || !st.isAllCaps(a) {
		return false
	}
	t := strings.ReplaceAll(st.ws[a].Text, ".", "")
	if len(t) < 2 || len(t) > 6 {
		return false
	}
	for _, r := range t {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '&' {
			return false
		}
	}
	if last := t[len(t)-1]; last >= '0' && last <= '9' {
		return false // a version or model: "IE6", "F16"
	}
	if roman(t) || len(t) >= 4 && st.lx.english[strings.ToLower(t)] {
		return false // "XVII"; a word in capitals: "UNLESS"
	}
	return !st.lx.stop[st.ws[a].Text]
}

// roman reports whether s is a Roman numeral of two or more letters.
func roman(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("IVXLCDM", r) {
			return false
		}
	}
	return true
}

// mentionsCountry reports whether the article names the country anywhere,
// the evidence required before a bare surname is taken for a known figure.
func (st *state) mentionsCountry(code string) bool {
	if st.countries == nil {
		st.countries = map[string]bool{}
		for _, w := range st.ws {
			if !w.Cap {
				continue
			}
			if k, ok := st.lx.names[w.Text]; ok && k.Country != "" {
				st.countries[k.Country] = true
			}
			if c, ok := st.lx.demonyms[w.Text]; ok {
				st.countries[c] = true
			}
		}
	}
	return st.countries[code]
}

// titleBefore finds a lower-case title just before word a ("spokesperson
// Morgan Ortagus") and returns it with the word index where it starts.
func (st *state) titleBefore(a int) (*title, int) {
	for n := 3; n >= 1; n-- {
		s := a - n
		if s < 0 || st.ws[s].Sent != st.ws[a].Sent {
			continue
		}
		if tn, t := st.titleAt(s); tn == n && !vagueTitles[strings.ToLower(st.ws[s].Text)] {
			return t, s
		}
	}
	return nil, -1
}

// vagueTitles are title words that, in lower case before a name, are more
// often an adjective or a plain noun ("major", "general", "chair").
var vagueTitles = map[string]bool{
	"major": true, "general": true, "chair": true, "leader": true, "executive": true,
	"official": true, "officer": true, "captain": true, "justice": true, "speaker": true,
	"representative": true, "secretary": true, "director": true, "founder": true,
	"commander": true, "inspector": true, "doctor": true, "king": true, "queen": true, "prince": true,
}

// countryBefore returns the country of the words just before a title: a
// demonym, a country name or an organisation with a country.
func (st *state) countryBefore(ts int) string {
	for i := ts - 1; i >= 0 && i >= ts-2 && st.ws[i].Sent == st.ws[ts].Sent; i-- {
		w := st.ws[i]
		if c, ok := st.lx.demonyms[w.Text]; ok {
			return c
		}
		if e := st.owner[i]; e != nil && e.Country != "" {
			return e.Country
		}
		if w.Punct || !w.Cap {
			break
		}
	}
	return ""
}

// person adds a person mention over [a, b), joining the person it names
// when one was named before.
func (st *state) person(a, b int, c context, k *known) {
	name := st.text(a, b)
	parts := nameParts(name)
	e := st.findPerson(parts)
	if e == nil && k != nil {
		e = st.entity("K:"+k.Name, ent{Entity: doc.Entity{Name: k.Name, Type: doc.PERSON, Country: k.Country, Sector: k.Sector, Role: k.Role}, gender: k.Gender})
	}
	if e == nil && k == nil && b-a == 1 {
		if ks := st.lx.surnames[st.ws[a].Text]; len(ks) == 1 && (st.mentionsCountry(ks[0].Country) || c.country == ks[0].Country) {
			k = ks[0] // "President Trump", "Mr. Putin"
			e = st.entity("K:"+k.Name, ent{Entity: doc.Entity{Name: k.Name, Type: doc.PERSON, Country: k.Country, Sector: k.Sector, Role: k.Role}, gender: k.Gender})
		}
	}
	if e == nil {
		if kk, ok := st.lx.names[name]; ok && kk.Type == doc.PERSON {
			e = st.entity("K:"+kk.Name, ent{Entity: doc.Entity{Name: kk.Name, Type: doc.PERSON, Country: kk.Country, Sector: kk.Sector, Role: kk.Role}, gender: kk.Gender})
		}
	}
	if e == nil {
		e = st.entity("", ent{Entity: doc.Entity{Name: name, Type: doc.PERSON}})
		e.gender = st.lx.given[st.ws[a].Text]
		if e.gender == 'u' {
			e.gender = 0
		}
	}
	if len(parts) > len(e.parts) && e.Type == doc.PERSON && st.lx.names[e.Name] == nil {
		e.Name, e.parts = name, parts
	}
	if e.Country == "" {
		e.Country = c.country
	}
	if c.t != nil && c.tEnd == a && !roleFits(e.Role, c.t.Name) {
		// the article's own title beats the gazetteer's, which may be
		// dated; a short form ("Secretary Pompeo") keeps the full one
		e.Role, e.Sector = c.t.Name, c.t.Sector
	} else if c.t != nil && e.Role == "" {
		e.Role, e.Sector = c.t.Name, c.t.Sector
	}
	if c.gender != 0 && e.gender == 0 {
		e.gender = c.gender
	}
	if c.t != nil && c.t.Gender != 0 && e.gender == 0 {
		e.gender = c.t.Gender // "Queen Rania", "spokeswoman Lea Marti"
	}
	st.add(e, a, b, doc.MentionName)
}

// findPerson returns the person already named whose name the parts fit:
// the same surname ("Pompeo", "Secretary Pompeo", "Donald J. Trump"), or a
// lone first name that only one person has.
func (st *state) findPerson(parts []string) *ent {
	if len(parts) == 0 {
		return nil
	}
	var byFirst *ent
	firsts := 0
	for i := len(st.ents) - 1; i >= 0; i-- {
		e := st.ents[i]
		if e.Type != doc.PERSON || len(e.parts) == 0 {
			continue
		}
		if last(e.parts) == last(parts) {
			if len(parts) == 1 || len(e.parts) == 1 || compatibleFirst(parts[0], e.parts[0]) {
				return e
			}
			continue
		}
		if len(parts) == 1 && len(e.parts) > 1 && e.parts[0] == parts[0] && st.isGiven(parts[0]) {
			byFirst = e
			firsts++
		}
	}
	if firsts == 1 {
		return byFirst
	}
	return nil
}

// isGiven reports whether a lower-case name part is a known given name.
func (st *state) isGiven(p string) bool {
	if p == "" {
		return false
	}
	_, ok := st.lx.given[strings.ToUpper(p[:1])+p[1:]]
	return ok
}

func compatibleFirst(a, b string) bool {
	if a == b {
		return true
	}
	return len(a) == 1 && strings.HasPrefix(b, a) || len(b) == 1 && strings.HasPrefix(a, b)
}

// matchPerson returns the person a bare name part refers to, if any.
func (st *state) matchPerson(a, b int) *ent {
	return st.findPerson(nameParts(st.text(a, b)))
}

// matchOrg returns the organisation a short name or acronym refers to:
// "Chronicle" for "San Francisco Chronicle", "DEA" for "Drug Enforcement
// Administration".
func (st *state) matchOrg(a, b int) *ent {
	parts := nameParts(st.text(a, b))
	if len(parts) == 0 {
		return nil
	}
	acr := ""
	if b-a == 1 && st.isAllCaps(a) {
		acr = strings.ReplaceAll(st.ws[a].Text, ".", "")
	}
	for i := len(st.ents) - 1; i >= 0; i-- {
		e := st.ents[i]
		if e.Type != doc.ORG && e.Type != doc.FAC {
			continue
		}
		if acr != "" && initials(e.Name) == acr {
			return e
		}
		if subset(parts, e.parts) && len(parts) < len(e.parts) && !st.lx.stop[st.ws[a].Text] {
			if last(parts) == last(e.parts) || e.head != "" && contains(parts, e.head) {
				return e
			}
		}
	}
	return nil
}

func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch w {
		case "of", "and", "for", "the", "&", "in":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// org adds an organisation, facility or named place over [a, b) whose head
// word is h. Country words inside the name are mentions of their own and
// give the body its country; an embassy takes "in <city>" into its name.
func (st *state) org(a, b int, h head, c context) {
	hw, _, _ := st.headOf(a, b)
	if h.Type == doc.FAC && b+1 < len(st.ws) && st.ws[b].Text == "in" && st.ws[b].Sent == st.ws[a].Sent {
		if n, k := st.lookup(b + 1); n > 0 && k.Type == doc.GPE && !k.Nation && (st.ws[b-1].Text == "Embassy" || st.ws[b-1].Text == "Consulate") {
			st.known(b+1, b+1+n, k)
			b += 1 + n
		}
	}
	country := c.country
	var nested [][3]int
	for i := a; i < b; i++ {
		if n, k := st.lookup(i); n > 0 && i+n <= b && (k.Nation || k.Type == doc.GPE) && k.Country != "" {
			if country == "" {
				country = k.Country
			}
			if k.Nation || i+n == b || st.ws[i+n].Text != "County" {
				nested = append(nested, [3]int{i, i + n, 0})
			}
			i += n - 1
			continue
		}
		if code, ok := st.lx.demonyms[st.ws[i].Text]; ok && country == "" {
			country = code
		}
	}
	for _, nst := range nested {
		if n, k := st.lookup(nst[0]); n > 0 {
			if k.Nation {
				st.addSpan(st.countryEnt(k.Country), st.ws[nst[0]].Start, st.ws[nst[1]-1].End, doc.MentionName, st.ws[a].Sent, false)
			} else {
				e := st.entity("K:"+k.Name, ent{Entity: doc.Entity{Name: k.Name, Type: k.Type, Country: k.Country, Sector: k.Sector}})
				st.addSpan(e, st.ws[nst[0]].Start, st.ws[nst[1]-1].End, doc.MentionName, st.ws[a].Sent, false)
			}
		}
	}
	if e := st.matchOrg(a, b); e != nil && (e.Type == h.Type) {
		st.add(e, a, b, doc.MentionName)
		return
	}
	if h.Type == doc.FAC && st.forAfter(a, b, hw) {
		h.Type = doc.ORG // "Centre for Disease Control" works; a building does not
	}
	name := st.text(a, b)
	e := st.entity("O:"+name, ent{Entity: doc.Entity{Name: name, Type: h.Type, Country: country, Sector: h.Sector}, head: strings.ToLower(hw)})
	if e.Type == doc.GPE || e.Type == doc.LOC {
		e.Sector = ""
	}
	st.add(e, a, b, doc.MentionName)
}

// forAfter reports whether the head word hw of the name [a, b) is followed
// by "for" inside it: "Center for Strategic Studies".
func (st *state) forAfter(a, b int, hw string) bool {
	for i := a; i+1 < b; i++ {
		if st.ws[i].Text == hw && st.ws[i+1].Text == "for" {
			return true
		}
	}
	return false
}

// lowerWord looks for a title used alone or a group at the lower-case word
// i, and returns the index after what it consumed.
func (st *state) lowerWord(i int) int {
	if j := st.ledBody(i); j > i {
		return j
	}
	if n, t := st.titleAt(i); n > 0 {
		if st.titleAloneAt(i, n, t) {
			return i + n
		}
		if st.apposedTitle(i, n, t) {
			return i + n
		}
	}
	if n, g, ok := st.groupAt(i); ok {
		st.groupMention(i, n, g)
		return i + n
	}
	if st.single(i) {
		return i + 1
	}
	return i + 1
}

// single adds an unnamed individual ("the suspect", "a gunman", "a police
// spokesman") as a person: events need them as actors and quotes need them
// as speakers. A later "the suspect" is the same person; "a suspect" is a
// new one. A modifier between the determiner and the noun gives the
// person's sector ("police") or country ("a Kenyan official").
func (st *state) single(i int) bool {
	w := st.ws[i]
	sector, ok := st.lx.singles[w.Text]
	if !ok || i == 0 || st.ws[i-1].Sent != w.Sent {
		return false
	}
	if i+1 < len(st.ws) && st.ws[i+1].Sent == w.Sent && (st.ws[i+1].Cap || strings.HasPrefix(st.ws[i+1].Tag, "NN")) {
		return false // "the judge Anna Ruiz", "the suspect vehicle"
	}
	if w.Tag == "JJ" || st.namedAfter(i) || i+1 < len(st.ws) && (st.ws[i+1].Text == "and" || st.ws[i+1].Text == "or") {
		return false // "the official version"; "a spokesman, Ali Omar,"; "the official and most consistent way"
	}
	a, country, modSector, ok := st.roleModifiers(i)
	if !ok {
		return false
	}
	if modSector != "" {
		sector = modSector
	}
	det := st.ws[a].Lower
	if p := st.describedPerson(a); p != nil {
		// "Fu Ying, the spokeswoman", "Dor is a French economist"
		if _, isTitle := st.lx.titles[w.Text]; isTitle && p.Role == "" {
			p.Role = titleCase(w.Text)
		}
		if p.Country == "" {
			p.Country = country
		}
		st.addSpan(p, st.ws[a].Start, w.End, doc.MentionTitle, w.Sent, false)
		for k := a; k <= i; k++ {
			st.used[k] = true
		}
		return true
	}
	var e *ent
	if det == "the" {
		if _, isTitle := st.lx.titles[w.Text]; isTitle {
			e = st.latestWithRole(w.Text, country) // "the spokesman" after "spokesman Ali Omar"
		}
		if e == nil {
			e = st.byKey["S:"+w.Text]
		}
	}
	if e == nil {
		name := st.text(a+1, i+1)
		e = st.entity("", ent{Entity: doc.Entity{Name: name, Type: doc.PERSON, Country: country, Sector: sector, Role: titleCase(w.Text)}})
		if t, ok := st.lx.titles[w.Text]; ok {
			e.gender = t.Gender
		}
		st.byKey["S:"+w.Text] = e
	}
	st.addSpan(e, st.ws[a].Start, w.End, doc.MentionTitle, w.Sent, st.isSubject(a))
	for k := a; k <= i; k++ {
		st.used[k] = true
	}
	return true
}

// roleModifiers reads back from the role noun at i over at most two
// modifiers to its determiner: a group noun ("police", "army"), a
// nationality, a body already named ("a Treasury official") or an
// adjective ("a senior official"). It returns where the determiner is,
// the country and sector the modifiers give, and whether a determiner
// was found.
func (st *state) roleModifiers(i int) (int, string, string, bool) {
	country, sector := "", ""
	for j := i - 1; j >= 0 && j >= i-3 && st.ws[j].Sent == st.ws[i].Sent; j-- {
		w := st.ws[j]
		if _, ok := st.lx.titles[strings.ToLower(st.text(j, i+1))]; ok && j < i-0 && !w.Punct {
			return 0, "", "", false // the end of a longer title: "the prime minister"
		}
		switch {
		case w.Lower == "the" || w.Lower == "a" || w.Lower == "an":
			return j, country, sector, true
		case j == i-3 || w.Punct || st.used[j] && st.owner[j] == nil:
			return 0, "", "", false
		case st.lx.demonyms[w.Text] != "":
			country = st.lx.demonyms[w.Text]
		case st.owner[j] != nil && st.owner[j].Type != doc.PERSON:
			if o := st.owner[j]; country == "" {
				country = o.Country
				if sector == "" && o.Type == doc.ORG {
					sector = o.Sector
				}
			}
		case !w.Cap && st.lx.groups[w.Lower].Sector != "":
			sector = st.lx.groups[w.Lower].Sector // "a police spokesman"
		case !w.Cap && (w.Tag == "JJ" || w.Tag == "JJS") && !st.determinedBy(j, "the"):
			// "a senior official"; "the former pilot" is someone named
		default:
			return 0, "", "", false
		}
	}
	return 0, "", "", false
}

// determinedBy reports whether the nearest determiner before word j, over
// adjectives, is det.
func (st *state) determinedBy(j int, det string) bool {
	for k := j - 1; k >= 0 && k >= j-3 && st.ws[k].Sent == st.ws[j].Sent; k-- {
		switch st.ws[k].Lower {
		case "the", "a", "an":
			return st.ws[k].Lower == det
		}
	}
	return false
}

// namedAfter reports whether a name follows the role noun at i after a
// comma: "a police spokesman, Ali Omar, said" names the speaker.
func (st *state) namedAfter(i int) bool {
	return i+2 < len(st.ws) && st.ws[i+1].Text == "," && st.ws[i+2].Sent == st.ws[i].Sent && st.capWord(i+2) && !st.lx.stop[st.ws[i+2].Text]
}

// describedPerson returns the person a role phrase starting at word a
// describes: one named just before it, in apposition ("Fu Ying, the
// spokeswoman") or as a predicate ("Eric Dor is a French economist").
func (st *state) describedPerson(a int) *ent {
	k := a - 1
	if k < 1 || st.ws[k].Sent != st.ws[a].Sent {
		return nil
	}
	switch strings.ToLower(st.ws[k].Text) {
	case ",", "is", "was", "became", "becomes":
	default:
		return nil
	}
	if p := st.owner[k-1]; p != nil && p.Type == doc.PERSON && st.ws[k-1].Sent == st.ws[a].Sent && !st.attributed(k-1) {
		return p
	}
	return nil
}

// attributed reports whether the name ending at word i follows "according
// to": the comma after it ends the attribution, not an apposition.
func (st *state) attributed(i int) bool {
	o := st.owner[i]
	for i > 0 && st.owner[i-1] == o && o != nil {
		i--
	}
	return i >= 2 && st.ws[i-1].Lower == "to" && st.ws[i-2].Lower == "according"
}

// latestWithRole returns the person named last whose role the title fits.
func (st *state) latestWithRole(t, country string) *ent {
	for k := len(st.ents) - 1; k >= 0; k-- {
		e := st.ents[k]
		if e.Type == doc.PERSON && roleFits(e.Role, t) && (country == "" || e.Country == "" || e.Country == country) {
			return e
		}
	}
	return nil
}

// titleAloneAt records "the secretary of state", "the US president" or
// "Israel's prime minister" at [i, i+n) as a pending title mention.
func (st *state) titleAloneAt(i, n int, t *title) bool {
	e := i + n
	if e < len(st.ws) && st.ws[e].Sent == st.ws[i].Sent && st.capWord(e) && !st.ws[e].First {
		return false // a title before a name: the name takes it
	}
	if e < len(st.ws) && st.ws[e].Sent == st.ws[i].Sent && (st.ws[e].Text == "of" || st.ws[e].Tag == "NN" || st.ws[e].Tag == "NNS") {
		return false // "the president of the club", "the minister spokesman"
	}
	start := i
	country := ""
	j := i - 1
	if j >= 0 && st.ws[j].Sent == st.ws[i].Sent {
		if c, ok := st.lx.demonyms[st.ws[j].Text]; ok {
			country, j = c, j-1
		} else if k, ok := st.lx.names[st.ws[j].Text]; ok && k.Nation {
			country, j = k.Country, j-1
		} else if isPossessive(st.ws[j].Text) && j > 0 {
			if k, ok := st.lx.names[st.ws[j-1].Text]; ok && k.Nation {
				st.titleMention(j-1, e, t, k.Country, false)
				return true
			}
			return false
		}
	}
	if j < 0 || st.ws[j].Sent != st.ws[i].Sent || !strings.EqualFold(st.ws[j].Text, "the") {
		return false
	}
	_ = start
	st.titleMention(j, e, t, country, false)
	return true
}

// apposedTitle gives a title set off by a comma after a person's name
// ("Alia Salem, executive director of ...", "Jane Roe, spokeswoman for the
// ministry") to that person as role and mention.
func (st *state) apposedTitle(i, n int, t *title) bool {
	k := i
	for k > 0 && k > i-6 && st.ws[k-1].Sent == st.ws[i].Sent && !st.ws[k-1].Punct && (st.ws[k-1].Cap && !st.ws[k-1].First || st.ws[k-1].Tag == "JJ" || st.ws[k-1].Text == "and") {
		k-- // "senior adviser", "the Health and Human Services secretary"
	}
	if k > 0 && (st.ws[k-1].Lower == "the" || st.ws[k-1].Lower == "a") {
		k--
	}
	if k < 2 || st.ws[k-1].Text != "," || st.ws[k-1].Sent != st.ws[i].Sent {
		return false
	}
	p := st.owner[k-2]
	if p == nil || p.Type != doc.PERSON || st.ws[k-2].Sent != st.ws[i].Sent || st.attributed(k-2) {
		return false
	}
	e := i + n
	if e < len(st.ws) && st.ws[e].Sent == st.ws[i].Sent && !st.ws[e].Punct && !connectors[st.ws[e].Text] && st.ws[e].Text != "at" {
		return false // "Ali, spokesman Omar ..." or a longer phrase
	}
	if p.Role == "" {
		p.Role = t.Name
		if p.Sector == "" && (e >= len(st.ws) || !connectors[st.ws[e].Text] && st.ws[e].Text != "at") {
			p.Sector = t.Sector // "of the union" would say whose
		}
	}
	st.addSpan(p, st.ws[k].Start, st.ws[e-1].End, doc.MentionTitle, st.ws[i].Sent, false)
	for j := k; j < e; j++ {
		st.used[j] = true
	}
	return true
}

// titleMention records a title used alone over words [a, b).
func (st *state) titleMention(a, b int, t *title, country string, capital bool) {
	if a > 0 && strings.EqualFold(st.ws[a-1].Text, "the") && st.ws[a-1].Sent == st.ws[a].Sent {
		a--
	}
	st.titles = append(st.titles, pending{
		start: st.ws[a].Start, end: st.ws[b-1].End, t: t, country: country,
		sent: st.ws[a].Sent, capital: capital,
	})
	for k := a; k < b; k++ {
		st.used[k] = true
	}
}

// ledBody reads a body named by a lower-case noun after its country or its
// leader: "the US embassy in Moscow", "the Trump administration". It
// returns the index after it, or i when there is none.
func (st *state) ledBody(i int) int {
	w := st.ws[i]
	if i == 0 || st.ws[i-1].Sent != w.Sent || !st.ws[i-1].Cap {
		return i
	}
	prev := st.ws[i-1].Text
	switch w.Text {
	case "embassy", "consulate":
		country := st.lx.demonyms[prev]
		if k, ok := st.lx.names[prev]; ok && k.Nation {
			country = k.Country
		}
		if country == "" {
			return i
		}
		b := i + 1
		if b+1 < len(st.ws) && st.ws[b].Text == "in" && st.ws[b].Sent == w.Sent {
			if n, k := st.lookup(b + 1); n > 0 && k.Type == doc.GPE && !k.Nation {
				st.known(b+1, b+1+n, k)
				b += 1 + n
			}
		}
		st.org(i-1, b, head{Type: doc.FAC, Sector: "GOV"}, context{country: country})
		return b
	case "administration", "government", "campaign":
		if st.owner[i-1] == nil && !st.used[i-1] && !st.ws[i-1].First && st.determinedBy(i-1, "the") && st.nameModifier(i-1) && st.lx.demonyms[prev] == "" {
			st.person(i-1, i, context{}, nil) // "the Monti government": its leader's
		}
		e := st.owner[i-1]
		if e == nil || e.Type != doc.PERSON {
			return i
		}
		a := i - 1
		for a > 0 && st.owner[a-1] == e && st.ws[a-1].Sent == w.Sent {
			a--
		}
		name := st.text(a, i+1)
		sector := "GOV"
		if w.Text == "campaign" {
			sector = "PTY"
		}
		body := st.entity("O:"+strings.ToLower(name), ent{Entity: doc.Entity{Name: name, Type: doc.ORG, Country: e.Country, Sector: sector}, head: w.Text})
		st.addSpan(body, st.ws[a].Start, w.End, doc.MentionName, w.Sent, st.isSubject(a))
		st.used[i] = true
		return i + 1
	}
	return i
}
