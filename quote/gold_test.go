package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/entity"
)

// The gold files live outside the project (../shared); these tests read
// them in place and skip when they are absent.

type goldFile struct {
	Published string      `json:"published"`
	Quotes    []goldQuote `json:"quotes"`
	Entities  []struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Country  string   `json:"country"`
		Mentions []string `json:"mentions"`
	} `json:"entities"`
}

type goldQuote struct {
	Speaker  json.RawMessage `json:"speaker"`
	Country  string          `json:"speaker_country"`
	Text     string          `json:"text_contains"`
	Kind     string          `json:"kind"`
	Optional bool            `json:"optional"`
}

func (g goldQuote) names() []string {
	var one string
	if json.Unmarshal(g.Speaker, &one) == nil {
		return []string{one}
	}
	var many []string
	json.Unmarshal(g.Speaker, &many)
	return many
}

// loadGold reads NAME.txt and NAME.json and builds a Doc whose entities are
// the gold entities, found in the body by their surface forms: it measures
// this stage alone, apart from the entity stage's errors.
func loadGold(t testing.TB, txt string) (*doc.Doc, goldFile) {
	t.Helper()
	raw, err := os.ReadFile(txt)
	if err != nil {
		t.Skipf("gold data not available: %v", err)
	}
	var g goldFile
	js, err := os.ReadFile(strings.TrimSuffix(txt, ".txt") + ".json")
	if err != nil {
		t.Skipf("gold data not available: %v", err)
	}
	if err := json.Unmarshal(js, &g); err != nil {
		t.Fatalf("%s: %v", txt, err)
	}
	body := strings.TrimSpace(string(raw))
	body = regexp.MustCompile(`^date \d{4}-\d\d-\d\d\s*`).ReplaceAllString(body, "")
	d := newDoc(t, body)
	taken := make([]bool, len(body))
	type form struct {
		text string
		ent  int
	}
	var forms []form
	for i, e := range g.Entities {
		d.Entities = append(d.Entities, doc.Entity{ID: "E" + itoa(i+1), Name: e.Name, Type: e.Type, Country: e.Country})
		for _, f := range e.Mentions {
			if f != "" {
				forms = append(forms, form{f, i})
			}
			if strings.HasPrefix(f, "@") {
				d.Entities[i].Handles = append(d.Entities[i].Handles, f)
			}
		}
	}
	sort.SliceStable(forms, func(a, b int) bool { return len(forms[a].text) > len(forms[b].text) })
	for _, f := range forms {
		ent := &d.Entities[f.ent]
		for off := 0; ; {
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
			ent.Mentions = append(ent.Mentions, doc.Mention{Span: d.SpanOf(s, e), Kind: doc.MentionName})
		}
	}
	for i := range d.Entities {
		m := d.Entities[i].Mentions
		sort.Slice(m, func(a, b int) bool { return m[a].Start < m[b].Start })
	}
	return d, g
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

var markStrip = strings.NewReplacer("“", "", "”", "", "\"", "", "‘", "", "’", "", "'", "")

func norm(s string) string { return strings.ToLower(markStrip.Replace(s)) }

// speakerRight applies the contract's rule: the last word of an acceptable
// name among the words of the entity's name or mentions, or, for a state or
// body, an entity of its country.
func speakerRight(d *doc.Doc, g goldQuote, id string) bool {
	e := d.Entity(id)
	if e == nil {
		return false
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(e.Name)) {
		words[w] = true
	}
	for _, m := range e.Mentions {
		for _, w := range strings.Fields(strings.ToLower(m.Text)) {
			words[strings.Trim(w, "@#")] = true
		}
	}
	for _, n := range g.names() {
		f := strings.Fields(strings.ToLower(n))
		if len(f) > 0 && words[f[len(f)-1]] {
			return true
		}
	}
	return e.Type == doc.GPE && e.Country == g.Country && g.Country != ""
}

type score struct{ gold, found, right, extracted, wrong int }

func scoreDoc(t *testing.T, name string, d *doc.Doc, g goldFile, verbose bool) score {
	var s score
	used := make([]bool, len(d.Quotes))
	neutral := make([]bool, len(d.Quotes))
	for _, gq := range g.Quotes {
		hit := -1
		for i, q := range d.Quotes {
			if !used[i] && strings.Contains(norm(q.Text), norm(gq.Text)) {
				hit = i
				break
			}
		}
		if gq.Optional {
			if hit >= 0 {
				used[hit], neutral[hit] = true, true
			}
			continue
		}
		s.gold++
		if hit < 0 {
			if verbose {
				t.Logf("%s MISS %s %q (%v)", name, gq.Kind, gq.Text, gq.names())
			}
			continue
		}
		used[hit] = true
		s.found++
		if speakerRight(d, gq, d.Quotes[hit].Speaker) {
			s.right++
		} else if verbose {
			sp := "-"
			if e := d.Entity(d.Quotes[hit].Speaker); e != nil {
				sp = e.Name
			}
			t.Logf("%s SPEAKER %q: got %s want %v", name, gq.Text, sp, gq.names())
		}
	}
	for i, q := range d.Quotes {
		if neutral[i] {
			continue
		}
		s.extracted++
		if !used[i] {
			s.wrong++
			if verbose {
				t.Logf("%s EXTRA %s %q", name, q.Kind, clip(q.Text))
			}
		}
	}
	return s
}

func clip(s string) string {
	if len(s) > 90 {
		return s[:90] + "..."
	}
	return s
}

func TestSeedGold(t *testing.T) {
	q := newQuoter(t)
	d, g := loadGold(t, "../../shared/seed/baghdad-embassy-2020-01-02.txt")
	q.Run(d)
	s := scoreDoc(t, "seed", d, g, true)
	t.Logf("seed: gold %d found %d right speaker %d; extracted %d, unmatched %d", s.gold, s.found, s.right, s.extracted, s.wrong)
	if s.found < s.gold || s.right < s.gold {
		t.Errorf("seed: found %d/%d quotes, %d with the right speaker", s.found, s.gold, s.right)
	}
}

// TestDevGold measures the stage on the dev corpus with the gold entities;
// TestDevGoldEntity with the entity stage's, as the pipeline runs it.
func TestDevGold(t *testing.T)       { devGold(t, false) }
func TestDevGoldEntity(t *testing.T) { devGold(t, true) }

func devGold(t *testing.T, real bool) {
	files, _ := filepath.Glob("../../shared/corpora/dev-gold/*.txt")
	if len(files) == 0 {
		t.Skip("dev-gold corpus not available at ../../shared/corpora/dev-gold")
	}
	files = append(files, "../../shared/seed/baghdad-embassy-2020-01-02.txt")
	q := newQuoter(t)
	rec, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	var tot score
	for _, f := range files {
		d, g := loadGold(t, f)
		if real {
			d.Entities = nil
			rec.Run(d)
		}
		q.Run(d)
		s := scoreDoc(t, filepath.Base(f), d, g, testing.Verbose())
		tot.gold += s.gold
		tot.found += s.found
		tot.right += s.right
		tot.extracted += s.extracted
		tot.wrong += s.wrong
	}
	p := float64(tot.extracted-tot.wrong) / float64(max(tot.extracted, 1))
	rc := float64(tot.found) / float64(max(tot.gold, 1))
	sp := float64(tot.right) / float64(max(tot.gold, 1))
	spp := float64(tot.right) / float64(max(tot.extracted, 1))
	t.Logf("dev-gold: gold %d found %d (recall %.3f) extracted %d precision %.3f; speaker-right %d: recall %.3f precision %.3f F1 %.3f",
		tot.gold, tot.found, rc, tot.extracted, p, tot.right, sp, spp, 2*sp*spp/max(sp+spp, 1e-9))
}
