/*
 * moderation.h - the moderators' API under /api/v1/moderation/ (docs/MODERATION.md; its
 * rows are in routes.c): hide, unhide, mark duplicates, resolve identity flags, the log.
 *
 * Actions need a bearer token of role moderator; reading (proposals, campaigns, flags,
 * the log), moderator or staff (checked by routes.c). The parsers are exposed for the unit
 * tests and the fuzzer; the structs they fill own their strings (moderation_body_free).
 */
#ifndef KENES_MODERATION_H
#define KENES_MODERATION_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"
#include "routes.h"

#define MODERATION_REASON_MAX 1000 /* characters (code points) */

enum {
	MODERATION_FIELD_OF = 1u << 0,       /* "of": the original's id (duplicate) */
	MODERATION_FIELD_DECISION = 1u << 1, /* "decision": hide or keep (resolve), required */
};

struct moderation_body {
	char *reason;     /* NFC, trimmed, 1..MODERATION_REASON_MAX characters; NULL on failure */
	char of[24];      /* the original's id, "" when absent */
	char decision[8]; /* "hide", "keep" or "" */
};

/*
 * A JSON body with a required "reason" and the fields `allowed` names (a mask of the
 * MODERATION_FIELD_ values); anything else is 422 unknown_field. False with every problem
 * in errs (400 for a body that is not a JSON object, 422 per field).
 */
bool moderation_body_parse(const char *body, size_t len, unsigned allowed, struct moderation_body *out,
			   struct errors *errs);
void moderation_body_free(struct moderation_body *b);

struct moderation_list_query {
	char from[11], to[11]; /* YYYY-MM-DD (UTC days, inclusive) or "" */
	char status[9];        /* flags: open (default), resolved or all */
	char after[24];        /* only entries with a larger id; "0" by default */
	char limit[8];         /* page size, as text for the query */
	bool csv, bom;         /* log: format=csv, bom=1 */
};

/* The query string of GET log (is_log) or GET flags. False with every problem in errs. */
bool moderation_list_query_parse(const char *query, bool is_log, struct moderation_list_query *q,
				 struct errors *errs);

/* The rows of routes.c under /api/v1/moderation/ (the match's arg is the action, or the list). */
route_handler moderation_act_proposal, moderation_act_campaign, moderation_resolve;
route_handler moderation_proposal, moderation_campaign, moderation_list;

#endif
