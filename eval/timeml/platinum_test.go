package timeml

import (
	"bytes"
	"os"
	"testing"
)

// platinum is the TempEval-3 platinum test set, read from the shared
// corpora at test time and never copied into the project.
const platinum = "../../../shared/corpora/te3-platinum"

// Floors measured on the platinum set when the stage was written; a drop
// below them is a regression.
const (
	relaxedFloor = 0.94 // measured 0.9520
	valueFloor   = 0.88 // measured 0.8930
)

func TestPlatinum(t *testing.T) {
	if _, err := os.Stat(platinum); err != nil {
		t.Skip("TempEval-3 platinum corpus not present: ", platinum)
	}
	var out bytes.Buffer
	sc, err := Evaluate(platinum, &out, testing.Verbose())
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if sc.Gold != 138 {
		t.Errorf("read %d gold expressions, want the set's 138", sc.Gold)
	}
	if f := sc.RelaxedF1(); f < relaxedFloor {
		t.Errorf("relaxed F1 %.4f below floor %.2f", f, relaxedFloor)
	}
	if f := sc.ValueF1(); f < valueFloor {
		t.Errorf("value F1 %.4f below floor %.2f", f, valueFloor)
	}
}
