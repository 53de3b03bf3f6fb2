package entity

import (
	"sort"
	"strings"
	"unicode"

	"github.com/chronicle/chronicle/doc"
)

// groupAt finds a group noun from the lexicon at word i ("protesters",
// "security forces") and returns its length in words.
func (st *state) groupAt(i int) (int, string, bool) {
	if i >= len(st.ws) || !st.lx.firsts[st.ws[i].Lower] {
		return 0, "", false
	}
	for n := 2; n >= 1; n-- {
		if i+n > len(st.ws) {
			continue
		}
		ok := true
		for k := i; k < i+n; k++ {
			if st.ws[k].Sent != st.ws[i].Sent || st.ws[k].Punct || st.used[k] {
				ok = false
			}
		}
		if !ok {
			continue
		}
		noun := strings.ToLower(st.text(i, i+n))
		if _, found := st.lx.groups[noun]; found {
			return n, noun, true
		}
	}
	return 0, "", false
}

// groupMention adds a GROUP for the noun at [i, i+n) when a nationality or
// a "-backed" modifier marks it as an actor ("Iraqi protesters", "US
// personnel", "Iran-backed attackers"), or when the noun acts on its own
// ("police", "rebels").
func (st *state) groupMention(i, n int, noun string) {
	g := st.lx.groups[noun]
	a, country, marked := st.groupModifier(i)
	if !marked && !g.Standalone {
		return
	}
	if !marked && i+n < len(st.ws) && st.ws[i+n].Sent == st.ws[i].Sent && !st.ws[i+n].Punct && strings.HasPrefix(st.ws[i+n].Tag, "NN") && !st.ws[i+n].Cap {
		return // a noun modifier: "police station", "protesters' demands"
	}
	if country != "" && governments[noun] {
		e := st.countryEnt(country) // "the Israeli government" is Israel
		e.metonym = true
		st.add(e, a, i+n, doc.MentionName)
		return
	}
	var e *ent
	for k := len(st.ents) - 1; k >= 0; k-- {
		x := st.ents[k]
		if x.Type == doc.GROUP && x.Handles == nil && last(x.parts) == last(nameParts(noun)) && (country == "" || x.Country == "" || x.Country == country) {
			e = x
			break
		}
	}
	if e == nil && !marked && i > 0 && st.ws[i-1].Lower == "the" {
		// "the troops" after "four Israeli soldiers": the latest group of
		// the same kind
		for k := len(st.ents) - 1; k >= 0; k-- {
			if x := st.ents[k]; x.Type == doc.GROUP && x.Sector == g.Sector && x.Country != "" {
				e = x
				break
			}
		}
	}
	if !marked && a == i && i > 0 && st.ws[i-1].Sent == st.ws[i].Sent && st.ws[i-1].Tag == "NN" && !st.used[i-1] && !st.ws[i-1].Cap && !(i > 1 && verbSlot[st.ws[i-2].Lower]) {
		a = i - 1 // "transit officers", but not "or attack officers"
	}
	for k := a; k < i; k++ {
		if m := st.lx.groups[st.ws[k].Lower]; m.Sector != "" && !st.ws[k].Cap {
			g.Sector = m.Sector // "opposition lawmakers", "army officers"
		}
	}
	if e == nil {
		e = st.entity("", ent{Entity: doc.Entity{Name: st.text(a, i+n), Type: doc.GROUP, Country: country, Sector: g.Sector}})
	}
	if e.Country == "" {
		e.Country = country
	}
	st.add(e, a, i+n, doc.MentionName)
}

// verbSlot holds words after which a noun-tagged word is more likely a
// verb: "to attack officers", "or beat protesters".
var verbSlot = map[string]bool{
	"or": true, "and": true, "to": true, "not": true, "would": true, "will": true, "can": true,
	"could": true, "should": true, "may": true, "might": true, "must": true, "did": true,
}

// governments are the nouns that, with a nationality, name the state.
var governments = map[string]bool{"government": true, "administration": true, "regime": true}

