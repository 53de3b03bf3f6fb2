package event

import "strings"

// verbLemma returns the lemma of a verb form that names a lexicon entry,
// or "" when none does. It is a light lemmatiser: an irregular-form table,
// then suffix rules whose candidates are checked against the lexicon, so
// "accused" finds "accuse" and "stopped" finds "stop" without a full
// morphology.
func (lx *lexicon) verbLemma(word string) string {
	w := strings.ToLower(word)
	if l, ok := lx.irregular[w]; ok {
		w = l
	}
	if _, ok := lx.verbs[w]; ok {
		return w
	}
	if !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") {
		return ""
	}
	for _, c := range suffixCandidates(w) {
		if _, ok := lx.verbs[c]; ok {
			return c
		}
	}
	return ""
}

// baseVerb returns a best-guess lemma for any verb form, for cue tests
// ("be", "have", "deny") that do not need a lexicon entry.
func (lx *lexicon) baseVerb(word string) string {
	w := strings.ToLower(word)
	if l, ok := lx.irregular[w]; ok {
		return l
	}
	return w
}

// nounLemma returns the lemma of a noun that names a noun lexicon entry,
// or "".
func (lx *lexicon) nounLemma(word string) string {
	w := strings.ToLower(word)
	if _, ok := lx.nouns[w]; ok {
		return w
	}
	try := func(c string) bool { _, ok := lx.nouns[c]; return ok }
	switch {
	case strings.HasSuffix(w, "ies"):
		if c := w[:len(w)-3] + "y"; try(c) {
			return c
		}
	case strings.HasSuffix(w, "es"):
		if c := w[:len(w)-1]; try(c) {
			return c
		}
		if c := w[:len(w)-2]; try(c) {
			return c
		}
	case strings.HasSuffix(w, "s"):
		if c := w[:len(w)-1]; try(c) {
			return c
		}
	}
	return ""
}

// suffixCandidates lists possible lemmas of an inflected verb form, the
// form itself first. British -ise spellings also yield their -ize twin.
func suffixCandidates(w string) []string {
	out := []string{w}
	add := func(s string) {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	switch {
	case strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ies"):
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ing"):
		stem := w[:len(w)-3]
		add(stem)
		add(stem + "e")
		if undouble(stem) != stem {
			add(undouble(stem))
		}
	case strings.HasSuffix(w, "ed"):
		stem := w[:len(w)-2]
		add(stem)
		add(w[:len(w)-1])
		if undouble(stem) != stem {
			add(undouble(stem))
		}
	case strings.HasSuffix(w, "es"):
		add(w[:len(w)-2])
		add(w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		add(w[:len(w)-1])
	}
	n := len(out)
	for _, c := range out[:n] {
		if strings.HasSuffix(c, "ise") {
			out = append(out, c[:len(c)-3]+"ize")
		}
	}
	return out
}

// undouble drops a doubled final consonant: "stopp" -> "stop".
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiou", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}
