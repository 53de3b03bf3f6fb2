// Package event is the last analysis stage: it codes the events each
// sentence reports between actors, in the spirit of the TABARI and
// PETRARCH coders. An embedded lexicon of verb and noun patterns maps
// triggers to PLOVER types and CAMEO codes; source and target come from
// the entity layer, found by patterns over the sentence's part-of-speech
// chunks (subject, object, prepositional and "by" phrases); negation,
// modality and allegation cues set the status; quotations and posts add
// the speech acts their speakers perform. What an accusation or a denial
// is about ("accused of orchestrating the attack") is coded too, as an
// alleged or denied event. Casualties go to the assault whose clause
// states them, and the place is the one named in the event's own stretch
// of the clause.
package event

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/timex"
)

// DateFunc dates an event from the sentence that states it and its trigger,
// returning an ISO date ("" for none) and its basis (doc.DateText ...).
type DateFunc func(d *doc.Doc, sentence int, trigger doc.Span) (date, basis string)

// Coder finds events. It is safe for concurrent use: Run keeps its working
// state on the stack.
type Coder struct {
	lx   *lexicon
	date DateFunc
	// All puts events that are negated, hypothetical or only alleged in
	// Doc.Events too. By default they go to Doc.OtherEvents: the record of
	// what happened (the annotation's events: what an article reports as
	// having happened, and threats) keeps its precision, and nothing the
	// article says is lost.
	All bool
}

// New loads the embedded lexicons and returns a Coder.
func New() (*Coder, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Coder{lx: lx, date: timex.EventDate}, nil
}

// SetDateFunc replaces the dating function (by default timex.EventDate).
func (c *Coder) SetDateFunc(f DateFunc) {
	if f != nil {
		c.date = f
	}
}

// Name names the stage in timings.
func (c *Coder) Name() string { return "event" }

// Run appends the events of d to d.Events, and those the article does
// not report as having happened (negated, hypothetical, alleged) to
// d.OtherEvents.
func (c *Coder) Run(d *doc.Doc) {
	if len(d.Sentences) == 0 || len(d.Tokens) == 0 {
		return
	}
	a := newArticle(c.lx, d)
	found := make([]candidate, 0, len(d.Sentences))
	for si := range d.Sentences {
		found = a.sentence(si, found)
	}
	found = append(found, a.quoteActs()...)
	sort.SliceStable(found, func(i, j int) bool { return found[i].ev.Trigger.Start < found[j].ev.Trigger.Start })
	answerers(found)
	sameAccused(found)
	callers(d, found)
	kept := make([]candidate, 0, len(found))
	var other []candidate
	for _, ev := range found {
		if ev.shadow {
			continue
		}
		if c.All || reportable(ev) {
			kept = append(kept, ev)
		} else {
			other = append(other, ev)
		}
	}
	n := len(d.Events) + len(d.OtherEvents)
	for _, ev := range c.finish(d, kept) {
		n++
		ev.ID = "V" + strconv.Itoa(n)
		d.Events = append(d.Events, ev)
	}
	for _, ev := range c.finish(d, other) {
		n++
		ev.ID = "V" + strconv.Itoa(n)
		d.OtherEvents = append(d.OtherEvents, ev)
	}
}

// finish dates the candidates and merges those that report one event.
func (c *Coder) finish(d *doc.Doc, kept []candidate) []doc.Event {
	for i := range kept {
		kept[i].ev.Date, kept[i].ev.DateBasis = c.dateOf(d, kept[i])
		if kept[i].postDate != "" && kept[i].ev.DateBasis != doc.DateText {
			kept[i].ev.Date, kept[i].ev.DateBasis = kept[i].postDate, doc.DateText
		}
	}
	merged := merge(d, kept)
	out := make([]doc.Event, len(merged))
	for i, m := range merged {
		out[i] = m.ev
	}
	return out
}

// verbal are the types whose trigger is a statement: a date inside what
// was stated dates the thing stated, not the statement.
var verbal = map[string]bool{
	"ACCUSE": true, "REQUEST": true, "REJECT": true, "SUPPORT": true, "THREATEN": true,
	"AGREE": true, "CONCEDE": true,
}

