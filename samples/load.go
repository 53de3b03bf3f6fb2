package samples

import (
	"fmt"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
)

// Articles returns the articles of paths for a benchmark, or the shipped
// samples when paths is empty. Inputs without a date take today's; refused
// inputs are left out.
func Articles(paths []string) ([]doc.Article, error) {
	items := ingest.ReadFS(FS, "samples/", ingest.Options{})
	if len(paths) > 0 {
		items = ingest.Read(paths, ingest.Options{Published: time.Now().UTC().Truncate(24 * time.Hour)})
	}
	var arts []doc.Article
	for it := range items {
		if a, err := it.Resolve(); err == nil {
			arts = append(arts, a)
		}
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("no article to measure in %v", paths)
	}
	return arts, nil
}
