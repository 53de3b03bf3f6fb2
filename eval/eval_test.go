package eval

import (
	"encoding/json"
	"testing"

	"github.com/chronicle/chronicle/doc"
)

func sp(s string) *string { return &s }

func testArticle() *article {
	g := &Gold{Entities: []GoldEntity{
		{Name: "Iran", Type: doc.GPE, Country: sp("IRN"), Mentions: []string{"Iran", "Tehran"}},
		{Name: "United States", Type: doc.GPE, Country: sp("USA"), Mentions: []string{"US", "Washington"}},
		{Name: "Mike Pompeo", Type: doc.PERSON, Country: sp("USA"), Mentions: []string{"Mike Pompeo", "Pompeo"}},
		{Name: "US Department of State", Type: doc.ORG, Country: sp("USA"), Mentions: []string{"US Department of State"}},
	}}
	return &article{name: "t", gold: g, doc: &doc.Doc{}}
}

func ent(name, typ, country string, mentions ...string) *doc.Entity {
	e := &doc.Entity{Name: name, Type: typ, Country: country}
	for _, m := range append([]string{name}, mentions...) {
		e.Mentions = append(e.Mentions, doc.Mention{Span: doc.Span{Text: m}})
	}
	return e
}

func TestActorMatches(t *testing.T) {
	a := testArticle()
	tests := []struct {
		name string
		gold goldActor
		e    *doc.Entity
		want bool
	}{
		{"null gold matches anything", goldActor{}, nil, true},
		{"null gold matches an entity", goldActor{}, ent("Iran", doc.GPE, "IRN"), true},
		{"named gold needs an entity", goldActor{names: Names{"Iran"}}, nil, false},
		{"state by its capital", goldActor{names: Names{"Iran"}, country: "IRN"}, ent("Tehran", doc.GPE, "IRN"), true},
		{"state by any entity of its country", goldActor{names: Names{"Iran"}}, ent("Iranian government", doc.ORG, "IRN"), true},
		{"state not by another country", goldActor{names: Names{"Iran"}}, ent("Iraq", doc.GPE, "IRQ"), false},
		{"person by last name in a mention", goldActor{names: Names{"Mike Pompeo"}, country: "USA"}, ent("Secretary Pompeo", doc.PERSON, "USA", "Pompeo"), true},
		{"person by the country-level entity", goldActor{names: Names{"Mike Pompeo"}, country: "USA"}, ent("United States", doc.GPE, "USA"), true},
		{"person never by another person of the country", goldActor{names: Names{"Mike Pompeo"}, country: "USA"}, ent("Donald Trump", doc.PERSON, "USA"), false},
		{"person never by a body of the country", goldActor{names: Names{"Mike Pompeo"}, country: "USA"}, ent("US Department of State", doc.ORG, "USA"), false},
		{"last word of one acceptable name", goldActor{names: Names{"Morgan Ortagus", "US Department of State"}}, ent("State Department", doc.ORG, "USA"), true},
		{"not by a word other than the last", goldActor{names: Names{"US Department of State"}}, ent("Department of Justice", doc.ORG, "USA"), false},
		{"country only", goldActor{country: "USA"}, ent("Pentagon", doc.ORG, "USA"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.actorMatches(tt.gold, tt.e); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSpeakerMatches(t *testing.T) {
	a := testArticle()
	q := GoldQuote{Speaker: Names{"Morgan Ortagus", "US Department of State"}, SpeakerCountry: sp("USA")}
	if !a.speakerMatches(q, ent("Morgan Ortagus", doc.PERSON, "USA")) {
		t.Error("the spokesperson by name")
	}
	if !a.speakerMatches(q, ent("State Department", doc.ORG, "USA")) {
		t.Error("a speaking body by country")
	}
	if a.speakerMatches(GoldQuote{Speaker: Names{"Mike Pompeo"}, SpeakerCountry: sp("USA")}, ent("Donald Trump", doc.PERSON, "USA")) {
		t.Error("a person by another person of the country")
	}
}

func TestNormQuote(t *testing.T) {
	if normQuote("“This is NOT a   Warning,” he said") != normQuote(`this is not a warning, he said`) {
		t.Error("marks, case and space are not folded")
	}
}

func TestBipartiteBeatsGreedy(t *testing.T) {
	// Gold 0 may take 0 or 1; gold 1 only 0. Greedy would give gold 0 the
	// system item 0 and leave gold 1 unmatched.
	ok := func(i, j int) bool { return i == 0 || j == 0 }
	m := bipartite(2, 2, ok)
	if m[0] != 1 || m[1] != 0 {
		t.Errorf("matching %v, want [1 0]", m)
	}
}

func TestLocateRepeatedTimexes(t *testing.T) {
	body := "He spoke today. She spoke today too, on 1 January, not todays."
	spans := locate(body, []GoldTimex{{Text: "today"}, {Text: "1 January"}, {Text: "absent"}})
	if len(spans[0]) != 2 || spans[0][0].Start != 9 || spans[0][1].Start != 26 || spans[1][0].Start != 40 || len(spans[2]) != 0 {
		t.Errorf("spans %+v", spans)
	}
}

func TestScoreTimexesAnyOccurrence(t *testing.T) {
	body := "In August talks began; in August 2019 they failed."
	d := &doc.Doc{Article: doc.Article{Body: body}, Timexes: []doc.Timex{
		{Span: doc.Span{Start: 3, End: 9, Text: "August"}, Type: "DATE", Value: "2020-08"},
		{Span: doc.Span{Start: 26, End: 37, Text: "August 2019"}, Type: "DATE", Value: "2019-08"},
	}}
	g := &Gold{Timexes: []GoldTimex{{Text: "August 2019", Value: "2019-08"}, {Text: "August", Value: "2020-08"}}}
	s := &Scores{}
	(&article{name: "t", gold: g, doc: d}).scoreTimexes(s)
	if s.Timexes.TP != 2 || s.TimexValues.TP != 2 || s.Timexes.System != 2 {
		t.Errorf("timexes %+v values %+v", s.Timexes, s.TimexValues)
	}
}

func TestScoreEvents(t *testing.T) {
	body := "Rebels attacked the town. Police arrested two men."
	d := &doc.Doc{Article: doc.Article{Body: body},
		Sentences: []doc.Sentence{{Start: 0, End: 25}, {Start: 26, End: len(body)}},
		Entities:  []doc.Entity{*ent("rebels", doc.GROUP, "SDN"), *ent("police", doc.GROUP, "SDN")}}
	d.Entities[0].ID, d.Entities[1].ID = "E1", "E2"
	d.Events = []doc.Event{
		{Type: "ASSAULT", Source: "E1", Trigger: doc.Span{Start: 7, End: 15, Text: "attacked"}, Sentence: 0},
		{Type: "ASSAULT", Source: "E1", Trigger: doc.Span{Start: 7, End: 15, Text: "attacked"}, Sentence: 0},
		{Type: "COERCE", Source: "E2", Trigger: doc.Span{Start: 33, End: 41, Text: "arrested"}, Sentence: 1},
	}
	var g Gold
	if err := json.Unmarshal([]byte(`{"events":[
		{"type":["ASSAULT"],"source":"rebels","evidence":"Rebels attacked the town"},
		{"type":["COERCE"],"source":"police","evidence":"Police arrested","optional":true}]}`), &g); err != nil {
		t.Fatal(err)
	}
	a := &article{name: "t", gold: &g, doc: d}
	s := &Scores{}
	a.scoreEvents(s)
	// The repeated attack is a false positive; the arrest matches an
	// optional item and counts neither way.
	if s.Events.Gold != 1 || s.Events.TP != 1 || s.Events.System != 2 {
		t.Errorf("events %+v, want gold 1, matched 1, system 2", s.Events)
	}
}
