package entity

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed lexicon/*.tsv lexicon/english.txt
var lexFS embed.FS

// known is what the lexicons say about a name: a country, a place, a
// well-known body or a public figure.
type known struct {
	Name    string // canonical name
	Type    string // doc.GPE, doc.ORG ...
	Country string
	Sector  string
	Role    string
	Gender  byte // 'm', 'f' or 0
	Capital bool // a capital city, which may stand for its government
	Nation  bool // the country itself
}

// title is an office or honorific that precedes or replaces a name.
type title struct {
	Name   string // canonical form: "Secretary of State"
	Sector string
	Abbrev []string // handle abbreviations: PM, FM ...
	Gender byte     // 'm' or 'f' when the title tells it: "king", "spokeswoman"
}

type group struct {
	Sector     string
	Standalone bool
}

type head struct {
	Type   string
	Sector string
}

// lexicon holds every embedded list, loaded once by New and only read after.
type lexicon struct {
	names     map[string]*known // exact surface form → entry
	demonyms  map[string]string // "Iraqi" → "IRQ"
	countries map[string]*known // ISO code → the country's entry
	surnames  map[string][]*known
	titles    map[string]*title // lower-case phrase → title
	firsts    map[string]bool   // first words of titles and groups, for a quick test
	groups    map[string]group  // lower-case noun phrase → group
	singles   map[string]string // unnamed individuals: "suspect" → "CRM"
	heads     map[string]head   // head word of organisation names
	given     map[string]byte   // given name → 'm', 'f' or 'u'
	stop      map[string]bool   // capitalised words that are never names alone
	modifiers map[string]string // "Shia" → "", "European" → "EU"
	english   map[string]bool   // plain English words, in lower case
	members   map[string]bool   // nouns for a body's people: "officials", "spokesman"
	kinds     map[string]head   // nouns for a kind of body: "company", "newspaper"
	kindAfter map[string]bool   // those that also follow the name: "Zenith television"
	sports    map[string]bool   // words of sports reporting: "goalkeeper", "penalty"
	abbrev    map[string]bool   // words written with a final period: "Calif", "Sen"
	maxWords  int               // longest phrase, in words
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		names:     map[string]*known{},
		demonyms:  map[string]string{},
		countries: map[string]*known{},
		surnames:  map[string][]*known{},
		titles:    map[string]*title{},
		firsts:    map[string]bool{},
		groups:    map[string]group{},
		singles:   map[string]string{},
		heads:     map[string]head{},
		given:     map[string]byte{},
		stop:      map[string]bool{},
		modifiers: map[string]string{},
		english:   make(map[string]bool, 64000),
		abbrev:    map[string]bool{},
		members:   map[string]bool{},
		kinds:     map[string]head{},
		kindAfter: map[string]bool{},
		sports:    map[string]bool{},
	}
	for _, a := range strings.Fields("Mr Mrs Ms Dr St Sen Rep Gov Gen Lt Col Sgt Capt Cmdr Adm Maj Prof Jr Sr Inc Corp Co Ltd Bros Ave Blvd Rd Mt Ft Jan Feb Aug Sept Oct Nov Dec") {
		lx.abbrev[a] = true
	}
	loaders := []struct {
		file string
		cols int
		add  func([]string)
	}{
		{"countries.tsv", 4, lx.addCountry},
		{"places.tsv", 3, lx.addPlace},
		{"bodies.tsv", 4, lx.addBody},
		{"people.tsv", 5, lx.addPerson},
		{"titles.tsv", 5, lx.addTitle},
		{"groups.tsv", 3, lx.addGroup},
		{"individuals.tsv", 2, func(f []string) { lx.singles[f[0]] = f[1] }},
		{"orgheads.tsv", 3, lx.addHead},
		{"firstnames.tsv", 2, lx.addGiven},
		{"stopcaps.tsv", 1, func(f []string) { lx.stop[f[0]] = true }},
		{"modifiers.tsv", 2, func(f []string) { lx.modifiers[f[0]] = f[1] }},
		{"english.txt", 1, func(f []string) { lx.english[f[0]] = true }},
		{"members.tsv", 1, func(f []string) { lx.members[f[0]] = true }},
		{"kinds.tsv", 4, func(f []string) {
			lx.kinds[f[0]] = head{Type: f[1], Sector: f[2]}
			lx.kindAfter[f[0]] = f[3] == "yes"
		}},
		{"sports.tsv", 1, func(f []string) { lx.sports[f[0]] = true }},
	}
	for _, l := range loaders {
		if err := readTSV(l.file, l.cols, l.add); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// readTSV calls add with each non-comment line's fields, padded to cols.
func readTSV(name string, cols int, add func([]string)) error {
	f, err := lexFS.Open("lexicon/" + name)
	if err != nil {
		return fmt.Errorf("entity: open lexicon %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) > cols {
			return fmt.Errorf("entity: lexicon %s:%d: %d fields, want %d", name, n, len(fs), cols)
		}
		for len(fs) < cols {
			fs = append(fs, "")
		}
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		add(fs)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("entity: read lexicon %s: %w", name, err)
	}
	return nil
}

func alts(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func (lx *lexicon) setName(form string, k *known) {
	form = strings.ReplaceAll(form, "’", "'")
	if _, dup := lx.names[form]; dup {
		return // the first list to claim a form wins
	}
	lx.names[form] = k
	if strings.HasSuffix(form, ".") && !strings.Contains(form, " ") {
		lx.abbrev[strings.TrimSuffix(form, ".")] = true
	}
	if n := len(strings.Fields(form)); n > lx.maxWords {
		lx.maxWords = n
	}
}

func (lx *lexicon) addCountry(f []string) {
	names := alts(f[1])
	k := &known{Name: names[0], Type: "GPE", Country: f[0], Nation: true}
	lx.countries[f[0]] = k
	for _, n := range names {
		lx.setName(n, k)
	}
	for _, d := range alts(f[2]) {
		lx.demonyms[d] = f[0]
	}
	for _, c := range alts(f[3]) {
		lx.setName(c, &known{Name: c, Type: "GPE", Country: f[0], Capital: true})
	}
}

func (lx *lexicon) addPlace(f []string) {
	names := alts(f[0])
	k := &known{Name: names[0], Type: f[2], Country: f[1]}
	for _, n := range names {
		lx.setName(n, k)
	}
}

func (lx *lexicon) addBody(f []string) {
	names := alts(f[0])
	k := &known{Name: names[0], Type: f[1], Country: f[2], Sector: f[3]}
	for _, n := range names {
		lx.setName(n, k)
	}
}

func (lx *lexicon) addPerson(f []string) {
	names := alts(f[0])
	k := &known{Name: names[0], Type: "PERSON", Country: f[1], Sector: f[2], Role: f[3]}
	if f[4] != "" {
		k.Gender = f[4][0]
	}
	for _, n := range names {
		lx.setName(n, k)
		ws := strings.Fields(n)
		if len(ws) > 1 {
			last := ws[len(ws)-1]
			if !containsKnown(lx.surnames[last], k) {
				lx.surnames[last] = append(lx.surnames[last], k)
			}
		}
	}
}

func containsKnown(ks []*known, k *known) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func (lx *lexicon) addTitle(f []string) {
	name := f[3]
	if name == "" {
		name = titleCase(f[0])
	}
	t := &title{Name: name, Sector: f[1], Abbrev: alts(f[2])}
	if f[4] == "m" || f[4] == "f" {
		t.Gender = f[4][0]
	}
	lx.titles[f[0]] = t
	lx.firsts[strings.Fields(f[0])[0]] = true
	if n := len(strings.Fields(f[0])); n > lx.maxWords {
		lx.maxWords = n
	}
}

func (lx *lexicon) addGroup(f []string) {
	lx.groups[f[0]] = group{Sector: f[1], Standalone: f[2] == "yes"}
	lx.firsts[strings.Fields(f[0])[0]] = true
}

func (lx *lexicon) addHead(f []string) {
	lx.heads[f[0]] = head{Type: f[1], Sector: f[2]}
}

func (lx *lexicon) addGiven(f []string) {
	g := byte('u')
	if f[1] == "m" || f[1] == "f" {
		g = f[1][0]
	}
	lx.given[f[0]] = g
}

// titleCase capitalises each word of a lexicon title except short function
// words, so roles read as they do in print: "Secretary of State".
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		switch w {
		case "of", "the", "and":
			if i > 0 {
				continue
			}
		}
		if w == "ceo" {
			ws[i] = "CEO"
			continue
		}
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}
