package event

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed lexicon/*.tsv
var lexiconFS embed.FS

// pattern is one lexicon entry: a head word (verb or noun lemma) with the
// words that must accompany it, and the event it codes.
type pattern struct {
	head     string   // lemma of the trigger word
	after    []string // words that must follow the head (verbs), in order
	before   []string // words that must precede the head (nouns), in order
	typ      string   // PLOVER type
	cameo    string   // CAMEO code
	mode     string   // PLOVER mode, "" when none applies
	targets  []string // where the target is: "obj" or a preposition
	negType  string   // type coded when the verb is negated ("" = keep, negated)
	negCode  string
	cue      bool // needs a threat cue in the complement
	blame    bool // needs a word of blame after it
	human    bool // the target must not be a place
	needTgt  bool // a noun event needs a target of its own
	needSrc  bool // a noun event needs a source of its own
	person   bool // the target must be a person or a group
	suffer   bool // the subject suffers the act: "came under fire from X"
	headOnly bool // the target must head its noun phrase, not modify it
	possTgt  bool // a possessor of the noun is its target: "his arrest"
}

// quoteCue is a speech-act cue inside a quotation.
type quoteCue struct {
	words   []string
	typ     string
	cameo   string
	mode    string
	needTgt bool // no act without another actor in the quote
}

// lexicon holds every table the coder reads, loaded once by New.
type lexicon struct {
	verbs     map[string][]pattern // by head lemma, longest pattern first
	nouns     map[string][]pattern
	quoteCues []quoteCue
	irregular map[string]string
	cues      map[string]cueSet // word -> the cue classes it belongs to
	cameo     map[string]string // code -> PLOVER type
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		verbs:     map[string][]pattern{},
		nouns:     map[string][]pattern{},
		irregular: map[string]string{},
		cues:      map[string]cueSet{},
		cameo:     map[string]string{},
	}
	if err := readTable("cameo.tsv", 2, func(f []string) error {
		lx.cameo[f[0]] = f[1]
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readTable("verbs.tsv", 5, func(f []string) error {
		p, err := parsePattern(f, false)
		if err != nil {
			return err
		}
		lx.verbs[p.head] = insertLongest(lx.verbs[p.head], p)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readTable("nouns.tsv", 5, func(f []string) error {
		p, err := parsePattern(f, true)
		if err != nil {
			return err
		}
		lx.nouns[p.head] = insertLongest(lx.nouns[p.head], p)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readTable("quote.tsv", 3, func(f []string) error {
		c := quoteCue{words: strings.Fields(f[0]), typ: f[1], cameo: f[2]}
		if len(f) > 3 {
			c.mode = f[3]
		}
		if len(f) > 4 {
			switch f[4] {
			case "", "-":
			case "needtarget":
				c.needTgt = true
			default:
				return fmt.Errorf("unknown flag %q", f[4])
			}
		}
		lx.quoteCues = append(lx.quoteCues, c)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readTable("irregular.tsv", 2, func(f []string) error {
		lx.irregular[f[0]] = f[1]
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readTable("cues.tsv", 2, func(f []string) error {
		class, ok := cueClasses[f[0]]
		if !ok {
			return fmt.Errorf("unknown cue class %q", f[0])
		}
		lx.cues[f[1]] |= class
		return nil
	}); err != nil {
		return nil, err
	}
	return lx, nil
}

// readTable calls fn with the tab-separated fields of every non-comment
// line of an embedded table, checking that each has at least min fields.
func readTable(name string, min int, fn func([]string) error) error {
	f, err := lexiconFS.Open("lexicon/" + name)
	if err != nil {
		return fmt.Errorf("event: open lexicon %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if len(fields) < min {
			return fmt.Errorf("event: lexicon %s:%d: want %d fields, got %d", name, line, min, len(fields))
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("event: lexicon %s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("event: read lexicon %s: %w", name, err)
	}
	return nil
}

// parsePattern reads one verb or noun row: pattern, type, cameo, mode,
// target, flags. Verb patterns put the head first; noun patterns last.
func parsePattern(f []string, noun bool) (pattern, error) {
	words := strings.Fields(strings.ToLower(f[0]))
	if len(words) == 0 {
		return pattern{}, fmt.Errorf("empty pattern")
	}
	p := pattern{typ: f[1], cameo: f[2], mode: f[3]}
	if !plover[p.typ] {
		return pattern{}, fmt.Errorf("unknown PLOVER type %q", p.typ)
	}
	if noun {
		p.head = words[len(words)-1]
		p.before = words[:len(words)-1]
	} else {
		p.head = words[0]
		p.after = words[1:]
	}
	if f[4] != "-" && f[4] != "" {
		p.targets = strings.Split(f[4], ",")
	}
	if len(f) > 5 {
		for _, flag := range strings.Split(f[5], ",") {
			switch {
			case flag == "":
			case flag == "blame":
				p.blame = true
			case flag == "cue":
				p.cue = true
			case flag == "human":
				p.human = true
			case flag == "needtarget":
				p.needTgt = true
			case flag == "posstarget":
				p.possTgt = true
			case flag == "head":
				p.headOnly = true
			case flag == "needsource":
				p.needSrc = true
			case flag == "person":
				p.person = true
			case flag == "suffer":
				p.suffer = true
			case strings.HasPrefix(flag, "neg="):
				t, c, ok := strings.Cut(strings.TrimPrefix(flag, "neg="), ":")
				if !ok || !plover[t] {
					return pattern{}, fmt.Errorf("bad flag %q", flag)
				}
				p.negType, p.negCode = t, c
			default:
				return pattern{}, fmt.Errorf("unknown flag %q", flag)
			}
		}
	}
	return p, nil
}

// insertLongest keeps patterns with more accompanying words first, so the
// most specific one is tried first ("strike deal" before "strike").
func insertLongest(ps []pattern, p pattern) []pattern {
	n := len(p.after) + len(p.before)
	i := 0
	for i < len(ps) && len(ps[i].after)+len(ps[i].before) >= n {
		i++
	}
	ps = append(ps, pattern{})
	copy(ps[i+1:], ps[i:])
	ps[i] = p
	return ps
}

// plover is the set of the contract's 16 event types.
var plover = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true,
	"COOPERATE": true, "AID": true, "RETREAT": true, "REQUEST": true,
	"ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true,
}

// cueSet is a set of cue classes, one bit each: a word's classes come
// from one map lookup, as the coder asks about every token many times.
type cueSet uint16

// The cue classes of cues.tsv.
const (
	cueNeg cueSet = 1 << iota
	cueModal
	cueCond
	cueAllege
	cueThreat
	cueFirst
	cueBlame
	cueHarm
	cueSkipAux
	cuePrepGerund
)

var cueClasses = map[string]cueSet{
	"neg": cueNeg, "modal": cueModal, "cond": cueCond, "allege": cueAllege,
	"threat": cueThreat, "first": cueFirst, "blame": cueBlame, "harm": cueHarm,
	"skipaux": cueSkipAux, "prepgerund": cuePrepGerund,
}

// is reports whether word belongs to the cue class.
func (lx *lexicon) is(class cueSet, word string) bool { return lx.cues[word]&class != 0 }
