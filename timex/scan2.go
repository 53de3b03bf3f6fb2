package timex

import (
	"fmt"
	"strconv"
	"strings"
)

// number reads a count at token j: "two", "90", "forty-five", "twenty
// one", "a", "a few", "several". It returns the count (-1 when vague), its
// TimeML form, and the token after it.
func (s *scan) number(j int) (n int, form string, next int, ok bool) {
	w := s.w(j)
	if w == "a" || w == "an" {
		switch s.w(j + 1) {
		case "few":
			return -1, "X", j + 2, true
		case "couple":
			if s.w(j+2) == "of" {
				return 2, "2", j + 3, true
			}
			return 2, "2", j + 2, true
		}
		return 1, "1", j + 1, true
	}
	if s.t.vague[w] {
		return -1, "X", j + 1, true
	}
	if w == "half" && (s.w(j+1) == "an" || s.w(j+1) == "a") {
		return 0, "0.5", j + 2, true // "half an hour"
	}
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		clean := strings.ReplaceAll(w, ",", "")
		if f, err := strconv.ParseFloat(clean, 64); err == nil && f >= 0 && f < 100000 {
			return int(f), clean, j + 1, true
		}
		return 0, "", j, false
	}
	n, ok = s.wordNumber(w)
	if !ok || n == 0 {
		return 0, "", j, false
	}
	next = j + 1
	if n >= 20 && n%10 == 0 && n < 100 {
		if u, ok := s.t.number[s.w(next)]; ok && u > 0 && u < 10 && s.w(next) != "a" && s.w(next) != "an" {
			n += u
			next++
		}
	}
	if s.w(next) == "hundred" && n < 100 {
		n *= 100
		next++
	}
	if s.w(next) == "and" && s.w(next+1) == "a" && s.w(next+2) == "half" {
		return n, strconv.Itoa(n) + ".5", next + 3, true // "two and a half years"
	}
	return n, strconv.Itoa(n), next, true
}

// wordNumber reads a number word, hyphenated or not: "five", "forty-five".
func (s *scan) wordNumber(w string) (int, bool) {
	if w == "a" || w == "an" || w == "hundred" {
		return 0, false
	}
	if n, ok := s.t.number[w]; ok {
		return n, true
	}
	tens, ones, ok := strings.Cut(w, "-")
	if !ok {
		return 0, false
	}
	t, ok1 := s.t.number[tens]
	o, ok2 := s.t.number[ones]
	if !ok1 || !ok2 || t < 20 || t%10 != 0 || o < 1 || o > 9 {
		return 0, false
	}
	return t + o, true
}

// isAge reports whether a count of years at [a, b) is someone's age:
// "25 years old", "aged 25", "children ages 6 months and older".
func (s *scan) isAge(a, b int) bool {
	switch s.w(b) {
	case "old", "-old", "older", "younger", "of":
		if s.w(b) != "of" || s.w(b+1) == "age" {
			return true
		}
	}
	switch s.w(a - 1) {
	case "aged", "age", "ages":
		return true
	}
	return false
}

