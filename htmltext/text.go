package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blocks are the elements that start a new paragraph in the text.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Table: true, atom.Tr: true,
	atom.Ul: true, atom.Summary: true, atom.Caption: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Menu: true,
}

// writer builds text with paragraph breaks: white space inside a paragraph
// folds to one space, block boundaries become one blank line, <br> one
// line break. Inline element boundaries add nothing, so a drop capital
// stays part of its word.
type writer struct {
	b       strings.Builder
	space   bool // a space is owed before the next word
	breaks  int  // newlines owed before the next word (0, 1 or 2)
	started bool
}

func (w *writer) text(s string) {
	for len(s) > 0 {
		i := strings.IndexAny(s, " \t\n\r\f\u00a0")
		if i < 0 {
			w.word(s)
			return
		}
		if i > 0 {
			w.word(s[:i])
		}
		w.space = true
		if s[i] == 0xc2 { // U+00A0 is two bytes
			s = s[i+2:]
		} else {
			s = s[i+1:]
		}
	}
}

func (w *writer) word(s string) {
	if w.started {
		switch {
		case w.breaks >= 2:
			w.b.WriteString("\n\n")
		case w.breaks == 1:
			w.b.WriteByte('\n')
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.b.WriteString(s)
	w.started = true
	w.space, w.breaks = false, 0
}

func (w *writer) paragraph() { w.breaks = 2 }

// line owes a line break; a second one in a row (<br><br>) owes a
// paragraph break, as that is how many pages separate paragraphs.
func (w *writer) line() {
	if w.breaks >= 1 {
		w.breaks = 2
	} else {
		w.breaks = 1
	}
}

// write adds the text under n.
func (w *writer) write(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Br:
			w.line()
			return
		case atom.Td, atom.Th:
			w.space = true
		case atom.Pre:
			w.paragraph()
			w.pre(n)
			w.paragraph()
			return
		}
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		w.paragraph()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.write(c)
	}
	if block {
		w.paragraph()
	}
}

// pre keeps a preformatted block's lines.
func (w *writer) pre(n *html.Node) {
	lines := strings.Split(flat(n), "\n")
	for _, l := range lines {
		w.text(l)
		w.line()
	}
}

func (w *writer) String() string { return w.b.String() }
