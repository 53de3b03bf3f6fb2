package htmltext

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what a page says about itself, gathered in one walk.
type meta struct {
	lang      string
	titleTag  string
	ogTitle   string
	ldTitle   string
	h1        string
	ldBody    string // JSON-LD articleBody, the text pages rendered by script carry
	author    string
	site      string
	dates     []string // in order of trust: <meta> article tags, JSON-LD, <time>
	metaDates []string
	ldDates   []string
	timeDates []string
	// otherDates are from <meta> names outside the known list that still
	// say "published", and from microformat "published" elements.
	otherDates []string
}

// looksPublished reports whether a <meta> name of an unknown scheme
// names a publication date ("sn-post-date", "article_publish_time").
func looksPublished(key string) bool {
	if strings.Contains(key, "modif") || strings.Contains(key, "updat") || strings.Contains(key, "expir") {
		return false
	}
	return strings.Contains(key, "publish") || strings.Contains(key, "pubdate") ||
		strings.Contains(key, "post-date") || strings.Contains(key, "post_date")
}

// dateMeta lists the <meta> names and properties (lower case) that carry a
// publication date, as outlets and CMSs spell them.
var dateMeta = map[string]bool{
	"article:published_time": true, "og:article:published_time": true,
	"og:published_time": true, "published_time": true, "datepublished": true,
	"article.published": true, "article_date_original": true, "pubdate": true,
	"publishdate": true, "publish-date": true, "publish_date": true, "date": true,
	"dc.date": true, "dc.date.issued": true, "dc.date.created": true,
	"dcterms.created": true, "dcterms.issued": true, "sailthru.date": true,
	"parsely-pub-date": true, "original-publish-date": true, "pdate": true,
	"release_date": true, "cxenseparse:recs:publishtime": true, "date.available": true,
	"displaydate": true, "dc.date.published": true, "article:published": true,
}

// authorMeta lists the <meta> names that carry an author's name.
var authorMeta = map[string]bool{
	"author": true, "article:author": true, "dc.creator": true, "byl": true,
	"parsely-author": true, "sailthru.author": true, "dcterms.creator": true,
}

func readMeta(root *html.Node) *meta {
	m := &meta{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if l := attr(n, "lang"); l != "" && m.lang == "" {
					m.lang = langCode(l)
				}
			case atom.Title:
				if m.titleTag == "" {
					m.titleTag = strings.TrimSpace(flat(n))
				}
			case atom.Meta:
				m.readMetaTag(n)
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					m.readLD(n.FirstChild.Data)
				}
				return
			case atom.Time:
				if d := attr(n, "datetime"); d != "" {
					if attr(n, "itemprop") == "datePublished" || hasAttr(n, "pubdate") {
						m.timeDates = append([]string{d}, m.timeDates...)
					} else {
						m.timeDates = append(m.timeDates, d)
					}
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = collapse(flat(n))
				}
			case atom.Style, atom.Noscript, atom.Template:
				return
			}
			if n.DataAtom != atom.Meta && n.DataAtom != atom.Time && hasWord(attr(n, "class"), "published") {
				if d := attr(n, "title"); d != "" {
					m.otherDates = append(m.otherDates, d)
				}
			}
			if p := attr(n, "itemprop"); p == "datePublished" && n.DataAtom != atom.Meta && n.DataAtom != atom.Time {
				if d := attr(n, "content"); d != "" {
					m.metaDates = append(m.metaDates, d)
				} else if d := attr(n, "datetime"); d != "" {
					m.metaDates = append(m.metaDates, d)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	m.dates = append(append(append(append(m.dates, m.metaDates...), m.ldDates...), m.timeDates...), m.otherDates...)
	return m
}

func (m *meta) readMetaTag(n *html.Node) {
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	if key == "" {
		key = strings.ToLower(attr(n, "itemprop"))
	}
	content := strings.TrimSpace(attr(n, "content"))
	if key == "" || content == "" {
		return
	}
	switch {
	case key == "og:title":
		m.ogTitle = content
	case key == "twitter:title":
		if m.ogTitle == "" {
			m.ogTitle = content
		}
	case key == "og:site_name":
		m.site = content
	case dateMeta[key]:
		m.metaDates = append(m.metaDates, content)
	case looksPublished(key):
		m.otherDates = append(m.otherDates, content)
	case authorMeta[key]:
		if m.author == "" && !strings.Contains(content, "://") {
			m.author = content
		}
	}
}

// readLD reads a JSON-LD block: the headline, author, publisher and
// datePublished of the first article-like object in it.
func (m *meta) readLD(text string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(text)), &v); err != nil {
		return
	}
	m.visitLD(v, 0)
}

func (m *meta) visitLD(v any, depth int) {
	if depth > 8 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			m.visitLD(e, depth+1)
		}
	case map[string]any:
		if g, ok := t["@graph"]; ok {
			m.visitLD(g, depth+1)
		}
		if !articleType(t["@type"]) {
			return
		}
		if s, ok := t["datePublished"].(string); ok && s != "" {
			m.ldDates = append(m.ldDates, s)
		}
		if s, ok := t["headline"].(string); ok && m.ldTitle == "" {
			m.ldTitle = strings.TrimSpace(s)
		}
		if s, ok := t["articleBody"].(string); ok && len(s) > len(m.ldBody) {
			m.ldBody = s
		}
		if m.author == "" {
			m.author = ldName(t["author"])
		}
		if m.site == "" {
			m.site = ldName(t["publisher"])
		}
	}
}

// articleType reports whether a JSON-LD @type names a kind of article
// (NewsArticle, BlogPosting, ReportageNewsArticle ...).
func articleType(v any) bool {
	switch t := v.(type) {
	case string:
		return strings.Contains(t, "Article") || strings.Contains(t, "Posting") || t == "WebPage" || t == "Report"
	case []any:
		for _, e := range t {
			if articleType(e) {
				return true
			}
		}
	}
	return false
}

// ldName reads a person's or organisation's name, given as a string, an
// object or a list of either.
func ldName(v any) string {
	switch t := v.(type) {
	case string:
		if strings.Contains(t, "://") {
			return ""
		}
		return strings.TrimSpace(t)
	case map[string]any:
		if s, ok := t["name"].(string); ok {
			return strings.TrimSpace(s)
		}
	case []any:
		var names []string
		for _, e := range t {
			if s := ldName(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// title prefers the headline the page declares for sharing over the
// <title>, which usually carries the outlet's name as well.
func (m *meta) title() string {
	for _, t := range []string{m.ogTitle, m.ldTitle, m.h1} {
		if t != "" {
			return collapse(trimSite(t, m.site))
		}
	}
	return collapse(trimSiteName(m.titleTag, m.site))
}

// trimSite drops " | Outlet" from a headline, only when the outlet is
// named exactly: a headline may contain " - " of its own.
func trimSite(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		if rest, ok := strings.CutSuffix(title, sep+site); ok {
			return rest
		}
	}
	return title
}

// trimSiteName drops " | Outlet" or " - Outlet" from a <title>.
func trimSiteName(title, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			tail := strings.TrimSpace(title[i+len(sep):])
			if site == "" || strings.EqualFold(tail, site) || len(tail) < len(title)/3 {
				return strings.TrimSpace(title[:i])
			}
		}
	}
	return title
}

// langCode turns "en-US" or "EN_gb" into "en".
func langCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	return s
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasWord reports whether a class list holds w as one of its classes.
func hasWord(list, w string) bool {
	for _, c := range strings.Fields(list) {
		if c == w {
			return true
		}
	}
	return false
}

// flat is all the text under n, as is.
func flat(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapse folds runs of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