// numberUnit reads durations and their "ago" dates: "two days", "a month",
// "the 90 years", "almost seven years", "several days", "48-hour",
// "four years ago", and bare plural units such as "for years".
func (s *scan) numberUnit(i int) (match, bool) {
	j := i
	if s.w(j) == "the" {
		j++
	}
	switch s.w(j) {
	case "almost", "nearly", "mere", "full", "whole":
		j++
	case "a":
		if s.w(j+1) == "mere" || s.w(j+1) == "full" {
			j += 2
			if s.w(j) == "one" {
				j++
			}
			if u, ok := s.t.unit[s.w(j)]; ok && !strings.HasSuffix(s.w(j), "s") {
				return s.unitEnd(i, j, 1, "1", u)
			}
		}
	}
	if m, ok := s.hyphenUnit(j); ok {
		m.a = i
		return m, true
	}
	n, form, k, ok := s.number(j)
	if !ok {
		if j == i {
			return s.bareUnit(i)
		}
		return match{}, false
	}
	unitWord := s.w(k)
	u, ok := s.t.unit[unitWord]
	if !ok || u == "Q" || u == "WE" {
		return match{}, false
	}
	plural := strings.HasSuffix(unitWord, "s")
	if (s.w(j) == "a" || s.w(j) == "an" || form == "0.5") && plural {
		return match{}, false
	}
	if form == "0.5" && u == "TH" {
		return s.unitEnd(i, k, 30, "30", "TM") // "half an hour" is PT30M
	}
	if (s.w(j) == "a" || s.w(j) == "an") && j == i && (s.tag(i-1) == "NNS" || s.w(i-1) == "%") {
		return match{a: i, b: k + 1, typ: "SET", val: durationValue(1, u)}, true // "5,000 barrels a day"
	}
	if u == "S" && !plural && strings.HasPrefix(s.tag(k+1), "NN") {
		return match{}, false // "a second term"
	}
	if j == i && s.w(j) != "a" && s.w(j) != "an" && n < 0 && s.w(j) == "some" && !plural {
		return match{}, false
	}
	return s.unitEnd(i, k, n, form, u)
}

// unitEnd finishes a count and unit ending at token k.
func (s *scan) unitEnd(i, k, n int, form, u string) (match, bool) {
	if s.isAge(i, k+1) {
		return match{}, false
	}
	if s.w(k+1) == "ago" {
		if n < 0 {
			return match{a: i, b: k + 2, typ: "DATE", val: "PAST_REF"}, true
		}
		return match{a: i, b: k + 2, typ: "DATE", val: shiftValue(s.ref, -n, u)}, true
	}
	b := k + 1
	if s.w(b) == "'" || s.w(b) == "’" {
		b++
	}
	v := durationValue(n, u)
	if n >= 0 && form != strconv.Itoa(n) {
		v = strings.Replace(durationValue(1, u), "1", form, 1)
	}
	return match{a: i, b: b, typ: "DURATION", val: v}, true
}

// hyphenUnit reads one-token durations: "48-hour", "four-week",
// "forty-five-year", but not ages ("25-year-old").
func (s *scan) hyphenUnit(j int) (match, bool) {
	w := s.w(j)
	cut := strings.LastIndexByte(w, '-')
	if cut <= 0 {
		return match{}, false
	}
	u, ok := s.t.unit[w[cut+1:]]
	if !ok || u == "Q" || u == "WE" || strings.HasSuffix(w, "s") {
		return match{}, false
	}
	num := w[:cut]
	n, ok := s.wordNumber(num)
	if !ok {
		n, ok = smallInt(num, 4)
	}
	if !ok || n <= 0 || s.isAge(j, j+1) {
		return match{}, false
	}
	return match{a: j, b: j + 1, typ: "DURATION", val: durationValue(n, u)}, true
}

// bareUnit reads a plural unit with no count, "for years", "within weeks",
// "years of war": an unspecified duration.
func (s *scan) bareUnit(i int) (match, bool) {
	w := s.w(i)
	u, ok := s.t.unit[w]
	if !ok || !strings.HasSuffix(w, "s") || s.tag(i) != "NNS" {
		return match{}, false
	}
	switch u {
	case "S", "Q", "WE", "2W", "CE":
		return match{}, false
	}
	prev := s.tag(i - 1)
	if prev == "DT" || prev == "PRP$" || prev == "JJ" || prev == "POS" || prev == "CD" || s.isAge(i, i+1) {
		return match{}, false
	}
	if s.w(i+1) == "ago" {
		return match{a: i, b: i + 2, typ: "DATE", val: "PAST_REF"}, true
	}
	return match{a: i, b: i + 1, typ: "DURATION", val: durationValue(-1, u)}, true
}

