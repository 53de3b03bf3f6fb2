package event

import (
	"strconv"
	"strings"
)

// numberWords are the spelled-out counts news uses for casualties.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
	"a": 1, "an": 1,
}

// number reads a count at token i: digits ("25", "1,200") or a word.
func (c *clause) number(i int) (int, bool) {
	w := strings.ReplaceAll(c.a.lower[i], ",", "")
	if n, err := strconv.Atoi(w); err == nil && n >= 0 && n < 1000000 {
		return n, true
	}
	if n, ok := numberWords[w]; ok && (c.a.tag(i) == "CD" || n > 1) {
		return n, true
	}
	return 0, false
}

// countNear finds a count just after token k ("killed at least 25 people"),
// skipping hedges.
func (c *clause) countAfter(k int) (int, bool) {
	for j := k + 1; j < c.last && j <= k+4; j++ {
		switch c.a.lower[j] {
		case "at", "least", "more", "than", "about", "some", "nearly", "almost", "around", "over", "up", "to":
			continue
		}
		return c.number(j)
	}
	return 0, false
}

// countBefore finds a count shortly before token k ("nine people were
// killed", "25 dead").
func (c *clause) countBefore(k int) (int, bool) {
	for j := k - 1; j >= c.first && j >= k-5; j-- {
		if n, ok := c.number(j); ok && (c.a.tag(j) == "CD" || c.a.tag(j) == "JJ" && n > 1) {
			return n, true
		}
		if c.a.lower[j] == "," || c.a.lower[j] == ";" {
			break
		}
	}
	return 0, false
}

// casualties reads the dead and wounded a sentence reports and gives them
// to the assault they follow ("airstrikes ... that killed 25 people and
// injured many more" gives the airstrikes 25 dead and an unknown number
// of injured), else to the sentence's first assault.
func (c *clause) casualties(evs []candidate) {
	owner := func(k int) int {
		best, first := -1, -1
		at := c.a.d.Tokens[k].Start
		for i := range evs {
			if evs[i].ev.Type != "ASSAULT" {
				continue
			}
			if evs[i].ev.Trigger.Start == at {
				// "soldiers killed 12 rebels": the killing itself.
				return i
			}
			if first < 0 {
				first = i
			}
			if evs[i].ev.Trigger.Start < at &&
				(best < 0 || evs[i].ev.Trigger.Start > evs[best].ev.Trigger.Start) {
				best = i
			}
		}
		if best < 0 {
			return first
		}
		return best
	}
	for k := c.first; k < c.last; k++ {
		w := c.a.lower[k]
		var n int
		var ok, dead bool
		switch w {
		case "killed", "killing", "kills", "kill", "murdered", "massacred":
			dead = true
			if n, ok = c.countAfter(k); !ok && c.passiveWord(k) {
				n, ok = c.countBefore(k)
			}
		case "toll":
			dead = true
			n, ok = c.countAfterToll(k)
		case "dead", "died", "deaths", "fatalities":
			dead = true
			n, ok = c.countBefore(k)
		case "injured", "injuring", "wounded", "wounding", "injuries":
			if w != "injuries" {
				n, ok = c.countAfter(k)
			}
			if !ok && (c.passiveWord(k) || k > c.first && c.a.tag(k-1) != "CC") {
				n, ok = c.countBefore(k)
			}
		}
		if !ok {
			continue
		}
		i := owner(k)
		if i < 0 {
			return
		}
		if dead && evs[i].ev.Fatalities == nil {
			evs[i].ev.Fatalities = &n
		} else if !dead && evs[i].ev.Injuries == nil {
			evs[i].ev.Injuries = &n
		}
	}
}

// passiveWord reports whether token k is preceded by a form of "be".
func (c *clause) passiveWord(k int) bool {
	for j := k - 1; j >= c.first && j >= k-3; j-- {
		switch c.a.lower[j] {
		case "was", "were", "been", "be", "are", "is":
			return true
		}
	}
	return false
}

// countAfterToll reads the figure of "death toll rose to 30" or "a death
// toll of 30": the first count within a few tokens after "toll", when
// "death" stands before it.
func (c *clause) countAfterToll(k int) (int, bool) {
	if k == c.first || c.a.lower[k-1] != "death" {
		return 0, false
	}
	for j := k + 1; j < c.last && j <= k+6; j++ {
		if c.a.lower[j] == "," || c.a.lower[j] == ";" {
			break
		}
		if n, ok := c.number(j); ok && c.a.tag(j) == "CD" {
			return n, true
		}
	}
	return 0, false
}
