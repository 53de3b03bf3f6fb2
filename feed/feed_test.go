package feed

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example/</link>
<item><title>Full text</title><link>https://news.example/a</link>
<pubDate>Thu, 02 Jan 2020 23:30:00 -0500</pubDate><dc:creator>Jane Roe</dc:creator>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The whole story.</p><p>Second paragraph.</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://news.example/b</link>
<pubDate>Fri, 03 Jan 2020 08:00:00 GMT</pubDate><description>&lt;p&gt;Only a teaser.&lt;/p&gt;</description></item>
<item><title>Broken date</title><link>https://news.example/c</link><pubDate>the day after tomorrow</pubDate><description>x</description></item>
<item><title>No date</title><link>https://news.example/d</link><description>y</description></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<entry><title>Entry one</title><link href="https://atom.example/1"/><id>urn:1</id>
<published>2020-01-02T01:00:00+09:00</published><updated>2020-01-03T00:00:00Z</updated>
<author><name>John Doe</name></author><content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry>
<entry><title>Updated only</title><link href="https://atom.example/2"/><id>urn:2</id>
<updated>2020-01-05T12:00:00Z</updated><summary>Summary.</summary></entry>
</feed>`

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []Item
	}{
		{"rss", rss, []Item{
			{Index: 0, Title: "Full text", URL: "https://news.example/a", Author: "Jane Roe", Source: "Example News",
				Published: "Thu, 02 Jan 2020 23:30:00 -0500", PublishedUTC: time.Date(2020, 1, 3, 4, 30, 0, 0, time.UTC),
				Day: day("2020-01-02"), HTML: "<p>The whole story.</p><p>Second paragraph.</p>"},
			{Index: 1, Title: "Teaser only", URL: "https://news.example/b", Source: "Example News",
				Published: "Fri, 03 Jan 2020 08:00:00 GMT", PublishedUTC: time.Date(2020, 1, 3, 8, 0, 0, 0, time.UTC),
				Day: day("2020-01-03"), HTML: "<p>Only a teaser.</p>"},
			{Index: 2, Title: "Broken date", URL: "https://news.example/c", Source: "Example News",
				Published: "the day after tomorrow", HTML: "x", Err: ErrNoDate},
			{Index: 3, Title: "No date", URL: "https://news.example/d", Source: "Example News", HTML: "y", Err: ErrNoDate},
		}},
		{"atom", atom, []Item{
			{Index: 0, Title: "Entry one", URL: "https://atom.example/1", Author: "John Doe", Source: "Atom Outlet",
				Published: "2020-01-02T01:00:00+09:00", PublishedUTC: time.Date(2020, 1, 1, 16, 0, 0, 0, time.UTC),
				Day: day("2020-01-02"), HTML: "<p>Atom body.</p>"},
			{Index: 1, Title: "Updated only", URL: "https://atom.example/2", Source: "Atom Outlet",
				Published: "2020-01-05T12:00:00Z", PublishedUTC: time.Date(2020, 1, 5, 12, 0, 0, 0, time.UTC),
				Day: day("2020-01-05"), HTML: "Summary."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d items, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if !errors.Is(g.Err, w.Err) || (w.Err == nil) != (g.Err == nil) {
					t.Errorf("item %d: err = %v, want %v", i, g.Err, w.Err)
				}
				g.Err, w.Err = nil, nil
				if g != w {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

func TestReadNotAFeed(t *testing.T) {
	for _, in := range []string{"", "<html><body>hi</body></html>", "{\"a\":1}", "<rss><channel><item>"} {
		items, err := Read(strings.NewReader(in))
		if err == nil && len(items) > 0 {
			t.Errorf("%q: got %d items and no error", in, len(items))
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(rss)
	f.Add(atom)
	f.Add(`<rss><channel><item><pubDate>x</pubDate></item></channel></rss>`)
	f.Fuzz(func(t *testing.T, in string) {
		items, err := Read(strings.NewReader(in))
		if err != nil && items != nil {
			t.Fatal("items with an error")
		}
		for i, it := range items {
			if it.Err == nil && it.PublishedUTC.IsZero() {
				t.Fatalf("item %d: no date and no error", i)
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	for b.Loop() {
		if _, err := Read(strings.NewReader(rss)); err != nil {
			b.Fatal(err)
		}
	}
}
