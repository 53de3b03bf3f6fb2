package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/store"
)

// undatedWindow is how far apart (in days of publication) two reports of
// an undated event may be and still be merged.
const undatedWindow = 2

// cache holds writer-side lookups that would otherwise cost a query per
// mention. It only ever describes committed rows plus those of the open
// transaction, and is thrown away whenever a transaction fails.
type cache struct {
	entity map[string]int64    // type|country|norm → canonical entity
	alias  map[string]struct{} // entity|norm already recorded
}

func newCache() *cache {
	return &cache{entity: map[string]int64{}, alias: map[string]struct{}{}}
}

// Put stores docs in one transaction. If that fails, each document is
// retried in a transaction of its own, so that one bad document does not
// keep the others out; its PutResult then carries the error.
func (db *DB) Put(ctx context.Context, docs []*doc.Doc) ([]store.PutResult, error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	res, err := db.putTx(ctx, docs)
	if err == nil {
		return res, nil
	}
	db.cache = newCache()
	if ctx.Err() != nil || len(docs) == 1 {
		return nil, err
	}
	res = make([]store.PutResult, len(docs))
	var errs []error
	for i, d := range docs {
		r, err := db.putTx(ctx, docs[i:i+1])
		if err != nil {
			db.cache = newCache()
			res[i] = store.PutResult{ArticleID: d.Article.ID, Err: err}
			errs = append(errs, err)
			continue
		}
		res[i] = r[0]
	}
	return res, errors.Join(errs...)
}

