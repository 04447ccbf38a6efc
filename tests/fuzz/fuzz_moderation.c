/*
 * fuzz_moderation.c - the moderation API's parsers (fcgi/moderation.c): the path after
 * /api/v1/moderation/, the log's and the flags' query strings, and the JSON action bodies
 * with each set of allowed fields; and the CSV writer on whatever a reason may hold.
 *
 * Input: "path\nquery\nbody" (missing lines are empty; the body runs to the end, raw bytes).
 * Checks what callers rely on: a path a row of routes.c takes is a moderation route with a
 * role, and its id is decimal without a leading zero; an accepted body has a clean reason of 1..1000 characters, an `of` that is
 * digits, a decision that is hide or keep; a refusal always says why; a CSV field that
 * starts like a formula is quoted with an apostrophe.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "moderation.h"
#include "routes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *next_line(char **p)
{
	char *line = *p, *nl = strchr(line, '\n');

	if (nl) {
		*nl = '\0';
		*p = nl + 1;
	} else {
		*p = line + strlen(line);
	}
	return line;
}

/* The path under /api/v1/moderation/ through the route table (fcgi/routes.c). */
static void check_path(const char *path)
{
	static const char *const methods[] = { "GET", "POST" };
	char full[4096];
	struct route_match m;
	const struct route *r, *first;
	unsigned allow;

	if (strlen(path) > sizeof(full) - 32)
		return;
	snprintf(full, sizeof(full), "/api/v1/moderation/%s", path);
	for (size_t k = 0; k < 2; k++) {
		r = routes_find(methods[k], full, &m, &allow, &first);
		if (!r) {
			if (m.id[0] || m.arg || (allow && !first))
				abort();
			continue;
		}
		if (r->label != ROUTE_MODERATION || !r->role)
			abort();
		if (strstr(r->path, "{id}") &&
		    (m.id[0] < '1' || m.id[0] > '9' || strspn(m.id, "0123456789") != strlen(m.id) ||
		     strlen(m.id) > 18))
			abort();
	}
}

static void check_body(const char *body, size_t len, unsigned allowed)
{
	struct moderation_body b;
	struct errors errs = { .count = 0 };
	struct buf csv;

	if (!moderation_body_parse(body, len, allowed, &b, &errs)) {
		if (errs.count == 0 || b.reason)
			abort();
		return;
	}
	if (!b.reason || !*b.reason || strlen(b.reason) > 4 * MODERATION_REASON_MAX)
		abort();
	if (strspn(b.of, "0123456789") != strlen(b.of) || (!(allowed & MODERATION_FIELD_OF) && b.of[0]))
		abort();
	if ((allowed & MODERATION_FIELD_DECISION)
		    ? strcmp(b.decision, "hide") != 0 && strcmp(b.decision, "keep") != 0
		    : b.decision[0] != '\0')
		abort();
	buf_init(&csv, 0);
	csv_put(&csv, b.reason, true);
	if (strchr("=+-@\t\r", b.reason[0]) && strncmp(csv.data, "\"'", 2) != 0)
		abort();
	buf_free(&csv);
	moderation_body_free(&b);
}

static void check_query(const char *query, bool is_log)
{
	struct moderation_list_query q;
	struct errors errs = { .count = 0 };

	if (!moderation_list_query_parse(query, is_log, &q, &errs)) {
		if (errs.count == 0)
			abort();
		return;
	}
	if (!q.after[0] || !q.limit[0] || (q.from[0] && strlen(q.from) != 10) ||
	    (!is_log && (q.csv || q.bom)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1), *p = copy, *path, *query;
	size_t body_len;

	memcpy(copy, data, size);
	copy[size] = '\0';
	path = next_line(&p);
	query = next_line(&p);
	body_len = size - (size_t)(p - copy);
	check_path(path);
	check_query(query, true);
	check_query(query, false);
	check_body(p, body_len, 0);
	check_body(p, body_len, MODERATION_FIELD_OF);
	check_body(p, body_len, MODERATION_FIELD_DECISION);
	free(copy);
	return 0;
}
