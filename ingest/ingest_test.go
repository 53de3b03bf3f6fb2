package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// write creates files under a temporary directory and returns it.
func write(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func collect(paths []string, opts Options) []Item {
	var out []Item
	for it := range Read(paths, opts) {
		out = append(out, it)
	}
	return out
}

func TestReadForms(t *testing.T) {
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	tests := []struct {
		name      string
		file      string
		data      string
		opts      Options
		published []string // per article; "" marks a refused input
		bodies    []string // prefix of each body (refused: prefix of the error)
		origins   []string // suffix of each origin
	}{
		{"seed one-line form", "a.txt", "  date 2020-01-02 On 31 December, protesters gathered.\n\nMore text.",
			Options{}, []string{"2020-01-02"}, []string{"On 31 December, protesters gathered.\n\nMore text."}, []string{"a.txt"}},
		{"header on its own line", "b.txt", "\ufeffdate 2013-03-22\nThe FAA on Friday announced it.\n",
			Options{}, []string{"2013-03-22"}, []string{"The FAA on Friday announced it."}, []string{"b.txt"}},
		{"plain text with --published", "c.txt", "Talks resumed in Geneva.", Options{Published: day("2024-05-01")},
			[]string{"2024-05-01"}, []string{"Talks resumed"}, []string{"c.txt"}},
		{"JSON Lines", "d.jsonl", `{"url":"https://www.example.org/x","published":"2020-01-02T23:30:00-05:00","title":"T","text":"First."}` + "\n\n" +
			`{"published":"2020-01-03","text":"Second.","source":"Wire"}` + "\n",
			Options{}, []string{"2020-01-02", "2020-01-03"}, []string{"First.", "Second."}, []string{"d.jsonl:1", "d.jsonl:3"}},
		{"JSON Lines sniffed without extension", "e.data", `{"published":"2021-02-03","text":"Sniffed."}` + "\n",
			Options{}, []string{"2021-02-03"}, []string{"Sniffed."}, []string{"e.data:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := write(t, map[string][]byte{tt.file: []byte(tt.data)})
			items := collect([]string{filepath.Join(dir, tt.file)}, tt.opts)
			if len(items) != len(tt.published) {
				t.Fatalf("got %d items, want %d: %+v", len(items), len(tt.published), items)
			}
			for i, it := range items {
				a, err := it.Resolve()
				if err != nil {
					t.Fatalf("item %d refused: %v", i, err)
				}
				if got := a.Published.Format(time.DateOnly); got != tt.published[i] {
					t.Errorf("item %d published %s, want %s", i, got, tt.published[i])
				}
				if !strings.HasPrefix(a.Body, tt.bodies[i]) {
					t.Errorf("item %d body %q, want prefix %q", i, a.Body, tt.bodies[i])
				}
				if !strings.HasSuffix(a.Origin, tt.origins[i]) {
					t.Errorf("item %d origin %q, want suffix %q", i, a.Origin, tt.origins[i])
				}
				if a.ID != ArticleID(a.Body) || len(a.ID) != 32 {
					t.Errorf("item %d id %q is not the body's hash", i, a.ID)
				}
			}
		})
	}
}

func TestJSONLFields(t *testing.T) {
	dir := write(t, map[string][]byte{"f.jsonl": []byte(`{"url":"https://www.example.org/a","published":"2020-01-02","title":"Title","text":"Body."}`)})
	items := collect([]string{filepath.Join(dir, "f.jsonl")}, Options{})
	a := items[0].Article
	if a.URL != "https://www.example.org/a" || a.Title != "Title" || a.Source != "example.org" {
		t.Errorf("fields not carried: %+v", a)
	}
}

func TestBadInputs(t *testing.T) {
	long := bytes.Repeat([]byte("a"), 50<<20)
	copy(long, "date 2020-01-02 ")
	tests := []struct {
		name   string
		file   string
		data   []byte
		reason string
	}{
		{"empty file", "empty.txt", nil, "empty input"},
		{"blank file", "blank.txt", []byte(" \n\t\n"), "empty input"},
		{"binary file", "bin.txt", []byte("date 2020-01-02 \x00\x01\x02\x03"), "binary data"},
		{"invalid UTF-8", "latin.txt", []byte("date 2020-01-02 caf\xe9 au lait"), "invalid UTF-8 at byte 19"},
		{"one 50 MB line", "huge.txt", long, "larger than the 8 MiB limit"},
		{"impossible date", "baddate.txt", []byte("date 2020-13-45 Body."), `invalid date "2020-13-45": month out of range`},
		{"missing date", "nodate.txt", []byte("Just a body with no header."), "no publication date"},
		{"header without body", "nobody.txt", []byte("date 2020-01-02\n\n"), "no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := write(t, map[string][]byte{tt.file: tt.data, "good.txt": []byte("date 2020-01-02 Fine.")})
			items := collect([]string{filepath.Join(dir, tt.file), filepath.Join(dir, "good.txt")}, Options{})
			if len(items) != 2 {
				t.Fatalf("got %d items, want the refusal and the good article", len(items))
			}
			err := items[0].Err
			if err == nil {
				t.Fatalf("accepted: %+v", items[0].Article)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, filepath.Join(dir, tt.file)+": ") || !strings.Contains(msg, tt.reason) {
				t.Errorf("error %q: want the file name and %q", msg, tt.reason)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error %q spans lines", msg)
			}
			if items[1].Err != nil || items[1].Article.Body != "Fine." {
				t.Errorf("the good input after it was not read: %+v", items[1])
			}
		})
	}
}

