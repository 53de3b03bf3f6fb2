// Package store keeps Chronicle's record across articles: every analysed
// article with its entities, time expressions, quotes and events, plus what
// only exists across articles — canonical entities, near-duplicate articles,
// events merged over the articles that report them, and stories.
//
// The package is backend-neutral: it holds the interfaces and the types they
// return, and imports nothing but doc. The SQLite backend lives in
// store/sqlite; a PostgreSQL backend can implement the same interfaces later
// without the pipeline or the commands changing.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/chronicle/chronicle/doc"
)

// ErrNotFound is returned by the single-item getters when nothing matches.
var ErrNotFound = errors.New("not found")

// Store is a full backend: the write side used by ingest and the read side
// used by queries, export and the HTTP server.
type Store interface {
	Reader
	Writer
	Close() error
}

// Writer is the write side. Implementations must make Put idempotent (an
// article already stored, by Article.ID, is skipped) and atomic per article:
// an article is either stored with all of its records or not at all.
type Writer interface {
	// Put stores analysed documents, in order, and reports for each one
	// whether it was new. Documents are grouped into transactions by the
	// backend; an error aborts only the batch it occurs in and is returned.
	Put(ctx context.Context, docs []*doc.Doc) ([]PutResult, error)

	// Has reports which of the given article IDs are already stored, so
	// that ingest can skip analysing them.
	Has(ctx context.Context, ids []string) (map[string]bool, error)

	// Cluster recomputes stories for the articles not yet in one (and
	// their neighbours in time). Ingest calls it once at the end of a run.
	Cluster(ctx context.Context) error
}

// PutResult says what happened to one document given to Put.
type PutResult struct {
	ArticleID string
	New       bool   // false: it was already stored and nothing was added
	Duplicate string // for a new article: the ID of the original it rewrites, or ""
	Err       error  // non-nil: this document could not be stored (the others were)
}

// Reader is the query side. Every list method takes a filter with Limit
// and Offset; a Limit of 0 means DefaultLimit. List methods return at most
// Limit items; callers page with Offset (or, for events, AfterID).
type Reader interface {
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	// Events lists merged events, newest event date first (undated last),
	// or by ID ascending when the filter's ByID is set, for streaming.
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	// Event returns one merged event with every article and sentence that
	// reports it.
	Event(ctx context.Context, id int64) (*EventDetail, error)

	// Entities lists canonical entities, most mentioned first.
	Entities(ctx context.Context, f EntityFilter) ([]Entity, error)
	// Entity returns one canonical entity with its events and quotes.
	Entity(ctx context.Context, id int64) (*EntityDetail, error)
	// LookupEntity finds the canonical entities a name, alias, handle or
	// country code refers to, best match first.
	LookupEntity(ctx context.Context, name string) ([]Entity, error)

	// Articles lists stored articles, newest first.
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error)
	// Article returns one article with its stored analysis, enough to
	// rebuild the contract JSON of `chronicle analyze`.
	Article(ctx context.Context, id string) (*Article, error)

	// Quotes lists quotes, newest article first.
	Quotes(ctx context.Context, f QuoteFilter) ([]Quote, error)

	// Search runs a full-text query over article titles and bodies and over
	// quotes, best match first, with highlighted snippets.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)

	// Timeline counts merged events per day and PLOVER type.
	Timeline(ctx context.Context, f TimelineFilter) ([]TimelinePoint, error)
	// Network returns actor-to-actor edges with event counts by type.
	Network(ctx context.Context, f NetworkFilter) ([]Edge, error)

	// Stories lists stories, most recent first.
	Stories(ctx context.Context, f StoryFilter) ([]Story, error)
	// Story returns one story with its articles and events.
	Story(ctx context.Context, id int64) (*StoryDetail, error)
}

// DefaultLimit is the page size when a filter's Limit is 0.
const DefaultLimit = 50

// MaxLimit caps any page so that one request cannot ask for everything.
const MaxLimit = 10000

// Page is the paging part of every filter.
type Page struct {
	Limit  int // 0: DefaultLimit; capped at MaxLimit
	Offset int
}

// Size returns the effective limit.
func (p Page) Size() int {
	switch {
	case p.Limit <= 0:
		return DefaultLimit
	case p.Limit > MaxLimit:
		return MaxLimit
	}
	return p.Limit
}

// Stats counts the store's contents.
type Stats struct {
	Articles   int // stored articles, duplicates included
	Duplicates int // articles flagged as near-duplicates of an earlier one
	Entities   int // canonical entities
	Mentions   int
	Timexes    int
	Quotes     int
	Events     int // merged events
	Evidence   int // event reports (one per article and event)
	Stories    int
}

