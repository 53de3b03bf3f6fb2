package servecmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chronicle/chronicle/cli"
)

// syncBuffer lets the test read what the command prints while it runs.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestDemo runs `chronicle demo` on a free loopback port, asks its API
// for the samples' records and stops it.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the sample articles")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errs syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- runDemo(ctx, []string{"--addr", "127.0.0.1:0"}, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errs})
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for base == "" {
		select {
		case code := <-done:
			t.Fatalf("demo exited with %d: %s", code, errs.String())
		case <-time.After(100 * time.Millisecond):
			base = addr.FindString(out.String())
		}
	}
	var stats map[string]any
	getJSON(t, base+"api/stats", &stats)
	if stats["articles"].(float64) < 8 || stats["events"].(float64) == 0 {
		t.Errorf("stats %v: want the 8 samples and their events", stats)
	}
	var tl struct{ Items []any }
	getJSON(t, base+"api/timeline", &tl)
	if len(tl.Items) == 0 {
		t.Error("empty timeline")
	}
	// Every endpoint answers over the real store, lists and records alike.
	var list struct {
		Items []map[string]any `json:"items"`
	}
	first := map[string]string{}
	for _, path := range []string{"events", "entities", "articles", "quotes", "network", "stories"} {
		list.Items = nil
		getJSON(t, base+"api/"+path, &list)
		if len(list.Items) == 0 {
			t.Errorf("/api/%s: empty over the samples", path)
			continue
		}
		first[path] = fmt.Sprint(list.Items[0]["id"])
	}
	for _, path := range []string{"events", "entities", "articles", "stories"} {
		var rec map[string]any
		getJSON(t, base+"api/"+path+"/"+strings.TrimSuffix(first[path], ".0"), &rec)
		if rec["id"] == nil {
			t.Errorf("/api/%s/%s: no id in %v", path, first[path], rec)
		}
	}
	getJSON(t, base+"api/search?q=said", &list)
	if len(list.Items) == 0 {
		t.Error("/api/search?q=said: no hits")
	}
	cancel()
	select {
	case code := <-done:
		if code != cli.ExitOK {
			t.Errorf("exit %d: %s", code, errs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("demo did not stop")
	}
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(bufio.NewReader(resp.Body))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		cmd  func(context.Context, []string, cli.IO) int
		args []string
		want int
	}{
		{runServe, []string{"--nope"}, cli.ExitUsage},
		{runServe, []string{"extra"}, cli.ExitUsage},
		{runServe, []string{"-h"}, cli.ExitOK},
		{runServe, []string{"--db", "/nonexistent/chronicle.db"}, cli.ExitRefused},
		{runDemo, []string{"--addr"}, cli.ExitUsage},
	}
	for _, tt := range tests {
		var errs bytes.Buffer
		if got := tt.cmd(context.Background(), tt.args, cli.IO{Out: io.Discard, Err: &errs}); got != tt.want {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, got, tt.want, errs.String())
		}
	}
}
