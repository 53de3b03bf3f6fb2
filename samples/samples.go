// Package samples ships Chronicle's sample articles inside the binary, so
// that `chronicle demo` and `chronicle bench` run anywhere. The articles
// are fiction written for Chronicle: the people and events are invented,
// the countries and bodies are real. The Kutum articles of 2025-03-06 and
// 2025-03-07 are two outlets' reports of the same airstrike, so the store
// can show one event merged across sources.
package samples

import "embed"

// FS holds the sample articles, in the dated-text form, under articles/.
//
//go:embed articles/*.txt
var FS embed.FS
