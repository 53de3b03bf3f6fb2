package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle/chronicle/doc"
)

// spec describes a test article compactly: entities are found in the body
// by their mention texts, events and quotes refer to entities by name.
type spec struct {
	id, source, url, pub, body string
	ents                       []entSpec
	events                     []evSpec
	quotes                     []quoteSpec
	timexes                    []timexSpec
}

type entSpec struct {
	name, typ, country, sector, role string
	mentions                         []string
	handles                          []string
}

type evSpec struct {
	typ, cameo, src, tgt, date, trigger, status string
	fatalities                                  *int
}

type quoteSpec struct {
	text, speaker, kind string
}

type timexSpec struct {
	text, value string
}

func intp(n int) *int { return &n }

// build turns a spec into an analysed doc with exact offsets.
func build(t testing.TB, s spec) *doc.Doc {
	t.Helper()
	pub, err := time.Parse("2006-01-02", s.pub)
	if err != nil {
		t.Fatalf("bad date %q", s.pub)
	}
	d := &doc.Doc{Article: doc.Article{ID: s.id, URL: s.url, Source: s.source, Published: pub, Lang: "en",
		Title: "Title of " + s.id, Origin: "test/" + s.id, Body: s.body}}
	// sentences: split after ". "
	start := 0
	for i := 0; i < len(s.body); i++ {
		if s.body[i] == '.' && (i+1 == len(s.body) || s.body[i+1] == ' ') {
			d.Sentences = append(d.Sentences, doc.Sentence{Start: start, End: i + 1})
			start = i + 2
		}
	}
	if start < len(s.body) {
		d.Sentences = append(d.Sentences, doc.Sentence{Start: start, End: len(s.body)})
	}
	d.Paragraphs = []doc.Span{d.SpanOf(0, len(s.body))}
	ids := map[string]string{}
	for i, e := range s.ents {
		id := "E" + string(rune('1'+i))
		ids[e.name] = id
		ent := doc.Entity{ID: id, Name: e.name, Type: e.typ, Country: e.country, Sector: e.sector, Role: e.role, Handles: e.handles}
		for _, m := range e.mentions {
			from := 0
			for {
				j := strings.Index(s.body[from:], m)
				if j < 0 {
					break
				}
				kind := doc.MentionName
				if strings.HasPrefix(m, "@") {
					kind = doc.MentionHandle
				}
				ent.Mentions = append(ent.Mentions, doc.Mention{Span: d.SpanOf(from+j, from+j+len(m)), Kind: kind})
				from += j + len(m)
			}
		}
		if len(ent.Mentions) == 0 {
			t.Fatalf("%s: entity %q has no mention in the body", s.id, e.name)
		}
		d.Entities = append(d.Entities, ent)
	}
	for i, e := range s.events {
		j := strings.Index(s.body, e.trigger)
		if j < 0 {
			t.Fatalf("%s: trigger %q not in body", s.id, e.trigger)
		}
		status := e.status
		if status == "" {
			status = doc.Asserted
		}
		basis := doc.DateText
		if e.date == "" {
			basis = doc.DateUnknown
		}
		d.Events = append(d.Events, doc.Event{ID: "V" + string(rune('1'+i)), Type: e.typ, Cameo: e.cameo,
			Source: ids[e.src], Target: ids[e.tgt], Date: e.date, DateBasis: basis, Status: status,
			Fatalities: e.fatalities, Trigger: d.SpanOf(j, j+len(e.trigger)), Sentence: d.SentenceAt(j)})
	}
	for _, q := range s.quotes {
		j := strings.Index(s.body, q.text)
		if j < 0 {
			t.Fatalf("%s: quote %q not in body", s.id, q.text)
		}
		kind := q.kind
		if kind == "" {
			kind = doc.QuoteDirect
		}
		d.Quotes = append(d.Quotes, doc.Quote{Span: d.SpanOf(j, j+len(q.text)), Speaker: ids[q.speaker], Kind: kind, Cue: "said"})
	}
	for _, x := range s.timexes {
		j := strings.Index(s.body, x.text)
		if j < 0 {
			t.Fatalf("%s: timex %q not in body", s.id, x.text)
		}
		d.Timexes = append(d.Timexes, doc.Timex{Span: d.SpanOf(j, j+len(x.text)), Type: "DATE", Value: x.value})
	}
	return d
}

