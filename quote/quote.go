// Package quote is the analysis stage that finds who said what: direct
// quotations in quotation marks, reported speech ("X said that ...",
// "according to X"), and embedded social posts ("... — Name (@handle)
// January 1, 2020"). Every quotation gets a speaker when the text names one,
// directly or through a pronoun, a title or a document that speaks for its
// author. Pronouns go to a person of their gender (known from the pronouns
// the entity stage linked, titles, honorifics and given names), preferring
// a sentence's new subject over the person quoted before. Short runs in
// quotation marks that nobody says (scare quotes) go to Doc.Framing
// instead.
//
// The stage reads the tokens, sentences and paragraphs of the segment stage
// and the entities of the entity stage; it adds Doc.Quotes and Doc.Framing.
package quote

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"

	"github.com/chronicle/chronicle/doc"
)

//go:embed lexicon/*.tsv
var lexicon embed.FS

// Quoter finds quotations. Its lexicons are loaded once by New and only
// read afterwards, so one Quoter is safe for concurrent use.
type Quoter struct {
	cues     map[string]string // reporting verb form → class (say, tell, read)
	channels []channel         // longest phrase first
	nouns    map[string]bool   // nouns that speak for their author: statement, letter
	titles   map[string]string // title head noun → person or org
	gender   map[string]byte   // given name, title or honorific → 'm' or 'f'
}

type channel struct{ phrase, name string }

// New loads the embedded lexicons.
func New() (*Quoter, error) {
	q := &Quoter{
		cues:   map[string]string{},
		nouns:  map[string]bool{},
		titles: map[string]string{},
		gender: map[string]byte{},
	}
	err := readTSV("lexicon/cues.tsv", 2, func(f []string) { q.cues[f[0]] = f[1] })
	if err != nil {
		return nil, err
	}
	err = readTSV("lexicon/channels.tsv", 2, func(f []string) {
		q.channels = append(q.channels, channel{f[0], f[1]})
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(q.channels, func(i, j int) bool {
		return len(q.channels[i].phrase) > len(q.channels[j].phrase)
	})
	if err := readTSV("lexicon/nouns.tsv", 1, func(f []string) { q.nouns[f[0]] = true }); err != nil {
		return nil, err
	}
	if err := readTSV("lexicon/titles.tsv", 2, func(f []string) { q.titles[f[0]] = f[1] }); err != nil {
		return nil, err
	}
	err = readTSV("lexicon/gender.tsv", 2, func(f []string) {
		if f[1] == "m" || f[1] == "f" {
			q.gender[f[0]] = f[1][0]
		}
	})
	if err != nil {
		return nil, err
	}
	return q, nil
}

// readTSV calls fn with the fields of every non-comment line of an embedded
// lexicon, which must have at least n fields.
func readTSV(name string, n int, fn func([]string)) error {
	data, err := lexicon.ReadFile(name)
	if err != nil {
		return fmt.Errorf("quote: read %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < n {
			return fmt.Errorf("quote: %s:%d: want %d fields, have %d", name, line, n, len(f))
		}
		fn(f)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("quote: scan %s: %w", name, err)
	}
	return nil
}

// Name names the stage in timings.
func (q *Quoter) Name() string { return "quote" }

// Run adds d.Quotes (sorted by start) and d.Framing. It needs the segment
// stage's sentences; without them it adds nothing.
func (q *Quoter) Run(d *doc.Doc) {
	if len(d.Sentences) == 0 || len(d.Tokens) == 0 {
		return
	}
	r := newRunner(q, d)
	r.findPosts()
	r.findRuns()
	r.findCues()
	r.direct()
	r.reported()
	r.finish()
}
