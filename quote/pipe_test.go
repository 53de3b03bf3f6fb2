package quote

import (
	"strings"
	"testing"

	"github.com/chronicle/chronicle/entity"
)

// TestStylesEntity runs the outlet-style cases through the entity stage
// instead of hand-made entities, as the pipeline does. It only reports:
// the entity stage is another package's work and moves on its own.
func TestStylesEntity(t *testing.T) {
	q := newQuoter(t)
	rec, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	pass, total := 0, 0
	for _, tt := range styleCases {
		d := newDoc(t, tt.body)
		rec.Run(d)
		q.Run(d)
		checkSpans(t, d)
		for i, w := range tt.want {
			total++
			if i >= len(d.Quotes) {
				t.Logf("%s: quote %d missing", tt.name, i)
				continue
			}
			g := d.Quotes[i]
			e := d.Entity(g.Speaker)
			ok := g.Kind == w.kind && strings.Contains(g.Text, w.text)
			switch {
			case w.speaker == "":
				ok = ok && e == nil
			case e == nil:
				ok = false
			default:
				last := w.speaker[strings.LastIndex(w.speaker, " ")+1:]
				ok = ok && strings.Contains(e.Name, last)
			}
			if ok {
				pass++
				continue
			}
			sp := "-"
			if e != nil {
				sp = e.Name
			}
			t.Logf("%s: quote %d %s %q speaker %s, want %s", tt.name, i, g.Kind, clip(g.Text), sp, w.speaker)
		}
	}
	t.Logf("with the entity stage: %d of %d quotes right", pass, total)
}
