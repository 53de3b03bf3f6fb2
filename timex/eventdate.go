package timex

import (
	"sort"
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// EventDate tells the day an event happened, from the time expressions
// already in d.Timexes, and where that day came from:
//
//  1. doc.DateText: a day-precise DATE or TIME expression of the event's
//     sentence — the one in the trigger's clause, nearest to the trigger,
//     else the nearest in the sentence.
//  2. If the sentence dates itself only coarsely ("in August", "a 2010
//     raid"), no day can be told: "", doc.DateUnknown.
//  3. doc.DateNarrative: the reference time carried forward — the latest
//     dated expression before the sentence, if it names a day no later than
//     publication (a future deadline is not where a story stands). A
//     coarse one ("In 2010, ...") stops the search: the story
//     has moved to background, and the fallback is publication.
//     A trigger in the present tense ("is charged", "says") speaks of
//     the time of the report, so it skips to the publication day.
//  4. doc.DatePublished: the publication day.
//
// Why carry forward rather than give up: under the contract's matching a
// gold event with a null date accepts any date, so a guess never costs a
// match that silence would have won, while the day of the narrative is
// often the right one ("Following the incident, Trump warned ...").
func EventDate(d *doc.Doc, sentence int, trigger doc.Span) (date string, basis string) {
	if sentence >= 0 && sentence < len(d.Sentences) {
		s := d.Sentences[sentence]
		lo := sort.Search(len(d.Timexes), func(i int) bool { return d.Timexes[i].Start >= s.Start })
		if v, coarse := sentenceDate(d, lo, s, trigger); v != "" {
			return v, doc.DateText
		} else if coarse {
			return "", doc.DateUnknown
		}
		if v := narrativeDate(d, lo); v != "" && !presentTense(d, s, trigger) {
			return v, doc.DateNarrative
		}
	}
	if d.Article.Published.IsZero() {
		return "", doc.DateUnknown
	}
	return dayValue(d.Article.Published), doc.DatePublished
}

// sentenceDate picks the day-precise expression of sentence s nearest the
// trigger, preferring its clause; coarse reports a dated but not
// day-precise expression in the sentence.
func sentenceDate(d *doc.Doc, lo int, s doc.Sentence, trigger doc.Span) (day string, coarse bool) {
	body := d.Article.Body
	best, bestScore := "", -1
	for i := lo; i < len(d.Timexes) && d.Timexes[i].Start < s.End; i++ {
		x := d.Timexes[i]
		if x.Type != "DATE" && x.Type != "TIME" {
			continue
		}
		if !isDay(x.Value) {
			if x.Value != "" && x.Value[0] >= '0' && x.Value[0] <= '9' {
				coarse = true
			}
			continue
		}
		a, b := x.End, trigger.Start
		if trigger.End <= x.Start {
			a, b = trigger.End, x.Start
		}
		score := distance(a, b)
		if a < b && b <= len(body) && clauseBreak(body[a:b]) {
			score += 1 << 20
		}
		if best == "" || score < bestScore {
			best, bestScore = x.Value[:10], score
		}
	}
	return best, coarse
}

func distance(a, b int) int {
	if b < a {
		return a - b
	}
	return b - a
}

// clauseBreak reports whether the text between two points crosses a clause
// boundary: a semicolon, a dash, or a comma before a relative pronoun or
// conjunction.
func clauseBreak(between string) bool {
	if strings.ContainsAny(between, ";—–") {
		return true
	}
	for _, w := range []string{", who ", ", which ", ", while ", ", but ", ", and ", ", after ", ", before ", ", when "} {
		if strings.Contains(between, w) {
			return true
		}
	}
	return false
}

// narrativeDate carries the reference time forward from before the
// timexes' index lo.
func narrativeDate(d *doc.Doc, lo int) string {
	pub := ""
	if !d.Article.Published.IsZero() {
		pub = dayValue(d.Article.Published)
	}
	for i := lo - 1; i >= 0; i-- {
		x := d.Timexes[i]
		if x.Type != "DATE" && x.Type != "TIME" || x.Value == "" {
			continue
		}
		if isDay(x.Value) {
			if v := x.Value[:10]; pub == "" || v <= pub {
				return v
			}
			continue
		}
		if x.Value[0] >= '0' && x.Value[0] <= '9' {
			return ""
		}
	}
	return ""
}

// presentTense reports whether the trigger is a verb in the present tense,
// looking back through its verb group: "is charged", "says", "are
// protesting". The present perfect ("has agreed") tells of the past.
func presentTense(d *doc.Doc, s doc.Sentence, trigger doc.Span) bool {
	i := d.TokenAt(trigger.Start)
	if i < s.First || i >= s.Last {
		return false
	}
	for k := i; k >= s.First && k >= i-3; k-- {
		tag := d.Tokens[k].Tag
		if k < i && !isVerb(tag) && tag != "RB" {
			return false
		}
		switch tag {
		case "VBZ", "VBP":
			w := strings.ToLower(d.Tokens[k].Text)
			return w != "has" && w != "have" && w != "'s" && w != "’s"
		case "VBD", "MD":
			return false
		}
	}
	return false
}
