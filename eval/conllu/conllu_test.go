package conllu

import (
	"io"
	"os"
	"testing"
)

const gumDir = "../../../shared/corpora/gum-news"

func TestGUM(t *testing.T) {
	if _, err := os.Stat(gumDir); err != nil {
		t.Skipf("GUM news corpus not present at %s", gumDir)
	}
	var w io.Writer = io.Discard
	if testing.Verbose() {
		w = os.Stdout
	}
	sc, err := Evaluate(gumDir, w, os.Getenv("GUM_VERBOSE") != "")
	if err != nil {
		t.Fatal(err)
	}
	if sc.Docs == 0 || sc.All.TP == 0 {
		t.Fatalf("nothing matched: %+v", sc)
	}
}
