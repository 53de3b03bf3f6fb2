package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/store"
)

// fakeStore is a small in-memory Reader and Writer. It embeds the
// interfaces so that methods the server never calls need no body (calling
// one panics, which fails the test).
type fakeStore struct {
	store.Reader
	store.Writer

	mu         sync.Mutex
	lastEvents store.EventFilter
	put        []*doc.Doc
	clustered  int
}

var (
	iran = store.EntityRef{ID: 1, Name: "Iran", Type: "GPE", Country: "IRN"}
	usa  = store.EntityRef{ID: 2, Name: "United States", Type: "GPE", Country: "USA"}
)

func (f *fakeStore) Stats(context.Context) (store.Stats, error) {
	return store.Stats{Articles: 1, Events: 2}, nil
}

func (f *fakeStore) Events(_ context.Context, flt store.EventFilter) ([]store.Event, error) {
	f.mu.Lock()
	f.lastEvents = flt
	f.mu.Unlock()
	all := []store.Event{
		{ID: 1, Type: "ASSAULT", Source: &usa, Target: &iran, Date: "2020-01-02"},
		{ID: 2, Type: "ACCUSE", Source: &usa, Target: &iran, Date: "2020-01-02"},
		{ID: 3, Type: "ACCUSE", Source: &iran, Target: &usa, Date: ""},
	}
	var out []store.Event
	for _, e := range all {
		if flt.Type != "" && e.Type != flt.Type {
			continue
		}
		out = append(out, e)
	}
	if flt.Offset >= len(out) {
		return nil, nil
	}
	out = out[flt.Offset:]
	return out[:min(len(out), flt.Size())], nil
}

func (f *fakeStore) Event(_ context.Context, id int64) (*store.EventDetail, error) {
	if id != 1 {
		return nil, store.ErrNotFound
	}
	return &store.EventDetail{Event: store.Event{ID: 1, Type: "ASSAULT"}}, nil
}

func (f *fakeStore) Entities(context.Context, store.EntityFilter) ([]store.Entity, error) {
	return []store.Entity{{EntityRef: iran}, {EntityRef: usa}}, nil
}

func (f *fakeStore) Entity(_ context.Context, id int64) (*store.EntityDetail, error) {
	if id != 1 {
		return nil, nil // a backend may answer nil, nil: still a 404
	}
	return &store.EntityDetail{Entity: store.Entity{EntityRef: iran}}, nil
}

func (f *fakeStore) LookupEntity(_ context.Context, name string) ([]store.Entity, error) {
	if strings.EqualFold(name, "iran") {
		return []store.Entity{{EntityRef: iran}}, nil
	}
	return nil, nil
}

func (f *fakeStore) Article(_ context.Context, id string) (*store.Article, error) {
	if id != "abc" {
		return nil, store.ErrNotFound
	}
	body := "Iran denied it. The US struck."
	d := &doc.Doc{Article: doc.Article{ID: "abc", Body: body, Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)}}
	d.Sentences = []doc.Sentence{{Start: 0, End: 15}, {Start: 16, End: len(body)}}
	d.Entities = []doc.Entity{{ID: "E1", Name: "Iran", Type: "GPE", Mentions: []doc.Mention{{Span: d.SpanOf(0, 4), Kind: doc.MentionName}}}}
	return &store.Article{ArticleSummary: store.ArticleSummary{ID: "abc"}, Doc: d, EntityOf: map[string]int64{"E1": 1}}, nil
}

func (f *fakeStore) Search(_ context.Context, q store.SearchQuery) ([]store.SearchHit, error) {
	return []store.SearchHit{{Kind: "article", ArticleID: "abc", Snippet: "[" + q.Text + "] denied"}}, nil
}

func (f *fakeStore) Timeline(context.Context, store.TimelineFilter) ([]store.TimelinePoint, error) {
	return []store.TimelinePoint{{Day: "2020-01-02", Type: "ASSAULT", Count: 1}}, nil
}

func (f *fakeStore) Network(_ context.Context, flt store.NetworkFilter) ([]store.Edge, error) {
	if flt.ActorID != 0 && flt.ActorID != iran.ID && flt.ActorID != usa.ID {
		return nil, nil
	}
	return []store.Edge{{Source: usa, Target: iran, Type: "ASSAULT", Class: store.Conflict, Count: 1}}, nil
}

