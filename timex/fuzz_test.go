package timex

import (
	"os"
	"testing"
	"time"
	"unicode"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/segment"
)

// fuzzTags are the parts of speech the fuzz tokeniser hands out, so that
// the tense logic sees every kind of verb group.
var fuzzTags = []string{"NNP", "CD", "VBD", "MD", "VB", "NNS", "IN", "DT", "JJ", "RB", "TO", "VBN", "VBZ", "NN", "PRP$", "POS"}

// fuzzDoc splits text into tokens at spaces and punctuation, one sentence
// a line, so that the tagger alone is under test.
func fuzzDoc(body string, pub time.Time) *doc.Doc {
	d := &doc.Doc{Article: doc.Article{Body: body, Published: pub}}
	sentStart, first := 0, 0
	closeSent := func(end int) {
		if len(d.Tokens) > first {
			d.Sentences = append(d.Sentences, doc.Sentence{Start: sentStart, End: end, First: first, Last: len(d.Tokens), Para: len(d.Sentences) / 2})
		}
		sentStart, first = end, len(d.Tokens)
	}
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			tag := fuzzTags[(int(body[start])+end)%len(fuzzTags)]
			d.Tokens = append(d.Tokens, doc.Token{Start: start, End: end, Text: body[start:end], Tag: tag})
		}
		start = -1
	}
	for i, r := range body {
		switch {
		case r == '\n':
			flush(i)
			closeSent(i + 1)
		case unicode.IsSpace(r):
			flush(i)
		case r == ',' || r == '(' || r == ')' || r == ';':
			flush(i)
			d.Tokens = append(d.Tokens, doc.Token{Start: i, End: i + 1, Text: body[i : i+1], Tag: string(r)})
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(body))
	closeSent(len(body))
	return d
}

func FuzzTagger(f *testing.F) {
	for _, s := range []string{
		"On 31 December, protesters attacked the embassy at 10:30 a.m. Tuesday.",
		"Spoke today with @IsraeliPM — Secretary Pompeo (@SecPompeo) January 1, 2020",
		"the past two years, every other week, twice a year, 2009-2010, 12/31/2019, mid-1990s",
		"a 25-year-old, 48-hour, forty-five years ago, fy2019, the '90s, 3:07:35, 99:99 pm",
		"last\nnext\nthe end of\nearly",
		"Dec. 32, Feb. 29, 2019 and Feb. 29, 2020 and 0 days",
	} {
		f.Add(s)
	}
	tg, err := New()
	if err != nil {
		f.Fatal(err)
	}
	pub := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body string) {
		d := fuzzDoc(body, pub)
		tg.Run(d)
		for _, x := range d.Timexes {
			if x.Start < 0 || x.End > len(body) || x.Start >= x.End || body[x.Start:x.End] != x.Text {
				t.Fatalf("bad span %+v in %q", x, body)
			}
			if x.Value == "" || x.Type == "" {
				t.Fatalf("empty value or type %+v in %q", x, body)
			}
		}
		for i := range d.Sentences {
			EventDate(d, i, d.SpanOf(d.Sentences[i].Start, d.Sentences[i].Start))
		}
	})
}

// BenchmarkTagger measures the stage alone on an already segmented
// article, in tokens per second.
func BenchmarkTagger(b *testing.B) {
	body := benchBody
	if raw, err := os.ReadFile("../../shared/seed/baghdad-embassy-2020-01-02.txt"); err == nil {
		body = string(raw)
	}
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	tg, err := New()
	if err != nil {
		b.Fatal(err)
	}
	d := &doc.Doc{Article: doc.Article{Body: body, Published: thursday}}
	seg.Run(d)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Timexes = d.Timexes[:0]
		tg.Run(d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// benchBody stands in for the seed article when the shared files are absent.
const benchBody = "On 31 December, a number of protesters attacked parts of the embassy, following airstrikes that killed 25 people. " +
	"In a late Wednesday call, the secretary of state thanked the prime minister for his condemnation of Tuesday's attack.\n\n" +
	"Officials said the talks, which lasted two days, would resume next week, and that every year since 2019 the group had met in the 1990s style.\n\n" +
	"Spoke today with the prime minister. — Secretary (@Sec) January 1, 2020"
