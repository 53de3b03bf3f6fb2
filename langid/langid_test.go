package langid

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, body, lang string
		confident        bool
	}{
		{"english", "The embassy was attacked on Tuesday by protesters who had gathered outside the gates after the funeral of the fighters killed in the air strikes. Officials said the ambassador was not in the building at the time.", "en", true},
		{"portuguese", "O serviço de atendimento domiciliar registrou um arrombamento em dois veículos durante a madrugada desta terça-feira. A polícia foi chamada e está investigando o caso, segundo a prefeitura da cidade.", "pt", true},
		{"spanish", "El gobierno anunció este martes nuevas medidas para contener la inflación, que alcanzó su nivel más alto en una década, según los datos publicados por el instituto nacional de estadística.", "es", true},
		{"german", "Die Regierung hat am Dienstag neue Maßnahmen gegen die Inflation angekündigt, die den höchsten Stand seit zehn Jahren erreicht hat, wie das Statistische Bundesamt mitteilte.", "de", true},
		{"russian", "Правительство во вторник объявило о новых мерах по сдерживанию инфляции, которая достигла самого высокого уровня за десятилетие, сообщает статистическое ведомство.", "ru", true},
		{"too short", "Hello there", "", false},
		{"empty", "", "", false},
		{"digits only", "12 34 56 -- 78", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang, ok := Detect(tt.body)
			if ok != tt.confident {
				t.Errorf("confident = %v, want %v (lang %q)", ok, tt.confident, lang)
			}
			if tt.lang != "" && lang != tt.lang {
				t.Errorf("lang = %q, want %q", lang, tt.lang)
			}
			if tt.body == "" && lang != "" {
				t.Errorf("lang = %q for an empty body", lang)
			}
		})
	}
}

func TestCut(t *testing.T) {
	s := strings.Repeat("é", 10) // two bytes each
	if got := cut(s, 5); got != "éé" {
		t.Errorf("cut = %q", got)
	}
}

func BenchmarkDetect(b *testing.B) {
	body := strings.Repeat("The embassy was attacked on Tuesday by protesters who had gathered outside the gates. ", 100)
	for b.Loop() {
		Detect(body)
	}
}
