package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/store"
)

// query is a SELECT being built from a filter.
type query struct {
	where []string
	args  []any
}

func (q *query) add(cond string, args ...any) {
	q.where = append(q.where, cond)
	q.args = append(q.args, args...)
}

func (q *query) clause() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

func (q *query) page(p store.Page) string {
	q.args = append(q.args, p.Size(), max(p.Offset, 0))
	return " LIMIT ? OFFSET ?"
}

func parseDay(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// Stats counts what is stored.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
		(SELECT count(*) FROM entities),
		(SELECT coalesce(sum(n_mentions), 0) FROM entities),
		(SELECT coalesce(sum(n), 0) FROM totals WHERE name = 'timexes'),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM evidence WHERE other = 0),
		(SELECT count(*) FROM stories)`).Scan(
		&s.Articles, &s.Duplicates, &s.Entities, &s.Mentions, &s.Timexes, &s.Quotes, &s.Events, &s.Evidence, &s.Stories)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

const eventColumns = `e.id, e.type, e.mode, e.cameo, e.root, e.quad, e.date, e.status, e.fatalities, e.injuries,
	e.num_mentions, e.num_sources, e.num_articles, a.aid, a.url, a.source, e.first_published, e.added, coalesce(e.story, 0),
	e.source, coalesce(s.name, ''), coalesce(s.type, ''), coalesce(s.country, ''), coalesce(s.sector, ''),
	e.target, coalesce(t.name, ''), coalesce(t.type, ''), coalesce(t.country, ''), coalesce(t.sector, ''),
	e.location, coalesce(l.name, ''), coalesce(l.type, ''), coalesce(l.country, ''), coalesce(l.sector, '')
	FROM events e JOIN articles a ON a.id = e.first_article
	LEFT JOIN entities s ON s.id = e.source
	LEFT JOIN entities t ON t.id = e.target
	LEFT JOIN entities l ON l.id = e.location`

type scanner interface{ Scan(...any) error }

func scanEvent(r scanner) (store.Event, error) {
	var e store.Event
	var fat, inj sql.NullInt64
	var first, added string
	var refs [3]store.EntityRef
	err := r.Scan(&e.ID, &e.Type, &e.Mode, &e.Cameo, &e.Root, &e.Quad, &e.Date, &e.Status, &fat, &inj,
		&e.NumMentions, &e.NumSources, &e.NumArticles, &e.FirstArticle, &e.FirstURL, &e.FirstSource, &first, &added, &e.Story,
		&refs[0].ID, &refs[0].Name, &refs[0].Type, &refs[0].Country, &refs[0].Sector,
		&refs[1].ID, &refs[1].Name, &refs[1].Type, &refs[1].Country, &refs[1].Sector,
		&refs[2].ID, &refs[2].Name, &refs[2].Type, &refs[2].Country, &refs[2].Sector)
	if err != nil {
		return e, err
	}
	e.Fatalities, e.Injuries = nullInt(fat), nullInt(inj)
	e.FirstSeen, e.Added = parseDay(first), parseTime(added)
	e.Source, e.Target, e.Location = ref(refs[0]), ref(refs[1]), ref(refs[2])
	return e, nil
}

func nullInt(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func ref(r store.EntityRef) *store.EntityRef {
	if r.ID == 0 {
		return nil
	}
	return &r
}

// isCode reports whether s looks like a CAMEO/ISO country or IGO code.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// actorCond returns a condition on column col (source/target/speaker)
// for an actor given by name, alias, handle or country code, and whether
// anything can match at all.
func (db *DB) actorIDs(ctx context.Context, name string) ([]int64, error) {
	ents, err := db.LookupEntity(ctx, name)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(ents))
	for i, e := range ents {
		ids[i] = e.ID
	}
	return ids, nil
}

func idList(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return placeholders(len(ids)), args
}

// scanThreshold is the number of events of an actor above which Events
// walks the date index and tests each event's actors, instead of
// gathering the actor's events through the source and target indexes and
// sorting them: a frequent actor fills a page within the first rows of
// the walk, a rare one is cheaper to gather.
const scanThreshold = 5000

// actorFilter adds the actor condition of f to q; ok is false when no
// entity matches, so nothing can.
func (db *DB) actorFilter(ctx context.Context, q *query, f store.EventFilter) (ok bool, err error) {
	var set string // a subquery or list of entity IDs
	var args []any
	switch {
	case f.ActorID != 0:
		set, args = "?", []any{f.ActorID}
	case isCode(f.Actor):
		set, args = "SELECT id FROM entities WHERE country = ?", []any{f.Actor}
	default:
		ids, err := db.actorIDs(ctx, f.Actor)
		if err != nil || len(ids) == 0 {
			return false, err
		}
		set, args = idList(ids)
	}
	var n int
	err = db.r.QueryRowContext(ctx, `SELECT coalesce(sum(n_source + n_target), 0) FROM entities WHERE id IN (`+set+`)`, args...).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("events: actor counts: %w", err)
	}
	if n == 0 {
		return false, nil
	}
	both := append(append([]any{}, args...), args...)
	if n > scanThreshold && !f.ByID {
		// The unary plus keeps SQLite from using the actor indexes here.
		q.add(`(+e.source IN (`+set+`) OR +e.target IN (`+set+`))`, both...)
		return true, nil
	}
	q.add(`e.id IN (SELECT id FROM events WHERE source IN (`+set+`) UNION SELECT id FROM events WHERE target IN (`+set+`))`, both...)
	return true, nil
}

// Events lists merged events.
func (db *DB) Events(ctx context.Context, f store.EventFilter) ([]store.Event, error) {
	var q query
	if f.Actor != "" || f.ActorID != 0 {
		ok, err := db.actorFilter(ctx, &q, f)
		if err != nil || !ok {
			return nil, err
		}
	}
	if f.Type != "" {
		q.add(`e.type = ?`, strings.ToUpper(f.Type))
	}
	if f.Status != "" {
		q.add(`e.status = ?`, f.Status)
	}
	if f.From != "" {
		q.add(`e.date >= ?`, f.From)
	}
	if f.To != "" {
		q.add(`e.date <> '' AND e.date <= ?`, f.To)
	}
	if f.Article != "" {
		q.add(`e.id IN (SELECT event FROM evidence WHERE article = (SELECT id FROM articles WHERE aid = ?))`, f.Article)
	}
	if f.Story != 0 {
		q.add(`e.story = ?`, f.Story)
	}
	order := ` ORDER BY e.date DESC, e.id DESC`
	if f.ByID {
		if f.AfterID > 0 {
			q.add(`e.id > ?`, f.AfterID)
		}
		order = ` ORDER BY e.id`
	}
	// Page over the events table alone (through its covering indexes),
	// then join the names for the one page.
	sqlText := `SELECT ` + eventColumns + ` JOIN (SELECT e.id FROM events e` + q.clause() + order + q.page(f.Page) +
		`) p ON p.id = e.id` + order
	return db.events(ctx, sqlText, q.args...)
}

func (db *DB) events(ctx context.Context, sqlText string, args ...any) ([]store.Event, error) {
	rows, err := db.r.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return out, nil
}

// Event returns one merged event with its evidence, earliest report first.
func (db *DB) Event(ctx context.Context, id int64) (*store.EventDetail, error) {
	e, err := scanEvent(db.r.QueryRowContext(ctx, `SELECT `+eventColumns+` WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("event %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("event %d: %w", id, err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT a.aid, a.url, a.source, a.published, a.title, a.body, a.duplicate_of IS NOT NULL,
		v.local, v.sent_start, v.sent_end, v.trig_start, v.trig_end, v.status, v.date_basis
		FROM evidence v JOIN articles a ON a.id = v.article WHERE v.event = ? ORDER BY a.published, a.id, v.ord`, id)
	if err != nil {
		return nil, fmt.Errorf("event %d evidence: %w", id, err)
	}
	defer rows.Close()
	d := &store.EventDetail{Event: e}
	for rows.Next() {
		var v store.Evidence
		var pub, body string
		var ss, se, ts, te int
		if err := rows.Scan(&v.ArticleID, &v.URL, &v.Source, &pub, &v.Title, &body, &v.Duplicate,
			&v.LocalID, &ss, &se, &ts, &te, &v.Status, &v.DateBasis); err != nil {
			return nil, fmt.Errorf("event %d evidence: %w", id, err)
		}
		v.Published = parseDay(pub)
		v.Sentence, v.Trigger = spanOf(body, ss, se), spanOf(body, ts, te)
		d.Evidence = append(d.Evidence, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("event %d evidence: %w", id, err)
	}
	return d, nil
}

const entityColumns = `id, name, type, country, sector, n_articles, n_mentions, n_source, n_target, n_quotes, first_seen, last_seen FROM entities`

func (db *DB) entities(ctx context.Context, sqlText string, args ...any) ([]store.Entity, error) {
	rows, err := db.r.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	var out []store.Entity
	for rows.Next() {
		var e store.Entity
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Country, &e.Sector, &e.Articles, &e.Mentions,
			&e.EventsAsSource, &e.EventsAsTarget, &e.Quotes, &e.FirstSeen, &e.LastSeen); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entities: %w", err)
		}
		out = append(out, e)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	for i := range out {
		if err := db.entityExtras(ctx, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// entityExtras loads an entity's aliases, handles and roles.
func (db *DB) entityExtras(ctx context.Context, e *store.Entity) error {
	rows, err := db.r.QueryContext(ctx, `SELECT alias, kind FROM aliases WHERE entity = ? ORDER BY kind, alias`, e.ID)
	if err != nil {
		return fmt.Errorf("entity %d aliases: %w", e.ID, err)
	}
	e.Aliases, e.Handles = []string{}, []string{}
	seen := map[string]bool{e.Name: true}
	for rows.Next() {
		var a, kind string
		if err := rows.Scan(&a, &kind); err != nil {
			rows.Close()
			return fmt.Errorf("entity %d aliases: %w", e.ID, err)
		}
		switch {
		case kind == "handle":
			e.Handles = append(e.Handles, a)
		case kind == "name" && !seen[a]:
			e.Aliases = append(e.Aliases, a)
		}
		seen[a] = true
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return fmt.Errorf("entity %d aliases: %w", e.ID, err)
	}
	rows, err = db.r.QueryContext(ctx, `SELECT role, first, last, n FROM roles WHERE entity = ? ORDER BY last DESC, n DESC`, e.ID)
	if err != nil {
		return fmt.Errorf("entity %d roles: %w", e.ID, err)
	}
	defer rows.Close()
	e.Roles = []store.Role{}
	for rows.Next() {
		var r store.Role
		if err := rows.Scan(&r.Role, &r.First, &r.Last, &r.Count); err != nil {
			return fmt.Errorf("entity %d roles: %w", e.ID, err)
		}
		e.Roles = append(e.Roles, r)
	}
	return rows.Err()
}

// Entities lists canonical entities, most mentioned first.
func (db *DB) Entities(ctx context.Context, f store.EntityFilter) ([]store.Entity, error) {
	var q query
	if f.Name != "" {
		n := norm(f.Name)
		hi := n + "\uffff"
		q.add(`(norm >= ? AND norm < ? OR id IN (SELECT entity FROM aliases WHERE norm >= ? AND norm < ?))`, n, hi, n, hi)
	}
	if f.Type != "" {
		q.add(`type = ?`, strings.ToUpper(f.Type))
	}
	if f.Country != "" {
		q.add(`country = ?`, f.Country)
	}
	sqlText := `SELECT ` + entityColumns + q.clause() + ` ORDER BY n_mentions DESC, id` + q.page(f.Page)
	return db.entities(ctx, sqlText, q.args...)
}

// LookupEntity finds the entities a name, alias, handle or country code
// refers to: exact canonical names first, then aliases, most mentioned
// first; a country code yields the entities of that country.
func (db *DB) LookupEntity(ctx context.Context, name string) ([]store.Entity, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	if isCode(name) {
		return db.entities(ctx, `SELECT `+entityColumns+` WHERE country = ? ORDER BY type = 'GPE' DESC, n_mentions DESC LIMIT 50`, name)
	}
	n := norm(name)
	return db.entities(ctx, `SELECT `+entityColumns+` WHERE id IN (
		SELECT id FROM entities WHERE norm = ? UNION SELECT entity FROM aliases WHERE norm = ?)
		ORDER BY norm = ? DESC, n_mentions DESC LIMIT 50`, n, n, n)
}

// Entity returns one canonical entity with its latest events and quotes.
func (db *DB) Entity(ctx context.Context, id int64) (*store.EntityDetail, error) {
	es, err := db.entities(ctx, `SELECT `+entityColumns+` WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, fmt.Errorf("entity %d: %w", id, store.ErrNotFound)
	}
	d := &store.EntityDetail{Entity: es[0]}
	d.AsSource, err = db.events(ctx, `SELECT `+eventColumns+` WHERE e.source = ? ORDER BY e.date DESC, e.id DESC LIMIT 50`, id)
	if err != nil {
		return nil, err
	}
	d.AsTarget, err = db.events(ctx, `SELECT `+eventColumns+` WHERE e.target = ? ORDER BY e.date DESC, e.id DESC LIMIT 50`, id)
	if err != nil {
		return nil, err
	}
	d.Said, err = db.Quotes(ctx, store.QuoteFilter{SpeakerID: id})
	if err != nil {
		return nil, err
	}
	return d, nil
}

