package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/store"
)

// The query benchmark runs on a synthetic store of a million merged events,
// inserted directly (building it through Put would take the analysis out of
// the picture anyway). The file is kept in the temp directory between runs.
const (
	benchEvents   = 1_000_000
	benchArticles = 100_000
	benchEntities = 20_000
	benchQuotes   = 200_000
)

var benchTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

var benchRoots = []string{"03", "04", "05", "08", "06", "07", "08", "10", "11", "12", "13", "14", "16", "15", "17", "19"}

var benchCountries = []string{"USA", "IRN", "IRQ", "ISR", "SDN", "UKR", "RUS", "CHN", "FRA", "KEN", "TCD", "SAU", "GBR", "DEU", "TUR", "SYR", "PHL", "GEO", "UNO", "EU"}

// benchDB opens (building on first use) the million-event store.
func benchDB(b *testing.B) *DB {
	b.Helper()
	ctx := context.Background()
	// Open migrates a file left by an older schema.
	path := filepath.Join(os.TempDir(), "chronicle-bench-1m-v1.db")
	if _, err := os.Stat(path); err == nil {
		db, err := Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		return db
	}
	tmp := path + ".building"
	os.Remove(tmp)
	db, err := Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := fillBench(ctx, db); err != nil {
		b.Fatal(err)
	}
	db.Checkpoint(ctx)
	db.Close()
	b.Logf("built %s in %v", path, time.Since(start))
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	db, err = Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	return db
}

