package event_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/entity"
	"github.com/chronicle/chronicle/event"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/quote"
	"github.com/chronicle/chronicle/segment"
	"github.com/chronicle/chronicle/timex"
)

// TestShowTags prints the tokens and tags of EVENT_SHOW, for developing
// patterns. It does nothing unless the variable is set.
func TestShowTags(t *testing.T) {
	text := os.Getenv("EVENT_SHOW")
	if text == "" {
		t.Skip("set EVENT_SHOW to a sentence to see its tags")
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{Article: doc.Article{Body: text}}
	seg.Run(d)
	var b strings.Builder
	for _, tk := range d.Tokens {
		b.WriteString(tk.Text + "/" + tk.Tag + " ")
	}
	t.Log(b.String())
}

// TestShowEvents runs the real stages on every dated text (*.txt) of the
// directory EVENT_SAMPLES and prints each event with its sentence, for
// reading the coder's output on news without gold. EVENT_SENT=words also
// prints the tokens, tags and entities of sentences holding the words.
func TestShowEvents(t *testing.T) {
	dir := os.Getenv("EVENT_SAMPLES")
	if dir == "" {
		t.Skip("set EVENT_SAMPLES to a directory of dated texts")
	}
	stages := realStages(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for it := range ingest.Read(files, ingest.Options{}) {
		a, err := it.Resolve()
		if err != nil {
			t.Log(err)
			continue
		}
		d := &doc.Doc{Article: a}
		for _, s := range stages {
			s.Run(d)
		}
		if s := os.Getenv("EVENT_SENT"); s != "" {
			showSentences(d, s)
		}
		fmt.Println("==", a.Origin)
		for _, e := range d.Events {
			fmt.Printf("  %s %s | %s\n", e.Date, event.String(d, e), d.SentenceText(e.Sentence))
		}
	}
}

// realStages builds the stages of the analysis pipeline, in its order.
func realStages(t *testing.T) []interface{ Run(*doc.Doc) } {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	ent, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	tx, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	qt, err := quote.New()
	if err != nil {
		t.Fatal(err)
	}
	coder, err := event.New()
	if err != nil {
		t.Fatal(err)
	}
	return []interface{ Run(*doc.Doc) }{seg, ent, tx, qt, coder}
}
