package server

import (
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/store"
)

// list is the JSON shape of every paged answer. NextOffset is set when
// the page was full, so a client knows to ask for more.
type list[T any] struct {
	Items      []T  `json:"items"`
	Limit      int  `json:"limit"`
	Offset     int  `json:"offset"`
	NextOffset *int `json:"next_offset"`
}

func page[T any](items []T, p store.Page) list[T] {
	if items == nil {
		items = []T{}
	}
	l := list[T]{Items: items, Limit: p.Size(), Offset: p.Offset}
	if len(items) >= p.Size() {
		n := p.Offset + len(items)
		l.NextOffset = &n
	}
	return l
}

// pathID reads the numeric {id} of a path.
func pathID(r *http.Request) (int64, error) {
	s := r.PathValue("id")
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, &paramError{Param: "id", Msg: "want a positive integer ID, got " + strconv.Quote(s)}
	}
	return n, nil
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	st, err := s.r.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"articles": st.Articles, "duplicates": st.Duplicates, "entities": st.Entities,
		"mentions": st.Mentions, "timexes": st.Timexes, "quotes": st.Quotes,
		"events": st.Events, "evidence": st.Evidence, "stories": st.Stories,
		"writable": s.Writable(),
	})
	return nil
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	var f store.EventFilter
	f.Actor = p.str("actor")
	f.ActorID = p.id("actor_id")
	f.Type = p.oneOf("type", ploverTypes, strings.ToUpper)
	f.Status = p.oneOf("status", statuses, strings.ToLower)
	f.From, f.To = p.dateRange()
	f.Article = p.str("article")
	f.Story = p.id("story")
	f.Page = p.page()
	if err := p.done(); err != nil {
		return err
	}
	evs, err := s.r.Events(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(evs, f.Page))
	return nil
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	ev, err := s.r.Event(r.Context(), id)
	if err := found(ev == nil, err, "event "+strconv.FormatInt(id, 10)); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ev)
	return nil
}

// found turns a getter's answer into notFound when it found nothing.
func found(missing bool, err error, what string) error {
	if errors.Is(err, store.ErrNotFound) || (err == nil && missing) {
		return notFound{what}
	}
	return err
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	var f store.EntityFilter
	f.Name = p.str("name")
	f.Type = p.oneOf("type", entityTypes, strings.ToUpper)
	f.Country = strings.ToUpper(p.str("country"))
	f.Page = p.page()
	if err := p.done(); err != nil {
		return err
	}
	es, err := s.r.Entities(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(es, f.Page))
	return nil
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	e, err := s.r.Entity(r.Context(), id)
	if err := found(e == nil, err, "entity "+strconv.FormatInt(id, 10)); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, e)
	return nil
}

func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	var f store.ArticleFilter
	f.Source = p.str("source")
	f.From, f.To = p.dateRange()
	f.EntityID = p.id("entity")
	f.Story = p.id("story")
	f.Duplicates = p.boolean("duplicates")
	f.Page = p.page()
	if err := p.done(); err != nil {
		return err
	}
	as, err := s.r.Articles(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(as, f.Page))
	return nil
}

// articleAnswer is an article with its analysis in the contract's shape,
// its sentences (so a page can take any record back to its sentence) and
// the links from its local IDs to the store's entities and events.
type articleAnswer struct {
	store.ArticleSummary
	Analysis  *analysis.Output `json:"analysis"`
	Sentences [][2]int         `json:"sentences"`
	EntityOf  map[string]int64 `json:"entity_of"`
	EventOf   map[string]int64 `json:"event_of"`
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	a, err := s.r.Article(r.Context(), id)
	if err := found(a == nil, err, "article "+strconv.Quote(id)); err != nil {
		return err
	}
	ans := articleAnswer{ArticleSummary: a.ArticleSummary, EntityOf: a.EntityOf, EventOf: a.EventOf, Sentences: [][2]int{}}
	if a.Doc != nil {
		out := analysis.Record(a.Doc)
		ans.Analysis = &out
		for _, st := range a.Doc.Sentences {
			ans.Sentences = append(ans.Sentences, [2]int{st.Start, st.End})
		}
	}
	writeJSON(w, http.StatusOK, ans)
	return nil
}

func (s *Server) quotes(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	var f store.QuoteFilter
	f.Speaker = p.str("speaker")
	f.SpeakerID = p.id("speaker_id")
	f.Article = p.str("article")
	f.Kind = p.oneOf("kind", quoteKinds, strings.ToLower)
	f.From, f.To = p.dateRange()
	f.Page = p.page()
	if err := p.done(); err != nil {
		return err
	}
	qs, err := s.r.Quotes(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(qs, f.Page))
	return nil
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	var q store.SearchQuery
	q.Text = p.str("q")
	q.Kind = p.oneOf("kind", hitKinds, strings.ToLower)
	q.Page = p.page()
	if q.Text == "" && p.err == nil {
		p.fail("q", "required: the words to search for")
	}
	if err := p.done(); err != nil {
		return err
	}
	hits, err := s.r.Search(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(hits, q.Page))
	return nil
}