const articleColumns = `a.aid, a.url, a.source, a.published, a.title, a.author, a.lang, a.origin,
	coalesce(o.aid, ''), coalesce(a.story, 0), a.added, a.n_entities, a.n_quotes, a.n_events`

const articleFrom = ` FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of`

func scanArticle(r scanner, a *store.ArticleSummary) error {
	var pub, added string
	err := r.Scan(&a.ID, &a.URL, &a.Source, &pub, &a.Title, &a.Author, &a.Lang, &a.Origin,
		&a.DuplicateOf, &a.Story, &added, &a.Entities, &a.Quotes, &a.Events)
	a.Published, a.Added = parseDay(pub), parseTime(added)
	return err
}

// Articles lists stored articles, newest first.
func (db *DB) Articles(ctx context.Context, f store.ArticleFilter) ([]store.ArticleSummary, error) {
	var q query
	if f.Source != "" {
		q.add(`a.source = ?`, f.Source)
	}
	if f.From != "" {
		q.add(`a.published >= ?`, f.From)
	}
	if f.To != "" {
		q.add(`a.published <= ?`, f.To)
	}
	if f.EntityID != 0 {
		q.add(`a.id IN (SELECT article FROM article_entities WHERE entity = ?)`, f.EntityID)
	}
	if f.Story != 0 {
		q.add(`a.story = ?`, f.Story)
	}
	if f.Duplicates != nil {
		if *f.Duplicates {
			q.add(`a.duplicate_of IS NOT NULL`)
		} else {
			q.add(`a.duplicate_of IS NULL`)
		}
	}
	sqlText := `SELECT ` + articleColumns + articleFrom + q.clause() + ` ORDER BY a.published DESC, a.id DESC` + q.page(f.Page)
	rows, err := db.r.QueryContext(ctx, sqlText, q.args...)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	var out []store.ArticleSummary
	for rows.Next() {
		var a store.ArticleSummary
		if err := scanArticle(rows, &a); err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	return out, nil
}

// Article returns one article with its analysis rebuilt.
func (db *DB) Article(ctx context.Context, id string) (*store.Article, error) {
	out := &store.Article{EntityOf: map[string]int64{}, EventOf: map[string]int64{}}
	var rowid int64
	var body, timexes string
	var sents, paras, framing []byte
	var skipped string
	row := db.r.QueryRowContext(ctx, `SELECT `+articleColumns+`, a.id, a.body, a.sentences, a.paragraphs, coalesce(a.timexes, ''), a.framing, a.skipped`+articleFrom+` WHERE a.aid = ?`, id)
	var a store.ArticleSummary
	var pub, added string
	err := row.Scan(&a.ID, &a.URL, &a.Source, &pub, &a.Title, &a.Author, &a.Lang, &a.Origin,
		&a.DuplicateOf, &a.Story, &added, &a.Entities, &a.Quotes, &a.Events,
		&rowid, &body, &sents, &paras, &timexes, &framing, &skipped)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	a.Published, a.Added = parseDay(pub), parseTime(added)
	out.ArticleSummary = a
	d := &doc.Doc{Article: doc.Article{ID: a.ID, URL: a.URL, Source: a.Source, Published: a.Published,
		Title: a.Title, Author: a.Author, Lang: a.Lang, Origin: a.Origin, Body: body}, Skipped: skipped}
	d.Sentences = decodeSentences(sents)
	d.Paragraphs = decodeSpans(paras, body)
	d.Framing = decodeSpans(framing, body)
	if d.Timexes, err = decodeTimexes(timexes, body); err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if err := db.articleEntities(ctx, rowid, d, out.EntityOf); err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if err := db.articleQuotes(ctx, rowid, d); err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if err := db.articleEvents(ctx, rowid, d, out.EventOf); err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	out.Doc = d
	return out, nil
}

func (db *DB) articleEntities(ctx context.Context, rowid int64, d *doc.Doc, of map[string]int64) error {
	rows, err := db.r.QueryContext(ctx, `SELECT local, entity, name, type, country, sector, role, handles, mentions
		FROM article_entities WHERE article = ? ORDER BY ord`, rowid)
	if err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e doc.Entity
		var canon int64
		var handles string
		var mb []byte
		if err := rows.Scan(&e.ID, &canon, &e.Name, &e.Type, &e.Country, &e.Sector, &e.Role, &handles, &mb); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
		if handles != "" {
			e.Handles = strings.Fields(handles)
		}
		xs := ints(mb)
		for i := 0; i+2 < len(xs); i += 3 {
			e.Mentions = append(e.Mentions, doc.Mention{Span: spanOf(d.Article.Body, xs[i], xs[i+1]), Kind: kindName(xs[i+2])})
		}
		of[e.ID] = canon
		d.Entities = append(d.Entities, e)
	}
	return rows.Err()
}

