package aeb

import (
	"strings"
	"unicode"
)

// tokens cuts text into maximal runs of Unicode letters, digits and
// underscore; everything else only separates. The benchmark deletes soft
// hyphens before scoring, so a word broken by one stays one token.
func tokens(text string) []string {
	text = strings.ReplaceAll(text, "\u00ad", "")
	var out []string
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// shingles returns the multiset of 4-token windows of toks. A text of one
// to three tokens is a single shorter shingle; an empty text has none.
func shingles(toks []string) map[string]int {
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < 4 {
		m[strings.Join(toks, "\x00")]++
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[strings.Join(toks[i:i+4], "\x00")]++
	}
	return m
}

// pageScore is one page's outcome, normalised so that every page weighs
// the same whatever its length.
type pageScore struct {
	tp, fp, fn float64
	exact      bool
}

// score compares one extraction with its gold text.
func score(got, want string) pageScore {
	gt, wt := tokens(got), tokens(want)
	gs, ws := shingles(gt), shingles(wt)
	var tp, gn, wn int
	for k, n := range gs {
		gn += n
		tp += min(n, ws[k])
	}
	for _, n := range ws {
		wn += n
	}
	fp, fn := gn-tp, wn-tp
	ps := pageScore{exact: equal(gt, wt)}
	if sum := tp + fp + fn; sum > 0 {
		ps.tp = float64(tp) / float64(sum)
		ps.fp = float64(fp) / float64(sum)
		ps.fn = float64(fn) / float64(sum)
	}
	return ps
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
