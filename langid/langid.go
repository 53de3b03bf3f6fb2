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
	if plainEnglish(text) {
		return "en", true
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

// englishFunctionWords are the commonest words of English prose. They make
// up a third or more of any English news text and a small share of text in
// other languages, which lets most articles skip the trigram model: it costs
// about a millisecond a body, this a few microseconds.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "is": true,
	"that": true, "for": true, "on": true, "was": true, "with": true, "said": true,
	"as": true, "by": true, "at": true, "it": true, "from": true, "his": true,
	"he": true, "has": true, "have": true, "be": true, "are": true, "an": true,
	"were": true, "which": true, "this": true, "not": true, "or": true, "but": true,
	"will": true, "had": true, "they": true, "their": true, "its": true, "who": true,
	"been": true, "would": true, "after": true, "she": true, "her": true,
}

// plainEnglish reports whether text is clearly English: at least 60
// words, and over a quarter of them English function words.
func plainEnglish(text string) bool {
	words, common := 0, 0
	var buf [16]byte
	for i := 0; i < len(text); {
		c := text[i]
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i
		for j < len(text) && isASCIILetter(text[j]) {
			j++
		}
		words++
		if n := j - i; n <= len(buf) {
			w := buf[:n]
			for k := range n {
				w[k] = text[i+k] | 0x20
			}
			if englishFunctionWords[string(w)] {
				common++
			}
		}
		i = j
	}
	return words >= 60 && common*4 > words
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