func (db *DB) putTx(ctx context.Context, docs []*doc.Doc) ([]store.PutResult, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	w := &writer{ctx: ctx, tx: tx, c: db.cache, db: db, stmts: map[string]*sql.Stmt{}, now: time.Now().UTC().Format(time.RFC3339),
		first: math.MaxInt64}
	defer db.prepare(ctx, w)
	res := make([]store.PutResult, 0, len(docs))
	for _, d := range docs {
		r, err := w.article(d)
		if err != nil {
			tx.Rollback()
			return nil, fmt.Errorf("store %s (%s): %w", d.Article.ID, d.Article.Origin, err)
		}
		res = append(res, r)
	}
	if err := w.index(); err != nil {
		tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return res, nil
}

// index adds the transaction's new articles and quotes to the full-text
// indexes, last: FTS5 writes its pending terms out at every statement
// savepoint, so indexing after every other statement of the batch lets it
// write them once, at commit, instead of once per article.
func (w *writer) index() error {
	if w.last == 0 {
		return nil
	}
	if _, err := w.exec(`INSERT INTO article_fts (rowid, title, body) SELECT id, title, body FROM articles WHERE id BETWEEN ? AND ?`, w.first, w.last); err != nil {
		return err
	}
	_, err := w.exec(`INSERT INTO quote_fts (rowid, text) SELECT id, text FROM quotes WHERE article BETWEEN ? AND ?`, w.first, w.last)
	return err
}

// writer is one write transaction with its statements.
type writer struct {
	first, last int64 // row IDs of the articles this transaction added
	ctx         context.Context
	tx          *sql.Tx
	c           *cache
	db          *DB
	stmts       map[string]*sql.Stmt // this transaction's statements
	fresh       []string             // queries prepared for this transaction only
	now         string
}

// stmt returns the transaction's statement for q. Statements are prepared
// once on the writer connection and reused by every transaction; a query
// seen for the first time is prepared within the transaction and, once
// it ends, on the connection (see DB.prepare).
func (w *writer) stmt(q string) (*sql.Stmt, error) {
	if s, ok := w.stmts[q]; ok {
		return s, nil
	}
	var s *sql.Stmt
	if shared, ok := w.db.stmts[q]; ok {
		s = w.tx.StmtContext(w.ctx, shared)
	} else {
		var err error
		if s, err = w.tx.PrepareContext(w.ctx, q); err != nil {
			return nil, fmt.Errorf("prepare %q: %w", firstLine(q), err)
		}
		w.fresh = append(w.fresh, q)
	}
	w.stmts[q] = s
	return s, nil
}

// prepare closes a finished transaction's statements and prepares the
// queries it met for the first time on the writer connection, now free.
func (db *DB) prepare(ctx context.Context, w *writer) {
	for _, s := range w.stmts {
		s.Close()
	}
	for _, q := range w.fresh {
		if _, ok := db.stmts[q]; ok {
			continue
		}
		if s, err := db.w.PrepareContext(ctx, q); err == nil {
			db.stmts[q] = s
		}
	}
}

func (w *writer) exec(q string, args ...any) (sql.Result, error) {
	s, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	r, err := s.ExecContext(w.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", firstLine(q), err)
	}
	return r, nil
}

func (w *writer) insert(q string, args ...any) (int64, error) {
	r, err := w.exec(q, args...)
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

func (w *writer) row(q string, args ...any) (*sql.Row, error) {
	s, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return s.QueryRowContext(w.ctx, args...), nil
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i >= 0 {
		q = q[:i]
	}
	if len(q) > 60 {
		q = q[:60]
	}
	return q
}

// day formats a publication time as the store's date string.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// isoDate keeps the YYYY-MM-DD part of an event date, or "" when the value
// is not a full date (a month or a week cannot be merged on).
func isoDate(s string) string {
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

// articleState is what one article's insertion needs to remember.
type articleState struct {
	id      int64
	pub     string
	source  string
	local   map[string]int64 // "E1" → canonical entity
	touched map[int64]bool   // merged events this article already reports
	anon    map[string]int64 // actorless events of this article, by key
}

// article stores one document with all of its records.
func (w *writer) article(d *doc.Doc) (store.PutResult, error) {
	a := &d.Article
	res := store.PutResult{ArticleID: a.ID}
	if a.ID == "" {
		return res, errors.New("article has no ID")
	}
	row, err := w.row(`SELECT id FROM articles WHERE aid = ?`, a.ID)
	if err != nil {
		return res, err
	}
	var existing int64
	switch err := row.Scan(&existing); {
	case err == nil:
		return res, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, fmt.Errorf("look up article: %w", err)
	}
	res.New = true
	st := &articleState{pub: day(a.Published), source: outlet(a), local: map[string]int64{}, touched: map[int64]bool{}, anon: map[string]int64{}}

	sig, hasSig := minhash(a.Body)
	orig, origPub, err := w.original(&sig, hasSig)
	if err != nil {
		return res, err
	}
	var dupOf any
	if orig != 0 && origPub <= st.pub {
		dupOf = orig
	}
	var sigBytes []byte
	if hasSig {
		sigBytes = sig.bytes()
	}
	st.id, err = w.insert(`INSERT INTO articles (aid, url, source, published, title, author, lang, origin, body,
		sentences, paragraphs, timexes, framing, minhash, duplicate_of, added, n_entities, n_quotes, n_events, skipped)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.URL, a.Source, st.pub, a.Title, a.Author, a.Lang, a.Origin, a.Body,
		encodeSentences(d.Sentences), encodeSpans(d.Paragraphs), encodeTimexes(d.Timexes), encodeSpans(d.Framing),
		sigBytes, dupOf, w.now, len(d.Entities), len(d.Quotes), len(d.Events), d.Skipped)
	if err != nil {
		return res, err
	}
	w.first = min(w.first, st.id)
	w.last = max(w.last, st.id)
	if len(d.Timexes) > 0 {
		if _, err := w.exec(`INSERT INTO totals (name, n) VALUES ('timexes', ?)
			ON CONFLICT (name) DO UPDATE SET n = n + excluded.n`, len(d.Timexes)); err != nil {
			return res, err
		}
	}
	if err := w.dedup(st, orig, dupOf != nil, &sig, hasSig); err != nil {
		return res, err
	}
	if dupOf != nil {
		row, err := w.row(`SELECT aid FROM articles WHERE id = ?`, orig)
		if err != nil {
			return res, err
		}
		if err := row.Scan(&res.Duplicate); err != nil {
			return res, fmt.Errorf("original article: %w", err)
		}
	}
	if err := w.entities(d, st); err != nil {
		return res, err
	}
	if err := w.quotes(d, st); err != nil {
		return res, err
	}
	if err := w.events(d, st); err != nil {
		return res, err
	}
	return res, nil
}

// outlet names the article's source for counting distinct sources: its
// outlet, else its URL's host, else — outlet unknown — the article itself,
// so that two reports of unknown origin are not taken for one outlet.
func outlet(a *doc.Article) string {
	if a.Source != "" {
		return strings.ToLower(a.Source)
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return "article:" + a.ID
}

// original finds a stored original article whose body is a near-duplicate
// of this signature, returning its row ID and publication day.
func (w *writer) original(sig *signature, ok bool) (int64, string, error) {
	if !ok {
		return 0, "", nil
	}
	b := sig.bands()
	s, err := w.stmt(`SELECT DISTINCT a.id, a.minhash, a.published FROM bands b JOIN articles a ON a.id = b.article
		WHERE b.key IN (?,?,?,?,?,?,?,?) LIMIT 64`)
	if err != nil {
		return 0, "", err
	}
	rows, err := s.QueryContext(w.ctx, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])
	if err != nil {
		return 0, "", fmt.Errorf("near-duplicate candidates: %w", err)
	}
	defer rows.Close()
	var best int64
	var bestPub string
	bestSim := dupJaccard
	for rows.Next() {
		var id int64
		var raw []byte
		var pub string
		if err := rows.Scan(&id, &raw, &pub); err != nil {
			return 0, "", fmt.Errorf("near-duplicate candidates: %w", err)
		}
		o, ok := sigFrom(raw)
		if !ok {
			continue
		}
		if sim := sig.similarity(&o); sim >= bestSim {
			best, bestPub, bestSim = id, pub, sim
		}
	}
	return best, bestPub, rows.Err()
}

// dedup records the article's bands when it is an original. When it is an
// earlier rewrite of a stored original, it takes that original's place:
// the old original and its duplicates now point to it.
func (w *writer) dedup(st *articleState, orig int64, isDup bool, sig *signature, ok bool) error {
	if !ok || isDup {
		return nil
	}
	if orig != 0 {
		if _, err := w.exec(`UPDATE articles SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?`, st.id, orig, orig); err != nil {
			return err
		}
		if _, err := w.exec(`DELETE FROM bands WHERE article = ?`, orig); err != nil {
			return err
		}
	}
	for _, k := range sig.bands() {
		if _, err := w.exec(`INSERT INTO bands (key, article) VALUES (?,?)`, k, st.id); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) entities(d *doc.Doc, st *articleState) error {
	said := map[string]int{} // quotes per speaker, counted in the same update
	for _, q := range d.Quotes {
		if q.Speaker != "" {
			said[q.Speaker]++
		}
	}
	var rows []any
	counts := map[int64]*entityCounts{}
	var order []int64
	for i := range d.Entities {
		e := &d.Entities[i]
		id, err := w.resolve(e)
		if err != nil {
			return fmt.Errorf("entity %s %q: %w", e.ID, e.Name, err)
		}
		st.local[e.ID] = id
		var mb []byte
		for _, m := range e.Mentions {
			mb = putInts(mb, m.Start, m.End, kindCode(m.Kind))
		}
		rows = append(rows, st.id, e.ID, i, id, e.Name, e.Type, e.Country, e.Sector, e.Role, strings.Join(e.Handles, " "), mb)
		c := counts[id]
		if c == nil {
			c = &entityCounts{id: id}
			counts[id] = c
			order = append(order, id)
		}
		c.mentions += len(e.Mentions)
		c.quotes += said[e.ID]
		if c.sector == "" {
			c.sector = e.Sector
		}
		if c.country == "" {
			c.country = e.Country
		}
		if err := w.aliases(id, e); err != nil {
			return err
		}
		if e.Role != "" {
			if _, err := w.exec(`INSERT INTO roles (entity, role, first, last, n) VALUES (?,?,?,?,1)
				ON CONFLICT (entity, role) DO UPDATE SET first = min(first, excluded.first), last = max(last, excluded.last), n = n + 1`,
				id, e.Role, st.pub, st.pub); err != nil {
				return err
			}
		}
	}
	if err := w.insertRows(`INSERT INTO article_entities (article, local, ord, entity, name, type, country, sector, role, handles, mentions) VALUES `, 11, rows); err != nil {
		return err
	}
	return w.countEntities(counts, order, st.pub)
}

// entityCounts is what one article adds to a canonical entity.
type entityCounts struct {
	id               int64
	mentions, quotes int
	sector, country  string
}

// countEntities adds one article's counts to its canonical entities, in
// one UPDATE for them all.
func (w *writer) countEntities(counts map[int64]*entityCounts, order []int64, pub string) error {
	const perStmt = 32
	for len(order) > 0 {
		n := min(len(order), perStmt)
		args := make([]any, 0, 5*n+3)
		var b strings.Builder
		b.WriteString(`UPDATE entities SET n_articles = n_articles + 1, n_mentions = n_mentions + v.column2, n_quotes = n_quotes + v.column3,
			sector = CASE WHEN sector = '' THEN v.column4 ELSE sector END,
			country = CASE WHEN country = '' THEN v.column5 ELSE country END,
			first_seen = CASE WHEN first_seen = '' OR ? < first_seen THEN ? ELSE first_seen END,
			last_seen = max(last_seen, ?) FROM (VALUES `)
		args = append(args, pub, pub, pub)
		for i, id := range order[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("(?,?,?,?,?)")
			c := counts[id]
			args = append(args, c.id, c.mentions, c.quotes, c.sector, c.country)
		}
		b.WriteString(`) AS v WHERE entities.id = v.column1`)
		if _, err := w.exec(b.String(), args...); err != nil {
			return err
		}
		order = order[n:]
	}
	return nil
}

// insertRows runs a multi-row INSERT of rows (flattened, cols values a
// row), a few dozen rows a statement: one statement instead of one per row
// is most of the cost of storing an article's records.
func (w *writer) insertRows(prefix string, cols int, rows []any) error {
	const perStmt = 32
	tuple := "(" + placeholders(cols) + ")"
	for len(rows) > 0 {
		n := min(len(rows)/cols, perStmt)
		var b strings.Builder
		b.WriteString(prefix)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(tuple)
		}
		if _, err := w.exec(b.String(), rows[:n*cols]...); err != nil {
			return err
		}
		rows = rows[n*cols:]
	}
	return nil
}

// resolve returns the canonical entity of an article's entity, creating it
// when none matches. Matching, in order: the same normalised name and type
// (with the same country, or one side's country unknown); else a unique
// entity of that type known by this name as an alias (a surname-only
// "Pompeo" finds "Mike Pompeo" when no other Pompeo is known); else a
// unique entity known by one of its handles.
func (w *writer) resolve(e *doc.Entity) (int64, error) {
	n := norm(e.Name)
	if n == "" {
		n = strings.ToLower(strings.TrimSpace(e.Name))
	}
	key := e.Type + "|" + e.Country + "|" + n
	if id, ok := w.c.entity[key]; ok {
		return id, nil
	}
	id, err := w.byName(n, e)
	if err == nil && id == 0 {
		id, err = w.byAlias(n, e.Type, e.Country)
	}
	for _, h := range e.Handles {
		if err != nil || id != 0 {
			break
		}
		id, err = w.byAlias(norm(h), "", e.Country)
	}
	if err == nil && id == 0 && e.Type == doc.PERSON {
		id, err = w.completeSurname(n, e)
	}
	if err != nil {
		return 0, err
	}
	if id == 0 {
		id, err = w.insert(`INSERT INTO entities (name, norm, type, country, sector) VALUES (?,?,?,?,?)`,
			e.Name, n, e.Type, e.Country, e.Sector)
		if err != nil {
			return 0, err
		}
		if err := w.alias(id, n, e.Name, "name"); err != nil {
			return 0, err
		}
		if e.Type == doc.PERSON {
			if s := surname(n); len(s) > 1 {
				words := strings.Fields(e.Name)
				if err := w.alias(id, s, words[len(words)-1], "surname"); err != nil {
					return 0, err
				}
			}
		}
	}
	w.c.entity[key] = id
	return id, nil
}

// completeSurname handles a person first stored under a surname alone
// ("Dagalo", from an article that never gave the full name) and now named
// in full: when exactly one surname-only person of a compatible country
// exists and no other person bears that surname, it is renamed to the
// full name, so both articles' mentions meet on one entity.
func (w *writer) completeSurname(n string, e *doc.Entity) (int64, error) {
	s := surname(n)
	if s == "" {
		return 0, nil
	}
	row, err := w.row(`SELECT min(id), max(id), count(*), max(country) FROM entities WHERE norm = ? AND type = 'PERSON'`, s)
	if err != nil {
		return 0, err
	}
	var lo, hi sql.NullInt64
	var count int
	var country sql.NullString
	if err := row.Scan(&lo, &hi, &count, &country); err != nil {
		return 0, fmt.Errorf("surname-only person: %w", err)
	}
	if count != 1 || country.String != "" && e.Country != "" && country.String != e.Country {
		return 0, nil
	}
	row, err = w.row(`SELECT count(*) FROM aliases WHERE norm = ? AND entity <> ?`, s, lo.Int64)
	if err != nil {
		return 0, err
	}
	if err := row.Scan(&count); err != nil {
		return 0, fmt.Errorf("surname-only person: %w", err)
	}
	if count > 0 {
		return 0, nil
	}
	id := lo.Int64
	if _, err := w.exec(`UPDATE entities SET name = ?, norm = ? WHERE id = ?`, e.Name, n, id); err != nil {
		return 0, err
	}
	if err := w.alias(id, n, e.Name, "name"); err != nil {
		return 0, err
	}
	return id, nil
}

func (w *writer) byName(n string, e *doc.Entity) (int64, error) {
	s, err := w.stmt(`SELECT id, country FROM entities WHERE norm = ? AND type = ? ORDER BY n_mentions DESC, id LIMIT 16`)
	if err != nil {
		return 0, err
	}
	rows, err := s.QueryContext(w.ctx, n, e.Type)
	if err != nil {
		return 0, fmt.Errorf("entity by name: %w", err)
	}
	defer rows.Close()
	var first, blank int64
	for rows.Next() {
		var id int64
		var c string
		if err := rows.Scan(&id, &c); err != nil {
			return 0, fmt.Errorf("entity by name: %w", err)
		}
		switch {
		case c == e.Country:
			return id, nil
		case c == "" && blank == 0:
			blank = id
		case first == 0:
			first = id
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("entity by name: %w", err)
	}
	if e.Country == "" && first != 0 {
		return first, nil
	}
	return blank, nil
}

// byAlias returns the one entity (of type typ, any type when "") known by
// alias n whose country agrees, or 0 when none or several are.
func (w *writer) byAlias(n, typ, country string) (int64, error) {
	if n == "" {
		return 0, nil
	}
	s, err := w.stmt(`SELECT e.id, e.type, e.country FROM aliases a JOIN entities e ON e.id = a.entity WHERE a.norm = ? LIMIT 16`)
	if err != nil {
		return 0, err
	}
	rows, err := s.QueryContext(w.ctx, n)
	if err != nil {
		return 0, fmt.Errorf("entity by alias: %w", err)
	}
	defer rows.Close()
	var found int64
	for rows.Next() {
		var id int64
		var t, c string
		if err := rows.Scan(&id, &t, &c); err != nil {
			return 0, fmt.Errorf("entity by alias: %w", err)
		}
		if typ != "" && t != typ || country != "" && c != "" && c != country {
			continue
		}
		if found != 0 && found != id {
			return 0, rows.Err() // ambiguous
		}
		found = id
	}
	return found, rows.Err()
}

// aliases records the name forms and handles an article used for entity id.
func (w *writer) aliases(id int64, e *doc.Entity) error {
	for _, m := range e.Mentions {
		if m.Kind != doc.MentionName && m.Kind != doc.MentionHandle && m.Kind != "" {
			continue
		}
		kind := "name"
		if m.Kind == doc.MentionHandle {
			kind = "handle"
		}
		if err := w.alias(id, norm(m.Text), m.Text, kind); err != nil {
			return err
		}
	}
	for _, h := range e.Handles {
		if err := w.alias(id, norm(h), h, "handle"); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) alias(id int64, n, text, kind string) error {
	if n == "" {
		return nil
	}
	k := fmt.Sprint(id, "|", n, "|", kind == "surname")
	if _, ok := w.c.alias[k]; ok {
		return nil
	}
	if _, err := w.exec(`INSERT INTO aliases (norm, entity, alias, kind) VALUES (?,?,?,?)
		ON CONFLICT (norm, entity) DO UPDATE SET kind = excluded.kind, alias = excluded.alias
		WHERE aliases.kind = 'surname' AND excluded.kind <> 'surname'`, n, id, text, kind); err != nil {
		return err
	}
	w.c.alias[k] = struct{}{}
	return nil
}

func (w *writer) quotes(d *doc.Doc, st *articleState) error {
	if len(d.Quotes) == 0 {
		return nil
	}
	rows := make([]any, 0, 13*len(d.Quotes))
	for i, q := range d.Quotes {
		rows = append(rows, st.id, i, q.Start, q.End, q.Text, st.local[q.Speaker], q.Speaker, q.Kind, q.Cue, q.Channel, q.Handle, q.Date, st.pub)
	}
	if err := w.insertRows(`INSERT INTO quotes (article, ord, start, end, text, speaker, local, kind, cue, channel, handle, date, published) VALUES `, 13, rows); err != nil {
		return err
	}
	return nil
}

func (w *writer) events(d *doc.Doc, st *articleState) error {
	var rows []any
	for i := range d.Events {
		ev := &d.Events[i]
		id, err := w.event(ev, st)
		if err != nil {
			return fmt.Errorf("event %s: %w", ev.ID, err)
		}
		rows = evidenceRow(rows, d, ev, st, i, id, 0)
		st.touched[id] = true
	}
	// Events not reported as having happened are kept for the article's
	// record, under no merged event (0).
	for i := range d.OtherEvents {
		ev := &d.OtherEvents[i]
		rows = evidenceRow(rows, d, ev, st, len(d.Events)+i, 0, 1)
	}
	return w.insertRows(`INSERT INTO evidence (article, local, ord, event, source_name, type, mode, cameo, src, tgt, loc, claimed_by,
		date, date_basis, fatalities, injuries, status, trig_start, trig_end, sentence, sent_start, sent_end, published, other) VALUES `, 24, rows)
}

// evidenceRow appends the evidence columns of one event report.
func evidenceRow(rows []any, d *doc.Doc, ev *doc.Event, st *articleState, ord int, event int64, other int) []any {
	var ss, se int
	if ev.Sentence >= 0 && ev.Sentence < len(d.Sentences) {
		ss, se = d.Sentences[ev.Sentence].Start, d.Sentences[ev.Sentence].End
	}
	return append(rows, st.id, ev.ID, ord, event, st.source, ev.Type, ev.Mode, ev.Cameo, ev.Source, ev.Target, ev.Location, ev.ClaimedBy,
		ev.Date, ev.DateBasis, intOrNil(ev.Fatalities), intOrNil(ev.Injuries), ev.Status,
		ev.Trigger.Start, ev.Trigger.End, ev.Sentence, ss, se, st.pub, other)
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// event returns the merged event this report belongs to, creating it or
// adding the report's counts to it. Reports merge when they have the same
// PLOVER type and CAMEO root, the same canonical source and target, and the
// same date — or, both undated, publication days at most undatedWindow
// apart. Reports with neither source nor target also need the same
// location, and without any actor or place they merge only within their
// own article.
func (w *writer) event(ev *doc.Event, st *articleState) (int64, error) {
	src, tgt, loc := st.local[ev.Source], st.local[ev.Target], st.local[ev.Location]
	date := isoDate(ev.Date)
	root := store.Root(ev.Cameo)
	var id int64
	var err error
	if src == 0 && tgt == 0 && loc == 0 {
		id = st.anon[ev.Type+"|"+root+"|"+date]
	} else {
		id, err = w.findEvent(ev.Type, root, src, tgt, loc, date, ev.DateBasis == doc.DatePublished, st.pub)
		if err != nil {
			return 0, err
		}
	}
	if id == 0 {
		id, err = w.newEvent(ev, root, src, tgt, loc, date, st)
		if err != nil {
			return 0, err
		}
		if src == 0 && tgt == 0 && loc == 0 {
			st.anon[ev.Type+"|"+root+"|"+date] = id
		}
		return id, nil
	}
	return id, w.mergeEvent(id, ev, st)
}

// findEvent returns the merged event a report joins, or 0. A report dated
// only by its publication day (the article does not say when) may join an
// event dated up to undatedWindow days before: the closest one.
func (w *writer) findEvent(typ, root string, src, tgt, loc int64, date string, byPublication bool, pub string) (int64, error) {
	q := `SELECT id FROM events WHERE type = ? AND root = ? AND source = ? AND target = ? AND date = ?`
	args := []any{typ, root, src, tgt, date}
	// Index order (the key, then the row ID) makes the first row the
	// oldest event; an explicit ORDER BY id would make SQLite re-prepare
	// the statement at every run.
	order := ` LIMIT 1`
	if byPublication && date != "" {
		q = `SELECT id FROM events WHERE type = ? AND root = ? AND source = ? AND target = ? AND date BETWEEN ? AND ?`
		args = []any{typ, root, src, tgt, shiftDay(date, -undatedWindow), date}
		order = ` ORDER BY date DESC, id LIMIT 1`
	}
	if src == 0 && tgt == 0 {
		q += ` AND location = ?`
		args = append(args, loc)
	}
	if date == "" {
		lo, hi := shiftDay(pub, -undatedWindow), shiftDay(pub, undatedWindow)
		q += ` AND first_published BETWEEN ? AND ?`
		args = append(args, lo, hi)
	}
	row, err := w.row(q+order, args...)
	if err != nil {
		return 0, err
	}
	var id int64
	switch err := row.Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("find event: %w", err)
	}
	return id, nil
}

func shiftDay(d string, n int) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

func (w *writer) newEvent(ev *doc.Event, root string, src, tgt, loc int64, date string, st *articleState) (int64, error) {
	id, err := w.insert(`INSERT INTO events (type, mode, cameo, root, quad, source, target, location, date, status,
		fatalities, injuries, num_mentions, num_sources, num_articles, first_article, first_published, added)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1,1,1,?,?,?)`,
		ev.Type, ev.Mode, ev.Cameo, root, store.QuadClass(ev.Cameo, ev.Type), src, tgt, loc, date, ev.Status,
		intOrNil(ev.Fatalities), intOrNil(ev.Injuries), st.id, st.pub, w.now)
	if err != nil {
		return 0, err
	}
	if src != 0 {
		if _, err := w.exec(`UPDATE entities SET n_source = n_source + 1 WHERE id = ?`, src); err != nil {
			return 0, err
		}
	}
	if tgt != 0 {
		if _, err := w.exec(`UPDATE entities SET n_target = n_target + 1 WHERE id = ?`, tgt); err != nil {
			return 0, err
		}
	}
	if date != "" {
		if _, err := w.exec(`INSERT INTO daily (day, type, n) VALUES (?,?,1)
			ON CONFLICT (day, type) DO UPDATE SET n = n + 1`, date, ev.Type); err != nil {
			return 0, err
		}
	}
	if src != 0 && tgt != 0 {
		if _, err := w.exec(`INSERT INTO edges (source, target, type, n) VALUES (?,?,?,1)
			ON CONFLICT (source, target, type) DO UPDATE SET n = n + 1`, src, tgt, ev.Type); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// mergeEvent adds one more report to a merged event: a mention always, an
// article and a source when they are new to it; the earliest report
// becomes its first article; the largest casualty counts are kept; and an
// asserting report makes the event asserted.
func (w *writer) mergeEvent(id int64, ev *doc.Event, st *articleState) error {
	articles, sources := 0, 0
	if !st.touched[id] {
		articles = 1
		row, err := w.row(`SELECT EXISTS (SELECT 1 FROM evidence WHERE event = ? AND source_name = ?)`, id, st.source)
		if err != nil {
			return err
		}
		var known bool
		if err := row.Scan(&known); err != nil {
			return fmt.Errorf("event sources: %w", err)
		}
		if !known {
			sources = 1
		}
	}
	_, err := w.exec(`UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?, num_sources = num_sources + ?,
		first_article = CASE WHEN ? < first_published THEN ? ELSE first_article END,
		first_published = min(first_published, ?),
		fatalities = CASE WHEN fatalities IS NULL OR ? > fatalities THEN ? ELSE fatalities END,
		injuries = CASE WHEN injuries IS NULL OR ? > injuries THEN ? ELSE injuries END,
		mode = CASE WHEN mode = '' THEN ? ELSE mode END,
		status = CASE WHEN ? = 'asserted' THEN 'asserted' ELSE status END
		WHERE id = ?`,
		articles, sources, st.pub, st.id, st.pub,
		intOrNil(ev.Fatalities), intOrNil(ev.Fatalities), intOrNil(ev.Injuries), intOrNil(ev.Injuries),
		ev.Mode, ev.Status, id)
	return err
}

// Has reports which of ids are stored.
func (db *DB) Has(ctx context.Context, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 500)
		chunk := ids[:n]
		ids = ids[n:]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		q := `SELECT aid FROM articles WHERE aid IN (` + placeholders(len(chunk)) + `)`
		rows, err := db.r.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("stored articles: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("stored articles: %w", err)
			}
			out[id] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("stored articles: %w", err)
		}
	}
	return out, nil
}

func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

func encodeSentences(ss []doc.Sentence) []byte {
	var b []byte
	for _, s := range ss {
		b = putInts(b, s.Start, s.End, s.Para, s.First, s.Last)
	}
	return b
}

func decodeSentences(b []byte) []doc.Sentence {
	xs := ints(b)
	out := make([]doc.Sentence, 0, len(xs)/5)
	for i := 0; i+4 < len(xs); i += 5 {
		out = append(out, doc.Sentence{Start: xs[i], End: xs[i+1], Para: xs[i+2], First: xs[i+3], Last: xs[i+4]})
	}
	return out
}

func encodeSpans(ss []doc.Span) []byte {
	var b []byte
	for _, s := range ss {
		b = putInts(b, s.Start, s.End)
	}
	return b
}

func decodeSpans(b []byte, body string) []doc.Span {
	xs := ints(b)
	out := make([]doc.Span, 0, len(xs)/2)
	for i := 0; i+1 < len(xs); i += 2 {
		out = append(out, spanOf(body, xs[i], xs[i+1]))
	}
	return out
}

func spanOf(body string, start, end int) doc.Span {
	if start < 0 || end > len(body) || start > end {
		return doc.Span{Start: start, End: end}
	}
	return doc.Span{Start: start, End: end, Text: body[start:end]}
}

// storedTimex is a time expression as kept in the articles row; the text
// is rebuilt from the body.
type storedTimex struct {
	S int    `json:"s"`
	E int    `json:"e"`
	T string `json:"t"`
	V string `json:"v"`
}

func encodeTimexes(ts []doc.Timex) string {
	if len(ts) == 0 {
		return ""
	}
	out := make([]storedTimex, len(ts))
	for i, t := range ts {
		out[i] = storedTimex{t.Start, t.End, t.Type, t.Value}
	}
	b, _ := json.Marshal(out) // cannot fail on this type
	return string(b)
}

func decodeTimexes(s, body string) ([]doc.Timex, error) {
	if s == "" {
		return nil, nil
	}
	var in []storedTimex
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("stored time expressions: %w", err)
	}
	out := make([]doc.Timex, len(in))
	for i, t := range in {
		out[i] = doc.Timex{Span: spanOf(body, t.S, t.E), Type: t.T, Value: t.V}
	}
	return out, nil
}
