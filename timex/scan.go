package timex

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle/chronicle/doc"
)

// scan walks the tokens of one sentence. Indices in its methods are
// relative to the sentence's first token.
type scan struct {
	t    *Tagger
	d    *doc.Doc
	toks []doc.Token
	low  []string
	cut  []bool // tokens read without their trailing full stop
	ref  time.Time
	// anchor is the last day the article named before this point, for
	// "the next day" and "that night"; zero when none.
	anchor time.Time
	out    []doc.Timex
	// clocks lists indices into out of times of day whose day is not yet
	// known; they take the sentence's day once the whole sentence is read.
	clocks []int
}

// match is one recognised expression: tokens [a, b), or the byte range
// [start, end) when it covers only part of a token.
type match struct {
	a, b       int
	start, end int
	typ, val   string
	clock      bool   // val is only "THH:MM": the day is still to be found
	pre        *match // an expression sharing the token, before this one: "2009" of "2009-2010"
}

func (t *Tagger) newScan(d *doc.Doc, first, last int, ref time.Time) *scan {
	toks := d.Tokens[first:last]
	low := make([]string, len(toks))
	var cut []bool
	for i, tk := range toks {
		low[i] = strings.ToLower(tk.Text)
		// The tokeniser leaves a full stop on some words that end a
		// sentence ("in May."); read the word without it.
		if w, ok := strings.CutSuffix(low[i], "."); ok && len(w) > 1 && !t.open[low[i]] && (t.open[w] || t.zone[w]) {
			if cut == nil {
				cut = make([]bool, len(toks))
			}
			low[i], cut[i] = w, true
		}
	}
	return &scan{t: t, d: d, toks: toks, low: low, cut: cut, ref: ref}
}

// w returns the lower-cased token i, or "" past either end.
func (s *scan) w(i int) string {
	if i < 0 || i >= len(s.low) {
		return ""
	}
	return s.low[i]
}

func (s *scan) tag(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Tag
}

// upper reports whether token i starts with a capital letter.
func (s *scan) upper(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.toks[i].Text)
	return unicode.IsUpper(r)
}

func (s *scan) run() {
	for i := 0; i < len(s.low); {
		m, ok := s.at(i)
		if !ok {
			i++
			continue
		}
		s.emit(m)
		i = m.b
	}
	s.anchorClocks()
}

// emit turns a match into a Timex of the body.
func (s *scan) emit(m match) {
	if m.pre != nil {
		s.emit(*m.pre)
	}
	start, end := m.start, m.end
	if start == 0 && end == 0 {
		start, end = s.toks[m.a].Start, s.toks[m.b-1].End
		if s.cut != nil && s.cut[m.b-1] {
			end--
		}
	}
	body := s.d.Article.Body
	if start < 0 || end > len(body) || start >= end {
		return
	}
	if m.clock {
		s.clocks = append(s.clocks, len(s.out))
	}
	if isDay(m.val) {
		if day, err := time.Parse("2006-01-02", m.val[:10]); err == nil {
			s.anchor = day
		}
	}
	s.out = append(s.out, doc.Timex{Span: doc.Span{Start: start, End: end, Text: body[start:end]}, Type: m.typ, Value: m.val})
}

// anchorClocks gives a bare time of day the sentence's day, or else the
// reference day: "at 10 p.m." in a story of a Tuesday evening.
func (s *scan) anchorClocks() {
	if len(s.clocks) == 0 {
		return
	}
	day := dayValue(s.ref)
	for _, x := range s.out {
		if isDay(x.Value) {
			day = x.Value[:10]
			break
		}
	}
	for _, i := range s.clocks {
		s.out[i].Value = day + s.out[i].Value
	}
}

