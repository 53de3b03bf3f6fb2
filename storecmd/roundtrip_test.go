package storecmd

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/samples"
	"github.com/chronicle/chronicle/store/sqlite"
)

// The stored analysis rebuilds the contract JSON of `chronicle analyze`
// exactly, for every sample article.
func TestStoredAnalysisRebuildsContract(t *testing.T) {
	ctx := context.Background()
	arts, err := samples.Articles(nil)
	if err != nil {
		t.Skip(err)
	}
	p, err := analysis.New()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	in := &ingester{st: db, pipeline: p, progress: &counter{}, refused: func(err error) { t.Error(err) }}
	if _, err := in.run(ctx, repeatArticles(arts, len(arts))); err != nil {
		t.Fatal(err)
	}
	for a := range repeatArticles(arts, len(arts)) {
		want, err := json.Marshal(analysis.Record(p.Analyze(a.Article)))
		if err != nil {
			t.Fatal(err)
		}
		stored, err := db.Article(ctx, a.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(analysis.Record(stored.Doc))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: stored analysis differs: %s", a.Article.Origin, firstDiff(got, want))
		}
	}
}

// firstDiff names the first top-level field and item where two contract
// records differ.
func firstDiff(got, want []byte) string {
	var g, w map[string]any
	json.Unmarshal(got, &g)
	json.Unmarshal(want, &w)
	for k, wv := range w {
		if reflect.DeepEqual(g[k], wv) {
			continue
		}
		gl, _ := g[k].([]any)
		wl, _ := wv.([]any)
		for i := range max(len(gl), len(wl)) {
			var gi, wi any
			if i < len(gl) {
				gi = gl[i]
			}
			if i < len(wl) {
				wi = wl[i]
			}
			if !reflect.DeepEqual(gi, wi) {
				return fmt.Sprintf("%s[%d]:\n got %v\nwant %v", k, i, gi, wi)
			}
		}
		return fmt.Sprintf("%s:\n got %v\nwant %v", k, g[k], wv)
	}
	return "?"
}
