package storecmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/store"
)

// batchSize is how many articles go into one transaction: large enough to
// amortise the commit, small enough that a crash loses little work.
const batchSize = 64

// Summary is what one ingest run did.
type Summary struct {
	Articles   int // articles read (refused ones excluded)
	New        int // stored by this run
	Stored     int // already stored before: skipped
	Refused    int // inputs refused by ingest or the store
	Duplicates int // new articles flagged as near-duplicates
	Events     int // event reports of the new articles
	Quotes     int // quotes of the new articles
	// Skipped counts new articles stored without the English stages, by
	// the reason (their language).
	Skipped map[string]int
	Elapsed time.Duration
}

func (s Summary) String() string {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Articles) / s.Elapsed.Seconds()
	}
	line := fmt.Sprintf("%d articles: %d new, %d already stored, %d refused; %d near-duplicates; %d events, %d quotes; %s (%.1f articles/s)",
		s.Articles, s.New, s.Stored, s.Refused, s.Duplicates, s.Events, s.Quotes, s.Elapsed.Round(time.Millisecond), rate)
	reasons := make([]string, 0, len(s.Skipped))
	for r := range s.Skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		line += fmt.Sprintf("\nnot analysed: %d (%s)", s.Skipped[r], r)
	}
	return line
}

// counter is the progress shared with the progress printer.
type counter struct {
	done atomic.Int64 // inputs finished: stored, skipped or refused
}

// ingester runs analysed articles into a store.
type ingester struct {
	st       store.Store
	pipeline *analysis.Pipeline
	workers  int
	refused  func(error) // told about each refused input, one call at a time
	progress *counter
	mu       sync.Mutex
}

// run analyses items on all cores and stores them in batches, skipping
// before analysis the articles already stored. It returns the summary and
// the first error that stopped it (refused inputs do not stop it).
func (in *ingester) run(ctx context.Context, items iter.Seq[ingest.Item]) (sum Summary, err error) {
	start := time.Now()
	defer func() { sum.Elapsed = time.Since(start) }()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	var skipped atomic.Int64 // counted on the pipeline's feeding goroutine
	fresh := func(yield func(ingest.Item) bool) {
		for it := range items {
			if it.Err == nil && it.Article.ID != "" {
				has, err := in.st.Has(ctx, []string{it.Article.ID})
				if err != nil {
					cancel(err)
					return
				}
				if has[it.Article.ID] {
					skipped.Add(1)
					in.progress.done.Add(1)
					continue
				}
			}
			if !yield(it) {
				return
			}
		}
	}

	// Storing runs on its own goroutine so that analysis goes on while a
	// batch is written.
	batches := make(chan []*doc.Doc, 2)
	var stored Summary
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		for batch := range batches {
			if err := in.store(ctx, batch, &stored); err != nil {
				cancel(err)
				for range batches {
				}
				return
			}
		}
	}()

	batch := make([]*doc.Doc, 0, batchSize)
	for r := range in.pipeline.Run(ctx, fresh, in.workers) {
		if r.Err != nil {
			sum.Refused++
			in.refuse(r.Err)
			in.progress.done.Add(1)
			continue
		}
		batch = append(batch, r.Doc)
		if len(batch) == batchSize {
			batches <- batch
			batch = make([]*doc.Doc, 0, batchSize)
		}
	}
	if len(batch) > 0 && ctx.Err() == nil {
		batches <- batch
	}
	close(batches)
	<-wrote

	sum.Articles = stored.Articles + int(skipped.Load())
	sum.New, sum.Duplicates, sum.Events, sum.Quotes, sum.Skipped = stored.New, stored.Duplicates, stored.Events, stored.Quotes, stored.Skipped
	sum.Stored = stored.Stored + int(skipped.Load())
	sum.Refused += stored.Refused
	if err := context.Cause(ctx); err != nil {
		if errors.Is(err, context.Canceled) {
			return sum, fmt.Errorf("interrupted: %w", err)
		}
		return sum, err
	}
	return sum, in.st.Cluster(ctx)
}

// store writes one batch and counts what happened to each document.
func (in *ingester) store(ctx context.Context, batch []*doc.Doc, sum *Summary) error {
	res, err := in.st.Put(ctx, batch)
	if err != nil && res == nil {
		return err
	}
	for i, r := range res {
		switch {
		case r.Err != nil:
			sum.Refused++
			in.refuse(r.Err)
			continue
		case r.New:
			sum.New++
			sum.Events += len(batch[i].Events)
			sum.Quotes += len(batch[i].Quotes)
			if why := batch[i].Skipped; why != "" {
				if sum.Skipped == nil {
					sum.Skipped = map[string]int{}
				}
				sum.Skipped[why]++
			}
			if r.Duplicate != "" {
				sum.Duplicates++
			}
		default:
			sum.Stored++
		}
		sum.Articles++
	}
	in.progress.done.Add(int64(len(batch)))
	return nil
}

// refuse reports a refused input; calls come from two goroutines.
func (in *ingester) refuse(err error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.refused(err)
}

// countItems counts the inputs of paths without analysing them, for the
// progress total. Standard input cannot be read twice: it counts as
// unknown (-1).
func countItems(paths []string, opts ingest.Options) int {
	for _, p := range paths {
		if p == "-" {
			return -1
		}
	}
	n := 0
	for range ingest.Read(paths, opts) {
		n++
	}
	return n
}

// progress prints the counter to w until stop is closed: a bar redrawn in
// place on a terminal, else a plain line every few seconds.
func progress(w io.Writer, c *counter, total int, tty bool, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	every := 5 * time.Second
	if tty {
		every = 200 * time.Millisecond
	}
	start := time.Now()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			if tty {
				fmt.Fprintf(w, "\r%s\n", progressLine(c.done.Load(), total, time.Since(start), true))
			}
			return
		case <-t.C:
			line := progressLine(c.done.Load(), total, time.Since(start), tty)
			if tty {
				fmt.Fprintf(w, "\r%s", line)
			} else {
				fmt.Fprintln(w, line)
			}
		}
	}
}

// progressLine renders done/total, rate and ETA, with a bar when asked.
func progressLine(done int64, total int, elapsed time.Duration, bar bool) string {
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(done) / s
	}
	if total <= 0 {
		return fmt.Sprintf("chronicle ingest: %d done, %.1f articles/s", done, rate)
	}
	eta := "?"
	if rate > 0 && int(done) <= total {
		eta = (time.Duration(float64(total-int(done))/rate) * time.Second).Round(time.Second).String()
	}
	s := ""
	if bar {
		const width = 30
		filled := min(width, int(float64(width)*float64(done)/float64(total)))
		s = "[" + repeat('#', filled) + repeat('.', width-filled) + "] "
	}
	return fmt.Sprintf("chronicle ingest: %s%d/%d, %.1f articles/s, ETA %s  ", s, done, total, rate, eta)
}

func repeat(c byte, n int) string {
	b := make([]byte, max(n, 0))
	for i := range b {
		b[i] = c
	}
	return string(b)
}