func (f *fakeStore) Put(_ context.Context, docs []*doc.Doc) ([]store.PutResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []store.PutResult
	for _, d := range docs {
		f.put = append(f.put, d)
		out = append(out, store.PutResult{ArticleID: d.Article.ID, New: true})
	}
	return out, nil
}

func (f *fakeStore) Cluster(context.Context) error {
	f.mu.Lock()
	f.clustered++
	f.mu.Unlock()
	return nil
}

// echo is an Analyzer that adds nothing.
type echo struct{}

func (echo) Analyze(a doc.Article) *doc.Doc { return &doc.Doc{Article: a} }

func get(t *testing.T, h http.Handler, target string) (int, map[string]any, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	var body map[string]any
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("GET %s: body is not a JSON object: %v\n%s", target, err, rec.Body)
		}
	}
	return rec.Code, body, rec.Header()
}

func TestBadParameters(t *testing.T) {
	s := New(&fakeStore{}, Options{})
	tests := []struct {
		target string
		param  string // the parameter the error must name
	}{
		{"/api/events?limit=0", "limit"},
		{"/api/events?limit=abc", "limit"},
		{"/api/events?limit=10001", "limit"},
		{"/api/events?offset=-1", "offset"},
		{"/api/events?type=EXPLODE", "type"},
		{"/api/events?status=rumoured", "status"},
		{"/api/events?from=2020-13-01", "from"},
		{"/api/events?from=2020-02-01&to=2020-01-01", "to"},
		{"/api/events?actor_id=x", "actor_id"},
		{"/api/events?story=-3", "story"},
		{"/api/events?typ=ASSAULT", "typ"},
		{"/api/events?type=ASSAULT&type=AID", "type"},
		{"/api/events/abc", "id"},
		{"/api/events/1?x=1", "x"},
		{"/api/entities?type=ANIMAL", "type"},
		{"/api/articles?duplicates=maybe", "duplicates"},
		{"/api/quotes?kind=shouted", "kind"},
		{"/api/search", "q"},
		{"/api/search?q=iran&kind=video", "kind"},
		{"/api/timeline?to=yesterday", "to"},
		{"/api/timeline?bucket=year", "bucket"},
		{"/api/network?class=neutral", "class"},
		{"/api/network?min_count=-1", "min_count"},
		{"/api/stories/0", "id"},
		{"/api/stats?verbose=1", "verbose"},
	}
	for _, tt := range tests {
		code, body, _ := get(t, s, tt.target)
		if code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400", tt.target, code)
			continue
		}
		if body["param"] != tt.param {
			t.Errorf("GET %s: error names %v, want %q (%v)", tt.target, body["param"], tt.param, body["error"])
		}
		if msg, _ := body["error"].(string); !strings.HasPrefix(msg, tt.param+": ") {
			t.Errorf("GET %s: error %q does not start with the parameter", tt.target, msg)
		}
	}
}

func TestNotFound(t *testing.T) {
	s := New(&fakeStore{}, Options{})
	for _, target := range []string{
		"/api/events/99",
		"/api/entities/99",
		"/api/articles/nope",
		"/api/nothing",
	} {
		code, body, _ := get(t, s, target)
		if code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, code)
		}
		if body["error"] == nil {
			t.Errorf("GET %s: no JSON error", target)
		}
	}
}

