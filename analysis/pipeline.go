// Package analysis wires the stages into one pipeline, runs articles
// through it in parallel on every core with a bounded worker pool, and
// returns results in input order. It owns the contract's JSON shape.
package analysis

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/langid"
	"github.com/chronicle/chronicle/segment"
)

// Stage is one step of the analysis: it reads the layers earlier stages
// wrote on the document and adds its own.
type Stage interface {
	Name() string
	Run(d *doc.Doc)
}

// Pipeline runs the stages in order. It is safe for concurrent use.
type Pipeline struct {
	stages []Stage
	spent  []atomic.Int64 // nanoseconds per stage, for `chronicle bench`
}

// New builds every stage once: models and lexicons load here.
func New() (*Pipeline, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, err
	}
	stages := []Stage{seg}
	more, err := laterStages()
	if err != nil {
		return nil, err
	}
	return NewWith(append(stages, more...)...), nil
}

// NewWith returns a pipeline of the given stages, in order; tests and
// benchmarks use it to run part of the analysis.
func NewWith(stages ...Stage) *Pipeline {
	return &Pipeline{stages: stages, spent: make([]atomic.Int64, len(stages))}
}

// Analyze runs one article through every stage. Articles in a language
// other than English go through segmentation only, with the reason noted.
func (p *Pipeline) Analyze(a doc.Article) *doc.Doc {
	if a.Lang == "" {
		a.Lang = "en"
		if lang, sure := langid.Detect(a.Body); sure {
			a.Lang = lang
		}
	}
	d := &doc.Doc{Article: a}
	english := a.Lang == "en"
	if !english {
		d.Skipped = fmt.Sprintf("language %q: the English stages were skipped", a.Lang)
	}
	for i, s := range p.stages {
		if i > 0 && !english {
			break
		}
		start := time.Now()
		s.Run(d)
		p.spent[i].Add(int64(time.Since(start)))
	}
	return d
}

// StageTime is the time spent in one stage.
type StageTime struct {
	Name  string
	Spent time.Duration
}

// Timings returns the time spent in each stage since the pipeline was made.
func (p *Pipeline) Timings() []StageTime {
	out := make([]StageTime, len(p.stages))
	for i, s := range p.stages {
		out[i] = StageTime{Name: s.Name(), Spent: time.Duration(p.spent[i].Load())}
	}
	return out
}

// Result is one analysed article, or one refused input (Doc nil).
type Result struct {
	Doc *doc.Doc
	Err error
}

// Run analyses items on workers goroutines (0 means one per core) and
// yields the results in input order. At most a few articles per worker
// are in flight, so memory stays flat however long the input.
func (p *Pipeline) Run(ctx context.Context, items iter.Seq[ingest.Item], workers int) iter.Seq[Result] {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return func(yield func(Result) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		type job struct {
			seq  int
			item ingest.Item
		}
		type done struct {
			seq int
			res Result
		}
		jobs := make(chan job, workers)
		results := make(chan done, workers)
		window := make(chan struct{}, 4*workers) // bounds work in flight

		go func() {
			defer close(jobs)
			seq := 0
			for it := range items {
				select {
				case window <- struct{}{}:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{seq, it}:
				case <-ctx.Done():
					return
				}
				seq++
			}
		}()
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					r := p.analyzeItem(j.item)
					select {
					case results <- done{j.seq, r}:
					case <-ctx.Done():
						return
					}
				}
			}()
		}
		go func() { wg.Wait(); close(results) }()

		pending := map[int]Result{}
		next := 0
		for d := range results {
			pending[d.seq] = d.res
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				<-window
				if !yield(r) {
					cancel()
					for range results {
					}
					return
				}
			}
		}
	}
}

func (p *Pipeline) analyzeItem(it ingest.Item) (r Result) {
	a, err := it.Resolve()
	if err != nil {
		return Result{Err: err}
	}
	// A stage that fails on one article must not take the batch down: the
	// article is refused with the reason and the rest goes on.
	defer func() {
		if v := recover(); v != nil {
			r = Result{Err: fmt.Errorf("%s: analysis failed: %v", a.Origin, v)}
		}
	}()
	return Result{Doc: p.Analyze(a)}
}