// timelineScan bounds how many events a timeline for one actor counts;
// the store's Timeline has no actor filter, so that one is summed here.
const timelineScan = 20 * store.MaxLimit

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	var f store.TimelineFilter
	f.Type = p.oneOf("type", ploverTypes, strings.ToUpper)
	f.From, f.To = p.dateRange()
	actor, actorID := p.str("actor"), p.id("actor_id")
	bucket := p.oneOf("bucket", buckets, strings.ToLower)
	if err := p.done(); err != nil {
		return err
	}
	var pts []store.TimelinePoint
	var err error
	if actor == "" && actorID == 0 {
		pts, err = s.r.Timeline(r.Context(), f)
	} else {
		pts, err = s.actorTimeline(r, f, actor, actorID)
	}
	if err != nil {
		return err
	}
	pts, bucket = rebucket(pts, bucket)
	if pts == nil {
		pts = []store.TimelinePoint{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": pts, "bucket": bucket})
	return nil
}

// actorTimeline counts an actor's dated events per day and type.
func (s *Server) actorTimeline(r *http.Request, tf store.TimelineFilter, actor string, actorID int64) ([]store.TimelinePoint, error) {
	f := store.EventFilter{Actor: actor, ActorID: actorID, Type: tf.Type, From: tf.From, To: tf.To}
	f.Limit = store.MaxLimit
	counts := map[[2]string]int{}
	for f.Offset = 0; f.Offset < timelineScan; f.Offset += f.Limit {
		evs, err := s.r.Events(r.Context(), f)
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			if e.Date != "" {
				counts[[2]string{e.Date, e.Type}]++
			}
		}
		if len(evs) < f.Limit {
			break
		}
	}
	pts := make([]store.TimelinePoint, 0, len(counts))
	for k, n := range counts {
		pts = append(pts, store.TimelinePoint{Day: k[0], Type: k[1], Count: n})
	}
	sort.Slice(pts, func(i, j int) bool {
		if pts[i].Day != pts[j].Day {
			return pts[i].Day < pts[j].Day
		}
		return pts[i].Type < pts[j].Type
	})
	return pts, nil
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	var f store.NetworkFilter
	actor := p.str("actor")
	f.ActorID = p.id("actor_id")
	f.Type = p.oneOf("type", ploverTypes, strings.ToUpper)
	f.Class = p.oneOf("class", classes, strings.ToLower)
	f.MinCount = p.num("min_count", 0, 1_000_000, 0)
	f.Page = p.page()
	if err := p.done(); err != nil {
		return err
	}
	if actor != "" && f.ActorID == 0 {
		es, err := s.r.LookupEntity(r.Context(), actor)
		if err != nil {
			return err
		}
		if len(es) == 0 {
			writeJSON(w, http.StatusOK, page([]store.Edge{}, f.Page))
			return nil
		}
		f.ActorID = es[0].ID
	}
	edges, err := s.r.Network(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(edges, f.Page))
	return nil
}

func (s *Server) stories(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	var f store.StoryFilter
	f.From, f.To = p.dateRange()
	f.EntityID = p.id("entity")
	f.Page = p.page()
	if err := p.done(); err != nil {
		return err
	}
	ss, err := s.r.Stories(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page(ss, f.Page))
	return nil
}

func (s *Server) story(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	st, err := s.r.Story(r.Context(), id)
	if err := found(st == nil, err, "story "+strconv.FormatInt(id, 10)); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// Timeline buckets: "auto" picks the widest that still gives a useful
// number of bars for the span of the data.
var buckets = []string{"day", "week", "month", "auto"}

// rebucket sums day counts into weeks (labelled by their Monday) or months
// (by their first day), so that years of events travel as a few hundred
// points instead of thousands.
func rebucket(pts []store.TimelinePoint, bucket string) ([]store.TimelinePoint, string) {
	if bucket == "auto" {
		bucket = autoBucket(pts)
	}
	if bucket == "" || bucket == "day" {
		return pts, "day"
	}
	var out []store.TimelinePoint
	at := map[[2]string]int{}
	label := map[string]string{} // day → its bucket's first day; days repeat once per type
	for _, p := range pts {
		l, ok := label[p.Day]
		if !ok {
			t, err := time.Parse(time.DateOnly, p.Day)
			if err != nil {
				continue
			}
			if bucket == "week" {
				t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
			} else {
				t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
			}
			l = t.Format(time.DateOnly)
			label[p.Day] = l
		}
		k := [2]string{l, p.Type}
		if i, ok := at[k]; ok {
			out[i].Count += p.Count
			continue
		}
		at[k] = len(out)
		out = append(out, store.TimelinePoint{Day: k[0], Type: p.Type, Count: p.Count})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Day < out[j].Day })
	return out, bucket
}

// autoBucket chooses days up to four months of data, weeks up to about
// three years, months beyond.
func autoBucket(pts []store.TimelinePoint) string {
	if len(pts) == 0 {
		return "day"
	}
	lo, hi := pts[0].Day, pts[0].Day
	for _, p := range pts {
		lo, hi = min(lo, p.Day), max(hi, p.Day)
	}
	a, errA := time.Parse(time.DateOnly, lo)
	b, errB := time.Parse(time.DateOnly, hi)
	if errA != nil || errB != nil {
		return "day"
	}
	switch days := b.Sub(a).Hours() / 24; {
	case days <= 120:
		return "day"
	case days <= 1100:
		return "week"
	}
	return "month"
}
