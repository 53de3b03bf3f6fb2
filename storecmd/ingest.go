package storecmd

import (
	"context"
	"fmt"
	"io"
	"iter"
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
	Elapsed    time.Duration
}

func (s Summary) String() string {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Articles) / s.Elapsed.Seconds()
	}
	return fmt.Sprintf("%d articles: %d new, %d already stored, %d refused; %d near-duplicates; %d events, %d quotes; %s (%.1f articles/s)",
		s.Articles, s.New, s.Stored, s.Refused, s.Duplicates, s.Events, s.Quotes, s.Elapsed.Round(time.Millisecond), rate)
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
	refused  func(error) // told about each refused input
	progress *counter
}

// run analyses items on all cores and stores them in batches, skipping
// before analysis the articles already stored. It returns the summary and
// the first error that stopped it (refused inputs do not stop it).
func (in *ingester) run(ctx context.Context, items iter.Seq[ingest.Item]) (sum Summary, err error) {
	start := time.Now()
	var skipErr error
	var skipped atomic.Int64 // counted on the pipeline's feeding goroutine
	fresh := func(yield func(ingest.Item) bool) {
		for it := range items {
			if it.Err == nil && it.Article.ID != "" {
				has, err := in.st.Has(ctx, []string{it.Article.ID})
				if err != nil {
					skipErr = err
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
	batch := make([]*doc.Doc, 0, batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := in.st.Put(ctx, batch)
		if err != nil && res == nil {
			return err
		}
		for i, r := range res {
			switch {
			case r.Err != nil:
				sum.Refused++
				sum.Articles--
				in.refused(r.Err)
			case r.New:
				sum.New++
				sum.Events += len(batch[i].Events)
				sum.Quotes += len(batch[i].Quotes)
				if r.Duplicate != "" {
					sum.Duplicates++
				}
			default:
				sum.Stored++
			}
		}
		in.progress.done.Add(int64(len(batch)))
		batch = batch[:0]
		return nil
	}
	defer func() {
		sum.Elapsed = time.Since(start)
	}()
	for r := range in.pipeline.Run(ctx, fresh, in.workers) {
		if r.Err != nil {
			sum.Refused++
			in.refused(r.Err)
			in.progress.done.Add(1)
			continue
		}
		sum.Articles++
		batch = append(batch, r.Doc)
		if len(batch) == batchSize {
			if err := flush(); err != nil {
				return sum, err
			}
		}
	}
	sum.Articles += int(skipped.Load())
	sum.Stored += int(skipped.Load())
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("interrupted: %w", err)
	}
	if skipErr != nil {
		return sum, skipErr
	}
	if err := flush(); err != nil {
		return sum, err
	}
	return sum, in.st.Cluster(ctx)
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