func open(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func put(t testing.TB, db *DB, docs ...*doc.Doc) {
	t.Helper()
	res, err := db.Put(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
}

// The two reports of one airstrike by two outlets, and a third article on
// another matter, used across tests.
var (
	strikeA = spec{id: "a1", source: "wire.example", url: "https://wire.example/a1", pub: "2025-03-06",
		body: "Sudanese Armed Forces aircraft bombed a market in Kutum on Wednesday, killing 24 people. " +
			"The army denied targeting civilians. Mohamed Hamdan Dagalo said the strike was a crime. " +
			"Witnesses said the planes came twice. Local officials counted the dead through the night.",
		ents: []entSpec{
			{name: "Sudanese Armed Forces", typ: doc.ORG, country: "SDN", sector: "MIL", mentions: []string{"Sudanese Armed Forces"}},
			{name: "Kutum", typ: doc.GPE, country: "SDN", mentions: []string{"Kutum"}},
			{name: "Mohamed Hamdan Dagalo", typ: doc.PERSON, country: "SDN", role: "RSF commander", mentions: []string{"Mohamed Hamdan Dagalo"}},
		},
		events:  []evSpec{{typ: "ASSAULT", cameo: "195", src: "Sudanese Armed Forces", tgt: "Kutum", date: "2025-03-05", trigger: "bombed", fatalities: intp(24)}},
		quotes:  []quoteSpec{{text: "the strike was a crime", speaker: "Mohamed Hamdan Dagalo", kind: doc.QuoteReported}},
		timexes: []timexSpec{{text: "Wednesday", value: "2025-03-05"}},
	}
	strikeB = spec{id: "b1", source: "daily.example", url: "https://daily.example/b1", pub: "2025-03-07",
		body: "A market in the Darfur town of Kutum was hit by an air strike by the Sudanese Armed Forces on 5 March. " +
			"At least 26 people died, according to medics. Dagalo condemned the attack in a statement. " +
			"The United Nations called for an inquiry.",
		ents: []entSpec{
			{name: "Kutum", typ: doc.GPE, country: "SDN", mentions: []string{"Kutum"}},
			{name: "Sudanese Armed Forces", typ: doc.ORG, country: "SDN", sector: "MIL", mentions: []string{"Sudanese Armed Forces"}},
			{name: "Dagalo", typ: doc.PERSON, country: "SDN", mentions: []string{"Dagalo"}},
			{name: "United Nations", typ: doc.ORG, country: "UNO", sector: "IGO", mentions: []string{"United Nations"}},
		},
		events: []evSpec{
			{typ: "ASSAULT", cameo: "195", src: "Sudanese Armed Forces", tgt: "Kutum", date: "2025-03-05", trigger: "air strike", fatalities: intp(26)},
			{typ: "ACCUSE", cameo: "111", src: "Dagalo", tgt: "Sudanese Armed Forces", date: "2025-03-07", trigger: "condemned"},
		},
		quotes: []quoteSpec{{text: "called for an inquiry", speaker: "United Nations", kind: doc.QuoteReported}},
	}
	deal = spec{id: "c1", source: "wire.example", pub: "2025-03-03",
		body: "France and Kenya signed a maritime security agreement in Nairobi on Monday. " +
			"Emmanuel Macron praised the deal as a model for the region. William Ruto thanked France.",
		ents: []entSpec{
			{name: "France", typ: doc.GPE, country: "FRA", mentions: []string{"France"}},
			{name: "Kenya", typ: doc.GPE, country: "KEN", mentions: []string{"Kenya"}},
			{name: "Emmanuel Macron", typ: doc.PERSON, country: "FRA", role: "President", mentions: []string{"Emmanuel Macron"}, handles: []string{"@EmmanuelMacron"}},
			{name: "William Ruto", typ: doc.PERSON, country: "KEN", role: "President", mentions: []string{"William Ruto"}},
		},
		events: []evSpec{
			{typ: "AGREE", cameo: "057", src: "France", tgt: "Kenya", date: "2025-03-03", trigger: "signed"},
			{typ: "SUPPORT", cameo: "051", src: "William Ruto", tgt: "France", date: "2025-03-03", trigger: "thanked"},
		},
		quotes: []quoteSpec{{text: "a model for the region", speaker: "Emmanuel Macron"}},
	}
)
