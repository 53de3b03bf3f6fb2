package htmltext

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// toUTF8 converts a page to UTF-8. The encoding comes from a byte-order
// mark, a <meta> charset declaration or, failing both, a guess (UTF-8 when
// the bytes are valid UTF-8, else Windows-1252). Pages often lie: one that
// declares UTF-8 but is not valid UTF-8 is read as Windows-1252, and one
// that declares a single-byte charset but is valid multi-byte UTF-8 is read
// as UTF-8, since that mix-up is far more common than a real Latin-1 text
// that happens to form valid UTF-8 sequences.
func toUTF8(page []byte, contentType string) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(page, contentType)
	valid := utf8.Valid(page)
	switch {
	case enc == unicode.UTF8 || name == "utf-8":
		if valid {
			return page, nil
		}
		enc = charmap.Windows1252
	case valid && hasMultiByte(page) && isSingleByte(enc):
		return page, nil
	}
	if enc == nil || enc == encoding.Nop {
		return page, nil
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return nil, fmt.Errorf("charset %s: %w", name, err)
	}
	return out, nil
}

func hasMultiByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// isSingleByte reports whether enc maps each byte to one character (the
// Windows and ISO-8859 families), the ones UTF-8 is mistaken for.
func isSingleByte(enc encoding.Encoding) bool {
	_, ok := enc.(*charmap.Charmap)
	return ok
}

// stripBOM drops a UTF-8 byte-order mark, which would otherwise become the
// first character of the title or body.
func stripBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}
