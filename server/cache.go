package server

import (
	"bytes"
	"context"
	"net/http"
	"sync"
	"time"
)

// answerCache keeps recent successful GET answers by URL for a short time,
// and lets concurrent requests for the same URL share one query. The
// page's heavy answers (the whole timeline, the whole network, a common
// search) are the same for every visitor, so under load most of them come
// from here; a write through the API empties the cache, and the TTL bounds
// how stale an answer can be when another process ingests into the store.
type answerCache struct {
	ttl time.Duration
	max int

	mu sync.Mutex
	m  map[string]*cached
}

// cached is one answer, or one being computed (done still open).
type cached struct {
	done    chan struct{}
	status  int
	header  http.Header
	body    []byte
	expires time.Time
}

func newAnswerCache(ttl time.Duration, max int) *answerCache {
	return &answerCache{ttl: ttl, max: max, m: make(map[string]*cached)}
}

// wrap serves GET requests of h through the cache.
func (c *answerCache) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.RequestURI()
		e, owner := c.get(key)
		if owner {
			// The answer is computed for every waiter, so one client going
			// away must not cancel it; the handler's own timeout bounds it.
			rec := &recorder{header: http.Header{}}
			h.ServeHTTP(rec, r.WithContext(context.WithoutCancel(r.Context())))
			c.finish(key, e, rec)
		} else {
			select {
			case <-e.done:
			case <-r.Context().Done():
				return
			}
		}
		for k, v := range e.header {
			w.Header()[k] = v
		}
		w.WriteHeader(e.status)
		w.Write(e.body)
	})
}

// get returns the entry for key; owner says the caller must compute it.
func (c *answerCache) get(key string) (e *cached, owner bool) {
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[key]; ok {
		select {
		case <-e.done:
			if now.Before(e.expires) {
				return e, false
			}
		default:
			return e, false // being computed: wait for it
		}
	}
	if len(c.m) >= c.max {
		c.evict(now)
	}
	e = &cached{done: make(chan struct{})}
	c.m[key] = e
	return e, true
}

// evict drops expired answers, and everything if that is not enough.
func (c *answerCache) evict(now time.Time) {
	for k, e := range c.m {
		select {
		case <-e.done:
			if !now.Before(e.expires) {
				delete(c.m, k)
			}
		default:
		}
	}
	if len(c.m) >= c.max {
		for k, e := range c.m {
			select {
			case <-e.done:
				delete(c.m, k)
			default:
			}
		}
	}
}

// finish records the computed answer; only successes are kept.
func (c *answerCache) finish(key string, e *cached, rec *recorder) {
	e.status, e.header, e.body = rec.status, rec.header, rec.buf.Bytes()
	if !rec.wrote {
		e.status = http.StatusInternalServerError
	}
	e.expires = time.Now().Add(c.ttl)
	c.mu.Lock()
	if rec.status != http.StatusOK && c.m[key] == e {
		delete(c.m, key)
	}
	c.mu.Unlock()
	close(e.done)
}

// clear forgets every answer, after a write.
func (c *answerCache) clear() {
	c.mu.Lock()
	c.m = make(map[string]*cached)
	c.mu.Unlock()
}

// recorder is an in-memory ResponseWriter.
type recorder struct {
	header http.Header
	status int
	buf    bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	if !r.wrote {
		r.status, r.wrote = http.StatusOK, true
	}
	return r.buf.Write(p)
}
