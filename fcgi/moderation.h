/*
 * moderation.h - the moderators' API under /api/v1/moderation/ (docs/MODERATION.md).
 *
 *   POST proposals/{id}/hide | unhide | duplicate   {"reason": "…"} (duplicate: and "of": id)
 *   POST campaigns/{id}/hide | unhide               {"reason": "…"}
 *   GET  proposals/{id}, campaigns/{id}             what moderators see, with the history
 *   GET  flags?status=open|resolved|all&after=&limit=
 *   POST flags/{id}/resolve                         {"decision": "hide"|"keep", "reason": "…"}
 *   GET  log?from=&to=&format=json|csv&bom=&after=&limit=
 *
 * Actions need a bearer token of role moderator; reading (proposals, campaigns, flags,
 * the log), moderator or staff. The parsers are exposed for the unit tests and the fuzzer. The structs they fill
 * own their strings; moderation_body_free releases them.
 */
#ifndef KENES_MODERATION_H
#define KENES_MODERATION_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"
#include "request.h"

#define MODERATION_REASON_MAX 1000 /* characters (code points) */

enum moderation_resource {
	MODERATION_NONE,
	MODERATION_PROPOSAL, /* proposals/{id}[/{hide,unhide,duplicate}] */
	MODERATION_CAMPAIGN, /* campaigns/{id}[/{hide,unhide}] */
	MODERATION_FLAG,     /* flags/{id}/resolve */
	MODERATION_FLAGS,    /* flags */
	MODERATION_LOG,      /* log */
};

struct moderation_path {
	enum moderation_resource resource;
	char id[24];     /* the decimal id, without leading zeros; "" for FLAGS and LOG */
	char action[16]; /* hide, unhide, duplicate, resolve; "" to read (and for FLAGS and LOG) */
};

/* Parses what follows "/api/v1/moderation/"; false when it is no resource of ours. */
bool moderation_path_parse(const char *rest, struct moderation_path *out);

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

/* Answers any request under /api/v1/moderation/; `rest` is the path after that prefix. */
void moderation_handle(struct request *req, const char *rest);

#endif
