package ingest

import "io"

func readFeed(origin string, r io.Reader, opts Options, yield func(Item) bool) bool {
	return yield(refuse(origin, "feeds are not read yet"))
}

func readWARC(origin string, r io.Reader, opts Options, yield func(Item) bool) bool {
	return yield(refuse(origin, "WARC archives are not read yet"))
}
