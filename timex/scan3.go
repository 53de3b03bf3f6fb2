package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// partOfYear reads quarters and halves: "the first quarter", "the second
// half of 2019", "Q3", "Q1 2020".
func (s *scan) partOfYear(i int) (match, bool) {
	j := i
	if s.w(j) == "the" {
		j++
	}
	var n int
	var letter string
	k := j + 1
	if w := s.w(j); len(w) == 2 && (w[0] == 'q' || w[0] == 'h') && w[1] >= '1' && w[1] <= '4' {
		n, letter = int(w[1]-'0'), strings.ToUpper(w[:1])
		if letter == "H" && n > 2 {
			return match{}, false
		}
	} else {
		var ok bool
		n, ok = s.dayNum(s.w(j))
		switch {
		case !ok:
			return match{}, false
		case s.w(j+1) == "quarter" && n <= 4:
			letter = "Q"
		case s.w(j+1) == "half" && n <= 2:
			letter = "H"
		default:
			return match{}, false
		}
		k = j + 2
	}
	months := 3
	if letter == "H" {
		months = 6
	}
	y := s.ref.Year()
	switch {
	case s.w(k) == "of" && s.w(k+2) == "year" && s.t.cue[s.w(k+1)] != 0 || s.w(k+1) == "this":
		if s.w(k+2) != "year" {
			break
		}
		y += s.t.cue[s.w(k+1)]
		k += 3
	default:
		if yy, e, ok := s.yearAfter(k); ok {
			y, k = yy, e
		} else if s.direction(i, k) == past && (n-1)*months+1 > int(s.ref.Month()) {
			y--
		}
	}
	return match{a: i, b: k, typ: "DATE", val: fmt.Sprintf("%04d-%s%d", y, letter, n)}, true
}

// holidayAt reads feasts with a date: "Christmas", "Christmas Eve", "New
// Year's Day", "Thanksgiving", "Easter".
func (s *scan) holidayAt(i int) (match, bool) {
	if !s.upper(i) {
		return match{}, false
	}
	w := s.w(i)
	b := i + 1
	var v string
	switch {
	case w == "new" && s.w(i+1) == "year" && isPossessive(s.w(i+2)) && (s.w(i+3) == "day" || s.w(i+3) == "eve"):
		v, b = "01-01", i+4
		if s.w(i+3) == "eve" {
			v = "12-31"
		}
	case w == "valentine" && isPossessive(s.w(i+1)) && s.w(i+2) == "day":
		v, b = "02-14", i+3
	default:
		var ok bool
		if v, ok = s.t.holiday[w]; !ok || w == "valentine" {
			return match{}, false
		}
		switch s.w(b) {
		case "eve":
			if w == "christmas" {
				v = "12-24"
			}
			b++
		case "day", "sunday":
			b++
		case "monday":
			if w == "easter" {
				v = "easter-monday"
				b++
			}
		default:
			if t := s.tag(b); t == "NN" || t == "NNS" || t == "NNP" && s.upper(b) {
				return match{}, false // "Christmas tree", "Christmas Island"
			}
		}
	}
	day, ok := s.feast(v, s.direction(i, b))
	if !ok {
		return match{}, false
	}
	return match{a: i, b: b, typ: "DATE", val: dayValue(day)}, true
}

func isPossessive(w string) bool { return w == "'s" || w == "’s" }

// feast finds the occurrence of a feast nearest the reference day, bent by
// the tense as for other days of the year.
func (s *scan) feast(v string, dir int) (time.Time, bool) {
	on := func(y int) time.Time {
		switch v {
		case "easter":
			return easter(y)
		case "easter-monday":
			return easter(y).AddDate(0, 0, 1)
		case "thanksgiving":
			d := date(y, 11, 1)
			return d.AddDate(0, 0, (4-isoWeekday(d)+7)%7+21)
		}
		m, _ := strconv.Atoi(v[:2])
		dd, _ := strconv.Atoi(v[3:])
		return date(y, m, dd)
	}
	if len(v) != 5 && v != "easter" && v != "easter-monday" && v != "thanksgiving" {
		return time.Time{}, false
	}
	best := on(s.ref.Year())
	for _, y := range []int{s.ref.Year() - 1, s.ref.Year() + 1} {
		if t := on(y); absDays(t.Sub(s.ref)) < absDays(best.Sub(s.ref)) {
			best = t
		}
	}
	week := 7 * 24 * time.Hour
	switch {
	case dir == past && best.Sub(s.ref) > week:
		best = on(best.Year() - 1)
	case dir == future && s.ref.Sub(best) > week:
		best = on(best.Year() + 1)
	}
	return best, true
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// easter gives Easter Sunday of year y (the Gregorian computus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, month, day)
}

// anchored reads days told from the story's last named day: "the next
// day", "the following morning", "the day before", "that night", "the
// same day". Without such a day they are left unmarked.
func (s *scan) anchored(i int) (match, bool) {
	if s.anchor.IsZero() {
		return match{}, false
	}
	w0, w1, w2 := s.w(i), s.w(i+1), s.w(i+2)
	shift, b := 0, 0
	var part string
	switch {
	case w0 == "the" && (w1 == "next" || w1 == "following") && (w2 == "day" || s.t.partday[w2] != ""):
		shift, b, part = 1, i+3, w2
	case w0 == "the" && w1 == "previous" && (w2 == "day" || w2 == "night" || w2 == "evening"):
		shift, b, part = -1, i+3, w2
	case w0 == "the" && (w1 == "day" || w1 == "night") && (w2 == "before" || w2 == "after") && isWord(s.w(i+3)):
		// "the day before the son reported him missing": the day is told
		// from an event, not from the last named day.
		return match{a: i, b: i + 2, typ: "DATE", val: "XXXX-XX-XX"}, true
	case w0 == "the" && (w1 == "day" || w1 == "night") && (w2 == "before" || w2 == "earlier"):
		shift, b, part = -1, i+3, w1
	case w0 == "the" && w1 == "same" && (w2 == "day" || w2 == "night"):
		b, part = i+3, w2
	case w0 == "that" && (w1 == "day" || w1 == "night" || w1 == "morning" || w1 == "evening" || w1 == "afternoon"):
		b, part = i+2, w1
	default:
		return match{}, false
	}
	day := dayValue(s.anchor.AddDate(0, 0, shift))
	if p := s.t.partday[part]; p != "" && !strings.HasPrefix(p, "T") {
		return match{a: i, b: b, typ: "TIME", val: day + "T" + p}, true
	}
	return match{a: i, b: b, typ: "DATE", val: day}, true
}

// isWord reports whether w starts with a letter: a clause goes on.
func isWord(w string) bool {
	return w != "" && (w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z')
}
