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

func TestPlainEnglish(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"english news", strings.Repeat("The minister said on Tuesday that the talks with the rebels would resume in the capital after a pause of two weeks, according to officials. ", 5), true},
		{"french", strings.Repeat("Le ministre a déclaré mardi que les pourparlers avec les rebelles reprendraient dans la capitale après une pause de deux semaines, selon des responsables. ", 5), false},
		{"spanish", strings.Repeat("El ministro dijo el martes que las conversaciones con los rebeldes se reanudarían en la capital tras una pausa de dos semanas, según funcionarios. ", 5), false},
		{"german", strings.Repeat("Der Minister sagte am Dienstag, die Gespräche mit den Rebellen würden nach einer Pause von zwei Wochen in der Hauptstadt wieder aufgenommen. ", 5), false},
		{"portuguese", strings.Repeat("O ministro disse na terça-feira que as conversas com os rebeldes seriam retomadas na capital após uma pausa de duas semanas, segundo autoridades. ", 5), false},
		{"short english", "The minister said that the talks would resume.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plainEnglish(tt.text); got != tt.want {
				t.Errorf("plainEnglish = %v, want %v", got, tt.want)
			}
		})
	}
}