// isDay reports whether a value names one calendar day (or a time in it).
func isDay(v string) bool {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// at tries every pattern at token i and keeps the longest match.
func (s *scan) at(i int) (match, bool) {
	if !s.t.maybe(s.low[i]) {
		return match{}, false
	}
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && m.b > i && (!found || m.b > best.b) {
			best, found = m, true
		}
	}
	try(s.anchored(i))
	try(s.modified(i))
	try(s.set(i))
	try(s.relative(i))
	try(s.relDay(i))
	try(s.weekdayAt(i))
	try(s.monthFirst(i))
	try(s.dayFirst(i))
	try(s.clockAt(i))
	try(s.numberUnit(i))
	try(s.yearAt(i))
	try(s.refWord(i))
	try(s.partOfYear(i))
	try(s.holidayAt(i))
	if found && best.a != i && best.start == 0 {
		best.a = i
	}
	return best, found
}

// maybe is a cheap first filter: only words of the lexicon, a few function
// words, and tokens starting with a digit or apostrophe can open a match.
func (t *Tagger) maybe(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c >= '0' && c <= '9' || c == '\'' || strings.HasPrefix(w, "’") {
		return true
	}
	if _, ok := openers[w]; ok {
		return true
	}
	if j := strings.IndexByte(w, '-'); j > 0 {
		w = w[:j]
		if _, ok := openers[w]; ok {
			return true
		}
	}
	_, ok := t.open[w]
	return ok
}

// openers are the function words that may start an expression.
var openers = map[string]bool{
	"the": true, "every": true, "each": true, "per": true, "once": true, "twice": true,
	"thrice": true, "fiscal": true, "at": true, "end": true, "beginning": true,
	"start": true, "turn": true, "these": true, "almost": true, "nearly": true,
	"mere": true, "full": true, "whole": true, "fy": true, "new": true,
	"q1": true, "q2": true, "q3": true, "q4": true, "h1": true, "h2": true,
}

// modified reads a lead modifier ("early", "late", "mid-", "the end of")
// followed by a date: "late Wednesday", "earlier this year", "the end of
// October". The value is the date's; TimeML keeps the modifier apart.
func (s *scan) modified(i int) (match, bool) {
	w := s.w(i)
	if rest, ok := strings.CutPrefix(w, "mid-"); ok {
		return s.midToken(i, rest)
	}
	j := i
	switch {
	case s.t.mod[w] != "":
		j = i + 1
	case w == "the" && isEdge(s.w(i+1)) && s.w(i+2) == "of":
		j = i + 3
	case isEdge(w) && s.w(i+1) == "of":
		j = i + 2
	default:
		return match{}, false
	}
	if s.w(j) == "the" && isEdge(s.w(j+1)) && s.w(j+2) == "of" {
		j += 3
	}
	if j > i+1 && s.w(j) == "the" {
		// "the end of the year": the current one.
		if u, ok := s.t.unit[s.w(j+1)]; ok && !strings.HasSuffix(s.w(j+1), "s") {
			if v := shiftValue(s.ref, 0, u); v != "" && u != "TH" && u != "TM" && u != "S" && u != "D" {
				return match{a: i, b: j + 2, typ: "DATE", val: v}, true
			}
		}
	}
	var best match
	found := false
	for _, f := range []func(int) (match, bool){s.relative, s.relDay, s.weekdayAt, s.monthFirst, s.dayFirst, s.yearAt} {
		m, ok := f(j)
		if ok && m.a == j && m.start == 0 && m.typ != "DURATION" && (!found || m.b > best.b) {
			best, found = m, true
		}
	}
	if !found {
		return match{}, false
	}
	best.a = i
	return best, true
}

func isEdge(w string) bool {
	switch w {
	case "end", "beginning", "start", "middle", "turn", "close":
		return true
	}
	return false
}

