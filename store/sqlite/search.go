package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/chronicle/chronicle/store"
)

// Search runs q over article titles and bodies and over quotes with FTS5,
// best match (lowest bm25) first. A query FTS5 cannot parse is retried with
// each word quoted, so punctuation typed by a user is never an error.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.SearchHit, error) {
	text := strings.TrimSpace(q.Text)
	if text == "" {
		return nil, nil
	}
	hits, err := db.search(ctx, text, q)
	if err != nil && strings.Contains(err.Error(), "fts5") || err != nil && strings.Contains(err.Error(), "syntax") {
		hits, err = db.search(ctx, quoteWords(text), q)
	}
	return hits, err
}

func (db *DB) search(ctx context.Context, text string, q store.SearchQuery) ([]store.SearchHit, error) {
	n := q.Size() + max(q.Offset, 0)
	var hits []store.SearchHit
	if q.Kind == "" || q.Kind == "article" {
		h, err := db.searchArticles(ctx, text, n)
		if err != nil {
			return nil, err
		}
		hits = append(hits, h...)
	}
	if q.Kind == "" || q.Kind == "quote" {
		h, err := db.searchQuotes(ctx, text, n)
		if err != nil {
			return nil, err
		}
		hits = append(hits, h...)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Rank < hits[j].Rank })
	lo := min(max(q.Offset, 0), len(hits))
	hi := min(lo+q.Size(), len(hits))
	return hits[lo:hi], nil
}

func (db *DB) searchArticles(ctx context.Context, text string, n int) ([]store.SearchHit, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT a.aid, a.title, a.source, a.published,
		snippet(article_fts, 1, '[', ']', '…', 16), bm25(article_fts)
		FROM article_fts JOIN articles a ON a.id = article_fts.rowid
		WHERE article_fts MATCH ? ORDER BY bm25(article_fts) LIMIT ?`, text, n)
	if err != nil {
		return nil, fmt.Errorf("search articles: %w", err)
	}
	defer rows.Close()
	var out []store.SearchHit
	for rows.Next() {
		h := store.SearchHit{Kind: "article"}
		var pub string
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.Source, &pub, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search articles: %w", err)
		}
		h.Published = parseDay(pub)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search articles: %w", err)
	}
	return out, nil
}

func (db *DB) searchQuotes(ctx context.Context, text string, n int) ([]store.SearchHit, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT a.aid, q.id, a.title, a.source, q.published, coalesce(s.name, ''),
		snippet(quote_fts, 0, '[', ']', '…', 16), bm25(quote_fts)
		FROM quote_fts JOIN quotes q ON q.id = quote_fts.rowid JOIN articles a ON a.id = q.article
		LEFT JOIN entities s ON s.id = q.speaker
		WHERE quote_fts MATCH ? ORDER BY bm25(quote_fts) LIMIT ?`, text, n)
	if err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	defer rows.Close()
	var out []store.SearchHit
	for rows.Next() {
		h := store.SearchHit{Kind: "quote"}
		var pub string
		if err := rows.Scan(&h.ArticleID, &h.QuoteID, &h.Title, &h.Source, &pub, &h.Speaker, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("search quotes: %w", err)
		}
		h.Published = parseDay(pub)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search quotes: %w", err)
	}
	return out, nil
}

// quoteWords turns free text into an FTS5 query of its words, each quoted.
func quoteWords(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	if len(words) == 0 {
		return `""`
	}
	return strings.Join(words, " ")
}

// Timeline counts merged events per day and type from the running counts
// kept at ingest.
func (db *DB) Timeline(ctx context.Context, f store.TimelineFilter) ([]store.TimelinePoint, error) {
	var q query
	if f.Type != "" {
		q.add(`type = ?`, strings.ToUpper(f.Type))
	}
	if f.From != "" {
		q.add(`day >= ?`, f.From)
	}
	if f.To != "" {
		q.add(`day <= ?`, f.To)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT day, type, n FROM daily`+q.clause()+` ORDER BY day, type`, q.args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	var out []store.TimelinePoint
	for rows.Next() {
		var p store.TimelinePoint
		if err := rows.Scan(&p.Day, &p.Type, &p.Count); err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return out, nil
}

// Network returns actor-to-actor edges from the running counts kept at
// ingest, heaviest first.
func (db *DB) Network(ctx context.Context, f store.NetworkFilter) ([]store.Edge, error) {
	var q query
	if f.ActorID != 0 {
		q.add(`(g.source = ? OR g.target = ?)`, f.ActorID, f.ActorID)
	}
	if f.Type != "" {
		q.add(`g.type = ?`, strings.ToUpper(f.Type))
	}
	if types := store.TypesOf(f.Class); len(types) > 0 {
		args := make([]any, len(types))
		for i, t := range types {
			args[i] = t
		}
		q.add(`g.type IN (`+placeholders(len(types))+`)`, args...)
	}
	if f.MinCount > 1 {
		q.add(`g.n >= ?`, f.MinCount)
	}
	sqlText := `SELECT g.type, g.n, s.id, s.name, s.type, s.country, s.sector, t.id, t.name, t.type, t.country, t.sector
		FROM edges g JOIN entities s ON s.id = g.source JOIN entities t ON t.id = g.target` +
		q.clause() + ` ORDER BY g.n DESC` + q.page(f.Page)
	rows, err := db.r.QueryContext(ctx, sqlText, q.args...)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	defer rows.Close()
	var out []store.Edge
	for rows.Next() {
		var e store.Edge
		if err := rows.Scan(&e.Type, &e.Count, &e.Source.ID, &e.Source.Name, &e.Source.Type, &e.Source.Country, &e.Source.Sector,
			&e.Target.ID, &e.Target.Name, &e.Target.Type, &e.Target.Country, &e.Target.Sector); err != nil {
			return nil, fmt.Errorf("network: %w", err)
		}
		e.Class = store.Class(store.QuadClass("", e.Type))
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	return out, nil
}
