package export

import (
	"fmt"
	"io"
	"iter"

	"github.com/parquet-go/parquet-go"

	"github.com/chronicle/chronicle/store"
)

// Row is one event as Parquet export writes it; the column names are the
// parquet tags. Empty strings stand for unknown values; counts that may
// be unknown are optional (null).
type Row struct {
	ID            int64  `parquet:"id"`
	Date          string `parquet:"date"` // YYYY-MM-DD or "" when undated
	Type          string `parquet:"type,dict"`
	Mode          string `parquet:"mode,dict"`
	Cameo         string `parquet:"cameo,dict"`
	Root          string `parquet:"root,dict"`
	QuadClass     int32  `parquet:"quad_class"`
	Class         string `parquet:"class,dict"`
	Status        string `parquet:"status,dict"`
	SourceID      int64  `parquet:"source_id"`
	SourceName    string `parquet:"source_name"`
	SourceCountry string `parquet:"source_country,dict"`
	SourceSector  string `parquet:"source_sector,dict"`
	TargetID      int64  `parquet:"target_id"`
	TargetName    string `parquet:"target_name"`
	TargetCountry string `parquet:"target_country,dict"`
	TargetSector  string `parquet:"target_sector,dict"`
	LocationID    int64  `parquet:"location_id"`
	LocationName  string `parquet:"location_name"`
	Fatalities    *int32 `parquet:"fatalities,optional"`
	Injuries      *int32 `parquet:"injuries,optional"`
	NumMentions   int32  `parquet:"num_mentions"`
	NumSources    int32  `parquet:"num_sources"`
	NumArticles   int32  `parquet:"num_articles"`
	FirstArticle  string `parquet:"first_article"`
	FirstURL      string `parquet:"first_url"`
	FirstSource   string `parquet:"first_source,dict"`
	FirstSeen     string `parquet:"first_seen"` // YYYY-MM-DD
	Added         string `parquet:"added"`      // RFC 3339
	Story         int64  `parquet:"story"`
}

// rowOf converts a store event to a Parquet row.
func rowOf(e *store.Event) Row {
	r := Row{ID: e.ID, Date: e.Date, Type: e.Type, Mode: e.Mode, Cameo: e.Cameo, Root: e.Root,
		QuadClass: int32(e.Quad), Class: store.Class(e.Quad), Status: e.Status,
		NumMentions: int32(e.NumMentions), NumSources: int32(e.NumSources), NumArticles: int32(e.NumArticles),
		FirstArticle: e.FirstArticle, FirstURL: e.FirstURL, FirstSource: e.FirstSource, Story: e.Story}
	if s := e.Source; s != nil {
		r.SourceID, r.SourceName, r.SourceCountry, r.SourceSector = s.ID, s.Name, s.Country, s.Sector
	}
	if t := e.Target; t != nil {
		r.TargetID, r.TargetName, r.TargetCountry, r.TargetSector = t.ID, t.Name, t.Country, t.Sector
	}
	if l := e.Location; l != nil {
		r.LocationID, r.LocationName = l.ID, l.Name
	}
	r.Fatalities, r.Injuries = int32p(e.Fatalities), int32p(e.Injuries)
	if !e.FirstSeen.IsZero() {
		r.FirstSeen = e.FirstSeen.Format("2006-01-02")
	}
	if !e.Added.IsZero() {
		r.Added = e.Added.UTC().Format("2006-01-02T15:04:05Z")
	}
	return r
}

func int32p(p *int) *int32 {
	if p == nil {
		return nil
	}
	v := int32(*p)
	return &v
}

// Parquet writes events as one Parquet file (zstd-compressed row groups of
// Row), buffering a row group at a time.
func Parquet(w io.Writer, events iter.Seq2[store.Event, error]) (int, error) {
	pw := parquet.NewGenericWriter[Row](w, parquet.Compression(&parquet.Zstd))
	buf := make([]Row, 0, batch)
	n := 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if _, err := pw.Write(buf); err != nil {
			return err
		}
		n += len(buf)
		buf = buf[:0]
		return nil
	}
	for e, err := range events {
		if err != nil {
			return n, fmt.Errorf("export parquet: %w", err)
		}
		buf = append(buf, rowOf(&e))
		if len(buf) == cap(buf) {
			if err := flush(); err != nil {
				return n, fmt.Errorf("export parquet: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return n, fmt.Errorf("export parquet: %w", err)
	}
	if err := pw.Close(); err != nil {
		return n, fmt.Errorf("export parquet: %w", err)
	}
	return n, nil
}
