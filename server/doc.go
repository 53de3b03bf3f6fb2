// Package server is Chronicle's HTTP face: a JSON API over a store.Reader
// and the web page that draws it, embedded in the binary (plain HTML, CSS
// and JavaScript under web/; no build step, nothing fetched from elsewhere).
//
// Endpoints (all GET unless said; lists answer {"items", "limit", "offset",
// "next_offset"}, with next_offset null on the last page):
//
//	/api/stats                     counts of what is stored
//	/api/events                    merged events, newest first: actor (name, alias or
//	                               country code), actor_id, type (PLOVER), status,
//	                               from, to (YYYY-MM-DD), article, story, limit, offset
//	/api/events/{id}               one event with every report of it (evidence)
//	/api/entities                  canonical entities: name (prefix), type, country
//	/api/entities/{id}             one entity with its roles, aliases, quotes and
//	                               events as source and as target
//	/api/articles                  articles, newest first: source, from, to, entity,
//	                               story, duplicates (true/false)
//	/api/articles/{id}             one article with its analysis in the contract's
//	                               shape, its sentences and links to entities and events
//	/api/quotes                    quotes: speaker, speaker_id, article, kind, from, to
//	/api/search?q=                 full text over articles and quotes: kind
//	/api/timeline                  events per day and type: type, from, to, actor,
//	                               actor_id, bucket (day, week, month, auto)
//	/api/network                   actor → actor edges with counts by type: actor,
//	                               actor_id, type, class (cooperation, conflict),
//	                               min_count, limit, offset
//	/api/stories, /api/stories/{id}
//	POST /api/articles             analyse and store the body (JSON Lines, a JSON
//	                               object, dated text; ?published= for plain text);
//	                               needs Authorization: Bearer <token>
//	/healthz                       liveness
//
// A bad parameter, or one the endpoint does not take, is a 400 whose JSON
// names it: {"error": "limit: want an integer from 1 to 10000, got \"0\"",
// "param": "limit"}. An unknown ID is a 404. Each read is bounded by a
// timeout (503 when exceeded), and the HTTP server sets header, read,
// write and idle timeouts.
//
// The server only reads unless it is given a Writer, an Analyzer and a
// token. Successful GET answers are kept for a few seconds per URL, and
// concurrent requests for one URL share one query, so the page's heavy
// answers (the whole timeline and network) cost one query however many
// people look; a write through the API empties that cache.
package server
