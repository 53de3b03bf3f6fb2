// Package export writes merged events from the store in three formats:
// JSON Lines and Parquet with Chronicle's own columns, and a tab-separated
// file in the column layout of GDELT 2.0's event table so that tools built
// for GDELT can read it. README.md lists every column.
package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"

	"github.com/chronicle/chronicle/store"
)

// Formats are the names Write accepts.
var Formats = []string{"jsonl", "csv", "parquet"}

// batch is how many events one query of All fetches.
const batch = 2000

// All streams every event the filter selects, in ID order, paging by ID so
// that memory stays flat however many events there are. The filter's
// paging fields are ignored.
func All(ctx context.Context, r store.Reader, f store.EventFilter) iter.Seq2[store.Event, error] {
	return func(yield func(store.Event, error) bool) {
		f.ByID, f.AfterID = true, 0
		f.Page = store.Page{Limit: batch}
		for {
			evs, err := r.Events(ctx, f)
			if err != nil {
				yield(store.Event{}, err)
				return
			}
			for _, e := range evs {
				if !yield(e, nil) {
					return
				}
			}
			if len(evs) < batch {
				return
			}
			f.AfterID = evs[len(evs)-1].ID
		}
	}
}

// Write writes events to w in format (jsonl, csv or parquet) and returns
// how many it wrote. header adds a first line of column names to csv.
func Write(w io.Writer, format string, events iter.Seq2[store.Event, error], header bool) (int, error) {
	switch format {
	case "jsonl":
		return JSONL(w, events)
	case "csv":
		return GDELT(w, events, header)
	case "parquet":
		return Parquet(w, events)
	}
	return 0, fmt.Errorf("unknown export format %q (want jsonl, csv or parquet)", format)
}

// Record is one event as JSON Lines export writes it: the store's event
// plus its cooperation/conflict class.
type Record struct {
	store.Event
	Class string `json:"class"`
}

// JSONL writes one JSON object per event.
func JSONL(w io.Writer, events iter.Seq2[store.Event, error]) (int, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	for e, err := range events {
		if err != nil {
			return n, fmt.Errorf("export jsonl: %w", err)
		}
		if err := enc.Encode(Record{Event: e, Class: store.Class(e.Quad)}); err != nil {
			return n, fmt.Errorf("export jsonl: %w", err)
		}
		n++
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export jsonl: %w", err)
	}
	return n, nil
}
