package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/chronicle/chronicle/store"
)

// storyWindow is how many days apart two articles sharing salient entities
// may be published and still be linked into one story.
const storyWindow = 3

// salientPerArticle is how many of an article's most mentioned named
// people, organisations and facilities take part in linking. Unnamed
// groups ("protesters") and lower-case descriptions ("officials") are
// left out: they are shared by unrelated articles.
const salientPerArticle = 5

// Cluster recomputes stories around the articles that have none yet.
//
// Stories are the connected components (union-find) of a graph over
// articles whose edges are: an article and the original it is a
// near-duplicate of; two articles that report the same merged event; and
// two articles published at most storyWindow days apart that share a pair
// of salient entities (two of their most mentioned named people,
// organisations or facilities).
// For the last kind, the articles holding one pair are sorted by date and
// each is linked to the next, which keeps the work linear in the corpus.
//
// Only the days touched by new articles — widened to the full extent of
// every story already there — are recomputed, in one transaction.
func (db *DB) Cluster(ctx context.Context) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	defer tx.Rollback()
	lo, hi, ok, err := clusterRange(ctx, tx)
	if err != nil || !ok {
		return err
	}
	g, err := loadGraph(ctx, tx, lo, hi)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	if err := g.save(ctx, tx, lo, hi); err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cluster: commit: %w", err)
	}
	return nil
}

