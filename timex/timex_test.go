package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/segment"
)

// thursday is the publication day of the reference article.
var thursday = time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)

type want struct{ text, typ, value string }

func tagText(t *testing.T, seg *segment.Segmenter, tg *Tagger, body string, pub time.Time) *doc.Doc {
	t.Helper()
	d := &doc.Doc{Article: doc.Article{Body: body, Published: pub}}
	seg.Run(d)
	tg.Run(d)
	for i, x := range d.Timexes {
		if body[x.Start:x.End] != x.Text {
			t.Errorf("%q: span %d:%d is %q, Text says %q", body, x.Start, x.End, body[x.Start:x.End], x.Text)
		}
		if i > 0 && d.Timexes[i-1].Start > x.Start {
			t.Errorf("%q: timexes not sorted by start", body)
		}
	}
	return d
}

func TestRun(t *testing.T) {
	seg, tg := newPair(t)
	dec30 := time.Date(2019, 12, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		body string
		pub  time.Time
		want []want // exactly these, in order
	}{
		{"weekday possessive", "He condemned Tuesday’s attack on the embassy.", thursday,
			[]want{{"Tuesday", "DATE", "2019-12-31"}}},
		{"late weekday", "In a late Wednesday call, Pompeo thanked Netanyahu.", thursday,
			[]want{{"late Wednesday", "DATE", "2020-01-01"}}},
		{"same weekday", "The ministers met Thursday in Baghdad.", thursday,
			[]want{{"Thursday", "DATE", "2020-01-02"}}},
		{"day month year roll-back", "On 31 December, protesters attacked the embassy.", thursday,
			[]want{{"31 December", "DATE", "2019-12-31"}}},
		{"month day", "The truce took effect on January 1.", thursday,
			[]want{{"January 1", "DATE", "2020-01-01"}}},
		{"month day roll-forward", "The vote will take place on January 5.", dec30,
			[]want{{"January 5", "DATE", "2020-01-05"}}},
		{"full date", "Shots were fired on December 31, 2019 near the gate.", thursday,
			[]want{{"December 31, 2019", "DATE", "2019-12-31"}}},
		{"last week", "Talks collapsed last week.", thursday,
			[]want{{"last week", "DATE", "2019-W52"}}},
		{"this week", "Talks resume this week.", thursday,
			[]want{{"this week", "DATE", "2020-W01"}}},
		{"earlier this year", "Exports rose earlier this year.", time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC),
			[]want{{"earlier this year", "DATE", "2019"}}},
		{"over the weekend", "Protesters gathered over the weekend.", thursday,
			[]want{{"the weekend", "DATE", "2019-W52-WE"}}},
		{"at the weekend on monday", "He gave an interview at the weekend.", time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC),
			[]want{{"the weekend", "DATE", "2019-W46-WE"}}},
		{"this month", "Prices rose this month.", thursday,
			[]want{{"this month", "DATE", "2020-01"}}},
		{"last month", "Prices fell last month.", thursday,
			[]want{{"last month", "DATE", "2019-12"}}},
		{"days ago", "He arrived two days ago.", thursday,
			[]want{{"two days ago", "DATE", "2019-12-31"}}},
		{"week ago", "He arrived a week ago.", thursday,
			[]want{{"a week ago", "DATE", "2019-W52"}}},
		{"years ago", "They met 18 years ago.", time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC),
			[]want{{"18 years ago", "DATE", "2001"}}},
		{"in year", "The group was founded in 2019.", thursday,
			[]want{{"2019", "DATE", "2019"}}},
		{"decade", "It was popular in the 1990s.", thursday,
			[]want{{"the 1990s", "DATE", "199"}}},
		{"early decade", "He stayed there in the early 2000s.", thursday,
			[]want{{"the early 2000s", "DATE", "200"}}},
		{"a month", "The talks lasted a month.", thursday,
			[]want{{"a month", "DURATION", "P1M"}}},
		{"counted duration", "He was held for 72 hours and then for three months.", thursday,
			[]want{{"72 hours", "DURATION", "PT72H"}, {"three months", "DURATION", "P3M"}}},
		{"hyphenated duration", "They agreed a 48-hour truce.", thursday,
			[]want{{"48-hour", "DURATION", "PT48H"}}},
		{"vague duration", "The search took several days.", thursday,
			[]want{{"several days", "DURATION", "PXD"}}},
		{"past two years", "He has spoken to both leaders over the past two years.", thursday,
			[]want{{"the past two years", "DURATION", "P2Y"}}},
		{"coming weeks", "Elections will be held in the coming weeks.", thursday,
			[]want{{"the coming weeks", "DURATION", "PXW"}}},
		{"every year", "The festival is held every year.", thursday,
			[]want{{"every year", "SET", "P1Y"}}},
		{"every morning", "Smog covers the city every morning.", thursday,
			[]want{{"every morning", "SET", "XXXX-XX-XXTMO"}}},
		{"per week", "Workers put in 60 hours per week.", thursday,
			[]want{{"60 hours", "DURATION", "PT60H"}, {"per week", "SET", "P1W"}}},
		{"clock and weekday", "The crowd arrived at 10:30 a.m. Tuesday.", thursday,
			[]want{{"10:30 a.m. Tuesday", "TIME", "2019-12-31T10:30"}}},
		{"bare clock", "The deadline passed at 4 p.m.", thursday,
			[]want{{"4 p.m.", "TIME", "2020-01-02T16:00"}}},
		{"clock takes sentence day", "On Tuesday afternoon, shots rang out at 4:14 p.m.", thursday,
			[]want{{"Tuesday afternoon", "TIME", "2019-12-31TAF"}, {"4:14 p.m.", "TIME", "2019-12-31T16:14"}}},
		{"clock zone weekday future", "The match has been postponed until 15:00 GMT Saturday.", time.Date(2013, 3, 22, 0, 0, 0, 0, time.UTC),
			[]want{{"15:00 GMT Saturday", "TIME", "2013-03-23T15:00"}}},
		{"future weekday", "He will visit Baghdad on Monday.", thursday,
			[]want{{"Monday", "DATE", "2020-01-06"}}},
		{"past weekday", "He visited Baghdad on Monday.", thursday,
			[]want{{"Monday", "DATE", "2019-12-30"}}},
		{"next weekday", "The summit opens next Tuesday.", thursday,
			[]want{{"next Tuesday", "DATE", "2020-01-07"}}},
		{"last same weekday", "They last met last Thursday.", thursday,
			[]want{{"last Thursday", "DATE", "2019-12-26"}}},
		{"yesterday and last night", "Rockets fell yesterday and again last night.", thursday,
			[]want{{"yesterday", "DATE", "2020-01-01"}, {"last night", "TIME", "2020-01-01TNI"}}},
		{"last summer", "He faked his death last summer.", time.Date(2013, 3, 22, 0, 0, 0, 0, time.UTC),
			[]want{{"last summer", "DATE", "2012-SU"}}},
		{"bare month past", "Police arrested both men in early August.", time.Date(2013, 3, 22, 0, 0, 0, 0, time.UTC),
			[]want{{"early August", "DATE", "2012-08"}}},
		{"month year", "The raid took place in May 2010.", thursday,
			[]want{{"May 2010", "DATE", "2010-05"}}},
		{"abbreviated month", "Votes were counted on Nov. 5.", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC),
			[]want{{"Nov. 5", "DATE", "2019-11-05"}}},
		{"month at sentence end", "The book is due to be published in May.", time.Date(2013, 3, 22, 0, 0, 0, 0, time.UTC),
			[]want{{"May", "DATE", "2013-05"}}},
		{"fiscal years", "Spending in fiscal year 2019 rose, and this fiscal year it fell.", thursday,
			[]want{{"fiscal year 2019", "DATE", "2019"}, {"this fiscal year", "DATE", "2020"}}},
		{"year range", "The pandemic of 2009-2010 killed 348 children.", thursday,
			[]want{{"2009", "DATE", "2009"}, {"2010", "DATE", "2010"}}},
		{"century", "It was built in the 20th century.", thursday,
			[]want{{"the 20th century", "DATE", "19"}}},
		{"present ref", "The talks are now over.", thursday,
			[]want{{"now", "DATE", "PRESENT_REF"}}},
		{"quarter", "Profits fell in the third quarter of 2019 and in Q1 2020.", thursday,
			[]want{{"the third quarter of 2019", "DATE", "2019-Q3"}, {"Q1 2020", "DATE", "2020-Q1"}}},
		{"half", "Sales grew in the first half.", time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC),
			[]want{{"the first half", "DATE", "2019-H1"}}},
		{"end of the year", "The troops will leave by the end of the year.", thursday,
			[]want{{"the end of the year", "DATE", "2020"}}},
		{"holidays", "Shops closed on Christmas Eve and reopened after New Year's Day.", thursday,
			[]want{{"Christmas Eve", "DATE", "2019-12-24"}, {"New Year's Day", "DATE", "2020-01-01"}}},
		{"moving feast", "Pilgrims gathered for Easter.", time.Date(2019, 4, 22, 0, 0, 0, 0, time.UTC),
			[]want{{"Easter", "DATE", "2019-04-21"}}},
		{"not a feast", "He bought a Christmas tree.", thursday, nil},
		{"present tense ahead", "The new law takes effect Monday.", thursday,
			[]want{{"Monday", "DATE", "2020-01-06"}}},
		{"present tense after since", "Protests continue since Monday.", thursday,
			[]want{{"Monday", "DATE", "2019-12-30"}}},
		{"military time", "The strike hit at 1900 GMT.", thursday,
			[]want{{"1900 GMT", "TIME", "2020-01-02T19:00"}}},
		{"march with day", "On March 2 the talks will begin.", thursday,
			[]want{{"March 2", "DATE", "2020-03-02"}}},
		{"next day from the story", "He was arrested on Friday night and charged the next day.", thursday,
			[]want{{"Friday night", "TIME", "2019-12-27TNI"}, {"the next day", "DATE", "2019-12-28"}}},
		{"following morning with clock", "The alarm rang at 10:30 p.m. Aug. 9 and again at 6:30 a.m. the following morning.", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC),
			[]want{{"10:30 p.m. Aug. 9", "TIME", "2019-08-09T22:30"}, {"6:30 a.m. the following morning", "TIME", "2019-08-10T06:30"}}},
		{"day before an event", "On Monday he wrote to his son the day before the son reported him missing.", thursday,
			[]want{{"Monday", "DATE", "2019-12-30"}, {"the day", "DATE", "XXXX-XX-XX"}}},
		{"no anchor no date", "He was charged the next day.", thursday,
			[]want{{"the next day", "DATE", "XXXX-XX-XX"}}},
		{"rate is a set", "The plant produces 5,000 barrels a day.", thursday,
			[]want{{"a day", "SET", "P1D"}}},
		{"months in names", "Theresa May met April Ryan.", thursday, nil},
		{"halves", "The talks lasted two and a half years; the vote took half an hour.", thursday,
			[]want{{"two and a half years", "DURATION", "P2.5Y"}, {"half an hour", "DURATION", "PT30M"}}},
		{"year before and", "She has held the post since 1945 and served for a decade.", thursday,
			[]want{{"1945", "DATE", "1945"}, {"a decade", "DURATION", "P10Y"}}},
		{"modal looks ahead", "They say they may act in May.", time.Date(2020, 11, 5, 0, 0, 0, 0, time.UTC),
			[]want{{"May", "DATE", "2021-05"}}},
		{"copula looks ahead", "The deadline is midnight on Friday.", thursday,
			[]want{{"midnight", "TIME", "2020-01-03T00:00"}, {"Friday", "DATE", "2020-01-03"}}},
		{"not marked", "Officials recently said the talks would resume soon.", thursday, nil},
		{"ages are not durations", "A 25-year-old man, aged 30, and a woman, 40 years old, were hurt.", thursday, nil},
		{"modal may", "May the talks succeed. Officials may meet.", thursday, nil},
		{"counts are not years", "Police said 1500 troops and $2019 were sent to 1119 Eighth St.", thursday, nil},
		{"usa today", "Experts told USA TODAY that the rules changed.", thursday, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tagText(t, seg, tg, tc.body, tc.pub)
			var got []want
			for _, x := range d.Timexes {
				got = append(got, want{x.Text, x.Type, x.Value})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%q:\n got %v\nwant %v", tc.body, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("%q: #%d got %v, want %v", tc.body, i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestEmbeddedPost checks that "today" inside an embedded post means the
// post's day, not the article's.
func TestEmbeddedPost(t *testing.T) {
	seg, tg := newPair(t)
	body := "Pompeo confirmed the call on Twitter.\n\n" +
		"Spoke today with @IsraeliPM about Iran. — Secretary Pompeo (@SecPompeo) January 1, 2020\n\n" +
		"They will pay a very BIG PRICE! — Donald J. Trump (@realDonaldTrump) December 31, 2019\n\n" +
		"The embassy was quiet today."
	d := tagText(t, seg, tg, body, thursday)
	wantAll := []want{
		{"today", "DATE", "2020-01-01"},
		{"January 1, 2020", "DATE", "2020-01-01"},
		{"December 31, 2019", "DATE", "2019-12-31"},
		{"today", "DATE", "2020-01-02"},
	}
	if len(d.Timexes) != len(wantAll) {
		t.Fatalf("got %d timexes %v, want %v", len(d.Timexes), d.Timexes, wantAll)
	}
	for i, x := range d.Timexes {
		if g := (want{x.Text, x.Type, x.Value}); g != wantAll[i] {
			t.Errorf("#%d got %v, want %v", i, g, wantAll[i])
		}
	}
}

func TestNewLexicon(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		m    map[string]int
		word string
		want int
	}{
		{tg.month, "sept.", 9}, {tg.weekday, "sunday", 7}, {tg.number, "forty", 40}, {tg.ordinal, "third", 3},
	} {
		if got := c.m[c.word]; got != c.want {
			t.Errorf("lexicon %q = %d, want %d", c.word, got, c.want)
		}
	}
	if err := tg.addEntry("word\tnoclass\t1"); err == nil {
		t.Error("unknown lexicon class accepted")
	}
	if err := tg.addEntry("word\tmonth"); err == nil {
		t.Error("short lexicon line accepted")
	}
}

func TestResolveWeekday(t *testing.T) {
	tests := []struct {
		wd, dir int
		strict  bool
		want    string
	}{
		{2, past, false, "2019-12-31"},
		{3, unknown, false, "2020-01-01"},
		{4, past, false, "2020-01-02"},
		{4, past, true, "2019-12-26"},
		{1, future, false, "2020-01-06"},
		{4, future, true, "2020-01-09"},
	}
	for _, tc := range tests {
		if got := dayValue(resolveWeekday(thursday, tc.wd, tc.dir, tc.strict)); got != tc.want {
			t.Errorf("weekday %d dir %d strict %v: got %s, want %s", tc.wd, tc.dir, tc.strict, got, tc.want)
		}
	}
}

func TestDurationValue(t *testing.T) {
	tests := []struct {
		n    int
		unit string
		want string
	}{
		{1, "M", "P1M"}, {-1, "D", "PXD"}, {72, "TH", "PT72H"}, {-1, "TM", "PTXM"}, {1, "DE", "P10Y"}, {2, "2W", "P4W"},
	}
	for _, tc := range tests {
		if got := durationValue(tc.n, tc.unit); got != tc.want {
			t.Errorf("durationValue(%d, %s) = %s, want %s", tc.n, tc.unit, got, tc.want)
		}
	}
}

func TestEventDate(t *testing.T) {
	body := "On Tuesday, militias attacked the base, officials said. " +
		"The embassy was stormed. " +
		"In 2010, commandos raided a ship. " +
		"Erdogan accepted the apology."
	d := &doc.Doc{Article: doc.Article{Body: body, Published: thursday}}
	var starts []int
	for i, s := range strings.SplitAfter(body, ". ") {
		start := 0
		if i > 0 {
			start = starts[i-1] + len(strings.SplitAfter(body, ". ")[i-1])
		}
		starts = append(starts, start)
		d.Sentences = append(d.Sentences, doc.Sentence{Start: start, End: start + len(s)})
	}
	at := func(text string) doc.Span {
		i := strings.Index(body, text)
		return d.SpanOf(i, i+len(text))
	}
	add := func(text, typ, value string) {
		d.Timexes = append(d.Timexes, doc.Timex{Span: at(text), Type: typ, Value: value})
	}
	add("Tuesday", "DATE", "2019-12-31")
	add("2010", "DATE", "2010")
	tests := []struct {
		sentence  int
		trigger   string
		want      string
		wantBasis string
	}{
		{0, "attacked", "2019-12-31", doc.DateText},
		{1, "stormed", "2019-12-31", doc.DateNarrative},
		{2, "raided", "", doc.DateUnknown},
		{3, "accepted", "2020-01-02", doc.DatePublished},
		{-1, "accepted", "2020-01-02", doc.DatePublished},
	}
	for _, tc := range tests {
		got, basis := EventDate(d, tc.sentence, at(tc.trigger))
		if got != tc.want || basis != tc.wantBasis {
			t.Errorf("sentence %d %q: got %q %s, want %q %s", tc.sentence, tc.trigger, got, basis, tc.want, tc.wantBasis)
		}
	}
	d.Article.Published = time.Time{}
	if got, basis := EventDate(d, 3, at("accepted")); got != "" || basis != doc.DateUnknown {
		t.Errorf("no publication date: got %q %s, want unknown", got, basis)
	}
}

// TestEventDateClause prefers the expression in the trigger's clause.
func TestEventDateClause(t *testing.T) {
	body := "Police arrested him on Monday; he was charged on Wednesday."
	d := &doc.Doc{Article: doc.Article{Body: body, Published: thursday}}
	d.Sentences = []doc.Sentence{{Start: 0, End: len(body)}}
	for _, x := range []struct{ text, value string }{{"Monday", "2019-12-30"}, {"Wednesday", "2020-01-01"}} {
		i := strings.Index(body, x.text)
		d.Timexes = append(d.Timexes, doc.Timex{Span: d.SpanOf(i, i+len(x.text)), Type: "DATE", Value: x.value})
	}
	i := strings.Index(body, "charged")
	if got, _ := EventDate(d, 0, d.SpanOf(i, i+len("charged"))); got != "2020-01-01" {
		t.Errorf("charged: got %s, want 2020-01-01", got)
	}
	i = strings.Index(body, "arrested")
	if got, _ := EventDate(d, 0, d.SpanOf(i, i+len("arrested"))); got != "2019-12-30" {
		t.Errorf("arrested: got %s, want 2019-12-30", got)
	}
}

// TestEventDatePresent sends a present-tense trigger to the publication
// day rather than carrying the story's last day forward.
func TestEventDatePresent(t *testing.T) {
	for _, tc := range []struct {
		aux, auxTag string
		want, basis string
	}{
		{"are", "VBP", "2020-01-02", doc.DatePublished},
		{"were", "VBD", "2019-12-30", doc.DateNarrative},
	} {
		first := "On Monday, police raided the office. "
		body := first + "Two men " + tc.aux + " charged with fraud."
		d := &doc.Doc{Article: doc.Article{Body: body, Published: thursday}}
		d.Sentences = []doc.Sentence{{Start: 0, End: len(first) - 1}, {Start: len(first), End: len(body), First: 0, Last: 6}}
		off := len(first)
		for _, w := range []struct{ text, tag string }{{"Two", "CD"}, {"men", "NNS"}, {tc.aux, tc.auxTag}, {"charged", "VBN"}, {"with", "IN"}, {"fraud", "NN"}} {
			i := strings.Index(body[off:], w.text) + off
			d.Tokens = append(d.Tokens, doc.Token{Start: i, End: i + len(w.text), Text: w.text, Tag: w.tag})
			off = i + len(w.text)
		}
		i := strings.Index(body, "Monday")
		d.Timexes = []doc.Timex{{Span: d.SpanOf(i, i+6), Type: "DATE", Value: "2019-12-30"}}
		j := strings.Index(body, "charged")
		got, basis := EventDate(d, 1, d.SpanOf(j, j+len("charged")))
		if got != tc.want || basis != tc.basis {
			t.Errorf("%s charged: got %s %s, want %s %s", tc.aux, got, basis, tc.want, tc.basis)
		}
	}
}