// EntityRef names a canonical entity where another record points to it.
type EntityRef struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
}

// EventFilter selects merged events. Empty fields do not filter.
type EventFilter struct {
	Actor   string // name, alias, handle or country code of source or target
	ActorID int64  // a canonical entity as source or target
	Type    string // PLOVER type
	Status  string // asserted, alleged, ...
	From    string // earliest event date, YYYY-MM-DD, inclusive
	To      string // latest event date, YYYY-MM-DD, inclusive
	Article string // only events reported by this article
	Story   int64  // only events of this story
	ByID    bool   // order by ID ascending instead of newest first (streaming export)
	AfterID int64  // with ByID: only events with a greater ID (keyset paging)
	Page
}

// Event is one real-world event, merged over every article that reports
// it: same PLOVER type and CAMEO root, same canonical source and target,
// same date (or, undated, reported within a few days).
type Event struct {
	ID         int64      `json:"id"`
	Type       string     `json:"type"` // PLOVER type
	Mode       string     `json:"mode,omitempty"`
	Cameo      string     `json:"cameo"`      // CAMEO code of the first report
	Root       string     `json:"root"`       // its two-digit root
	Quad       int        `json:"quad_class"` // GDELT QuadClass: 1..4
	Source     *EntityRef `json:"source"`
	Target     *EntityRef `json:"target"`
	Location   *EntityRef `json:"location"`
	Date       string     `json:"date"` // YYYY-MM-DD, "" when unknown
	Status     string     `json:"status"`
	Fatalities *int       `json:"fatalities"` // largest reported count
	Injuries   *int       `json:"injuries"`

	NumMentions int `json:"num_mentions"` // reports (one per article that states it)
	NumSources  int `json:"num_sources"`  // distinct outlets
	NumArticles int `json:"num_articles"` // distinct articles

	FirstArticle string    `json:"first_article"` // article ID of the earliest report
	FirstURL     string    `json:"first_url"`
	FirstSource  string    `json:"first_source"`
	FirstSeen    time.Time `json:"first_seen"` // publication day of the earliest report
	Added        time.Time `json:"added"`      // when the store first recorded it
	Story        int64     `json:"story,omitempty"`
}

// Evidence is one article's report of a merged event.
type Evidence struct {
	ArticleID string    `json:"article"`
	URL       string    `json:"url,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published"`
	Title     string    `json:"title,omitempty"`
	LocalID   string    `json:"local_id"` // the event's ID in that article's analysis: "V3"
	Sentence  doc.Span  `json:"sentence"`
	Trigger   doc.Span  `json:"trigger"`
	Status    string    `json:"status"`
	DateBasis string    `json:"date_basis"`
	Duplicate bool      `json:"duplicate"` // the article is a near-duplicate of another
}

// EventDetail is a merged event with its evidence, earliest report first.
type EventDetail struct {
	Event
	Evidence []Evidence `json:"evidence"`
}

// EntityFilter selects canonical entities.
type EntityFilter struct {
	Name    string // prefix of the canonical name or of an alias
	Type    string
	Country string
	Page
}

// Role is an office or title an entity was given, with the span of
// publication dates over which articles gave it.
type Role struct {
	Role  string `json:"role"`
	First string `json:"first"` // YYYY-MM-DD
	Last  string `json:"last"`
	Count int    `json:"count"` // articles giving it
}

// Entity is one canonical person, organisation, place or group, merged
// over every article that mentions it.
type Entity struct {
	EntityRef
	Aliases []string `json:"aliases"` // name variants seen, canonical name excluded
	Handles []string `json:"handles"`
	Roles   []Role   `json:"roles"`

	Articles       int    `json:"articles"`
	Mentions       int    `json:"mentions"`
	EventsAsSource int    `json:"events_as_source"`
	EventsAsTarget int    `json:"events_as_target"`
	Quotes         int    `json:"quotes"`
	FirstSeen      string `json:"first_seen"` // YYYY-MM-DD
	LastSeen       string `json:"last_seen"`
}

// EntityDetail is a canonical entity with its most recent events and quotes.
type EntityDetail struct {
	Entity
	AsSource []Event `json:"as_source"`
	AsTarget []Event `json:"as_target"`
	Said     []Quote `json:"quotes"`
}

// ArticleFilter selects stored articles.
type ArticleFilter struct {
	Source     string // outlet
	From, To   string // publication dates, YYYY-MM-DD, inclusive
	EntityID   int64  // articles mentioning this canonical entity
	Story      int64
	Duplicates *bool // nil: all; true: only near-duplicates; false: only originals
	Page
}

