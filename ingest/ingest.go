// Package ingest turns every input form into doc.Article values: dated
// text, JSON Lines, plain text with a given date, and — through the
// htmltext, feed and warc readers — web pages, feeds and crawl archives.
// Readers stream; a bad input becomes an Item carrying an error that names
// its origin and the reason, never a crash, and the rest of the batch goes on.
package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle/chronicle/doc"
)

// MaxArticleBytes bounds one article's raw input. Larger inputs are refused
// rather than read: no news article is this long, and a runaway input must
// not take the machine's memory.
const MaxArticleBytes = 8 << 20

// Options carries what the inputs themselves may lack.
type Options struct {
	// Published is the publication date for inputs that carry none
	// (plain text, pages without a date); zero means such inputs are refused.
	Published time.Time
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// Item is one input article, or one refused input.
type Item struct {
	Article doc.Article // Origin is always set
	Err     error       // non-nil: refused; the message reads "origin: reason"

	// prepare, when set, finishes the article (for instance extracting a
	// page's text) where the caller chooses: analysis runs it on its
	// workers so that expensive extraction uses every core.
	prepare func() (doc.Article, error)
}

// Resolve returns the finished article, running any deferred preparation.
func (it Item) Resolve() (doc.Article, error) {
	if it.Err != nil {
		return it.Article, it.Err
	}
	if it.prepare == nil {
		return it.Article, nil
	}
	a, err := it.prepare()
	if err != nil {
		return it.Article, err
	}
	return a, nil
}

// InputError is a refused input: where it came from and why.
type InputError struct {
	Origin string
	Reason string
	Err    error // the underlying error, if any
}

func (e *InputError) Error() string { return e.Origin + ": " + e.Reason }
func (e *InputError) Unwrap() error { return e.Err }

func refuse(origin, format string, args ...any) Item {
	return Item{
		Article: doc.Article{Origin: origin},
		Err:     &InputError{Origin: origin, Reason: fmt.Sprintf(format, args...)},
	}
}

// Read streams every article of paths in input order: files as given,
// directories recursively in sorted order, "-" for standard input.
func Read(paths []string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for _, p := range paths {
			if !readPath(p, opts, yield) {
				return
			}
		}
	}
}

func readPath(path string, opts Options, yield func(Item) bool) bool {
	if path == "-" {
		in := opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		return readStream("-", "", in, opts, yield)
	}
	info, err := os.Stat(path)
	if err != nil {
		return yield(refuse(path, "cannot read: %v", unwrapPathErr(err)))
	}
	if !info.IsDir() {
		return readFile(path, opts, yield)
	}
	files, err := listDir(path)
	if err != nil {
		return yield(refuse(path, "cannot list directory: %v", unwrapPathErr(err)))
	}
	for _, f := range files {
		if !readFile(f, opts, yield) {
			return false
		}
	}
	return true
}

// listDir returns every regular file under dir in lexical order, skipping
// hidden files and folders (version-control data, editor droppings).
func listDir(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := e.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func readFile(path string, opts Options, yield func(Item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(refuse(path, "cannot read: %v", unwrapPathErr(err)))
	}
	defer f.Close()
	return readStream(path, strings.ToLower(filepath.Ext(path)), f, opts, yield)
}

// unwrapPathErr drops the path from an *fs.PathError, since the origin
// already names it.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ArticleID is the content hash of the normalised body: white space runs
// folded to one space, so re-wrapped copies of a text share their id.
func ArticleID(body string) string {
	h := sha256.New()
	space := false
	started := false
	var buf []byte
	for _, r := range body {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		started = true
		buf = utf8.AppendRune(buf[:0], r)
		h.Write(buf)
	}
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

// ReadFS streams every file of fsys (the embedded samples, say) in sorted
// order; origins are prefix + the file's path.
func ReadFS(fsys fs.FS, prefix string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				return err
			}
			f, err := fsys.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			if !readStream(prefix+p, strings.ToLower(path.Ext(p)), f, opts, yield) {
				return fs.SkipAll
			}
			return nil
		})
		if err != nil {
			yield(refuse(prefix, "cannot read: %v", err))
		}
	}
}
