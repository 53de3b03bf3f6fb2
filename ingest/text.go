package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/chronicle/chronicle/doc"
)

// readStream decides the form of one input (by its extension, else by its
// first bytes) and yields its articles.
func readStream(origin, ext string, r io.Reader, opts Options, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	switch ext {
	case ".jsonl", ".ndjson":
		return readJSONL(origin, br, yield)
	}
	if web, ok := webReader(origin, ext, br); ok {
		return web(opts, yield)
	}
	head, _ := br.Peek(64 << 10)
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("{")) && firstLineIsJSON(head) {
		return readJSONL(origin, br, yield)
	}
	data, err := io.ReadAll(io.LimitReader(br, MaxArticleBytes+1))
	if err != nil {
		return yield(refuse(origin, "cannot read: %v", err))
	}
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) && json.Valid(data) {
		// One JSON document over many lines: an article if it has a text.
		return yield(jsonArticle(origin, data))
	}
	return yield(textArticle(origin, data, opts))
}

// firstLineIsJSON reports whether the first line of head is a whole JSON
// value, which tells JSON Lines from one JSON document spread over lines.
func firstLineIsJSON(head []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("\n"))
	return json.Valid(line)
}

// textArticle reads a dated-text or plain-text article.
func textArticle(origin string, data []byte, opts Options) Item {
	if err := checkText(data); err != nil {
		return refuse(origin, "%v", err)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	published, body, hasHeader, err := splitDateHeader(text)
	if err != nil {
		return refuse(origin, "%v", err)
	}
	if !hasHeader {
		if opts.Published.IsZero() {
			return refuse(origin, "no publication date: the text does not start with \"date YYYY-MM-DD\" and no --published date was given")
		}
		published = opts.Published
	}
	body = strings.TrimSpace(body)
	if body == "" {
		return refuse(origin, "no article text after the date header")
	}
	return Item{Article: newArticle(origin, body, published)}
}

// checkText refuses what is not one article's UTF-8 text.
func checkText(data []byte) error {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return errors.New("empty input")
	case len(data) > MaxArticleBytes:
		return fmt.Errorf("larger than the %d MiB limit for one article", MaxArticleBytes>>20)
	case bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0:
		return errors.New("binary data, not text (NUL bytes)")
	case !utf8.Valid(data):
		return fmt.Errorf("invalid UTF-8 at byte %d", invalidAt(data))
	}
	return nil
}

func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// splitDateHeader finds the "date YYYY-MM-DD" header: the first
// non-blank token, with the body after it on the same line or the next.
func splitDateHeader(text string) (time.Time, string, bool, error) {
	rest := strings.TrimLeft(text, " \t\r\n")
	word, after, _ := cutSpace(rest)
	if word != "date" {
		return time.Time{}, text, false, nil
	}
	value, body, _ := cutSpace(strings.TrimLeft(after, " \t"))
	t, err := parseDay(value)
	if err != nil {
		return time.Time{}, "", true, fmt.Errorf("bad date header: %w", err)
	}
	return t, body, true, nil
}

// cutSpace splits s at its first white space.
func cutSpace(s string) (string, string, bool) {
	i := strings.IndexAny(s, " \t\r\n")
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i:], true
}

// parseDay parses YYYY-MM-DD, saying what is wrong with a bad one.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("missing date after \"date\"")
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		var pe *time.ParseError
		if errors.As(err, &pe) && pe.Message != "" {
			return time.Time{}, fmt.Errorf("invalid date %q: %s", s, strings.TrimLeft(pe.Message, ": "))
		}
		return time.Time{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// parsePublished reads a JSON Lines "published" value: RFC 3339 or a
// day. The outlet's local day is kept, not its UTC shift.
func parsePublished(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return parseDay(s)
}

func newArticle(origin, body string, published time.Time) doc.Article {
	return doc.Article{
		ID:        ArticleID(body),
		Published: published,
		Origin:    origin,
		Body:      body,
	}
}

// jsonRecord is one JSON Lines input object.
type jsonRecord struct {
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Lang      string `json:"lang"`
}

// readJSONL yields one article per line; a bad line is refused with its
// line number and the reading goes on.
func readJSONL(origin string, br *bufio.Reader, yield func(Item) bool) bool {
	for line := 1; ; line++ {
		raw, err := readLine(br)
		if errors.Is(err, io.EOF) && len(raw) == 0 {
			return true
		}
		where := fmt.Sprintf("%s:%d", origin, line)
		var it Item
		switch {
		case errors.Is(err, errLongLine):
			it = refuse(where, "line longer than the %d MiB limit for one article", MaxArticleBytes>>20)
		case err != nil && !errors.Is(err, io.EOF):
			return yield(refuse(where, "cannot read: %v", err))
		case len(bytes.TrimSpace(raw)) == 0:
			continue
		default:
			it = jsonArticle(where, raw)
		}
		if !yield(it) {
			return false
		}
		if errors.Is(err, io.EOF) {
			return true
		}
	}
}

var errLongLine = errors.New("line too long")

// readLine returns the next line without its end, discarding the rest of
// a line longer than MaxArticleBytes.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > MaxArticleBytes {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return []byte{' '}, errLongLine
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

func jsonArticle(origin string, raw []byte) Item {
	if !utf8.Valid(raw) {
		return refuse(origin, "invalid UTF-8 at byte %d", invalidAt(raw))
	}
	var rec jsonRecord
	if err := json.Unmarshal(raw, &rec); err != nil {
		return refuse(origin, "invalid JSON: %v", err)
	}
	body := strings.TrimSpace(rec.Text)
	if body == "" {
		return refuse(origin, "no \"text\"")
	}
	if rec.Published == "" {
		return refuse(origin, "no \"published\" date")
	}
	published, err := parsePublished(rec.Published)
	if err != nil {
		return refuse(origin, "bad \"published\": %v", err)
	}
	a := newArticle(origin, body, published)
	a.URL, a.Source, a.Title = rec.URL, rec.Source, rec.Title
	if rec.Lang != "" {
		a.Lang = rec.Lang
	}
	if a.Source == "" {
		a.Source = hostOf(rec.URL)
	}
	return Item{Article: a}
}
