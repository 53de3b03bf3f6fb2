package store

import "strings"

// Root returns the two-digit CAMEO root of a code ("195" → "19"), or "".
func Root(cameo string) string {
	if len(cameo) < 2 {
		return ""
	}
	return cameo[:2]
}

// QuadClass returns GDELT's QuadClass of an event: 1 verbal cooperation,
// 2 material cooperation, 3 verbal conflict, 4 material conflict. The CAMEO
// root decides when there is one, as in GDELT (01–05, 06–08, 09–13,
// 14–20); otherwise the PLOVER type's quad from its manual; 0 when neither
// is known.
func QuadClass(cameo, plover string) int {
	if r := Root(cameo); r != "" && r[0] >= '0' && r[0] <= '9' && r[1] >= '0' && r[1] <= '9' {
		n := int(r[0]-'0')*10 + int(r[1]-'0')
		switch {
		case n >= 1 && n <= 5:
			return 1
		case n >= 6 && n <= 8:
			return 2
		case n >= 9 && n <= 13:
			return 3
		case n >= 14 && n <= 20:
			return 4
		}
	}
	switch strings.ToUpper(plover) {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE":
		return 1
	case "COOPERATE", "AID", "RETREAT":
		return 2
	case "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION":
		return 3
	case "PROTEST", "MOBILIZE", "COERCE", "ASSAULT":
		return 4
	}
	return 0
}

// Class returns Cooperation for quad classes 1 and 2, Conflict for 3 and 4,
// and "" otherwise.
func Class(quad int) string {
	switch quad {
	case 1, 2:
		return Cooperation
	case 3, 4:
		return Conflict
	}
	return ""
}

// TypesOf returns the PLOVER types of a class, for filtering by class.
func TypesOf(class string) []string {
	switch class {
	case Cooperation:
		return []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
	case Conflict:
		return []string{"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	}
	return nil
}