// clockAt reads times of day: "10:30 a.m.", "4 p.m.", "15:00 GMT
// Saturday", "10:30 p.m. Aug. 9", "midnight".
func (s *scan) clockAt(i int) (match, bool) {
	w := s.w(i)
	if p, ok := s.t.partday[w]; ok && strings.HasPrefix(p, "T") {
		return s.clockEnd(i, i+1, p)
	}
	if len(w) == 4 && s.t.zone[s.w(i+1)] {
		// "1900 GMT": a time on the 24-hour clock.
		h, ok1 := smallInt(w[:2], 2)
		m, ok2 := smallInt(w[2:], 2)
		if ok1 && ok2 && h < 24 && m < 60 {
			return s.clockEnd(i, i+1, fmt.Sprintf("T%02d:%02d", h, m))
		}
	}
	h, m, sec, mer, ok := clockToken(w)
	if !ok {
		return match{}, false
	}
	j := i + 1
	if mer == "" {
		if v, ok := s.t.meridiem[s.w(j)]; ok {
			mer = v
			j++
		}
	}
	if mer == "" && m < 0 {
		return match{}, false // a bare number is not a time
	}
	if sec >= 0 && mer == "" {
		return match{a: i, b: j, typ: "DURATION", val: fmt.Sprintf("PT%dH%dM%dS", h, m, sec)}, true
	}
	if mer != "" && (h < 1 || h > 12) {
		return match{}, false
	}
	if mer == "pm" && h < 12 {
		h += 12
	}
	if mer == "am" && h == 12 {
		h = 0
	}
	if m < 0 {
		m = 0
	}
	return s.clockEnd(i, j, fmt.Sprintf("T%02d:%02d", h, m))
}

// clockToken parses "10:30", "15:00", "10am", "10.30pm", "3:07:35"; m is -1
// when the token holds only an hour, sec -1 when it has no seconds.
func clockToken(w string) (h, m, sec int, mer string, ok bool) {
	m, sec = -1, -1
	for _, suf := range []string{"a.m.", "p.m.", "am", "pm"} {
		if x, cut := strings.CutSuffix(w, suf); cut && x != "" {
			w, mer = x, suf[:1]+"m"
			break
		}
	}
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == ':' || (mer != "" && r == '.') })
	if len(parts) == 0 || len(parts) > 3 {
		return 0, 0, 0, "", false
	}
	h, ok = smallInt(parts[0], 2)
	if !ok || h > 24 {
		return 0, 0, 0, "", false
	}
	if len(parts) == 1 {
		return h, -1, -1, mer, strings.IndexByte(w, ':') < 0
	}
	for k, p := range parts[1:] {
		v, ok := smallInt(p, 2)
		if !ok || len(p) != 2 || v > 59 {
			return 0, 0, 0, "", false
		}
		if k == 0 {
			m = v
		} else {
			sec = v
		}
	}
	return h, m, sec, mer, true
}

// clockEnd reads what may follow a time of day: a zone and a day.
func (s *scan) clockEnd(i, j int, clock string) (match, bool) {
	if s.t.zone[s.w(j)] {
		j++
	}
	if s.w(j) == "local" {
		j++
		if s.w(j) == "time" {
			j++
		}
	}
	k := j
	if s.w(k) == "," || s.w(k) == "on" {
		k++
	}
	for _, f := range []func(int) (match, bool){s.weekdayAt, s.relDay, s.monthFirst, s.dayFirst, s.anchored} {
		if d, ok := f(k); ok && isDay(d.val) {
			if k > j && s.w(j) == "on" {
				// "4 p.m. on Tuesday": the day is marked apart in TimeML.
				break
			}
			return match{a: i, b: d.b, typ: "TIME", val: d.val[:10] + clock}, true
		}
	}
	return match{a: i, b: j, typ: "TIME", val: clock, clock: true}, true
}

