package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/store"
)

func TestPutIsIdempotent(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	docs := []*doc.Doc{build(t, strikeA), build(t, strikeB), build(t, deal)}
	res, err := db.Put(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if !r.New {
			t.Errorf("%s: first put not new", r.ArticleID)
		}
	}
	before, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err = db.Put(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.New {
			t.Errorf("%s: second put counted as new", r.ArticleID)
		}
	}
	after, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Errorf("re-put changed the store:\n%+v\n%+v", before, after)
	}
	want := store.Stats{Articles: 3, Entities: 8, Mentions: 12, Timexes: 1, Quotes: 3, Events: 4, Evidence: 5}
	if after != want {
		t.Errorf("stats = %+v, want %+v", after, want)
	}
	has, err := db.Has(ctx, []string{"a1", "zz", "c1"})
	if err != nil {
		t.Fatal(err)
	}
	if !has["a1"] || !has["c1"] || has["zz"] {
		t.Errorf("Has = %v", has)
	}
}

func TestEventMergedAcrossOutlets(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	put(t, db, build(t, strikeA), build(t, strikeB))
	evs, err := db.Events(ctx, store.EventFilter{Type: "ASSAULT"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("got %d ASSAULT events, want 1 merged: %+v", len(evs), evs)
	}
	e := evs[0]
	if e.NumMentions != 2 || e.NumSources != 2 || e.NumArticles != 2 {
		t.Errorf("counts = %d/%d/%d, want 2/2/2", e.NumMentions, e.NumSources, e.NumArticles)
	}
	if e.Source == nil || e.Source.Name != "Sudanese Armed Forces" || e.Target == nil || e.Target.Name != "Kutum" {
		t.Errorf("actors = %+v -> %+v", e.Source, e.Target)
	}
	if e.FirstArticle != "a1" || e.Date != "2025-03-05" || e.Quad != 4 || e.Fatalities == nil || *e.Fatalities != 26 {
		t.Errorf("event = %+v", e)
	}
	d, err := db.Event(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Evidence) != 2 {
		t.Fatalf("evidence = %+v", d.Evidence)
	}
	if d.Evidence[0].ArticleID != "a1" || !strings.Contains(d.Evidence[0].Sentence.Text, "bombed a market") ||
		d.Evidence[1].Trigger.Text != "air strike" {
		t.Errorf("evidence = %+v", d.Evidence)
	}
}

func TestSameOutletCountsOneSource(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	b := strikeB
	b.source = strikeA.source
	put(t, db, build(t, strikeA), build(t, b))
	evs, err := db.Events(ctx, store.EventFilter{Type: "ASSAULT"})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events = %v, %v", evs, err)
	}
	if evs[0].NumSources != 1 || evs[0].NumArticles != 2 {
		t.Errorf("sources/articles = %d/%d, want 1/2", evs[0].NumSources, evs[0].NumArticles)
	}
}

