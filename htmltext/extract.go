package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropped are elements that never hold article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Nav: true, atom.Aside: true,
	atom.Footer: true, atom.Figcaption: true, atom.Img: true, atom.Picture: true,
	atom.Video: true, atom.Audio: true, atom.Map: true, atom.Head: true,
	atom.Header: true, atom.Label: true, atom.Dialog: true, atom.Menu: true,
}

// stat is what the scoring needs of one element.
type stat struct {
	text    int // bytes of text under it
	links   int // bytes of that text inside links
	anchors int // links under it
	commas  int
	// inline is the text directly inside the element or inside its
	// inline children: loose text that a <div> holds beside its blocks.
	inline, inlineCommas, brs int
	score                     float64
	scored                    bool
}

// extraction is the state of reading one page.
type extraction struct {
	stats map[*html.Node]*stat
	// kept is the text length of the chosen content: a block holding most
	// of it is the article itself, whatever its name says.
	kept int
	// posts holds the embedded social-media posts in the chosen content
	// and every element around them, which cleaning keeps.
	posts map[*html.Node]bool
}

// markPosts fills posts below n.
func (e *extraction) markPosts(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == atom.Blockquote && isPost(n) {
		for a := n; a != nil && !e.posts[a]; a = a.Parent {
			e.posts[a] = true
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		e.markPosts(c)
	}
}

// mainText finds the article's container and returns its cleaned text.
func mainText(root *html.Node) string {
	body := find(root, atom.Body)
	if body == nil {
		body = root
	}
	prune(body)
	e := &extraction{stats: make(map[*html.Node]*stat, 1024)}
	e.measure(body)
	top := e.best(body)
	if top == nil {
		return ""
	}
	nodes := e.cousins(body, top, e.siblings(top))
	var w writer
	e.posts = make(map[*html.Node]bool)
	for _, n := range nodes {
		e.kept += e.stats[n].text
		e.markPosts(n)
	}
	for _, n := range nodes {
		if n != top && e.drop(n) {
			continue
		}
		e.clean(n)
		w.paragraph()
		w.write(n)
	}
	return strings.TrimSpace(w.String())
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// prune removes what can never be article text: scripts, form controls,
// navigation, media and hidden elements. Blocks merely named as
// boilerplate stay until the article is found (see junkName).
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && junk(c):
			n.RemoveChild(c)
		default:
			prune(c)
		}
		c = next
	}
}

func junk(n *html.Node) bool {
	return dropped[n.DataAtom] || hidden(n)
}

// junkName reports whether an element's class, id or role names
// boilerplate without also naming content (or names it strongly). Such a
// block is never removed before the article is found, as a layout's
// "sticky-sidebar" wrapper may well hold the article: it only weighs less
// in the scoring, and is removed when cleaning the chosen content.
func junkName(n *html.Node) bool {
	switch n.DataAtom {
	case atom.A, atom.Article, atom.Main, atom.P:
		return false
	}
	if w := nameWords(n); len(w) > 0 && boilerplateName(w) && (!contentName(w) || strongName(w)) {
		return true
	}
	switch attr(n, "role") {
	case "navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "menu", "menubar":
		return true
	}
	return false
}

// postClasses mark the blockquotes that social networks' embed codes
// leave in a page; the post's text is kept, as statements are often made
// there.
var postClasses = []string{"twitter-tweet", "instagram-media", "tiktok-embed", "reddit-card",
	"bluesky-embed", "mastodon-embed", "text-post-media", "fb-post", "twitter-video"}

func isPost(n *html.Node) bool {
	cls := attr(n, "class")
	for _, p := range postClasses {
		if strings.Contains(cls, p) {
			return true
		}
	}
	return false
}

func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
		return true
	}
	style := attr(n, "style")
	if style == "" {
		return false
	}
	style = strings.ReplaceAll(strings.ToLower(style), " ", "")
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// measure fills the text, link and comma counts of every element,
// bottom-up.
func (e *extraction) measure(n *html.Node) *stat {
	s := &stat{}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t := strings.TrimSpace(c.Data)
			k := commas(t)
			s.text += len(t)
			s.commas += k
			s.inline += len(t)
			s.inlineCommas += k
		case html.ElementNode:
			cs := e.measure(c)
			s.text += cs.text
			s.commas += cs.commas
			if c.DataAtom == atom.Br {
				s.brs++
			} else if !blocks[c.DataAtom] {
				s.inline += cs.text
				s.inlineCommas += cs.commas
			}
			s.anchors += cs.anchors
			if c.DataAtom == atom.A {
				s.links += cs.text
				s.anchors++
			} else {
				s.links += cs.links
			}
		}
	}
	e.stats[n] = s
	return s
}

func commas(t string) int {
	return strings.Count(t, ",") + strings.Count(t, "،") + strings.Count(t, "，")
}

func (s *stat) linkDensity() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.links) / float64(s.text)
}

