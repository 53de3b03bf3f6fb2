package quote

import (
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
)

// styleCase is a short text in one outlet's manner with the quotes a
// reader would write down. Entities are given by hand ("TYPE:Name|form",
// "TYPE/role:..." also setting a person's role), so that the stage is
// measured apart from the entity stage.
type styleCase struct {
	name string
	body string
	ents []string
	want []want
}

// styleCases were written for this stage in the manner of many outlets;
// none is taken from the gold corpora.
var styleCases = []styleCase{
	{
		name: "wire: inverted speaker with rank and description",
		body: "Shelling resumed overnight near the border. “We are assessing the damage to the power lines,” said Lt. Col. Mark Dean, a spokesman for the regional command.",
		ents: []string{"PERSON:Mark Dean|Dean"},
		want: []want{{kind: "direct", text: "assessing the damage", speaker: "Mark Dean", cue: "said"}},
	},
	{
		name: "tabloid: colon after the attribution, age in commas",
		body: "Heartbroken mum Kelly Brown, 34, said: “He was my whole world and now he is gone.”",
		ents: []string{"PERSON:Kelly Brown|Brown"},
		want: []want{{kind: "direct", text: "He was my whole world", speaker: "Kelly Brown", cue: "said"}},
	},
	{
		name: "broadsheet: title in apposition before the name",
		body: "The chancellor, Rachel Reeves, said the figures showed the economy was turning a corner.",
		ents: []string{"PERSON:Rachel Reeves|Reeves"},
		want: []want{{kind: "reported", text: "the figures showed the economy", speaker: "Rachel Reeves", cue: "said"}},
	},
	{
		name: "press release: chief executive after the name",
		body: "Orbit Systems today announced a partnership with Delta Freight. “This partnership marks a new chapter for our customers across Europe,” said Jane Kim, chief executive of Orbit Systems.",
		ents: []string{"ORG:Orbit Systems", "ORG:Delta Freight", "PERSON:Jane Kim|Kim", "LOC:Europe"},
		want: []want{{kind: "direct", text: "This partnership marks a new chapter", speaker: "Jane Kim", cue: "said"}},
	},
	{
		name: "interview: the channel before the subject",
		body: "In an interview on Sunday, Carlos Mendes said the talks with the unions would resume in May.",
		ents: []string{"PERSON:Carlos Mendes|Mendes"},
		want: []want{{kind: "reported", text: "the talks with the unions would resume in May", speaker: "Carlos Mendes", cue: "said", channel: "interview"}},
	},
	{
		name: "headline style: clause first, present tense says",
		body: "Farmers will lose their land if the dam goes ahead, says Oxfam.",
		ents: []string{"ORG:Oxfam"},
		want: []want{{kind: "reported", text: "Farmers will lose their land", speaker: "Oxfam", cue: "says"}},
	},
	{
		name: "present tense, inverted, with a title after",
		body: "“The ceasefire is holding, but only just,” says Ahmed Saleh, the mayor of Taiz.",
		ents: []string{"PERSON:Ahmed Saleh|Saleh", "GPE:Taiz"},
		want: []want{{kind: "direct", text: "The ceasefire is holding", speaker: "Ahmed Saleh", cue: "says"}},
	},
	{
		name: "said X, the minister, after a reported clause",
		body: "The plan to buy new frigates is dead, said Olaf Berg, the defence minister.",
		ents: []string{"PERSON:Olaf Berg|Berg"},
		want: []want{{kind: "reported", text: "The plan to buy new frigates is dead", speaker: "Olaf Berg", cue: "said"}},
	},
	{
		name: "quotation over three paragraphs",
		body: "Nadia Karim, a nurse, described the night of the raid.\n\n“They came at two in the morning and took my brother away.\n\n“Nobody would tell us where he was for three whole days.\n\n“Then they called and said we could collect him,” she said.",
		ents: []string{"PERSON:Nadia Karim|Karim"},
		want: []want{
			{kind: "direct", text: "They came at two in the morning", speaker: "Nadia Karim"},
			{kind: "direct", text: "Nobody would tell us where he was", speaker: "Nadia Karim"},
			{kind: "direct", text: "Then they called and said we could collect him", speaker: "Nadia Karim", cue: "said"},
		},
	},
	{
		name: "em-dash attribution",
		body: "“Every family here has lost someone” — so said Maria Costa, head of the local relief committee, on Sunday.",
		ents: []string{"PERSON:Maria Costa|Costa"},
		want: []want{{kind: "direct", text: "Every family here has lost someone", speaker: "Maria Costa", cue: "said"}},
	},
	{
		name: "em-dash between the halves of a quotation",
		body: "“We will rebuild every home,” Mayor Ines Duarte said — “every single one, however long it takes.”",
		ents: []string{"PERSON:Ines Duarte|Duarte"},
		want: []want{
			{kind: "direct", text: "We will rebuild every home", speaker: "Ines Duarte", cue: "said"},
			{kind: "direct", text: "every single one, however long", speaker: "Ines Duarte", cue: "said"},
		},
	},
	{
		name: "nested quotation",
		body: "“When the officer told me ‘you cannot pass here’, I knew the road was closed for good,” said Omar Farouk, a truck driver.",
		ents: []string{"PERSON:Omar Farouk|Farouk"},
		want: []want{{kind: "direct", text: "When the officer told me ‘you cannot pass here’, I knew", speaker: "Omar Farouk"}},
	},
	{
		name: "according to a statement from X",
		body: "Three soldiers were killed in the ambush near the village, according to a statement from the Interior Ministry.",
		ents: []string{"ORG:Interior Ministry"},
		want: []want{{kind: "reported", text: "Three soldiers were killed in the ambush", speaker: "Interior Ministry", cue: "according to", channel: "statement"}},
	},
	{
		name: "in a statement, X said",
		body: "In a statement, Human Rights Watch said the arrests of the journalists were arbitrary.",
		ents: []string{"ORG:Human Rights Watch"},
		want: []want{{kind: "reported", text: "the arrests of the journalists were arbitrary", speaker: "Human Rights Watch", cue: "said", channel: "statement"}},
	},
	{
		name: "X's office said",
		body: "Emmanuel Macron met the Algerian envoy on Friday. Macron's office said the president would travel to Algiers next week.",
		ents: []string{"PERSON:Emmanuel Macron|Macron", "GPE:Algiers"},
		want: []want{{kind: "reported", text: "the president would travel to Algiers", speaker: "Emmanuel Macron", cue: "said"}},
	},
	{
		name: "a spokesman for X said",
		body: "A spokesman for Chancellor Olaf Scholz said the government would not comment on the report.",
		ents: []string{"PERSON:Olaf Scholz|Scholz"},
		want: []want{{kind: "reported", text: "the government would not comment", speaker: "Olaf Scholz", cue: "said"}},
	},
	{
		name: "X told CNN: the hearer is not the speaker",
		body: "Senator Elizabeth Warren told CNN that the bill would not pass the Senate this year.",
		ents: []string{"PERSON:Elizabeth Warren|Warren", "ORG:CNN", "ORG:Senate"},
		want: []want{{kind: "reported", text: "the bill would not pass the Senate", speaker: "Elizabeth Warren", cue: "told"}},
	},
	{
		name: "X tweeted that",
		body: "Elon Musk tweeted that the factory in Shanghai would reopen on Monday.",
		ents: []string{"PERSON:Elon Musk|Musk", "GPE:Shanghai"},
		want: []want{{kind: "reported", text: "the factory in Shanghai would reopen", speaker: "Elon Musk", cue: "tweeted", channel: "Twitter"}},
	},
	{
		name: "X wrote in a letter",
		body: "In his annual letter to shareholders, Jamie Dimon wrote that the bank was prepared for a recession.",
		ents: []string{"PERSON:Jamie Dimon|Dimon"},
		want: []want{{kind: "reported", text: "the bank was prepared for a recession", speaker: "Jamie Dimon", cue: "wrote", channel: "letter"}},
	},
	{
		name: "the ministry said in a statement",
		body: "Japan's Foreign Ministry summoned the Chinese ambassador on Tuesday. The ministry said in a statement that the incursion was unacceptable.",
		ents: []string{"GPE:Japan", "ORG:Foreign Ministry", "GPE:Chinese"},
		want: []want{{kind: "reported", text: "the incursion was unacceptable", speaker: "Foreign Ministry", cue: "said", channel: "statement"}},
	},
	{
		name: "she: the woman, not the last man named",
		body: "Prime Minister John Harper met Anna Weiss in Vienna on Monday. “We agreed on everything that matters to our farmers,” she said afterwards.",
		ents: []string{"PERSON:John Harper|Harper", "PERSON:Anna Weiss|Weiss", "GPE:Vienna"},
		want: []want{{kind: "direct", text: "We agreed on everything", speaker: "Anna Weiss", cue: "said"}},
	},
	{
		name: "he: the man, not the woman who spoke last",
		body: "“This is a good day for both countries,” said Anna Weiss. Her guest, Tom Hardy, was more cautious. “We still have a long way to go before any deal,” he said.",
		ents: []string{"PERSON:Anna Weiss|Weiss", "PERSON:Tom Hardy|Hardy"},
		want: []want{
			{kind: "direct", text: "This is a good day", speaker: "Anna Weiss"},
			{kind: "direct", text: "We still have a long way", speaker: "Tom Hardy", cue: "said"},
		},
	},
	{
		name: "he: the previous sentence's subject, not the last woman quoted",
		body: "“Nobody has the right to burn property,” Interior Minister Grace Ndung said. Opposition leader Peter Ouma rejected the accusation. He told reporters outside the court that the police had planned the operation in advance.",
		ents: []string{"PERSON:Grace Ndung|Ndung", "PERSON:Peter Ouma|Ouma"},
		want: []want{
			{kind: "direct", text: "Nobody has the right", speaker: "Grace Ndung"},
			{kind: "reported", text: "the police had planned the operation", speaker: "Peter Ouma", cue: "told"},
		},
	},
	{
		name: "coordinated reporting verb shares the subject",
		body: "Opposition leader Peter Ouma, whose coalition called the protests, rejected the accusation and said that his supporters had been told to stay peaceful.",
		ents: []string{"PERSON:Peter Ouma|Ouma"},
		want: []want{{kind: "reported", text: "his supporters had been told to stay peaceful", speaker: "Peter Ouma", cue: "said"}},
	},
	{
		name: "organisation named with its country",
		body: "Amnesty International Kenya warned that the use of live ammunition would break Kenyan law.",
		ents: []string{"ORG:Amnesty International Kenya", "GPE:Kenya"},
		want: []want{{kind: "reported", text: "the use of live ammunition would break", speaker: "Amnesty International Kenya", cue: "warned"}},
	},
	{
		name: "the statement reads, with a colon",
		body: "The Football Association issued a statement on Friday. The statement reads: “The club has been fined for failing to control its players.”",
		ents: []string{"ORG:Football Association"},
		want: []want{{kind: "direct", text: "The club has been fined", speaker: "Football Association", cue: "reads"}},
	},
	{
		name: "speaking to, X said a quotation",
		body: "Speaking to the BBC, Boris Johnson said the deal was “the best possible outcome for the whole country”.",
		ents: []string{"ORG:BBC", "PERSON:Boris Johnson|Johnson"},
		want: []want{{kind: "direct", text: "the best possible outcome", speaker: "Boris Johnson", cue: "said"}},
	},
	{
		name: "an unnamed official is nobody named",
		body: "Russia and Ukraine exchanged prisoners on Monday. “It was a difficult negotiation for both sides,” a senior official told Reuters on condition of anonymity.",
		ents: []string{"GPE:Russia", "GPE:Ukraine", "ORG:Reuters"},
		want: []want{{kind: "direct", text: "It was a difficult negotiation", speaker: ""}},
	},
	{
		name: "police spokeswoman with her name",
		body: "Police spokeswoman Jane Ode said two men had been arrested near the station.",
		ents: []string{"PERSON:Jane Ode|Ode"},
		want: []want{{kind: "reported", text: "two men had been arrested", speaker: "Jane Ode", cue: "said"}},
	},
	{
		name: "the company said in a filing",
		body: "Acme Corp shares fell 10 percent on Tuesday. The company said in a filing with regulators that quarterly profits fell by a third.",
		ents: []string{"ORG:Acme Corp"},
		want: []want{{kind: "reported", text: "quarterly profits fell by a third", speaker: "Acme Corp", cue: "said"}},
	},
	{
		name: "her lawyer, name, told an agency",
		body: "Lina Haddad was convicted on Friday. “We will appeal this verdict at once,” her lawyer, David Stone, told The Associated Press.",
		ents: []string{"PERSON:Lina Haddad|Haddad", "PERSON:David Stone|Stone", "ORG:The Associated Press"},
		want: []want{{kind: "direct", text: "We will appeal this verdict", speaker: "David Stone", cue: "told"}},
	},
	{
		name: "asked whether, X replied with a colon",
		body: "Asked whether he would resign, Mr. Lee replied: “Absolutely not, and I will fight these charges.”",
		ents: []string{"PERSON:Mr. Lee|Lee"},
		want: []want{{kind: "direct", text: "Absolutely not, and I will fight", speaker: "Mr. Lee", cue: "replied"}},
	},
	{
		name: "scientist in apposition with an institution",
		body: "“I don’t think anybody expected the virus to spread this fast,” Dr. Ruth Adams, an epidemiologist at Stanford University, said in a phone interview.",
		ents: []string{"PERSON:Ruth Adams|Adams", "ORG:Stanford University"},
		want: []want{{kind: "direct", text: "anybody expected the virus", speaker: "Ruth Adams", cue: "said", channel: "interview"}},
	},
	{
		name: "the White House said in a statement",
		body: "“There will be consequences for those responsible,” the White House said in a statement.",
		ents: []string{"ORG:White House"},
		want: []want{{kind: "direct", text: "There will be consequences", speaker: "White House", cue: "said", channel: "statement"}},
	},
	{
		name: "officials at a department",
		body: "Officials at the Department of Health said the outbreak was under control.",
		ents: []string{"ORG:Department of Health"},
		want: []want{{kind: "reported", text: "the outbreak was under control", speaker: "Department of Health", cue: "said"}},
	},
	{
		name: "the former president by role",
		body: "Donald Trump spent the day in Florida. The former president, speaking at a rally in Ohio, said the election had been stolen from him.",
		ents: []string{"PERSON/former president:Donald Trump|Trump", "GPE:Florida", "GPE:Ohio"},
		want: []want{{kind: "reported", text: "the election had been stolen", speaker: "Donald Trump", cue: "said"}},
	},
	{
		name: "a statement by X calling on: the cue is the reporting act",
		body: "The comments come after a statement by Foreign Minister Israel Katz calling upon the world to stand against “the crimes of the regime in Tehran”.",
		ents: []string{"PERSON:Israel Katz|Katz", "GPE:Tehran"},
		want: []want{{kind: "direct", text: "the crimes of the regime", speaker: "Israel Katz", cue: "calling upon"}},
	},
	{
		name: "quotation in a narrative sentence: the nearest verb is the cue",
		body: "The leader of the opposition, Maria Silva, later described the budget as “a betrayal of every working family”.",
		ents: []string{"PERSON:Maria Silva|Silva"},
		want: []want{{kind: "direct", text: "a betrayal of every working family", speaker: "Maria Silva", cue: "described"}},
	},
	{
		name: "he after a paragraph about another man: the subject",
		body: "Defence Minister Ali Rahimi visited the front on Monday.\n\nGeneral Omar Nasser, the army chief, met troops near the river. He said the offensive would continue until the town was taken.",
		ents: []string{"PERSON:Ali Rahimi|Rahimi", "PERSON:Omar Nasser|Nasser"},
		want: []want{{kind: "reported", text: "the offensive would continue", speaker: "Omar Nasser", cue: "said"}},
	},
	{
		name: "a spokesperson for the ministry said",
		body: "A spokesperson for the Health Ministry said vaccines would reach the northern provinces by March.",
		ents: []string{"ORG:Health Ministry"},
		want: []want{{kind: "reported", text: "vaccines would reach the northern provinces", speaker: "Health Ministry", cue: "said"}},
	},
	{
		name: "an indefinite title named in the next paragraph",
		body: "A Texas fire chief says two firefighters were injured in the blaze at the refinery.\n\nDeputy Fire Chief Laura Benton told reporters that the fire was under control by noon.",
		ents: []string{"GPE:Texas", "PERSON:Benton"},
		want: []want{
			{kind: "reported", text: "two firefighters were injured", speaker: "Benton", cue: "says"},
			{kind: "reported", text: "the fire was under control", speaker: "Benton", cue: "told"},
		},
	},
	{
		name: "a title used alone for a name the entities only know later",
		body: "Two men were charged with fraud on Monday, County Prosecutor Helen Marsh announced. The case against a third man is still open, the prosecutor said. Marsh declined to name him.",
		ents: []string{"PERSON:Marsh"},
		want: []want{
			{kind: "reported", text: "Two men were charged with fraud", speaker: "Marsh", cue: "announced"},
			{kind: "reported", text: "The case against a third man is still open", speaker: "Marsh", cue: "said"},
		},
	},
	{
		name: "a quotation inside the clause of the first of two cues",
		body: "Finance Minister Joseph Kariuki told parliament that the state had “no easy choices left at all,” but he said on Friday that he would meet the unions.",
		ents: []string{"PERSON:Joseph Kariuki|Kariuki"},
		want: []want{
			{kind: "direct", text: "no easy choices left", speaker: "Joseph Kariuki", cue: "told"},
			{kind: "reported", text: "he would meet the unions", speaker: "Joseph Kariuki", cue: "said"},
		},
	},
	{
		name: "according to figures of an unnamed ministry: the state",
		body: "Factories in Vietnam burned more coal last year than ever before. Most plants still lack filters, according to ministry figures.",
		ents: []string{"GPE:Vietnam"},
		want: []want{{kind: "reported", text: "Most plants still lack filters", speaker: "Vietnam", cue: "according to"}},
	},
	{
		name: "a verb in -s the tagger may take for a noun; a noun object is no clause",
		body: "Judge Amy Carter told the jury no evidence links the driver to the fire. The company handbook notes the rule that drivers be tested every year.",
		ents: []string{"PERSON:Amy Carter|Carter"},
		want: []want{{kind: "reported", text: "no evidence links the driver to the fire", speaker: "Amy Carter", cue: "told"}},
	},
	{
		name: "the same title for two people: the one quoted before",
		body: "Prime Minister Anna Lind called Prime Minister Karl Moser on Friday. Lind's office said the two agreed to meet in May. Moser accepted the invitation, the prime minister's office said.",
		ents: []string{"PERSON/Prime Minister:Anna Lind|Lind", "PERSON/Prime Minister:Karl Moser|Moser"},
		want: []want{
			{kind: "reported", text: "the two agreed to meet in May", speaker: "Anna Lind", cue: "said"},
			{kind: "reported", text: "Moser accepted the invitation", speaker: "Anna Lind", cue: "said"},
		},
	},
	{
		name: "according to a statement from a ministry named by its nation",
		body: "Norway pledged new aid to Mali on Monday. The funds will reach the northern camps before the rains, according to a statement from the Norwegian foreign ministry.",
		ents: []string{"GPE:Norway", "GPE:Mali"},
		want: []want{{kind: "reported", text: "The funds will reach the northern camps", speaker: "Norway", cue: "according to", channel: "statement"}},
	},
	{
		name: "a cue in a relative clause reports nothing of the main clause",
		body: "The envoy asked both sides to open the roads to the north, where the Red Cross says most wells have run dry.",
		ents: []string{"ORG:Red Cross"},
		want: []want{{kind: "reported", text: "most wells have run dry", speaker: "Red Cross", cue: "says"}},
	},
	{
		name: "an announced decision is no reported clause",
		body: "The bloc's trade chief, Pia Holm, announced the decision on television shortly after ministers approved it in Brussels.",
		ents: []string{"PERSON:Pia Holm|Holm", "GPE:Brussels"},
	},
	{
		name: "a name the entities lack is not the title's last holder",
		body: "Party leader Mara Ionescu was detained on Friday. Its deputy leader, Radu Stanciu, said the party would keep marching every day.",
		ents: []string{"PERSON/Party Leader:Mara Ionescu|Ionescu"},
		want: []want{{kind: "reported", text: "the party would keep marching", speaker: "", cue: "said"}},
	},
	{
		name: "remarks broadcast on television",
		body: "President Ilham Rustamov said in remarks broadcast on state television that the border would stay closed until spring.",
		ents: []string{"PERSON:Ilham Rustamov|Rustamov"},
		want: []want{{kind: "reported", text: "the border would stay closed until spring", speaker: "Ilham Rustamov", cue: "said", channel: "television"}},
	},
	{
		name: "spokeswoman named in apposition told a briefing, colon",
		body: "The ministry's spokeswoman, Irina Volkova, told a briefing: “Nobody in Moscow takes these threats seriously.”",
		ents: []string{"PERSON:Irina Volkova|Volkova", "GPE:Moscow"},
		want: []want{{kind: "direct", text: "Nobody in Moscow takes these threats seriously", speaker: "Irina Volkova", cue: "told"}},
	},
	{
		name: "added X, inverted",
		body: "“We will be back next season, stronger than before,” added Jones, who scored twice.",
		ents: []string{"PERSON:Tom Jones|Jones"},
		want: []want{{kind: "direct", text: "We will be back next season", speaker: "Tom Jones", cue: "added"}},
	},
	{
		name: "the 45-year-old",
		body: "Carla Mendes has run the bakery since 1998. “We have never seen prices like these in all those years,” the 45-year-old said.",
		ents: []string{"PERSON:Carla Mendes|Mendes"},
		want: []want{{kind: "direct", text: "We have never seen prices like these", speaker: "Carla Mendes", cue: "said"}},
	},
	{
		name: "split quotation around a pronoun attribution",
		body: "Coach Luis Ortega watched from the stand. “The first half was the hardest part,” he said, “but the players never gave up on it.”",
		ents: []string{"PERSON:Luis Ortega|Ortega"},
		want: []want{
			{kind: "direct", text: "The first half was the hardest part", speaker: "Luis Ortega", cue: "said"},
			{kind: "direct", text: "but the players never gave up", speaker: "Luis Ortega", cue: "said"},
		},
	},
	{
		name: "relative clause between the subject and the verb",
		body: "Senator Paul Reid, who chairs the budget committee, said that the vote would take place next week.",
		ents: []string{"PERSON:Paul Reid|Reid"},
		want: []want{{kind: "reported", text: "the vote would take place next week", speaker: "Paul Reid", cue: "said"}},
	},
	{
		name: "the group said on its channel",
		body: "Islamic State claimed the attack late on Sunday. The group said on its Telegram channel that its fighters had planted the bomb.",
		ents: []string{"ORG:Islamic State"},
		want: []want{{kind: "reported", text: "its fighters had planted the bomb", speaker: "Islamic State", cue: "said", channel: "Telegram"}},
	},
	{
		name: "a state's military said",
		body: "Ukraine's military said Russian forces had launched 40 drones overnight.",
		ents: []string{"GPE:Ukraine", "GPE:Russian"},
		want: []want{{kind: "reported", text: "Russian forces had launched 40 drones", speaker: "Ukraine", cue: "said"}},
	},
	{
		name: "inverted title with the name in apposition",
		body: "“It is a sad day for the whole city,” said the mayor, Anne Hidalgo.",
		ents: []string{"PERSON:Anne Hidalgo|Hidalgo"},
		want: []want{{kind: "direct", text: "It is a sad day", speaker: "Anne Hidalgo", cue: "said"}},
	},
	{
		name: "headline style with a surname",
		body: "The central bank will cut rates twice this year, Powell says.",
		ents: []string{"PERSON:Jerome Powell|Powell"},
		want: []want{{kind: "reported", text: "The central bank will cut rates twice", speaker: "Jerome Powell", cue: "says"}},
	},
	{
		name: "according to X, leading",
		body: "According to Smith, the deal with the bank was signed on Friday night.",
		ents: []string{"PERSON:Anna Smith|Smith"},
		want: []want{{kind: "reported", text: "the deal with the bank was signed", speaker: "Anna Smith", cue: "According to"}},
	},
	{
		name: "an adjunct in commas between the subject and the verb",
		body: "Mr. Biden, in a speech at the White House, said that the country would not be intimidated.",
		ents: []string{"PERSON:Mr. Biden|Biden", "FAC:White House"},
		want: []want{{kind: "reported", text: "the country would not be intimidated", speaker: "Mr. Biden", cue: "said"}},
	},
	{
		name: "a source close to them is nobody named",
		body: "The couple have not been seen since March. A source close to the couple told the newspaper: “They are heartbroken and want to be left alone.”",
		want: []want{{kind: "direct", text: "They are heartbroken", speaker: "", cue: "told"}},
	},
	{
		name: "wrote in an email",
		body: "“We have no plans to close the plant this year,” Ms. Lopez wrote in an email.",
		ents: []string{"PERSON:Ms. Lopez|Lopez"},
		want: []want{{kind: "direct", text: "We have no plans to close the plant", speaker: "Ms. Lopez", cue: "wrote", channel: "email"}},
	},
	{
		name: "a report published by X says",
		body: "The report, published by the World Bank on Tuesday, says growth in the region will slow to two percent.",
		ents: []string{"ORG:World Bank"},
		want: []want{{kind: "reported", text: "growth in the region will slow", speaker: "World Bank", cue: "says"}},
	},
	{
		name: "colon then a pronoun adds a reported clause",
		body: "Manager Eddie Brown said: “I am delighted for the players.” He added that the club deserved the title after a long season.",
		ents: []string{"PERSON:Eddie Brown|Brown"},
		want: []want{
			{kind: "direct", text: "I am delighted for the players", speaker: "Eddie Brown", cue: "said"},
			{kind: "reported", text: "the club deserved the title", speaker: "Eddie Brown", cue: "added"},
		},
	},
	{
		name: "interview transcript: the speaker as a label",
		body: "How has the war changed the city?\n\nMayor Klitschenko: “We are tired, but we are still here. Every bridge is open.”",
		ents: []string{"PERSON:Mayor Klitschenko|Klitschenko"},
		want: []want{{kind: "direct", text: "We are tired, but we are still here", speaker: "Mayor Klitschenko"}},
	},
	{
		name: "a spokesman for the body named before",
		body: "The Rail Delivery Group, which represents train operators, welcomed the deal. A spokesman for the group said the offer was affordable.",
		ents: []string{"ORG:Rail Delivery Group", "PERSON:spokesman"},
		want: []want{{kind: "reported", text: "the offer was affordable", speaker: "Rail Delivery Group", cue: "said"}},
	},
	{
		name: "told a regular news briefing",
		body: "Spokesperson Guo Jia told a regular news briefing that the two sides would hold talks in May.",
		ents: []string{"PERSON:Guo Jia|Guo"},
		want: []want{{kind: "reported", text: "the two sides would hold talks in May", speaker: "Guo Jia", cue: "told", channel: "press conference"}},
	},
	{
		name: "he: the new subject, whose description the tagger may read as a verb",
		body: "“They never asked any of us,” said Bethan Morgan, who chairs the village group.\n\nHer neighbour, retired farmer Gwyn Davies, 78, agreed. “My family has farmed here for five generations,” he said.",
		ents: []string{"PERSON:Bethan Morgan|Morgan", "PERSON:Gwyn Davies|Davies"},
		want: []want{
			{kind: "direct", text: "They never asked any of us", speaker: "Bethan Morgan"},
			{kind: "direct", text: "My family has farmed here", speaker: "Gwyn Davies", cue: "said"},
		},
	},
	{
		name: "words chanted by a crowd named before",
		body: "Thousands of protesters gathered outside parliament on Monday. “We want justice for the victims,” they chanted.",
		ents: []string{"GROUP:protesters"},
		want: []want{{kind: "direct", text: "We want justice for the victims", speaker: "protesters", cue: "chanted"}},
	},
	{
		name: "according to X after a quotation, X described",
		body: "“We will keep coming back until they resign,” according to Luka Petrovic, a student organiser.",
		ents: []string{"PERSON:Luka Petrovic|Petrovic"},
		want: []want{{kind: "direct", text: "We will keep coming back", speaker: "Luka Petrovic", cue: "according to"}},
	},
	{
		name: "quoted as saying by an agency",
		body: "“We see no reason to change course,” Energy Minister Olga Petrenko was quoted as saying by Interfax.",
		ents: []string{"PERSON:Olga Petrenko|Petrenko", "ORG:Interfax"},
		want: []want{{kind: "direct", text: "We see no reason to change course", speaker: "Olga Petrenko", cue: "saying"}},
	},
	{
		name: "told a paper, colon, quotation in the next paragraph",
		body: "Trader Nina Gold, 54, told the Guardian:\n\n“Everyone is nervous. Nobody wants to be caught short when the next attack comes.”",
		ents: []string{"PERSON:Nina Gold|Gold", "ORG:Guardian"},
		want: []want{{kind: "direct", text: "Everyone is nervous", speaker: "Nina Gold", cue: "told"}},
	},
	{
		name: "records qualified by the keeper's word",
		body: "The Bureau of Prisons has not commented. Two guards were asleep during the night shift, according to federal prison records.",
		ents: []string{"ORG:Bureau of Prisons"},
		want: []want{{kind: "reported", text: "Two guards were asleep", speaker: "Bureau of Prisons", cue: "according to"}},
	},
	{
		name: "she: two women, the new subject",
		body: "Ms. Chen, 61, proposed the merger. “I knew we could not both survive another year,” she said.\n\nMs. Alvarez was skeptical at first. She said she worried about losing her regular customers.",
		ents: []string{"PERSON:Ms. Chen|Chen", "PERSON:Ms. Alvarez|Alvarez"},
		want: []want{
			{kind: "direct", text: "I knew we could not both survive", speaker: "Ms. Chen", cue: "said"},
			{kind: "reported", text: "she worried about losing her regular customers", speaker: "Ms. Alvarez", cue: "said"},
		},
	},
}

