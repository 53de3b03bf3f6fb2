// Package feed reads RSS and Atom feeds: every item becomes an article
// candidate with its link, title, author, date and HTML (the full text
// from content:encoded or Atom content when the feed carries it, else the
// description). An item whose date is missing or unreadable still comes
// back, with an error saying so, so one bad item never loses the feed.
package feed

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// MaxFeed is the largest feed read; real feeds are far smaller.
const MaxFeed = 64 << 20

// ErrNoDate marks an item without a usable date.
var ErrNoDate = errors.New("no date")

// Item is one entry of a feed.
type Item struct {
	Index        int // position in the feed, from 0
	Title        string
	URL          string
	Author       string
	Source       string    // the feed's title, naming the outlet
	Published    string    // the date string as the feed gives it
	PublishedUTC time.Time // that instant in UTC; zero when Err is set
	// Day is the outlet's calendar day of publication at UTC midnight,
	// taken in the zone the date string states.
	Day  time.Time
	HTML string // content:encoded or Atom content when present, else description
	Err  error  // a problem with this item only (ErrNoDate ...)
}

// Read parses a whole feed. It fails only when the input is not a feed at
// all; problems of single items are in their Err.
func Read(r io.Reader) ([]Item, error) {
	f, err := parse(io.LimitReader(r, MaxFeed))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	items := make([]Item, 0, len(f.Items))
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		items = append(items, item(i, it, strings.TrimSpace(f.Title)))
	}
	return items, nil
}

// parse runs gofeed, turning a panic on input it did not expect into an
// error.
func parse(r io.Reader) (f *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("malformed feed: %v", p)
		}
	}()
	return gofeed.NewParser().Parse(r)
}

func item(i int, it *gofeed.Item, source string) Item {
	out := Item{
		Index:  i,
		Title:  strings.TrimSpace(it.Title),
		URL:    strings.TrimSpace(it.Link),
		Source: source,
		HTML:   it.Content,
	}
	if strings.TrimSpace(out.HTML) == "" {
		out.HTML = it.Description
	}
	if out.URL == "" && len(it.Links) > 0 {
		out.URL = it.Links[0]
	}
	if out.URL == "" && strings.HasPrefix(it.GUID, "http") {
		out.URL = it.GUID
	}
	out.Author = author(it)
	out.Published = strings.TrimSpace(it.Published)
	parsed := it.PublishedParsed
	if out.Published == "" {
		// Atom feeds may give only <updated>.
		out.Published, parsed = strings.TrimSpace(it.Updated), it.UpdatedParsed
	}
	if out.Published == "" && it.DublinCoreExt != nil && len(it.DublinCoreExt.Date) > 0 {
		out.Published = strings.TrimSpace(it.DublinCoreExt.Date[0])
	}
	switch {
	case out.Published == "":
		out.Err = fmt.Errorf("item %d: %w", i, ErrNoDate)
	case parsed == nil:
		t, err := parseDate(out.Published)
		if err != nil {
			out.Err = fmt.Errorf("item %d: %w: unreadable date %q", i, ErrNoDate, out.Published)
			break
		}
		parsed = &t
	}
	if parsed != nil && out.Err == nil {
		out.PublishedUTC = parsed.UTC()
		// gofeed gives UTC; the day is read again in the zone the string
		// states, so that a late-evening story keeps the outlet's date.
		local := *parsed
		if t, err := parseDate(out.Published); err == nil {
			local = t
		}
		out.Day = time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
	}
	return out
}

func author(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	return strings.Join(names, ", ")
}

// layouts are the date shapes of feeds, read with their zone kept; they
// also catch a few shapes gofeed does not read.
var layouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"January 2, 2006",
}

func parseDate(s string) (time.Time, error) {
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unknown date format %q", s)
}
