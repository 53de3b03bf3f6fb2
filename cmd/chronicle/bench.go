package main

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"time"

	"github.com/chronicle/chronicle/procstat"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/samples"
)

func runBench(ctx context.Context, args []string, stdio cli.IO) int {
	fs := cli.NewFlags("bench", "chronicle bench [-n N] [--workers W] [--ingest] [PATH...] (default: the shipped samples)", stdio)
	n := fs.Int("n", 2000, "articles to analyse: the inputs repeated to N")
	workers := fs.Int("workers", 1, "analysis goroutines; 1 gives per-core figures, 0 uses every core")
	ingestBench := fs.Bool("ingest", false, "measure end-to-end ingest into SQLite instead of analysis alone")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if *n <= 0 {
		fmt.Fprintln(stdio.Err, "chronicle bench: -n must be positive")
		return cli.ExitUsage
	}
	if *ingestBench {
		return benchIngest(ctx, fs.Args(), *n, stdio)
	}
	arts, err := samples.Articles(fs.Args())
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle bench:", err)
		return cli.ExitRefused
	}
	p, err := analysis.New()
	if err != nil {
		fmt.Fprintln(stdio.Err, "chronicle bench:", err)
		return cli.ExitRefused
	}
	// Warm up: the first article pays for lazily built tables.
	p.Analyze(arts[0])
	warm := p.Timings()

	start := time.Now()
	cpuStart := procstat.CPUTime()
	tokens, bytes, done := 0, 0, 0
	for r := range p.Run(ctx, repeat(arts, *n), *workers) {
		if r.Err != nil {
			continue
		}
		done++
		tokens += len(r.Doc.Tokens)
		bytes += len(r.Doc.Article.Body)
	}
	wall := time.Since(start)
	cpu := procstat.CPUTime() - cpuStart
	w := stdio.Out
	fmt.Fprintf(w, "chronicle bench: %d articles (%d distinct), %d tokens, %.1f MB, %d worker(s), GOMAXPROCS %d\n",
		done, len(arts), tokens, float64(bytes)/1e6, effectiveWorkers(*workers), runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "wall %.2fs  cpu %.2fs\n", wall.Seconds(), cpu.Seconds())
	fmt.Fprintf(w, "articles/s %10.0f   (per CPU-second %.0f)\n", float64(done)/wall.Seconds(), float64(done)/cpu.Seconds())
	fmt.Fprintf(w, "tokens/s   %10.0f   (per CPU-second %.0f)\n", float64(tokens)/wall.Seconds(), float64(tokens)/cpu.Seconds())
	var total time.Duration
	timings := p.Timings()
	for i := range timings {
		timings[i].Spent -= warm[i].Spent
	}
	for _, t := range timings {
		total += t.Spent
	}
	fmt.Fprintf(w, "%-10s %8s %7s %14s\n", "stage", "time", "share", "tokens/s/core")
	for _, t := range timings {
		fmt.Fprintf(w, "%-10s %7.2fs %6.1f%% %14.0f\n", t.Name, t.Spent.Seconds(),
			100*ratioDur(t.Spent, total), float64(tokens)/t.Spent.Seconds())
	}
	fmt.Fprintf(w, "peak memory (RSS high-water mark) %s\n", peakRSS())
	return cli.ExitOK
}

func effectiveWorkers(w int) int {
	if w <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return w
}

func ratioDur(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// repeat yields n items cycling over arts.
func repeat(arts []doc.Article, n int) iter.Seq[ingest.Item] {
	return func(yield func(ingest.Item) bool) {
		for i := range n {
			if !yield(ingest.Item{Article: arts[i%len(arts)]}) {
				return
			}
		}
	}
}

// peakRSS renders the resident-set high-water mark.
func peakRSS() string {
	kb := procstat.StatusKB("VmHWM")
	if kb == 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.0f MB", float64(kb)/1024)
}
