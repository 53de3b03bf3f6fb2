// Package conllu measures the entity stage against the entity and
// coreference annotation of GUM's CoNLL-U files (the news genre): it
// rebuilds each document's text with exact offsets, runs the segment and
// entity stages on it, and scores mentions and person clusters.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Document is one GUM document rebuilt as text with its annotation.
type Document struct {
	ID       string
	Text     string
	Mentions []Mention
}

// Mention is one GUM entity mention: a byte span of Text, the entity type
// (person, organization, place ...), its cluster id and whether its
// syntactic head is a proper noun.
type Mention struct {
	Start, End  int
	Type        string
	Cluster     string
	Named       bool
	HeadStart   int // byte span of the head word
	HeadEnd     int
	Proper      [][2]int // byte spans of its own proper nouns (not in a nested mention)
	first, last int      // word range in its sentence, while reading
}

// word is one syntactic word of a sentence, as far as scoring needs it.
type word struct {
	start, end int // byte span in the document text
	upos       string
	head       int // governor's index in the sentence (1-based), 0 for root
}

// open is a mention whose end is not read yet.
type open struct {
	cluster, etype string
	first          int // sentence word index (1-based) of its first word
}

// Read parses one CoNLL-U stream into documents. Paragraphs ("# newpar")
// are separated by a blank line and sentences by a space (a line break
// after a heading or caption without a full stop), so that the segmenter
// sees the layout a news article has.
func Read(r io.Reader) ([]Document, error) {
	var (
		docs   []Document
		cur    *Document
		b      strings.Builder
		sent   []word
		opens  = map[string][]open{}
		spans  [][3]int // first word, last word, index into cur.Mentions
		newpar bool
		inSent bool
		// A multiword token's surface covers the words listed under it.
		mwtEnd     int
		mwtS, mwtE int
		mwtAt      int // bytes of the token's surface its words took so far
		mwtSpace   bool
		space      bool // a space is owed before the next token of the sentence
	)
	flush := func() {
		if cur == nil {
			return
		}
		var ms []*Mention
		for _, s := range spans {
			m := &cur.Mentions[s[2]]
			m.first, m.last = s[0], s[1]
			resolveHead(m, sent, s[0], s[1])
			ms = append(ms, m)
		}
		ownProper(ms, sent)
		spans = spans[:0]
		sent = sent[:0]
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# newdoc id"):
			flush()
			if cur != nil {
				cur.Text = b.String()
				docs = append(docs, *cur)
			}
			b.Reset()
			cur = &Document{ID: strings.TrimSpace(l[strings.Index(l, "=")+1:])}
			opens = map[string][]open{}
			mwtEnd = 0
			continue
		case strings.HasPrefix(l, "# newpar"):
			newpar = true
			continue
		case strings.HasPrefix(l, "#"):
			continue
		case l == "":
			if inSent {
				flush()
				inSent = false
				mwtEnd = 0
			}
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("conllu: line %d: token before # newdoc", line)
		}
		f := strings.Split(l, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d columns, want 10", line, len(f))
		}
		if strings.Contains(f[0], ".") {
			continue // an empty node: no text
		}
		if !inSent {
			inSent = true
			if b.Len() > 0 {
				switch {
				case newpar:
					b.WriteString("\n\n")
				case !endsSentence(b.String()):
					b.WriteByte('\n') // a heading or caption without a full stop
				default:
					b.WriteByte(' ')
				}
			}
			newpar, space = false, false
		}
		if space && !(id0(f[0]) <= mwtEnd) {
			b.WriteByte(' ')
		}
		space = false
		if a, z, ok := strings.Cut(f[0], "-"); ok {
			if _, err := strconv.Atoi(a); err != nil {
				return nil, fmt.Errorf("conllu: line %d: bad range %q", line, f[0])
			}
			mwtEnd, _ = strconv.Atoi(z)
			mwtS, mwtAt = b.Len(), 0
			b.WriteString(f[1])
			mwtE = b.Len()
			mwtSpace = !strings.Contains(f[9], "SpaceAfter=No")
			continue
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("conllu: line %d: bad id %q", line, f[0])
		}
		hd, _ := strconv.Atoi(f[6])
		w := word{upos: f[3], head: hd}
		if id <= mwtEnd {
			// part of a multiword token ("USI's" = "USI" + "'s"): its own
			// bytes when it spells them, else the whole token
			w.start, w.end = mwtS, mwtE
			if rest := b.String()[mwtS+mwtAt : mwtE]; strings.HasPrefix(rest, f[1]) {
				w.start, w.end = mwtS+mwtAt, mwtS+mwtAt+len(f[1])
				mwtAt += len(f[1])
			}
		} else {
			w.start = b.Len()
			b.WriteString(f[1])
			w.end = b.Len()
			space = !strings.Contains(f[9], "SpaceAfter=No")
		}
		if id == mwtEnd {
			space = mwtSpace
		}
		sent = append(sent, w)
		for _, ev := range entityEvents(f[9]) {
			if ev.open {
				opens[ev.cluster] = append(opens[ev.cluster], open{cluster: ev.cluster, etype: ev.etype, first: id})
				if !ev.close {
					continue
				}
			}
			stack := opens[ev.cluster]
			if len(stack) == 0 {
				return nil, fmt.Errorf("conllu: line %d: entity %s closed but not open", line, ev.cluster)
			}
			o := stack[len(stack)-1]
			opens[ev.cluster] = stack[:len(stack)-1]
			cur.Mentions = append(cur.Mentions, Mention{Type: o.etype, Cluster: o.cluster})
			spans = append(spans, [3]int{o.first, id, len(cur.Mentions) - 1})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: read: %w", err)
	}
	flush()
	if cur != nil {
		cur.Text = b.String()
		docs = append(docs, *cur)
	}
	return docs, nil
}

