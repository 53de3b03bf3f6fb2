package event_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/entity"
	"github.com/chronicle/chronicle/event"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/quote"
	"github.com/chronicle/chronicle/segment"
	"github.com/chronicle/chronicle/timex"
)

func TestZZSamples(t *testing.T) {
	dir := os.Getenv("EVENT_SAMPLES")
	if dir == "" {
		t.Skip()
	}
	seg, _ := segment.New()
	ent, _ := entity.New()
	tx, _ := timex.New()
	qt, _ := quote.New()
	coder, _ := event.New()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for it := range ingest.Read(files, ingest.Options{}) {
		a, err := it.Resolve()
		if err != nil {
			continue
		}
		d := &doc.Doc{Article: a}
		for _, s := range []interface{ Run(*doc.Doc) }{seg, ent, tx, qt, coder} {
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