// yearAt reads years and larger periods: "2019", "2009-2010",
// "2019-12-31", "12/31/2019", "fiscal year 2019", "the 1990s", "the '90s",
// "the 20th century".
func (s *scan) yearAt(i int) (match, bool) {
	j := i
	w := s.w(j)
	if w == "fiscal" || w == "fy" {
		j++
		if s.w(j) == "year" {
			j++
		}
		if y, ok := yearOf(s.w(j)); ok {
			return match{a: i, b: j + 1, typ: "DATE", val: yearValue(y)}, true
		}
		return match{}, false
	}
	if strings.HasPrefix(w, "fy") {
		if y, ok := yearOf(w[2:]); ok {
			return match{a: i, b: i + 1, typ: "DATE", val: yearValue(y)}, true
		}
		if y, ok := smallInt(w[2:], 2); ok && len(w) == 4 {
			return match{a: i, b: i + 1, typ: "DATE", val: yearValue(2000 + y)}, true
		}
	}
	if w == "the" {
		j++
		if _, ok := s.t.mod[s.w(j)]; ok {
			j++
		}
		if v, ok := s.decade(s.w(j)); ok {
			return match{a: i, b: j + 1, typ: "DATE", val: v}, true
		}
		if v, ok := s.century(j); ok {
			return match{a: i, b: j + 2, typ: "DATE", val: v}, true
		}
		return match{}, false
	}
	if v, ok := s.decade(w); ok {
		return match{a: i, b: i + 1, typ: "DATE", val: v}, true
	}
	if v, ok := s.century(i); ok {
		return match{a: i, b: i + 2, typ: "DATE", val: v}, true
	}
	if m, ok := s.numericDate(i); ok {
		return m, true
	}
	y, ok := yearOf(w)
	if !ok || !s.yearContext(i, y) {
		return match{}, false
	}
	b := i + 1
	if s.w(b) == "fiscal" && s.w(b+1) == "year" {
		b += 2
	}
	return match{a: i, b: b, typ: "DATE", val: yearValue(y)}, true
}

// yearContext rejects four-digit numbers that are counts or codes.
func (s *scan) yearContext(i, y int) bool {
	switch s.w(i - 1) {
	case "$", "€", "£", "#", "no.", "number", "nos.", "route", "flight", "about", "some", "nearly", "over", "than":
		return false
	}
	if s.t.zone[s.w(i+1)] {
		return false // "1900 GMT" is a time
	}
	switch s.w(i + 1) {
	case "%", "percent", "per":
		return false
	}
	for k := i + 2; k <= i+3 && s.upper(i+1); k++ {
		if s.t.street[s.w(k)] && s.upper(k) {
			return false // "of 1119 Eighth St."
		}
	}
	if s.tag(i+1) == "NNS" {
		if _, ok := s.t.unit[s.w(i+1)]; !ok {
			return false
		}
	}
	if y < 1900 {
		switch s.w(i - 1) {
		case "in", "since", "of", "from", "until", "till", "by", "before", "after", "during", ",":
		default:
			return false
		}
	}
	return true
}

// decade reads "1990s", "'90s", "’90s" as TimeML's "199".
func (s *scan) decade(w string) (string, bool) {
	x, ok := strings.CutSuffix(w, "s")
	if !ok {
		return "", false
	}
	if y, ok := yearOf(x); ok && y%10 == 0 {
		return fmt.Sprintf("%03d", y/10), true
	}
	x = strings.TrimPrefix(strings.TrimPrefix(x, "'"), "’")
	if len(x) == 2 && len(x) < len(w)-1 {
		if n, ok := smallInt(x, 2); ok && n%10 == 0 {
			if n < 30 {
				return fmt.Sprintf("20%d", n/10), true
			}
			return fmt.Sprintf("19%d", n/10), true
		}
	}
	return "", false
}

// century reads "20th century", "nineteenth century" at token j.
func (s *scan) century(j int) (string, bool) {
	if s.w(j+1) != "century" {
		return "", false
	}
	n, ok := s.dayNum(s.w(j))
	if !ok || n < 1 {
		return "", false
	}
	return fmt.Sprintf("%02d", n-1), true
}

