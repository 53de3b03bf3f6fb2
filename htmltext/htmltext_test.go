package htmltext

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// article wraps paragraphs in a page with the usual furniture around
// them: navigation, a share bar, related links, a footer.
func article(head, paras string) string {
	return `<!DOCTYPE html><html lang="en-GB"><head>` + head + `</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="layout">
 <div class="story-body">
  <h1>Headline of the story</h1>
  <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
  ` + paras + `
  <figure><img src="a.jpg"><figcaption>A caption under a photo, which is not the article.</figcaption></figure>
 </div>
 <div class="related-stories"><h3>Related</h3><ul>
  <li><a href="/1">Another story about something else entirely, with a long title</a></li>
  <li><a href="/2">Yet another story about something else entirely, with a long title</a></li></ul></div>
</div>
<footer><p>Copyright 2020 Example Media. All rights reserved. Terms, privacy, cookies.</p></footer>
</body></html>`
}

const paras = `<p>BAGHDAD — Protesters stormed the outer wall of the embassy on Tuesday, setting fire to a reception area, officials said.</p>
<p>The crowd, which had gathered after a funeral, chanted slogans and threw stones at the gates for several hours.</p>
<p>"We will not leave," one protester told reporters, holding a flag. "This is our country."</p>`

func TestExtractText(t *testing.T) {
	tests := []struct {
		name    string
		page    string
		want    []string // in the body, in order
		notWant []string
	}{
		{"article in furniture", article("", paras),
			[]string{"BAGHDAD — Protesters stormed", "officials said.\n\nThe crowd", "\"This is our country.\""},
			[]string{"Home", "Share on", "caption", "Another story", "Copyright", "Headline of the story"}},
		{"br paragraphs and drop cap", `<html><body><div class="entry-content"><span class="dropcap">T</span>he first paragraph is long enough to count as text, surely, with commas, and more.<br><br>The second paragraph follows a double line break, as old CMSs write it.<br>Same paragraph, new line.</div></body></html>`,
			[]string{"The first paragraph", "and more.\n\nThe second", "write it.\nSame paragraph"}, nil},
		{"inline elements join words", `<html><body><article><p>Written by <a href="/s">AppleInsider</a> staff, with <b>bold</b>words and a <em>long</em> sentence, so that it scores, and more text.</p></article></body></html>`,
			[]string{"Written by AppleInsider staff, with boldwords and a long sentence"}, nil},
		{"embedded post kept", `<html><body><article><p>The minister answered critics in a post on Tuesday evening, after a long day of debate, and more.</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">We will rebuild the bridge by spring, whatever it costs.</p>&mdash; Minister (@minister) <a href="https://twitter.com/x">January 2, 2020</a></blockquote></div>
<p>Opposition leaders dismissed the promise as empty, saying the budget, already stretched, could not cover it.</p></article></body></html>`,
			[]string{"in a post on Tuesday", "We will rebuild the bridge by spring", "Opposition leaders"}, nil},
		{"article in chunks under different parents", `<html><body><div class="chunks">
<div class="row"><div class="article-body"><p>First chunk of the story, long enough to be scored, with commas, names, and places in it.</p><p>Still the first chunk, a second paragraph, with more commas, and more names.</p></div><div class="ad-rail">Ad</div></div>
<div class="row"><div class="article-body"><p>Second chunk of the story, after an ad break, with commas, names, and places too.</p><p>It goes on for a while, as stories do.</p></div><div class="ad-rail">Ad</div></div>
</div><div class="post-most-popular-list"><p>A popular teaser, long enough to look like text, with commas, and more, and more.</p></div></body></html>`,
			[]string{"First chunk", "Still the first chunk", "Second chunk"}, []string{"popular teaser"}},
		{"feed fragment", `<p>Short one.</p><p>The second paragraph of a feed item's content, as content:encoded carries it, with commas.</p><ul><li>A list item</li></ul>`,
			[]string{"Short one.\n\nThe second paragraph", "A list item"}, nil},
		{"fragment of short paragraphs", `<p>Short one.</p><p>Short two.</p>`,
			[]string{"Short one.\n\nShort two."}, nil},
		{"hidden and scripts dropped", `<html><body><article><p>Visible paragraph with enough words to be scored as text, with commas, here.</p><div style="display: none">Hidden text</div><script>var x = "script text";</script><p hidden>Hidden too</p></article></body></html>`,
			[]string{"Visible paragraph"}, []string{"Hidden", "script text"}},
		{"comments lose to the article", `<html><body><div class="article"><div class="content">The story itself, told in one long paragraph, with details, names, places, and times, as a report should be written by a reporter.<br><br>A second paragraph of the story adds more detail, more names, and a quote.<center>Image caption</center></div></div>
<div id="comments"><div class="comment"><p>First comment, with commas, and opinions, and more, and more, and more, and more.</p></div><div class="comment"><p>Second comment, with commas, and opinions, and more, and more, and more, and more.</p></div><div class="comment"><p>Third comment, with commas, and opinions, and more, and more, and more, and more.</p></div></div></body></html>`,
			[]string{"The story itself", "A second paragraph"}, []string{"First comment"}},
	}
	x := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := x.Extract([]byte(tt.page), "https://www.example.com/2020/01/02/story")
			if err != nil {
				t.Fatal(err)
			}
			at := 0
			for _, w := range tt.want {
				i := strings.Index(p.Body[at:], w)
				if i < 0 {
					t.Errorf("body lacks %q (in order); body:\n%s", w, p.Body)
					continue
				}
				at += i
			}
			for _, w := range tt.notWant {
				if strings.Contains(p.Body, w) {
					t.Errorf("body has %q; body:\n%s", w, p.Body)
				}
			}
		})
	}
}