// classWeight rewards names that mean content and punishes those that
// mean boilerplate.
func classWeight(n *html.Node) float64 {
	w := 0.0
	if words := nameWords(n); len(words) > 0 {
		if boilerplateName(words) || weakName(words) {
			w -= 25
		}
		if contentName(words) {
			w += 25
		}
	}
	if p := attr(n, "itemprop"); p == "articleBody" || p == "text" {
		w += 50
	}
	return w
}

func tagWeight(n *html.Node) float64 {
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		return -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		return -5
	}
	return 0
}

// paragraphLike reports whether n is a unit of text: a <p>, <pre> or <td>,
// or a <div> that holds only inline content, as many CMSs write
// paragraphs.
func paragraphLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td:
		return true
	case atom.Div, atom.Section, atom.Span:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && blocks[c.DataAtom] {
				return false
			}
		}
		return n.DataAtom != atom.Span || n.Parent == nil || !paragraphLike(n.Parent)
	}
	return false
}

// best scores paragraphs into their containers and returns the container
// that best holds the article.
func (e *extraction) best(body *html.Node) *html.Node {
	var candidates []*html.Node
	// Paragraphs inside blocks named as boilerplate (comments, related
	// stories) count for a fifth. A block holding half the page's text
	// is a layout wrapper misnamed ("sticky-sidebar") and counts in full.
	total := e.stats[body].text
	var walk func(n *html.Node, weight float64)
	walk = func(n *html.Node, weight float64) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			w := weight
			if junkName(c) && e.stats[c].text < total/2 {
				w *= 0.2
			}
			if paragraphLike(c) {
				e.scoreParagraph(c, w, &candidates)
				continue
			}
			if cs := e.stats[c]; cs.inline >= 25 {
				// Loose text beside blocks counts as paragraphs of
				// this element, as if each run were wrapped in a <p>.
				runs := 1 + cs.brs/2
				score := 1 + float64(cs.inlineCommas) + min(float64(cs.inline/100), 3*float64(runs))
				e.addScore(c, score*w, 0, &candidates)
			}
			walk(c, w)
		}
	}
	walk(body, 1)
	var top *html.Node
	var topScore float64
	for _, c := range candidates {
		s := e.stats[c]
		s.score *= 1 - s.linkDensity()
		if top == nil || s.score > topScore {
			top, topScore = c, s.score
		}
	}
	if top == nil {
		if e.stats[body].text > 0 {
			return body
		}
		return nil
	}
	top = e.common(top, topScore, candidates, body)
	return e.climb(top, body)
}

// common moves the top candidate up to the nearest ancestor that also holds
// at least three other near-best candidates: a page that wraps each
// paragraph in its own scored box has its article in the box's parent.
func (e *extraction) common(top *html.Node, topScore float64, candidates []*html.Node, body *html.Node) *html.Node {
	var alts []*html.Node
	for _, c := range candidates {
		if c != top && e.stats[c].score >= 0.75*topScore && !contains(c, top) {
			alts = append(alts, c)
		}
	}
	if len(alts) < 3 {
		return top
	}
	for a := top.Parent; a != nil && a != body; a = a.Parent {
		n := 0
		for _, c := range alts {
			if contains(a, c) {
				n++
			}
		}
		if n >= 3 {
			return a
		}
	}
	return top
}

// contains reports whether n is a or is below it.
func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

func (e *extraction) scoreParagraph(p *html.Node, weight float64, candidates *[]*html.Node) {
	s := e.stats[p]
	if s.text < 25 {
		return
	}
	score := 1 + float64(s.commas) + min(float64(s.text/100), 3)
	e.addScore(p.Parent, score*weight, 0, candidates)
}

// addScore gives a paragraph's score to its container a, half of it to
// the container's parent, and less to the ancestors above.
func (e *extraction) addScore(a *html.Node, score float64, level int, candidates *[]*html.Node) {
	for ; a != nil && a.Type == html.ElementNode && level < 5; a = a.Parent {
		as := e.stats[a]
		if as == nil {
			break
		}
		if !blocks[a.DataAtom] && a.DataAtom != atom.Td && a.DataAtom != atom.Body {
			// Inline wrappers (a link around a teaser) are no containers.
			continue
		}
		if !as.scored {
			as.scored = true
			as.score = tagWeight(a) + classWeight(a)
			*candidates = append(*candidates, a)
		}
		div := 1.0
		switch {
		case level == 1:
			div = 2
		case level > 1:
			div = float64(level * 3)
		}
		as.score += score / div
		level++
	}
}

// climb moves from the best-scoring container to an ancestor when the
// ancestor scores better still, or when the container is its parent's
// only child: the article often spans several sibling containers.
func (e *extraction) climb(top, body *html.Node) *html.Node {
	last := e.stats[top].score
	threshold := last / 3
	for p := top.Parent; p != nil && p != body; p = p.Parent {
		ps := e.stats[p]
		if ps == nil {
			break
		}
		if !ps.scored {
			continue
		}
		if ps.score < threshold {
			break
		}
		if ps.score > last {
			top = p
			break
		}
		last = ps.score
	}
	for top.Parent != nil && top.Parent != body && onlyChild(top) {
		top = top.Parent
	}
	return top
}