func TestBrokenJSONLine(t *testing.T) {
	data := `{"published":"2020-01-02","text":"One."}` + "\n" +
		`{"published":"2020-01-02","text":` + "\n" +
		`{"published":"2020-13-45","text":"Bad date."}` + "\n" +
		`{"published":"2020-01-02"}` + "\n" +
		`{"published":"2020-01-02","text":"Five."}`
	dir := write(t, map[string][]byte{"x.jsonl": []byte(data)})
	path := filepath.Join(dir, "x.jsonl")
	items := collect([]string{path}, Options{})
	want := []string{"", path + ":2: invalid JSON", path + ":3: bad \"published\"", path + ":4: no \"text\"", ""}
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d", len(items), len(want))
	}
	for i, w := range want {
		switch {
		case w == "" && items[i].Err != nil:
			t.Errorf("line %d refused: %v", i+1, items[i].Err)
		case w != "" && (items[i].Err == nil || !strings.HasPrefix(items[i].Err.Error(), w)):
			t.Errorf("line %d: error %v, want prefix %q", i+1, items[i].Err, w)
		}
	}
}

func TestDirectoryOrderAndStdin(t *testing.T) {
	dir := write(t, map[string][]byte{
		"b/2.txt":      []byte("date 2020-01-02 Two."),
		"a.txt":        []byte("date 2020-01-02 One."),
		"b/1.txt":      []byte("date 2020-01-02 Three."),
		".git/HEAD":    []byte("ref: refs/heads/main"),
		"c/.hidden.md": []byte("notes"),
	})
	var got []string
	for it := range Read([]string{dir, "-"}, Options{Stdin: strings.NewReader("date 2020-01-03 From stdin.")}) {
		if it.Err != nil {
			t.Fatalf("refused: %v", it.Err)
		}
		got = append(got, it.Article.Body+"@"+filepath.Base(it.Article.Origin))
	}
	want := "One.@a.txt Three.@1.txt Two.@2.txt From stdin.@-"
	if strings.Join(got, " ") != want {
		t.Errorf("order %q, want %q", strings.Join(got, " "), want)
	}
}

func TestMissingPath(t *testing.T) {
	items := collect([]string{"/nonexistent/chronicle/x.txt"}, Options{})
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "no such file") {
		t.Fatalf("got %+v", items)
	}
}

func TestArticleID(t *testing.T) {
	a := ArticleID("Protesters  gathered\non Tuesday.")
	if a != ArticleID(" Protesters gathered on Tuesday.\n") {
		t.Error("white space changes the id")
	}
	if a == ArticleID("Protesters gathered on Wednesday.") {
		t.Error("different bodies share an id")
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("date 2020-01-02 Body."))
	f.Add([]byte(`{"published":"2020-01-02","text":"x"}`))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for it := range Read([]string{"-"}, Options{Stdin: bytes.NewReader(data)}) {
			if it.Err == nil && strings.TrimSpace(it.Article.Body) == "" {
				t.Fatalf("accepted an empty body from %q", data)
			}
			if it.Article.Origin == "" {
				t.Fatal("item without origin")
			}
		}
	})
}
