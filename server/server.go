package server

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/store"
)

//go:embed web
var webFS embed.FS

// Analyzer runs the analysis on one article; *analysis.Pipeline is one.
type Analyzer interface {
	Analyze(a doc.Article) *doc.Doc
}

// Options configure a Server. The zero value serves read-only.
type Options struct {
	// Writer, Analyzer and Token together enable POST /api/articles; a
	// request must carry "Authorization: Bearer <Token>". With any of
	// them missing the endpoint answers 403.
	Writer   store.Writer
	Analyzer Analyzer
	Token    string

	// QueryTimeout bounds each read request; 0 means 10 seconds.
	QueryTimeout time.Duration
	// CacheTTL is how long a successful GET answer is reused for the same
	// URL; 0 means 10 seconds, negative turns the cache off.
	CacheTTL time.Duration
	// Logger receives server-side errors; nil means slog.Default().
	Logger *slog.Logger
}

// Server answers the API and serves the page.
type Server struct {
	r     store.Reader
	opts  Options
	log   *slog.Logger
	mux   *http.ServeMux
	cache *answerCache // nil when off
}

// New returns a server reading from r.
func New(r store.Reader, opts Options) *Server {
	if opts.QueryTimeout <= 0 {
		opts.QueryTimeout = 10 * time.Second
	}
	s := &Server{r: r, opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	if s.log == nil {
		s.log = slog.Default()
	}
	switch {
	case opts.CacheTTL == 0:
		s.cache = newAnswerCache(10*time.Second, 4096)
	case opts.CacheTTL > 0:
		s.cache = newAnswerCache(opts.CacheTTL, 4096)
	}
	s.routes()
	return s
}

// Writable reports whether POST /api/articles is enabled.
func (s *Server) Writable() bool {
	return s.opts.Writer != nil && s.opts.Analyzer != nil && s.opts.Token != ""
}

func (s *Server) routes() {
	get := func(pattern string, h func(w http.ResponseWriter, r *http.Request) error) {
		var handler http.Handler = s.api(h)
		if s.cache != nil {
			handler = s.cache.wrap(handler)
		}
		s.mux.Handle("GET "+pattern, handler)
	}
	get("/api/stats", s.stats)
	get("/api/events", s.events)
	get("/api/events/{id}", s.event)
	get("/api/entities", s.entities)
	get("/api/entities/{id}", s.entity)
	get("/api/articles", s.articles)
	get("/api/articles/{id}", s.article)
	get("/api/quotes", s.quotes)
	get("/api/search", s.search)
	get("/api/timeline", s.timeline)
	get("/api/network", s.network)
	get("/api/stories", s.stories)
	get("/api/stories/{id}", s.story)
	s.mux.HandleFunc("POST /api/articles", s.postArticles)
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	web, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(web)
	// The rest: the page's files, and JSON 404s for unknown API paths.
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/api/"):
			writeJSON(w, http.StatusNotFound, apiError{Error: "no such endpoint: " + r.Method + " " + r.URL.Path})
		case r.Method == http.MethodGet || r.Method == http.MethodHead:
			w.Header().Set("Cache-Control", "no-cache")
			files.ServeHTTP(w, r)
		default:
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}

// ServeHTTP adds the headers every answer carries and routes the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
	s.mux.ServeHTTP(w, r)
}

// apiError is the JSON body of every error answer.
type apiError struct {
	Error string `json:"error"`
	Param string `json:"param,omitempty"` // the query parameter at fault, for 400s
}

// notFound is returned by handlers for an unknown record.
type notFound struct{ what string }

func (e notFound) Error() string { return e.what + " not found" }

// api wraps a handler that returns an error: it bounds the request's time
// and turns the error into the right status with a JSON body.
func (s *Server) api(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.QueryTimeout)
		defer cancel()
		r = r.WithContext(ctx)
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// fail answers an error.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	var nf notFound
	switch {
	case errors.As(err, &pe):
		writeJSON(w, http.StatusBadRequest, apiError{Error: pe.Error(), Param: pe.Param})
	case errors.As(err, &nf):
		writeJSON(w, http.StatusNotFound, apiError{Error: nf.Error()})
	case errors.Is(err, store.ErrNotFound):
		writeJSON(w, http.StatusNotFound, apiError{Error: "not found"})
	case errors.Is(err, context.DeadlineExceeded):
		writeJSON(w, http.StatusServiceUnavailable, apiError{Error: "the query took too long"})
	case errors.Is(err, context.Canceled):
		// The client went away; nobody is listening.
	default:
		s.log.Error("api", "method", r.Method, "url", r.URL.String(), "err", err)
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "internal error"})
	}
}

// writeJSON answers v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"error":"cannot encode the answer"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
	w.Write([]byte{'\n'})
}

// HTTPServer returns an http.Server for h with the timeouts a public
// server needs: slow clients cannot hold connections open.
func HTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second, // POST bodies of many articles
		WriteTimeout:      5 * time.Minute,  // POST analysis of many articles
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve serves h on ln until ctx ends, then shuts down gracefully,
// giving requests in flight a few seconds to finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := HTTPServer(ln.Addr().String(), h)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}
