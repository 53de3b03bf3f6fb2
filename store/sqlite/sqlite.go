// Package sqlite is Chronicle's embedded store: one SQLite file in WAL mode,
// written through a single connection in batched transactions and read
// through a small pool, with FTS5 indexes over article text and quotes.
//
// It implements store.Store. Each article goes in with all of its records
// inside one transaction keyed by the article's content hash, so re-ingest
// adds nothing and a crash (even kill -9) leaves every article stored
// exactly once or not at all.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"runtime"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/chronicle/chronicle/store"
)

// DB is a Chronicle store in one SQLite file. Its methods are safe for
// concurrent use; writes are serialised.
type DB struct {
	path string
	w    *sql.DB // the one writer connection
	r    *sql.DB // readers

	mu    sync.Mutex           // held for a whole Put
	cache *cache               // writer-side lookups; reset when a transaction fails
	stmts map[string]*sql.Stmt // prepared write statements, by query
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the database at path and migrates it to
// the current schema.
func Open(ctx context.Context, path string) (*DB, error) {
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	n := max(2, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	return &DB{path: path, w: w, r: r, cache: newCache(), stmts: map[string]*sql.Stmt{}}, nil
}

// dsn builds the connection string: WAL so readers never block the writer,
// synchronous=NORMAL (durable at checkpoints, never corrupt), a busy
// timeout for concurrent processes, and immediate transactions for the
// writer so that two writers queue instead of failing on upgrade.
func dsn(path string, writer bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(0)")
	q.Add("_pragma", "temp_store(MEMORY)")
	if writer {
		// A larger cache and log between checkpoints let the index pages
		// that every batch touches be written once per checkpoint, not
		// once per batch.
		q.Add("_pragma", "cache_size(-65536)")
		q.Add("_pragma", "wal_autocheckpoint(8192)")
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "cache_size(-32000)")
		// Readers map the file: queries read pages without copying them.
		q.Add("_pragma", "query_only(1)")
		q.Add("_pragma", "mmap_size(268435456)")
	}
	return "file:" + path + "?" + q.Encode()
}

// Close closes both pools.
func (db *DB) Close() error {
	db.mu.Lock()
	for _, s := range db.stmts {
		s.Close()
	}
	db.stmts = map[string]*sql.Stmt{}
	db.mu.Unlock()
	errR := db.r.Close()
	errW := db.w.Close()
	if errW != nil {
		return fmt.Errorf("close %s: %w", db.path, errW)
	}
	if errR != nil {
		return fmt.Errorf("close %s: %w", db.path, errR)
	}
	return nil
}

// Version returns the schema version of the open database.
func (db *DB) Version(ctx context.Context) (int, error) {
	var v int
	err := db.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// IntegrityCheck runs PRAGMA integrity_check and returns its first line
// ("ok" when the file is sound).
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var s string
	if err := db.w.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&s); err != nil {
		return "", fmt.Errorf("integrity check: %w", err)
	}
	return s, nil
}

// Checkpoint folds the write-ahead log back into the database file.
func (db *DB) Checkpoint(ctx context.Context) error {
	if _, err := db.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
