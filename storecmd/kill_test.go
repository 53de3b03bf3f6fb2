package storecmd

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/samples"
	"github.com/chronicle/chronicle/store"
	"github.com/chronicle/chronicle/store/sqlite"
)

const (
	killDBEnv    = "CHRONICLE_INGEST_KILL_DB"
	killInputEnv = "CHRONICLE_INGEST_KILL_INPUT"
	killArticles = 320
)

// TestIngestKillChild is the subprocess of TestIngestKill9: a plain
// `chronicle ingest`.
func TestIngestKillChild(t *testing.T) {
	db, input := os.Getenv(killDBEnv), os.Getenv(killInputEnv)
	if db == "" {
		t.Skip("run by TestIngestKill9 as a subprocess")
	}
	code := runIngest(context.Background(), []string{"--db", db, "--progress", "none", input},
		cli.IO{In: strings.NewReader(""), Out: os.Stdout, Err: os.Stderr})
	if code != cli.ExitOK {
		t.Fatalf("ingest exit %d", code)
	}
}

// TestIngestKill9 kills `chronicle ingest` with SIGKILL once some batches
// are committed, reruns it, and checks that every article is stored
// exactly once with all of its records and that the database passes
// PRAGMA integrity_check.
func TestIngestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess test")
	}
	arts, err := samples.Articles(nil)
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "in.jsonl")
	f, err := os.Create(input)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for it := range repeatArticles(arts, killArticles) {
		a := it.Article
		enc.Encode(map[string]string{"published": a.Published.Format("2006-01-02"), "source": "outlet.example", "text": a.Body})
	}
	f.Close()
	path := filepath.Join(dir, "kill.db")
	child := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKillChild$")
		cmd.Env = append(os.Environ(), killDBEnv+"="+path, killInputEnv+"="+input)
		return cmd
	}

	cmd := child()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if n = countArticles(path); n >= batchSize {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	n = countArticles(path)
	if n < batchSize || n >= killArticles {
		t.Fatalf("killed with %d articles stored, want a partial run", n)
	}
	t.Logf("killed with %d of %d articles stored", n, killArticles)

	rerun := child()
	out, err := rerun.CombinedOutput()
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "already stored") {
		t.Errorf("rerun summary:\n%s", out)
	}

	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if ok, err := db.IntegrityCheck(ctx); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q %v", ok, err)
	}
	list, err := db.Articles(ctx, store.ArticleFilter{Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != killArticles {
		t.Fatalf("%d articles stored, want %d", len(list), killArticles)
	}
	seen := map[string]bool{}
	for _, a := range list {
		if seen[a.ID] {
			t.Errorf("%s stored twice", a.ID)
		}
		seen[a.ID] = true
		full, err := db.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		d := full.Doc
		if len(d.Entities) != a.Entities || len(d.Quotes) != a.Quotes || len(d.Events) != a.Events || len(d.Sentences) == 0 {
			t.Errorf("%s: %d/%d entities, %d/%d quotes, %d/%d events, %d sentences", a.ID,
				len(d.Entities), a.Entities, len(d.Quotes), a.Quotes, len(d.Events), a.Events, len(d.Sentences))
		}
	}
}

// countArticles reads the article count of a database another process is
// writing, or 0 while it cannot be read.
func countArticles(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0
	}
	return n
}
