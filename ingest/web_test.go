package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const page = `<!DOCTYPE html><html lang="en"><head><title>Ministers meet | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2024-05-02T23:10:00-04:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet</h1>
<p>The foreign ministers of Chile and Peru met in Lima on Thursday to discuss the disputed maritime border, officials said.</p>
<p>“We have agreed to keep talking,” the Chilean minister told reporters after the meeting, which lasted three hours.</p>
</article><footer>© Daily Planet</footer></body></html>`

func TestReadHTML(t *testing.T) {
	dir := write(t, map[string][]byte{"page.html": []byte(page), "empty.htm": []byte("<html><body><nav>Home</nav></body></html>")})
	items := collect([]string{filepath.Join(dir, "page.html"), filepath.Join(dir, "empty.htm")}, Options{})
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	a, err := items[0].Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if a.Published.Format(time.DateOnly) != "2024-05-02" {
		t.Errorf("published %s: want the outlet's local day 2024-05-02", a.Published)
	}
	if a.Source != "Daily Planet" || !strings.Contains(a.Body, "met in Lima on Thursday") || strings.Contains(a.Body, "Home") {
		t.Errorf("page read wrongly: source %q body %q", a.Source, a.Body)
	}
	if !strings.Contains(a.Body, "officials said.\n\n“We have") {
		t.Errorf("paragraph break lost: %q", a.Body)
	}
	if _, err := items[1].Resolve(); err == nil || !strings.Contains(err.Error(), "empty.htm: ") {
		t.Errorf("a page without text: error %v", err)
	}
}

func TestReadFeed(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>One</title><link>https://example.org/1</link><pubDate>Tue, 31 Dec 2019 22:30:00 -0500</pubDate>
<description>short</description><content:encoded><![CDATA[<p>Protesters gathered outside the embassy in Baghdad on Tuesday, witnesses said, and stayed into the night.</p>]]></content:encoded></item>
<item><title>Two</title><link>https://example.org/2</link><pubDate>not a date</pubDate><description>Talks resumed.</description></item>
</channel></rss>`
	dir := write(t, map[string][]byte{"wire.rss": []byte(rss)})
	items := collect([]string{filepath.Join(dir, "wire.rss")}, Options{})
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	a, err := items[0].Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(a.Origin, "wire.rss#1") || a.Published.Format(time.DateOnly) != "2019-12-31" ||
		a.PublishedRaw != "Tue, 31 Dec 2019 22:30:00 -0500" || !strings.Contains(a.Body, "Protesters gathered") {
		t.Errorf("item 1: %+v", a)
	}
	if _, err := items[1].Resolve(); err == nil || !strings.Contains(err.Error(), "wire.rss#2: ") {
		t.Errorf("item with a broken date: %v", err)
	}
}

// warcRecord builds one uncompressed WARC response record.
func warcRecord(uri, date, httpBody string) string {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
		fmt.Sprint(len(httpBody)) + "\r\n\r\n" + httpBody
	return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + fmt.Sprintf("%08d", len(uri)) +
		"-0000-0000-0000-000000000000>\r\nWARC-Date: " + date + "\r\nWARC-Target-URI: " + uri +
		"\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + fmt.Sprint(len(block)) +
		"\r\n\r\n" + block + "\r\n\r\n"
}

func TestReadWARC(t *testing.T) {
	undated := strings.Replace(page, `<meta property="article:published_time" content="2024-05-02T23:10:00-04:00">`, "", 1)
	data := warcRecord("https://example.org/a", "2024-05-03T01:00:00Z", page) +
		warcRecord("https://example.org/b", "2024-06-07T12:00:00Z", undated)
	dir := write(t, map[string][]byte{"crawl.warc": []byte(data)})
	items := collect([]string{filepath.Join(dir, "crawl.warc")}, Options{})
	if len(items) != 2 {
		t.Fatalf("%d items: %+v", len(items), items)
	}
	days := []string{"2024-05-02", "2024-06-07"}
	for i, it := range items {
		a, err := it.Resolve()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if a.Published.Format(time.DateOnly) != days[i] {
			t.Errorf("record %d published %s, want %s", i, a.Published.Format(time.DateOnly), days[i])
		}
		if !strings.Contains(a.Origin, "crawl.warc:") || a.URL == "" {
			t.Errorf("record %d origin %q url %q", i, a.Origin, a.URL)
		}
	}
	if items[0].Article.Origin != filepath.Join(dir, "crawl.warc")+":0" {
		t.Errorf("first record origin %q: want offset 0", items[0].Article.Origin)
	}
}