// groupModifier looks left of a group noun for a nationality, a country or
// a "-backed" word, allowing one adjective in between ("Iraqi Shia
// protesters"). It returns where the mention starts.
func (st *state) groupModifier(i int) (int, string, bool) {
	for j, skipped := i-1, 0; j >= 0 && j >= i-3 && st.ws[j].Sent == st.ws[i].Sent; j-- {
		w := st.ws[j]
		if c, ok := st.lx.demonyms[w.Text]; ok {
			return j, c, true
		}
		if k, ok := st.lx.names[w.Text]; ok && k.Nation {
			return j, k.Country, true
		}
		if backedModifier(w.Text) {
			return j, "", true
		}
		if _, ok := st.lx.modifiers[w.Text]; ok {
			continue
		}
		if j == i-1 && st.nameModifier(j) {
			country := ""
			if o := st.owner[j]; o != nil {
				country = o.Country
			}
			return j, country, true // "Treasury officials", "Hamas fighters"
		}
		if w.Punct || w.Cap || skipped > 0 || !(w.Tag == "JJ" || w.Tag == "NN") || st.lx.stop[w.Text] {
			break
		}
		skipped++
	}
	return i, "", false
}

// nameModifier reports whether the capitalised word j names the body a
// group noun after it belongs to: a body or place already read, or an
// unknown proper noun that is no plain sentence opener.
func (st *state) nameModifier(j int) bool {
	w := st.ws[j]
	if !w.Cap || st.lx.stop[w.Text] || w.Punct {
		return false
	}
	if o := st.owner[j]; o != nil {
		// "Treasury officials" are the body's people; "the Hezbollah
		// militia" is the body itself
		return o.Type != doc.PERSON && strings.HasSuffix(st.ws[j+1].Lower, "s")
	}
	if st.used[j] {
		return false
	}
	return strings.HasPrefix(w.Tag, "NN") && !(w.First && st.lower[w.Lower])
}

// titlesAlone resolves titles used alone ("the secretary of state", "the
// US president", "the Prime Minister") to the latest person named before
// whose role and country fit. Unresolved titles become no mention, except
// a capitalised "President of Cyprus", which is a person of its own.
func (st *state) titlesAlone() {
	for _, p := range st.titles {
		var best *ent
		bestAt := -1
		for _, m := range st.ments {
			if m.start >= p.start || m.e.Type != doc.PERSON || m.start < bestAt {
				continue
			}
			if roleFits(m.e.Role, p.t.Name) && (p.country == "" || m.e.Country == "" || m.e.Country == p.country) {
				best, bestAt = m.e, m.start
			}
		}
		if best == nil {
			if a := st.wordAt(p.start); a >= 0 {
				best = st.describedPerson(a) // "John Kerry, the Secretary of State"
			}
			if best != nil && best.Role == "" {
				best.Role, best.Sector = p.t.Name, p.t.Sector
			}
		}
		if best == nil {
			if noun := strings.ToLower(p.t.Name); st.lx.singles[noun] != "" && !st.coordinated(p.end) {
				best = st.unnamed(noun, p)
			} else if p.capital && p.country != "" {
				best = st.entity("", ent{Entity: doc.Entity{Name: st.d.Article.Body[p.start:p.end], Type: doc.PERSON, Country: p.country, Sector: p.t.Sector, Role: p.t.Name}})
			} else {
				continue
			}
		}
		st.addSpan(best, p.start, p.end, doc.MentionTitle, p.sent, st.subjectAt(p.start))
	}
}

// unnamed returns the unnamed person a title used alone stands for when no
// one named has that role ("the spokesman said"): the one met before, or
// a new one.
func (st *state) unnamed(noun string, p pending) *ent {
	if e := st.byKey["S:"+noun]; e != nil {
		return e
	}
	e := st.entity("", ent{Entity: doc.Entity{Name: noun, Type: doc.PERSON, Country: p.country, Sector: p.t.Sector, Role: p.t.Name}, gender: p.t.Gender})
	st.byKey["S:"+noun] = e
	return e
}

// subjectAt reports whether the word starting at off opens its clause.
func (st *state) subjectAt(off int) bool {
	if i := st.wordAt(off); i >= 0 {
		return st.isSubject(i)
	}
	return false
}

// coordinated reports whether "and" or "or" follows the word ending at
// off: "the official and most consistent way" uses a title as an adjective.
func (st *state) coordinated(off int) bool {
	i := st.wordAt(off)
	return i >= 0 && (st.ws[i].Text == "and" || st.ws[i].Text == "or")
}

// wordAt returns the index of the first word starting at or after off, or -1.
func (st *state) wordAt(off int) int {
	i := sort.Search(len(st.ws), func(i int) bool { return st.ws[i].Start >= off })
	if i == len(st.ws) {
		return -1
	}
	return i
}

