// Package htmltext reads a saved web page: its main text (the article a
// reader came for, without menus, related links, captions or comments),
// title, author, publication date and outlet. The page is parsed once and
// that one tree serves both the metadata and the text.
//
// The main text is found by scoring blocks: paragraphs lend their weight
// (length, commas) to the containers above them, link-heavy and
// boilerplate-named blocks lose weight, and the best container is then
// cleaned of the link lists, share bars and captions inside it. Paragraph
// breaks are kept as blank lines; embedded posts (a quoted tweet) stay as
// text since statements are often made there.
package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// MaxPage is the largest page Extract reads. Real article pages stay far
// below it; anything larger is a dump or an attack and is refused quickly.
const MaxPage = 16 << 20

// Errors Extract returns, so callers can count refusals by reason.
var (
	ErrNoText   = errors.New("no text")
	ErrTooLarge = errors.New("page too large")
	ErrTooDeep  = errors.New("elements nested too deep")
)

// Page is what a web page holds for Chronicle.
type Page struct {
	Title, Author, Source, URL string    // Source: outlet name (og:site_name) or domain
	Published                  time.Time // the outlet's local calendar day at UTC midnight (zero if none found)
	PublishedRaw               string    // the date string as found
	Body                       string    // main text, paragraphs separated by "\n\n"
	Lang                       string    // from <html lang> if present
}

// Extractor reads pages. It holds no mutable state, so one value serves
// any number of goroutines.
type Extractor struct{}

// New returns an Extractor.
func New() *Extractor { return &Extractor{} }

// Extract reads one page. pageURL may be empty; it helps to name the
// outlet and date the page. The error names the reason a page gave no
// article; Page then still holds whatever metadata was found.
func (x *Extractor) Extract(page []byte, pageURL string) (Page, error) {
	return x.ExtractType(page, pageURL, "")
}

// ExtractType is Extract with the HTTP Content-Type header, whose charset
// parameter, when present, outranks the page's own declaration.
func (x *Extractor) ExtractType(page []byte, pageURL, contentType string) (Page, error) {
	if len(page) > MaxPage {
		return Page{URL: pageURL}, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, len(page), MaxPage)
	}
	text, err := toUTF8(page, contentType)
	if err != nil {
		return Page{URL: pageURL}, err
	}
	root, err := html.Parse(bytes.NewReader(stripBOM(text)))
	if err != nil {
		// The parser refuses more than 512 open elements, which only
		// broken or hostile pages reach.
		if strings.Contains(err.Error(), "exceeds") {
			return Page{URL: pageURL}, fmt.Errorf("%w: %v", ErrTooDeep, err)
		}
		return Page{URL: pageURL}, fmt.Errorf("parse html: %w", err)
	}
	p := Page{URL: pageURL}
	m := readMeta(root)
	p.Title = m.title()
	p.Author = byline(m.author)
	p.Source = source(m.site, pageURL)
	p.Lang = m.lang
	p.PublishedRaw, p.Published = m.published(pageURL)
	p.Body = mainText(root)
	if alt := ldText(m.ldBody); len(alt) >= 500 && len(alt) > 2*len(p.Body) {
		// The page's HTML lacks the article (it is drawn by script),
		// but its JSON-LD carries the text.
		p.Body = alt
	}
	if strings.TrimSpace(p.Body) == "" {
		return p, ErrNoText
	}
	return p, nil
}

// ldText turns a JSON-LD articleBody into text: some sites put HTML in it,
// others plain text with line breaks between paragraphs.
func ldText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if strings.Contains(s, "</p>") || strings.Contains(s, "<br") {
		n, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return ""
		}
		var w writer
		w.write(n)
		return strings.TrimSpace(w.String())
	}
	var paras []string
	for _, line := range strings.Split(s, "\n") {
		if line = collapse(line); line != "" {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}

// byline drops the "By " that some pages keep in their author field.
func byline(s string) string {
	s = collapse(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	return s
}

// source names the outlet: its own name when the page gives one, else the
// host without "www.".
func source(site, pageURL string) string {
	if site != "" {
		return site
	}
	u, err := url.Parse(pageURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
