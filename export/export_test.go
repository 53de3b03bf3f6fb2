package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/chronicle/chronicle/store"
)

// fakeReader serves Events from a slice; other Reader methods are unused.
type fakeReader struct {
	store.Reader
	events []store.Event
	calls  int
}

func (f *fakeReader) Events(_ context.Context, ef store.EventFilter) ([]store.Event, error) {
	f.calls++
	var out []store.Event
	for _, e := range f.events {
		if e.ID > ef.AfterID && (ef.Type == "" || e.Type == ef.Type) {
			out = append(out, e)
		}
		if len(out) == ef.Size() {
			break
		}
	}
	return out, nil
}

func intp(n int) *int { return &n }

func sample() []store.Event {
	added := time.Date(2025, 3, 7, 10, 11, 12, 0, time.UTC)
	return []store.Event{
		{ID: 1, Type: "ASSAULT", Cameo: "195", Root: "19", Quad: 4, Date: "2025-03-05", Status: "asserted",
			Source:     &store.EntityRef{ID: 3, Name: "Sudanese Armed Forces", Type: "ORG", Country: "SDN", Sector: "MIL"},
			Target:     &store.EntityRef{ID: 4, Name: "Kutum", Type: "GPE", Country: "SDN"},
			Location:   &store.EntityRef{ID: 4, Name: "Kutum", Type: "GPE", Country: "SDN"},
			Fatalities: intp(26), NumMentions: 3, NumSources: 2, NumArticles: 2,
			FirstArticle: "a1", FirstURL: "https://wire.example/a1", FirstSource: "wire.example",
			FirstSeen: time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC), Added: added},
		{ID: 2, Type: "REQUEST", Cameo: "1041", Root: "10", Quad: 3, Status: "asserted",
			Source:      &store.EntityRef{ID: 5, Name: "United\tNations", Type: "ORG", Country: "UNO", Sector: "IGO"},
			NumMentions: 1, NumSources: 1, NumArticles: 1, FirstArticle: "b1", FirstSource: "daily.example",
			FirstSeen: time.Date(2025, 3, 7, 0, 0, 0, 0, time.UTC), Added: added},
		{ID: 3, Type: "AID", NumMentions: 1, NumSources: 1, NumArticles: 1, FirstArticle: "c1"},
	}
}

func TestGDELT(t *testing.T) {
	var buf bytes.Buffer
	n, err := GDELT(&buf, All(context.Background(), &fakeReader{events: sample()}, store.EventFilter{}), true)
	if err != nil || n != 3 {
		t.Fatalf("wrote %d, %v", n, err)
	}
	r := csv.NewReader(&buf)
	r.Comma = '\t'
	r.LazyQuotes = true
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d lines", len(recs))
	}
	col := map[string]int{}
	for i, name := range recs[0] {
		col[name] = i
	}
	for i, rec := range recs {
		if len(rec) != 61 {
			t.Errorf("line %d has %d columns, want 61", i, len(rec))
		}
	}
	tests := []struct {
		row    int
		column string
		want   string
	}{
		{1, "GLOBALEVENTID", "1"},
		{1, "SQLDATE", "20250305"},
		{1, "MonthYear", "202503"},
		{1, "Year", "2025"},
		{1, "FractionDate", "2025.1753"},
		{1, "Actor1Code", "SDNMIL"},
		{1, "Actor1Name", "Sudanese Armed Forces"},
		{1, "Actor1CountryCode", "SDN"},
		{1, "Actor1Type1Code", "MIL"},
		{1, "Actor2Name", "Kutum"},
		{1, "EventCode", "195"},
		{1, "EventBaseCode", "195"},
		{1, "EventRootCode", "19"},
		{1, "QuadClass", "4"},
		{1, "GoldsteinScale", ""},
		{1, "NumMentions", "3"},
		{1, "NumSources", "2"},
		{1, "NumArticles", "2"},
		{1, "ActionGeo_FullName", "Kutum"},
		{1, "DATEADDED", "20250307101112"},
		{1, "SOURCEURL", "https://wire.example/a1"},
		{2, "SQLDATE", "20250307"}, // undated: first report's day
		{2, "Actor1Name", "United Nations"},
		{2, "Actor1CountryCode", ""},
		{2, "Actor1KnownGroupCode", "UNO"},
		{2, "Actor2Name", ""},
		{2, "EventCode", "1041"},
		{2, "EventBaseCode", "104"},
		{2, "EventRootCode", "10"},
		{2, "SOURCEURL", "daily.example"},
		{3, "SOURCEURL", "c1"}, // neither URL nor outlet: the article
	}
	for _, tt := range tests {
		i, ok := col[tt.column]
		if !ok {
			t.Fatalf("no column %s", tt.column)
		}
		if got := recs[tt.row][i]; got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.column, got, tt.want)
		}
	}
	if col["SOURCEURL"] != 60 || col["ActionGeo_FullName"] != 52 || col["NumMentions"] != 31 {
		t.Errorf("column positions differ from GDELT 2.0: %v", col)
	}
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	n, err := JSONL(&buf, All(context.Background(), &fakeReader{events: sample()}, store.EventFilter{}))
	if err != nil || n != 3 {
		t.Fatalf("wrote %d, %v", n, err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines", len(lines))
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatal(err)
	}
	if got["type"] != "ASSAULT" || got["class"] != "conflict" || got["num_sources"] != 2.0 || got["fatalities"] != 26.0 {
		t.Errorf("record = %v", got)
	}
	if src, _ := got["source"].(map[string]any); src["name"] != "Sudanese Armed Forces" {
		t.Errorf("source = %v", got["source"])
	}
}

func TestParquetReadsBack(t *testing.T) {
	var buf bytes.Buffer
	events := sample()
	n, err := Parquet(&buf, All(context.Background(), &fakeReader{events: events}, store.EventFilter{}))
	if err != nil || n != 3 {
		t.Fatalf("wrote %d, %v", n, err)
	}
	rows, err := parquet.Read[Row](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []Row{rowOf(&events[0]), rowOf(&events[1]), rowOf(&events[2])}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("read back:\n%+v\nwant\n%+v", rows, want)
	}
	if rows[0].SourceName != "Sudanese Armed Forces" || *rows[0].Fatalities != 26 || rows[1].Fatalities != nil || rows[1].Date != "" {
		t.Errorf("rows = %+v", rows)
	}
}

func TestAllPages(t *testing.T) {
	var evs []store.Event
	for i := 1; i <= 2*batch+5; i++ {
		evs = append(evs, store.Event{ID: int64(i * 2), Type: "AID"})
	}
	r := &fakeReader{events: evs}
	var last int64
	n := 0
	for e, err := range All(context.Background(), r, store.EventFilter{Page: store.Page{Limit: 3}}) {
		if err != nil {
			t.Fatal(err)
		}
		if e.ID <= last {
			t.Fatalf("out of order: %d after %d", e.ID, last)
		}
		last = e.ID
		n++
	}
	if n != len(evs) || r.calls != 3 {
		t.Errorf("got %d events in %d queries, want %d in 3", n, r.calls, len(evs))
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if _, err := Write(&bytes.Buffer{}, "xml", All(context.Background(), &fakeReader{}, store.EventFilter{}), false); err == nil {
		t.Error("no error for xml")
	}
}
