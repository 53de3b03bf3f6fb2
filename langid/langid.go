// Package langid tells which language an article is written in, so that
// non-English articles are stored with their language and passed over by
// the English stages instead of being misread by them.
//
// Detection uses character trigrams (whatlanggo) on a whole body: short
// snippets such as a title are too little evidence and are reported as
// not confident.
package langid

import (
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// sample is how much of a body is read: a few thousand characters settle
// the language, and reading a whole long article would only cost time.
const sample = 2500

// minLetters is the least evidence for a confident answer.
const minLetters = 80

// Detect returns the ISO 639-1 code of body's language (ISO 639-3 for the
// few languages without a two-letter code) and whether the detector is
// sure. An empty or letterless body gives "" and false.
func Detect(body string) (lang string, confident bool) {
	text := cut(body, sample)
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters == 0 {
		return "", false
	}
	info := whatlanggo.Detect(text)
	lang = info.Lang.Iso6391()
	if lang == "" {
		lang = whatlanggo.LangToStringShort(info.Lang)
	}
	return lang, letters >= minLetters && info.IsReliable()
}

// cut returns at most n bytes of s, ending at a rune boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
