package ingest

import (
	"bufio"
	"net/url"
	"strings"
)

// webReader returns the reader for web forms (HTML pages, feeds, WARC
// archives) when the input is one of them.
func webReader(origin, ext string, br *bufio.Reader) (func(Options, func(Item) bool) bool, bool) {
	return nil, false
}

// hostOf returns the host of a URL without "www.", or "".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