// clusterRange returns the publication days to recompute.
func clusterRange(ctx context.Context, tx *sql.Tx) (lo, hi string, ok bool, err error) {
	var l, h sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT min(published), max(published) FROM articles WHERE story IS NULL`).Scan(&l, &h)
	if err != nil {
		return "", "", false, fmt.Errorf("cluster range: %w", err)
	}
	if !l.Valid {
		return "", "", false, nil
	}
	lo, hi = shiftDay(l.String, -storyWindow), shiftDay(h.String, storyWindow)
	err = tx.QueryRowContext(ctx, `SELECT coalesce(min(first), ?), coalesce(max(last), ?) FROM stories
		WHERE id IN (SELECT DISTINCT story FROM articles WHERE published BETWEEN ? AND ? AND story IS NOT NULL)`,
		lo, hi, lo, hi).Scan(&l, &h)
	if err != nil {
		return "", "", false, fmt.Errorf("cluster range: %w", err)
	}
	return min(lo, l.String), max(hi, h.String), true, nil
}

// graph is the union-find over the articles of a date range.
type graph struct {
	ids    []int64 // article row IDs, by publication then ID
	index  map[int64]int
	pub    []string
	title  []string
	dup    []bool
	parent []int
	events map[int64][]int // merged event → article indexes
}

func (g *graph) find(i int) int {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

func (g *graph) union(i, j int) {
	a, b := g.find(i), g.find(j)
	if a == b {
		return
	}
	if b < a { // the earliest article is the root
		a, b = b, a
	}
	g.parent[b] = a
}

func loadGraph(ctx context.Context, tx *sql.Tx, lo, hi string) (*graph, error) {
	g := &graph{index: map[int64]int{}, events: map[int64][]int{}}
	rows, err := tx.QueryContext(ctx, `SELECT id, published, title, duplicate_of FROM articles
		WHERE published BETWEEN ? AND ? ORDER BY published, id`, lo, hi)
	if err != nil {
		return nil, err
	}
	var dups [][2]int64
	for rows.Next() {
		var id int64
		var pub, title string
		var dup sql.NullInt64
		if err := rows.Scan(&id, &pub, &title, &dup); err != nil {
			rows.Close()
			return nil, err
		}
		g.index[id] = len(g.ids)
		g.ids = append(g.ids, id)
		g.pub = append(g.pub, pub)
		g.title = append(g.title, title)
		g.dup = append(g.dup, dup.Valid)
		g.parent = append(g.parent, len(g.parent))
		if dup.Valid {
			dups = append(dups, [2]int64{id, dup.Int64})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, d := range dups {
		if j, ok := g.index[d[1]]; ok {
			g.union(g.index[d[0]], j)
		}
	}
	if err := g.linkEvents(ctx, tx, lo, hi); err != nil {
		return nil, err
	}
	if err := g.linkEntities(ctx, tx, lo, hi); err != nil {
		return nil, err
	}
	return g, nil
}

func (g *graph) linkEvents(ctx context.Context, tx *sql.Tx, lo, hi string) error {
	rows, err := tx.QueryContext(ctx, `SELECT v.event, v.article FROM evidence v JOIN articles a ON a.id = v.article
		WHERE a.published BETWEEN ? AND ? AND v.other = 0`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ev, art int64
		if err := rows.Scan(&ev, &art); err != nil {
			return err
		}
		i := g.index[art]
		if list := g.events[ev]; len(list) > 0 {
			g.union(list[0], i)
			if list[len(list)-1] == i {
				continue
			}
		}
		g.events[ev] = append(g.events[ev], i)
	}
	return rows.Err()
}

func (g *graph) linkEntities(ctx context.Context, tx *sql.Tx, lo, hi string) error {
	rows, err := tx.QueryContext(ctx, `SELECT e.article, e.entity, length(e.mentions) FROM article_entities e
		JOIN articles a ON a.id = e.article
		WHERE a.published BETWEEN ? AND ? AND e.type IN ('PERSON', 'ORG', 'FAC') AND e.name <> lower(e.name)
		ORDER BY a.published, a.id`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	type ent struct {
		id     int64
		weight int
	}
	pairs := map[[2]int64][]int{}
	flush := func(art int, es []ent) {
		sort.Slice(es, func(i, j int) bool { return es[i].weight > es[j].weight })
		es = es[:min(len(es), salientPerArticle)]
		for i := range es {
			for j := i + 1; j < len(es); j++ {
				a, b := es[i].id, es[j].id
				if a == b {
					continue
				}
				if b < a {
					a, b = b, a
				}
				k := [2]int64{a, b}
				list := pairs[k]
				if n := len(list); n > 0 && list[n-1] == art {
					continue
				}
				pairs[k] = append(list, art)
			}
		}
	}
	cur := -1
	var es []ent
	for rows.Next() {
		var art, id int64
		var w int
		if err := rows.Scan(&art, &id, &w); err != nil {
			return err
		}
		i := g.index[art]
		if i != cur && cur >= 0 {
			flush(cur, es)
			es = es[:0]
		}
		cur = i
		es = append(es, ent{id, w})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if cur >= 0 {
		flush(cur, es)
	}
	for _, list := range pairs {
		for k := 1; k < len(list); k++ {
			a, b := list[k-1], list[k]
			if shiftDay(g.pub[a], storyWindow) >= g.pub[b] {
				g.union(a, b)
			}
		}
	}
	return nil
}

// save replaces the stories of the range by the graph's components.
func (g *graph) save(ctx context.Context, tx *sql.Tx, lo, hi string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id IN
		(SELECT DISTINCT story FROM articles WHERE published BETWEEN ? AND ? AND story IS NOT NULL)`, lo, hi); err != nil {
		return err
	}
	type comp struct {
		first, last, title string
		lead               int // the earliest original article
		articles           int
		events             map[int64]bool
		id                 int64
	}
	comps := map[int]*comp{}
	for i := range g.ids {
		r := g.find(i)
		c := comps[r]
		if c == nil {
			c = &comp{first: g.pub[i], lead: -1, events: map[int64]bool{}}
			comps[r] = c
		}
		c.last = max(c.last, g.pub[i])
		c.articles++
		if c.lead < 0 && !g.dup[i] {
			c.lead, c.title = i, g.title[i]
		}
	}
	for ev, list := range g.events {
		comps[g.find(list[0])].events[ev] = true
	}
	insert, err := tx.PrepareContext(ctx, `INSERT INTO stories (title, first, last, n_articles, n_events) VALUES (?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer insert.Close()
	roots := make([]int, 0, len(comps))
	for r := range comps {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	for _, r := range roots {
		c := comps[r]
		if c.title == "" {
			// Untitled inputs (dated text): the story is named by the
			// opening words of its first article.
			lead := c.lead
			if lead < 0 {
				lead = r
			}
			if c.title, err = opening(ctx, tx, g.ids[lead]); err != nil {
				return err
			}
		}
		res, err := insert.ExecContext(ctx, c.title, c.first, c.last, c.articles, len(c.events))
		if err != nil {
			return err
		}
		if c.id, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	setArticle, err := tx.PrepareContext(ctx, `UPDATE articles SET story = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer setArticle.Close()
	for i, id := range g.ids {
		if _, err := setArticle.ExecContext(ctx, comps[g.find(i)].id, id); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE events SET story = (SELECT a.story FROM articles a WHERE a.id = events.first_article)
		WHERE first_article IN (SELECT id FROM articles WHERE published BETWEEN ? AND ?)`, lo, hi)
	return err
}

// opening returns the first words of an article's body, cut at a word.
func opening(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var s string
	if err := tx.QueryRowContext(ctx, `SELECT substr(body, 1, 100) FROM articles WHERE id = ?`, id).Scan(&s); err != nil {
		return "", err
	}
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) >= 100 {
		if i := strings.LastIndexByte(s, ' '); i > 40 {
			s = s[:i]
		}
		s += "…"
	}
	return s, nil
}

const storyColumns = `id, title, first, last, n_articles, n_events FROM stories`

// Stories lists stories, latest first.
func (db *DB) Stories(ctx context.Context, f store.StoryFilter) ([]store.Story, error) {
	var q query
	if f.From != "" {
		q.add(`last >= ?`, f.From)
	}
	if f.To != "" {
		q.add(`first <= ?`, f.To)
	}
	if f.EntityID != 0 {
		q.add(`id IN (SELECT a.story FROM article_entities e JOIN articles a ON a.id = e.article WHERE e.entity = ?)`, f.EntityID)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT `+storyColumns+q.clause()+` ORDER BY last DESC, n_articles DESC, id`+q.page(f.Page), q.args...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	var out []store.Story
	for rows.Next() {
		var s store.Story
		if err := rows.Scan(&s.ID, &s.Title, &s.First, &s.Last, &s.Articles, &s.Events); err != nil {
			rows.Close()
			return nil, fmt.Errorf("stories: %w", err)
		}
		out = append(out, s)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	for i := range out {
		if out[i].Top, err = db.storyTop(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (db *DB) storyTop(ctx context.Context, id int64) ([]store.EntityRef, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT n.id, n.name, n.type, n.country, n.sector
		FROM article_entities e JOIN articles a ON a.id = e.article JOIN entities n ON n.id = e.entity
		WHERE a.story = ? GROUP BY n.id ORDER BY sum(length(e.mentions)) DESC, n.id LIMIT 5`, id)
	if err != nil {
		return nil, fmt.Errorf("story %d entities: %w", id, err)
	}
	defer rows.Close()
	out := []store.EntityRef{}
	for rows.Next() {
		var r store.EntityRef
		if err := rows.Scan(&r.ID, &r.Name, &r.Type, &r.Country, &r.Sector); err != nil {
			return nil, fmt.Errorf("story %d entities: %w", id, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Story returns one story with its articles and events.
func (db *DB) Story(ctx context.Context, id int64) (*store.StoryDetail, error) {
	var s store.Story
	err := db.r.QueryRowContext(ctx, `SELECT `+storyColumns+` WHERE id = ?`, id).
		Scan(&s.ID, &s.Title, &s.First, &s.Last, &s.Articles, &s.Events)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %d: %w", id, err)
	}
	if s.Top, err = db.storyTop(ctx, id); err != nil {
		return nil, err
	}
	d := &store.StoryDetail{Story: s}
	if d.ArticleList, err = db.Articles(ctx, store.ArticleFilter{Story: id, Page: store.Page{Limit: store.MaxLimit}}); err != nil {
		return nil, err
	}
	if d.EventList, err = db.Events(ctx, store.EventFilter{Story: id, Page: store.Page{Limit: store.MaxLimit}}); err != nil {
		return nil, err
	}
	return d, nil
}
