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
	lemma := ""
	eachCandidate(w, func(c string) bool {
		if _, ok := lx.verbs[c]; ok {
			lemma = c
			return true
		}
		return false
	})
	return lemma
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

// eachCandidate calls fn with each possible lemma of w, the form itself
// first, until fn returns true; it reports whether one did. It builds no
// list, as it runs for every verb of every article.
func eachCandidate(w string, fn func(string) bool) bool {
	try := func(c string) bool {
		if len(c) < 2 {
			return false
		}
		if fn(c) {
			return true
		}
		if strings.HasSuffix(c, "ise") {
			return fn(c[:len(c)-3] + "ize")
		}
		return false
	}
	if try(w) {
		return true
	}
	switch {
	case strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ies"):
		return try(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ing"):
		stem := w[:len(w)-3]
		return try(stem) || try(stem+"e") || undouble(stem) != stem && try(undouble(stem))
	case strings.HasSuffix(w, "ed"):
		stem := w[:len(w)-2]
		return try(stem) || try(w[:len(w)-1]) || undouble(stem) != stem && try(undouble(stem))
	case strings.HasSuffix(w, "es"):
		return try(w[:len(w)-2]) || try(w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return try(w[:len(w)-1])
	}
	return false
}

// undouble drops a doubled final consonant: "stopp" -> "stop".
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiou", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}
