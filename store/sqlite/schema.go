package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order; the database's PRAGMA user_version is the
// number applied so far. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	aid          TEXT NOT NULL UNIQUE,      -- doc.Article.ID, the content hash
	url          TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD
	title        TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	lang         TEXT NOT NULL DEFAULT '',
	origin       TEXT NOT NULL DEFAULT '',
	duplicate_of INTEGER,                   -- articles.id of the original
	story        INTEGER,
	added        TEXT NOT NULL,
	n_entities   INTEGER NOT NULL DEFAULT 0,
	n_quotes     INTEGER NOT NULL DEFAULT 0,
	n_events     INTEGER NOT NULL DEFAULT 0,
	-- Large values last: reading the columns above never walks the
	-- overflow pages of a long body.
	minhash      BLOB,                      -- near-duplicate signature
	timexes      TEXT,                      -- JSON array of the article's time expressions
	sentences    BLOB,                      -- varints: start, end, para, first, last per sentence
	paragraphs   BLOB,                      -- varints: start, end per paragraph
	framing      BLOB,                      -- varints: start, end per scare quote
	body         TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source, published);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_duplicate ON articles(duplicate_of);

-- MinHash LSH bands of original articles only, so that a cluster of
-- rewrites costs one candidate, not one per rewrite.
CREATE TABLE bands (
	key     INTEGER NOT NULL,
	article INTEGER NOT NULL
);
CREATE INDEX bands_key ON bands(key);
CREATE INDEX bands_article ON bands(article);

CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='articles', content_rowid='id');