// midToken reads "mid-December" and "mid-2019".
func (s *scan) midToken(i int, rest string) (match, bool) {
	if m, ok := s.t.month[rest]; ok {
		y := resolveMonth(s.ref, m, s.direction(i, i+1), false)
		return match{a: i, b: i + 1, typ: "DATE", val: monthValue(y, m)}, true
	}
	if y, ok := yearOf(rest); ok {
		return match{a: i, b: i + 1, typ: "DATE", val: yearValue(y)}, true
	}
	return match{}, false
}

// yearOf parses a plausible four-digit year.
func yearOf(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	if err != nil || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}

// smallInt parses a run of digits of at most n characters.
func smallInt(w string, n int) (int, bool) {
	if w == "" || len(w) > n {
		return 0, false
	}
	v := 0
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0, false
		}
		v = v*10 + int(w[i]-'0')
	}
	return v, true
}

// dayNum reads a day of the month: "31", "31st", "first".
func (s *scan) dayNum(w string) (int, bool) {
	if n, ok := s.t.ordinal[w]; ok {
		return n, true
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if x, ok := strings.CutSuffix(w, suf); ok {
			w = x
			break
		}
	}
	n, ok := smallInt(w, 2)
	return n, ok && n >= 1 && n <= 31
}

// monthWord reports the month named by token i, with care for "May" and
// "March", which are also a verb and a modal.
func (s *scan) monthWord(i int) (int, bool) {
	m, ok := s.t.month[s.w(i)]
	if !ok || !s.upper(i) {
		return 0, false
	}
	switch s.w(i) {
	case "may", "march":
		if s.digitAt(i + 1) {
			return m, true // "March 2", "May 2010"
		}
		if !strings.HasPrefix(s.tag(i), "NN") && !s.t.monthPrep[s.w(i-1)] {
			return 0, false
		}
		if i == 0 {
			return 0, false
		}
	}
	return m, true
}

// isName reports whether token i is a capitalised proper noun that is
// not itself a word of time, so that a month beside it is part of a name.
func (s *scan) isName(i int) bool {
	if i < 0 || i >= len(s.toks) || !s.upper(i) || s.tag(i) != "NNP" {
		return false
	}
	w := s.w(i)
	_, wd := s.t.weekday[w]
	_, mo := s.t.month[w]
	_, md := s.t.mod[w]
	_, cu := s.t.cue[w]
	return !wd && !mo && !md && !cu && !s.t.open[w]
}

