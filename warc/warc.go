// Package warc reads web archives (WARC and WARC.gz, as Common Crawl's
// CC-NEWS publishes them) as a stream of HTML pages. Only response records
// whose HTTP payload is HTML are returned; a damaged record becomes an
// error value carrying its offset and the rest of the file is still read.
// Records are read one at a time, so a file of many gigabytes never sits
// in memory.
package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	gowarc "github.com/nlnwa/gowarc/v2"
)

// MaxPayload is the largest HTTP payload read from one record; larger
// pages are refused with an error, and reading goes on with the next.
const MaxPayload = 32 << 20

// maxSkips bounds the damaged records read in a row before the file is
// judged unreadable.
const maxSkips = 1000

// ErrTooLarge marks a record whose payload exceeds MaxPayload.
var ErrTooLarge = errors.New("payload too large")

// Record is one HTML page from an archive.
type Record struct {
	Offset      int64     // byte offset of the record in the (possibly compressed) file
	URI         string    // WARC-Target-URI
	Date        time.Time // WARC-Date: when the page was fetched
	Body        []byte    // HTTP payload, transfer and content encodings removed
	ContentType string    // the HTTP Content-Type header
}

// RecordError is a damaged record's error; the reading went on past it.
type RecordError struct {
	Offset int64
	URI    string
	Err    error
}

func (e *RecordError) Error() string {
	if e.URI != "" {
		return fmt.Sprintf("warc record at offset %d (%s): %v", e.Offset, e.URI, e.Err)
	}
	return fmt.Sprintf("warc record at offset %d: %v", e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Read returns the HTML response records of a WARC stream, compressed per
// record (.warc.gz) or not. A damaged record yields its error (a
// *RecordError) and reading goes on; the sequence ends at the end of the
// stream, or after one final error when the stream cannot be read further.
func Read(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		// Validation errors are collected, not fatal: a wrong length or
		// digest marks the record but does not stop the file. The spec
		// policy must be above "ignore" so that the block is kept for us to
		// read (gowarc discards an unkept block before returning it).
		wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
			gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
			gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
			gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
			gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
			gowarc.WithBufferMaxMemBytes(4<<20),
		)
		if err != nil {
			yield(Record{}, fmt.Errorf("warc: %w", err))
			return
		}
		defer wr.Close()
		last, skips := int64(-1), 0
		for {
			rec, off, val, err := next(wr)
			if errors.Is(err, io.EOF) && rec == nil {
				return
			}
			if err != nil && rec == nil {
				// Nothing could be parsed. gowarc looks for the next record
				// on the following call; give up when it stops moving.
				if off <= last || skips >= maxSkips || isTruncation(err) {
					yield(Record{Offset: off}, fmt.Errorf("warc: unreadable from offset %d: %w", off, err))
					return
				}
				last = off
				skips++
				if !yield(Record{Offset: off}, &RecordError{Offset: off, Err: err}) {
					return
				}
				continue
			}
			last = off
			if g := gap(val); g != nil {
				if !yield(Record{Offset: off}, &RecordError{Offset: off, Err: fmt.Errorf("junk before the record (a wrong length in the record before it?): %w", g)}) {
					rec.Close()
					return
				}
			}
			out, ok, rerr := page(rec, off, val, err)
			rec.Close()
			if rerr != nil {
				skips++
				if skips >= maxSkips {
					yield(out, fmt.Errorf("warc: %d damaged records in a row, giving up: %w", skips, rerr))
					return
				}
				if !yield(out, rerr) {
					return
				}
				continue
			}
			skips = 0
			if ok && !yield(out, nil) {
				return
			}
		}
	}
}

// next reads one record, turning a panic inside the WARC library (on input
// it did not expect) into an error.
func next(wr *gowarc.WarcFileReader) (rec gowarc.WarcRecord, off int64, val *gowarc.Validation, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("malformed record: %v", p)
		}
	}()
	return wr.Next()
}

func isTruncation(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader)
}

