/*
 * json_text.h - PostgreSQL's jsonb text as Jansson's json_dumps(JSON_COMPACT) writes it.
 *
 * The public reads' documents are built by the database (sql/functions/proposal_doc.sql);
 * parsing each into a Jansson tree only to dump it again was the list pages' largest cost
 * in the handler (docs/BENCHMARKS.md, "Reads at 1M proposals"). The input must be the
 * output of jsonb (jsonb_out, `doc::text` of a jsonb): not the json type, which keeps
 * whatever spacing it was given.
 */
#ifndef KENES_JSON_TEXT_H
#define KENES_JSON_TEXT_H

#include <stdbool.h>

#include "buf.h"

/*
 * Appends `jsonb_text` to `out` the way json_dumps(json_loads(jsonb_text), JSON_COMPACT)
 * would write it: without the space jsonb puts after each ',' and ':' between values, and
 * with the \u escapes of control characters in upper-case hex (jsonb writes lower case).
 * Keys keep jsonb's order, as Jansson keeps an object's insertion order. False when `out`
 * reached its limit.
 */
bool json_text_compact(struct buf *out, const char *jsonb_text);

#endif
