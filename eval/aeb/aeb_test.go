package aeb

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronicle/chronicle/htmltext"
)

const benchDir = "../../../shared/corpora/article-extraction-benchmark"

func TestEvaluate(t *testing.T) {
	if _, err := os.Stat(filepath.Join(benchDir, "ground-truth.json")); err != nil {
		t.Skip("article-extraction benchmark not found at " + benchDir + " (it lives outside the repository)")
	}
	var out bytes.Buffer
	sc, err := Evaluate(benchDir, &out, testing.Verbose())
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if sc.Pages != 181 {
		t.Errorf("pages = %d, want 181", sc.Pages)
	}
	// Measured 0.977 (P 0.968, R 0.986); the floor leaves room for
	// rounding, not for regressions.
	const floor = 0.970
	if sc.F1 < floor {
		t.Errorf("F1 = %.3f, below the floor %.3f", sc.F1, floor)
	}
}

// BenchmarkExtract runs the reader over every benchmark page; ns/op is
// the time of one page (174 KB on average).
func BenchmarkExtract(b *testing.B) {
	if _, err := os.Stat(filepath.Join(benchDir, "ground-truth.json")); err != nil {
		b.Skip("article-extraction benchmark not found at " + benchDir)
	}
	pages, err := load(benchDir)
	if err != nil {
		b.Fatal(err)
	}
	x := htmltext.New()
	var size int64
	for _, p := range pages {
		size += int64(len(p.html))
	}
	b.SetBytes(size / int64(len(pages)))
	i := 0
	for b.Loop() {
		p := pages[i%len(pages)]
		x.Extract(p.html, p.url)
		i++
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		got, want  string
		tp, fp, fn float64
		exact      bool
	}{
		{"a b c d e", "a b c d e", 1, 0, 0, true},
		{"a, b; c d e!", "a b c d e", 1, 0, 0, true},
		{"", "a b c d e", 0, 0, 1, false},
		{"a b c d e", "", 0, 1, 0, false},
		{"a b c", "a b c", 1, 0, 0, true},
		{"a b c d x", "a b c d e", 1.0 / 3, 1.0 / 3, 1.0 / 3, false},
		{"ab\u00adc d e f", "abc d e f", 1, 0, 0, true},
		{"endStart", "end Start", 0, 0.5, 0.5, false},
	}
	for _, tt := range tests {
		s := score(tt.got, tt.want)
		if !near(s.tp, tt.tp) || !near(s.fp, tt.fp) || !near(s.fn, tt.fn) || s.exact != tt.exact {
			t.Errorf("score(%q, %q) = %+v, want tp %.3f fp %.3f fn %.3f exact %v", tt.got, tt.want, s, tt.tp, tt.fp, tt.fn, tt.exact)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
