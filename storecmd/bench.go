package storecmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle/chronicle/procstat"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/samples"
	"github.com/chronicle/chronicle/store/sqlite"
)

// BenchIngest measures ingest end to end — analysis on every core and
// storage in SQLite — on the articles of paths (the shipped samples when
// none) repeated to n articles, into a temporary database. Each copy gets
// a distinct closing line so that its content hash, and so its identity,
// differs. It prints the rate, the resident memory at each quarter of the
// run (flat memory means flat figures) and the peak.
func BenchIngest(ctx context.Context, paths []string, n int, w io.Writer) error {
	arts, err := samples.Articles(paths)
	if err != nil {
		return fmt.Errorf("bench ingest: %w", err)
	}
	dir, err := os.MkdirTemp("", "chronicle-bench-")
	if err != nil {
		return fmt.Errorf("bench ingest: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "bench.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("bench ingest: %w", err)
	}
	defer db.Close()
	p, err := analysis.New()
	if err != nil {
		return fmt.Errorf("bench ingest: %w", err)
	}
	c := &counter{}
	refused := 0
	in := &ingester{st: db, pipeline: p, progress: c, refused: func(error) { refused++ }}

	stop := make(chan struct{})
	quarters := make(chan []string, 1)
	go watchMemory(c, n, stop, quarters)
	cpu0 := procstat.CPUTime()
	sum, err := in.run(ctx, repeatArticles(arts, n))
	cpu := procstat.CPUTime() - cpu0
	close(stop)
	rss := <-quarters
	if err != nil {
		return fmt.Errorf("bench ingest: %w", err)
	}
	size := fileSize(path) + fileSize(path+"-wal")
	procs := runtime.GOMAXPROCS(0)
	rate := float64(sum.New) / sum.Elapsed.Seconds()
	fmt.Fprintf(w, "chronicle bench --ingest: %d articles (%d distinct bodies repeated), %d stored, %d refused, GOMAXPROCS %d\n",
		n, len(arts), sum.New, refused, procs)
	fmt.Fprintf(w, "  wall %s, %.1f articles/s, %.1f articles/s per core\n",
		sum.Elapsed.Round(time.Millisecond), rate, rate/float64(procs))
	if cpu > 0 {
		// On a shared machine the wall rate understates; articles per
		// CPU-second is what one dedicated core would do.
		fmt.Fprintf(w, "  cpu %s, %.1f articles per CPU-second (%.0f%% of %d cores busy)\n",
			cpu.Round(time.Millisecond), float64(sum.New)/cpu.Seconds(), 100*cpu.Seconds()/sum.Elapsed.Seconds()/float64(procs), procs)
	}
	fmt.Fprintf(w, "  events %d, quotes %d, near-duplicates %d, database %.1f MB\n",
		sum.Events, sum.Quotes, sum.Duplicates, float64(size)/(1<<20))
	fmt.Fprintf(w, "  resident memory (anonymous+file) at 25/50/75/100%%: %s MB; peak %.1f MB\n",
		strings.Join(rss, " / "), float64(procstat.StatusKB("VmHWM"))/1024)
	return nil
}

// repeatArticles yields n articles cycling through arts, each with a
// distinct closing line and so a distinct ID.
func repeatArticles(arts []doc.Article, n int) func(func(ingest.Item) bool) {
	return func(yield func(ingest.Item) bool) {
		for i := range n {
			a := arts[i%len(arts)]
			a.Body += "\n\nThis is copy " + strconv.Itoa(i) + " of the report."
			a.ID = ingest.ArticleID(a.Body)
			a.Origin += "#" + strconv.Itoa(i)
			if !yield(ingest.Item{Article: a}) {
				return
			}
		}
	}
}

// watchMemory samples resident memory when the run passes each quarter
// of n articles, and sends the four figures (in MB) when stop closes.
func watchMemory(c *counter, n int, stop <-chan struct{}, out chan<- []string) {
	var rss []string
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	next := 1
	for {
		select {
		case <-stop:
			for len(rss) < 4 {
				rss = append(rss, memNow())
			}
			out <- rss
			return
		case <-t.C:
			if next <= 3 && c.done.Load()*4 >= int64(next*n) {
				rss = append(rss, memNow())
				next++
			}
		}
	}
}

// memNow renders resident memory as "anonymous+file-backed" MB: the
// process's own memory, and pages of mapped files (the database) that the
// kernel may drop at will.
func memNow() string {
	return fmt.Sprintf("%.0f+%.0f", float64(procstat.StatusKB("RssAnon"))/1024, float64(procstat.StatusKB("RssFile"))/1024)
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}