func onlyChild(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && (c.Type == html.ElementNode || strings.TrimSpace(c.Data) != "") {
			return false
		}
	}
	return true
}

// siblings returns top with those of its siblings that hold more of the
// article: well-scored containers and link-poor paragraphs.
func (e *extraction) siblings(top *html.Node) []*html.Node {
	if top.Parent == nil || top.DataAtom == atom.Body {
		return []*html.Node{top}
	}
	ts := e.stats[top]
	threshold := max(10, ts.score*0.2)
	var out []*html.Node
	for c := top.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c == top {
			out = append(out, c)
			continue
		}
		if c.Type != html.ElementNode {
			continue
		}
		s := e.stats[c]
		if s == nil {
			continue
		}
		bonus := 0.0
		sameClass := false
		if cls := attr(c, "class"); cls != "" && cls == attr(top, "class") {
			bonus = ts.score * 0.2
			sameClass = true
		}
		switch {
		case s.scored && s.score+bonus >= threshold:
			out = append(out, c)
		case sameClass && s.text > 100 && s.linkDensity() < 0.3:
			// Another section of the same body, its paragraphs too deep
			// below it to have lent it their score.
			out = append(out, c)
		case c.DataAtom == atom.P:
			ld := s.linkDensity()
			t := strings.TrimSpace(flat(c))
			if (s.text > 80 && ld < 0.25) || (s.text > 0 && s.text <= 80 && ld == 0 && strings.HasSuffix(t, ".")) {
				out = append(out, c)
			}
		}
	}
	return out
}

// cousins adds to the chosen nodes the other blocks of the page that bear
// the top block's class and hold link-poor text: an article cut into
// chunks ("article__body" in several grid rows) has its chunks under
// different parents. Only a class that names content counts, since
// teaser boxes share classes too, and a chunk must hold a fifth of the top
// block's text. The result is in document order.
func (e *extraction) cousins(body, top *html.Node, nodes []*html.Node) []*html.Node {
	cls := attr(top, "class")
	if cls == "" || !contentName(splitName(cls, nil)) {
		return nodes
	}
	chosen := make(map[*html.Node]bool, len(nodes))
	for _, n := range nodes {
		chosen[n] = true
	}
	added := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || chosen[c] || junkName(c) {
				continue
			}
			if c.DataAtom == top.DataAtom && attr(c, "class") == cls {
				if s := e.stats[c]; s != nil && s.text > max(100, e.stats[top].text/5) && s.linkDensity() < 0.3 {
					chosen[c] = true
					added = true
					continue
				}
			}
			walk(c)
		}
	}
	walk(body)
	if !added {
		return nodes
	}
	var out []*html.Node
	var collect func(n *html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if chosen[c] {
				out = append(out, c)
				continue
			}
			collect(c)
		}
	}
	collect(body)
	return out
}

// clean removes from the chosen container what sits inside articles but is
// not article: headlines, link lists, share bars, short captions.
func (e *extraction) clean(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if e.drop(c) {
				n.RemoveChild(c)
			} else {
				e.clean(c)
			}
		}
		c = next
	}
}

func (e *extraction) drop(n *html.Node) bool {
	s := e.stats[n]
	if s == nil {
		return false
	}
	if s.text > e.kept/2 || e.posts[n] {
		return false
	}
	if junkName(n) {
		return true
	}
	if s.text > 0 && s.text < 24 && adLabels[strings.ToLower(collapse(flat(n)))] {
		return true
	}
	w := classWeight(n)
	switch n.DataAtom {
	case atom.H1:
		return true
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return w < 0 || s.linkDensity() > 0.33
	case atom.Figure:
		return true
	case atom.Ul, atom.Ol, atom.Table, atom.Div, atom.Section, atom.Dl, atom.Form, atom.Article:
		return e.boilerplate(n, s, w)
	case atom.P:
		return s.text > 0 && s.linkDensity() > 0.8 && s.text < 200
	case atom.Span:
		// A run of several links inside a sentence is a hover card or a
		// "read more" list that the page shows on demand.
		return s.anchors >= 2 && s.linkDensity() > 0.9
	}
	return false
}

// boilerplate judges a container inside the article by its names, its
// links and its share of paragraphs.
func (e *extraction) boilerplate(n *html.Node, s *stat, w float64) bool {
	if w < 0 {
		return true
	}
	if s.commas >= 10 {
		return false
	}
	var ps, lis int
	count(n, func(c *html.Node) {
		switch c.DataAtom {
		case atom.P:
			ps++
		case atom.Li:
			lis++
		}
	})
	ld := s.linkDensity()
	isList := n.DataAtom == atom.Ul || n.DataAtom == atom.Ol
	switch {
	case !isList && lis > ps && lis > 3 && ld > 0.2:
		return true
	case w < 25 && ld > 0.2 && !(isList && ld < 0.5):
		return true
	case w >= 25 && ld > 0.5:
		return true
	}
	return false
}

func count(n *html.Node, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			f(c)
			count(c, f)
		}
	}
}
