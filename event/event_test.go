package event

import (
	"reflect"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
)

// Entities shared by the cases below.
const (
	pakistan = ent("Pakistan|GPE|PAK|Islamabad")
	india    = ent("India|GPE|IND|New Delhi")
	rebels   = ent("Sahel rebels|GROUP|MLI|the rebels")
	embassy  = ent("French Embassy in Bamako|FAC|FRA|French Embassy")
	bamako   = ent("Bamako|GPE|MLI")
	sharif   = ent("Omar Sharif|PERSON|PAK|Sharif")
	modi     = ent("Lena Modi|PERSON|IND|Modi")
	police   = ent("Lagos police|ORG|NGA")
	okafor   = ent("Ben Okafor|PERSON|NGA|Okafor")
	france   = ent("France|GPE|FRA|French|Paris")
)

func TestEvents(t *testing.T) {
	cases := []struct {
		name string
		text string
		ents []ent
		want []string
	}{
		{"active verb", "Sahel rebels attacked the French Embassy in Bamako on Monday.",
			[]ent{rebels, embassy, bamako}, []string{"ASSAULT Sahel rebels>French Embassy in Bamako"}},
		{"passive with agent", "The French Embassy in Bamako was attacked by Sahel rebels.",
			[]ent{rebels, embassy, bamako}, []string{"ASSAULT Sahel rebels>French Embassy in Bamako"}},
		{"passive without agent leaves the source null", "Ben Okafor was arrested on Friday.",
			[]ent{okafor}, []string{"COERCE ->Ben Okafor"}},
		{"accuse of", "Pakistan accused India of shelling border villages.",
			[]ent{pakistan, india}, []string{"ACCUSE Pakistan>India"}},
		{"thank for", "Omar Sharif thanked Lena Modi for her help.",
			[]ent{sharif, modi}, []string{"SUPPORT Omar Sharif>Lena Modi"}},
		{"spoke with", "Omar Sharif spoke with Lena Modi about trade.",
			[]ent{sharif, modi}, []string{"CONSULT Omar Sharif>Lena Modi"}},
		{"warned that X would pay", "Omar Sharif warned that India would pay a heavy price.",
			[]ent{sharif, india}, []string{"THREATEN Omar Sharif>India"}},
		{"warning without harm is no threat", "Omar Sharif warned that prices would rise.",
			[]ent{sharif}, nil},
		{"nominal with modifier and targeting", "Pakistani airstrikes targeting Sahel rebels bases killed 12 people.",
			[]ent{ent("Pakistan|GPE|PAK|Pakistani"), rebels}, []string{"ASSAULT Pakistan>Sahel rebels"}},
		{"nominal with possessive", "Omar Sharif praised Lena Modi for her condemnation of the bombing.",
			[]ent{sharif, modi}, []string{"SUPPORT Omar Sharif>Lena Modi", "ACCUSE Lena Modi>-"}},
		{"fronted call borrows the clause's actors", "In a late call, Omar Sharif thanked Lena Modi.",
			[]ent{sharif, modi}, []string{"CONSULT Omar Sharif>Lena Modi", "SUPPORT Omar Sharif>Lena Modi"}},
		{"denial is a reject by the denier", "The allegations were dismissed by Islamabad.",
			[]ent{pakistan}, []string{"REJECT Pakistan>-"}},
		{"negated event is left out", "Pakistan did not attack India.",
			[]ent{pakistan, india}, nil},
		{"not accept is a rejection", "Pakistan did not accept the proposal.",
			[]ent{pakistan}, []string{"REJECT Pakistan>-"}},
		{"future is left out", "Pakistan will attack India next week.",
			[]ent{pakistan, india}, nil},
		{"condition is left out", "If India attacks, Pakistan would respond.",
			[]ent{pakistan, india}, nil},
		{"question is left out", "Did Pakistan attack India?",
			[]ent{pakistan, india}, nil},
		{"alleged act is left out, the accusation kept", "Pakistan alleged that India shelled the villages.",
			[]ent{pakistan, india}, []string{"ACCUSE Pakistan>India"}},
		{"relative clause subject", "Lena Modi met Omar Sharif, who condemned the bombing.",
			[]ent{sharif, modi}, []string{"CONSULT Lena Modi>Omar Sharif", "ACCUSE Omar Sharif>-"}},
		{"coordinated verbs share a subject", "Omar Sharif praised Lena Modi and condemned India.",
			[]ent{sharif, modi, india}, []string{"SUPPORT Omar Sharif>Lena Modi", "ACCUSE Omar Sharif>India"}},
		{"coordinated subjects of a call", "Omar Sharif and Lena Modi spoke by telephone on Sunday.",
			[]ent{sharif, modi}, []string{"CONSULT Omar Sharif>Lena Modi"}},
		{"an age is one more insertion", "Ben Okafor, 19, a member of Sahel rebels all his life, was arrested on Friday.",
			[]ent{okafor, rebels}, []string{"COERCE ->Ben Okafor"}},
		{"appositive subject", "Lagos police, the city's force, arrested Ben Okafor.",
			[]ent{police, okafor}, []string{"COERCE Lagos police>Ben Okafor"}},
		{"gerund topic is no event", "Omar Sharif spoke with Lena Modi about attacking India.",
			[]ent{sharif, modi, india}, []string{"CONSULT Omar Sharif>Lena Modi"}},
		{"no actor, no event", "A man was stabbed on a train.", nil, nil},
		{"unknown agent is not guessed", "A gunman shot Ben Okafor.", []ent{okafor}, nil},
		{"apology to", "France apologised to India for the remarks.",
			[]ent{france, india}, []string{"CONCEDE France>India"}},
		{"call on", "India called on Pakistan to release the fishermen.",
			[]ent{pakistan, india}, []string{"REQUEST India>Pakistan"}},
		{"stated twice is coded once", "Sahel rebels attacked the French Embassy in Bamako. The attack on the French Embassy shocked Paris.",
			[]ent{rebels, embassy, bamako, france}, []string{"ASSAULT Sahel rebels>French Embassy in Bamako"}},
		{"accepting an apology answers its maker", "France apologised to India. India accepted the apology.",
			[]ent{france, india}, []string{"CONCEDE France>India", "AGREE India>France"}},
		{"calling something a sham is an accusation", "Lena Modi called the election a sham.",
			[]ent{modi}, []string{"ACCUSE Lena Modi>-"}},
		{"calling without blame is nothing", "Lena Modi called the meeting a success.",
			[]ent{modi}, nil},
		{"between the two, the other side", "Lena Modi agreed to restore ties between India and Pakistan.",
			[]ent{modi, india, pakistan}, []string{"AGREE Lena Modi>Pakistan"}},
		{"impose sanctions on", "India imposed sanctions on Pakistan.",
			[]ent{pakistan, india}, []string{"SANCTION India>Pakistan"}},
		{"threatened to act against", "India threatened to impose sanctions on Pakistan.",
			[]ent{pakistan, india}, []string{"THREATEN India>Pakistan"}},
		{"demanded that", "India demanded that Pakistan release the fishermen.",
			[]ent{pakistan, india}, []string{"REQUEST India>Pakistan"}},
		{"co-subjects agree", "India and Pakistan agreed to a ceasefire on Sunday.",
			[]ent{pakistan, india}, []string{"AGREE India>Pakistan"}},
		{"alleged as a modifier is no accusation", "Omar Sharif spoke of alleged abuses by Lena Modi.",
			[]ent{sharif, modi}, nil},
		{"one arrest told twice with other words for the police", "Lagos police detained Ben Okafor on Monday. Okafor, who leads the union, was arrested by officers at his home.",
			[]ent{police, okafor, ent("officers|GROUP|NGA")}, []string{"COERCE Lagos police>Ben Okafor"}},
		{"vowed to retaliate is a threat", "Pakistan vowed to retaliate against India.",
			[]ent{pakistan, india}, []string{"THREATEN Pakistan>India"}},
		{"what is demanded has not happened", "Omar Sharif demanded that Lena Modi release Ben Okafor.",
			[]ent{sharif, modi, okafor}, []string{"REQUEST Omar Sharif>Lena Modi"}},
		{"past tense taken for a participle", "Sahel rebels killed Ben Okafor on Monday.",
			[]ent{rebels, okafor}, []string{"ASSAULT Sahel rebels>Ben Okafor"}},
		{"an attack in words", "Omar Sharif attacked Lena Modi over her remarks.",
			[]ent{sharif, modi}, []string{"ACCUSE Omar Sharif>Lena Modi"}},
		{"an attack with arms", "Sahel rebels attacked the French Embassy with rockets.",
			[]ent{rebels, embassy}, []string{"ASSAULT Sahel rebels>French Embassy in Bamako"}},
		{"a second act after an accusation is asserted", "Pakistan accused India of shelling the border and called on France to mediate.",
			[]ent{pakistan, india, france}, []string{"ACCUSE Pakistan>India", "REQUEST Pakistan>France"}},
		{"a participle after a place belongs to the subject", "Pakistan filed a case at the French Embassy accusing India of espionage.",
			[]ent{pakistan, india, embassy}, []string{"ACCUSE Pakistan>India"}},
		{"prenominal participle is no event", "The detained Ben Okafor was freed by Lagos police.",
			[]ent{police, okafor}, []string{"RETREAT Lagos police>Ben Okafor"}},
		{"a relative clause about a thing is skipped to find the subject", "Omar Sharif apologised to India for errors that could have led to deaths and agreed to pay compensation.",
			[]ent{sharif, india}, []string{"CONCEDE Omar Sharif>India", "AGREE Omar Sharif>India"}},
		{"a relative clause about an actor is not", "Omar Sharif spoke with Lena Modi, who praised India and condemned Pakistan.",
			[]ent{sharif, modi, india, pakistan}, []string{"CONSULT Omar Sharif>Lena Modi", "SUPPORT Lena Modi>India", "ACCUSE Lena Modi>Pakistan"}},
		{"a refused offer answers who made it", "Sahel rebels have offered to stage talks. Lagos police did not accept the offer.",
			[]ent{rebels, police}, []string{"REJECT Lagos police>Sahel rebels"}},
		{"what one apologises for one did", "Omar Sharif apologised to Lena Modi for a raid on India.",
			[]ent{sharif, modi, india}, []string{"CONCEDE Omar Sharif>Lena Modi", "ASSAULT Omar Sharif>India"}},
		{"a call to the one just addressed", "Omar Sharif apologised to Lena Modi. It happened in a phone call to Lena Modi.",
			[]ent{sharif, modi}, []string{"CONCEDE Omar Sharif>Lena Modi", "CONSULT Omar Sharif>Lena Modi"}},
		{"a past tense taken for an adjective after and", "Omar Sharif put Lena Modi in charge and ordered multiple investigations into India.",
			[]ent{sharif, modi, india}, []string{"ACCUSE Omar Sharif>India"}},
		{"two promises are two acts", "India agreed to restore ties with Pakistan. India later agreed to reopen the border with Pakistan.",
			[]ent{india, pakistan}, []string{"AGREE India>Pakistan", "AGREE India>Pakistan"}},
		{"one promise told twice is one", "India agreed to restore ties with Pakistan. On Monday India agreed to restore ties with Pakistan, officials said.",
			[]ent{india, pakistan}, []string{"AGREE India>Pakistan"}},
	}
	c := testCoder(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := build(t, tc.text, tc.ents...)
			c.Run(d)
			if got := summary(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestQuoteSpeechActs checks the acts a quotation performs, with its
// speaker as source.
func TestQuoteSpeechActs(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		quote string // the quoted words; the speaker is the first entity
		kind  string
		ents  []ent
		want  []string
	}{
		{"threat with pronoun target", "India will be held responsible. They will pay a very big price! — Omar Sharif",
			"India will be held responsible. They will pay a very big price!", doc.QuotePost,
			[]ent{sharif, india}, []string{"THREATEN Omar Sharif>India"}},
		{"negated warning, asserted threat", "\"This is not a warning, it is a threat,\" Omar Sharif said.",
			"This is not a warning, it is a threat,", doc.QuoteDirect,
			[]ent{sharif}, []string{"THREATEN Omar Sharif>-"}},
		{"accusation", "\"India made a grave mistake by shelling the villages,\" Omar Sharif said.",
			"India made a grave mistake by shelling the villages,", doc.QuoteDirect,
			[]ent{sharif, india}, []string{"ACCUSE Omar Sharif>India"}},
		{"demand of another", "\"Pakistan must release the fishermen,\" Lena Modi said.",
			"Pakistan must release the fishermen,", doc.QuoteDirect,
			[]ent{modi, pakistan}, []string{"REQUEST Lena Modi>Pakistan"}},
		{"failures of no one named are no accusation", "\"They repeatedly failed to check the cells,\" Omar Sharif said.",
			"They repeatedly failed to check the cells,", doc.QuoteDirect,
			[]ent{sharif}, nil},
		{"a judgement of a thing is", "\"This was a black eye for everyone,\" Omar Sharif said.",
			"This was a black eye for everyone,", doc.QuoteDirect,
			[]ent{sharif}, []string{"ACCUSE Omar Sharif>-"}},
		{"own duty is no demand", "\"We must do better,\" Lena Modi said.",
			"We must do better,", doc.QuoteDirect,
			[]ent{modi}, nil},
		{"first person verb takes the speaker", "\"We condemn the shelling,\" Lena Modi said.",
			"We condemn the shelling,", doc.QuoteDirect,
			[]ent{modi, pakistan}, []string{"ACCUSE Lena Modi>-"}},
		{"scare quotes add no act to the sentence's own", "Omar Sharif called the raid a \"crime\" against India.",
			"crime", doc.QuoteDirect,
			[]ent{sharif, india}, []string{"ACCUSE Omar Sharif>-"}},
	}
	c := testCoder(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := build(t, tc.text, tc.ents...)
			i := strings.Index(tc.text, tc.quote)
			d.Quotes = []doc.Quote{{Span: d.SpanOf(i, i+len(tc.quote)), Speaker: "E1", Kind: tc.kind}}
			c.Run(d)
			if got := summary(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestDetails checks the fields beyond type and actors: CAMEO code, mode,
// casualties, place, trigger span, IDs and the dates a post carries.
func TestDetails(t *testing.T) {
	c := testCoder(t)
	text := "Pakistani airstrikes on Sahel rebels in Bamako killed 25 people and injured many more."
	d := build(t, text, ent("Pakistan|GPE|PAK|Pakistani"), rebels, bamako)
	c.Run(d)
	if len(d.Events) != 1 {
		t.Fatalf("got %d events, want 1: %q", len(d.Events), summary(d))
	}
	e := d.Events[0]
	if e.ID != "V1" || e.Cameo != "195" || e.Mode != "aerial" || e.Status != doc.Asserted {
		t.Errorf("got id %s cameo %s mode %s status %s", e.ID, e.Cameo, e.Mode, e.Status)
	}
	if e.Fatalities == nil || *e.Fatalities != 25 || e.Injuries != nil {
		t.Errorf("casualties: got %v %v, want 25 and unknown", e.Fatalities, e.Injuries)
	}
	if e.Location != "E3" {
		t.Errorf("location: got %q, want E3 (Bamako)", e.Location)
	}
	if e.Trigger.Text != "airstrikes" || text[e.Trigger.Start:e.Trigger.End] != "airstrikes" {
		t.Errorf("trigger: got %+v", e.Trigger)
	}
	if e.Date != "2020-01-02" || e.DateBasis != doc.DatePublished {
		t.Errorf("date: got %s (%s), want the publication day", e.Date, e.DateBasis)
	}

	text = "Sahel rebels attacked the French Embassy, after Pakistani airstrikes on Sahel rebels in Bamako that killed 25 people."
	d = build(t, text, ent("Pakistan|GPE|PAK|Pakistani"), rebels, embassy, bamako)
	c.Run(d)
	if len(d.Events) != 2 || d.Events[0].Fatalities != nil || d.Events[1].Fatalities == nil || *d.Events[1].Fatalities != 25 {
		t.Errorf("the dead belong to the airstrikes: got %q", summary(d))
	}

	text = "Nine people were killed when Sahel rebels stormed the French Embassy."
	d = build(t, text, rebels, embassy)
	c.Run(d)
	if len(d.Events) != 1 || d.Events[0].Fatalities == nil || *d.Events[0].Fatalities != 9 {
		t.Errorf("word count before a passive: got %q", summary(d))
	}
}

// TestLemma checks the light lemmatiser on regular and irregular forms.
func TestLemma(t *testing.T) {
	c := testCoder(t)
	for form, want := range map[string]string{
		"accused": "accuse", "attacking": "attack", "spoke": "speak", "met": "meet",
		"apologised": "apologise", "criticized": "criticize", "denies": "deny",
		"struck": "strike", "stopped": "stop", "walked": "", "kidnapped": "kidnap", "said": "",
	} {
		if got := c.lx.verbLemma(form); got != want {
			t.Errorf("verbLemma(%q) = %q, want %q", form, got, want)
		}
	}
	for form, want := range map[string]string{"airstrikes": "airstrike", "talks": "talks", "apologies": "apology", "sanctions": "sanction"} {
		if got := c.lx.nounLemma(form); got != want {
			t.Errorf("nounLemma(%q) = %q, want %q", form, got, want)
		}
	}
}

// TestLexiconCodes checks every lexicon entry against the CAMEO table: the
// code exists and maps to the entry's PLOVER type.
func TestLexiconCodes(t *testing.T) {
	c := testCoder(t)
	check := func(kind string, p pattern) {
		typ, ok := c.lx.cameo[p.cameo]
		if !ok {
			t.Errorf("%s %q: CAMEO %s not in the table", kind, p.head, p.cameo)
			return
		}
		if typ != p.typ && !(p.typ == "AGREE" && p.cameo == "033") {
			t.Errorf("%s %q: CAMEO %s is %s, entry says %s", kind, p.head, p.cameo, typ, p.typ)
		}
	}
	for _, ps := range c.lx.verbs {
		for _, p := range ps {
			check("verb", p)
		}
	}
	for _, ps := range c.lx.nouns {
		for _, p := range ps {
			check("noun", p)
		}
	}
	for _, q := range c.lx.quoteCues {
		if typ := c.lx.cameo[q.cameo]; typ != q.typ {
			t.Errorf("quote cue %q: CAMEO %s is %q, entry says %s", q.words, q.cameo, typ, q.typ)
		}
	}
}

// TestAllKeepsStatuses checks that the All switch keeps what the default
// leaves out, with its status.
func TestAllKeepsStatuses(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	c.All = true
	for text, want := range map[string]string{
		"Pakistan did not attack India.":                           doc.Negated,
		"Pakistan will attack India.":                              doc.Hypothetical,
		"Pakistan alleged that India attacked the French Embassy.": doc.Alleged,
	} {
		d := build(t, text, pakistan, india, embassy)
		c.Run(d)
		found := false
		for _, e := range d.Events {
			if e.Type == "ASSAULT" {
				found = true
				if e.Status != want {
					t.Errorf("%q: status %s, want %s", text, e.Status, want)
				}
				if want == doc.Alleged && e.ClaimedBy != "E1" {
					t.Errorf("%q: claimed by %q, want E1 (Pakistan)", text, e.ClaimedBy)
				}
			}
		}
		if !found {
			t.Errorf("%q: no ASSAULT kept: %q", text, summary(d))
		}
	}
}

func FuzzRun(f *testing.F) {
	f.Add("Sahel rebels attacked the French Embassy in Bamako, killing 3.")
	f.Add("\"They will pay!\" — Omar Sharif (@sharif) January 1, 2020")
	f.Add("Who attacked? , , and who , which that by by.")
	f.Fuzz(func(t *testing.T, text string) {
		d := build(t, text, rebels, embassy, sharif, india)
		if len(text) > 4 {
			d.Quotes = []doc.Quote{{Span: d.SpanOf(1, len(text)-1), Speaker: "E3", Kind: doc.QuotePost, Date: "2020-01-01"}}
		}
		testCoder(t).Run(d)
		for _, e := range d.Events {
			if e.Trigger.Text != text[e.Trigger.Start:e.Trigger.End] {
				t.Fatalf("trigger %+v does not match the body", e.Trigger)
			}
		}
	})
}

func BenchmarkEvent(b *testing.B) {
	text := strings.Repeat("Sahel rebels attacked the French Embassy in Bamako on Monday, killing 3 people. "+
		"Omar Sharif condemned the attack and called on India to act. "+
		"India was accused of backing the rebels, allegations dismissed by New Delhi. "+
		"\"They will pay a very big price,\" Omar Sharif said.\n\n", 6)
	d := build(b, text, rebels, embassy, bamako, sharif, india)
	c := testCoder(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Events, d.OtherEvents = d.Events[:0], d.OtherEvents[:0]
		c.Run(d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestCasualtiesAndPlace checks which event takes the dead and wounded a
// sentence reports, and which place an event takes.
func TestCasualtiesAndPlace(t *testing.T) {
	pak := ent("Pakistan|GPE|PAK|Pakistani")
	cases := []struct {
		name      string
		text      string
		ents      []ent
		trigger   string // the event checked
		dead, inj int    // -1 for unknown
		place     string // entity name, "" for none
	}{
		{"relative clause gives the airstrikes the dead", "Sahel rebels attacked the French Embassy, after Pakistani airstrikes on Sahel rebels in Bamako that killed 25 people and injured many more.",
			[]ent{pak, rebels, embassy, bamako}, "airstrikes", 25, -1, "Bamako"},
		{"the first attack of that sentence has none", "Sahel rebels attacked the French Embassy, after Pakistani airstrikes on Sahel rebels in Bamako that killed 25 people.",
			[]ent{pak, rebels, embassy, bamako}, "attacked", -1, -1, ""},
		{"participle after the clause", "Sahel rebels attacked Lagos police in Bamako on Monday, killing 12 people and wounding 30.",
			[]ent{rebels, police, bamako}, "attacked", 12, 30, "Bamako"},
		{"count in words before a passive", "Twelve people were killed when Sahel rebels stormed the French Embassy.",
			[]ent{rebels, embassy}, "stormed", 12, -1, ""},
		{"left dead", "Sahel rebels shelled Lagos police, leaving 7 dead and 15 wounded.",
			[]ent{rebels, police}, "shelled", 7, 15, ""},
		{"the killing itself owns its count", "After Sahel rebels attacked the French Embassy, Lagos police killed 4 Sahel rebels in Bamako.",
			[]ent{rebels, police, embassy, bamako}, "killed", 4, -1, "Bamako"},
		{"death toll", "Sahel rebels bombed Lagos police; the death toll rose to 30.",
			[]ent{rebels, police}, "bombed", 30, -1, ""},
		{"no number, no figure", "No injuries were reported after Sahel rebels attacked Lagos police.",
			[]ent{rebels, police}, "attacked", -1, -1, ""},
		{"a fronted place", "In Bamako, Lagos police arrested Ben Okafor.",
			[]ent{police, okafor, bamako}, "arrested", -1, -1, "Bamako"},
		{"a phone call has no place", "In a late call, Omar Sharif thanked Lena Modi for her condemnation of the attack on the French Embassy in Bamako.",
			[]ent{sharif, modi, embassy, ent("Bamako|GPE|MLI")}, "call", -1, -1, ""},
		{"a statement's place is not its topic's", "Omar Sharif condemned the attack on Lena Modi in Bamako.",
			[]ent{sharif, modi, bamako}, "condemned", -1, -1, ""},
		{"a statement made somewhere", "Omar Sharif told Lena Modi in Bamako that he backed her.",
			[]ent{sharif, modi, bamako}, "backed", -1, -1, ""},
		{"a meeting's topic is not its place", "Omar Sharif met Lena Modi about protecting Lagos police in Bamako.",
			[]ent{sharif, modi, police, bamako}, "met", -1, -1, ""},
		{"a meeting somewhere", "Omar Sharif met Lena Modi in Bamako on Monday.",
			[]ent{sharif, modi, bamako}, "met", -1, -1, "Bamako"},
		{"the place in a building's name", "Sahel rebels attacked the Pakistani Embassy in Bamako.",
			[]ent{rebels, ent("Pakistani Embassy in Bamako|FAC|PAK"), ent("Bamako|GPE|MLI")}, "attacked", -1, -1, "Bamako"},
	}
	c := testCoder(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := build(t, tc.text, tc.ents...)
			if tc.name == "the place in a building's name" {
				// The building's mention holds the city's.
				i := strings.Index(tc.text, "Bamako")
				d.Entities[2].Mentions = []doc.Mention{{Span: d.SpanOf(i, i+len("Bamako")), Kind: doc.MentionName}}
			}
			c.Run(d)
			var e *doc.Event
			for i := range d.Events {
				if d.Events[i].Trigger.Text == tc.trigger {
					e = &d.Events[i]
				}
			}
			if e == nil {
				if tc.trigger != "backed" {
					t.Fatalf("no event %q: %q", tc.trigger, summary(d))
				}
				return
			}
			if got := count(e.Fatalities); got != tc.dead {
				t.Errorf("fatalities %d, want %d", got, tc.dead)
			}
			if got := count(e.Injuries); got != tc.inj {
				t.Errorf("injuries %d, want %d", got, tc.inj)
			}
			place := ""
			if x := d.Entity(e.Location); x != nil {
				place = x.Name
			}
			if place != tc.place {
				t.Errorf("place %q, want %q", place, tc.place)
			}
		})
	}
}

func count(n *int) int {
	if n == nil {
		return -1
	}
	return *n
}

// TestOtherEvents checks the events the article does not report as having
// happened: they go to OtherEvents with their status and claimant, and
// leave Events alone.
func TestOtherEvents(t *testing.T) {
	iran := ent("Iran|GPE|IRN|Tehran|Islamic Republic")
	cases := []struct {
		name   string
		text   string
		ents   []ent
		events []string
		other  []string // "TYPE src>tgt status claimant"
	}{
		{"accused of orchestrating an attack", "Iran was accused of orchestrating the attack on the French Embassy.",
			[]ent{iran, embassy}, []string{"ACCUSE ->Iran"}, []string{"ASSAULT Iran>French Embassy in Bamako alleged -"}},
		{"the accuser claims it", "India accused the Islamic Republic of coordinating the assault on the French Embassy.",
			[]ent{india, iran, embassy}, []string{"ACCUSE India>Iran"}, []string{"ASSAULT Iran>French Embassy in Bamako alleged India"}},
		{"accused of a lexicon act", "India accused Pakistan of shelling Sahel rebels.",
			[]ent{india, pakistan, rebels}, []string{"ACCUSE India>Pakistan"}, []string{"ASSAULT Pakistan>Sahel rebels alleged India"}},
		{"accused by someone", "Pakistan was accused by India of being behind the bombing of the French Embassy.",
			[]ent{india, pakistan, embassy}, []string{"ACCUSE India>Pakistan"}, []string{"ASSAULT Pakistan>French Embassy in Bamako alleged India"}},
		{"allegations dismissed", "Iran dismissed the allegations about Tehran orchestrating the assault on the French Embassy.",
			[]ent{iran, embassy}, []string{"REJECT Iran>-"}, []string{"ASSAULT Iran>French Embassy in Bamako denied -"}},
		{"denied attacking", "Pakistan denied attacking India.",
			[]ent{pakistan, india}, []string{"REJECT Pakistan>-"}, []string{"ASSAULT Pakistan>India denied -"}},
		{"did not attack", "Pakistan did not attack India.",
			[]ent{pakistan, india}, nil, []string{"ASSAULT Pakistan>India negated -"}},
		{"future", "Pakistan will attack India.",
			[]ent{pakistan, india}, nil, []string{"ASSAULT Pakistan>India hypothetical -"}},
		{"condition", "Pakistan could attack India if talks fail.",
			[]ent{pakistan, india}, nil, []string{"ASSAULT Pakistan>India hypothetical -"}},
		{"question", "Will Pakistan attack India?",
			[]ent{pakistan, india}, nil, []string{"ASSAULT Pakistan>India hypothetical -"}},
		{"a purpose is its clause's subject's", "Omar Sharif will visit India next week to meet Lena Modi.",
			[]ent{sharif, india, modi}, nil, []string{"CONSULT Omar Sharif>India hypothetical -", "CONSULT Omar Sharif>Lena Modi hypothetical -"}},
		{"the one urged would act", "India urged Pakistan to attack Sahel rebels.",
			[]ent{india, pakistan, rebels}, []string{"REQUEST India>Pakistan"}, []string{"ASSAULT Pakistan>Sahel rebels hypothetical -"}},
		{"a threat stays in events, what it threatens does not", "India threatened to attack Pakistan.",
			[]ent{india, pakistan}, []string{"THREATEN India>Pakistan"}, []string{"ASSAULT India>Pakistan hypothetical -"}},
		{"alleged that", "Pakistan alleged that India shelled Sahel rebels.",
			[]ent{pakistan, india, rebels}, []string{"ACCUSE Pakistan>India"}, []string{"ASSAULT India>Sahel rebels alleged Pakistan"}},
		{"one allegation retold is one record", "Iran was accused of orchestrating the attack on the French Embassy. India accused Iran of coordinating the assault on the French Embassy.",
			[]ent{iran, india, embassy}, []string{"ACCUSE ->Iran", "ACCUSE India>Iran"}, []string{"ASSAULT Iran>French Embassy in Bamako alleged India"}},
		{"an accusation's gerund does not reach a later clause", "India was accused of hiding the raid and Pakistan later attacked Sahel rebels.",
			[]ent{india, pakistan, rebels}, []string{"ACCUSE ->India", "ASSAULT Pakistan>Sahel rebels"}, nil},
		{"an accusation of words claims no act", "India accused Pakistan of criticising Sahel rebels.",
			[]ent{india, pakistan, rebels}, []string{"ACCUSE India>Pakistan"}, nil},
	}
	c := testCoder(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := build(t, tc.text, tc.ents...)
			c.Run(d)
			name := func(id string) string {
				if x := d.Entity(id); x != nil {
					return x.Name
				}
				return "-"
			}
			var other []string
			for _, e := range d.OtherEvents {
				other = append(other, e.Type+" "+name(e.Source)+">"+name(e.Target)+" "+e.Status+" "+name(e.ClaimedBy))
			}
			if got := summary(d); !reflect.DeepEqual(got, tc.events) {
				t.Errorf("events: got %q, want %q", got, tc.events)
			}
			if !reflect.DeepEqual(other, tc.other) {
				t.Errorf("other events: got %q, want %q", other, tc.other)
			}
		})
	}
}

// TestCommonNewsForms checks a sentence for each family of common news
// forms the lexicon codes, and the uses it leaves alone.
func TestCommonNewsForms(t *testing.T) {
	two := []ent{pakistan, india}
	cases := []struct {
		text string
		ents []ent
		want []string
	}{
		{"Pakistan signed a treaty with India on Monday.", two, []string{"AGREE Pakistan>India"}},
		{"Pakistan held a meeting with India in Bamako.", []ent{pakistan, india, bamako}, []string{"CONSULT Pakistan>India"}},
		{"Omar Sharif received Lena Modi in Islamabad.", []ent{sharif, modi}, []string{"CONSULT Omar Sharif>Lena Modi"}},
		{"Omar Sharif travelled to India on Sunday.", []ent{sharif, india}, []string{"CONSULT Omar Sharif>India"}},
		{"Omar Sharif paid tribute to Lena Modi.", []ent{sharif, modi}, []string{"SUPPORT Omar Sharif>Lena Modi"}},
		{"Omar Sharif lauded India for its restraint.", []ent{sharif, india}, []string{"SUPPORT Omar Sharif>India"}},
		{"Pakistan lifted the ban on Lagos police.", []ent{pakistan, police}, []string{"CONCEDE Pakistan>Lagos police"}},
		{"Pakistan agreed to share intelligence with India.", two, []string{"AGREE Pakistan>India"}},
		{"Pakistan shared intelligence with India.", two, []string{"COOPERATE Pakistan>India"}},
		{"India restored diplomatic ties with Pakistan.", two, []string{"COOPERATE India>Pakistan"}},
		{"India sent aid to Pakistan after the floods.", two, []string{"AID India>Pakistan"}},
		{"India granted asylum to Omar Sharif.", []ent{india, sharif}, []string{"AID India>Omar Sharif"}},
		{"Sahel rebels pulled back from Bamako.", []ent{rebels, bamako}, []string{"RETREAT Sahel rebels>Bamako"}},
		{"Omar Sharif begged India to reconsider.", []ent{sharif, india}, []string{"REQUEST Omar Sharif>India"}},
		{"India is seeking the extradition of Omar Sharif from Pakistan.", []ent{india, sharif, pakistan}, []string{"REQUEST India>Omar Sharif"}},
		{"Omar Sharif castigated India over the raid.", []ent{sharif, india}, []string{"ACCUSE Omar Sharif>India"}},
		{"Pakistan lodged a complaint with India.", two, []string{"ACCUSE Pakistan>India"}},
		{"India filed a lawsuit against Pakistan.", two, []string{"ACCUSE India>Pakistan"}},
		{"Omar Sharif turned down the offer.", []ent{sharif}, []string{"REJECT Omar Sharif>-"}},
		{"India issued an ultimatum to Pakistan.", two, []string{"THREATEN India>Pakistan"}},
		{"Sahel rebels staged a protest against India.", []ent{rebels, india}, []string{"PROTEST Sahel rebels>India"}},
		{"India suspended aid to Pakistan.", two, []string{"SANCTION India>Pakistan"}},
		{"India withdrew its ambassador from Pakistan.", two, []string{"SANCTION India>Pakistan"}},
		{"Pakistan dispatched troops to Bamako.", []ent{pakistan, bamako}, []string{"MOBILIZE Pakistan>Bamako"}},
		{"Lagos police rounded up Sahel rebels.", []ent{police, rebels}, []string{"COERCE Lagos police>Sahel rebels"}},
		{"Sahel rebels ambushed Lagos police near Bamako.", []ent{rebels, police, bamako}, []string{"ASSAULT Sahel rebels>Lagos police"}},
		{"Sahel rebels clashed with Lagos police.", []ent{rebels, police}, []string{"ASSAULT Sahel rebels>Lagos police"}},
		{"Pakistan launched missiles at Sahel rebels.", []ent{pakistan, rebels}, []string{"ASSAULT Pakistan>Sahel rebels"}},
		{"India's crackdown on Sahel rebels drew criticism.", []ent{india, rebels}, []string{"ASSAULT India>Sahel rebels"}},
		{"Pakistan's offensive against Sahel rebels began.", []ent{pakistan, rebels}, []string{"ASSAULT Pakistan>Sahel rebels"}},
		{"Lagos police confirmed the abduction of Ben Okafor by Sahel rebels.", []ent{police, okafor, rebels}, []string{"ASSAULT Sahel rebels>Ben Okafor"}},
		{"India imposed sanctions on Pakistan. Pakistan dismissed the sanctions as illegal.", two,
			[]string{"SANCTION India>Pakistan", "REJECT Pakistan>India"}},
		{"Pakistan summoned the Indian ambassador.", []ent{pakistan, ent("India|GPE|IND|Indian")}, []string{"ACCUSE Pakistan>India"}},
		{"Omar Sharif spoke with Lena Modi by phone and promised support.", []ent{sharif, modi},
			[]string{"CONSULT Omar Sharif>Lena Modi", "AGREE Omar Sharif>Lena Modi"}},
		{"Lagos police detained two Pakistani fishermen.", []ent{police, ent("Pakistan|GPE|PAK|Pakistani")}, []string{"COERCE Lagos police>Pakistan"}},
		{"Lagos police detained Sahel rebels and beat Ben Okafor.", []ent{police, rebels, okafor},
			[]string{"COERCE Lagos police>Sahel rebels", "ASSAULT Lagos police>Ben Okafor"}},
		{"India adopted a resolution condemning Pakistan.", two, []string{"ACCUSE India>Pakistan"}},
		{"Sahel rebels claimed responsibility for the attack on Lagos police.", []ent{rebels, police}, []string{"ASSAULT Sahel rebels>Lagos police"}},
		{"India said Pakistan had moved troops and warned that Pakistan would pay a price.", two,
			[]string{"THREATEN India>Pakistan"}},
		{"Pakistan vowed to continue its offensive against India.", two, []string{"THREATEN Pakistan>India"}},
		{"Pakistan denied supplying weapons to India.", two, []string{"REJECT Pakistan>-"}},
		{"Sahel rebels and Lagos police exchanged fire on Tuesday.", []ent{rebels, police}, []string{"ASSAULT Sahel rebels>Lagos police"}},
		{"The French Embassy came under fire from Sahel rebels.", []ent{embassy, rebels}, []string{"ASSAULT Sahel rebels>French Embassy in Bamako"}},
		{"India suspended arms exports to Pakistan.", two, []string{"SANCTION India>Pakistan"}},
		{"India and Pakistan signed a trade agreement on Monday.", two, []string{"AGREE India>Pakistan"}},
		// Uses that are no event.
		{"India and Pakistan signed false certifications.", two, nil},
		{"Pakistan vowed to continue its reforms.", two, nil},
		{"The Bamako Lions beat the Lagos Stars 110-98 on Tuesday.", []ent{bamako, ent("Lagos|GPE|NGA")}, nil},
		{"Pakistan signed the striker Ben Okafor from Bamako.", []ent{pakistan, okafor, bamako}, nil},
		{"Omar Sharif refused to comment on India.", []ent{sharif, india}, nil},
		{"Omar Sharif travelled to Pakistan on Sunday.", []ent{sharif, pakistan}, nil},
		{"Pakistan withheld military aid to India.", two, nil},
		{"The mutual defence treaty between India and Pakistan covers attacks.", two, nil},
		{"Omar Sharif declined to attack India.", []ent{sharif, india}, nil},
	}
	c := testCoder(t)
	for _, tc := range cases {
		d := build(t, tc.text, tc.ents...)
		c.Run(d)
		if got := summary(d); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// TestModes checks the PLOVER mode an event takes from its trigger.
func TestModes(t *testing.T) {
	cases := []struct{ text, mode string }{
		{"Pakistani airstrikes on Sahel rebels killed 12 people.", "aerial"},
		{"A Pakistani drone attack on Sahel rebels killed 12 people.", "drone"},
		{"Omar Sharif and Lena Modi spoke by phone on Sunday.", "phone"},
		{"Omar Sharif held a phone conversation with Lena Modi.", "phone"},
		{"Sahel rebels shelled Lagos police positions.", "heavy-weapons"},
		{"Lagos police shot Ben Okafor.", "firearms"},
		{"Lagos police arrested Ben Okafor.", "arrest"},
		{"Omar Sharif met Lena Modi.", ""},
	}
	c := testCoder(t)
	for _, tc := range cases {
		d := build(t, tc.text, ent("Pakistan|GPE|PAK|Pakistani"), rebels, sharif, modi, police, okafor)
		c.Run(d)
		if len(d.Events) != 1 {
			t.Errorf("%q: got %q, want one event", tc.text, summary(d))
			continue
		}
		if m := d.Events[0].Mode; m != tc.mode {
			t.Errorf("%q: mode %q, want %q", tc.text, m, tc.mode)
		}
	}
}

// TestNounStatus checks the status a hedge gives an event noun.
func TestNounStatus(t *testing.T) {
	cases := []struct{ text, status string }{
		{"Pakistan's alleged attack on India drew criticism.", doc.Alleged},
		{"Pakistan's planned attack on India drew criticism.", doc.Hypothetical},
		{"Pakistan's possible attack on India drew criticism.", doc.Hypothetical},
		{"Pakistan's attack on India drew criticism.", doc.Asserted},
	}
	c := testCoder(t)
	for _, tc := range cases {
		d := build(t, tc.text, pakistan, india)
		c.Run(d)
		all := append(append([]doc.Event{}, d.Events...), d.OtherEvents...)
		if len(all) != 1 || all[0].Status != tc.status {
			t.Errorf("%q: got %+v, want one event %s", tc.text, all, tc.status)
		}
	}
}

// TestNounSourceBeforeDate checks that a date between a possessor and its
// event noun does not hide the possessor.
func TestNounSourceBeforeDate(t *testing.T) {
	text := "Omar Sharif's July 25 call with Lena Modi was cordial."
	d := build(t, text, sharif, modi)
	i := strings.Index(text, "July 25")
	d.Timexes = []doc.Timex{{Span: d.SpanOf(i, i+len("July 25")), Type: "DATE", Value: "2019-07-25"}}
	testCoder(t).Run(d)
	if got, want := summary(d), []string{"CONSULT Omar Sharif>Lena Modi"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