var heads = map[string]bool{
	"President": true, "Prime Minister": true, "King": true, "Queen": true, "Chancellor": true,
	"Premier": true, "Supreme Leader": true, "Leader": true, "Emir": true, "Crown Prince": true,
}

// roleFits reports whether a person with role can be called by the title
// t alone: the same office, its last word ("the minister"), or "leader"
// for a head of state or government.
func roleFits(role, t string) bool {
	if role == "" {
		return false
	}
	r, tl := strings.ToLower(role), strings.ToLower(t)
	switch {
	case r == tl:
		return true
	case tl == "leader":
		return heads[role]
	case strings.HasPrefix(r, tl+" ") && tl == "secretary":
		return true
	case strings.HasSuffix(r, " "+tl) && (tl == "minister" || tl == "secretary"):
		return true
	}
	return false
}

var pronounGender = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
}

// pronouns links he/she/his/her ... and "the latter"/"the former" to a
// person named just before. A wrong link is worse than none, since quotes
// and events find speakers and actors through these mentions, so a
// pronoun is linked only when one person fits: the only one of its gender
// in the sentence so far, else the only one in the sentence before, else
// that sentence's subject when the pronoun is itself a subject.
func (st *state) pronouns() {
	for i, w := range st.ws {
		if w.Punct || st.used[i] {
			continue
		}
		lw := strings.ToLower(w.Text)
		if lw == "the" && i+1 < len(st.ws) && (st.ws[i+1].Text == "latter" || st.ws[i+1].Text == "former") && st.ws[i+1].Sent == w.Sent {
			if i+2 < len(st.ws) && st.ws[i+2].Sent == w.Sent && !st.ws[i+2].Punct && !isPossessive(st.ws[i+2].Text) && strings.HasPrefix(st.ws[i+2].Tag, "NN") {
				continue // "the former president": a title, not a pronoun
			}
			if e := st.latter(i, st.ws[i+1].Text == "latter"); e != nil {
				st.addSpan(e, w.Start, st.ws[i+1].End, doc.MentionPronoun, w.Sent, st.isSubject(i))
			}
			continue
		}
		g, ok := pronounGender[lw]
		if !ok {
			continue
		}
		if e := st.antecedent(i, g, lw == "he" || lw == "she"); e != nil {
			if e.gender == 0 {
				e.gender = g
			}
			st.addSpan(e, w.Start, w.End, doc.MentionPronoun, w.Sent, st.isSubject(i))
		}
	}
}

// persons returns the distinct people mentioned in sentence s before off,
// of gender g or unknown, in order of their last mention there.
func (st *state) persons(s, off int, g byte) (es []*ent, subj []*ent) {
	for _, m := range st.ments {
		if m.sent != s || m.start >= off || m.e.Type != doc.PERSON {
			continue
		}
		if m.e.gender != 0 && g != 0 && m.e.gender != g {
			continue
		}
		es = appendLast(es, m.e)
		if m.subject {
			subj = appendLast(subj, m.e)
		}
	}
	return es, subj
}

func appendLast(es []*ent, e *ent) []*ent {
	for k, x := range es {
		if x == e {
			es = append(es[:k], es[k+1:]...)
			break
		}
	}
	return append(es, e)
}

func (st *state) antecedent(i int, g byte, nominative bool) *ent {
	w := st.ws[i]
	cur, _ := st.persons(w.Sent, w.Start, g)
	if len(cur) == 1 {
		return cur[0]
	}
	if len(cur) > 1 || w.Sent == 0 {
		return nil
	}
	// A paragraph may open on "He" for the person the last one ended
	// on; other pronouns across a paragraph break are left alone.
	opens := nominative && w.First && st.isSubject(i)
	if !st.samePara(w.Sent-1, w.Sent) && !st.quoteTail(i) && !opens {
		return nil
	}
	prev, subj := st.persons(w.Sent-1, st.d.Sentences[w.Sent-1].End, g)
	if len(prev) == 1 {
		return prev[0]
	}
	if len(prev) > 1 && nominative && len(subj) > 0 && st.isSubject(i) {
		return subj[len(subj)-1] // the latest subject of the sentence before
	}
	return nil
}

