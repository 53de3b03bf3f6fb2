package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// record builds one WARC record by hand; length < 0 means the right
// Content-Length.
func record(typ, uri, block string, length int) []byte {
	if length < 0 {
		length = len(block)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n", typ, uri)
	fmt.Fprintf(&b, "WARC-Date: 2019-11-20T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n", len(uri))
	ct := "application/http; msgtype=response"
	if typ == "request" {
		ct = "application/http; msgtype=request"
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", ct, length, block)
	return b.Bytes()
}

func response(contentType, body string, headers ...string) string {
	h := "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n"
	for _, x := range headers {
		h += x + "\r\n"
	}
	return h + fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body)) + body
}

func gz(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func gzipped(recs ...[]byte) []byte {
	var out []byte
	for _, r := range recs {
		out = append(out, gz(r)...)
	}
	return out
}

const page1 = "<html><body><p>First page.</p></body></html>"
const page2 = "<html><body><p>Second page.</p></body></html>"

type got struct {
	uris   []string
	bodies []string
	errs   []error
	offs   []int64
}

func collect(data []byte) got {
	var g got
	for rec, err := range Read(bytes.NewReader(data)) {
		if err != nil {
			g.errs = append(g.errs, err)
			continue
		}
		g.uris = append(g.uris, rec.URI)
		g.bodies = append(g.bodies, string(rec.Body))
		g.offs = append(g.offs, rec.Offset)
	}
	return g
}

func TestRead(t *testing.T) {
	r1 := record("response", "http://a.example/1", response("text/html; charset=utf-8", page1), -1)
	r2 := record("response", "http://a.example/2", response("text/html", page2), -1)
	req := record("request", "http://a.example/1", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n", -1)
	img := record("response", "http://a.example/i.png", response("image/png", "\x89PNG"), -1)
	info := []byte("WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2019-11-20T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\nContent-Type: application/warc-fields\r\nContent-Length: 12\r\n\r\nsoftware: x\n\r\n\r\n")
	plain := bytes.Join([][]byte{info, r1, req, img, r2}, nil)
	tests := []struct {
		name     string
		data     []byte
		uris     []string
		errs     int
		wantOffs []int64
	}{
		{"plain", plain, []string{"http://a.example/1", "http://a.example/2"}, 0,
			[]int64{int64(len(info)), int64(len(info) + len(r1) + len(req) + len(img))}},
		{"gzip", gzipped(info, r1, req, img, r2), []string{"http://a.example/1", "http://a.example/2"}, 0, nil},
		{"empty", nil, nil, 0, nil},
		{"garbage before", append([]byte("junk\r\n"), plain...), []string{"http://a.example/1", "http://a.example/2"}, 1, nil},
		{"chunked gzip payload", record("response", "http://a.example/c",
			response("text/html", chunk(string(gz([]byte(page1)))), "Transfer-Encoding: chunked", "Content-Encoding: gzip"), -1),
			[]string{"http://a.example/c"}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := collect(tt.data)
			if strings.Join(g.uris, " ") != strings.Join(tt.uris, " ") {
				t.Errorf("uris = %v, want %v", g.uris, tt.uris)
			}
			if len(g.errs) != tt.errs {
				t.Errorf("errors = %v, want %d", g.errs, tt.errs)
			}
			for i, b := range g.bodies {
				if !strings.Contains(b, "page.</p>") {
					t.Errorf("body %d = %q", i, b)
				}
			}
			if tt.wantOffs != nil && fmt.Sprint(g.offs) != fmt.Sprint(tt.wantOffs) {
				t.Errorf("offsets = %v, want %v", g.offs, tt.wantOffs)
			}
		})
	}
}

func chunk(s string) string {
	h := len(s) / 2
	return fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", h, s[:h], len(s)-h, s[h:])
}

// Damaged files give errors for the damaged records and still deliver
// the rest.
func TestReadDamaged(t *testing.T) {
	r1 := record("response", "http://a.example/1", response("text/html", page1), -1)
	r2 := record("response", "http://a.example/2", response("text/html", page2), -1)
	short := record("response", "http://a.example/short", response("text/html", page1), 20)
	z := gzipped(r1, r2)
	tests := []struct {
		name    string
		data    []byte
		minURIs []string
		errs    bool
	}{
		{"truncated gzip", z[:len(z)-30], []string{"http://a.example/1"}, true},
		{"wrong length", bytes.Join([][]byte{r1, short, r2}, nil), []string{"http://a.example/1", "http://a.example/2"}, true},
		{"wrong length gzip", gzipped(r1, short, r2), []string{"http://a.example/1", "http://a.example/2"}, true},
		{"length too long", bytes.Join([][]byte{r1, record("response", "http://a.example/long", response("text/html", page1), 400), r2,
			record("response", "http://a.example/3", response("text/html", page2), -1)}, nil),
			[]string{"http://a.example/1", "http://a.example/3"}, true},
		{"truncated plain", bytes.Join([][]byte{r1, r2[:len(r2)/2]}, nil), []string{"http://a.example/1"}, true},
		{"not a warc", []byte("<html>hello</html>"), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := collect(tt.data)
			for _, u := range tt.minURIs {
				if !strings.Contains(strings.Join(g.uris, " "), u) {
					t.Errorf("missing %s; got %v, errors %v", u, g.uris, g.errs)
				}
			}
			if tt.errs && len(g.errs) == 0 {
				t.Errorf("no error reported; got %v", g.uris)
			}
			for _, err := range g.errs {
				if !strings.Contains(err.Error(), "offset") {
					t.Errorf("error without offset: %v", err)
				}
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 33 MB record")
	}
	big := "<html><body>" + strings.Repeat("<p>word word word</p>", MaxPayload/20) + "</body></html>"
	data := bytes.Join([][]byte{
		record("response", "http://a.example/big", response("text/html", big), -1),
		record("response", "http://a.example/2", response("text/html", page2), -1),
	}, nil)
	g := collect(data)
	if len(g.errs) != 1 || !errors.Is(g.errs[0], ErrTooLarge) {
		t.Errorf("errors = %v, want one ErrTooLarge", g.errs)
	}
	if len(g.uris) != 1 || g.uris[0] != "http://a.example/2" {
		t.Errorf("uris = %v", g.uris)
	}
}

func FuzzRead(f *testing.F) {
	r1 := record("response", "http://a.example/1", response("text/html", page1), -1)
	f.Add(r1)
	f.Add(gzipped(r1, r1))
	f.Add(record("response", "http://a.example/s", response("text/html", page1), 10))
	f.Add([]byte("WARC/1.0\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for _, err := range Read(bytes.NewReader(data)) {
			_ = err
			if n++; n > 10000 {
				t.Fatal("no progress")
			}
		}
	})
}

// BenchmarkRead reads a compressed archive of 50 pages of 170 KB, the
// benchmark pages' average size; MB/s is of uncompressed payload.
func BenchmarkRead(b *testing.B) {
	body := "<html><body>" + strings.Repeat("<p>The embassy was attacked on Tuesday by protesters.</p>\n", 3000) + "</body></html>"
	var recs [][]byte
	for i := range 50 {
		recs = append(recs, record("response", fmt.Sprintf("http://a.example/%d", i), response("text/html", body), -1))
	}
	data := gzipped(recs...)
	b.SetBytes(int64(50 * len(body)))
	for b.Loop() {
		n := 0
		for _, err := range Read(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 50 {
			b.Fatalf("read %d records", n)
		}
	}
}
