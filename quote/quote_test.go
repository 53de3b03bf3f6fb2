package quote

import (
	"sort"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
)

// ents adds hand-made entities to d, each spec "TYPE:Name|other form|...",
// with a mention wherever a form occurs as whole words (longest first).
func ents(d *doc.Doc, specs ...string) {
	body := d.Article.Body
	taken := make([]bool, len(body)+1)
	type form struct {
		text string
		ent  int
	}
	var forms []form
	for i, s := range specs {
		typ, rest, _ := strings.Cut(s, ":")
		names := strings.Split(rest, "|")
		e := doc.Entity{ID: "E" + itoa(i+1), Name: names[0], Type: typ}
		for _, n := range names {
			if strings.HasPrefix(n, "@") {
				e.Handles = append(e.Handles, n)
			}
			forms = append(forms, form{n, i})
		}
		d.Entities = append(d.Entities, e)
	}
	sort.SliceStable(forms, func(a, b int) bool { return len(forms[a].text) > len(forms[b].text) })
	for _, f := range forms {
		for off := 0; f.text != ""; {
			j := strings.Index(body[off:], f.text)
			if j < 0 {
				break
			}
			s, e := off+j, off+j+len(f.text)
			off = e
			if s > 0 && isAlnum(body[s-1]) || e < len(body) && isAlnum(body[e]) || taken[s] || taken[e-1] {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			ent := &d.Entities[f.ent]
			ent.Mentions = append(ent.Mentions, doc.Mention{Span: d.SpanOf(s, e), Kind: doc.MentionName})
		}
	}
	for i := range d.Entities {
		m := d.Entities[i].Mentions
		sort.Slice(m, func(a, b int) bool { return m[a].Start < m[b].Start })
	}
}

// want is one expected quote: its kind, words it holds, its speaker's
// name ("" for none) and, when set, its cue and channel.
type want struct {
	kind, text, speaker, cue, channel string
}

func TestRun(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		ents    []string
		want    []want
		framing []string
	}{
		{
			name: "split around the attribution",
			body: "“We will not back down,” Sarah Smith said, “and the talks are over for now.”",
			ents: []string{"PERSON:Sarah Smith|Smith"},
			want: []want{
				{kind: "direct", text: "We will not back down", speaker: "Sarah Smith", cue: "said"},
				{kind: "direct", text: "and the talks are over for now.", speaker: "Sarah Smith", cue: "said"},
			},
		},
		{
			name: "quotation continued in the next sentence",
			body: "“We had issues with the facts of the case,” Davis told the court on Thursday. “He has admitted it now.”",
			ents: []string{"PERSON:Brian Davis|Davis"},
			want: []want{
				{kind: "direct", text: "We had issues with the facts", speaker: "Brian Davis", cue: "told"},
				{kind: "direct", text: "He has admitted it now", speaker: "Brian Davis"},
			},
		},
		{
			name: "quotation running over paragraphs",
			body: "Ana Ruiz spoke at length. “The first thing we saw was the smoke over the hills,” Ruiz said. “Then came the noise.\n\n“By the evening the whole valley was burning and nobody came.”",
			ents: []string{"PERSON:Ana Ruiz|Ruiz"},
			want: []want{
				{kind: "direct", text: "The first thing we saw", speaker: "Ana Ruiz"},
				{kind: "direct", text: "Then came the noise", speaker: "Ana Ruiz"},
				{kind: "direct", text: "By the evening the whole valley", speaker: "Ana Ruiz"},
			},
		},
		{
			name: "pronoun speaker",
			body: "Maria Lopez runs the clinic in the town of Leeds. “We are running out of vaccines every single week,” she said.",
			ents: []string{"PERSON:Maria Lopez|Lopez", "GPE:Leeds"},
			want: []want{{kind: "direct", text: "running out of vaccines", speaker: "Maria Lopez", cue: "said"}},
		},
		{
			name: "pronoun speaker is not a name inside the quotation",
			body: "Tom Hale led the union for a decade. \"I never met Mr. Grant in my life,\" he said.",
			ents: []string{"PERSON:Tom Hale|Hale", "PERSON:Mr. Grant"},
			want: []want{{kind: "direct", text: "I never met", speaker: "Tom Hale"}},
		},
		{
			name: "inverted attribution",
			body: "\"The deal is dead in the water,\" said Ahmed Khan, a trade negotiator.",
			ents: []string{"PERSON:Ahmed Khan|Khan"},
			want: []want{{kind: "direct", text: "The deal is dead in the water", speaker: "Ahmed Khan", cue: "said"}},
		},
		{
			name: "apposition before the verb",
			body: "“Instead, they repeatedly failed to conduct checks,” Geoffrey Berman, the U.S. attorney for the Southern District of New York, said in a news release.",
			ents: []string{"PERSON:Geoffrey Berman|Berman", "ORG:Southern District of New York"},
			want: []want{{kind: "direct", text: "they repeatedly failed", speaker: "Geoffrey Berman", channel: "statement"}},
		},
		{
			name: "according to, after the clause",
			body: "The factory in Ohio will close in March and lay off 300 workers, according to Acme Corp.",
			ents: []string{"ORG:Acme Corp", "GPE:Ohio"},
			want: []want{{kind: "reported", text: "will close in March", speaker: "Acme Corp", cue: "according to"}},
		},
		{
			name: "according to, before the clause",
			body: "According to the Red Cross, at least 40 people were killed in the floods.",
			ents: []string{"ORG:Red Cross"},
			want: []want{{kind: "reported", text: "at least 40 people were killed", speaker: "Red Cross", cue: "according to"}},
		},
		{
			name: "said that",
			body: "Police said that the suspect fled on foot after the robbery.",
			ents: []string{"ORG:Police"},
			want: []want{{kind: "reported", text: "the suspect fled on foot after the robbery", speaker: "Police", cue: "said"}},
		},
		{
			name: "told reporters, without that",
			body: "Khan told reporters the negotiations had stalled over tariffs.",
			ents: []string{"PERSON:Khan"},
			want: []want{{kind: "reported", text: "the negotiations had stalled over tariffs", speaker: "Khan", cue: "told", channel: "press conference"}},
		},
		{
			name: "clause before its cue, speaker by title",
			body: "Mayor Tom Reed opened the session. The bridge over the river will reopen next week, the mayor said.",
			ents: []string{"PERSON:Tom Reed|Reed"},
			want: []want{{kind: "reported", text: "The bridge over the river will reopen next week", speaker: "Tom Reed", cue: "said"}},
		},
		{
			name: "gerund cue takes the sentence's subject",
			body: "Iran dismissed the claims, with Ali Khamenei insisting that any fight with a country will be done openly.",
			ents: []string{"GPE:Iran", "PERSON:Ali Khamenei|Khamenei"},
			want: []want{{kind: "reported", text: "any fight with a country will be done openly", speaker: "Ali Khamenei", cue: "insisting"}},
		},
		{
			name: "a document speaks for its author",
			body: "The call was described in a statement by the Foreign Ministry. “The two ministers agreed to meet again in the spring”, the statement reads.",
			ents: []string{"ORG:Foreign Ministry"},
			want: []want{{kind: "direct", text: "The two ministers agreed", speaker: "Foreign Ministry", cue: "reads"}},
		},
		{
			name: "reported clause holding a quotation: the quotation is the quote",
			body: "President Donald Trump warned that Iran would pay “a very big price” for the attack.",
			ents: []string{"PERSON:Donald Trump|Trump", "GPE:Iran"},
			want: []want{{kind: "direct", text: "a very big price", speaker: "Donald Trump", cue: "warned"}},
		},
		{
			name: "channel",
			body: "“Iran made a grave mistake by attacking the embassy”, Katz said on his Twitter account.",
			ents: []string{"PERSON:Israel Katz|Katz", "GPE:Iran"},
			want: []want{{kind: "direct", text: "Iran made a grave mistake", speaker: "Israel Katz", channel: "Twitter"}},
		},
		{
			name: "quotation in a narrative sentence",
			body: "Sen. Ben Sasse called the death \"a crisis of public trust\" in the prison system.",
			ents: []string{"PERSON:Ben Sasse|Sasse"},
			want: []want{{kind: "direct", text: "a crisis of public trust", speaker: "Ben Sasse"}},
		},
		{
			name: "nested quotation stays inside",
			body: "“He told me ‘leave now or regret it’ and then he simply walked away,” Brown said.",
			ents: []string{"PERSON:Brown"},
			want: []want{{kind: "direct", text: "He told me ‘leave now or regret it’ and then", speaker: "Brown"}},
		},
		{
			name: "British single marks",
			body: "‘We are not going to give up on this town,’ said Jo Platt.",
			ents: []string{"PERSON:Jo Platt|Platt"},
			want: []want{{kind: "direct", text: "We are not going to give up", speaker: "Jo Platt"}},
		},
		{
			name: "social post",
			body: "The minister posted his reaction.\n\nGreat meeting with the team today in Paris. More soon! — Jane Doe (@janedoe) March 3, 2021",
			ents: []string{"PERSON:Jane Doe|@janedoe", "GPE:Paris"},
			want: []want{{kind: "social_post", text: "Great meeting with the team today in Paris. More soon!", speaker: "Jane Doe", cue: "posted", channel: "Twitter"}},
		},
		{
			name:    "scare quotes are framing, not quotes",
			body:    "Iran was accused of orchestrating what has been branded an “attack” on the compound, and of “malign” influence.",
			ents:    []string{"GPE:Iran"},
			framing: []string{"attack", "malign"},
		},
		{
			name: "accusations, appeals and passives are not quotes",
			body: "The court accused Smith of fraud. Officials urged residents to stay indoors. No injuries were reported. The call was confirmed by Pompeo on Twitter.",
			ents: []string{"PERSON:Smith", "PERSON:Pompeo"},
		},
		{
			name: "clause first, inverted subject with a description",
			body: "Physicians are volunteering their time to provide the shots, said Luz Arroyo, a family physician in Sacramento.",
			ents: []string{"PERSON:Luz Arroyo|Arroyo", "GPE:Sacramento"},
			want: []want{{kind: "reported", text: "Physicians are volunteering their time", speaker: "Luz Arroyo", cue: "said"}},
		},
		{
			name: "leading gerund takes the main clause's speaker",
			body: "Arguing that voters are only now tuning in, Patrick has said he will be seen when the public pays attention.",
			ents: []string{"PERSON:Deval Patrick|Patrick"},
			want: []want{
				{kind: "reported", text: "voters are only now tuning in", speaker: "Deval Patrick", cue: "Arguing"},
				{kind: "reported", text: "he will be seen when the public pays attention", speaker: "Deval Patrick", cue: "said"},
			},
		},
		{
			name: "coordinated cues keep their own clauses",
			body: "Li Keqiang said the air pollution had made him “quite upset” and vowed to “show even greater resolve and make more efforts” to clean it up.",
			ents: []string{"PERSON:Li Keqiang"},
			want: []want{
				{kind: "reported", text: "the air pollution had made him", speaker: "Li Keqiang", cue: "said"},
				{kind: "direct", text: "show even greater resolve", speaker: "Li Keqiang", cue: "vowed"},
			},
		},
		{
			name: "titles of works and slogans are not quotes",
			body: "The museum opened a show entitled “Photographs and Prints from the Collection” on Friday. The campaign's posters read “Meth. We are on it.” across the state.",
			ents: []string{"ORG:museum"},
		},
		{
			name: "the outlet's own voice is not a quote",
			body: "We should also note that the price per gram is calculated on a pure gram of the substance.",
		},
		{
			name: "spokesperson speaks for the organisation, not the outlet told",
			body: "Customs and Border Protection did not accept the offer. A spokesperson said in a statement emailed to NBC News that the agency never has administered vaccines.",
			ents: []string{"ORG:Customs and Border Protection", "ORG:NBC News"},
			want: []want{{kind: "reported", text: "the agency never has administered vaccines", speaker: "Customs and Border Protection", channel: "statement"}},
		},
		{
			name: "indefinite speaker is nobody named before",
			body: "Prince Andrew gave an interview. \"He is not entitled to any form of immunity,\" said one legal expert.",
			ents: []string{"PERSON:Prince Andrew"},
			want: []want{{kind: "direct", text: "not entitled to any form", speaker: ""}},
		},
	}
	q := newQuoter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(t, tt.body)
			ents(d, tt.ents...)
			q.Run(d)
			checkSpans(t, d)
			if len(d.Quotes) != len(tt.want) {
				t.Errorf("got %d quotes, want %d:", len(d.Quotes), len(tt.want))
				for _, g := range d.Quotes {
					t.Logf("  %s %q speaker=%s cue=%q", g.Kind, g.Text, g.Speaker, g.Cue)
				}
			}
			for i, w := range tt.want {
				if i >= len(d.Quotes) {
					break
				}
				g := d.Quotes[i]
				sp := ""
				if e := d.Entity(g.Speaker); e != nil {
					sp = e.Name
				}
				if g.Kind != w.kind || !strings.Contains(g.Text, w.text) || sp != w.speaker ||
					w.cue != "" && !strings.EqualFold(g.Cue, w.cue) || w.channel != "" && g.Channel != w.channel {
					t.Errorf("quote %d = %s %q speaker %q cue %q channel %q; want %s %q speaker %q cue %q channel %q",
						i, g.Kind, g.Text, sp, g.Cue, g.Channel, w.kind, w.text, w.speaker, w.cue, w.channel)
				}
			}
			var framing []string
			for _, f := range d.Framing {
				framing = append(framing, f.Text)
			}
			if strings.Join(framing, "|") != strings.Join(tt.framing, "|") {
				t.Errorf("framing = %q, want %q", framing, tt.framing)
			}
		})
	}
}