// entsWithRoles is ents where a spec "TYPE/role:..." also sets the
// entity's role.
func entsWithRoles(d *doc.Doc, specs ...string) {
	roles := make([]string, len(specs))
	plain := make([]string, len(specs))
	for i, s := range specs {
		typ, rest, _ := strings.Cut(s, ":")
		typ, roles[i], _ = strings.Cut(typ, "/")
		plain[i] = typ + ":" + rest
	}
	ents(d, plain...)
	for i := range d.Entities {
		d.Entities[i].Role = roles[i]
	}
}

func TestStyles(t *testing.T) {
	q := newQuoter(t)
	for _, tt := range styleCases {
		t.Run(tt.name, func(t *testing.T) {
			d := newDoc(t, tt.body)
			entsWithRoles(d, tt.ents...)
			q.Run(d)
			checkSpans(t, d)
			checkWant(t, d, tt.want)
		})
	}
}

// checkWant compares the quotes of d with want, in order.
func checkWant(t *testing.T, d *doc.Doc, wants []want) {
	t.Helper()
	if len(d.Quotes) != len(wants) {
		t.Errorf("got %d quotes, want %d:", len(d.Quotes), len(wants))
		for _, g := range d.Quotes {
			t.Logf("  %s %q speaker=%s cue=%q", g.Kind, g.Text, g.Speaker, g.Cue)
		}
	}
	for i, w := range wants {
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
}
