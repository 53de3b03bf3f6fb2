// Package eval measures Chronicle's accuracy against hand annotations in
// the contract's gold format (contract §3), under its matching rules.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
)

// Names is one name or a list of acceptable names; null is no name.
type Names []string

// UnmarshalJSON accepts a string, a list of strings or null.
func (n *Names) UnmarshalJSON(b []byte) error {
	var one *string
	if err := json.Unmarshal(b, &one); err == nil {
		*n = nil
		if one != nil {
			*n = Names{*one}
		}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("want a name, a list of names or null: %w", err)
	}
	*n = many
	return nil
}

// Gold is the hand annotation of one article.
type Gold struct {
	Published string       `json:"published"`
	Quotes    []GoldQuote  `json:"quotes"`
	Events    []GoldEvent  `json:"events"`
	Timexes   []GoldTimex  `json:"timexes"`
	Entities  []GoldEntity `json:"entities"`
}

// GoldQuote is one annotated quotation.
type GoldQuote struct {
	Speaker        Names   `json:"speaker"`
	SpeakerCountry *string `json:"speaker_country"`
	TextContains   string  `json:"text_contains"`
	Kind           string  `json:"kind"`
	Optional       bool    `json:"optional"`
}

// GoldEvent is one annotated event.
type GoldEvent struct {
	Date          *string `json:"date"`
	Type          Names   `json:"type"`
	Source        Names   `json:"source"`
	SourceCountry *string `json:"source_country"`
	Target        Names   `json:"target"`
	TargetCountry *string `json:"target_country"`
	Evidence      Names   `json:"evidence"`
	Fatalities    *int    `json:"fatalities"`
	Optional      bool    `json:"optional"`
}

// GoldTimex is one annotated time expression.
type GoldTimex struct {
	Text     string `json:"text"`
	Value    string `json:"value"`
	Optional bool   `json:"optional"`
}

// GoldEntity is one annotated entity with its surface forms.
type GoldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Country  *string  `json:"country"`
	Mentions []string `json:"mentions"`
	Optional bool     `json:"optional"`
}

// ReadGold reads one gold file.
func ReadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &g, nil
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
