package timeml

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
)

func TestParse(t *testing.T) {
	src := `<DCT><TIMEX3 functionInDocument="CREATION_TIME" type="DATE" value="2013-03-22">March 22</TIMEX3></DCT>` +
		`<TEXT>A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3>.</TEXT>`
	gd, err := Parse("x.tml", src)
	if err != nil {
		t.Fatal(err)
	}
	if gd.Text != "A & B met Thursday." {
		t.Errorf("text %q", gd.Text)
	}
	if gd.DCT.Format("2006-01-02") != "2013-03-22" {
		t.Errorf("creation time %v", gd.DCT)
	}
	if len(gd.Timexes) != 1 {
		t.Fatalf("got %d timexes, want 1", len(gd.Timexes))
	}
	g := gd.Timexes[0]
	if gd.Text[g.Start:g.End] != "Thursday" || g.Type != "DATE" || g.Value != "2013-03-21" {
		t.Errorf("timex %+v covers %q", g, gd.Text[g.Start:g.End])
	}
}

func TestParseErrors(t *testing.T) {
	for name, src := range map[string]string{
		"no dct":      `<TEXT>x</TEXT>`,
		"no text":     `<DCT><TIMEX3 value="2013-03-22">x</TIMEX3></DCT>`,
		"bad dct":     `<DCT><TIMEX3 value="PRESENT_REF">x</TIMEX3></DCT><TEXT>x</TEXT>`,
		"nested":      `<DCT><TIMEX3 value="2013-03-22">x</TIMEX3></DCT><TEXT><TIMEX3 value="1"><TIMEX3 value="2">x</TIMEX3></TIMEX3></TEXT>`,
		"stray close": `<DCT><TIMEX3 value="2013-03-22">x</TIMEX3></DCT><TEXT>x</TIMEX3></TEXT>`,
		"unclosed":    `<DCT><TIMEX3 value="2013-03-22">x</TIMEX3></DCT><TEXT>x <TIMEX3</TEXT>`,
	} {
		if _, err := Parse(name, src); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestScore checks the pairing and the measures on a hand-made case:
// one exact right match, one overlapping match with a wrong value, one
// miss and one extra.
func TestScore(t *testing.T) {
	gd := Document{Name: "x", Text: "aaaa bbbb cccc dddd", Timexes: []gold{
		{Start: 0, End: 4, Type: "DATE", Value: "1"},
		{Start: 5, End: 9, Type: "DATE", Value: "2"},
		{Start: 10, End: 14, Type: "DATE", Value: "3"},
	}}
	sys := []doc.Timex{
		{Span: doc.Span{Start: 0, End: 4, Text: "aaaa"}, Type: "DATE", Value: "1"},
		{Span: doc.Span{Start: 5, End: 7, Text: "bb"}, Type: "TIME", Value: "9"},
		{Span: doc.Span{Start: 15, End: 19, Text: "dddd"}, Type: "DATE", Value: "4"},
	}
	var out bytes.Buffer
	sc := score(gd, sys, &out, true)
	want := Scores{Files: 1, Gold: 3, System: 3, Strict: 1, Relaxed: 2, Type: 1, Value: 1}
	if sc != want {
		t.Errorf("got %+v, want %+v", sc, want)
	}
	for _, s := range []string{"MISS", "VALUE", "EXTRA"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("verbose output lacks %s:\n%s", s, out.String())
		}
	}
	if f := sc.RelaxedF1(); math.Abs(f-2.0/3) > 1e-9 {
		t.Errorf("relaxed F1 %v, want 2/3", f)
	}
	if f := sc.ValueF1(); math.Abs(f-1.0/3) > 1e-9 {
		t.Errorf("value F1 %v, want 1/3", f)
	}
}

// TestEvaluateSample runs the whole path on a small document written for
// this test: five of its six expressions should come out right, and "the
// 1880s" is annotated with a deliberately wrong value, so value accuracy
// must not be perfect.
func TestEvaluateSample(t *testing.T) {
	var out bytes.Buffer
	sc, err := Evaluate("testdata", &out, true)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Files != 1 || sc.Gold != 6 {
		t.Fatalf("read %d files, %d gold; want 1, 6", sc.Files, sc.Gold)
	}
	if sc.Relaxed != 6 || sc.Value != 5 || sc.System != 6 {
		t.Errorf("got %+v; want all 6 found, 5 values right\n%s", sc, out.String())
	}
	if !strings.Contains(out.String(), "relaxed") {
		t.Errorf("no score table:\n%s", out.String())
	}
}

func TestEvaluateMissingDir(t *testing.T) {
	_, err := Evaluate("testdata/no-such-dir", &bytes.Buffer{}, false)
	if err == nil || !strings.Contains(err.Error(), "no-such-dir") {
		t.Errorf("error %v does not name the missing directory", err)
	}
}