// numericDate reads one-token dates: "2019-12-31", "12/31/2019", and year
// ranges "2009-2010", which give two expressions.
func (s *scan) numericDate(i int) (match, bool) {
	if i < 0 || i >= len(s.toks) {
		return match{}, false
	}
	w := s.w(i)
	tok := s.toks[i]
	if p := strings.Split(w, "-"); len(p) == 3 && len(p[0]) == 4 {
		y, ok1 := yearOf(p[0])
		m, ok2 := smallInt(p[1], 2)
		d, ok3 := smallInt(p[2], 2)
		if ok1 && ok2 && ok3 && validDay(y, m, d) {
			return match{a: i, b: i + 1, typ: "DATE", val: dayValue(date(y, m, d))}, true
		}
		return match{}, false
	}
	if p := strings.Split(w, "/"); len(p) == 3 && len(p[2]) == 4 {
		a, ok1 := smallInt(p[0], 2)
		b, ok2 := smallInt(p[1], 2)
		y, ok3 := yearOf(p[2])
		if !ok1 || !ok2 || !ok3 {
			return match{}, false
		}
		m, d := a, b
		if a > 12 {
			m, d = b, a
		}
		if validDay(y, m, d) {
			return match{a: i, b: i + 1, typ: "DATE", val: dayValue(date(y, m, d))}, true
		}
		return match{}, false
	}
	first, second, ok := strings.Cut(w, "-")
	y1, ok1 := yearOf(first)
	if !ok || !ok1 {
		return match{}, false
	}
	y2, ok2 := yearOf(second)
	if !ok2 && len(second) == 2 {
		if n, ok := smallInt(second, 2); ok {
			y2, ok2 = y1/100*100+n, true
		}
	}
	m := match{a: i, b: i + 1, start: tok.Start, end: tok.Start + len(first), typ: "DATE", val: yearValue(y1)}
	if ok2 && y2 > y1 && len(tok.Text) == len(w) {
		off := tok.Start + len(first) + 1
		return match{a: i, b: i + 1, start: off, end: off + len(second), typ: "DATE", val: yearValue(y2), pre: &m}, true
	}
	return match{}, false
}

// refWord reads the vague references: "now", "currently", "the past", "at
// the time", "the future", "these days".
func (s *scan) refWord(i int) (match, bool) {
	w := s.w(i)
	if v, ok := s.t.ref[w]; ok {
		return match{a: i, b: i + 1, typ: "DATE", val: v}, true
	}
	switch {
	case w == "the" && s.w(i+1) == "past":
		switch s.w(i - 1) {
		case "in", "of", "from", "than":
			return match{a: i, b: i + 2, typ: "DATE", val: "PAST_REF"}, true
		}
	case w == "the" && s.w(i+1) == "future" && s.w(i-1) == "in":
		return match{a: i, b: i + 2, typ: "DATE", val: "FUTURE_REF"}, true
	case w == "at" && (s.w(i+1) == "the" || s.w(i+1) == "that") && s.w(i+2) == "time":
		return match{a: i, b: i + 3, typ: "DATE", val: "PAST_REF"}, true
	case w == "these" && s.w(i+1) == "days":
		return match{a: i, b: i + 2, typ: "DATE", val: "PRESENT_REF"}, true
	}
	return match{}, false
}

// set reads frequencies: "every year", "each Monday", "every morning",
// "every two weeks", "daily", "per week", "twice a year".
func (s *scan) set(i int) (match, bool) {
	w := s.w(i)
	switch w {
	case "every", "each":
		return s.every(i)
	case "per":
		if u, ok := s.t.unit[s.w(i+1)]; ok && u != "WE" && u != "Q" {
			return match{a: i, b: i + 2, typ: "SET", val: durationValue(1, u)}, true
		}
		return match{}, false
	case "once", "twice", "thrice":
		return s.frequency(i, i+1)
	}
	if v, ok := s.t.setword[w]; ok && strings.HasPrefix(s.tag(i), "RB") {
		return match{a: i, b: i + 1, typ: "SET", val: v}, true
	}
	if _, _, k, ok := s.number(i); ok && s.w(k) == "times" {
		return s.frequency(i, k+1)
	}
	return match{}, false
}

// frequency finishes "twice a week" from the article at token j.
func (s *scan) frequency(i, j int) (match, bool) {
	switch s.w(j) {
	case "a", "an", "per", "every", "each":
		if u, ok := s.t.unit[s.w(j+1)]; ok && u != "WE" && u != "Q" {
			return match{a: i, b: j + 2, typ: "SET", val: durationValue(1, u)}, true
		}
	}
	return match{}, false
}