// dateOf dates one event. For a statement ("alleged that no checks were
// made Aug. 9") the time expressions of its that-clause are hidden first.
func (c *Coder) dateOf(d *doc.Doc, e candidate) (string, string) {
	ev := e.ev
	if !verbal[ev.Type] || ev.Sentence < 0 || ev.Sentence >= len(d.Sentences) {
		return c.date(d, ev.Sentence, ev.Trigger)
	}
	end := d.Sentences[ev.Sentence].End
	body := d.Article.Body
	var keep []doc.Timex
	hidden := false
	for _, t := range d.Timexes {
		if t.Start >= ev.Trigger.End && t.End <= end && complement(body[ev.Trigger.End:t.Start], e.noun) {
			hidden = true
			continue
		}
		keep = append(keep, t)
	}
	if !hidden {
		return c.date(d, ev.Sentence, ev.Trigger)
	}
	shallow := *d
	shallow.Timexes = keep
	return c.date(&shallow, ev.Sentence, ev.Trigger)
}

// answerers gives an acceptance or refusal of something said or done
// before ("accepted the apology", "rejected the offer", "dismissed the
// sanctions") the one who said or did it as its target.
func answerers(cs []candidate) {
	for i := range cs {
		obj := cs[i].object
		if obj == "" || cs[i].ev.Target != "" {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			o := cs[j].ev
			if o.Source != "" && o.Source != cs[i].ev.Source && (sameAct(cs[j].lemma, obj) || cs[j].thing != "" && sameAct(cs[j].thing, obj)) {
				cs[i].ev.Target = o.Source
				break
			}
		}
	}
}

// complement reports whether the text between a statement's trigger and a
// time expression opens what was stated: "alleged that ...", "his
// condemnation of Tuesday's attack".
func complement(between string, noun bool) bool {
	if strings.Contains(between, " that ") {
		return true
	}
	return noun && strings.HasPrefix(between, " of ")
}

// sameAccused carries the accused of an allegation to the next allegation
// by the same accuser whose that-clause names no one ("Prosecutors alleged
// that Noel and Thomas ... Prosecutors alleged that no checks were made").
func sameAccused(cs []candidate) {
	for i := range cs {
		e := &cs[i].ev
		if e.Type != "ACCUSE" || !cs[i].clausal || e.Target != "" || e.Source == "" {
			continue
		}
		for j := i - 1; j >= 0 && e.Sentence-cs[j].ev.Sentence <= 5; j-- {
			o := cs[j].ev
			if o.Type == "ACCUSE" && o.Source == e.Source && o.Target != "" && cs[j].clausal {
				e.Target = o.Target
				break
			}
		}
	}
}

// reportable says whether an event is one the article reports as having
// happened, or a threat (whose point is the future).
func reportable(c candidate) bool {
	switch c.ev.Status {
	case doc.Asserted:
		return true
	case doc.Hypothetical:
		return c.ev.Type == "THREATEN"
	}
	return false
}

// isDay reports whether v is a calendar day, YYYY-MM-DD.
func isDay(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for i, r := range v {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// String renders an event for test failures and debugging.
func String(d *doc.Doc, e doc.Event) string {
	name := func(id string) string {
		if en := d.Entity(id); en != nil {
			return en.Name
		}
		return "-"
	}
	return fmt.Sprintf("%s(%s) %s -> %s [%s] %q", e.Type, e.Cameo, name(e.Source), name(e.Target), e.Status, e.Trigger.Text)
}

// callers gives a call or meeting noun that names only who was called
// the source of the act just reported towards the same one or their
// country: "Netanyahu apologized to Turkey ... It happened in a phone
// call to Erdogan".
func callers(d *doc.Doc, cs []candidate) {
	for i := range cs {
		e := &cs[i].ev
		if !cs[i].noun || e.Type != "CONSULT" || e.Source != "" || e.Target == "" {
			continue
		}
		for j := i - 1; j >= 0 && e.Sentence-cs[j].ev.Sentence <= 3; j-- {
			o := cs[j].ev
			if (o.Target == e.Target || sameCountry(d, o.Target, e.Target)) && o.Source != "" && o.Source != e.Target && !cs[j].shadow && cordial[o.Type] {
				e.Source = o.Source
				break
			}
		}
	}
}

// cordial are the acts a call or meeting goes with: apologies, promises,
// thanks, requests, talks.
var cordial = map[string]bool{
	"CONCEDE": true, "AGREE": true, "SUPPORT": true, "REQUEST": true, "CONSULT": true, "COOPERATE": true,
}
