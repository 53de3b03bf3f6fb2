package export

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle/chronicle/store"
)

// GDELTColumns are the 61 columns of GDELT 2.0's event table, in order.
var GDELTColumns = func() []string {
	cols := []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"}
	actor := []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
		"Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, c := range actor {
			cols = append(cols, a+c)
		}
	}
	cols = append(cols, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
		"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
	geo := []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"}
	for _, g := range []string{"Actor1Geo_", "Actor2Geo_", "ActionGeo_"} {
		for _, c := range geo {
			cols = append(cols, g+c)
		}
	}
	return append(cols, "DATEADDED", "SOURCEURL")
}()

// Column positions used when filling a row.
const (
	colID           = 0
	colSQLDate      = 1
	colActor1       = 5
	colActor2       = 15
	colEventCode    = 26
	colQuadClass    = 29
	colNumMentions  = 31
	colActionGeo    = 51
	colDateAdded    = 59
	colSourceURL    = 60
	actorCode       = 0
	actorName       = 1
	actorCountry    = 2
	actorKnownGroup = 3
	actorType1      = 7
	geoFullName     = 1
)

// GDELT writes events as GDELT 2.0 event rows: tab-separated, 61 columns,
// no quoting, optionally after a header line. Columns Chronicle does not
// know (ethnicity, religion, tone, Goldstein, coordinates, FIPS geography)
// are left empty; see README.md for how each filled column is derived.
func GDELT(w io.Writer, events iter.Seq2[store.Event, error], header bool) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	if header {
		bw.WriteString(strings.Join(GDELTColumns, "\t"))
		bw.WriteByte('\n')
	}
	row := make([]string, len(GDELTColumns))
	n := 0
	for e, err := range events {
		if err != nil {
			return n, fmt.Errorf("export csv: %w", err)
		}
		gdeltRow(row, &e)
		for i, v := range row {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(v)
		}
		if err := bw.WriteByte('\n'); err != nil {
			return n, fmt.Errorf("export csv: %w", err)
		}
		n++
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export csv: %w", err)
	}
	return n, nil
}

// gdeltRow fills row with the columns of e.
func gdeltRow(row []string, e *store.Event) {
	clear(row)
	row[colID] = strconv.FormatInt(e.ID, 10)
	// SQLDATE is when the event happened; GDELT requires one, so an
	// undated event takes its first report's publication day, as GDELT's
	// own rows mostly do.
	when := e.FirstSeen
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		when = t
	}
	if !when.IsZero() {
		row[colSQLDate] = when.Format("20060102")
		row[colSQLDate+1] = when.Format("200601")
		row[colSQLDate+2] = when.Format("2006")
		frac := float64(when.YearDay()) / 365
		row[colSQLDate+3] = strconv.FormatFloat(float64(when.Year())+frac, 'f', 4, 64)
	}
	actor(row[colActor1:colActor1+10], e.Source)
	actor(row[colActor2:colActor2+10], e.Target)
	if c := e.Cameo; c != "" {
		row[colEventCode] = c
		row[colEventCode+1] = c[:min(3, len(c))]
		row[colEventCode+2] = store.Root(c)
	}
	if e.Quad != 0 {
		row[colQuadClass] = strconv.Itoa(e.Quad)
	}
	row[colNumMentions] = strconv.Itoa(e.NumMentions)
	row[colNumMentions+1] = strconv.Itoa(e.NumSources)
	row[colNumMentions+2] = strconv.Itoa(e.NumArticles)
	if e.Location != nil {
		row[colActionGeo+geoFullName] = clean(e.Location.Name)
	}
	if !e.Added.IsZero() {
		row[colDateAdded] = e.Added.UTC().Format("20060102150405")
	}
	// SOURCEURL is a URL or, failing one, a citation: the outlet, else
	// the article's content hash.
	for _, s := range []string{e.FirstURL, e.FirstSource, e.FirstArticle} {
		if row[colSourceURL] = clean(s); row[colSourceURL] != "" {
			break
		}
	}
}

// actor fills the ten actor columns. The CAMEO actor code is the country
// (or international body) code followed by the role code, as in GDELT
// ("USAGOV", "IGOUNO" style codes are approximated by country + sector).
func actor(cols []string, r *store.EntityRef) {
	if r == nil {
		return
	}
	cols[actorName] = clean(r.Name)
	cols[actorCode] = r.Country + r.Sector
	if isISO3(r.Country) && r.Sector != "IGO" {
		cols[actorCountry] = r.Country
	} else {
		cols[actorKnownGroup] = r.Country
	}
	cols[actorType1] = r.Sector
}

// isISO3 reports whether c has the shape of an ISO 3166-1 alpha-3 code;
// IGO codes of other lengths (EU, NATO) go to the known-group column.
func isISO3(c string) bool {
	if len(c) != 3 {
		return false
	}
	switch c {
	case "UNO", "IGO", "NGO", "IMG":
		return false
	}
	return true
}

// clean keeps a value on one line and in one column.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\r' || r == '\n' }), " ")
}