func TestPost(t *testing.T) {
	body := "Spoke today with @IsraeliPM about the attack. — Secretary Pompeo (@SecPompeo) January 1, 2020"
	d := newDoc(t, body)
	ents(d, "PERSON:Mike Pompeo|Pompeo|@SecPompeo")
	newQuoter(t).Run(d)
	if len(d.Quotes) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(d.Quotes), d.Quotes)
	}
	g := d.Quotes[0]
	if g.Kind != doc.QuotePost || g.Handle != "@SecPompeo" || g.Date != "2020-01-01" || g.Speaker != "E1" ||
		g.Text != "Spoke today with @IsraeliPM about the attack." {
		t.Errorf("got %+v", g)
	}
}

// checkSpans checks that every span points into the body and that quotes
// come sorted by start.
func checkSpans(t *testing.T, d *doc.Doc) {
	t.Helper()
	body := d.Article.Body
	for i, q := range d.Quotes {
		if q.Start < 0 || q.End > len(body) || q.Start >= q.End || body[q.Start:q.End] != q.Text {
			t.Fatalf("quote %d: bad span %d:%d %q", i, q.Start, q.End, q.Text)
		}
		if i > 0 && q.Start < d.Quotes[i-1].Start {
			t.Fatalf("quote %d out of order", i)
		}
	}
	for _, f := range d.Framing {
		if f.Start < 0 || f.End > len(body) || f.Start >= f.End || body[f.Start:f.End] != f.Text {
			t.Fatalf("framing: bad span %d:%d %q", f.Start, f.End, f.Text)
		}
	}
}

func FuzzRun(f *testing.F) {
	for _, s := range []string{
		"“We will not back down,” Smith said, “and the talks are over.”",
		"\"Unclosed quote runs on, he said\n\nand on",
		"Great day. — Jane Doe (@janedoe) March 3, 2021",
		"‘single’ ’ ‘ “ ” \" , said according to",
		"According to ,",
	} {
		f.Add(s)
	}
	q, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d := newDoc(t, body)
		if len(d.Tokens) > 0 {
			ents(d, "PERSON:"+d.Tokens[0].Text)
		}
		q.Run(d)
		checkSpans(t, d)
	})
}