func fillBench(ctx context.Context, db *DB) error {
	r := rand.New(rand.NewPCG(1, 2))
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	dayOf := func(n int) string { return day0.AddDate(0, 0, n).Format("2006-01-02") }
	exec := func(q string, rows int, args func(i int) []any) error {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		for i := 1; i <= rows; i++ {
			if _, err := st.ExecContext(ctx, args(i)...); err != nil {
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		return nil
	}
	if err := exec(`INSERT INTO entities (id, name, norm, type, country, sector, n_articles, n_mentions) VALUES (?,?,?,?,?,?,?,?)`,
		benchEntities, func(i int) []any {
			name := fmt.Sprintf("Person%d Family%d", i, i%5000)
			typ := doc.PERSON
			if i <= len(benchCountries) {
				name, typ = "Country "+benchCountries[i-1], doc.GPE
			}
			return []any{i, name, norm(name), typ, benchCountries[i%len(benchCountries)], "GOV", 1 + benchEntities/i, 1 + 10*benchEntities/i}
		}); err != nil {
		return err
	}
	if err := exec(`INSERT INTO aliases (norm, entity, alias, kind) VALUES (?,?,?,'name')`, benchEntities, func(i int) []any {
		n := fmt.Sprintf("person%d family%d", i, i%5000)
		if i <= len(benchCountries) {
			n = norm("Country " + benchCountries[i-1])
		}
		return []any{n, i, n}
	}); err != nil {
		return err
	}
	if err := exec(`INSERT INTO articles (id, aid, source, published, title, body, added) VALUES (?,?,?,?,?,?,?)`,
		benchArticles, func(i int) []any {
			return []any{i, fmt.Sprintf("art%07d", i), fmt.Sprintf("outlet%d.example", i%300), dayOf(i * 730 / benchArticles), "t", "b", "2025-01-01T00:00:00Z"}
		}); err != nil {
		return err
	}
	// Actors follow a heavy-tailed law: a few appear in many events.
	actor := func() int64 { return int64(1 + int(float64(benchEntities)*r.Float64()*r.Float64()*r.Float64())) }
	if err := exec(`INSERT INTO events (id, type, cameo, root, quad, source, target, location, date, status,
		num_mentions, num_sources, num_articles, first_article, first_published, added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		benchEvents, func(i int) []any {
			t := r.IntN(len(benchTypes))
			art := 1 + r.IntN(benchArticles)
			date := ""
			if r.IntN(10) > 0 {
				date = dayOf(art*730/benchArticles - r.IntN(3))
			}
			return []any{i, benchTypes[t], benchRoots[t] + "0", benchRoots[t], store.QuadClass(benchRoots[t], benchTypes[t]),
				actor(), actor(), 0, date, "asserted", 1 + r.IntN(5), 1 + r.IntN(3), 1 + r.IntN(4), art, dayOf(art * 730 / benchArticles), "2025-01-01T00:00:00Z"}
		}); err != nil {
		return err
	}
	if err := exec(`INSERT INTO quotes (id, article, ord, start, end, text, speaker, kind, published) VALUES (?,?,0,0,10,?,?,'direct',?)`,
		benchQuotes, func(i int) []any {
			art := 1 + r.IntN(benchArticles)
			return []any{i, art, fmt.Sprintf("we will talk about topic%d and the ceasefire number %d", i%1000, i), actor(), dayOf(art * 730 / benchArticles)}
		}); err != nil {
		return err
	}
	for _, q := range []string{
		`INSERT INTO quote_fts (quote_fts) VALUES ('rebuild')`,
		`INSERT INTO article_fts (article_fts) VALUES ('rebuild')`,
		`INSERT INTO daily (day, type, n) SELECT date, type, count(*) FROM events WHERE date <> '' GROUP BY date, type`,
		`INSERT INTO edges (source, target, type, n) SELECT source, target, type, count(*) FROM events WHERE source <> 0 AND target <> 0 GROUP BY source, target, type`,
		`UPDATE entities SET n_source = (SELECT count(*) FROM events WHERE source = entities.id), n_target = (SELECT count(*) FROM events WHERE target = entities.id)`,
		`ANALYZE`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return tx.Commit()
}

// BenchmarkQuery measures each read method on a million events. Every
// sub-benchmark's ns/op is one query answered.
func BenchmarkQuery(b *testing.B) {
	db := benchDB(b)
	defer db.Close()
	ctx := context.Background()
	rare := "Person3001 Family3001"
	common := "Country IRN"
	cases := []struct {
		name string
		run  func() (int, error)
	}{
		{"events/latest", func() (int, error) { e, err := db.Events(ctx, store.EventFilter{}); return len(e), err }},
		{"events/type", func() (int, error) {
			e, err := db.Events(ctx, store.EventFilter{Type: "ASSAULT"})
			return len(e), err
		}},
		{"events/type+range", func() (int, error) {
			e, err := db.Events(ctx, store.EventFilter{Type: "PROTEST", From: "2024-06-01", To: "2024-06-30"})
			return len(e), err
		}},
		{"events/actor-common", func() (int, error) {
			e, err := db.Events(ctx, store.EventFilter{Actor: common})
			return len(e), err
		}},
		{"events/actor-rare", func() (int, error) {
			e, err := db.Events(ctx, store.EventFilter{Actor: rare})
			return len(e), err
		}},
		{"events/actor-code", func() (int, error) {
			e, err := db.Events(ctx, store.EventFilter{Actor: "SDN", Type: "ASSAULT"})
			return len(e), err
		}},
		{"events/actor+type+range", func() (int, error) {
			e, err := db.Events(ctx, store.EventFilter{Actor: common, Type: "ACCUSE", From: "2024-03-01", To: "2024-09-30"})
			return len(e), err
		}},
		{"events/page-100", func() (int, error) {
			e, err := db.Events(ctx, store.EventFilter{Page: store.Page{Limit: 50, Offset: 5000}})
			return len(e), err
		}},
		{"event/one", func() (int, error) {
			e, err := db.Event(ctx, 777_777)
			return len(e.Evidence) + 1, err
		}},
		{"entity/lookup", func() (int, error) { e, err := db.LookupEntity(ctx, rare); return len(e), err }},
		{"entity/detail", func() (int, error) {
			e, err := db.Entity(ctx, 5)
			return len(e.AsSource), err
		}},
		{"entities/list", func() (int, error) { e, err := db.Entities(ctx, store.EntityFilter{}); return len(e), err }},
		{"quotes/speaker", func() (int, error) {
			q, err := db.Quotes(ctx, store.QuoteFilter{Speaker: rare})
			return len(q) + 1, err
		}},
		{"search/quotes", func() (int, error) {
			h, err := db.Search(ctx, store.SearchQuery{Text: "topic123 ceasefire", Kind: "quote"})
			return len(h), err
		}},
		{"timeline/month", func() (int, error) {
			p, err := db.Timeline(ctx, store.TimelineFilter{From: "2024-05-01", To: "2024-05-31"})
			return len(p), err
		}},
		{"network/conflict", func() (int, error) {
			e, err := db.Network(ctx, store.NetworkFilter{Class: store.Conflict})
			return len(e), err
		}},
		{"network/actor", func() (int, error) {
			e, err := db.Network(ctx, store.NetworkFilter{ActorID: 3})
			return len(e), err
		}},
		{"stats", func() (int, error) { s, err := db.Stats(ctx); return s.Events, err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				n, err := c.run()
				if err != nil {
					b.Fatal(err)
				}
				if n == 0 {
					b.Fatal("no results")
				}
			}
		})
	}
}

// BenchmarkPut measures storing analysed documents alone (no analysis),
// in batches of 64 like ingest.
func BenchmarkPut(b *testing.B) {
	db := open(b)
	ctx := context.Background()
	var batch []*doc.Doc
	i := 0
	for b.Loop() {
		batch = append(batch, killDoc(b, i))
		i++
		if len(batch) == 64 {
			if _, err := db.Put(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if _, err := db.Put(ctx, batch); err != nil {
		b.Fatal(err)
	}
}
