package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/entity"
)

// BenchmarkQuote times the quote stage alone on articles already segmented
// and with entities: the dev corpus when ../shared is present, else a
// built-in text. It reports tokens per second.
func BenchmarkQuote(b *testing.B) {
	bodies := benchBodies()
	rec, err := entity.New()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*doc.Doc
	tokens := 0
	for _, body := range bodies {
		d := newDoc(b, body)
		rec.Run(d)
		docs = append(docs, d)
		tokens += len(d.Tokens)
	}
	q := newQuoter(b)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Quotes, d.Framing = d.Quotes[:0], d.Framing[:0]
			q.Run(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func benchBodies() []string {
	files, _ := filepath.Glob("../../shared/corpora/dev-gold/*.txt")
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		body := strings.TrimSpace(string(raw))
		if strings.HasPrefix(body, "date ") && len(body) > 16 {
			body = strings.TrimSpace(body[16:])
		}
		out = append(out, body)
	}
	if len(out) == 0 {
		out = append(out, strings.Repeat("“We will not back down,” Sarah Smith said, “and the talks are over for now.” "+
			"Police said that the suspect fled on foot after the robbery. The factory will close in March, according to Acme Corp.\n\n", 50))
	}
	return out
}