func TestPublicationDatedReportJoinsEarlierEvent(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	b := build(t, strikeB)
	for i := range b.Events {
		b.Events[i].Date, b.Events[i].DateBasis = "2025-03-07", doc.DatePublished
	}
	far := build(t, spec{id: "f1", source: "late.example", pub: "2025-03-12", body: strikeB.body, ents: strikeB.ents,
		events: []evSpec{{typ: "ASSAULT", cameo: "195", src: "Sudanese Armed Forces", tgt: "Kutum", date: "2025-03-12", trigger: "air strike"}}})
	far.Events[0].DateBasis = doc.DatePublished
	put(t, db, build(t, strikeA), b, far)
	evs, err := db.Events(ctx, store.EventFilter{Type: "ASSAULT"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || evs[1].Date != "2025-03-05" || evs[1].NumArticles != 2 || evs[0].NumArticles != 1 {
		t.Errorf("events = %+v", evs)
	}
}

func TestSurnameFirstThenFullName(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	// strikeB names only "Dagalo"; strikeA, stored after it, the full name.
	put(t, db, build(t, strikeB), build(t, strikeA))
	for _, name := range []string{"Dagalo", "Mohamed Hamdan Dagalo"} {
		es, err := db.LookupEntity(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != 1 || es[0].Name != "Mohamed Hamdan Dagalo" || es[0].Articles != 2 {
			t.Errorf("LookupEntity(%q) = %+v", name, es)
		}
	}
	// With two Rutos known, a lone "Ruto" stays apart, and a third full
	// name does not take it over.
	db2 := open(t)
	person := func(id, name, mention string) *doc.Doc {
		return build(t, spec{id: id, pub: "2025-03-03", body: mention + " spoke to reporters.",
			ents: []entSpec{{name: name, typ: doc.PERSON, country: "KEN", mentions: []string{mention}}}})
	}
	put(t, db2, person("r1", "Samuel Ruto", "Samuel Ruto"), person("r2", "William Ruto", "William Ruto"),
		person("r3", "Ruto", "Ruto"), person("r4", "Peter Ruto", "Peter Ruto"))
	for _, name := range []string{"Ruto", "Peter Ruto", "Samuel Ruto"} {
		es, err := db2.Entities(ctx, store.EntityFilter{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range es {
			found = found || e.Name == name && e.Articles == 1
		}
		if !found {
			t.Errorf("no entity %q of one article: %+v", name, es)
		}
	}
}

func TestUnknownOutletsCountApart(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	a, b := strikeA, strikeB
	a.source, b.source = "", ""
	b.url = ""
	put(t, db, build(t, a), build(t, b))
	evs, err := db.Events(ctx, store.EventFilter{Type: "ASSAULT"})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events = %v, %v", evs, err)
	}
	if evs[0].NumSources != 2 {
		t.Errorf("sources = %d, want 2 (one from the URL host, one unknown)", evs[0].NumSources)
	}
}

func TestCanonicalEntities(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	put(t, db, build(t, strikeA), build(t, strikeB), build(t, deal))
	tests := []struct {
		name     string
		want     string
		articles int
	}{
		{"Dagalo", "Mohamed Hamdan Dagalo", 2},                // surname-only mention merged
		{"mohamed hamdan dagalo", "Mohamed Hamdan Dagalo", 2}, // case
		{"Sudanese Armed Forces", "Sudanese Armed Forces", 2},
		{"@EmmanuelMacron", "Emmanuel Macron", 1}, // handle
		{"Macron", "Emmanuel Macron", 1},
	}
	for _, tt := range tests {
		es, err := db.LookupEntity(ctx, tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) == 0 || es[0].Name != tt.want || es[0].Articles != tt.articles {
			t.Errorf("LookupEntity(%q) = %+v, want %s in %d articles", tt.name, es, tt.want, tt.articles)
		}
	}
	es, err := db.LookupEntity(ctx, "SDN")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 || es[0].Type != doc.GPE {
		t.Errorf("LookupEntity(SDN) = %+v", es)
	}
	d, err := db.Entity(ctx, mustLookup(t, db, "Dagalo"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Roles) != 1 || d.Roles[0].Role != "RSF commander" || d.Roles[0].First != "2025-03-06" {
		t.Errorf("roles = %+v", d.Roles)
	}
	if len(d.AsSource) != 1 || d.AsSource[0].Type != "ACCUSE" || len(d.Said) != 1 || d.Quotes != 1 || d.EventsAsSource != 1 {
		t.Errorf("detail = %+v", d)
	}
	if !reflect.DeepEqual(d.Aliases, []string{"Dagalo"}) {
		t.Errorf("aliases = %q", d.Aliases)
	}
}

func mustLookup(t *testing.T, db *DB, name string) int64 {
	t.Helper()
	es, err := db.LookupEntity(context.Background(), name)
	if err != nil || len(es) == 0 {
		t.Fatalf("lookup %q: %v %v", name, es, err)
	}
	return es[0].ID
}

func TestArticleRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	in := []*doc.Doc{build(t, strikeA), build(t, strikeB)}
	other := in[0].Events[0]
	other.ID, other.Status, other.Type, other.Cameo = "V9", doc.Hypothetical, "THREATEN", "138"
	in[0].OtherEvents = []doc.Event{other}
	in[1].Skipped = "test: skipped"
	put(t, db, in...)
	for _, want := range in {
		got, err := db.Article(ctx, want.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		d := got.Doc
		if !reflect.DeepEqual(d.Article, want.Article) {
			t.Errorf("article:\n%+v\n%+v", d.Article, want.Article)
		}
		for _, f := range []struct {
			name      string
			got, want any
		}{
			{"sentences", d.Sentences, want.Sentences},
			{"paragraphs", d.Paragraphs, want.Paragraphs},
			{"entities", d.Entities, want.Entities},
			{"timexes", d.Timexes, want.Timexes},
			{"quotes", d.Quotes, want.Quotes},
			{"events", d.Events, want.Events},
			{"other events", d.OtherEvents, want.OtherEvents},
			{"skipped", d.Skipped, want.Skipped},
		} {
			if !reflect.DeepEqual(f.got, f.want) {
				t.Errorf("%s %s:\n got %+v\nwant %+v", want.Article.ID, f.name, f.got, f.want)
			}
		}
		if len(got.EntityOf) != len(want.Entities) || len(got.EventOf) != len(want.Events) {
			t.Errorf("maps = %v %v", got.EntityOf, got.EventOf)
		}
	}
	if _, err := db.Article(ctx, "nope"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("missing article: %v", err)
	}
}

func TestEventFilters(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	put(t, db, build(t, strikeA), build(t, strikeB), build(t, deal))
	tests := []struct {
		name string
		f    store.EventFilter
		want []string // types, newest first
	}{
		{"all", store.EventFilter{}, []string{"ACCUSE", "ASSAULT", "SUPPORT", "AGREE"}},
		{"type", store.EventFilter{Type: "agree"}, []string{"AGREE"}},
		{"actor name", store.EventFilter{Actor: "Sudanese Armed Forces"}, []string{"ACCUSE", "ASSAULT"}},
		{"actor surname", store.EventFilter{Actor: "Dagalo"}, []string{"ACCUSE"}},
		{"actor code", store.EventFilter{Actor: "KEN"}, []string{"SUPPORT", "AGREE"}},
		{"unknown actor", store.EventFilter{Actor: "Nobody Atall"}, nil},
		{"from", store.EventFilter{From: "2025-03-05"}, []string{"ACCUSE", "ASSAULT"}},
		{"to", store.EventFilter{To: "2025-03-04"}, []string{"SUPPORT", "AGREE"}},
		{"range", store.EventFilter{From: "2025-03-05", To: "2025-03-06"}, []string{"ASSAULT"}},
		{"article", store.EventFilter{Article: "a1"}, []string{"ASSAULT"}},
		{"page", store.EventFilter{Page: store.Page{Limit: 2, Offset: 1}}, []string{"ASSAULT", "SUPPORT"}},
		{"by id", store.EventFilter{ByID: true, AfterID: 1}, []string{"ACCUSE", "AGREE", "SUPPORT"}},
		{"status", store.EventFilter{Status: doc.Denied}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := db.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, e.Type)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestQuotesSearchTimelineNetwork(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	put(t, db, build(t, strikeA), build(t, strikeB), build(t, deal))
	qs, err := db.Quotes(ctx, store.QuoteFilter{Speaker: "Dagalo"})
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs[0].Span.Text != "the strike was a crime" || qs[0].Speaker.Name != "Mohamed Hamdan Dagalo" {
		t.Errorf("quotes = %+v", qs)
	}
	hits, err := db.Search(ctx, store.SearchQuery{Text: "market"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || !strings.Contains(hits[0].Snippet, "[market]") {
		t.Errorf("search market = %+v", hits)
	}
	hits, err = db.Search(ctx, store.SearchQuery{Text: "crime", Kind: "quote"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Speaker != "Mohamed Hamdan Dagalo" || hits[0].Kind != "quote" {
		t.Errorf("search crime = %+v", hits)
	}
	if _, err := db.Search(ctx, store.SearchQuery{Text: `Kutum's "market`}); err != nil {
		t.Errorf("search with punctuation: %v", err)
	}
	tl, err := db.Timeline(ctx, store.TimelineFilter{From: "2025-03-04"})
	if err != nil {
		t.Fatal(err)
	}
	wantTL := []store.TimelinePoint{{Day: "2025-03-05", Type: "ASSAULT", Count: 1}, {Day: "2025-03-07", Type: "ACCUSE", Count: 1}}
	if !reflect.DeepEqual(tl, wantTL) {
		t.Errorf("timeline = %+v", tl)
	}
	edges, err := db.Network(ctx, store.NetworkFilter{Class: store.Conflict})
	if err != nil {
		t.Fatal(err)
	}
	if len(edges) != 2 {
		t.Fatalf("conflict edges = %+v", edges)
	}
	for _, e := range edges {
		if e.Class != store.Conflict || e.Count != 1 {
			t.Errorf("edge = %+v", e)
		}
	}
	edges, err = db.Network(ctx, store.NetworkFilter{Class: store.Cooperation})
	if err != nil || len(edges) != 2 {
		t.Errorf("cooperation edges = %+v %v", edges, err)
	}
}

func TestNearDuplicates(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	orig := strikeA
	rewrite := strikeA
	rewrite.id, rewrite.source, rewrite.pub = "a2", "copy.example", "2025-03-07"
	rewrite.body = strings.Replace(strikeA.body, "Local officials counted the dead through the night.",
		"Officials counted the dead.", 1)
	early := strikeA
	early.id, early.source, early.pub = "a0", "first.example", "2025-03-05"
	early.body = strings.Replace(strikeA.body, "Witnesses said", "Residents said", 1)
	put(t, db, build(t, orig))
	res, err := db.Put(ctx, []*doc.Doc{build(t, rewrite), build(t, deal)})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Duplicate != "a1" || res[1].Duplicate != "" {
		t.Errorf("results = %+v", res)
	}
	// An earlier rewrite arriving later becomes the original of all.
	put(t, db, build(t, early))
	for _, tt := range []struct{ id, dupOf string }{{"a0", ""}, {"a1", "a0"}, {"a2", "a0"}, {"c1", ""}} {
		a, err := db.Article(ctx, tt.id)
		if err != nil {
			t.Fatal(err)
		}
		if a.DuplicateOf != tt.dupOf {
			t.Errorf("%s duplicate_of = %q, want %q", tt.id, a.DuplicateOf, tt.dupOf)
		}
	}
	s, err := db.Stats(ctx)
	if err != nil || s.Duplicates != 2 {
		t.Errorf("duplicates = %d %v", s.Duplicates, err)
	}
}

func TestStories(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	put(t, db, build(t, strikeA), build(t, strikeB), build(t, deal))
	if err := db.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	a, _ := db.Article(ctx, "a1")
	b, _ := db.Article(ctx, "b1")
	c, _ := db.Article(ctx, "c1")
	if a.Story == 0 || a.Story != b.Story || c.Story == a.Story {
		t.Errorf("stories: a1=%d b1=%d c1=%d", a.Story, b.Story, c.Story)
	}
	sd, err := db.Story(ctx, a.Story)
	if err != nil {
		t.Fatal(err)
	}
	if sd.Articles != 2 || sd.Events != 2 || sd.First != "2025-03-06" || sd.Last != "2025-03-07" || len(sd.EventList) != 2 {
		t.Errorf("story = %+v", sd)
	}
	// A new article joins the story; clustering again keeps one story.
	more := strikeB
	more.id, more.source, more.pub = "b2", "third.example", "2025-03-08"
	more.body = "Sudanese Armed Forces aircraft returned to Kutum. Dagalo condemned the attack again. Nobody else spoke."
	more.events = []evSpec{{typ: "ACCUSE", cameo: "111", src: "Dagalo", tgt: "Sudanese Armed Forces", date: "2025-03-07", trigger: "condemned"}}
	more.quotes = nil
	more.ents = more.ents[:3]
	put(t, db, build(t, more))
	if err := db.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := db.Stories(ctx, store.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 2 || st[0].Articles != 3 || len(st[0].Top) == 0 {
		t.Errorf("stories = %+v", st)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := db.Version(ctx)
	if err != nil || v != SchemaVersion {
		t.Errorf("version = %d %v, want %d", v, err, SchemaVersion)
	}
	put(t, db, build(t, deal))
	db.Close()
	// Reopening migrates nothing and keeps the data.
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := db.Stats(ctx); s.Articles != 1 {
		t.Errorf("articles after reopen = %d", s.Articles)
	}
	if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Errorf("integrity = %q %v", ok, err)
	}
	db.Close()
	// A database from a newer program is refused.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
}

func TestBadDocumentDoesNotBlockBatch(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	bad := build(t, deal)
	bad.Article.ID = ""
	res, err := db.Put(ctx, []*doc.Doc{build(t, strikeA), bad, build(t, strikeB)})
	if err == nil {
		t.Error("no error for a document without ID")
	}
	if len(res) != 3 || !res[0].New || res[1].Err == nil || !res[2].New {
		t.Errorf("results = %+v", res)
	}
	if s, _ := db.Stats(ctx); s.Articles != 2 {
		t.Errorf("articles = %d", s.Articles)
	}
}