func (db *DB) articleQuotes(ctx context.Context, rowid int64, d *doc.Doc) error {
	rows, err := db.r.QueryContext(ctx, `SELECT start, end, local, kind, cue, channel, handle, date
		FROM quotes WHERE article = ? ORDER BY ord`, rowid)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var q doc.Quote
		var s, e int
		if err := rows.Scan(&s, &e, &q.Speaker, &q.Kind, &q.Cue, &q.Channel, &q.Handle, &q.Date); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		q.Span = spanOf(d.Article.Body, s, e)
		d.Quotes = append(d.Quotes, q)
	}
	return rows.Err()
}

func (db *DB) articleEvents(ctx context.Context, rowid int64, d *doc.Doc, of map[string]int64) error {
	rows, err := db.r.QueryContext(ctx, `SELECT local, event, type, mode, cameo, src, tgt, loc, claimed_by, date, date_basis,
		fatalities, injuries, status, trig_start, trig_end, sentence, other FROM evidence WHERE article = ? ORDER BY ord`, rowid)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e doc.Event
		var merged int64
		var fat, inj sql.NullInt64
		var ts, te int
		var other bool
		if err := rows.Scan(&e.ID, &merged, &e.Type, &e.Mode, &e.Cameo, &e.Source, &e.Target, &e.Location, &e.ClaimedBy,
			&e.Date, &e.DateBasis, &fat, &inj, &e.Status, &ts, &te, &e.Sentence, &other); err != nil {
			return fmt.Errorf("events: %w", err)
		}
		e.Fatalities, e.Injuries = nullInt(fat), nullInt(inj)
		e.Trigger = spanOf(d.Article.Body, ts, te)
		if other {
			d.OtherEvents = append(d.OtherEvents, e)
			continue
		}
		of[e.ID] = merged
		d.Events = append(d.Events, e)
	}
	return rows.Err()
}