// endsSentence reports whether text ends with sentence-final punctuation,
// possibly inside closing quotes or brackets.
func endsSentence(text string) bool {
	t := strings.TrimRight(text, "\"'”’)] ")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ";")
}

// id0 returns the first word id of a token line's ID field ("4-5" → 4).
func id0(field string) int {
	a, _, _ := strings.Cut(field, "-")
	n, _ := strconv.Atoi(a)
	return n
}

// event is one bracket of an Entity= annotation.
type event struct {
	cluster, etype string
	open, close    bool
}

// entityEvents parses the MISC column's Entity= value:
// "(1-event-new-...(2-abstract-...-coref)" opens 1, opens and closes 2;
// "1)" closes 1.
func entityEvents(misc string) []event {
	var val string
	for _, kv := range strings.Split(misc, "|") {
		if strings.HasPrefix(kv, "Entity=") {
			val = kv[len("Entity="):]
		}
	}
	var out []event
	for i := 0; i < len(val); {
		switch {
		case val[i] == '(':
			j := i + 1
			for j < len(val) && val[j] != '(' && val[j] != ')' {
				j++
			}
			spec := strings.Split(val[i+1:j], "-")
			ev := event{cluster: spec[0], open: true}
			if len(spec) > 1 {
				ev.etype = spec[1]
			}
			if j < len(val) && val[j] == ')' {
				ev.close = true
				j++
			}
			out = append(out, ev)
			i = j
		default:
			j := i
			for j < len(val) && val[j] != ')' && val[j] != '(' {
				j++
			}
			if j < len(val) && val[j] == ')' {
				out = append(out, event{cluster: val[i:j], close: true})
				j++
			}
			i = j
		}
	}
	return out
}

// resolveHead fills a mention's span and head from its words [first, last]
// (1-based): the head is the first word whose governor lies outside.
func resolveHead(m *Mention, sent []word, first, last int) {
	if first < 1 || last > len(sent) || first > last {
		return
	}
	m.Start, m.End = sent[first-1].start, sent[last-1].end
	h := first
	for i := first; i <= last; i++ {
		g := sent[i-1].head
		if g < first || g > last {
			h = i
			break
		}
	}
	m.HeadStart, m.HeadEnd = sent[h-1].start, sent[h-1].end
}

// ownProper finds, for each mention of a sentence, the proper nouns that
// belong to it rather than to a smaller mention inside it: "Mike Pompeo"
// in "US Secretary of State Mike Pompeo" (whose "US" is a place of its
// own). A mention with such a word is a named mention.
func ownProper(ms []*Mention, sent []word) {
	for _, m := range ms {
		for i := m.first; i <= m.last; i++ {
			if sent[i-1].upos != "PROPN" || inNested(ms, m, i) {
				continue
			}
			m.Proper = append(m.Proper, [2]int{sent[i-1].start, sent[i-1].end})
		}
		m.Named = len(m.Proper) > 0
	}
}

func inNested(ms []*Mention, m *Mention, i int) bool {
	for _, n := range ms {
		if n == m || n.first < m.first || n.last > m.last || n.first == m.first && n.last == m.last {
			continue
		}
		if i >= n.first && i <= n.last {
			return true
		}
	}
	return false
}
