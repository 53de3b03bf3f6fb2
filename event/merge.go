package event

import (
	"sort"

	"github.com/chronicle/chronicle/doc"
)

// speechTypes are the verbal acts whose repetitions are separate events
// unless said with the same word: a condemnation and an accusation by the
// same speaker are two acts, a condemnation reported twice is one.
var speechTypes = map[string]bool{
	"ACCUSE": true, "SUPPORT": true, "REQUEST": true, "REJECT": true, "CONCEDE": true, "AGREE": true,
}

// merge keeps one event per real-world event: later reports of an event
// already found (same type, the same actor in one role and no conflict in
// the other, no conflicting date) are folded into the first report, which
// takes over any actor, date or casualty figure it lacked.
func merge(d *doc.Doc, cs []candidate) []candidate {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].ev.Trigger.Start < cs[j].ev.Trigger.Start })
	var out []candidate
	for _, c := range cs {
		if k := findSame(out, c, d); k >= 0 {
			absorb(&out[k], c)
			continue
		}
		if c.noun && c.ev.Source == "" {
			// A noun with no actor of its own names an event only when
			// it restates one already found.
			continue
		}
		out = append(out, c)
	}
	return out
}

func findSame(out []candidate, c candidate, d *doc.Doc) int {
	for k := range out {
		if sameEvent(d, out[k], c) {
			return k
		}
	}
	return -1
}

// sameEvent reports whether b, found later, retells the event a.
func sameEvent(d *doc.Doc, a, b candidate) bool {
	o, e := a.ev, b.ev
	if o.Type != e.Type || o.Status != e.Status {
		// What one says happened and another denies are two records.
		return false
	}
	if o.ClaimedBy != "" && e.ClaimedBy != "" && o.ClaimedBy != e.ClaimedBy {
		return false
	}
	if o.Sentence == e.Sentence && o.Source == e.Source {
		// "met with X during his visit": a noun restates the verb;
		// "Noel is charged ...; Thomas is charged ...": one act told of
		// several people.
		if o.Source != "" && (a.noun || b.noun) || a.lemma == b.lemma && !a.noun && !b.noun {
			return true
		}
	}
	if o.DateBasis == doc.DateText && e.DateBasis == doc.DateText && o.Date != e.Date &&
		a.postDate == "" && b.postDate == "" {
		return false
	}
	switch {
	case o.Source == e.Source && o.Target == e.Target:
	case symmetric[e.Type] && o.Source == e.Target && o.Target == e.Source:
	case speechTypes[e.Type] && o.Source == e.Source && o.Source != "" && sameCountry(d, o.Target, e.Target):
		// "apologized to Erdogan" and "apologized to the Turkish people".
	case material[e.Type] && o.Target == e.Target && o.Target != "" &&
		(o.Source == "" || e.Source == "" || sameCountry(d, o.Source, e.Source)):
		// "police detained her" and "she was arrested by officers".
		return true
	case material[e.Type] && o.Source == e.Source && o.Source != "" && sameCountry(d, o.Target, e.Target) &&
		!person(d, o.Target) && !person(d, e.Target):
		// "US airstrikes targeting Kata'ib Hezbollah" and "US strikes
		// against the Iraqi militia": one side's blow at one side (but
		// arrests of two people are two arrests).
		return true
	case b.noun && fits(o.Source, e.Source) && fits(o.Target, e.Target) &&
		(o.Source != "" && o.Source == e.Source || o.Target != "" && o.Target == e.Target):
		// Only a noun report may leave a role open: "the attack on the
		// embassy" restates an attack already found.
	default:
		return false
	}
	return !speechTypes[e.Type] || sameStatement(a, b)
}

// material are the acts done to a target that an article retells with
// other words for the actor ("police", "officers", "the State Security
// Service").
var material = map[string]bool{"COERCE": true, "ASSAULT": true, "SANCTION": true}

// person reports whether the entity ID names a person.
func person(d *doc.Doc, id string) bool {
	x := d.Entity(id)
	return x != nil && x.Type == doc.PERSON
}

// sameCountry reports whether two entity IDs name actors of one country.
func sameCountry(d *doc.Doc, a, b string) bool {
	x, y := d.Entity(a), d.Entity(b)
	return x != nil && y != nil && x.Country != "" && x.Country == y.Country
}

// fits reports whether two actor IDs can be the same actor: equal, or one
// unknown.
func fits(a, b string) bool { return a == "" || b == "" || a == b }

// sameStatement reports whether two statements of the same type, source
// and target are one act reported twice: the same word about the same
// thing ("dismissed the allegations" twice, "condemnation of the attack"
// and "condemned the attack"), but not two that-clauses, which carry
// distinct claims.
func sameStatement(a, b candidate) bool {
	if !sameAct(a.lemma, b.lemma) || a.clausal && b.clausal {
		return false
	}
	if a.clausal && b.what != "" || b.clausal && a.what != "" {
		return false
	}
	return a.what == "" || b.what == "" || a.what == b.what
}

// sameAct reports whether two triggers name the same act: the same word,
// or a verb and its nominalisation ("condemned", "condemnation").
func sameAct(a, b string) bool {
	if a == b {
		return true
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	short := min(len(a), len(b))
	return n >= 3 && n >= min(5, short-1)
}

// absorb folds a later report into the kept event.
func absorb(k *candidate, c candidate) {
	o, e := &k.ev, &c.ev
	if k.noun && o.Source == "" {
		o.Source = e.Source
	}
	if k.noun && o.Target == "" {
		o.Target = e.Target
	}
	switch {
	case c.postDate != "" && k.postDate == "":
		// A post carries the day it was written: the surest date of a
		// speech act.
		o.Date, o.DateBasis, k.postDate = c.postDate, doc.DateText, c.postDate
	case o.DateBasis != doc.DateText && e.DateBasis == doc.DateText:
		o.Date, o.DateBasis = e.Date, e.DateBasis
	}
	if o.Fatalities == nil {
		o.Fatalities = e.Fatalities
	}
	if o.Injuries == nil {
		o.Injuries = e.Injuries
	}
	if o.ClaimedBy == "" {
		o.ClaimedBy = e.ClaimedBy
	}
	if o.Location == "" {
		o.Location = e.Location
	}
}
