// Package doc holds the one shared document of an article. The ingest step
// fills Article; the segment stage adds tokens and sentences; every later
// stage (entity, timex, quote, event) reads what earlier stages wrote and
// adds its own layer. No stage re-tokenises or re-reads the body.
//
// All offsets are byte offsets into Article.Body, so any span s satisfies
// Body[s.Start:s.End] == s.Text.
package doc

import (
	"sort"
	"time"
)

// Article is one input article, as every input form is reduced to it.
type Article struct {
	ID        string    // content hash of the normalised body
	URL       string    // the input's URL, when it has one
	Source    string    // outlet domain or name
	Published time.Time // publication day (UTC midnight of the outlet's local day)
	// PublishedRaw is the date as the input gave it, and PublishedAt the
	// instant in UTC, when the input gave a time (feeds, pages).
	PublishedRaw string
	PublishedAt  time.Time
	Title        string
	Author       string
	Lang         string // ISO 639-1; "en" unless detected otherwise
	Origin       string // path, path:LINE, path:OFFSET, path#N or "-"
	Body         string // the text analysed; every span points into it
}

// Span is a run of the body: Body[Start:End] == Text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Token is one word or punctuation mark.
type Token struct {
	Start, End int
	Text       string
	Tag        string // Penn Treebank part of speech
}

// Sentence is a run of tokens; sentences never cross a paragraph break.
type Sentence struct {
	Start, End  int // byte range in the body
	First, Last int // token index range [First, Last)
	Para        int // index of the paragraph holding it
}

// Mention kinds.
const (
	MentionName    = "name"    // a proper name, full or partial
	MentionTitle   = "title"   // a title or description used alone: "the president"
	MentionPronoun = "pronoun" // he, she, they, its ...
	MentionHandle  = "handle"  // @name
	MentionHashtag = "hashtag" // #Name
)

// Mention is one place in the body that refers to an entity.
type Mention struct {
	Span
	Kind string // one of the Mention* kinds
}

// Entity types of the contract.
const (
	PERSON = "PERSON"
	ORG    = "ORG"
	GPE    = "GPE"
	LOC    = "LOC"
	FAC    = "FAC"
	GROUP  = "GROUP"
)

// Entity is one actor or place the article talks about, with all its
// mentions in body order.
type Entity struct {
	ID       string // "E1", "E2", ... in order of first mention
	Name     string // canonical name
	Type     string // PERSON ORG GPE LOC FAC GROUP
	Country  string // ISO 3166-1 alpha-3 or an IGO code; "" when unknown
	Sector   string // CAMEO-style agent code (GOV, MIL, ...); "" when unknown
	Role     string // for people: their office or title; "" when unknown
	Handles  []string
	Mentions []Mention
}

// Timex is a normalised time expression (TimeML TIMEX3).
type Timex struct {
	Span
	Type  string // DATE, TIME, DURATION, SET
	Value string // TimeML value: 2019-12-31, 2020-W01, P1M, PRESENT_REF ...
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteReported = "reported"
	QuotePost     = "social_post"
)

// Quote is something someone said or wrote.
type Quote struct {
	Span           // the quoted or reported words
	Speaker string // entity ID; "" when the text does not say
	Kind    string // direct, reported, social_post
	Cue     string // the reporting verb or phrase: "said", "according to"
	Channel string // Twitter, a statement, ...; "" when not said
	Handle  string // for social posts: "@SecPompeo"
	Date    string // for social posts: ISO date of the post
}

// Event statuses.
const (
	Asserted     = "asserted"
	Alleged      = "alleged"
	Denied       = "denied"
	Negated      = "negated"
	Hypothetical = "hypothetical"
)

// Date bases: where an event's date came from.
const (
	DateText      = "text"      // a time expression in the clause or sentence
	DateNarrative = "narrative" // the reference time carried forward
	DatePublished = "published" // the publication date, for lack of better
	DateUnknown   = "unknown"
)

// Event is one action between actors.
type Event struct {
	ID         string // "V1", "V2", ...
	Type       string // PLOVER type: ASSAULT, CONSULT ...
	Mode       string // PLOVER mode where one applies: aerial, phone ...
	Cameo      string // CAMEO code, at least the two-digit root
	Source     string // entity IDs; "" for null
	Target     string
	Location   string
	Date       string // ISO date of when it happened; "" for null
	DateBasis  string
	Fatalities *int
	Injuries   *int
	Status     string
	ClaimedBy  string // entity ID, for alleged events
	Trigger    Span
	Sentence   int // index into Doc.Sentences
}

// Doc is the shared document of one article.
type Doc struct {
	Article    Article
	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Span
	Entities   []Entity
	Timexes    []Timex
	Quotes     []Quote
	Framing    []Span // scare quotes: words an outlet keeps at a distance
	Events     []Event
	// OtherEvents are events the article mentions without reporting them
	// as having happened: negated, hypothetical, only alleged or denied.
	OtherEvents []Event

	// Skipped says why the stages after segment did not run (a language
	// they do not read); "" when they ran.
	Skipped string
}

// Body returns the analysed text.
func (d *Doc) Body() string { return d.Article.Body }

// SpanOf returns the span of the body from start to end.
func (d *Doc) SpanOf(start, end int) Span {
	return Span{Start: start, End: end, Text: d.Article.Body[start:end]}
}

// SentenceText returns the text of sentence i.
func (d *Doc) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Article.Body[s.Start:s.End]
}

// SentenceAt returns the index of the sentence holding byte offset off, or -1.
func (d *Doc) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// TokenAt returns the index of the token holding byte offset off, or -1.
func (d *Doc) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		switch t := d.Tokens[m]; {
		case off < t.Start:
			hi = m
		case off >= t.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Entity returns the entity with the given ID, or nil.
func (d *Doc) Entity(id string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return &d.Entities[i]
		}
	}
	return nil
}

// MentionRef locates one mention: Doc.Entities[Entity].Mentions[Mention].
type MentionRef struct {
	Entity  int
	Mention int
}

// MentionsIn returns every mention lying wholly inside [start, end), in body
// order. Stages use it to find the actors of a clause or the speaker of a cue.
func (d *Doc) MentionsIn(start, end int) []MentionRef {
	var out []MentionRef
	for ei := range d.Entities {
		for mi, m := range d.Entities[ei].Mentions {
			if m.Start >= start && m.End <= end {
				out = append(out, MentionRef{ei, mi})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a := d.Entities[out[i].Entity].Mentions[out[i].Mention]
		b := d.Entities[out[j].Entity].Mentions[out[j].Mention]
		return a.Start < b.Start
	})
	return out
}

// MentionAt returns the mention covering byte offset off, if any.
func (d *Doc) MentionAt(off int) (MentionRef, bool) {
	for ei := range d.Entities {
		for mi, m := range d.Entities[ei].Mentions {
			if off >= m.Start && off < m.End {
				return MentionRef{ei, mi}, true
			}
		}
	}
	return MentionRef{}, false
}
