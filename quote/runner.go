package quote

import (
	"sort"
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// runner holds the work on one document.
type runner struct {
	q       *Quoter
	d       *doc.Doc
	body    string
	ments   []ment // every mention, in body order
	runs    []qrun
	posts   []post
	cues    []cue
	said    []said // speakers of the quotes so far, for quotes that continue them
	quotes  []doc.Quote
	framing []doc.Span
	gender  []byte // by entity index: 'm', 'f' or 0
}

// ment is one mention with the index of its entity.
type ment struct {
	start, end int
	ent        int
	kind       string
}

// cue is a reporting verb or phrase with its speaker and, when it
// introduces one, its reported clause [cs, ce).
type cue struct {
	sent       int
	tok        int
	start, end int
	class      string // say, tell, read, according
	speaker    int    // entity index; -1 when unknown
	channel    string
	cs, ce     int
	subj       int // where the subject starts; the cue's start without one
}

// said records who spoke where, for quotations that continue one.
type said struct {
	off, para int
	speaker   int
	cue       string
	channel   string
}

func newRunner(q *Quoter, d *doc.Doc) *runner {
	r := &runner{q: q, d: d, body: d.Article.Body}
	for ei, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(r.body) || m.Start >= m.End {
				continue
			}
			r.ments = append(r.ments, ment{m.Start, m.End, ei, m.Kind})
		}
	}
	sort.Slice(r.ments, func(i, j int) bool { return r.ments[i].start < r.ments[j].start })
	r.genders()
	return r
}

// finish adds the posts and hands the quotes, sorted and without
// duplicates, to the document.
func (r *runner) finish() {
	r.postQuotes()
	sort.SliceStable(r.quotes, func(i, j int) bool { return r.quotes[i].Start < r.quotes[j].Start })
	out := r.quotes[:0]
	for i, q := range r.quotes {
		if i > 0 && q.Start == out[len(out)-1].Start && q.End == out[len(out)-1].End {
			continue
		}
		out = append(out, q)
	}
	r.d.Quotes = append(r.d.Quotes, out...)
	r.d.Framing = append(r.d.Framing, r.framing...)
}

func (r *runner) add(q doc.Quote) { r.quotes = append(r.quotes, q) }

// id turns an entity index into its ID, "" for -1.
func (r *runner) id(ei int) string {
	if ei < 0 || ei >= len(r.d.Entities) {
		return ""
	}
	return r.d.Entities[ei].ID
}

// isActor reports whether an entity can speak: not a mere place.
func (r *runner) isActor(ei int) bool {
	return ei >= 0 && r.d.Entities[ei].Type != doc.LOC
}

// tok helpers.
func (r *runner) text(i int) string  { return r.d.Tokens[i].Text }
func (r *runner) lower(i int) string { return strings.ToLower(r.d.Tokens[i].Text) }
func (r *runner) tag(i int) string   { return r.d.Tokens[i].Tag }

// inRun reports whether token i lies in quotation marks (marks included).
func (r *runner) inRun(i int) bool { return r.runAt(r.d.Tokens[i].Start) >= 0 }

// boundary reports whether token i ends a phrase going backwards: a comma,
// colon, dash, bracket or anything in quotation marks.
func (r *runner) boundary(i int) bool {
	switch r.text(i) {
	case ",", ";", ":", "—", "–", "--", "(", ")", ".", "!", "?":
		return true
	}
	return isMark(r.text(i)) || r.inRun(i)
}

// finite reports whether token i is a finite verb.
func (r *runner) finite(i int) bool {
	switch r.tag(i) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// sentenceOf returns the sentence holding off, or the nearest one before.
func (r *runner) sentenceOf(off int) int {
	if si := r.d.SentenceAt(off); si >= 0 {
		return si
	}
	i := sort.Search(len(r.d.Sentences), func(i int) bool { return r.d.Sentences[i].Start > off })
	if i > 0 {
		return i - 1
	}
	return 0
}

// contentEnd is the end of sentence si without its closing punctuation.
func (r *runner) contentEnd(si int) int {
	s := r.d.Sentences[si]
	_, e := trim(r.body, s.Start, s.End, " \t\n.!?;")
	return e
}

// words counts the words outside quotation marks in tokens [a, b).
func (r *runner) wordsOutside(a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if !r.inRun(i) && isWordTok(r.text(i)) {
			n++
		}
	}
	return n
}

func isWordTok(s string) bool {
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c > 127 && !isMark(string(c)) {
			return true
		}
	}
	return false
}

// longRunIn reports whether a run of more than three words lies in [s, e).
func (r *runner) longRunIn(s, e int) bool {
	for _, q := range r.runs {
		if q.words > 3 && q.start >= s && q.end <= e {
			return true
		}
	}
	return false
}
