/*
 * created.h - the 201 body of a stored proposal, written by the handler rather than by the
 * database (docs/BENCHMARKS.md: building it in SQL was most of the database's cost).
 *
 * The bytes are exactly those PostgreSQL writes for kenes.proposal_json_by_id's jsonb as
 * text (what GET /api/v1/proposals/{id} answers): keys in jsonb's order (shorter first, then
 * bytewise), ", " and ": " between items, PostgreSQL's string escapes, topics in the order
 * of the consultation's topic list. Only the insert knows the id and created_at, so the body
 * is made of pieces around them:
 *
 *     {"id": ID  MID  CREATED_AT  TAIL
 *
 * where CREATED_AT is the timestamp as PostgreSQL writes it in JSON (with its quotes). The
 * database stores the same pieces for idempotent replays, so a replay is byte-identical.
 * Every function here allocates what it returns; the caller frees it.
 */
#ifndef KENES_CREATED_H
#define KENES_CREATED_H

#include <stdbool.h>

#include "buf.h"
#include "proposal.h"

/* Appends MID and TAIL for the validated proposal p (status "published", no supports). */
void created_body_parts(const struct proposal *p, struct buf *mid, struct buf *tail);
/* The whole body from its pieces. */
char *created_body(long long id, const char *mid, const char *created_at_json, const char *tail);
/* Appends s as a JSON string the way PostgreSQL's escape_json does (quotes included). */
void created_json_string(struct buf *b, const char *s);
/* Appends a member, after a comma, whose value is the string value or null: spaced as
 * PostgreSQL writes jsonb (", " and ": "), or compact (the jobs sent to the database). */
void created_json_member(struct buf *b, const char *key, const char *value, bool spaced);

#endif
