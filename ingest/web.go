package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/htmltext"
)

// webKind names the web forms.
type webKind int

const (
	notWeb webKind = iota
	webHTML
	webFeed
	webWARC
)

// kindOf decides the web form of an input by its name, else its first bytes.
func kindOf(origin, ext string, head []byte) webKind {
	name := strings.ToLower(origin)
	switch {
	case ext == ".html" || ext == ".htm" || ext == ".xhtml":
		return webHTML
	case ext == ".xml" || ext == ".rss" || ext == ".atom":
		return webFeed
	case ext == ".warc" || strings.HasSuffix(name, ".warc.gz"):
		return webWARC
	}
	lead := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\ufeff"))
	switch {
	case bytes.HasPrefix(lead, []byte("warc/")), bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return webWARC
	case bytes.HasPrefix(lead, []byte("<rss")), bytes.HasPrefix(lead, []byte("<feed")),
		bytes.HasPrefix(lead, []byte("<?xml")) && (bytes.Contains(lead, []byte("<rss")) || bytes.Contains(lead, []byte("<feed"))):
		return webFeed
	case bytes.HasPrefix(lead, []byte("<!doctype html")), bytes.HasPrefix(lead, []byte("<html")),
		strings.HasPrefix(http.DetectContentType(head), "text/html"):
		return webHTML
	}
	return notWeb
}

// webReader returns the reader for web forms (HTML pages, feeds, WARC
// archives) when the input is one of them.
func webReader(origin, ext string, br *bufio.Reader) (func(Options, func(Item) bool) bool, bool) {
	head, _ := br.Peek(1024)
	switch kindOf(origin, ext, head) {
	case webHTML:
		return func(opts Options, yield func(Item) bool) bool { return readHTML(origin, br, opts, yield) }, true
	case webFeed:
		return func(opts Options, yield func(Item) bool) bool { return readFeed(origin, br, opts, yield) }, true
	case webWARC:
		return func(opts Options, yield func(Item) bool) bool { return readWARC(origin, br, opts, yield) }, true
	}
	return nil, false
}

func readHTML(origin string, r io.Reader, opts Options, yield func(Item) bool) bool {
	data, err := io.ReadAll(io.LimitReader(r, htmltext.MaxPage+1))
	if err != nil {
		return yield(refuse(origin, "cannot read: %v", err))
	}
	if len(data) > htmltext.MaxPage {
		return yield(refuse(origin, "page larger than the %d MiB limit", htmltext.MaxPage>>20))
	}
	return yield(pageItem(origin, data, "", "", time.Time{}, opts))
}

// pageItem defers a page's extraction to whoever resolves the item, so
// that analysis workers extract pages on every core.
func pageItem(origin string, page []byte, pageURL, contentType string, fallback time.Time, opts Options) Item {
	it := Item{Article: doc.Article{Origin: origin, URL: pageURL}}
	it.prepare = func() (doc.Article, error) {
		p, err := htmltext.New().ExtractType(page, pageURL, contentType)
		if err != nil {
			return it.Article, &InputError{Origin: origin, Reason: pageReason(err), Err: err}
		}
		published := p.Published
		if !fallback.IsZero() {
			fallback = time.Date(fallback.Year(), fallback.Month(), fallback.Day(), 0, 0, 0, 0, time.UTC)
		}
		for _, alt := range []time.Time{fallback, opts.Published} {
			if published.IsZero() {
				published = alt
			}
		}
		if published.IsZero() {
			return it.Article, &InputError{Origin: origin, Reason: "no publication date in the page (meta, JSON-LD, <time>, URL); give --published"}
		}
		a := newArticle(origin, strings.TrimSpace(p.Body), published)
		a.URL, a.Title, a.Author, a.Source = firstNonEmpty(p.URL, pageURL), p.Title, p.Author, p.Source
		a.PublishedRaw = p.PublishedRaw
		return a, nil
	}
	return it
}

func pageReason(err error) string {
	switch {
	case errors.Is(err, htmltext.ErrNoText):
		return "no article text in the page"
	case errors.Is(err, htmltext.ErrTooLarge):
		return fmt.Sprintf("page larger than the %d MiB limit", htmltext.MaxPage>>20)
	case errors.Is(err, htmltext.ErrTooDeep):
		return "page nested too deeply to be an article (" + err.Error() + ")"
	}
	return err.Error()
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// hostOf returns the host of a URL without "www.", or "".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
