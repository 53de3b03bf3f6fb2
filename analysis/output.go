package analysis

import (
	"time"

	"github.com/chronicle/chronicle/doc"
)

// Schema names the version of the output contract.
const Schema = "chronicle.analysis/v1"

// Output is the contract's JSON object for one analysed article. Empty
// optional values become JSON null, as the contract asks.
type Output struct {
	Schema   string      `json:"schema"`
	Article  ArticleOut  `json:"article"`
	Entities []EntityOut `json:"entities"`
	Timexes  []TimexOut  `json:"timexes"`
	Quotes   []QuoteOut  `json:"quotes"`
	Events   []EventOut  `json:"events"`
	// OtherEvents are events the article does not report as having
	// happened (negated, hypothetical, only alleged or denied), with their
	// status and claimed_by; kept apart so that events stays the record
	// of what happened.
	OtherEvents []EventOut `json:"other_events"`
	// Framing lists scare quotes: words the outlet keeps at a distance.
	Framing []doc.Span `json:"framing"`
	// Skipped says why the English stages did not run, when they did not.
	Skipped string `json:"skipped,omitempty"`
}

// ArticleOut is the contract's article object.
type ArticleOut struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	// PublishedRaw and PublishedUTC keep a feed's or page's own date
	// string and its instant in UTC, beside the outlet's local day.
	PublishedRaw string `json:"published_raw,omitempty"`
	PublishedUTC string `json:"published_utc,omitempty"`
	Title        string `json:"title"`
	Author       string `json:"author,omitempty"`
	Lang         string `json:"lang"`
	Origin       string `json:"origin"`
	Body         string `json:"body"`
}

// EntityOut is one entity with its mentions.
type EntityOut struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Type     string       `json:"type"`
	Country  *string      `json:"country"`
	Sector   *string      `json:"sector"`
	Role     *string      `json:"role"`
	Handles  []string     `json:"handles,omitempty"`
	Mentions []MentionOut `json:"mentions"`
}

// MentionOut is a span with the kind of mention it is.
type MentionOut struct {
	doc.Span
	Kind string `json:"kind"`
}

// TimexOut is one normalised time expression.
type TimexOut struct {
	doc.Span
	Type  string `json:"type"`
	Value string `json:"value"`
}

// QuoteOut is one quotation.
type QuoteOut struct {
	doc.Span
	Speaker *string `json:"speaker"`
	Kind    string  `json:"kind"`
	Cue     *string `json:"cue"`
	Channel *string `json:"channel"`
	Handle  string  `json:"handle,omitempty"`
	Date    string  `json:"date,omitempty"`
}

// EventOut is one coded event.
type EventOut struct {
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Mode       *string  `json:"mode"`
	Cameo      string   `json:"cameo"`
	Source     *string  `json:"source"`
	Target     *string  `json:"target"`
	Location   *string  `json:"location"`
	Date       *string  `json:"date"`
	DateBasis  string   `json:"date_basis"`
	Fatalities *int     `json:"fatalities"`
	Injuries   *int     `json:"injuries"`
	Status     string   `json:"status"`
	ClaimedBy  *string  `json:"claimed_by"`
	Trigger    doc.Span `json:"trigger"`
	Sentence   doc.Span `json:"sentence"`
}

// null turns "" into a JSON null.
func null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Record builds the contract object of an analysed document.
func Record(d *doc.Doc) Output {
	a := d.Article
	out := Output{
		Schema: Schema,
		Article: ArticleOut{
			ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Author: a.Author,
			Lang: a.Lang, Origin: a.Origin, Body: a.Body,
		},
		Entities: make([]EntityOut, 0, len(d.Entities)),
		Timexes:  make([]TimexOut, 0, len(d.Timexes)),
		Quotes:   make([]QuoteOut, 0, len(d.Quotes)),
		Framing:  append([]doc.Span{}, d.Framing...),
		Skipped:  d.Skipped,
	}
	if !a.Published.IsZero() {
		out.Article.Published = a.Published.Format("2006-01-02")
	}
	out.Article.PublishedRaw = a.PublishedRaw
	if !a.PublishedAt.IsZero() {
		out.Article.PublishedUTC = a.PublishedAt.UTC().Format(time.RFC3339)
	}
	for _, e := range d.Entities {
		eo := EntityOut{ID: e.ID, Name: e.Name, Type: e.Type, Country: null(e.Country),
			Sector: null(e.Sector), Role: null(e.Role), Handles: e.Handles,
			Mentions: make([]MentionOut, 0, len(e.Mentions))}
		for _, m := range e.Mentions {
			eo.Mentions = append(eo.Mentions, MentionOut{Span: m.Span, Kind: m.Kind})
		}
		out.Entities = append(out.Entities, eo)
	}
	for _, t := range d.Timexes {
		out.Timexes = append(out.Timexes, TimexOut{Span: t.Span, Type: t.Type, Value: t.Value})
	}
	for _, q := range d.Quotes {
		out.Quotes = append(out.Quotes, QuoteOut{Span: q.Span, Speaker: null(q.Speaker), Kind: q.Kind,
			Cue: null(q.Cue), Channel: null(q.Channel), Handle: q.Handle, Date: q.Date})
	}
	out.Events = eventsOut(d, d.Events)
	out.OtherEvents = eventsOut(d, d.OtherEvents)
	return out
}

func eventsOut(d *doc.Doc, events []doc.Event) []EventOut {
	out := make([]EventOut, 0, len(events))
	for _, e := range events {
		var sent doc.Span
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			s := d.Sentences[e.Sentence]
			sent = d.SpanOf(s.Start, s.End)
		}
		basis := e.DateBasis
		if basis == "" {
			basis = doc.DateUnknown
		}
		out = append(out, EventOut{ID: e.ID, Type: e.Type, Mode: null(e.Mode), Cameo: e.Cameo,
			Source: null(e.Source), Target: null(e.Target), Location: null(e.Location),
			Date: null(e.Date), DateBasis: basis, Fatalities: e.Fatalities, Injuries: e.Injuries,
			Status: e.Status, ClaimedBy: null(e.ClaimedBy), Trigger: e.Trigger, Sentence: sent})
	}
	return out
}
