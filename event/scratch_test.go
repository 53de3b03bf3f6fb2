package event

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	c := testCoder(t)
	iran := ent("Iran|GPE|IRN|Tehran")
	for _, tc := range []struct {
		text string
		ents []ent
	}{
		{"Iran was accused of orchestrating the attack on the French Embassy in Bamako.", []ent{iran, embassy, bamako}},
		{"India accused Iran of coordinating the assault on the French Embassy.", []ent{india, iran, embassy}},
		{"Iran dismissed the allegations about Tehran orchestrating the assault on the French Embassy.", []ent{iran, embassy}},
		{"Pakistan did not attack India.", []ent{pakistan, india}},
		{"Pakistan denied attacking India.", []ent{pakistan, india}},
		{"Pakistan will attack India.", []ent{pakistan, india}},
		{"Pakistan could attack India if talks fail.", []ent{pakistan, india}},
		{"Will Pakistan attack India?", []ent{pakistan, india}},
		{"Sahel rebels attacked the French Embassy in Bamako, killing 12 people and wounding 30.", []ent{rebels, embassy, bamako}},
		{"Twelve people were killed when Sahel rebels stormed the French Embassy.", []ent{rebels, embassy}},
		{"Sahel rebels shelled Bamako, leaving 7 dead.", []ent{rebels, bamako}},
		{"In a late call, Omar Sharif thanked Lena Modi for her condemnation of the attack on the French Embassy in Bamako.", []ent{sharif, modi, embassy, bamako}},
	} {
		d := build(t, tc.text, tc.ents...)
		c.Run(d)
		fmt.Println(tc.text)
		for _, e := range append(d.Events, d.OtherEvents...) {
			f, in := "-", "-"
			if e.Fatalities != nil {
				f = fmt.Sprint(*e.Fatalities)
			}
			if e.Injuries != nil {
				in = fmt.Sprint(*e.Injuries)
			}
			loc := "-"
			if x := d.Entity(e.Location); x != nil {
				loc = x.Name
			}
			fmt.Printf("   %s mode=%s claim=%s loc=%s dead=%s inj=%s\n", String(d, e), e.Mode, e.ClaimedBy, loc, f, in)
		}
	}
}