func TestExtractMeta(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct {
		name, head, url string
		want            Page
	}{
		{"open graph and article tags", `<title>Story | Example News</title>
<meta property="og:title" content="Protesters storm embassy"><meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2020-01-02T23:30:00-05:00">`,
			"https://www.example.com/world/story",
			Page{Title: "Protesters storm embassy", Author: "Jane Roe", Source: "Example News", Published: day("2020-01-02"),
				PublishedRaw: "2020-01-02T23:30:00-05:00", Lang: "en"}},
		{"json-ld", `<title>Story - Daily</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","headline":"Headline from LD","datePublished":"2020-01-03T01:15:00+09:00","author":[{"@type":"Person","name":"A One"},{"@type":"Person","name":"B Two"}],"publisher":{"@type":"Organization","name":"The Daily"}}]}</script>`,
			"https://daily.example.org/x",
			Page{Title: "Headline from LD", Author: "A One, B Two", Source: "The Daily", Published: day("2020-01-03"),
				PublishedRaw: "2020-01-03T01:15:00+09:00", Lang: "en"}},
		{"outlet trimmed from the headline, By from the author", `<meta property="og:title" content="Storm hits coast - Mid-Term Review | Coast Times">
<meta property="og:site_name" content="Coast Times"><meta name="author" content="By  Sam Poe">`, "",
			Page{Title: "Storm hits coast - Mid-Term Review", Author: "Sam Poe", Source: "Coast Times", Lang: "en"}},
		{"time element and domain", `<title>Just a title | Site</title>`, "https://www.site.example/a",
			Page{Title: "Headline of the story", Source: "site.example", Lang: "en"}},
		{"date from url", ``, "https://news.example/2019/11/20/story.html",
			Page{Title: "Headline of the story", Source: "news.example", Published: day("2019-11-20"), PublishedRaw: "2019-11-20", Lang: "en"}},
		{"utc date yields to the same instant in the outlet's zone", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-03T04:30:00Z"}</script>
<time datetime="2020-01-02T23:30:00-05:00">Jan 2</time>`, "",
			Page{Title: "Headline of the story", Published: day("2020-01-02"), PublishedRaw: "2020-01-02T23:30:00-05:00", Lang: "en"}},
		{"utc date one day off the url's date", `<meta property="article:published_time" content="2019-11-19T02:34:30Z">`,
			"https://news.example/2019/11/18/story/index.html",
			Page{Title: "Headline of the story", Source: "news.example", Published: day("2019-11-18"), PublishedRaw: "2019-11-19T02:34:30Z", Lang: "en"}},
		{"broken meta date falls through", `<meta property="article:published_time" content="yesterday"><meta name="pubdate" content="20200105">`, "",
			Page{Title: "Headline of the story", Published: day("2020-01-05"), PublishedRaw: "20200105", Lang: "en"}},
	}
	x := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := x.Extract([]byte(article(tt.head, paras)), tt.url)
			if err != nil {
				t.Fatal(err)
			}
			p.Body, p.URL = "", ""
			if p != tt.want {
				t.Errorf("\n got %+v\nwant %+v", p, tt.want)
			}
		})
	}
}

// A page drawn by script has no article in its HTML, but its JSON-LD
// carries the text.
func TestScriptRenderedPage(t *testing.T) {
	text := strings.Repeat("The council met on Monday, and the mayor spoke at length about the budget. ", 8)
	ld, _ := json.Marshal(map[string]any{"@type": "NewsArticle", "headline": "H", "articleBody": text + "\n" + text})
	page := `<html><head><script type="application/ld+json">` + string(ld) + `</script></head><body><div id="root"><p>Loading the story, please wait a moment for it.</p></div></body></html>`
	p, err := New().Extract([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSpace(text) + "\n\n" + strings.TrimSpace(text)
	if p.Body != want {
		t.Errorf("body = %q", p.Body)
	}
}

func TestTimeElement(t *testing.T) {
	page := `<html><body><article><time datetime="2019-05-01">May 1</time><time itemprop="datePublished" datetime="2019-04-30T22:00:00-07:00">April 30</time>
<p>Some article text that is long enough to count as a paragraph, with commas, and more.</p></article></body></html>`
	p, err := New().Extract([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if p.PublishedRaw != "2019-04-30T22:00:00-07:00" || p.Published.Format("2006-01-02") != "2019-04-30" {
		t.Errorf("published = %q %v", p.PublishedRaw, p.Published)
	}
}

func TestCharsets(t *testing.T) {
	body := "<p>Caf\xe9 society, na\xefve ideas, and \x93smart quotes\x94 fill this paragraph, which is long enough.</p>"
	tests := []struct {
		name, page, contentType string
	}{
		{"declared windows-1252", `<html><head><meta charset="windows-1252"></head><body><article>` + body + `</article></body></html>`, ""},
		{"declared latin-1", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><article>` + body + `</article></body></html>`, ""},
		{"undeclared", `<html><body><article>` + body + `</article></body></html>`, ""},
		{"mislabelled utf-8", `<html><head><meta charset="utf-8"></head><body><article>` + body + `</article></body></html>`, ""},
		{"header says latin-1", `<html><body><article>` + body + `</article></body></html>`, "text/html; charset=ISO-8859-1"},
	}
	x := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := x.ExtractType([]byte(tt.page), "", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(p.Body, "Café society, naïve ideas, and “smart quotes”") {
				t.Errorf("body = %q", p.Body)
			}
		})
	}
	// UTF-8 labelled as Latin-1 stays UTF-8.
	p, err := x.Extract([]byte(`<html><head><meta charset="iso-8859-1"></head><body><article><p>Café society and naïve ideas fill this paragraph, which is long enough.</p></article></body></html>`), "")
	if err != nil || !strings.Contains(p.Body, "Café society and naïve") {
		t.Errorf("utf-8 labelled latin-1: %q, %v", p.Body, err)
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name string
		page []byte
		want error
	}{
		{"empty", nil, ErrNoText},
		{"no text", []byte(`<html><head><title>x</title></head><body><img src="a.png"><script>var a=1</script></body></html>`), ErrNoText},
		{"too large", make([]byte, MaxPage+1), ErrTooLarge},
		{"deep nesting", []byte("<html><body>" + strings.Repeat("<div>", 100000) + "text" + "</body></html>"), ErrTooDeep},
		{"deep inline nesting", []byte("<html><body>" + strings.Repeat("<b>", 100000) + "text" + "</body></html>"), ErrTooDeep},
	}
	x := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := x.Extract(tt.page, "")
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestHugePage(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 200 MB")
	}
	page := make([]byte, 200<<20)
	start := time.Now()
	_, err := New().Extract(page, "")
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing a 200 MB page took %v", d)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte(article("", paras)), "https://example.com/2020/01/02/a")
	f.Add([]byte(`<html><head><meta charset="windows-1252"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"x"}</script></head><body><p>a</p></body></html>`), "")
	f.Add([]byte("<table><tr><td><pre>x\ny</pre></td></tr></table>"), "::")
	f.Fuzz(func(t *testing.T, page []byte, url string) {
		p, err := New().Extract(page, url)
		if err == nil && strings.TrimSpace(p.Body) == "" {
			t.Fatal("empty body without an error")
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	page := []byte(article(`<meta property="og:title" content="T">`, strings.Repeat(paras, 30)))
	x := New()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := x.Extract(page, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// One Extractor serves many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	x := New()
	page := []byte(article(`<meta property="og:title" content="T">`, paras))
	want, _ := x.Extract(page, "")
	done := make(chan Page)
	for range 8 {
		go func() {
			p, _ := x.Extract(page, "")
			done <- p
		}()
	}
	for range 8 {
		if p := <-done; p != want {
			t.Errorf("concurrent result differs: %+v", p)
		}
	}
}