func (st *state) samePara(a, b int) bool {
	return st.d.Sentences[a].Para == st.d.Sentences[b].Para
}

// quoteTail reports whether word i follows a closing quotation in its
// sentence (”, he said), where the speaker is often named a paragraph up.
func (st *state) quoteTail(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3 && st.ws[j].Sent == st.ws[i].Sent; j-- {
		if t := st.ws[j].Text; t == "”" || t == "\"" {
			return true
		}
	}
	return false
}

// latter resolves "the latter" (the person named last) or "the former"
// (the one named before), over this sentence and the one before.
func (st *state) latter(i int, latter bool) *ent {
	w := st.ws[i]
	es, _ := st.persons(w.Sent, w.Start, 0)
	if len(es) < 2 && w.Sent > 0 {
		prev, _ := st.persons(w.Sent-1, w.Start, 0)
		for _, e := range es {
			prev = appendLast(prev, e)
		}
		es = prev
	}
	if len(es) < 2 {
		return nil
	}
	if latter {
		return es[len(es)-1]
	}
	return es[len(es)-2]
}

// tags resolves @handles and #hashtags.
func (st *state) tags() {
	for i, w := range st.ws {
		if len(w.Text) < 2 {
			continue
		}
		switch w.Text[0] {
		case '#':
			if e := st.hashtag(w.Text[1:]); e != nil {
				st.addSpan(e, w.Start, w.End, doc.MentionHashtag, w.Sent, false)
			}
		case '@':
			e := st.handle(i)
			e.Handles = appendUnique(e.Handles, w.Text)
			st.addSpan(e, w.Start, w.End, doc.MentionHandle, w.Sent, false)
		}
	}
}

func appendUnique(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

func (st *state) hashtag(tag string) *ent {
	if k, ok := st.lx.names[tag]; ok {
		if k.Nation {
			return st.countryEnt(k.Country)
		}
		if e, ok := st.byKey["K:"+k.Name]; ok {
			return e
		}
		return nil
	}
	if e := st.findPerson([]string{strings.ToLower(tag)}); e != nil {
		return e
	}
	return nil
}

// handle finds the entity an @handle names: the name just before it
// ("Secretary Pompeo (@SecPompeo)"), a person whose surname it contains,
// a title abbreviation with a nationality ("@IsraeliPM"), or a body whose
// words its parts begin ("@USEmbBaghdad"); else a new entity of its own.
func (st *state) handle(i int) *ent {
	w := st.ws[i]
	if i >= 2 && st.ws[i-1].Text == "(" && st.owner[i-2] != nil {
		return st.owner[i-2]
	}
	low := strings.ToLower(w.Text[1:])
	var best *ent
	bestLen := 0
	for _, e := range st.ents {
		if e.Type != doc.PERSON {
			continue
		}
		if s := last(e.parts); len(s) >= 4 && strings.Contains(low, s) && len(s) > bestLen {
			best, bestLen = e, len(s)
		}
	}
	if best != nil {
		return best
	}
	parts := camelParts(w.Text[1:])
	if e := st.titleHandle(parts); e != nil {
		return e
	}
	if e := st.bodyHandle(parts); e != nil {
		return e
	}
	typ := doc.ORG
	for _, p := range parts {
		if _, ok := st.lx.given[p]; ok {
			typ = doc.PERSON
		}
	}
	return st.entity("H:"+low, ent{Entity: doc.Entity{Name: w.Text, Type: typ}})
}

// titleHandle matches handles such as @IsraeliPM: a nationality and a
// title abbreviation naming a person of the article.
func (st *state) titleHandle(parts []string) *ent {
	country, abbr := "", ""
	for _, p := range parts {
		if c, ok := st.lx.demonyms[p]; ok {
			country = c
		} else if k, ok := st.lx.names[p]; ok && k.Nation {
			country = k.Country
		} else {
			abbr += p
		}
	}
	if country == "" || abbr == "" {
		return nil
	}
	for _, e := range st.ents {
		if e.Type != doc.PERSON || e.Country != country {
			continue
		}
		if t, ok := st.lx.titles[strings.ToLower(e.Role)]; ok {
			for _, a := range t.Abbrev {
				if strings.EqualFold(a, abbr) {
					return e
				}
			}
		}
	}
	return nil
}

// bodyHandle matches handles whose camel-case parts begin the words of an
// organisation or facility: @USEmbBaghdad → US Embassy in Baghdad.
func (st *state) bodyHandle(parts []string) *ent {
	if len(parts) < 2 {
		return nil
	}
	for _, e := range st.ents {
		if e.Type != doc.ORG && e.Type != doc.FAC {
			continue
		}
		words := strings.Fields(strings.ToLower(e.Name))
		all := true
		for _, p := range parts {
			lp := strings.ToLower(p)
			found := false
			for _, w := range words {
				if strings.HasPrefix(w, lp) {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			return e
		}
	}
	return nil
}

// camelParts splits a handle at case changes: USEmbBaghdad → US Emb Baghdad.
func camelParts(s string) []string {
	rs := []rune(s)
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		lowUp := unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i])
		upUpLow := unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		digit := unicode.IsDigit(rs[i]) != unicode.IsDigit(rs[i-1])
		if lowUp || upUpLow || digit || rs[i] == '_' {
			if p := strings.Trim(string(rs[start:i]), "_"); p != "" {
				out = append(out, p)
			}
			start = i
		}
	}
	if p := strings.Trim(string(rs[start:]), "_"); p != "" {
		out = append(out, p)
	}
	return out
}

