package entity

import (
	"strings"

	"github.com/chronicle/chronicle/doc"
)

// Names that no lexicon knows and no title, head word or given name types
// can still be told for an organisation's by the words around them: its
// people or parts after it ("Zenith officials", "a Zenith spokesman",
// "Zenith's lawyers"), a person of it before it ("Nathan Law of Zenith",
// "members of Zenith"), or a person it owns after it ("Zenith's Ana
// Ruiz"). One such cue types every bare use of the name in the article.

// orgCue reports whether the words around the unknown name [a, b) show it
// to be an organisation.
func (st *state) orgCue(a, b int) bool {
	sent := st.ws[a].Sent
	in := func(i int) bool { return i >= 0 && i < len(st.ws) && st.ws[i].Sent == sent }
	k := b
	poss := in(k) && isPossessive(st.ws[k].Text)
	if poss {
		k++
	}
	if in(k) && !st.ws[k].Cap && st.lx.members[st.ws[k].Lower] {
		return true
	}
	if !poss && in(k) && !st.ws[k].Cap && st.lx.kindAfter[st.ws[k].Lower] {
		return true // "al-Ikhbariya television", "the Sea Org group"
	}
	if poss && in(k) && st.capWord(k) && !st.ws[k].First {
		if _, ok := st.lx.given[st.ws[k].Text]; ok {
			return true // "Zenith's Ana Ruiz"
		}
		if n, _ := st.titleAt(k); n > 0 {
			return true // "Zenith's Shadow Home Secretary"
		}
	}
	return st.orgCueBefore(a)
}

// orgCueBefore reports whether the words before the unknown name at a
// show it to be an organisation: "members of Zenith", "a lawyer for the
// Zenith Group".
func (st *state) orgCueBefore(a int) bool {
	sent := st.ws[a].Sent
	in := func(i int) bool { return i >= 0 && i < len(st.ws) && st.ws[i].Sent == sent }
	p := a - 1
	the := in(p) && st.ws[p].Lower == "the"
	if the {
		p--
	}
	if !in(p) || st.ws[p].Text != "of" && st.ws[p].Text != "for" || !in(p-1) {
		return false
	}
	if w := st.ws[p-1]; (!w.Cap || w.First) && st.lx.members[w.Lower] {
		return true // "members of Zenith", "a lawyer for Zenith"
	}
	return false
}

// cuedOrg adds the unknown name [a, b) as an organisation, with the
// sector a kind noun after it gives ("Zenith television" is media).
func (st *state) cuedOrg(a, b int, c context) {
	name := st.text(a, b)
	e := st.entity("O:"+name, ent{Entity: doc.Entity{Name: name, Type: doc.ORG, Country: c.country}, head: strings.ToLower(st.ws[b-1].Text)})
	e.cued = true
	if b < len(st.ws) && st.ws[b].Sent == st.ws[a].Sent && st.lx.kindAfter[st.ws[b].Lower] && e.Sector == "" {
		e.Sector = st.lx.kinds[st.ws[b].Lower].Sector
	}
	st.add(e, a, b, doc.MentionName)
}

// placeName reports whether [a, b) is a place the lexicons know, or a
// name followed by ", <state or country>".
func (st *state) placeName(a, b int) bool {
	if n, k := st.lookup(a); n > 0 && (k.Type == doc.GPE || k.Type == doc.LOC) {
		return true
	}
	if b+1 < len(st.ws) && st.ws[b].Text == "," && st.ws[b+1].Sent == st.ws[a].Sent {
		if n, k := st.lookup(b + 1); n > 0 && k.Type == doc.GPE {
			return true
		}
	}
	return false
}

// lateOrgs adds the bare uses of a cued organisation's name met before the
// cue ("Zenith defector arrested" above "Zenith officials said").
func (st *state) lateOrgs() {
	var cued []*ent
	for _, e := range st.ents {
		if e.cued {
			cued = append(cued, e)
		}
	}
	if len(cued) == 0 {
		return
	}
	for i := range st.ws {
		if st.taken(i) || !st.ws[i].Cap {
			continue
		}
		for _, e := range cued {
			if n := st.nameAt(i, e.Name); n > 0 {
				st.add(e, i, i+n, doc.MentionName)
				break
			}
		}
	}
}

// nameAt returns how many words from i spell name, all unused and within
// one sentence, with no capitalised word running on after them; else 0.
func (st *state) nameAt(i int, name string) int {
	parts := strings.Fields(name)
	if i+len(parts) > len(st.ws) {
		return 0
	}
	for k, p := range parts {
		w := st.ws[i+k]
		if st.taken(i+k) || w.Sent != st.ws[i].Sent || w.Text != p {
			return 0
		}
	}
	end := i + len(parts)
	if end < len(st.ws) && st.ws[end].Sent == st.ws[i].Sent && st.capWord(end) {
		return 0
	}
	if i > 0 && st.ws[i-1].Sent == st.ws[i].Sent && st.capWord(i-1) && !st.ws[i-1].First {
		return 0
	}
	return len(parts)
}

// taken reports whether word i belongs to a mention other than a group's:
// "Zenith officials" is a group whose modifier still names the body.
func (st *state) taken(i int) bool {
	return st.used[i] && (st.owner[i] == nil || st.owner[i].Type != doc.GROUP)
}

// kindBefore returns the kind of body a lower-case noun just before word a
// names ("the company Acme", "localist group Zenith"), if any.
func (st *state) kindBefore(a int) (head, bool) {
	if a == 0 || st.ws[a-1].Sent != st.ws[a].Sent || st.ws[a-1].Cap {
		return head{}, false
	}
	h, ok := st.lx.kinds[st.ws[a-1].Lower]
	return h, ok
}
