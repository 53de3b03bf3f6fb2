package e2e

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chronicle/chronicle/procstat"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
	"github.com/chronicle/chronicle/server"
	"github.com/chronicle/chronicle/store/sqlite"
)

// TestLoad measures the API's latency at a fixed request rate against a
// store of 100k synthetic events, on loopback. It is slow (building the
// store takes minutes the first time; it is kept in e2e/out/), so it runs
// only with CHRONICLE_LOAD=1. CHRONICLE_LOAD_RATE and CHRONICLE_LOAD_SECONDS
// change the rate (default 200/s) and the duration (default 30 s).
func TestLoad(t *testing.T) {
	if os.Getenv("CHRONICLE_LOAD") != "1" {
		t.Skip("load test: set CHRONICLE_LOAD=1 to run it")
	}
	rate := envInt("CHRONICLE_LOAD_RATE", 200)
	seconds := envInt("CHRONICLE_LOAD_SECONDS", 30)
	const events = 100_000
	ctx := context.Background()
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(outDir, "load-100k.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := fillSynthetic(ctx, t, db, events); err != nil {
		t.Fatal(err)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("store: %d articles, %d events, %d entities, %d quotes", st.Articles, st.Events, st.Entities, st.Quotes)

	opts := server.Options{}
	if os.Getenv("CHRONICLE_LOAD_CACHE") == "0" {
		opts.CacheTTL = -1
	}
	ts := httptest.NewServer(server.New(db, opts))
	defer ts.Close()
	targets := loadTargets(t, ts.URL)
	serial(t, targets)
	cpu0 := procstat.CPUTime()
	res := runLoad(t, ts.URL, targets, rate, time.Duration(seconds)*time.Second)
	cpu := procstat.CPUTime() - cpu0
	t.Logf("CPU used by this process (server and load generator): %v, %v per request; load average %s",
		cpu.Round(time.Millisecond), (cpu / time.Duration(rate*seconds)).Round(time.Microsecond), loadAverage())

	all := res.all()
	t.Logf("%d requests at %d/s for %ds: %d errors; latency p50 %v p90 %v p99 %v max %v",
		len(all), rate, seconds, res.errors, pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 100))
	for i, w := range res.window {
		t.Logf("  seconds %2d-%2d: p50 %8v p99 %8v", i*5, i*5+5, pct(w, 50), pct(w, 99))
	}
	names := make([]string, 0, len(res.by))
	for n := range res.by {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		d := res.by[n]
		t.Logf("  %-28s n=%5d p50 %8v p99 %8v max %8v", n, len(d), pct(d, 50), pct(d, 99), pct(d, 100))
	}
	if res.errors > 0 {
		t.Errorf("%d requests failed", res.errors)
	}
	if p := pct(all, 99); p > 50*time.Millisecond {
		t.Errorf("p99 %v, want under 50ms", p)
	}
}

// loadAverage reports the machine's load, which other work adds to.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func envInt(name string, def int) int {
	var n int
	if _, err := fmt.Sscan(os.Getenv(name), &n); err != nil || n <= 0 {
		return def
	}
	return n
}

// target is one kind of request of the mix, with the URLs to cycle over.
type target struct {
	name string
	urls []string
}

