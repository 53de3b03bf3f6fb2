package htmltext

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the shapes publication dates take in page metadata.
// Layouts with a zone keep it, so the day is the outlet's own.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05 MST",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	"20060102150405",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon Jan 2 15:04:05 MST 2006",
	"January 2, 2006, 03:04 PM MST",
	"January 2, 2006 03:04 PM MST",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// parseDate reads a date string and returns its calendar day at UTC
// midnight. The day is taken in the zone the string states, never after
// a shift to UTC: "2020-01-02T23:30:00-05:00" is the 2nd, as the outlet
// printed it.
func parseDate(s string) (time.Time, bool) {
	t, ok := parseInstant(s)
	if !ok {
		return time.Time{}, false
	}
	return day(t)
}

// parseInstant reads a date string in its own zone (UTC when it states
// none); years outside 1990-2100 are taken as misreadings.
func parseInstant(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, plausible(t)
		}
	}
	// Seconds or milliseconds since 1970, as some CMSs print them.
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 {
		if len(s) >= 12 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		return t, plausible(t)
	}
	return time.Time{}, false
}

func plausible(t time.Time) bool { return t.Year() >= 1990 && t.Year() <= 2100 }

func day(t time.Time) (time.Time, bool) {
	if !plausible(t) {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// urlDate finds /2019/11/20/, /2019-11-20/ or /20191120/ in a URL path.
var urlDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)

// published picks the first date that parses, in order of trust, then the
// date in the URL. A time given in UTC (or with no zone) says nothing of
// the outlet's own day: when another candidate gives the same instant in a
// local zone, that one's day is taken, and when the URL carries a date one
// day off, the URL's day is taken, since outlets put their local day there.
func (m *meta) published(pageURL string) (string, time.Time) {
	raw, urlDay := urlDay(pageURL)
	for i, s := range m.dates {
		t, ok := parseInstant(s)
		if !ok {
			continue
		}
		if _, off := t.Zone(); off == 0 {
			for _, alt := range m.dates[i+1:] {
				at, ok := parseInstant(alt)
				if _, aoff := at.Zone(); ok && aoff != 0 && at.Sub(t).Abs() < time.Minute {
					d, _ := day(at)
					return alt, d
				}
			}
			d, _ := day(t)
			if !urlDay.IsZero() && d.Sub(urlDay).Abs() == 24*time.Hour {
				return s, urlDay
			}
			return s, d
		}
		d, _ := day(t)
		return s, d
	}
	return raw, urlDay
}

// urlDay finds the date in a URL's path.
func urlDay(pageURL string) (string, time.Time) {
	g := urlDate.FindStringSubmatch(pageURL)
	if g == nil {
		return "", time.Time{}
	}
	s := g[1] + "-" + g[2] + "-" + g[3]
	t, ok := parseDate(s)
	if !ok {
		return "", time.Time{}
	}
	return s, t
}
