// Package e2e drives Chronicle's web page in a real headless Chromium over
// the demo's store, and measures the API under load.
//
// The browser test runs when Chromium is installed, and must run when
// CHRONICLE_E2E=1, as in CI (e2e/run.sh sets it); its screenshots go to
// e2e/out/. The load test runs only when asked:
//
//	CHRONICLE_LOAD=1 go test -run TestLoad -v ./e2e/
//
// and BenchmarkAPI gives each endpoint's cost on the store it builds.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/servecmd"
	"github.com/chronicle/chronicle/server"
)

// newPipeline builds the analysis the demo store is filled with.
var newPipeline = analysis.New

// outDir is where screenshots go; it is gitignored.
const outDir = "out"

// chromium finds the browser, or skips (fails under CHRONICLE_E2E=1).
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("e2e: skipped in -short mode")
	}
	candidates := []string{os.Getenv("CHRONICLE_CHROMIUM"), "chromium", "chromium-browser", "/usr/bin/chromium"}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	msg := "e2e: no chromium found (install Debian's chromium, or set CHRONICLE_CHROMIUM to its path)"
	if os.Getenv("CHRONICLE_E2E") == "1" {
		t.Fatal(msg + "; CHRONICLE_E2E=1 requires it")
	}
	t.Skip(msg)
	return ""
}

// demoServer serves what `chronicle demo` serves, on loopback.
func demoServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	p, err := newPipeline()
	if err != nil {
		t.Fatal(err)
	}
	db, n, err := servecmd.OpenDemo(ctx, t.TempDir(), p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if n == 0 {
		t.Fatal("the demo store is empty")
	}
	ts := httptest.NewServer(server.New(db, server.Options{}))
	t.Cleanup(ts.Close)
	return ts
}

// browser starts a headless Chromium that touches nothing but loopback.
func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// page is one step of the browser test: open a view, wait until it has
// drawn, check what it drew, keep a screenshot.
type page struct {
	name   string         // screenshot file stem
	hash   string         // the view's address
	view   string         // main[data-ready] once drawn
	checks map[string]int // CSS selector → least number of matches
}

func TestBrowser(t *testing.T) {
	exe := chromium(t)
	ts := demoServer(t)
	art, ent, word := pickRecords(t, ts.URL)
	ev := pickEvent(t, ts.URL)
	ctx := browser(t, exe)

	var mu sync.Mutex
	var jsErrors []string
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" {
				mu.Lock()
				jsErrors = append(jsErrors, m.String())
				mu.Unlock()
			}
		}
	}()

	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := []page{
		{"timeline", "#/timeline", "timeline", map[string]int{
			"#timeline svg rect.bar": 1, ".legend span": 1, "#events tr.click": 1}},
		{"network", "#/network", "network", map[string]int{
			"#network svg line.edge": 1, "#network svg circle.node": 2, "#network svg text.label": 2}},
		{"article", "#/article/" + url.PathEscape(art), "article", map[string]int{
			"#article .text span.e": 3, "#article .text span.t": 1, "#article .text span.v": 1,
			"#article .text .sent": 3, "#article .side ul.events li": 1}},
		{"timeline-filtered", "#/timeline?" + url.Values{"actor": {ev.Source.Name}, "type": {ev.Type}}.Encode(), "timeline", map[string]int{
			"#timeline svg rect.bar[data-type=" + ev.Type + "]": 1, "#events tr.click": 1}},
		{"event", "#/event/" + fmt.Sprint(ev.ID), "event", map[string]int{".hit blockquote mark": 1}},
		{"entity", "#/entity/" + fmt.Sprint(ent), "entity", map[string]int{"#entity dd": 4}},
		{"articles", "#/articles", "articles", map[string]int{"table tr.click": 8}},
		{"search", "#/search?q=" + url.QueryEscape(word), "search", map[string]int{"#results .hit mark": 1}},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			checkPage(t, ctx, ts.URL+"/"+p.hash, p)
		})
	}
	t.Run("event-to-sentence", func(t *testing.T) {
		// Clicking an event in the side list lights up its sentence.
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		err := chromedp.Do(sctx,
			chromedp.Navigate(ts.URL+"/#/article/"+url.PathEscape(art)),
			chromedp.Poll[chromedp.Void](`document.querySelector("main").dataset.ready === "article"`),
			chromedp.Click(chromedp.CSS(`#article .side ul.events li .tag`)),
			chromedp.Poll[chromedp.Void](`document.querySelector(".sent.flash") !== null`),
		)
		if err != nil {
			t.Fatalf("no sentence lit up after clicking an event: %v", err)
		}
	})
	mu.Lock()
	defer mu.Unlock()
	for _, e := range jsErrors {
		t.Errorf("page error: %s", e)
	}
}

func checkPage(t *testing.T, ctx context.Context, addr string, p page) {
	t.Helper()
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	ready := fmt.Sprintf(`document.querySelector("main").dataset.ready === %q`, p.view)
	if err := chromedp.Do(pctx, chromedp.Navigate(addr), chromedp.Poll[chromedp.Void](ready)); err != nil {
		t.Fatalf("%s: the view did not draw: %v", addr, err)
	}
	errText, _ := chromedp.Run(pctx, chromedp.Evaluate[string](`(document.querySelector("main .error") || {}).textContent || ""`))
	if errText != "" {
		t.Errorf("%s: the page shows an error: %s", addr, errText)
	}
	for sel, least := range p.checks {
		n, err := chromedp.Run(pctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		if n < least {
			t.Errorf("%s: %d elements match %s, want at least %d", addr, n, sel, least)
		}
	}
	png, err := chromedp.Run(pctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	file := filepath.Join(outDir, p.name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: screenshot %s", p.hash, file)
}

// pickRecords asks the API for the article with the most events, the
// most mentioned entity and a word of that article's title to search for.
func pickRecords(t *testing.T, base string) (article string, entity int64, word string) {
	t.Helper()
	var arts struct {
		Items []struct {
			ID     string `json:"id"`
			Title  string `json:"title"`
			Events int    `json:"events"`
		} `json:"items"`
	}
	getJSON(t, base+"/api/articles?limit=100", &arts)
	best := -1
	for _, a := range arts.Items {
		if a.Events > best {
			best, article = a.Events, a.ID
		}
	}
	if best <= 0 {
		t.Fatalf("no sample article has events (%d articles): is the analysis wired?", len(arts.Items))
	}
	var ents struct {
		Items []struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"items"`
	}
	getJSON(t, base+"/api/entities?limit=1", &ents)
	if len(ents.Items) == 0 {
		t.Fatal("no entities in the demo store")
	}
	word = strings.Fields(ents.Items[0].Name)[0]
	return article, ents.Items[0].ID, word
}

// loadEvent is the part of an API event the test needs.
type loadEvent struct {
	ID     int64  `json:"id"`
	Type   string `json:"type"`
	Date   string `json:"date"`
	Source *struct {
		Name string `json:"name"`
	} `json:"source"`
}

// pickEvent returns a dated event with a source, for the filtered
// timeline and the event view.
func pickEvent(t *testing.T, base string) loadEvent {
	t.Helper()
	var evs struct {
		Items []loadEvent `json:"items"`
	}
	getJSON(t, base+"/api/events?limit=100", &evs)
	for _, e := range evs.Items {
		if e.Date != "" && e.Source != nil {
			return e
		}
	}
	t.Fatalf("no dated event with a source among %d", len(evs.Items))
	return loadEvent{}
}

func getJSON(t *testing.T, addr string, v any) {
	t.Helper()
	resp, err := http.Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", addr, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", addr, err)
	}
}
