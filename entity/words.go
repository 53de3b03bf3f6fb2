package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle/chronicle/doc"
)

// word is a token trimmed of stray punctuation ("....Iran" → "Iran"), or
// an initial rejoined with its period ("J" "." → "J."). Names are read off
// words rather than raw tokens so that the tokenizer's choices at quote
// marks and periods do not leak into entity spans.
type word struct {
	Start, End int
	Text       string
	Tag        string
	Sent       int
	First      bool // first word of a sentence, a quotation or a signature
	Punct      bool
	Cap        bool // starts with an upper-case letter
	Lower      string
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '#'
}

// words turns d's tokens into words, sentence by sentence.
func words(d *doc.Doc, abbrev map[string]bool) []word {
	ws := make([]word, 0, len(d.Tokens))
	for si, s := range d.Sentences {
		first := true
		for ti := s.First; ti < s.Last && ti < len(d.Tokens); ti++ {
			t := d.Tokens[ti]
			start, end := trimToken(t.Text, abbrev)
			if start >= end {
				p := word{Start: t.Start, End: t.End, Text: t.Text, Tag: t.Tag, Sent: si, Punct: true}
				if joinInitial(ws, p, si, abbrev) {
					continue
				}
				ws = append(ws, p)
				if opensSpan(t.Text) {
					first = true
				}
				continue
			}
			w := word{Start: t.Start + start, End: t.Start + end, Tag: t.Tag, Sent: si, First: first}
			w.Text = t.Text[start:end]
			r, _ := utf8.DecodeRuneInString(w.Text)
			w.Cap = unicode.IsUpper(r)
			w.Lower = lower(w.Text)
			ws = append(ws, w)
			first = false
		}
	}
	return ws
}

// trimToken returns the byte range of tok without leading punctuation and
// without trailing punctuation other than an abbreviation's periods.
func trimToken(tok string, abbrev map[string]bool) (int, int) {
	start := 0
	for start < len(tok) {
		r, n := utf8.DecodeRuneInString(tok[start:])
		if isWordRune(r) {
			break
		}
		if (r == '\'' || r == '’') && start+n < len(tok) && (tok[start+n] == 's' || tok[start+n] == 'S') {
			break // a possessive 's
		}
		start += n
	}
	end := len(tok)
	for end > start {
		r, n := utf8.DecodeLastRuneInString(tok[start:end])
		if isWordRune(r) || r == '.' && keepPeriod(tok[start:end], abbrev) {
			break
		}
		end -= n
	}
	return start, end
}

// joinInitial appends a period to a preceding single capital letter ("J"
// "." → "J.") or a known abbreviation ("Calif" "." → "Calif.") and reports
// whether it did.
func joinInitial(ws []word, p word, si int, abbrev map[string]bool) bool {
	if p.Text != "." || len(ws) == 0 {
		return false
	}
	last := &ws[len(ws)-1]
	tail := last.Text[strings.LastIndexByte(last.Text, '-')+1:] // "R-W.Va" → "W.Va"
	if last.Sent != si || last.End != p.Start || !last.Cap || len(last.Text) != 1 && !abbrev[tail] {
		return false
	}
	last.End = p.End
	last.Text += "."
	return true
}

func opensSpan(s string) bool {
	switch s {
	case "“", "\"", "‘", "—", "–", "(", ":", "--":
		return true
	}
	return false
}

func isPossessive(s string) bool {
	return s == "'s" || s == "’s" || s == "'" || s == "’"
}

// keepPeriod reports whether a word's final period belongs to it: an
// initial ("J."), an abbreviation with inner periods ("U.S.") or a known
// one ("Calif."), rather than the end of a sentence ("Ho.").
func keepPeriod(w string, abbrev map[string]bool) bool {
	stem := w[:len(w)-1]
	if len(stem) == 1 || strings.Contains(stem, ".") {
		return true
	}
	return abbrev[stem[strings.LastIndexByte(stem, '-')+1:]]
}

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return strings.ToLower(s)
		}
	}
	return s
}