func TestAnswers(t *testing.T) {
	s := New(&fakeStore{}, Options{})
	tests := []struct {
		target string
		check  func(body map[string]any) bool
	}{
		{"/api/stats", func(b map[string]any) bool { return b["events"] == 2.0 && b["writable"] == false }},
		{"/api/events", func(b map[string]any) bool { return len(b["items"].([]any)) == 3 && b["next_offset"] == nil }},
		{"/api/events?limit=2", func(b map[string]any) bool { return len(b["items"].([]any)) == 2 && b["next_offset"] == 2.0 }},
		{"/api/events?limit=2&offset=2", func(b map[string]any) bool { return len(b["items"].([]any)) == 1 }},
		{"/api/events?type=accuse", func(b map[string]any) bool { return len(b["items"].([]any)) == 2 }},
		{"/api/events?offset=50", func(b map[string]any) bool { return b["items"] != nil && len(b["items"].([]any)) == 0 }},
		{"/api/events/1", func(b map[string]any) bool { return b["type"] == "ASSAULT" }},
		{"/api/entities/1", func(b map[string]any) bool { return b["name"] == "Iran" }},
		{"/api/articles/abc", func(b map[string]any) bool {
			an := b["analysis"].(map[string]any)
			return an["schema"] == "chronicle.analysis/v1" && len(b["sentences"].([]any)) == 2 &&
				b["entity_of"].(map[string]any)["E1"] == 1.0
		}},
		{"/api/search?q=iran", func(b map[string]any) bool { return len(b["items"].([]any)) == 1 }},
		{"/api/timeline", func(b map[string]any) bool { return len(b["items"].([]any)) == 1 }},
		// The actor timeline counts dated events only: two on one day.
		{"/api/timeline?actor_id=1", func(b map[string]any) bool { return len(b["items"].([]any)) == 2 }},
		{"/api/network?actor=iran", func(b map[string]any) bool { return len(b["items"].([]any)) == 1 }},
		{"/api/network?actor=atlantis", func(b map[string]any) bool { return len(b["items"].([]any)) == 0 }},
	}
	for _, tt := range tests {
		code, body, h := get(t, s, tt.target)
		if code != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200: %v", tt.target, code, body)
			continue
		}
		if h.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: Cache-Control %q", tt.target, h.Get("Cache-Control"))
		}
		if !tt.check(body) {
			t.Errorf("GET %s: unexpected answer %v", tt.target, body)
		}
	}
}

func TestEventFilterPassedOn(t *testing.T) {
	f := &fakeStore{}
	s := New(f, Options{})
	code, _, _ := get(t, s, "/api/events?actor=Iran&type=assault&status=Alleged&from=2020-01-01&to=2020-01-31&limit=5&offset=10")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	want := store.EventFilter{Actor: "Iran", Type: "ASSAULT", Status: "alleged", From: "2020-01-01", To: "2020-01-31", Page: store.Page{Limit: 5, Offset: 10}}
	if f.lastEvents != want {
		t.Errorf("filter %+v, want %+v", f.lastEvents, want)
	}
}

func TestPage(t *testing.T) {
	s := New(&fakeStore{}, Options{})
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<html") {
		t.Fatalf("GET /: status %d, body %.80q", rec.Code, rec.Body.String())
	}
	for _, asset := range []string{"/app.js", "/app.css"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, asset, nil))
		if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
			t.Errorf("GET %s: status %d, %d bytes", asset, rec.Code, rec.Body.Len())
		}
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q: the page must load nothing from elsewhere", csp)
	}
}