// every reads the rest of "every ..." and "each ...".
func (s *scan) every(i int) (match, bool) {
	j := i + 1
	n, form := 1, "1"
	if s.w(j) == "other" {
		n, form = 2, "2"
		j++
	} else if c, f, k, ok := s.number(j); ok && c > 1 {
		n, form, j = c, f, k
	}
	w := s.w(j)
	if u, ok := s.t.unit[w]; ok && u != "Q" {
		if u == "WE" {
			return match{a: i, b: j + 1, typ: "SET", val: "XXXX-WXX-WE"}, true
		}
		v := durationValue(n, u)
		if form != strconv.Itoa(n) {
			v = strings.Replace(durationValue(1, u), "1", form, 1)
		}
		return match{a: i, b: j + 1, typ: "SET", val: v}, true
	}
	if n != 1 {
		return match{}, false
	}
	if wd, ok := s.t.weekday[w]; ok {
		return match{a: i, b: j + 1, typ: "SET", val: fmt.Sprintf("XXXX-WXX-%d", wd)}, true
	}
	if p, ok := s.t.partday[w]; ok && !strings.HasPrefix(p, "T") {
		return match{a: i, b: j + 1, typ: "SET", val: "XXXX-XX-XXT" + p}, true
	}
	if m, ok := s.monthWord(j); ok {
		return match{a: i, b: j + 1, typ: "SET", val: fmt.Sprintf("XXXX-%02d", m)}, true
	}
	if se, ok := s.t.season[w]; ok {
		return match{a: i, b: j + 1, typ: "SET", val: "XXXX-" + se}, true
	}
	return match{}, false
}

// direction tells whether an expression at tokens [a, b) looks back or
// ahead, from the tense of the nearest verb group: "will", "'ll", "shall",
// "scheduled", "due" look ahead; a past tense or participle looks back.
func (s *scan) direction(a, b int) int {
	v := -1
	for k := a - 1; k >= 0 && a-k <= 12; k-- {
		if s.verbAt(k) {
			v = k
			break
		}
	}
	for k := b; k < len(s.toks) && (v < 0 || k-b < a-1-v); k++ {
		if s.verbAt(k) {
			v = k
			break
		}
		if k-b > 8 {
			break
		}
	}
	if v < 0 {
		return unknown
	}
	lo, hi := v, v
	for lo > 0 && s.inGroup(lo-1) {
		lo--
	}
	for hi+1 < len(s.toks) && s.inGroup(hi+1) {
		hi++
	}
	dir, present := unknown, false
	for k := lo; k <= hi; k++ {
		if s.t.future[s.w(k)] {
			return future
		}
		switch s.tag(k) {
		case "VBD", "VBN":
			dir = past
		case "TO":
			if dir == unknown && s.tag(k+1) == "VB" {
				dir = future // "to run through June"
			}
		case "VBZ", "VBP":
			present = present || !s.t.reporting[s.w(k)]
		}
	}
	near := v >= a-4 && v <= b+3
	if dir == unknown && present && near {
		// News tells what is coming in the present tense ("the law takes
		// effect Monday"), but not after "since" or "after"; a present
		// verb further off ("consider what we know about his visit on
		// Saturday") says nothing of the day.
		switch s.w(a - 1) {
		case "since", "after":
			return past
		}
		return future
	}
	return dir
}

// verbAt reports whether token k is a verb, mistrusting the tagger on
// words of time ("midnight" tagged VBN).
func (s *scan) verbAt(k int) bool {
	if !isVerb(s.tag(k)) {
		return false
	}
	w := s.w(k)
	_, pd := s.t.partday[w]
	_, rd := s.t.relday[w]
	return !pd && !rd
}

func isVerb(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }

// inGroup reports whether token k belongs to a verb group: auxiliaries,
// adverbs, "to", and the future cue words.
func (s *scan) inGroup(k int) bool {
	t := s.tag(k)
	return s.verbAt(k) || t == "RB" || t == "TO" || s.t.future[s.w(k)]
}
