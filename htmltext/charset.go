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
	case valid && hasMultiByte(page) && singleByte[name]:
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

// singleByte lists the WHATWG names of encodings that map each byte to one
// character, the ones UTF-8 is mislabelled as.
var singleByte = map[string]bool{
	"windows-1250": true, "windows-1251": true, "windows-1252": true, "windows-1253": true,
	"windows-1254": true, "windows-1255": true, "windows-1256": true, "windows-1257": true,
	"windows-1258": true, "iso-8859-2": true, "iso-8859-3": true, "iso-8859-4": true,
	"iso-8859-5": true, "iso-8859-6": true, "iso-8859-7": true, "iso-8859-8": true,
	"iso-8859-10": true, "iso-8859-13": true, "iso-8859-14": true, "iso-8859-15": true,
	"iso-8859-16": true, "koi8-r": true, "koi8-u": true, "macintosh": true, "windows-874": true,
}

// stripBOM drops a UTF-8 byte-order mark, which would otherwise become the
// first character of the title or body.
func stripBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}
