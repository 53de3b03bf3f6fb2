package server

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/ingest"
)

// MaxPostBytes bounds one POST body: a batch of articles, not a crawl.
const MaxPostBytes = 32 << 20

// putResult says what became of one posted article.
type putResult struct {
	Origin      string `json:"origin"`
	ID          string `json:"id,omitempty"`
	New         bool   `json:"new"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Error       string `json:"error,omitempty"` // refused or not stored
}

// postArticles ingests the body: any input form `chronicle ingest` reads
// (JSON Lines, one JSON object, dated text, HTML, a feed), with
// ?published=YYYY-MM-DD for plain text that carries no date.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if !s.Writable() {
		writeJSON(w, http.StatusForbidden, apiError{Error: "this server is read-only: start it with --token to accept articles"})
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="chronicle"`)
		writeJSON(w, http.StatusUnauthorized, apiError{Error: "missing or wrong token: send Authorization: Bearer <token>"})
		return
	}
	p := newParams(r.URL.Query())
	published := p.date("published")
	if err := p.done(); err != nil {
		s.fail(w, r, err)
		return
	}
	var opts ingest.Options
	if published != "" {
		opts.Published, _ = time.Parse(time.DateOnly, published)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxPostBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeJSON(w, http.StatusRequestEntityTooLarge, apiError{Error: fmt.Sprintf("body larger than %d bytes", MaxPostBytes)})
			return
		}
		writeJSON(w, http.StatusBadRequest, apiError{Error: "cannot read the body: " + err.Error()})
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		writeJSON(w, http.StatusBadRequest, apiError{Error: "empty body: send articles as JSON Lines, a JSON object or dated text"})
		return
	}
	opts.Stdin = bytes.NewReader(body)
	results, docs := s.analyze(ingest.Read([]string{"-"}, opts))
	if err := s.store(r, docs, results); err != nil {
		s.log.Error("post articles", "err", err)
		writeJSON(w, http.StatusInternalServerError, apiError{Error: "cannot store the articles: " + err.Error()})
		return
	}
	if s.cache != nil {
		s.cache.clear()
	}
	status := http.StatusOK
	for _, res := range results {
		if res.New {
			status = http.StatusCreated
		}
	}
	writeJSON(w, status, map[string]any{"items": results})
}

// authorized checks the bearer token in constant time.
func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) == 1
}

// analyze runs every readable input through the analysis; refused inputs
// get their reason. docs[i] belongs to the i-th result with no error.
func (s *Server) analyze(items iter.Seq[ingest.Item]) ([]putResult, []*doc.Doc) {
	var results []putResult
	var docs []*doc.Doc
	for it := range items {
		a, err := it.Resolve()
		if err != nil {
			results = append(results, putResult{Origin: it.Article.Origin, Error: err.Error()})
			continue
		}
		results = append(results, putResult{Origin: a.Origin, ID: a.ID})
		docs = append(docs, s.opts.Analyzer.Analyze(a))
	}
	return results, docs
}

// store puts the analysed documents and fills in their results.
func (s *Server) store(r *http.Request, docs []*doc.Doc, results []putResult) error {
	if len(docs) == 0 {
		return nil
	}
	put, err := s.opts.Writer.Put(r.Context(), docs)
	if err != nil {
		return err
	}
	byID := make(map[string]int, len(put))
	for i, p := range put {
		byID[p.ArticleID] = i
	}
	for i := range results {
		j, ok := byID[results[i].ID]
		if results[i].Error != "" || !ok {
			continue
		}
		results[i].New = put[j].New
		results[i].DuplicateOf = put[j].Duplicate
		if put[j].Err != nil {
			results[i].Error = put[j].Err.Error()
		}
	}
	if err := s.opts.Writer.Cluster(r.Context()); err != nil {
		return fmt.Errorf("cluster stories: %w", err)
	}
	return nil
}