// page turns a response record into a Record; ok is false for records
// that are not HTML responses and are skipped without error.
func page(rec gowarc.WarcRecord, off int64, val *gowarc.Validation, readErr error) (Record, bool, error) {
	if rec.Type() != gowarc.Response {
		return Record{}, false, nil
	}
	h := rec.WarcHeader()
	out := Record{Offset: off, URI: strings.Trim(h.Get(gowarc.WarcTargetURI), "<>")}
	if d, err := rec.Date(); err == nil {
		out.Date = d
	}
	fail := func(err error) (Record, bool, error) {
		return out, false, &RecordError{Offset: off, URI: out.URI, Err: err}
	}
	if readErr != nil {
		return fail(readErr)
	}
	if err := damage(val); err != nil {
		return fail(err)
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		if strings.HasPrefix(strings.ToLower(h.Get(gowarc.ContentType)), "application/http") {
			return fail(errors.New("malformed HTTP response block (record shorter than its header says?)"))
		}
		return Record{}, false, nil
	}
	hdr := block.HttpHeader()
	if hdr != nil {
		out.ContentType = hdr.Get("Content-Type")
	}
	if !isHTML(out.ContentType) {
		return Record{}, false, nil
	}
	if code := block.HttpStatusCode(); code < 200 || code >= 300 {
		return Record{}, false, nil
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return fail(fmt.Errorf("payload: %w", err))
	}
	body, err := readLimited(payload, MaxPayload)
	if err != nil {
		return fail(err)
	}
	if hdr != nil {
		if n, err := strconv.Atoi(hdr.Get("Content-Length")); err == nil && n > len(body) &&
			!strings.Contains(strings.ToLower(hdr.Get("Transfer-Encoding")), "chunked") && !looksChunked(body) {
			return fail(fmt.Errorf("payload truncated: %d of %d bytes", len(body), n))
		}
	}
	body, err = decode(body, hdr)
	if err != nil {
		return fail(err)
	}
	out.Body = body
	return out, true, nil
}

// damage reports the validation findings that mean the record's bytes
// are not what its header says: a wrong Content-Length, a cut HTTP header,
// a block that ends early. A missing or wrong digest alone does not spoil
// the page, and junk found before the record is the previous record's
// fault (see gap).
func damage(val *gowarc.Validation) error {
	if val == nil {
		return nil
	}
	for _, e := range *val {
		msg := strings.ToLower(e.Error())
		if strings.Contains(msg, "digest") || strings.Contains(msg, "after expected offset") {
			continue
		}
		return fmt.Errorf("damaged record: %w", e)
	}
	return nil
}

// gap reports junk found between the previous record's end and this
// record: the previous record's Content-Length was wrong.
func gap(val *gowarc.Validation) error {
	if val == nil {
		return nil
	}
	for _, e := range *val {
		if strings.Contains(e.Error(), "after expected offset") {
			return e
		}
	}
	return nil
}

func isHTML(contentType string) bool {
	if contentType == "" {
		return false
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit)
	}
	return body, nil
}

// decode undoes chunked transfer encoding and gzip, deflate or brotli
// content encoding. Crawlers often store the payload already decoded while
// keeping the header, so a payload that does not start as the header says
// is taken as it is.
func decode(body []byte, hdr *http.Header) ([]byte, error) {
	var content string
	if hdr != nil {
		content = hdr.Get("Content-Encoding")
	}
	// The HTTP parser may have taken Transfer-Encoding out of the
	// header, so chunking is recognised by its shape; a chunked payload
	// that does not decode is kept as it is.
	if looksChunked(body) {
		if b, err := readLimited(httputil.NewChunkedReader(bytes.NewReader(body)), MaxPayload); err == nil {
			body = b
		}
	}
	isGzip := len(body) >= 2 && body[0] == 0x1f && body[1] == 0x8b
	if isGzip {
		content = "gzip"
	}
	var r io.Reader
	switch strings.ToLower(strings.TrimSpace(content)) {
	case "gzip", "x-gzip":
		if !isGzip {
			return body, nil
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gzip content: %w", err)
		}
		r = zr
	case "deflate":
		r = flate.NewReader(bytes.NewReader(body))
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	default:
		return body, nil
	}
	b, err := readLimited(r, MaxPayload)
	if err != nil {
		if content == "deflate" || content == "br" {
			// Stored decoded despite the header.
			return body, nil
		}
		return nil, fmt.Errorf("%s content: %w", content, err)
	}
	return b, nil
}

// looksChunked checks that the payload starts with a hexadecimal chunk
// size line.
func looksChunked(body []byte) bool {
	i := bytes.Index(body[:min(len(body), 32)], []byte("\r\n"))
	if i <= 0 {
		return false
	}
	line := body[:i]
	for _, c := range bytes.TrimSpace(bytes.SplitN(line, []byte(";"), 2)[0]) {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
			return false
		}
	}
	return true
}