const quoteColumns = `q.id, a.aid, a.url, a.source, q.published, q.start, q.end, q.text, q.kind, q.cue, q.channel, q.handle, q.date,
	q.speaker, coalesce(s.name, ''), coalesce(s.type, ''), coalesce(s.country, ''), coalesce(s.sector, '')
	FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN entities s ON s.id = q.speaker`

// Quotes lists quotes, newest first.
func (db *DB) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.Quote, error) {
	var q query
	if f.Speaker != "" {
		ids, err := db.actorIDs(ctx, f.Speaker)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return nil, nil
		}
		ph, args := idList(ids)
		q.add(`q.speaker IN (`+ph+`)`, args...)
	}
	if f.SpeakerID != 0 {
		q.add(`q.speaker = ?`, f.SpeakerID)
	}
	if f.Article != "" {
		q.add(`q.article = (SELECT id FROM articles WHERE aid = ?)`, f.Article)
	}
	if f.Kind != "" {
		q.add(`q.kind = ?`, f.Kind)
	}
	if f.From != "" {
		q.add(`q.published >= ?`, f.From)
	}
	if f.To != "" {
		q.add(`q.published <= ?`, f.To)
	}
	sqlText := `SELECT ` + quoteColumns + q.clause() + ` ORDER BY q.published DESC, q.id DESC` + q.page(f.Page)
	rows, err := db.r.QueryContext(ctx, sqlText, q.args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	var out []store.Quote
	for rows.Next() {
		var x store.Quote
		var pub string
		var sp store.EntityRef
		if err := rows.Scan(&x.ID, &x.ArticleID, &x.URL, &x.Source, &pub, &x.Span.Start, &x.Span.End, &x.Span.Text,
			&x.Kind, &x.Cue, &x.Channel, &x.Handle, &x.Date, &sp.ID, &sp.Name, &sp.Type, &sp.Country, &sp.Sector); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		x.Published = parseDay(pub)
		x.Speaker = ref(sp)
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return out, nil
}
