package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// qrun is one run of words between quotation marks.
type qrun struct {
	open, close int // from the opening mark to just after the closing one
	start, end  int // the quoted words, marks and surrounding space trimmed
	para        int
	words       int
	unclosed    bool // the paragraph ended before a closing mark
}

// findRuns pairs quotation marks paragraph by paragraph. Curly and straight
// double marks open and close runs; curly single marks do too when they
// stand at word edges and no double run is open (British style), and are
// otherwise nested quotes or apostrophes, which stay inside the run. A
// run still open at a paragraph's end closes there: a quotation running
// over paragraphs reopens with a mark at the next paragraph's start.
func (r *runner) findRuns() {
	body := r.body
	for pi, p := range r.d.Paragraphs {
		if r.inPost(p.Start) {
			continue
		}
		open, kind := -1, rune(0)
		for i := p.Start; i < p.End; {
			c, n := utf8.DecodeRuneInString(body[i:])
			switch {
			case c == '“' || (c == '"' && open < 0):
				if open < 0 || kind != '‘' {
					open, kind = i, '“'
				}
			case c == '”' || c == '"':
				if open >= 0 && kind == '“' {
					r.addRun(open, i, i+n, pi, false)
					open = -1
				}
			case c == '‘':
				switch {
				case open < 0 && wordEdgeBefore(body, i):
					open, kind = i, '‘'
				case open >= 0 && kind == '‘' && !wordEdgeBefore(body, i) && wordEdgeAfter(body, i+n):
					// "‘Jewels after Jewels‘ and": a mark typed the wrong way
					// round still closes.
					r.addRun(open, i, i+n, pi, false)
					open = -1
				}
			case c == '’':
				if open >= 0 && kind == '‘' && wordEdgeAfter(body, i+n) && i > 0 && body[i-1] != ' ' {
					r.addRun(open, i, i+n, pi, false)
					open = -1
				}
			}
			i += n
		}
		if open >= 0 && kind == '“' && r.continues(pi, open) {
			r.addRun(open, p.End, p.End, pi, true)
		}
	}
}

// continues reports whether a double mark at open left unclosed at the end
// of paragraph pi opens a quotation running on: it opened the paragraph,
// or the next paragraph opens with a mark. Otherwise it is a stray mark.
func (r *runner) continues(pi, open int) bool {
	if open == r.d.Paragraphs[pi].Start {
		return true
	}
	if pi+1 < len(r.d.Paragraphs) {
		next := r.body[r.d.Paragraphs[pi+1].Start:r.d.Paragraphs[pi+1].End]
		return strings.HasPrefix(next, "“") || strings.HasPrefix(next, "\"")
	}
	return false
}

// addRun records the run from the opening mark at open to the closing mark
// at end (which ends at close), trimmed of marks, space and a trailing comma.
func (r *runner) addRun(open, end, close, para int, unclosed bool) {
	_, n := utf8.DecodeRuneInString(r.body[open:])
	s, e := trim(r.body, open+n, end, " \t\n\r,")
	if s >= e {
		return
	}
	r.runs = append(r.runs, qrun{
		open: open, close: close, start: s, end: e, para: para,
		words: countWords(r.body[s:e]), unclosed: unclosed,
	})
}

// trim narrows [s, e) past the bytes of cut at either end.
func trim(body string, s, e int, cut string) (int, int) {
	for s < e && containsByte(cut, body[s]) {
		s++
	}
	for e > s && containsByte(cut, body[e-1]) {
		e--
	}
	return s, e
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// countWords counts runs of letters or digits separated by space.
func countWords(s string) int {
	n, in := 0, false
	for _, c := range s {
		word := unicode.IsLetter(c) || unicode.IsDigit(c)
		if c == ' ' || c == '\n' || c == '\t' || c == '—' || c == '–' {
			in = false
			continue
		}
		if word && !in {
			n++
			in = true
		}
	}
	return n
}

// wordEdgeBefore reports whether a mark at i starts a word: it follows the
// start, space, an opening bracket or a dash.
func wordEdgeBefore(body string, i int) bool {
	if i == 0 {
		return true
	}
	c, _ := utf8.DecodeLastRuneInString(body[:i])
	return unicode.IsSpace(c) || c == '(' || c == '[' || c == '—' || c == '–'
}

// wordEdgeAfter reports whether a mark ending at i ends a word: what
// follows is the end, space or punctuation, not a letter (as in "Iran’s").
func wordEdgeAfter(body string, i int) bool {
	if i >= len(body) {
		return true
	}
	c, _ := utf8.DecodeRuneInString(body[i:])
	return !unicode.IsLetter(c) && !unicode.IsDigit(c)
}

// runAt returns the index of the run whose marks enclose offset off, or -1.
func (r *runner) runAt(off int) int {
	i := sort.Search(len(r.runs), func(i int) bool { return r.runs[i].close > off })
	if i < len(r.runs) && r.runs[i].open <= off {
		return i
	}
	return -1
}

// isMark reports whether s is a quotation mark token.
func isMark(s string) bool {
	switch s {
	case "“", "”", "\"", "‘", "’", "''", "``", "'":
		return true
	}
	return false
}
