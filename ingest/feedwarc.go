package ingest

import (
	"fmt"
	"io"
	"strings"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/feed"
	"github.com/chronicle/chronicle/htmltext"
	"github.com/chronicle/chronicle/warc"
)

// readFeed yields every item of an RSS or Atom feed as an article; an item
// with a broken date or no text is refused on its own.
func readFeed(origin string, r io.Reader, opts Options, yield func(Item) bool) bool {
	items, err := feed.Read(r)
	if err != nil {
		return yield(refuse(origin, "%v", err))
	}
	for _, fi := range items {
		where := fmt.Sprintf("%s#%d", origin, fi.Index+1)
		if !yield(feedItem(where, fi, opts)) {
			return false
		}
	}
	return true
}

func feedItem(origin string, fi feed.Item, opts Options) Item {
	if fi.Err != nil {
		return refuse(origin, "%v", fi.Err)
	}
	day := fi.Day
	if day.IsZero() {
		day = opts.Published
	}
	it := Item{Article: doc.Article{Origin: origin, URL: fi.URL}}
	it.prepare = func() (doc.Article, error) {
		p, err := htmltext.New().Extract([]byte(fi.HTML), fi.URL)
		if err != nil {
			return it.Article, &InputError{Origin: origin, Reason: pageReason(err), Err: err}
		}
		if day.IsZero() {
			return it.Article, &InputError{Origin: origin, Reason: "no date on the item; give --published"}
		}
		a := newArticle(origin, strings.TrimSpace(p.Body), day)
		a.URL, a.Title, a.Author, a.Source = fi.URL, fi.Title, fi.Author, firstNonEmpty(fi.Source, hostOf(fi.URL))
		a.PublishedRaw, a.PublishedAt = fi.Published, fi.PublishedUTC
		return a, nil
	}
	return it
}

// readWARC yields every HTML response record of a WARC file as an article,
// streaming: records are read one at a time and extracted by whoever
// resolves the items (the analysis workers, on every core).
func readWARC(origin string, r io.Reader, opts Options, yield func(Item) bool) bool {
	for rec, err := range warc.Read(r) {
		if err != nil {
			var where string
			if re, ok := err.(*warc.RecordError); ok {
				where = fmt.Sprintf("%s:%d", origin, re.Offset)
			} else {
				where = origin
			}
			if !yield(refuse(where, "%v", err)) {
				return false
			}
			continue
		}
		where := fmt.Sprintf("%s:%d", origin, rec.Offset)
		if !yield(pageItem(where, rec.Body, rec.URI, rec.ContentType, rec.Date, opts)) {
			return false
		}
	}
	return true
}
