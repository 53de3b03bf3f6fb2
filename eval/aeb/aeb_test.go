package aeb

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

const benchDir = "../../../shared/corpora/article-extraction-benchmark"

func TestEvaluate(t *testing.T) {
	if _, err := os.Stat(filepath.Join(benchDir, "ground-truth.json")); err != nil {
		t.Skip("article-extraction benchmark not found at " + benchDir + " (it lives outside the repository)")
	}
	var out bytes.Buffer
	sc, err := Evaluate(benchDir, &out, testing.Verbose())
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if sc.Pages != 181 {
		t.Errorf("pages = %d, want 181", sc.Pages)
	}
	const floor = 0.5
	if sc.F1 < floor {
		t.Errorf("F1 = %.3f, below the floor %.3f", sc.F1, floor)
	}
}
