package server

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle/chronicle/doc"
	"github.com/chronicle/chronicle/store"
)

// paramError is a bad query parameter. It becomes a 400 answer whose JSON
// names the parameter, so that a client can point at the field at fault.
type paramError struct {
	Param string
	Msg   string
}

func (e *paramError) Error() string { return e.Param + ": " + e.Msg }

// params reads a request's query parameters. Each getter marks its
// parameter as known and records the first problem; done then reports that
// problem, or a parameter no getter asked for (a typo must not silently
// widen a query).
type params struct {
	v    url.Values
	used map[string]bool
	err  *paramError
}

func newParams(v url.Values) *params {
	return &params{v: v, used: make(map[string]bool, len(v))}
}

func (p *params) fail(name, format string, args ...any) {
	if p.err == nil {
		p.err = &paramError{Param: name, Msg: fmt.Sprintf(format, args...)}
	}
}

// str returns the parameter's value, trimmed, or "" when absent.
func (p *params) str(name string) string {
	p.used[name] = true
	vs, ok := p.v[name]
	if !ok {
		return ""
	}
	if len(vs) > 1 {
		p.fail(name, "given %d times; give it once", len(vs))
		return ""
	}
	s := strings.TrimSpace(vs[0])
	if len(s) > 500 {
		p.fail(name, "longer than 500 bytes")
		return ""
	}
	return s
}

// num returns an integer parameter within [lo, hi], or def when absent.
func (p *params) num(name string, lo, hi, def int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail(name, "want an integer from %d to %d, got %q", lo, hi, s)
		return def
	}
	return n
}

// id returns a positive record ID, or 0 when absent.
func (p *params) id(name string) int64 {
	s := p.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		p.fail(name, "want a positive integer ID, got %q", s)
		return 0
	}
	return n
}

// date returns a YYYY-MM-DD parameter, or "" when absent.
func (p *params) date(name string) string {
	s := p.str(name)
	if s == "" {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		p.fail(name, "want a date as YYYY-MM-DD, got %q", s)
		return ""
	}
	return s
}

// dateRange returns the from and to parameters, checking their order.
func (p *params) dateRange() (from, to string) {
	from, to = p.date("from"), p.date("to")
	if from != "" && to != "" && from > to {
		p.fail("to", "%s is before from=%s", to, from)
	}
	return from, to
}

// oneOf returns a parameter that must be one of allowed; fold says how
// the value is normalised first (strings.ToUpper for PLOVER types ...).
func (p *params) oneOf(name string, allowed []string, fold func(string) string) string {
	s := p.str(name)
	if s == "" {
		return ""
	}
	s = fold(s)
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	p.fail(name, "want one of %s, got %q", strings.Join(allowed, ", "), s)
	return ""
}

// boolean returns a true/false parameter, or nil when absent.
func (p *params) boolean(name string) *bool {
	s := p.str(name)
	if s == "" {
		return nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail(name, "want true or false, got %q", s)
		return nil
	}
	return &b
}

// page reads limit and offset.
func (p *params) page() store.Page {
	return store.Page{
		Limit:  p.num("limit", 1, store.MaxLimit, store.DefaultLimit),
		Offset: p.num("offset", 0, 10_000_000, 0),
	}
}

// done returns the first problem met, or names an unknown parameter.
func (p *params) done() error {
	if p.err != nil {
		return p.err
	}
	var unknown []string
	for k := range p.v {
		if !p.used[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	known := make([]string, 0, len(p.used))
	for k := range p.used {
		known = append(known, k)
	}
	sort.Strings(known)
	msg := "unknown parameter"
	if len(known) > 0 {
		msg += "; this endpoint takes " + strings.Join(known, ", ")
	}
	return &paramError{Param: unknown[0], Msg: msg}
}

// Value sets of the contract, for validating filters.
var (
	ploverTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
		"RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
		"MOBILIZE", "COERCE", "ASSAULT"}
	statuses    = []string{doc.Asserted, doc.Alleged, doc.Denied, doc.Negated, doc.Hypothetical}
	quoteKinds  = []string{doc.QuoteDirect, doc.QuoteReported, doc.QuotePost}
	entityTypes = []string{doc.PERSON, doc.ORG, doc.GPE, doc.LOC, doc.FAC, doc.GROUP}
	classes     = []string{store.Cooperation, store.Conflict}
	hitKinds    = []string{"article", "quote"}
)
