package entity

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/segment"
)

var (
	setupOnce sync.Once
	testSeg   *segment.Segmenter
	testRec   *Recognizer
	setupErr  error
)

func setup(t testing.TB) (*segment.Segmenter, *Recognizer) {
	t.Helper()
	setupOnce.Do(func() {
		testSeg, setupErr = segment.New()
		if setupErr == nil {
			testRec, setupErr = New()
		}
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return testSeg, testRec
}

func analyse(t testing.TB, body string) *doc.Doc {
	t.Helper()
	seg, rec := setup(t)
	d := &doc.Doc{Article: doc.Article{Body: body}}
	seg.Run(d)
	rec.Run(d)
	return d
}

// find returns the entity one of whose mentions has the text, or nil.
func find(d *doc.Doc, mention string) *doc.Entity {
	for i := range d.Entities {
		for _, m := range d.Entities[i].Mentions {
			if m.Text == mention {
				return &d.Entities[i]
			}
		}
	}
	return nil
}

// want describes an expected entity by one of its mentions.
type want struct {
	mention string
	typ     string
	country string
	sector  string
	role    string
	same    []string // other mentions that must be in the same entity
	absent  bool     // the mention must not be an entity at all
}

func check(t *testing.T, d *doc.Doc, w want) {
	t.Helper()
	e := find(d, w.mention)
	if w.absent {
		if e != nil {
			t.Errorf("%q: want no entity, got %s %q", w.mention, e.Type, e.Name)
		}
		return
	}
	if e == nil {
		t.Errorf("%q: no entity; have %s", w.mention, summary(d))
		return
	}
	if w.typ != "" && e.Type != w.typ {
		t.Errorf("%q: type %s, want %s", w.mention, e.Type, w.typ)
	}
	if w.country != "" && e.Country != w.country {
		t.Errorf("%q: country %q, want %q", w.mention, e.Country, w.country)
	}
	if w.sector != "" && e.Sector != w.sector {
		t.Errorf("%q: sector %q, want %q", w.mention, e.Sector, w.sector)
	}
	if w.role != "" && e.Role != w.role {
		t.Errorf("%q: role %q, want %q", w.mention, e.Role, w.role)
	}
	for _, s := range w.same {
		if o := find(d, s); o != e {
			name := "none"
			if o != nil {
				name = o.Name
			}
			t.Errorf("%q: want in %q, got %s", s, e.Name, name)
		}
	}
}

func summary(d *doc.Doc) string {
	var b strings.Builder
	for _, e := range d.Entities {
		b.WriteString(e.ID + ":" + e.Name + "[")
		for i, m := range e.Mentions {
			if i > 0 {
				b.WriteByte('|')
			}
			b.WriteString(m.Text)
		}
		b.WriteString("] ")
	}
	return b.String()
}

func TestCases(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []want
	}{
		{
			name: "titles and pre-modifiers give role and country",
			body: "On Monday, French Foreign Minister Jean-Yves Le Drian met Egyptian President Abdel Fattah el-Sisi in Cairo. Le Drian later flew home.",
			want: []want{
				{mention: "Jean-Yves Le Drian", typ: doc.PERSON, country: "FRA", sector: "GOV", role: "Foreign Minister", same: []string{"Le Drian"}},
				{mention: "Abdel Fattah el-Sisi", typ: doc.PERSON, country: "EGY", role: "President"},
				{mention: "Cairo", typ: doc.GPE, country: "EGY"},
			},
		},
		{
			name: "a first name that is a country's",
			body: "Jordanian Prime Minister Jordan Haddad spoke to reporters. Haddad said the talks would go on.",
			want: []want{
				{mention: "Jordan Haddad", typ: doc.PERSON, country: "JOR", role: "Prime Minister", same: []string{"Haddad"}},
			},
		},
		{
			name: "a lower-case title between a body and a name",
			body: "The talks were confirmed by UK Ministry of Defence spokesman Peter Wills on Friday.",
			want: []want{
				{mention: "Peter Wills", typ: doc.PERSON, country: "GBR", role: "Spokesman"},
				{mention: "UK Ministry of Defence", typ: doc.ORG, country: "GBR", sector: "GOV"},
			},
		},
		{
			name: "titles used alone and honorifics join the person",
			body: "German Chancellor Olaf Scholz visited Kyiv on Tuesday. The chancellor promised more aid. Mr. Scholz also met soldiers.",
			want: []want{
				{mention: "Olaf Scholz", country: "DEU", role: "Chancellor", same: []string{"The chancellor", "Scholz"}},
			},
		},
		{
			name: "pronouns resolve to the only person before them",
			body: "Canadian Prime Minister Mark Carney arrived in Ottawa on Sunday. He said his government would act.",
			want: []want{
				{mention: "Mark Carney", same: []string{"He", "his"}},
			},
		},
		{
			name: "the latter and the former",
			body: "Senator Anna Kovacs debated Governor Brian Holt, and the latter's remarks drew applause.",
			want: []want{
				{mention: "Brian Holt", same: []string{"the latter"}},
			},
		},
		{
			name: "handles by surname, by title abbreviation and by body",
			body: "Spoke today with @FrenchPM and @ScholzOlaf about the attack on our @UKEmbParis. German Chancellor Olaf Scholz and French Prime Minister Michel Barnier agreed. Earlier, the UK Embassy in Paris was closed.",
			want: []want{
				{mention: "@ScholzOlaf", same: []string{"Olaf Scholz"}},
				{mention: "@FrenchPM", same: []string{"Michel Barnier"}},
				{mention: "@UKEmbParis", same: []string{"UK Embassy in Paris"}},
			},
		},
		{
			name: "handle after a name in a post signature",
			body: "We stand with our allies. — Minister Hana Ito (@hana_ito_jp) March 3, 2024",
			want: []want{
				{mention: "@hana_ito_jp", typ: doc.PERSON, same: []string{"Hana Ito"}},
			},
		},
		{
			name: "capitals used as actors stand for the government",
			body: "Moscow denied the claim on Monday, and Washington said it would respond. Talks were held in Moscow later.",
			want: []want{
				{mention: "Washington", typ: doc.GPE, country: "USA", sector: "GOV"},
				{mention: "Moscow", typ: doc.GPE, country: "RUS"},
			},
		},
		{
			name: "an alias names the country",
			body: "Pyongyang fired a missile, and the Democratic People's Republic of Korea said more would follow. North Korea did not say when.",
			want: []want{
				{mention: "North Korea", typ: doc.GPE, country: "PRK", same: []string{"Democratic People's Republic of Korea", "Pyongyang"}},
			},
		},
		{
			name: "groups with a nationality, a -backed modifier, or standing alone",
			body: "Thousands of Kenyan protesters marched in Nairobi as police fired tear gas. Russian-backed fighters shelled the town, and UK personnel were moved.",
			want: []want{
				{mention: "Kenyan protesters", typ: doc.GROUP, country: "KEN", sector: "CVL"},
				{mention: "police", typ: doc.GROUP, sector: "COP"},
				{mention: "Russian-backed fighters", typ: doc.GROUP, sector: "REB"},
				{mention: "UK personnel", typ: doc.GROUP, country: "GBR", sector: "MIL"},
			},
		},
		{
			name: "a nation's government is the nation; a later bare noun joins its group",
			body: "The Kenyan government said on Monday that three Ugandan soldiers had crossed the border. The troops were sent back, and Kenya protested.",
			want: []want{
				{mention: "Kenyan government", typ: doc.GPE, country: "KEN", same: []string{"Kenya"}},
				{mention: "Ugandan soldiers", typ: doc.GROUP, country: "UGA", same: []string{"troops"}},
			},
		},
		{
			name: "the article's title beats the gazetteer's",
			body: "Turkish Prime Minister Recep Tayyip Erdogan spoke on Friday.",
			want: []want{
				{mention: "Recep Tayyip Erdogan", country: "TUR", role: "Prime Minister"},
			},
		},
		{
			name: "organisations by head word and country",
			body: "The Nigerian Army said it had freed hostages, while the Hamas militia denied any role. The Chilean Supreme Court ruled on Monday.",
			want: []want{
				{mention: "Nigerian Army", typ: doc.ORG, country: "NGA", sector: "MIL"},
				{mention: "Hamas", typ: doc.ORG, country: "PSE", sector: "REB"},
				{mention: "Chilean Supreme Court", typ: doc.ORG, country: "CHL", sector: "JUD"},
			},
		},
		{
			name: "bodies with 'and' or a possessive inside; two names joined by 'and'",
			body: "Officials from the Department of Health and Human Services met the Ohio Attorney's Office staff while Israel and Turkey talked.",
			want: []want{
				{mention: "Department of Health and Human Services", typ: doc.ORG, sector: "GOV"},
				{mention: "Ohio Attorney's Office", typ: doc.ORG, country: "USA"},
				{mention: "Israel", typ: doc.GPE},
				{mention: "Turkey", typ: doc.GPE},
			},
		},
		{
			name: "an embassy is a facility of its country",
			body: "Protesters gathered outside the French Embassy in Beirut on Friday.",
			want: []want{
				{mention: "French Embassy in Beirut", typ: doc.FAC, country: "FRA", sector: "GOV"},
				{mention: "Beirut", typ: doc.GPE, country: "LBN"},
			},
		},
		{
			name: "bodies named by a lower-case noun after their country or leader",
			body: "Police guarded the Canadian embassy in Ankara after President Joe Biden spoke. The Biden administration said it was watching, and Chad Wolf agreed.",
			want: []want{
				{mention: "Canadian embassy in Ankara", typ: doc.FAC, country: "CAN", sector: "GOV"},
				{mention: "Biden administration", typ: doc.ORG, country: "USA", sector: "GOV"},
				{mention: "Chad Wolf", typ: doc.PERSON},
			},
		},
		{
			name: "unnamed individuals with a determiner are people",
			body: "A gunman opened fire on a bus. Police said the gunman fled, and officers arrested a suspect later.",
			want: []want{
				{mention: "A gunman", typ: doc.PERSON, sector: "CRM", same: []string{"the gunman"}},
				{mention: "a suspect", typ: doc.PERSON},
				{mention: "officers", typ: doc.GROUP, sector: "COP"},
				{mention: "Police", typ: doc.GROUP, sector: "COP"},
			},
		},
		{
			name: "a caption's surname before the full name; a title after plain words",
			body: "Okonkwo (left) at the summit.\n\nOpposition Home Secretary Adaeze Okonkwo said on Monday the plan had failed.",
			want: []want{
				{mention: "Adaeze Okonkwo", typ: doc.PERSON, role: "Home Secretary", same: []string{"Okonkwo"}},
			},
		},
		{
			name: "hashtags are the country, not a person",
			body: "Solidarity with the people of #Ukraine tonight, said the mayor of Warsaw.",
			want: []want{
				{mention: "#Ukraine", typ: doc.GPE, country: "UKR"},
			},
		},
		{
			name: "a known figure by surname alone, with the country named",
			body: "Russia said the talks had failed. Putin did not comment.",
			want: []want{
				{mention: "Putin", typ: doc.PERSON, country: "RUS"},
			},
		},
		{
			name: "a known figure by title and surname",
			body: "US President Trump spoke to Mr. Putin about the war Russia began.",
			want: []want{
				{mention: "Trump", typ: doc.PERSON, country: "USA", role: "President"},
				{mention: "Putin", typ: doc.PERSON, country: "RUS"},
			},
		},
		{
			name: "sentence openers and days are not names",
			body: "Following the vote, officials met. Tuesday brought more rain. Happy New Year to all.",
			want: []want{
				{mention: "Following", absent: true},
				{mention: "Tuesday", absent: true},
				{mention: "New Year", absent: true},
			},
		},
		{
			name: "two people in a sentence leave its pronoun alone",
			body: "Governor Paul Lane thanked Mayor Dan Ortiz for his support.",
			want: []want{
				{mention: "his", absent: true},
			},
		},
		{
			name: "unknown names with a given name are people; things are not",
			body: "Romelu Lukaku scored twice, and Internet Explorer crashed again. Kristin Wilkins, 47, watched.",
			want: []want{
				{mention: "Romelu Lukaku", typ: doc.PERSON},
				{mention: "Kristin Wilkins", typ: doc.PERSON},
				{mention: "Internet Explorer", absent: true},
			},
		},
		{
			name: "parks and squares are facilities, even after a given name",
			body: "Crowds gathered in Victoria Park and then in Jomo Square before dusk.",
			want: []want{
				{mention: "Victoria Park", typ: doc.FAC},
				{mention: "Jomo Square", typ: doc.FAC},
			},
		},
		{
			name: "a national branch of an international body is one organisation",
			body: "Human Rights Watch Uganda said the arrests were unlawful. The Ghana Red Cross sent tents.",
			want: []want{
				{mention: "Human Rights Watch Uganda", typ: doc.ORG, country: "UGA", sector: "NGO"},
				{mention: "Ghana Red Cross", typ: doc.ORG, country: "GHA"},
				{mention: "Uganda", absent: true},
			},
		},
		{
			name: "a paragraph opening on he takes the person of gender he",
			body: "Health Minister Mary Otieno criticised the strike. Union leader John Kamau, whose members walked out, rejected the charge.\n\nHe told reporters the talks had failed.",
			want: []want{
				{mention: "He", same: []string{"John Kamau"}},
			},
		},
		{
			name: "unnamed role nouns are speakers with a sector",
			body: "A police spokeswoman said two men were held. Customs officials said the cargo was seized, and a senior diplomat warned of reprisals. Analysts said prices would rise.",
			want: []want{
				{mention: "A police spokeswoman", typ: doc.PERSON, sector: "COP", role: "Spokeswoman"},
				{mention: "Customs officials", typ: doc.GROUP, sector: "GOV"},
				{mention: "a senior diplomat", typ: doc.PERSON, role: "Diplomat"},
				{mention: "Analysts", typ: doc.GROUP, sector: "BUS"},
			},
		},
		{
			name: "a role phrase beside a name describes that person",
			body: "Lena Brandt, the spokeswoman for the ministry, said she would resign. Omar Haddad is a Lebanese economist who studies debt.",
			want: []want{
				{mention: "Lena Brandt", role: "Spokeswoman", same: []string{"the spokeswoman", "she"}},
				{mention: "Omar Haddad", same: []string{"a Lebanese economist"}},
			},
		},
		{
			name: "unknown names are bodies by the words around them",
			body: "Quorvant defector arrested. Two members of Quorvant said Quorvant lawyers lied. Nadia Keller of Brightwater Unity resigned, and the company Velmora lost its case.",
			want: []want{
				{mention: "Quorvant", typ: doc.ORG},
				{mention: "Brightwater Unity", typ: doc.ORG},
				{mention: "Nadia Keller", typ: doc.PERSON},
				{mention: "Velmora", typ: doc.ORG, sector: "BUS"},
			},
		},
		{
			name: "a kind noun after an unknown name makes it a body of that kind",
			body: "The minister spoke to Kestrel television on Monday.",
			want: []want{
				{mention: "Kestrel", typ: doc.ORG, sector: "MED"},
			},
		},
		{
			name: "two-syllable hyphenated given names; a government named for its leader",
			body: "Ho Mei-ling defeated Chan Wing-kei by 300 votes. The tax was changed by the Rinaldi government.",
			want: []want{
				{mention: "Ho Mei-ling", typ: doc.PERSON},
				{mention: "Chan Wing-kei", typ: doc.PERSON},
				{mention: "Rinaldi", typ: doc.PERSON},
				{mention: "Rinaldi government", typ: doc.ORG, sector: "GOV"},
			},
		},
		{
			name: "versions, numerals and time zones are no bodies",
			body: "Users of IE7 complained at 10:00 GMT, the day after Part XIV was published by the ACLU.",
			want: []want{
				{mention: "IE7", absent: true},
				{mention: "GMT", absent: true},
				{mention: "XIV", absent: true},
				{mention: "ACLU", typ: doc.ORG},
			},
		},
		{
			name: "a title after a name and a comma is that person's role",
			body: "Maria Lopez, executive director of the Riverside Tenants Union, said rents rose. Omar Said, spokesman, declined to comment.",
			want: []want{
				{mention: "Maria Lopez", role: "Executive Director", same: []string{"executive director"}},
				{mention: "Omar Said", role: "Spokesman", sector: "GOV"},
			},
		},
		{
			name: "countries playing in a sports report are national teams",
			body: "Norway beat Chile 2-1 in Tokyo. Norway's goalkeeper saved a penalty before half-time, and the striker scored a header. The referee booked the Chile captain as the match ended in Japan.",
			want: []want{
				{mention: "Norway", typ: doc.ORG, country: "NOR"},
				{mention: "Chile", typ: doc.ORG, country: "CHL"},
				{mention: "Japan", typ: doc.GPE},
			},
		},
		{
			name: "a country without scores stays a country",
			body: "Norway won a gold medal at the robotics championship, where the team captain and coach praised the tournament; the final was close.",
			want: []want{
				{mention: "Norway", typ: doc.GPE},
			},
		},
		{
			name: "what follows a title's 'of' is its body; brands in camel case are no people",
			body: "Professor Ruth Engel, Director of the National Soil Survey study, praised the Kestrel Centre for Water Research. Fans queued for PlayStation Portal.",
			want: []want{
				{mention: "Ruth Engel", typ: doc.PERSON},
				{mention: "National Soil Survey", absent: true},
				{mention: "Kestrel Centre for Water Research", typ: doc.ORG},
				{mention: "PlayStation Portal", absent: true},
			},
		},
		{
			name: "a name after someone's age and 'of' is their home town",
			body: "Police arrested Dale Perkins, 41, of Millbrook, on Tuesday.",
			want: []want{
				{mention: "Dale Perkins", typ: doc.PERSON},
				{mention: "Millbrook", typ: doc.GPE},
			},
		},
		{
			name: "a body's own noun is not a group of its people",
			body: "Fighters of the Kata'ib Hezbollah militia fired rockets, officials said.",
			want: []want{
				{mention: "Hezbollah militia", absent: true},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyse(t, tt.body)
			checkInvariants(t, d)
			for _, w := range tt.want {
				check(t, d, w)
			}
		})
	}
}

// TestCueSpreads checks that one cue types every bare use of a name,
// those before it included.
func TestCueSpreads(t *testing.T) {
	d := analyse(t, "Quorvant defector arrested. Two members of Quorvant said he left. Quorvant denied it.")
	e := find(d, "Quorvant")
	if e == nil || e.Type != doc.ORG || len(e.Mentions) != 3 {
		t.Fatalf("want one ORG with three mentions; have %s", summary(d))
	}
}

// checkInvariants checks what every output must satisfy: exact spans,
// mentions in body order, no span in two entities, IDs in order.
func checkInvariants(t *testing.T, d *doc.Doc) {
	t.Helper()
	body := d.Article.Body
	seen := map[[2]int]string{}
	prevFirst := -1
	for i, e := range d.Entities {
		if want := "E" + itoa(i+1); e.ID != want {
			t.Errorf("entity %d has ID %s, want %s", i, e.ID, want)
		}
		if len(e.Mentions) == 0 {
			t.Errorf("%s %q has no mentions", e.ID, e.Name)
			continue
		}
		if e.Mentions[0].Start < prevFirst {
			t.Errorf("%s is out of first-mention order", e.ID)
		}
		prevFirst = e.Mentions[0].Start
		for j, m := range e.Mentions {
			if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
				t.Errorf("%s mention %q has a bad span %d-%d", e.ID, m.Text, m.Start, m.End)
			}
			if j > 0 && m.Start < e.Mentions[j-1].Start {
				t.Errorf("%s mentions out of order", e.ID)
			}
			k := [2]int{m.Start, m.End}
			if o, dup := seen[k]; dup {
				t.Errorf("span %q in %s and %s", m.Text, o, e.ID)
			}
			seen[k] = e.ID
			switch m.Kind {
			case doc.MentionName, doc.MentionTitle, doc.MentionPronoun, doc.MentionHandle, doc.MentionHashtag:
			default:
				t.Errorf("%s mention %q has kind %q", e.ID, m.Text, m.Kind)
			}
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

const seedPath = "../../shared/seed/baghdad-embassy-2020-01-02.txt"

// TestSeed checks the reference article: every gold entity found with its
// gold country.
func TestSeed(t *testing.T) {
	raw, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed article not present (%v): the shared corpus is outside the repository", err)
	}
	body := strings.TrimSpace(string(raw))
	_, body, _ = strings.Cut(body, "date ")
	body = strings.TrimSpace(body[len("2020-01-02"):])
	d := analyse(t, body)
	checkInvariants(t, d)
	for _, w := range []want{
		{mention: "Mike Pompeo", typ: doc.PERSON, country: "USA", sector: "GOV", role: "Secretary of State", same: []string{"Pompeo", "@SecPompeo", "The secretary of state"}},
		{mention: "Benjamin Netanyahu", typ: doc.PERSON, country: "ISR", same: []string{"@netanyahu", "@IsraeliPM"}},
		{mention: "Morgan Ortagus", typ: doc.PERSON, country: "USA"},
		{mention: "Adil Abdul-Mahdi", typ: doc.PERSON, country: "IRQ", same: []string{"al-Mahdi"}},
		{mention: "Israel Katz", typ: doc.PERSON, country: "ISR", same: []string{"Katz"}},
		{mention: "Donald Trump", typ: doc.PERSON, country: "USA", same: []string{"Donald J. Trump", "@realDonaldTrump", "the US president"}},
		{mention: "Khamenei", typ: doc.PERSON, country: "IRN"},
		{mention: "Kata’ib Hezbollah", typ: doc.ORG, country: "IRQ"},
		{mention: "US Embassy in Baghdad", typ: doc.FAC, country: "USA", same: []string{"US Embassy", "@USEmbBaghdad"}},
		{mention: "US Department of State", typ: doc.ORG, country: "USA"},
		{mention: "Iran", typ: doc.GPE, country: "IRN", same: []string{"Islamic Republic", "#Iran"}},
		{mention: "Iraq", typ: doc.GPE, country: "IRQ", same: []string{"#Iraq"}},
		{mention: "Israel", typ: doc.GPE, country: "ISR"},
		{mention: "United States", typ: doc.GPE, country: "USA", same: []string{"US", "U.S.", "Washington"}},
		{mention: "Syria", typ: doc.GPE, country: "SYR"},
		{mention: "Baghdad", typ: doc.GPE, country: "IRQ"},
		{mention: "Iraqi protesters", typ: doc.GROUP, country: "IRQ"},
	} {
		check(t, d, w)
	}
}

func FuzzRun(f *testing.F) {
	for _, s := range []string{
		"US Secretary of State Mike Pompeo said he spoke with @IsraeliPM.",
		"— Name (@h) January 1, 2020",
		"#Iran #  @ @@ the latter’s “attack” ....Iran",
		"al- el-  Mr. Dr. J. U.S. of the of",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d := analyse(t, body)
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if body[m.Start:m.End] != m.Text {
					t.Fatalf("bad span %q", m.Text)
				}
			}
		}
	})
}

func BenchmarkEntity(b *testing.B) {
	raw, err := os.ReadFile(seedPath)
	body := string(raw)
	if err != nil {
		body = strings.Repeat("US Secretary of State Mike Pompeo thanked Israeli Prime Minister Benjamin Netanyahu for his condemnation of the attack on the US Embassy in Baghdad by Iraqi protesters, and Tehran denied any role. ", 20)
	}
	seg, rec := setup(b)
	d := &doc.Doc{Article: doc.Article{Body: body}}
	seg.Run(d)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Entities = nil
		rec.Run(d)
	}
	b.ReportMetric(float64(len(d.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