func (s *scan) digitAt(i int) bool {
	w := s.w(i)
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// yearAfter reads a year at token j, also after a comma or "of": ", 2019".
func (s *scan) yearAfter(j int) (int, int, bool) {
	k := j
	if s.w(k) == "," || s.w(k) == "of" {
		k++
	}
	if y, ok := yearOf(s.w(k)); ok {
		return y, k + 1, true
	}
	return 0, j, false
}

// monthFirst reads "December 31, 2019", "Dec. 31", "May 2010", "August".
func (s *scan) monthFirst(i int) (match, bool) {
	m, ok := s.monthWord(i)
	if !ok {
		return match{}, false
	}
	j := i + 1
	if d, ok := s.dayNum(s.w(j)); ok && !(s.w(j+1) == ":" || strings.Contains(s.w(j), ":")) {
		if y, k, ok := s.yearAfter(j + 1); ok && validDay(y, m, d) {
			return match{a: i, b: k, typ: "DATE", val: dayValue(date(y, m, d))}, true
		}
		if y, ok := resolveDayMonth(s.ref, m, d, s.direction(i, j+1)); ok {
			return match{a: i, b: j + 1, typ: "DATE", val: dayValue(date(y, m, d))}, true
		}
	}
	if y, k, ok := s.yearAfter(j); ok {
		return match{a: i, b: k, typ: "DATE", val: monthValue(y, m)}, true
	}
	if len(s.w(i)) <= 4 && !strings.HasSuffix(s.w(i), ".") && s.w(i) != "may" && s.w(i) != "june" && s.w(i) != "july" {
		return match{}, false // a bare "Jan" or "Aug" is more often a name
	}
	if s.isName(i-1) || s.isName(i+1) {
		return match{}, false // "Theresa May", "April Ryan"
	}
	// News looks back: a bare month with no tense to tell is the last one.
	dir := s.direction(i, i+1)
	if dir == unknown {
		dir = past
	}
	y := resolveMonth(s.ref, m, dir, false)
	return match{a: i, b: i + 1, typ: "DATE", val: monthValue(y, m)}, true
}

// dayFirst reads "31 December", "1 January 2020", "the 31st of December".
func (s *scan) dayFirst(i int) (match, bool) {
	j := i
	if s.w(j) == "the" {
		j++
	}
	d, ok := s.dayNum(s.w(j))
	if !ok {
		return match{}, false
	}
	k := j + 1
	if s.w(k) == "of" {
		k++
	}
	m, ok := s.monthWord(k)
	if !ok {
		return match{}, false
	}
	if y, e, ok := s.yearAfter(k + 1); ok && validDay(y, m, d) {
		return match{a: i, b: e, typ: "DATE", val: dayValue(date(y, m, d))}, true
	}
	y, ok := resolveDayMonth(s.ref, m, d, s.direction(i, k+1))
	if !ok {
		return match{}, false
	}
	return match{a: i, b: k + 1, typ: "DATE", val: dayValue(date(y, m, d))}, true
}

// partDay reads a part of the day after a day: "Tuesday afternoon".
func (s *scan) partDay(j int) (string, bool) {
	p, ok := s.t.partday[s.w(j)]
	if !ok {
		return "", false
	}
	if strings.HasPrefix(p, "T") {
		return p, true
	}
	return "T" + p, true
}

// weekdayAt reads "Tuesday", "Tuesday afternoon", "Tuesday, Dec. 31".
func (s *scan) weekdayAt(i int) (match, bool) {
	wd, ok := s.t.weekday[s.w(i)]
	if !ok || !s.upper(i) {
		return match{}, false
	}
	if s.w(i+1) == "," {
		if m, ok := s.monthFirst(i + 2); ok && isDay(m.val) {
			m.a = i
			return m, true
		}
	}
	if m, ok := s.dayFirst(i + 1); ok && isDay(m.val) {
		m.a = i
		return m, true
	}
	day := dayValue(resolveWeekday(s.ref, wd, s.direction(i, i+1), false))
	if p, ok := s.partDay(i + 1); ok {
		return match{a: i, b: i + 2, typ: "TIME", val: day + p}, true
	}
	return match{a: i, b: i + 1, typ: "DATE", val: day}, true
}

// relDay reads "today", "yesterday morning", "tonight".
func (s *scan) relDay(i int) (match, bool) {
	w := s.w(i)
	n, ok := s.t.relday[w]
	if !ok {
		return match{}, false
	}
	if s.toks[i].Text == "TODAY" && s.w(i-1) == "usa" {
		return match{}, false // the newspaper
	}
	day := dayValue(s.ref.AddDate(0, 0, n))
	if w == "tonight" {
		return match{a: i, b: i + 1, typ: "TIME", val: day + "TNI"}, true
	}
	if p, ok := s.partDay(i + 1); ok {
		return match{a: i, b: i + 2, typ: "TIME", val: day + p}, true
	}
	return match{a: i, b: i + 1, typ: "DATE", val: day}, true
}

// relative reads expressions led by "last", "this", "next", "past",
// "coming": "last week", "this month", "next Tuesday", "last summer",
// "the past two years", "the coming weeks", "this fiscal year".
func (s *scan) relative(i int) (match, bool) {
	j := i
	the := s.w(j) == "the"
	if the {
		j++
	}
	w := s.w(j)
	rel, ok := s.t.cue[w]
	if !ok {
		if the && (w == "weekend" || w == "weekends") {
			return match{a: i, b: j + 1, typ: "DATE", val: weekendValue(s.ref, s.direction(i, j+1), 0)}, true
		}
		return match{}, false
	}
	k := j + 1
	if s.w(k) == "few" || s.w(k) == "several" || s.w(k) == "many" {
		if u, ok := s.t.unit[s.w(k+1)]; ok && u != "WE" {
			return match{a: i, b: k + 2, typ: "DURATION", val: durationValue(-1, u)}, true
		}
	}
	if m, ok := s.numberUnit(k); ok && m.typ == "DURATION" && m.a == k {
		m.a = i
		return m, true
	}
	if s.w(k) == "fiscal" {
		k++
		if s.w(k) != "year" {
			return match{}, false
		}
		return match{a: i, b: k + 1, typ: "DATE", val: yearValue(s.ref.Year() + rel)}, true
	}
	nw := s.w(k)
	if wd, ok := s.t.weekday[nw]; ok && s.upper(k) {
		return s.relWeekday(i, k, w, wd)
	}
	if m, ok := s.monthWord(k); ok {
		var y int
		switch w {
		case "last", "past", "previous":
			y = resolveMonth(s.ref, m, past, true)
		case "next", "coming", "upcoming":
			y = resolveMonth(s.ref, m, future, true)
		default:
			y = s.ref.Year()
		}
		return match{a: i, b: k + 1, typ: "DATE", val: monthValue(y, m)}, true
	}
	if se, ok := s.t.season[nw]; ok {
		return match{a: i, b: k + 1, typ: "DATE", val: yearValue(resolveSeason(s.ref, se, rel)) + "-" + se}, true
	}
	if p, ok := s.t.partday[nw]; ok && w != "past" {
		day := s.ref
		if nw == "night" && rel < 0 {
			day = day.AddDate(0, 0, -1)
		} else if rel != 0 {
			return match{}, false
		}
		if strings.HasPrefix(p, "T") {
			return match{}, false
		}
		return match{a: i, b: k + 1, typ: "TIME", val: dayValue(day) + "T" + p}, true
	}
	u, ok := s.t.unit[nw]
	if !ok {
		return match{}, false
	}
	if strings.HasSuffix(nw, "s") && u != "S" {
		// "the coming weeks", "the past months": an unspecified stretch.
		if u == "WE" {
			return match{}, false
		}
		return match{a: i, b: k + 1, typ: "DURATION", val: durationValue(-1, u)}, true
	}
	if u == "WE" {
		return match{a: i, b: k + 1, typ: "DATE", val: weekendValue(s.ref, s.direction(i, k+1), rel)}, true
	}
	if the && w == "next" && u == "D" {
		// "the next day" with no day named before it.
		return match{a: i, b: k + 1, typ: "DATE", val: "XXXX-XX-XX"}, true
	}
	if the && (w == "past" || w == "next" || w == "coming") {
		return match{a: i, b: k + 1, typ: "DURATION", val: durationValue(1, u)}, true
	}
	v := shiftValue(s.ref, rel, u)
	if v == "" || u == "TH" || u == "TM" || u == "S" {
		return match{}, false
	}
	return match{a: i, b: k + 1, typ: "DATE", val: v}, true
}

// relWeekday resolves "last Tuesday", "next Friday", "this Monday".
func (s *scan) relWeekday(i, k int, cue string, wd int) (match, bool) {
	var t time.Time
	switch cue {
	case "last", "past", "previous":
		t = resolveWeekday(s.ref, wd, past, true)
	case "next", "coming", "upcoming":
		t = resolveWeekday(s.ref, wd, future, true)
	default:
		t = resolveWeekday(s.ref, wd, s.direction(i, k+1), false)
	}
	day := dayValue(t)
	if p, ok := s.partDay(k + 1); ok {
		return match{a: i, b: k + 2, typ: "TIME", val: day + p}, true
	}
	return match{a: i, b: k + 1, typ: "DATE", val: day}, true
}