// ArticleSummary describes a stored article without its analysis.
type ArticleSummary struct {
	ID          string    `json:"id"`
	URL         string    `json:"url,omitempty"`
	Source      string    `json:"source,omitempty"`
	Published   time.Time `json:"published"`
	Title       string    `json:"title,omitempty"`
	Author      string    `json:"author,omitempty"`
	Lang        string    `json:"lang"`
	Origin      string    `json:"origin"`
	DuplicateOf string    `json:"duplicate_of,omitempty"` // ID of the original, when a near-duplicate
	Story       int64     `json:"story,omitempty"`
	Added       time.Time `json:"added"`
	Entities    int       `json:"entities"`
	Quotes      int       `json:"quotes"`
	Events      int       `json:"events"`
}

// Article is a stored article with its analysis rebuilt as a doc.Doc
// (Article, Sentences, Paragraphs, Entities, Timexes, Quotes, Events;
// Tokens are not stored). Entity, quote and event IDs inside Doc are the
// article-local ones ("E1", "V2"); the maps link them to the store's
// canonical entities and merged events.
type Article struct {
	ArticleSummary
	Doc      *doc.Doc         `json:"-"`
	EntityOf map[string]int64 `json:"entity_of"` // "E1" → canonical entity ID
	EventOf  map[string]int64 `json:"event_of"`  // "V1" → merged event ID
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker   string // name, alias or handle of the speaker
	SpeakerID int64
	Article   string
	Kind      string
	From, To  string // publication dates, YYYY-MM-DD, inclusive
	Page
}

// Quote is one quotation as stored.
type Quote struct {
	ID        int64      `json:"id"`
	ArticleID string     `json:"article"`
	URL       string     `json:"url,omitempty"`
	Source    string     `json:"source,omitempty"`
	Published time.Time  `json:"published"`
	Span      doc.Span   `json:"span"` // the words, with offsets into the article body
	Speaker   *EntityRef `json:"speaker"`
	Kind      string     `json:"kind"`
	Cue       string     `json:"cue,omitempty"`
	Channel   string     `json:"channel,omitempty"`
	Handle    string     `json:"handle,omitempty"`
	Date      string     `json:"date,omitempty"`
}

// SearchQuery is a full-text query. Text uses the backend's query syntax
// for words and phrases ("quoted phrase", prefix*, OR, NOT).
type SearchQuery struct {
	Text string
	Kind string // "article", "quote" or "" for both
	Page
}

// SearchHit is one match.
type SearchHit struct {
	Kind      string    `json:"kind"` // "article" or "quote"
	ArticleID string    `json:"article"`
	QuoteID   int64     `json:"quote,omitempty"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published"`
	Speaker   string    `json:"speaker,omitempty"` // for a quote
	Snippet   string    `json:"snippet"`           // matched words marked with [ and ]
	Rank      float64   `json:"rank"`              // lower is better
}

// TimelineFilter selects the events counted by Timeline.
type TimelineFilter struct {
	Type     string
	From, To string // YYYY-MM-DD, inclusive
}

// TimelinePoint is the number of merged events of one type on one day.
type TimelinePoint struct {
	Day   string `json:"day"`
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// NetworkFilter selects the edges returned by Network.
type NetworkFilter struct {
	ActorID  int64  // only edges touching this entity
	Type     string // PLOVER type
	Class    string // "cooperation" or "conflict"
	MinCount int    // drop edges with fewer events
	Page
}

// Edge classes.
const (
	Cooperation = "cooperation"
	Conflict    = "conflict"
)

// Edge is the number of merged events of one type from one actor to another.
type Edge struct {
	Source EntityRef `json:"source"`
	Target EntityRef `json:"target"`
	Type   string    `json:"type"`
	Class  string    `json:"class"` // cooperation or conflict
	Count  int       `json:"count"`
}

// StoryFilter selects stories.
type StoryFilter struct {
	From, To string // YYYY-MM-DD: stories overlapping the range
	EntityID int64
	Page
}

// Story is a cluster of articles about the same happenings: articles that
// report a common merged event, that are near-duplicates, or that share
// salient entities within a few days of each other.
type Story struct {
	ID       int64       `json:"id"`
	Title    string      `json:"title"` // of its earliest original article
	First    string      `json:"first"` // YYYY-MM-DD
	Last     string      `json:"last"`
	Articles int         `json:"articles"`
	Events   int         `json:"events"`
	Top      []EntityRef `json:"top_entities"` // most mentioned, up to 5
}

// StoryDetail is a story with its articles and events.
type StoryDetail struct {
	Story
	ArticleList []ArticleSummary `json:"article_list"`
	EventList   []Event          `json:"event_list"`
}
