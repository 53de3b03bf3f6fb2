// Package timex is the time-expression stage: it finds dates, times,
// durations and frequencies in an article and normalises them to TimeML
// values against the publication date, so that events can be dated by when
// they happened rather than when they were reported.
//
// The tagger walks the tokens of each sentence and looks words up in a
// closed vocabulary (lexicon/words.tsv); there is no regular expression
// over the text, which keeps the stage fast. Direction (past or future) for
// bare weekdays and months comes from cue words and from the tense of the
// nearest verb, read off the part-of-speech tags of the segment stage.
package timex

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
)

//go:embed lexicon/*.tsv
var lexiconFS embed.FS

// Tagger finds and normalises time expressions. Build it once with New; it
// holds only read-only tables, so one value is safe for concurrent use.
type Tagger struct {
	month     map[string]int
	weekday   map[string]int
	number    map[string]int
	vague     map[string]bool
	ordinal   map[string]int
	unit      map[string]string
	partday   map[string]string
	season    map[string]string
	relday    map[string]int
	cue       map[string]int
	mod       map[string]string
	ref       map[string]string
	setword   map[string]string
	future    map[string]bool
	zone      map[string]bool
	meridiem  map[string]string
	reporting map[string]bool   // present-tense verbs that tell of the past
	street    map[string]bool   // street words: the number before them is no year
	monthPrep map[string]bool   // words after which "May" is the month
	holiday   map[string]string // fixed "MM-DD", or the name of a moving feast
	open      map[string]bool   // every word of the lexicon, for a fast first test
}

// New loads the embedded lexicon.
func New() (*Tagger, error) {
	t := &Tagger{
		month: map[string]int{}, weekday: map[string]int{}, number: map[string]int{},
		vague: map[string]bool{}, ordinal: map[string]int{}, unit: map[string]string{},
		partday: map[string]string{}, season: map[string]string{}, relday: map[string]int{},
		cue: map[string]int{}, mod: map[string]string{}, ref: map[string]string{},
		setword: map[string]string{}, future: map[string]bool{}, zone: map[string]bool{},
		meridiem: map[string]string{}, open: map[string]bool{}, holiday: map[string]string{}, reporting: map[string]bool{}, street: map[string]bool{}, monthPrep: map[string]bool{},
	}
	f, err := lexiconFS.Open("lexicon/words.tsv")
	if err != nil {
		return nil, fmt.Errorf("timex: open lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if err := t.addEntry(sc.Text()); err != nil {
			return nil, fmt.Errorf("timex: lexicon/words.tsv:%d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("timex: read lexicon: %w", err)
	}
	return t, nil
}

// addEntry files one "word<TAB>class<TAB>value" line under its class.
func (t *Tagger) addEntry(s string) error {
	if s == "" || strings.HasPrefix(s, "#") {
		return nil
	}
	f := strings.Split(s, "\t")
	if len(f) != 3 {
		return fmt.Errorf("want 3 tab-separated fields, got %d", len(f))
	}
	word, class, val := f[0], f[1], f[2]
	if class != "future" && class != "zone" && class != "meridiem" && class != "reporting" && class != "street" && class != "monthprep" {
		t.open[word] = true
	}
	atoi := func(m map[string]int) error {
		n, err := strconv.Atoi(val)
		if err != nil {
			return fmt.Errorf("%s %q: %w", class, word, err)
		}
		m[word] = n
		return nil
	}
	switch class {
	case "month":
		return atoi(t.month)
	case "weekday":
		return atoi(t.weekday)
	case "number":
		return atoi(t.number)
	case "ordinal":
		return atoi(t.ordinal)
	case "relday":
		return atoi(t.relday)
	case "cue":
		return atoi(t.cue)
	case "vague":
		t.vague[word] = true
	case "unit":
		t.unit[word] = val
	case "partday":
		t.partday[word] = val
	case "season":
		t.season[word] = val
	case "mod":
		t.mod[word] = val
	case "ref":
		t.ref[word] = val
	case "setword":
		t.setword[word] = val
	case "future":
		t.future[word] = true
	case "zone":
		t.zone[word] = true
	case "meridiem":
		t.meridiem[word] = val
	case "reporting":
		t.reporting[word] = true
	case "street":
		t.street[word] = true
	case "monthprep":
		t.monthPrep[word] = true
	case "holiday":
		t.holiday[word] = val
	default:
		return fmt.Errorf("unknown class %q", class)
	}
	return nil
}

// Name names the stage in timings.
func (t *Tagger) Name() string { return "timex" }

// Run appends the article's time expressions to d.Timexes, sorted by start.
// Relative expressions resolve against d.Article.Published, except inside a
// paragraph that ends an embedded post ("— Name (@handle) January 1, 2020"),
// where "today" means the day of the post.
func (t *Tagger) Run(d *doc.Doc) {
	if len(d.Sentences) == 0 {
		return
	}
	dct := d.Article.Published
	postRef := t.postDates(d)
	var anchor time.Time
	for si := range d.Sentences {
		s := &d.Sentences[si]
		if s.First < 0 || s.Last > len(d.Tokens) || s.First >= s.Last {
			continue
		}
		ref := dct
		if p, ok := postRef[s.Para]; ok {
			ref = p
		}
		sc := t.newScan(d, s.First, s.Last, ref)
		sc.anchor = anchor
		sc.run()
		d.Timexes = append(d.Timexes, sc.out...)
		anchor = sc.anchor
	}
	sort.SliceStable(d.Timexes, func(i, j int) bool { return d.Timexes[i].Start < d.Timexes[j].Start })
}

// postDates finds paragraphs signed like an embedded social post, "(@handle)
// Month D, YYYY", and returns the post's day for each.
func (t *Tagger) postDates(d *doc.Doc) map[int]time.Time {
	var out map[int]time.Time
	for si := range d.Sentences {
		s := d.Sentences[si]
		for i := s.First; i+2 < s.Last && i+2 < len(d.Tokens); i++ {
			if !strings.HasPrefix(d.Tokens[i].Text, "@") || d.Tokens[i+1].Text != ")" {
				continue
			}
			sc := t.newScan(d, i+2, s.Last, time.Time{})
			m, ok := sc.monthFirst(0)
			if !ok || len(m.val) != len("2006-01-02") {
				continue
			}
			day, err := time.Parse("2006-01-02", m.val)
			if err != nil {
				continue
			}
			if out == nil {
				out = map[int]time.Time{}
			}
			out[s.Para] = day
		}
	}
	return out
}