// homeCountry gives people, bodies and groups with no country of their
// own the article's country, when one country clearly dominates the places
// it names (local news names its own state and towns, not its country).
func (st *state) homeCountry() {
	count := map[string]int{}
	for c, n := range st.country {
		count[c] += n
	}
	for _, e := range st.ents {
		if e.Country != "" && e.Type != doc.GPE {
			count[e.Country]++
		}
	}
	total, best, bestN := 0, "", 0
	for c, n := range count {
		total += n
		if n > bestN || n == bestN && c < best {
			best, bestN = c, n
		}
	}
	if bestN < 2 || bestN*2 <= total {
		return
	}
	for _, e := range st.ents {
		known := st.byKey["K:"+e.Name] == e // a lexicon entry says it has none: "Middle East"
		if e.Country == "" && !known && !strings.HasPrefix(e.Name, "@") {
			e.Country = best
		}
	}
}

// hyphenated adds the countries and places inside hyphenated words:
// "U.S.-Mexico border", "R-Texas", "Iran-backed", "Gaza-bound".
func (st *state) hyphenated() {
	for _, w := range st.ws {
		if w.Punct || !strings.Contains(w.Text, "-") {
			continue
		}
		if _, whole := st.lx.names[w.Text]; whole {
			continue
		}
		if strings.HasPrefix(w.Lower, "pro-") {
			continue // "pro-Beijing": a stance, not the country acting
		}
		off := 0
		for _, part := range strings.Split(w.Text, "-") {
			start := w.Start + off
			off += len(part) + 1
			k, ok := st.lx.names[part]
			if !ok || k.Type != doc.GPE && k.Type != doc.LOC {
				continue
			}
			e := st.countryEnt(k.Country)
			switch {
			case k.Capital && !placeSuffix(w.Text):
				e.metonym = true // "pro-Beijing", "Moscow-backed": the government
			case !k.Nation:
				e = st.entity("K:"+k.Name, ent{Entity: doc.Entity{Name: k.Name, Type: k.Type, Country: k.Country}})
			}
			st.addSpan(e, start, start+len(part), doc.MentionName, w.Sent, false)
		}
	}
}

// placeSuffix reports whether a hyphenated word uses its place as a place
// ("Tehran-based", "Gaza-bound") rather than as an actor.
func placeSuffix(w string) bool {
	for _, suf := range []string{"-based", "-born", "-bound", "-area", "-region"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// lateSurnames adds bare surnames met before the person's full name, as in
// a caption ("Braverman (left) ...") above the article.
func (st *state) lateSurnames() {
	for i, w := range st.ws {
		if st.used[i] || !w.Cap || st.lx.stop[w.Text] || st.isAllCaps(i) {
			continue
		}
		if i+1 < len(st.ws) && st.ws[i+1].Sent == w.Sent && st.capWord(i+1) {
			continue
		}
		parts := nameParts(w.Text)
		if len(parts) != 1 {
			continue
		}
		for _, e := range st.ents {
			if e.Type == doc.PERSON && len(e.parts) > 1 && last(e.parts) == parts[0] {
				st.add(e, i, i+1, doc.MentionName)
				break
			}
		}
	}
}