// loadTargets builds a mix like a page's: event lists with each filter,
// single records, the timeline, the network and search.
func loadTargets(t *testing.T, base string) []target {
	var ents struct {
		Items []struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"items"`
	}
	getJSON(t, base+"/api/entities?limit=200", &ents)
	var evs struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	getJSON(t, base+"/api/events?limit=500&offset=1000", &evs)
	var arts struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	getJSON(t, base+"/api/articles?limit=200", &arts)
	if len(ents.Items) == 0 || len(evs.Items) == 0 || len(arts.Items) == 0 {
		t.Fatal("the load store is empty")
	}
	var ts []target
	add := func(name string, f func(i int) string) {
		tg := target{name: name}
		for i := range 200 {
			tg.urls = append(tg.urls, base+f(i))
		}
		ts = append(ts, tg)
	}
	ent := func(i int) (int64, string) { e := ents.Items[i%len(ents.Items)]; return e.ID, e.Name }
	add("events", func(i int) string { return fmt.Sprintf("/api/events?limit=50&offset=%d", (i%20)*50) })
	add("events?type", func(i int) string { return "/api/events?limit=50&type=" + loadTypes[i%len(loadTypes)] })
	add("events?actor", func(i int) string { _, n := ent(i); return "/api/events?limit=50&actor=" + url.QueryEscape(n) })
	add("events?actor_id&type", func(i int) string {
		id, _ := ent(i)
		return fmt.Sprintf("/api/events?limit=50&actor_id=%d&type=%s", id, loadTypes[i%len(loadTypes)])
	})
	add("events?from&to", func(i int) string {
		d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i*37)%1000)
		return fmt.Sprintf("/api/events?limit=50&from=%s&to=%s", d.Format(time.DateOnly), d.AddDate(0, 0, 7).Format(time.DateOnly))
	})
	add("events/{id}", func(i int) string { return fmt.Sprintf("/api/events/%d", evs.Items[i%len(evs.Items)].ID) })
	add("entities", func(i int) string { return fmt.Sprintf("/api/entities?limit=50&offset=%d", (i%4)*50) })
	add("entities/{id}", func(i int) string { id, _ := ent(i); return fmt.Sprintf("/api/entities/%d", id) })
	add("articles/{id}", func(i int) string { return "/api/articles/" + arts.Items[i%len(arts.Items)].ID })
	add("quotes", func(i int) string { id, _ := ent(i); return fmt.Sprintf("/api/quotes?limit=20&speaker_id=%d", id) })
	add("timeline", func(i int) string {
		if i%2 == 0 {
			return "/api/timeline?bucket=auto"
		}
		return "/api/timeline?bucket=auto&type=" + loadTypes[i%len(loadTypes)]
	})
	add("timeline?actor_id", func(i int) string { id, _ := ent(i); return fmt.Sprintf("/api/timeline?bucket=auto&actor_id=%d", id) })
	add("network", func(i int) string {
		if i%2 == 0 {
			return "/api/network?limit=400"
		}
		id, _ := ent(i)
		return fmt.Sprintf("/api/network?limit=400&actor_id=%d", id)
	})
	add("search", func(i int) string { return "/api/search?limit=20&q=" + loadWords[i%len(loadWords)] })
	return ts
}

// serial logs each target's latency with one request at a time, which
// tells a slow query from a queue.
func serial(t *testing.T, targets []target) {
	for _, tg := range targets {
		var ds []time.Duration
		for _, u := range tg.urls[:10] {
			start := time.Now()
			resp, err := http.Get(u)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			ds = append(ds, time.Since(start))
		}
		t.Logf("serial %-28s p50 %8v max %8v", tg.name, pct(ds, 50), pct(ds, 100))
	}
}

// loadResult holds the latencies of one run, by target.
type loadResult struct {
	mu     sync.Mutex
	by     map[string][]time.Duration
	window [][]time.Duration // latencies by 5-second window of due time
	errors int
}

func (r *loadResult) all() []time.Duration {
	var out []time.Duration
	for _, d := range r.by {
		out = append(out, d...)
	}
	return out
}

// runLoad sends requests at a fixed rate whatever the answers' speed (an
// open loop), so that a slow answer cannot hide the queue it causes: each
// latency counts from when its request was due, not from when it went out.
func runLoad(t *testing.T, base string, targets []target, rate int, d time.Duration) *loadResult {
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 512, MaxConnsPerHost: 512},
	}
	// Warm up the connection pool and the database's cache.
	for _, tg := range targets {
		for _, u := range tg.urls[:5] {
			if resp, err := client.Get(u); err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}
	}
	res := &loadResult{by: map[string][]time.Duration{}}
	n := rate * int(d/time.Second)
	interval := time.Second / time.Duration(rate)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		due := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(due))
		tg := targets[i%len(targets)]
		u := tg.urls[(i/len(targets))%len(tg.urls)]
		wg.Go(func() {
			resp, err := client.Get(u)
			ok := err == nil
			if ok {
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				ok = err == nil && resp.StatusCode == http.StatusOK
			}
			lat := time.Since(due)
			res.mu.Lock()
			defer res.mu.Unlock()
			if !ok {
				res.errors++
				if res.errors <= 5 {
					t.Logf("failed: %s: %v", strings.TrimPrefix(u, base), err)
				}
				return
			}
			res.by[tg.name] = append(res.by[tg.name], lat)
			w := int(due.Sub(start) / (5 * time.Second))
			for len(res.window) <= w {
				res.window = append(res.window, nil)
			}
			res.window[w] = append(res.window[w], lat)
		})
	}
	wg.Wait()
	return res
}

// pct returns the p-th percentile of ds (100: the maximum).
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(0, min(len(s)-1, i-1))]
}

var (
	loadTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
		"RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
		"MOBILIZE", "COERCE", "ASSAULT"}
	loadCameo = map[string]string{"AGREE": "057", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080",
		"COOPERATE": "061", "AID": "073", "RETREAT": "087", "REQUEST": "020", "ACCUSE": "112",
		"REJECT": "120", "THREATEN": "138", "PROTEST": "141", "SANCTION": "163", "MOBILIZE": "150",
		"COERCE": "173", "ASSAULT": "190"}
	loadVerbs = map[string]string{"AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "praised",
		"CONCEDE": "conceded to", "COOPERATE": "worked with", "AID": "sent aid to", "RETREAT": "withdrew from",
		"REQUEST": "appealed to", "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened",
		"PROTEST": "protested against", "SANCTION": "sanctioned", "MOBILIZE": "mobilised against",
		"COERCE": "detained", "ASSAULT": "attacked"}
	loadWords = []string{"harbour", "ceasefire", "grain", "pipeline", "election", "border", "drought",
		"summit", "refugees", "tariffs", "reactor", "strike", "bridge", "corridor", "vaccine", "convoy"}
	syllables = []string{"ka", "lo", "mi", "ra", "ten", "vo", "sa", "dor", "bel", "un", "ge", "ta", "ri", "na", "ost", "phe"}
)

// synthName makes a name from syllables, unique for each n.
func synthName(n int) string {
	var b strings.Builder
	for i := 0; i < 3; i++ {
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// fillSynthetic stores synthetic articles until the store holds want
// merged events: random actors (people and states) doing random PLOVER
// actions to each other on random days of three years, with a quote and
// some filler words per article for search.
func fillSynthetic(ctx context.Context, t *testing.T, db *sqlite.DB, want int) error {
	st, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Events >= want {
		return nil
	}
	t.Logf("building a store of %d synthetic events (once; kept in %s)", want, outDir)
	rng := rand.New(rand.NewPCG(1, uint64(st.Articles)))
	begin := time.Now()
	for n := st.Articles; st.Events < want; {
		var docs []*doc.Doc
		for range 500 {
			docs = append(docs, synthDoc(rng, n))
			n++
		}
		if _, err := db.Put(ctx, docs); err != nil {
			return err
		}
		if st, err = db.Stats(ctx); err != nil {
			return err
		}
		t.Logf("  %d articles, %d events (%v)", st.Articles, st.Events, time.Since(begin).Round(time.Second))
	}
	return db.Cluster(ctx)
}

func synthDoc(rng *rand.Rand, n int) *doc.Doc {
	const actors = 600
	day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(1095))
	var body strings.Builder
	d := &doc.Doc{}
	ents := map[int]int{} // actor → index in d.Entities
	mention := func(a int) {
		name := synthName(a)
		i, ok := ents[a]
		if !ok {
			typ, country := doc.PERSON, strings.ToUpper(synthName(a % 150)[:3])
			if a < 150 {
				typ = doc.GPE
			}
			i = len(d.Entities)
			ents[a] = i
			d.Entities = append(d.Entities, doc.Entity{ID: fmt.Sprintf("E%d", i+1), Name: name, Type: typ, Country: country})
		}
		start := body.Len()
		body.WriteString(name)
		d.Entities[i].Mentions = append(d.Entities[i].Mentions, doc.Mention{Span: doc.Span{Start: start, End: body.Len(), Text: name}, Kind: doc.MentionName})
	}
	sentence := func(f func()) int {
		start := body.Len()
		f()
		d.Sentences = append(d.Sentences, doc.Sentence{Start: start, End: body.Len()})
		body.WriteString(" ")
		return len(d.Sentences) - 1
	}
	for k := range 5 {
		typ := loadTypes[rng.IntN(len(loadTypes))]
		src, tgt := rng.IntN(actors), rng.IntN(actors)
		date := day.AddDate(0, 0, -rng.IntN(3))
		var trig doc.Span
		si := sentence(func() {
			mention(src)
			body.WriteString(" ")
			start := body.Len()
			body.WriteString(loadVerbs[typ])
			trig = doc.Span{Start: start, End: body.Len(), Text: loadVerbs[typ]}
			body.WriteString(" ")
			mention(tgt)
			fmt.Fprintf(&body, " over the %s on %s.", loadWords[rng.IntN(len(loadWords))], date.Format("2 January 2006"))
		})
		d.Events = append(d.Events, doc.Event{ID: fmt.Sprintf("V%d", k+1), Type: typ, Cameo: loadCameo[typ],
			Source: d.Entities[ents[src]].ID, Target: d.Entities[ents[tgt]].ID, Date: date.Format(time.DateOnly),
			DateBasis: doc.DateText, Status: doc.Asserted, Trigger: trig, Sentence: si})
	}
	speaker := rng.IntN(actors)
	sentence(func() {
		body.WriteString("“")
		start := body.Len()
		fmt.Fprintf(&body, "The %s and the %s matter to us", loadWords[rng.IntN(len(loadWords))], loadWords[rng.IntN(len(loadWords))])
		q := doc.Span{Start: start, End: body.Len(), Text: body.String()[start:]}
		body.WriteString(",” said ")
		mention(speaker)
		body.WriteString(".")
		d.Quotes = append(d.Quotes, doc.Quote{Span: q, Speaker: d.Entities[ents[speaker]].ID, Kind: doc.QuoteDirect, Cue: "said"})
	})
	sentence(func() {
		fmt.Fprintf(&body, "Report %d, filed with %s %s.", n, synthName(rng.IntN(4096)), synthName(rng.IntN(4096)))
	})
	text := strings.TrimSpace(body.String())
	d.Article = doc.Article{ID: ingest.ArticleID(text), Source: fmt.Sprintf("outlet%d.example", n%40),
		Published: day, Lang: "en", Origin: fmt.Sprintf("synthetic#%d", n), Body: text}
	d.Paragraphs = []doc.Span{{Start: 0, End: len(text), Text: text}}
	return d
}

// BenchmarkAPI serves the load test's request mix straight through the
// handler (no network, no cache), one request at a time, against the
// store TestLoad built; it measures what each request costs the server.
func BenchmarkAPI(b *testing.B) {
	path := filepath.Join(outDir, "load-100k.db")
	if _, err := os.Stat(path); err != nil {
		b.Skip("no load store: run TestLoad with CHRONICLE_LOAD=1 first")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	h := server.New(db, server.Options{CacheTTL: -1})
	ts := httptest.NewServer(h)
	defer ts.Close()
	t := &testing.T{}
	targets := loadTargets(t, ts.URL)
	for _, tg := range targets {
		b.Run(tg.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				u := strings.TrimPrefix(tg.urls[i%len(tg.urls)], ts.URL)
				i++
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d", u, rec.Code)
				}
			}
		})
	}
}
