package conllu

import (
	"strings"
	"testing"
)

// A two-sentence document in GUM's format: nested and single-word
// mentions, a multiword token, a paragraph break.
const sample = "# newdoc id = tiny\n" +
	"# newpar\n" +
	"# text = US Secretary Mike Pompeo's aide spoke.\n" +
	"1\tUS\tUS\tPROPN\tNNP\t_\t4\tcompound\t_\tEntity=(1-person-new-s-cf1-4-coref(2-place-new-s-cf2-1-sgl)\n" +
	"2\tSecretary\tsecretary\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n" +
	"3\tMike\tMike\tPROPN\tNNP\t_\t4\tflat\t_\t_\n" +
	"4-5\tPompeo's\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"4\tPompeo\tPompeo\tPROPN\tNNP\t_\t6\tnmod:poss\t_\tEntity=1)\n" +
	"5\t's\t's\tPART\tPOS\t_\t4\tcase\t_\t_\n" +
	"6\taide\taide\tNOUN\tNN\t_\t7\tnsubj\t_\tEntity=(3-person-new-s-cf3-1-sgl)\n" +
	"7\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
	"8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n" +
	"\n" +
	"# newpar\n" +
	"# text = He left.\n" +
	"1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(3-person-giv-s-cf1-1-coref)\n" +
	"2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
	"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n" +
	"\n"

func TestRead(t *testing.T) {
	docs, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	if want := "US Secretary Mike Pompeo's aide spoke.\n\nHe left."; d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	tests := []struct {
		text, typ, cluster string
		named              bool
		proper             []string
	}{
		{"US", "place", "2", true, []string{"US"}},
		{"US Secretary Mike Pompeo", "person", "1", true, []string{"Secretary", "Mike", "Pompeo"}},
		{"aide", "person", "3", false, nil},
		{"He", "person", "3", false, nil},
	}
	if len(d.Mentions) != len(tests) {
		t.Fatalf("got %d mentions, want %d", len(d.Mentions), len(tests))
	}
	for _, tt := range tests {
		var m *Mention
		for i := range d.Mentions {
			if d.Text[d.Mentions[i].Start:d.Mentions[i].End] == tt.text {
				m = &d.Mentions[i]
			}
		}
		if m == nil {
			t.Errorf("no mention %q", tt.text)
			continue
		}
		if m.Type != tt.typ || m.Cluster != tt.cluster || m.Named != tt.named {
			t.Errorf("%q: got %s/%s named=%v, want %s/%s named=%v", tt.text, m.Type, m.Cluster, m.Named, tt.typ, tt.cluster, tt.named)
		}
		var got []string
		for _, p := range m.Proper {
			got = append(got, d.Text[p[0]:p[1]])
		}
		if strings.Join(got, " ") != strings.Join(tt.proper, " ") {
			t.Errorf("%q: own proper nouns %q, want %q", tt.text, got, tt.proper)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n",                            // token before newdoc
		"# newdoc id = a\n1\tx\tx\n",                                   // too few columns
		"# newdoc id = a\n1\tx\tx\tX\tX\t_\t0\troot\t_\tEntity=4)\n\n", // closed, never opened
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("no error for %q", in)
		}
	}
}

func TestScores(t *testing.T) {
	c := Count{TP: 3, FP: 1, FN: 2}
	if p, r := c.P(), c.R(); p != 0.75 || r != 0.6 {
		t.Fatalf("P %v R %v", p, r)
	}
	if f := c.F1(); f < 0.666 || f > 0.667 {
		t.Fatalf("F1 %v", f)
	}
	if (Count{}).F1() != 0 {
		t.Fatal("empty count has F1")
	}
}
