package quote

import (
	"regexp"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
)

// signature matches the byline that closes an embedded post as news pages
// render it: a dash, the display name, the handle in brackets and the date.
var signature = regexp.MustCompile(`(?:—|–|--|\s-\s)\s*([^\n()—–]{1,80}?)\s*\((@[A-Za-z0-9_]{1,30})\)\s*([^\n()]{0,40}?)\s*$`)

// dateLayouts are the date forms seen after a post's handle.
var dateLayouts = []string{
	"January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan. 2, 2006", "Jan 2 2006",
	"2 January 2006", "2 Jan 2006", "2006-01-02", "January 2, 2006 3:04 PM",
}

// post is an embedded social post found in the body.
type post struct {
	start, end int // the post's words
	sigStart   int // where the signature starts (its dash)
	sigEnd     int
	name       string
	handle     string
	date       string
}

// findPosts finds embedded posts: a paragraph ending in a signature. The
// post's words are the paragraph before the signature, or the previous
// paragraph when the signature stands alone. The platform is taken to be
// Twitter: "(@handle) date" is how embedded tweets render as text, and
// other platforms' embeds name themselves ("A post shared by ...").
func (r *runner) findPosts() {
	for pi, p := range r.d.Paragraphs {
		p.Text = r.body[p.Start:p.End]
		if !strings.Contains(p.Text, "(@") {
			continue // the regexp is slow; most paragraphs hold no handle
		}
		m := signature.FindStringSubmatchIndex(p.Text)
		if m == nil {
			continue
		}
		date, ok := postDate(p.Text[m[6]:m[7]])
		if !ok && m[7] > m[6] {
			continue
		}
		s, e := trim(r.body, p.Start, p.Start+m[0], " \t\n\r")
		if s >= e && pi > 0 {
			prev := r.d.Paragraphs[pi-1]
			s, e = prev.Start, prev.End
		}
		s, e = stripMarks(r.body, s, e)
		if countWords(r.body[s:e]) == 0 {
			continue
		}
		r.posts = append(r.posts, post{
			start: s, end: e,
			sigStart: p.Start + m[0], sigEnd: p.End,
			name:   strings.Trim(p.Text[m[2]:m[3]], "- "),
			handle: p.Text[m[4]:m[5]],
			date:   date,
		})
	}
}

// stripMarks drops quotation marks enclosing the whole of [s, e).
func stripMarks(body string, s, e int) (int, int) {
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}} {
		if strings.HasPrefix(body[s:e], pair[0]) && strings.HasSuffix(body[s:e], pair[1]) && e-s > len(pair[0])+len(pair[1]) {
			return trim(body, s+len(pair[0]), e-len(pair[1]), " ")
		}
	}
	return s, e
}

// postDate reads a post's date into ISO form.
func postDate(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimRight(s, ". "))
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// inPost reports whether offset off lies in a post or its signature.
func (r *runner) inPost(off int) bool {
	for _, p := range r.posts {
		if off >= p.start && off < p.sigEnd {
			return true
		}
	}
	return false
}

// postQuotes adds one quote for every post, its author found by handle,
// then by a mention inside the signature, then by the display name's last
// word.
func (r *runner) postQuotes() {
	for _, p := range r.posts {
		r.add(doc.Quote{
			Span:    r.d.SpanOf(p.start, p.end),
			Speaker: r.id(r.postAuthor(p)),
			Kind:    doc.QuotePost,
			Cue:     "posted",
			Channel: "Twitter",
			Handle:  p.handle,
			Date:    p.date,
		})
	}
}

func (r *runner) postAuthor(p post) int {
	for ei, e := range r.d.Entities {
		for _, h := range e.Handles {
			if strings.EqualFold(strings.TrimPrefix(h, "@"), p.handle[1:]) {
				return ei
			}
		}
	}
	for _, m := range r.ments {
		if m.start >= p.sigStart && m.end <= p.sigEnd && r.isActor(m.ent) {
			return m.ent
		}
	}
	last := lastWord(p.name)
	best := -1
	for ei, e := range r.d.Entities {
		if !strings.EqualFold(lastWord(e.Name), last) {
			continue
		}
		if best < 0 || e.Type == doc.PERSON && r.d.Entities[best].Type != doc.PERSON {
			best = ei
		}
	}
	return best
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,")
}
