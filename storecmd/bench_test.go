package storecmd

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/samples"
	"github.com/chronicle/chronicle/store/sqlite"
)

// BenchmarkIngest measures end-to-end ingest (analysis on every core and
// storage) of the shipped samples repeated b.N times; ns/op is the wall
// time per article.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	arts, err := samples.Articles(nil)
	if err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	p, err := analysis.New()
	if err != nil {
		b.Fatal(err)
	}
	in := &ingester{st: db, pipeline: p, progress: &counter{}, refused: func(err error) { b.Error(err) }}
	b.ResetTimer()
	sum, err := in.run(ctx, repeatArticles(arts, b.N))
	if err != nil {
		b.Fatal(err)
	}
	if sum.New != b.N {
		b.Fatalf("stored %d of %d", sum.New, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
