package timex

import (
	"fmt"
	"time"
)

// Directions a reference may point in.
const (
	past    = -1
	unknown = 0
	future  = 1
)

func dayValue(t time.Time) string { return t.Format("2006-01-02") }

func monthValue(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

func yearValue(y int) string { return fmt.Sprintf("%04d", y) }

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// isoWeekday numbers Monday 1 to Sunday 7, as the lexicon does.
func isoWeekday(t time.Time) int {
	if wd := int(t.Weekday()); wd != 0 {
		return wd
	}
	return 7
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether d is a day of month m in year y.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return date(y, m, d).Day() == d
}

// resolveWeekday picks the occurrence of weekday wd (1..7) nearest ref in
// direction dir. The day of ref itself counts unless strict is set ("last
// Tuesday" said on a Tuesday means a week ago). News is told in the past, so
// an unknown direction looks back.
func resolveWeekday(ref time.Time, wd, dir int, strict bool) time.Time {
	cur := isoWeekday(ref)
	if dir == future {
		diff := (wd - cur + 7) % 7
		if diff == 0 && strict {
			diff = 7
		}
		return ref.AddDate(0, 0, diff)
	}
	diff := (cur - wd + 7) % 7
	if diff == 0 && strict {
		diff = 7
	}
	return ref.AddDate(0, 0, -diff)
}

// resolveMonth gives the year of month m seen from ref: the last one up to
// ref's month when looking back, the next one from it when looking ahead,
// ref's own year when nothing tells. strict excludes ref's own month.
func resolveMonth(ref time.Time, m, dir int, strict bool) int {
	y, cur := ref.Year(), int(ref.Month())
	switch dir {
	case past:
		if m > cur || (strict && m == cur) {
			return y - 1
		}
	case future:
		if m < cur || (strict && m == cur) {
			return y + 1
		}
	}
	return y
}

// resolveDayMonth gives the year of day d of month m seen from ref: the
// nearest occurrence, unless the tense says otherwise and that occurrence
// lies more than a week on the wrong side.
func resolveDayMonth(ref time.Time, m, d, dir int) (int, bool) {
	best, bestDist := 0, time.Duration(-1)
	var bestT time.Time
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		if !validDay(y, m, d) {
			continue
		}
		t := date(y, m, d)
		dist := t.Sub(ref)
		if dist < 0 {
			dist = -dist
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist, bestT = y, dist, t
		}
	}
	if bestDist < 0 {
		return 0, false
	}
	week := 7 * 24 * time.Hour
	switch {
	case dir == past && bestT.Sub(ref) > week && validDay(best-1, m, d):
		best--
	case dir == future && ref.Sub(bestT) > week && validDay(best+1, m, d):
		best++
	}
	return best, true
}

// seasonStart is the month each TimeML season begins in.
var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// resolveSeason gives the year of season s seen from ref, shifted by rel
// seasons' worth of years: -1 the last one before the current season, 0 the
// current or nearest, 1 the next one.
func resolveSeason(ref time.Time, s string, rel int) int {
	start := seasonStart[s]
	y, m := ref.Year(), int(ref.Month())
	// The season ref is in, as (year, start month).
	cy, cm := y, (m/3)*3
	if cm == 0 {
		cy, cm = y-1, 12
	}
	cur := cy*12 + cm
	switch rel {
	case -1:
		for yy := y; yy > y-3; yy-- {
			if yy*12+start < cur {
				return yy
			}
		}
	case 1:
		for yy := y - 1; yy < y+3; yy++ {
			if yy*12+start > cur {
				return yy
			}
		}
	}
	if s == "WI" && m <= 2 {
		return y - 1
	}
	return y
}

// weekendValue gives the TimeML value of a weekend: the last one when
// looking back (or the current one on a Saturday or Sunday), the coming one
// when looking ahead.
func weekendValue(ref time.Time, dir, rel int) string {
	wd := isoWeekday(ref)
	var t time.Time
	switch {
	case rel < 0:
		t = ref.AddDate(0, 0, -wd) // Sunday before this week
		if wd >= 6 {
			t = t.AddDate(0, 0, -7)
		}
	case rel > 0 || dir == future:
		t = ref.AddDate(0, 0, 7-wd)
		if rel > 0 && wd >= 6 {
			t = t.AddDate(0, 0, 7)
		}
	default:
		if wd >= 6 {
			t = ref
		} else {
			t = ref.AddDate(0, 0, -wd)
		}
	}
	return weekValue(t) + "-WE"
}

// shiftValue moves ref by n units and formats the result at that unit's
// precision: "two days ago" is a day, "a week ago" a week, "four years ago"
// a year.
func shiftValue(ref time.Time, n int, unit string) string {
	switch unit {
	case "D":
		return dayValue(ref.AddDate(0, 0, n))
	case "W":
		return weekValue(ref.AddDate(0, 0, 7*n))
	case "2W":
		return weekValue(ref.AddDate(0, 0, 14*n))
	case "M":
		t := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		return monthValue(t.Year(), int(t.Month()))
	case "Y":
		return yearValue(ref.Year() + n)
	case "DE":
		return fmt.Sprintf("%03d", (ref.Year()+10*n)/10)
	case "CE":
		return fmt.Sprintf("%02d", (ref.Year()+100*n)/100)
	case "Q":
		q := (int(ref.Month())-1)/3 + n
		y := ref.Year()
		for q < 0 {
			q += 4
			y--
		}
		for q > 3 {
			q -= 4
			y++
		}
		return fmt.Sprintf("%04d-Q%d", y, q+1)
	case "TH", "TM", "S":
		return dayValue(ref)
	}
	return ""
}

// durationValue formats n units as a TimeML duration; n < 0 means an
// unspecified number ("several days" is PXD).
func durationValue(n int, unit string) string {
	num := "X"
	if n >= 0 {
		num = fmt.Sprint(n)
	}
	switch unit {
	case "TH", "TM":
		return "PT" + num + unit[1:]
	case "S":
		return "PT" + num + "S"
	case "DE":
		if n >= 0 {
			return fmt.Sprintf("P%dY", 10*n)
		}
		return "PXDE"
	case "CE":
		if n >= 0 {
			return fmt.Sprintf("P%dY", 100*n)
		}
		return "PXCE"
	case "2W":
		if n >= 0 {
			return fmt.Sprintf("P%dW", 2*n)
		}
		return "PXW"
	case "Q":
		if n >= 0 {
			return fmt.Sprintf("P%dM", 3*n)
		}
		return "PXM"
	case "WE":
		return "P" + num + "WE"
	}
	return "P" + num + unit
}
