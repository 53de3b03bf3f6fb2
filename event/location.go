package event

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// location returns the place of an event whose trigger runs from token
// start to token trig: the first place named after "in" or "at" in the
// trigger's own stretch of the clause, else one opening the clause ("In
// Kabul, police arrested ..."), else, for an act done to a building, the
// place in the building's name ("the US Embassy in Baghdad"). A place is
// never one of the event's actors. A phone call has no place unless the
// clause gives one before it, and a statement's place is where it was
// made, never one inside what it is about ("condemned the attack in Iraq").
func (c *clause) location(typ, mode string, start, trig, src, tgt int) string {
	if mode == "phone" {
		return ""
	}
	a := c.a
	after := trig + 1
	if verbal[typ] && tgt >= 0 {
		// "told Lena Modi in Paris": the place may follow the addressee.
		if k := c.mentionEnd(after, tgt); k > after {
			after = k
		}
	}
	for k := after; k < c.last; k++ {
		if c.boundary(k) || a.lower[k] == "," || locationStop[a.lower[k]] || k > after && a.isFinite(k) {
			break
		}
		if p := c.place(k, src, tgt); p != "" {
			return p
		}
		if verbal[typ] {
			// Only right after a statement (or its addressee).
			break
		}
	}
	for k := start - 1; k >= c.first; k-- {
		if c.boundary(k) || a.lower[k] == "," || a.lower[k] == "that" || a.isFinite(k) {
			break
		}
		if p := c.place(k, src, tgt); p != "" {
			return p
		}
	}
	if p := c.place(c.first, src, tgt); p != "" {
		return p
	}
	if tgt >= 0 && !verbal[typ] && a.d.Entities[tgt].Type == doc.FAC {
		return c.placeInName(tgt)
	}
	return ""
}

// locationStop are words after which a place belongs to something other
// than the event: its topic, a cause, another time ("spoke with X about
// protecting personnel in Baghdad", "following strikes in Syria").
var locationStop = map[string]bool{
	"about": true, "over": true, "regarding": true, "concerning": true, "for": true,
	"following": true, "after": true, "before": true, "amid": true, "despite": true,
	"since": true, "because": true, "when": true, "as": true, "that": true, "where": true,
	"to": true,
}

// mentionEnd returns the token after a mention of entity x that starts at
// token k, or k when none starts there.
func (c *clause) mentionEnd(k, x int) int {
	a := c.a
	for k < c.last && a.tag(k) == "DT" {
		k++
	}
	j := k
	for j < c.last && a.ent[j] == x {
		j++
	}
	return j
}

// place returns the ID of the place introduced by "in" or "at" at token
// k, or "" when there is none or it is one of the actors.
func (c *clause) place(k, src, tgt int) string {
	a := c.a
	if a.lower[k] != "in" && a.lower[k] != "at" || a.ent[k] >= 0 || k+1 >= c.last {
		return ""
	}
	x := a.ent[k+1]
	if x < 0 && k+2 < c.last && a.tag(k+1) == "DT" {
		x = a.ent[k+2]
	}
	if x < 0 || x == src || x == tgt {
		return ""
	}
	switch a.d.Entities[x].Type {
	case doc.GPE, doc.LOC, doc.FAC:
		return a.d.Entities[x].ID
	}
	return ""
}

// placeInName returns the place named inside a mention of building x in
// this clause ("US Embassy in Baghdad" holds Baghdad), or "".
func (c *clause) placeInName(x int) string {
	a := c.a
	s := a.d.Sentences[c.si]
	for _, m := range a.d.Entities[x].Mentions {
		if m.Start < s.Start || m.End > s.End {
			continue
		}
		for _, r := range a.d.MentionsIn(m.Start, m.End) {
			e := a.d.Entities[r.Entity]
			im := e.Mentions[r.Mention]
			before := strings.ToLower(a.d.Article.Body[m.Start:im.Start])
			if r.Entity != x && (e.Type == doc.GPE || e.Type == doc.LOC) &&
				(strings.HasSuffix(before, " in ") || strings.HasSuffix(before, " at ")) {
				return e.ID
			}
		}
	}
	return ""
}
