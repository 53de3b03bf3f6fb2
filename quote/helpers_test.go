package quote

import (
	"sync"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/segment"
)

var (
	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
)

// newDoc segments body with the segment stage.
func newDoc(t testing.TB, body string) *doc.Doc {
	t.Helper()
	segOnce.Do(func() { seg, segErr = segment.New() })
	if segErr != nil {
		t.Fatalf("segment: %v", segErr)
	}
	d := &doc.Doc{Article: doc.Article{Body: body}}
	seg.Run(d)
	return d
}

func newQuoter(t testing.TB) *Quoter {
	t.Helper()
	q, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return q
}
