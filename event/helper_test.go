package event

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/segment"
)

var (
	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
	cdrOnce sync.Once
	cdr     *Coder
	cdrErr  error
)

func testCoder(t testing.TB) *Coder {
	cdrOnce.Do(func() { cdr, cdrErr = New() })
	if cdrErr != nil {
		t.Fatal(cdrErr)
	}
	return cdr
}

// ent describes a test entity: "Name|TYPE|CTY|form1|form2".
type ent string

// build segments text and marks every occurrence of each entity's forms
// (the name itself included) as a mention, longest forms first.
func build(t testing.TB, text string, ents ...ent) *doc.Doc {
	segOnce.Do(func() { seg, segErr = segment.New() })
	if segErr != nil {
		t.Fatal(segErr)
	}
	d := &doc.Doc{Article: doc.Article{Body: text, Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)}}
	seg.Run(d)
	taken := make([]bool, len(text))
	type form struct {
		ei   int
		text string
	}
	var forms []form
	for i, e := range ents {
		f := strings.Split(string(e), "|")
		d.Entities = append(d.Entities, doc.Entity{ID: "E" + strconv.Itoa(i+1), Name: f[0], Type: f[1], Country: f[2]})
		forms = append(forms, form{i, f[0]})
		for _, x := range f[3:] {
			forms = append(forms, form{i, x})
		}
	}
	for i := 1; i < len(forms); i++ {
		for j := i; j > 0 && len(forms[j].text) > len(forms[j-1].text); j-- {
			forms[j], forms[j-1] = forms[j-1], forms[j]
		}
	}
	for _, f := range forms {
		for off := 0; ; {
			k := strings.Index(text[off:], f.text)
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(f.text)
			off = e
			free := true
			for x := s; x < e; x++ {
				free = free && !taken[x]
			}
			if !free {
				continue
			}
			for x := s; x < e; x++ {
				taken[x] = true
			}
			en := &d.Entities[f.ei]
			en.Mentions = append(en.Mentions, doc.Mention{Span: d.SpanOf(s, e), Kind: doc.MentionName})
		}
	}
	return d
}

// summary renders events as "TYPE src>tgt" with entity names, "-" for null.
func summary(d *doc.Doc) []string {
	var out []string
	for _, e := range d.Events {
		name := func(id string) string {
			if x := d.Entity(id); x != nil {
				return x.Name
			}
			return "-"
		}
		out = append(out, e.Type+" "+name(e.Source)+">"+name(e.Target))
	}
	return out
}
