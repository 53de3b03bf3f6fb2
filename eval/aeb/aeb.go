// Package aeb scores the HTML reader on the article-extraction benchmark
// (scrapinghub/article-extraction-benchmark): every page is run through
// htmltext and its body compared with the hand-checked gold text using the
// benchmark's own shingle metric, so the figures compare with the
// published ones.
package aeb

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chronicle/chronicle/procstat"

	"github.com/chronicle/chronicle/htmltext"
)

// Scores are the benchmark's figures plus the reader's speed.
type Scores struct {
	Pages     int
	F1        float64
	Precision float64 // mean over pages where something was extracted
	Recall    float64 // mean over pages whose gold has text
	Accuracy  float64 // share of pages whose tokens equal the gold's
	CPU       time.Duration
	Wall      time.Duration
	PagesCPU  float64 // pages per second of CPU time spent extracting (one core)
	PagesWall float64 // pages per second of wall time spent extracting
	Errors    int     // pages the reader refused
}

type gold struct {
	Body string `json:"articleBody"`
	URL  string `json:"url"`
}

type page struct {
	id   string
	url  string
	gold string
	html []byte
}

// result is one page's outcome, kept for the verbose listing.
type result struct {
	id    string
	url   string
	s     pageScore
	err   error
	empty bool
}

// Evaluate reads ground-truth.json and html/*.html.gz from dir, extracts
// every page and writes the scores to w. With verbose it also lists the
// worst pages.
func Evaluate(dir string, w io.Writer, verbose bool) (Scores, error) {
	pages, err := load(dir)
	if err != nil {
		return Scores{}, err
	}
	x := htmltext.New()
	bodies := make([]string, len(pages))
	errs := make([]error, len(pages))
	cpu0 := procstat.CPUTime()
	start := time.Now()
	for i, p := range pages {
		pg, err := x.Extract(p.html, p.url)
		bodies[i], errs[i] = pg.Body, err
	}
	wall := time.Since(start)
	cpu := procstat.CPUTime() - cpu0

	var sc Scores
	var results []result
	var psum, rsum float64
	var pn, rn, exact int
	for i, p := range pages {
		s := score(bodies[i], p.gold)
		r := result{id: p.id, url: p.url, s: s, err: errs[i], empty: len(tokens(bodies[i])) == 0}
		results = append(results, r)
		if errs[i] != nil {
			sc.Errors++
		}
		if !r.empty {
			pn++
			psum += ratio(s.tp, s.fp)
		}
		if len(tokens(p.gold)) > 0 {
			rn++
			rsum += ratio(s.tp, s.fn)
		}
		if s.exact {
			exact++
		}
	}
	sc.Pages = len(pages)
	if pn > 0 {
		sc.Precision = psum / float64(pn)
	}
	if rn > 0 {
		sc.Recall = rsum / float64(rn)
	}
	if sc.Precision+sc.Recall > 0 {
		sc.F1 = 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
	}
	sc.Accuracy = float64(exact) / float64(max(1, len(pages)))
	sc.CPU, sc.Wall = cpu, wall
	sc.PagesCPU = perSecond(len(pages), cpu)
	sc.PagesWall = perSecond(len(pages), wall)

	fmt.Fprintf(w, "article-extraction benchmark, article.body: pages %d  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f  errors %d\n",
		sc.Pages, sc.F1, sc.Precision, sc.Recall, sc.Accuracy, sc.Errors)
	fmt.Fprintf(w, "speed %.0f pages/s per core (CPU %v), %.0f pages/s wall (%v)\n",
		sc.PagesCPU, cpu.Round(time.Millisecond), sc.PagesWall, wall.Round(time.Millisecond))
	if verbose {
		worst(w, results, 25)
	}
	return sc, nil
}

// ratio is tp/(tp+other), 1 when both are zero (nothing to find, nothing
// found).
func ratio(tp, other float64) float64 {
	if tp+other == 0 {
		return 1
	}
	return tp / (tp + other)
}

func perSecond(n int, d time.Duration) float64 {
	if d <= 0 {
		return math.Inf(1)
	}
	return float64(n) / d.Seconds()
}

// worst lists the n pages with the lowest per-page F1.
func worst(w io.Writer, results []result, n int) {
	f1 := func(s pageScore) float64 {
		p, r := ratio(s.tp, s.fp), ratio(s.tp, s.fn)
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	sort.SliceStable(results, func(i, j int) bool { return f1(results[i].s) < f1(results[j].s) })
	for _, r := range results[:min(n, len(results))] {
		note := ""
		if r.err != nil {
			note = " error: " + r.err.Error()
		}
		fmt.Fprintf(w, "  F1 %.3f  P %.3f  R %.3f  %s  %s%s\n",
			f1(r.s), ratio(r.s.tp, r.s.fp), ratio(r.s.tp, r.s.fn), r.id[:12], r.url, note)
	}
}

// load reads the gold texts and the gzipped pages, sorted by id so runs
// are repeatable.
func load(dir string) ([]page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("aeb: %w", err)
	}
	var truth map[string]gold
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("aeb: ground-truth.json: %w", err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]page, 0, len(ids))
	for _, id := range ids {
		name := filepath.Join(dir, "html", id+".html.gz")
		html, err := gunzip(name)
		if err != nil {
			return nil, fmt.Errorf("aeb: %w", err)
		}
		g := truth[id]
		pages = append(pages, page{id: id, url: g.URL, gold: g.Body, html: html})
	}
	return pages, nil
}

func gunzip(name string) ([]byte, error) {
	f, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var b strings.Builder
	if _, err := io.Copy(&b, zr); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return []byte(b.String()), nil
}
