package quote

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// pronounGender tells the gender a personal pronoun asks of its
// antecedent: 'm', 'f', or 0 when it does not say ("I", "they").
func pronounGender(w string) byte {
	switch strings.ToLower(w) {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

// genders works out the gender of every person from what the article
// says of them: the pronouns the entity stage linked to them, honorifics
// and titles in their mentions and role ("Mrs", "spokeswoman"), and the
// given name their name opens with. Evidence both ways leaves it unknown:
// a wrong gender would hide the right speaker, a missing one only fails
// to rule out a wrong one.
func (r *runner) genders() {
	r.gender = make([]byte, len(r.d.Entities))
	for ei, e := range r.d.Entities {
		if e.Type != doc.PERSON {
			continue
		}
		var seen byte
		vote := func(g byte) {
			switch {
			case g == 0 || seen == '?':
			case seen == 0:
				seen = g
			case seen != g:
				seen = '?'
			}
		}
		vote(r.q.gender[firstWord(e.Name)])
		for _, w := range strings.Fields(strings.ToLower(e.Role)) {
			vote(r.q.gender[w])
		}
		for _, m := range e.Mentions {
			if m.Kind == doc.MentionPronoun {
				vote(pronounGender(m.Text))
				continue
			}
			vote(r.q.gender[firstWord(m.Text)])
		}
		if seen != '?' {
			r.gender[ei] = seen
		}
	}
}

// firstWord is the first word of s, lower case, without a closing dot.
func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return strings.ToLower(strings.TrimRight(w, "."))
}

// fits reports whether entity ei can be what a pronoun of gender g stands
// for: a person of that gender or of unknown gender.
func (r *runner) fits(ei int, g byte) bool {
	if ei < 0 || r.d.Entities[ei].Type != doc.PERSON {
		return false
	}
	return g == 0 || r.gender[ei] == 0 || r.gender[ei] == g
}
