package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle/chronicle/doc"
)

const (
	killDBEnv   = "CHRONICLE_KILL_TEST_DB"
	killDocs    = 600
	killBatch   = 8
	killAfterTx = 10 // batches committed before the parent kills the child
)

// killDoc is the i-th article of the kill test: one of the fixtures with a
// body made distinct by a counter.
func killDoc(t testing.TB, i int) *doc.Doc {
	s := []spec{strikeA, strikeB, deal}[i%3]
	s.id = fmt.Sprintf("k%04d", i)
	s.source = fmt.Sprintf("outlet%d.example", i%7)
	s.body += fmt.Sprintf(" Report number %d ends here.", i)
	return build(t, s)
}

// TestKillChild is the subprocess of TestKill9: it stores every kill-test
// article in batches, printing a line after each commit.
func TestKillChild(t *testing.T) {
	path := os.Getenv(killDBEnv)
	if path == "" {
		t.Skip("run by TestKill9 as a subprocess")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < killDocs; i += killBatch {
		var docs []*doc.Doc
		for j := i; j < min(i+killBatch, killDocs); j++ {
			docs = append(docs, killDoc(t, j))
		}
		if _, err := db.Put(ctx, docs); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("committed %d\n", i)
	}
	if err := db.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	fmt.Println("done")
}

// TestKill9 kills an ingesting process with SIGKILL mid-way, reruns it,
// and checks that every article is stored exactly once with all of its
// records and that the file passes PRAGMA integrity_check.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess test")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	child := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.v")
		cmd.Env = append(os.Environ(), killDBEnv+"="+path)
		return cmd
	}

	cmd := child()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	commits := 0
	for sc.Scan() && commits < killAfterTx {
		if strings.HasPrefix(sc.Text(), "committed ") {
			commits++
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if commits < killAfterTx {
		t.Fatalf("child stopped after %d commits", commits)
	}

	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Stats(ctx)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles < killAfterTx*killBatch || s.Articles >= killDocs {
		t.Fatalf("after kill: %d articles stored, want a partial run", s.Articles)
	}
	if s.Articles%killBatch != 0 {
		t.Errorf("after kill: %d articles, not whole batches", s.Articles)
	}
	t.Logf("killed after %d articles", s.Articles)

	rerun := child()
	var buf strings.Builder
	rerun.Stdout, rerun.Stderr = &buf, &buf
	start := time.Now()
	if err := rerun.Run(); err != nil {
		t.Fatalf("rerun: %v\n%s", err, buf.String())
	}
	t.Logf("rerun took %v", time.Since(start))

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q %v", ok, err)
	}
	checkComplete(t, db)
}

// checkComplete checks that all kill-test articles are stored once, each
// with exactly the records of its analysis.
func checkComplete(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	var n, distinct int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT aid) FROM articles`).Scan(&n, &distinct); err != nil {
		t.Fatal(err)
	}
	if n != killDocs || distinct != killDocs {
		t.Fatalf("articles = %d (%d distinct), want %d", n, distinct, killDocs)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT a.aid, a.n_entities, a.n_quotes, a.n_events,
		(SELECT count(*) FROM article_entities e WHERE e.article = a.id),
		(SELECT count(*) FROM quotes q WHERE q.article = a.id),
		(SELECT count(*) FROM evidence v WHERE v.article = a.id AND v.other = 0),
		(SELECT count(*) FROM article_fts WHERE rowid = a.id)
		FROM articles a`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var ne, nq, nv, ge, gq, gv, fts int
		if err := rows.Scan(&id, &ne, &nq, &nv, &ge, &gq, &gv, &fts); err != nil {
			t.Fatal(err)
		}
		if ne != ge || nq != gq || nv != gv || fts != 1 || ne == 0 {
			t.Errorf("%s: entities %d/%d quotes %d/%d events %d/%d fts %d", id, ge, ne, gq, nq, gv, nv, fts)
		}
	}
	// Merged counts agree with the evidence rows.
	var bad int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM events e WHERE num_mentions <>
		(SELECT count(*) FROM evidence v WHERE v.event = e.id)`).Scan(&bad); err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Errorf("%d events whose mention count disagrees with their evidence", bad)
	}
	var unclustered int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE story IS NULL`).Scan(&unclustered); err != nil {
		t.Fatal(err)
	}
	if unclustered != 0 {
		t.Errorf("%d articles without a story", unclustered)
	}
}
