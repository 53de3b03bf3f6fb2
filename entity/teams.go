package entity

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// sportsWords is how many distinct words of sports reporting an article
// must use before the countries it names as playing are taken for teams.
const sportsWords = 6

// teams makes the countries of a sports report that play, rather than
// host, national teams: in "Sweden beat South Korea 1-0 in Nizhny
// Novgorod" both countries are teams (organisations of their country),
// while "a match in Russia" keeps Russia a place.
func (st *state) teams() {
	if !st.sportsReport() {
		return
	}
	for k := range st.ments {
		m := &st.ments[k]
		if !(m.e.nation || homeNations[m.e.Name]) || m.kind != doc.MentionName || m.e.metonym {
			continue
		}
		i := st.wordAt(m.start)
		if i < 0 || st.hosts(i) {
			continue
		}
		m.e = st.team(m.e)
	}
}

// homeNations are the parts of a country that field national teams of
// their own.
var homeNations = map[string]bool{"England": true, "Scotland": true, "Wales": true, "Northern Ireland": true}

// sportsReport reports whether the article reports games: it gives a
// score ("1 – 0", "3-2") and uses enough distinct words of sports
// reporting. A vote tally alone ("a 5-4 ruling") is not enough, nor is a
// competition without scores.
func (st *state) sportsReport() bool {
	seen := map[string]bool{}
	score := false
	for i, w := range st.ws {
		if !w.Punct && st.lx.sports[w.Lower] {
			seen[w.Lower] = true
		}
		score = score || st.scoreAt(i)
	}
	return score && len(seen) >= sportsWords
}

// scoreAt reports whether a game's score starts at word i: "2-1" or
// "2 – 1", small numbers on both sides of a dash.
func (st *state) scoreAt(i int) bool {
	if a, b, ok := strings.Cut(st.ws[i].Text, "-"); ok {
		return smallNumber(a) && smallNumber(b)
	}
	if i+2 >= len(st.ws) || !smallNumber(st.ws[i].Text) || !smallNumber(st.ws[i+2].Text) {
		return false
	}
	switch st.ws[i+1].Text {
	case "-", "–", "—":
		return st.ws[i+2].Sent == st.ws[i].Sent
	}
	return false
}

func smallNumber(s string) bool {
	return len(s) >= 1 && len(s) <= 2 && strings.Trim(s, "0123456789") == ""
}

// hosts reports whether the country named at word i is where something
// happens or comes from: "in Russia", "from Brazil", "Russia's capital".
func (st *state) hosts(i int) bool {
	if i == 0 || st.ws[i-1].Sent != st.ws[i].Sent {
		return false
	}
	switch st.ws[i-1].Lower {
	case "in", "at", "from", "near", "across", "inside", "throughout", "around", "of", "into", "visit", "visited":
		return true
	}
	return false
}

// team returns the national team of country entity c.
func (st *state) team(c *ent) *ent {
	return st.entity("T:"+c.Name, ent{Entity: doc.Entity{Name: c.Name, Type: doc.ORG, Country: c.Country}, parts: c.parts})
}