func post(h http.Handler, target, token, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPostArticles(t *testing.T) {
	const article = `{"url":"https://example.org/a","source":"example.org","published":"2020-01-02","title":"T","text":"Iran denied it."}` + "\n" +
		`{"url":"https://example.org/b","published":"2020-01-02"}` + "\n"
	f := &fakeStore{}
	ro := New(f, Options{})
	if rec := post(ro, "/api/articles", "", article); rec.Code != http.StatusForbidden {
		t.Errorf("read-only server: status %d, want 403", rec.Code)
	}
	rw := New(f, Options{Writer: f, Analyzer: echo{}, Token: "s3cret"})
	tests := []struct {
		name, token, target, body string
		want                      int
	}{
		{"no token", "", "/api/articles", article, http.StatusUnauthorized},
		{"wrong token", "guess", "/api/articles", article, http.StatusUnauthorized},
		{"empty body", "s3cret", "/api/articles", "  \n", http.StatusBadRequest},
		{"bad published", "s3cret", "/api/articles?published=soon", "text", http.StatusBadRequest},
		{"stored", "s3cret", "/api/articles", article, http.StatusCreated},
	}
	for _, tt := range tests {
		rec := post(rw, tt.target, tt.token, tt.body)
		if rec.Code != tt.want {
			t.Errorf("%s: status %d, want %d: %s", tt.name, rec.Code, tt.want, rec.Body)
		}
	}
	if len(f.put) != 1 || f.put[0].Article.Body != "Iran denied it." || f.clustered != 1 {
		t.Fatalf("stored %d docs, clustered %d times; want 1 and 1", len(f.put), f.clustered)
	}
	rec := post(rw, "/api/articles", "s3cret", article)
	var ans struct {
		Items []putResult `json:"items"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &ans); err != nil {
		t.Fatal(err)
	}
	if len(ans.Items) != 2 || ans.Items[0].ID == "" || ans.Items[1].Error == "" {
		t.Errorf("results %+v: want the article stored and the record without text refused", ans.Items)
	}
}

func TestServeStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ln := httptest.NewUnstartedServer(nil).Listener // a loopback listener
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, New(&fakeStore{}, Options{})) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not stop when its context ended")
	}
}

func BenchmarkEvents(b *testing.B) {
	s := New(&fakeStore{}, Options{})
	req := httptest.NewRequest(http.MethodGet, "/api/events?type=ACCUSE&from=2020-01-01&limit=20", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

// countingStore counts Timeline calls and can be slowed down.
type countingStore struct {
	fakeStore
	calls atomic.Int64
	delay time.Duration
}

func (c *countingStore) Timeline(ctx context.Context, f store.TimelineFilter) ([]store.TimelinePoint, error) {
	c.calls.Add(1)
	time.Sleep(c.delay)
	return c.fakeStore.Timeline(ctx, f)
}

func TestCache(t *testing.T) {
	c := &countingStore{delay: 50 * time.Millisecond}
	s := New(c, Options{Writer: c, Analyzer: echo{}, Token: "t"})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if code, _, _ := get(t, s, "/api/timeline"); code != http.StatusOK {
				t.Errorf("status %d", code)
			}
		})
	}
	wg.Wait()
	if n := c.calls.Load(); n != 1 {
		t.Errorf("8 concurrent requests made %d queries, want 1", n)
	}
	get(t, s, "/api/timeline?type=AID")
	if n := c.calls.Load(); n != 2 {
		t.Errorf("another URL: %d queries, want 2", n)
	}
	get(t, s, "/api/timeline?type=NOPE") // an error is not kept
	if rec := post(s, "/api/articles", "t", `{"published":"2020-01-02","text":"Iran denied it."}`); rec.Code != http.StatusCreated {
		t.Fatalf("post: %d %s", rec.Code, rec.Body)
	}
	get(t, s, "/api/timeline")
	if n := c.calls.Load(); n != 3 {
		t.Errorf("after a write: %d queries, want 3 (the cache must be emptied)", n)
	}

	off := &countingStore{}
	s = New(off, Options{CacheTTL: -1})
	get(t, s, "/api/timeline")
	get(t, s, "/api/timeline")
	if n := off.calls.Load(); n != 2 {
		t.Errorf("cache off: %d queries, want 2", n)
	}
}

func TestRebucket(t *testing.T) {
	pts := []store.TimelinePoint{
		{Day: "2024-01-01", Type: "AID", Count: 1}, // a Monday
		{Day: "2024-01-03", Type: "AID", Count: 2},
		{Day: "2024-01-08", Type: "AID", Count: 4},
		{Day: "2024-02-29", Type: "ACCUSE", Count: 8},
	}
	tests := []struct {
		bucket, want string
		days         []string
	}{
		{"day", "day", []string{"2024-01-01", "2024-01-03", "2024-01-08", "2024-02-29"}},
		{"week", "week", []string{"2024-01-01", "2024-01-08", "2024-02-26"}},
		{"month", "month", []string{"2024-01-01", "2024-02-01"}},
		{"auto", "day", []string{"2024-01-01", "2024-01-03", "2024-01-08", "2024-02-29"}},
	}
	for _, tt := range tests {
		got, b := rebucket(pts, tt.bucket)
		var days []string
		total := 0
		for _, p := range got {
			days = append(days, p.Day)
			total += p.Count
		}
		if b != tt.want || strings.Join(days, " ") != strings.Join(tt.days, " ") || total != 15 {
			t.Errorf("%s: got %s %v (total %d), want %s %v (total 15)", tt.bucket, b, days, total, tt.want, tt.days)
		}
	}
	long := []store.TimelinePoint{{Day: "2020-01-01", Type: "AID", Count: 1}, {Day: "2025-01-01", Type: "AID", Count: 1}}
	if _, b := rebucket(long, "auto"); b != "month" {
		t.Errorf("five years: auto chose %s, want month", b)
	}
}
