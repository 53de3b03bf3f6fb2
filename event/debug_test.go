package event_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/segment"
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