CREATE TABLE entities (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	norm        TEXT NOT NULL,
	type        TEXT NOT NULL,
	country     TEXT NOT NULL DEFAULT '',
	sector      TEXT NOT NULL DEFAULT '',
	n_articles  INTEGER NOT NULL DEFAULT 0,
	n_mentions  INTEGER NOT NULL DEFAULT 0,
	n_source    INTEGER NOT NULL DEFAULT 0,
	n_target    INTEGER NOT NULL DEFAULT 0,
	n_quotes    INTEGER NOT NULL DEFAULT 0,
	first_seen  TEXT NOT NULL DEFAULT '',
	last_seen   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_norm ON entities(norm, type);
CREATE INDEX entities_country ON entities(country);
CREATE INDEX entities_mentions ON entities(n_mentions DESC);

-- Name variants, surnames and handles by which an entity is referred to.
CREATE TABLE aliases (
	norm   TEXT NOT NULL,
	entity INTEGER NOT NULL,
	alias  TEXT NOT NULL,
	kind   TEXT NOT NULL,   -- name, surname, handle
	PRIMARY KEY (norm, entity)
) WITHOUT ROWID;
CREATE INDEX aliases_entity ON aliases(entity);

CREATE TABLE roles (
	entity INTEGER NOT NULL,
	role   TEXT NOT NULL,
	first  TEXT NOT NULL,
	last   TEXT NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (entity, role)
) WITHOUT ROWID;

-- Each article's entities as analysed, linked to the canonical entity.
CREATE TABLE article_entities (
	article  INTEGER NOT NULL,
	local    TEXT NOT NULL,     -- "E1"
	ord      INTEGER NOT NULL,
	entity   INTEGER NOT NULL,
	name     TEXT NOT NULL,
	type     TEXT NOT NULL,
	country  TEXT NOT NULL DEFAULT '',
	sector   TEXT NOT NULL DEFAULT '',
	role     TEXT NOT NULL DEFAULT '',
	handles  TEXT NOT NULL DEFAULT '',  -- space separated
	mentions BLOB,                      -- varints: start, end, kind per mention
	PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity, article);

CREATE TABLE quotes (
	id       INTEGER PRIMARY KEY,
	article  INTEGER NOT NULL,
	ord      INTEGER NOT NULL,
	start    INTEGER NOT NULL,
	end      INTEGER NOT NULL,
	text     TEXT NOT NULL,
	speaker  INTEGER NOT NULL DEFAULT 0, -- canonical entity, 0 when unknown
	local    TEXT NOT NULL DEFAULT '',   -- speaker's article-local entity ID
	kind     TEXT NOT NULL,
	cue      TEXT NOT NULL DEFAULT '',
	channel  TEXT NOT NULL DEFAULT '',
	handle   TEXT NOT NULL DEFAULT '',
	date     TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker, published);
CREATE INDEX quotes_published ON quotes(published);
CREATE VIRTUAL TABLE quote_fts USING fts5(text, content='quotes', content_rowid='id');

-- Merged events: one row per real-world event over every article.
CREATE TABLE events (
	id              INTEGER PRIMARY KEY,
	type            TEXT NOT NULL,
	mode            TEXT NOT NULL DEFAULT '',
	cameo           TEXT NOT NULL DEFAULT '',
	root            TEXT NOT NULL DEFAULT '',
	quad            INTEGER NOT NULL DEFAULT 0,
	source          INTEGER NOT NULL DEFAULT 0,  -- canonical entity, 0 for none
	target          INTEGER NOT NULL DEFAULT 0,
	location        INTEGER NOT NULL DEFAULT 0,
	date            TEXT NOT NULL DEFAULT '',    -- YYYY-MM-DD or ''
	status          TEXT NOT NULL DEFAULT '',
	fatalities      INTEGER,
	injuries        INTEGER,
	num_mentions    INTEGER NOT NULL DEFAULT 0,
	num_sources     INTEGER NOT NULL DEFAULT 0,
	num_articles    INTEGER NOT NULL DEFAULT 0,
	first_article   INTEGER NOT NULL,
	first_published TEXT NOT NULL DEFAULT '',
	added           TEXT NOT NULL,
	story           INTEGER
);
CREATE INDEX events_key ON events(type, root, source, target, date);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_source ON events(source, date);
CREATE INDEX events_target ON events(target, date);
CREATE INDEX events_story ON events(story);

-- One article's report of a merged event, as the article's analysis had it.
CREATE TABLE evidence (
	article     INTEGER NOT NULL,
	local       TEXT NOT NULL,  -- "V1"
	ord         INTEGER NOT NULL,
	event       INTEGER NOT NULL,
	source_name TEXT NOT NULL DEFAULT '', -- the article's outlet, for NumSources
	type        TEXT NOT NULL,
	mode        TEXT NOT NULL DEFAULT '',
	cameo       TEXT NOT NULL DEFAULT '',
	src         TEXT NOT NULL DEFAULT '',  -- article-local entity IDs
	tgt         TEXT NOT NULL DEFAULT '',
	loc         TEXT NOT NULL DEFAULT '',
	claimed_by  TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL DEFAULT '',
	date_basis  TEXT NOT NULL DEFAULT '',
	fatalities  INTEGER,
	injuries    INTEGER,
	status      TEXT NOT NULL DEFAULT '',
	trig_start  INTEGER NOT NULL,
	trig_end    INTEGER NOT NULL,
	sentence    INTEGER NOT NULL,
	sent_start  INTEGER NOT NULL,
	sent_end    INTEGER NOT NULL,
	published   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE INDEX evidence_event ON evidence(event, source_name);

-- Running counts kept at ingest so that timeline and network stay fast.
CREATE TABLE daily (
	day  TEXT NOT NULL,
	type TEXT NOT NULL,
	n    INTEGER NOT NULL,
	PRIMARY KEY (day, type)
) WITHOUT ROWID;
CREATE TABLE edges (
	source INTEGER NOT NULL,
	target INTEGER NOT NULL,
	type   TEXT NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (source, target, type)
) WITHOUT ROWID;
CREATE INDEX edges_target ON edges(target);

CREATE TABLE stories (
	id         INTEGER PRIMARY KEY,
	title      TEXT NOT NULL DEFAULT '',
	first      TEXT NOT NULL DEFAULT '',
	last       TEXT NOT NULL DEFAULT '',
	n_articles INTEGER NOT NULL DEFAULT 0,
	n_events   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last ON stories(last);
`,
	// 2: covering indexes for listing events by date or type (actor tests
	// and paging read no table rows), network queries by weight, and
	// running totals so that Stats reads no article rows.
	`
DROP INDEX events_date;
CREATE INDEX events_date ON events(date, source, target, type);
DROP INDEX events_type;
CREATE INDEX events_type ON events(type, date, source, target);
CREATE INDEX edges_weight ON edges(n DESC);
CREATE TABLE totals (
	name TEXT PRIMARY KEY,
	n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO totals (name, n)
	SELECT 'timexes', coalesce(sum(json_array_length(timexes)), 0) FROM articles WHERE timexes <> '';
`,
	// 3: events an article mentions without reporting them as having
	// happened (doc.Doc.OtherEvents) are kept as evidence of no merged
	// event; the reason the stages skipped an article is kept.
	`
ALTER TABLE evidence ADD COLUMN other INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN skipped TEXT NOT NULL DEFAULT '';
`,
}

// SchemaVersion is the version a freshly migrated database has.
var SchemaVersion = len(migrations)

// migrate brings the database up to SchemaVersion, one migration per
// transaction, so that a crash leaves it at some whole version.
func migrate(ctx context.Context, db *sql.DB) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this program's %d", v, len(migrations))
	}
	for i := v; i < len(migrations); i++ {
		if err := apply(ctx, db, i+1, migrations[i]); err != nil {
			return err
		}
	}
	return nil
}

func apply(ctx context.Context, db *sql.DB, version int, script string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %d: %w", version, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, script); err != nil {
		return fmt.Errorf("migration %d: %w", version, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		return fmt.Errorf("migration %d: set version: %w", version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %d: commit: %w", version, err)
	}
	return nil
}
