// Package segment is the first analysis stage: it splits an article's body
// into paragraphs, sentences and tokens with exact byte offsets, and tags
// each token with its part of speech. It uses prose v3, whose models are
// loaded once per process and shared by every Segmenter.
package segment

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/chronicle/chronicle/doc"
	prosesegment "github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

//go:embed abbreviations.txt
var abbreviationList string

// Segmenter tokenises, splits and tags. It is safe for concurrent use.
type Segmenter struct {
	tok    *tokenize.Tokenizer
	sent   *prosesegment.Segmenter
	tagger *tag.Tagger
	titles map[string]bool // abbreviations that never end a sentence
}

// New loads the models (once per process) and returns a Segmenter.
func New() (*Segmenter, error) {
	sent, err := prosesegment.New()
	if err != nil {
		return nil, fmt.Errorf("segment: load sentence model: %w", err)
	}
	tagger, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("segment: load tagger: %w", err)
	}
	return &Segmenter{tok: tokenize.New(), sent: sent, tagger: tagger, titles: readList(abbreviationList)}, nil
}

// Name names the stage in timings.
func (s *Segmenter) Name() string { return "segment" }

// Run fills d.Paragraphs, d.Sentences and d.Tokens from d.Article.Body.
func (s *Segmenter) Run(d *doc.Doc) {
	body := d.Article.Body
	d.Paragraphs = Paragraphs(body)
	d.Tokens = d.Tokens[:0]
	d.Sentences = d.Sentences[:0]
	for pi, p := range d.Paragraphs {
		for _, r := range s.sentences(p.Text) {
			start, end := p.Start+r.Start, p.Start+r.End
			s.add(d, s.tok.Tokenize(body[start:end]), start, end, pi)
		}
	}
}

// sentences splits one paragraph, joining back a break made after a title
// abbreviation ("Lt. Col. Mark Dean").
func (s *Segmenter) sentences(text string) []doc.Span {
	var out []doc.Span
	for _, ps := range s.sent.Segment(text) {
		if n := len(out); n > 0 && s.titles[lastWord(text[out[n-1].Start:out[n-1].End])] {
			out[n-1].End = ps.End()
			continue
		}
		out = append(out, doc.Span{Start: ps.Start, End: ps.End()})
	}
	return out
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " \t\n"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// readList reads one entry a line, skipping blanks and # comments.
func readList(text string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}

// add appends one sentence and its tagged tokens. Tokens come with offsets
// relative to the sentence; they are shifted to body offsets here.
func (s *Segmenter) add(d *doc.Doc, toks []token.Token, start, end, para int) {
	if len(toks) == 0 {
		return
	}
	s.tagger.TagTokens(toks)
	first := len(d.Tokens)
	for _, t := range toks {
		d.Tokens = append(d.Tokens, doc.Token{
			Start: start + t.Start,
			End:   start + t.End(),
			Text:  t.Text,
			Tag:   t.Tag,
		})
	}
	d.Sentences = append(d.Sentences, doc.Sentence{
		Start: start, End: end, First: first, Last: len(d.Tokens), Para: para,
	})
}

// Paragraphs splits body into paragraphs, trimmed of surrounding space.
// Blank lines always separate paragraphs. A single line break separates
// them too, unless the text looks hard-wrapped (most lines of a block run
// to a similar width and stop mid-sentence), where it is only a space.
func Paragraphs(body string) []doc.Span {
	var out []doc.Span
	for _, block := range splitBlank(body) {
		if hardWrapped(body[block.Start:block.End]) {
			out = appendTrimmed(out, body, block.Start, block.End)
			continue
		}
		start := block.Start
		for i := block.Start; i < block.End; i++ {
			if body[i] == '\n' {
				out = appendTrimmed(out, body, start, i)
				start = i + 1
			}
		}
		out = appendTrimmed(out, body, start, block.End)
	}
	return out
}

// splitBlank cuts body at lines that hold only white space.
func splitBlank(body string) []doc.Span {
	var out []doc.Span
	start := 0
	lineStart := 0
	for i := 0; i <= len(body); i++ {
		if i < len(body) && body[i] != '\n' {
			continue
		}
		line := body[lineStart:i]
		if strings.TrimSpace(line) == "" {
			if lineStart > start {
				out = append(out, doc.Span{Start: start, End: lineStart})
			}
			start = i + 1
		}
		lineStart = i + 1
	}
	if start < len(body) {
		out = append(out, doc.Span{Start: start, End: len(body)})
	}
	return out
}

// hardWrapped reports whether a block's line breaks are a typewriter's,
// not the author's: three or more lines, most of them long and ending
// without sentence punctuation.
func hardWrapped(block string) bool {
	lines := strings.Split(strings.TrimRight(block, "\n"), "\n")
	if len(lines) < 3 {
		return false
	}
	wrapped := 0
	for _, l := range lines[:len(lines)-1] {
		l = strings.TrimSpace(l)
		if len(l) >= 40 && len(l) <= 100 && !endsSentence(l) {
			wrapped++
		}
	}
	return wrapped*2 >= len(lines)-1
}

func endsSentence(l string) bool {
	l = strings.TrimRight(l, "\"'”’)]")
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, "!") ||
		strings.HasSuffix(l, "?") || strings.HasSuffix(l, ":")
}

// appendTrimmed appends body[start:end] without its surrounding white
// space, if anything is left.
func appendTrimmed(out []doc.Span, body string, start, end int) []doc.Span {
	for start < end && isSpace(body[start]) {
		start++
	}
	for end > start && isSpace(body[end-1]) {
		end--
	}
	if start == end {
		return out
	}
	return append(out, doc.Span{Start: start, End: end, Text: body[start:end]})
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}
