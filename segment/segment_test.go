package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
)

func newDoc(t testing.TB, body string) *doc.Doc {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{Article: doc.Article{Body: body}}
	s.Run(d)
	return d
}

// checkOffsets asserts the invariant every later stage relies on.
func checkOffsets(t *testing.T, d *doc.Doc) {
	t.Helper()
	body := d.Article.Body
	for i, tok := range d.Tokens {
		if body[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d %q: body gives %q", i, tok.Text, body[tok.Start:tok.End])
		}
		if tok.Tag == "" {
			t.Fatalf("token %d %q has no tag", i, tok.Text)
		}
		if i > 0 && tok.Start < d.Tokens[i-1].End {
			t.Fatalf("token %d %q overlaps the one before", i, tok.Text)
		}
	}
	next := 0
	for i, s := range d.Sentences {
		if s.First != next || s.Last <= s.First {
			t.Fatalf("sentence %d token range [%d,%d) after %d", i, s.First, s.Last, next)
		}
		next = s.Last
		for _, tok := range d.Tokens[s.First:s.Last] {
			if tok.Start < s.Start || tok.End > s.End {
				t.Fatalf("token %q outside sentence %d", tok.Text, i)
			}
		}
		p := d.Paragraphs[s.Para]
		if s.Start < p.Start || s.End > p.End {
			t.Fatalf("sentence %d crosses paragraph %d", i, s.Para)
		}
	}
	if next != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
	}
	for _, p := range d.Paragraphs {
		if body[p.Start:p.End] != p.Text {
			t.Fatalf("paragraph text %q does not match its offsets", p.Text)
		}
	}
}

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		paragraphs int
		sentences  []string
	}{
		{"two sentences", "The minister arrived on Monday. She met the president.", 1,
			[]string{"The minister arrived on Monday.", "She met the president."}},
		{"blank line", "First paragraph here.\n\n  Second one, after spaces.\n", 2,
			[]string{"First paragraph here.", "Second one, after spaces."}},
		{"single newline breaks a post without final stop",
			"Spoke today with the minister — Jane Roe (@jroe) May 1, 2024\nThe talks went on.", 2,
			[]string{"Spoke today with the minister — Jane Roe (@jroe) May 1, 2024", "The talks went on."}},
		{"hard-wrapped text keeps sentences across lines",
			"The delegation from the northern provinces arrived late on\nTuesday evening and was received by officials of the ministry\nwho had waited at the airport for several hours in the cold\nbefore the talks began.", 1,
			[]string{"The delegation from the northern provinces arrived late on\nTuesday evening and was received by officials of the ministry\nwho had waited at the airport for several hours in the cold\nbefore the talks began."}},
		{"curly quotes and multibyte", "“We will not yield,” Müller said. ‘Never.’", 1, nil},
		{"empty", "   \n\n ", 0, []string{}},
		{"title abbreviations do not end sentences", "The raid was led by Lt. Col. Mark Dean, the army said. Gen. Ruiz agreed.", 1,
			[]string{"The raid was led by Lt. Col. Mark Dean, the army said.", "Gen. Ruiz agreed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(t, tt.body)
			checkOffsets(t, d)
			if len(d.Paragraphs) != tt.paragraphs {
				t.Errorf("paragraphs = %d, want %d", len(d.Paragraphs), tt.paragraphs)
			}
			if tt.sentences == nil {
				return
			}
			var got []string
			for i := range d.Sentences {
				got = append(got, d.SentenceText(i))
			}
			if strings.Join(got, "|") != strings.Join(tt.sentences, "|") {
				t.Errorf("sentences = %q, want %q", got, tt.sentences)
			}
		})
	}
}

func TestTags(t *testing.T) {
	d := newDoc(t, "Protesters attacked the embassy in Baghdad.")
	want := map[string]string{"attacked": "VBD", "embassy": "NN", "Baghdad": "NNP"}
	for _, tok := range d.Tokens {
		if w, ok := want[tok.Text]; ok && tok.Tag != w {
			t.Errorf("%s tagged %s, want %s", tok.Text, tok.Tag, w)
		}
	}
}

// TestSeedOffsets checks the reference article: every token's offsets give
// back its text.
func TestSeedOffsets(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seed", "baghdad-embassy-2020-01-02.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("reference article not available (%v): ../shared is absent in a fresh clone", err)
	}
	d := newDoc(t, string(b))
	checkOffsets(t, d)
	if len(d.Tokens) < 500 || len(d.Sentences) < 15 {
		t.Errorf("seed: %d tokens, %d sentences; expected a full article", len(d.Tokens), len(d.Sentences))
	}
}

func FuzzRun(f *testing.F) {
	f.Add("A. B.\n\nC “d” e’s.")
	f.Add("\xff\x00 x")
	s, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d := &doc.Doc{Article: doc.Article{Body: body}}
		s.Run(d)
		for _, tok := range d.Tokens {
			if body[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q misplaced", tok.Text)
			}
		}
	})
}

func BenchmarkSegment(b *testing.B) {
	body := strings.Repeat("US Secretary of State Mike Pompeo thanked Israeli Prime Minister Benjamin Netanyahu for his condemnation of Tuesday’s attack. “This is not a warning,” he said.\n\n", 20)
	s, err := New()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	b.ResetTimer()
	for b.Loop() {
		d := &doc.Doc{Article: doc.Article{Body: body}}
		s.Run(d)
		tokens += len(d.Tokens)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
