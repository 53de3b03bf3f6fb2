package sqlite

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// norm reduces a name to the key under which variants meet: lower case,
// letters and digits only, single spaces, no leading article. "The U.S."
// and "U.S" both become "us"; "Kata’ib Hezbollah" becomes "kataib hezbollah".
func norm(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '#':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '/':
			space = true
		}
		// other punctuation (dots, apostrophes) joins: U.S. → us
	}
	s := b.String()
	s = strings.TrimPrefix(s, "the ")
	return s
}

// surname returns the last word of a multi-word person name, "" otherwise.
func surname(n string) string {
	i := strings.LastIndexByte(n, ' ')
	if i < 0 {
		return ""
	}
	last := n[i+1:]
	switch last {
	case "jr", "sr", "ii", "iii", "iv":
		return surname(n[:i])
	}
	return last
}

// Near-duplicate detection: a MinHash signature over word 3-shingles of the
// body, with locality-sensitive banding. Two bodies whose shingle sets have
// Jaccard similarity s share at least one band with probability
// 1-(1-s^rows)^bands: about 0.98 at s=0.7 and 0.05 at s=0.3. Candidates are
// then checked on the full signature.
const (
	hashes    = 32
	bandRows  = 4
	bandCount = hashes / bandRows
	// dupJaccard is the estimated shingle overlap above which an article
	// counts as a rewrite of another.
	dupJaccard = 0.5
	// minShingles: shorter bodies are too small to call duplicates.
	minShingles = 12
)

// signature is a MinHash signature.
type signature [hashes]uint64

// mix is splitmix64's finaliser: a cheap, well-spread 64-bit permutation.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// minhash computes the signature of body; ok is false when the body has
// too few shingles to judge.
func minhash(body string) (sig signature, ok bool) {
	words := strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words)-2 < minShingles {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	h := fnv.New64a()
	for i := 0; i+2 < len(words); i++ {
		h.Reset()
		h.Write([]byte(words[i]))
		h.Write([]byte{0})
		h.Write([]byte(words[i+1]))
		h.Write([]byte{0})
		h.Write([]byte(words[i+2]))
		x := h.Sum64()
		for j := range sig {
			if v := mix(x ^ seeds[j]); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

var seeds = func() (s [hashes]uint64) {
	for i := range s {
		s[i] = mix(uint64(i+1) * 0x2545f4914f6cdd1d)
	}
	return s
}()

// bands returns the LSH band keys of a signature, as SQLite integers.
func (s *signature) bands() [bandCount]int64 {
	var out [bandCount]int64
	for b := range out {
		x := uint64(b + 1)
		for r := 0; r < bandRows; r++ {
			x = mix(x ^ s[b*bandRows+r])
		}
		out[b] = int64(x >> 1)
	}
	return out
}

// similarity estimates the Jaccard similarity of the two bodies.
func (s *signature) similarity(o *signature) float64 {
	n := 0
	for i := range s {
		if s[i] == o[i] {
			n++
		}
	}
	return float64(n) / hashes
}

func (s *signature) bytes() []byte {
	b := make([]byte, 8*hashes)
	for i, v := range s {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b
}

func sigFrom(b []byte) (s signature, ok bool) {
	if len(b) != 8*hashes {
		return s, false
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return s, true
}

// putInts encodes non-negative integers as unsigned varints: the compact
// form of offset lists stored as blobs.
func putInts(dst []byte, xs ...int) []byte {
	for _, x := range xs {
		dst = binary.AppendUvarint(dst, uint64(x))
	}
	return dst
}

// ints decodes what putInts wrote.
func ints(b []byte) []int {
	var out []int
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			break
		}
		out = append(out, int(v))
		b = b[n:]
	}
	return out
}

var mentionKinds = []string{"name", "title", "pronoun", "handle", "hashtag"}

func kindCode(k string) int {
	for i, s := range mentionKinds {
		if s == k {
			return i
		}
	}
	return 0
}

func kindName(c int) string {
	if c >= 0 && c < len(mentionKinds) {
		return mentionKinds[c]
	}
	return "name"
}
