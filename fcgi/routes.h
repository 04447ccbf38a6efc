/*
 * routes.h - every endpoint as one row of a table (routes.c): its methods, its path shape,
 * its metrics label, its handler and the role it needs. The page a newcomer opens to find
 * an endpoint; tests/unit/test_routes.c walks it.
 *
 * routes_dispatch answers what no row takes (404, or 405 with Allow), sets the metrics label
 * and checks the bearer token's role before a handler runs; a handler answers exactly once
 * through the reply_* helpers of request.h. Matches borrow from the request's path.
 */
#ifndef KENES_ROUTES_H
#define KENES_ROUTES_H

#include <stddef.h>

#include "request.h"

enum route_method { METHOD_GET = 1u << 0 /* and HEAD */, METHOD_POST = 1u << 1, METHOD_DELETE = 1u << 2 };

/* What a path said: its {id} or {int} (decimal, no leading zero), its {slug}. */
struct route_match {
	char id[24];      /* "" when the shape has none */
	const char *slug; /* NULL when none; as the last segment borrowed from the path, else
				slug_copy (a slug mid-path is at most 63 bytes) */
	char slug_copy[64];
	const char *arg;     /* the row's arg */
	char token_hash[65]; /* the bearer token's SHA-256 in hex, when the row needs a role;
				for a staff session's row, the session's binding (staff_session.h) */
	unsigned role;       /* a staff session's role (enum auth_role); 0 elsewhere */
};

typedef void route_handler(struct request *req, const struct route_match *m);

struct route {
	unsigned methods;       /* enum route_method */
	const char *path;       /* segments: literal, {id} (< 10^18), {int} (< 2^31), {slug} */
	enum route_label label; /* metrics */
	route_handler *handle;
	unsigned role;   /* enum auth_role mask the token must have, or with STAFF_SESSION
			    (staff_session.h) the staff session must have; 0: public */
	const char *arg; /* passed on in the match (an action, a report kind) */
};

extern const struct route routes[];
extern const size_t routes_count;

/*
 * The row taking `method` on `path` (*m filled), or NULL. When rows match the path but not
 * the method, *allow is their methods and *first the first of them; else *allow is 0.
 */
const struct route *routes_find(const char *method, const char *path, struct route_match *m, unsigned *allow,
				const struct route **first);
/* "GET, HEAD, POST": the Allow header of a method set. */
void routes_allow(unsigned methods, char *out, size_t outlen);
/* Routes and answers one request. */
void routes_dispatch(struct request *req);

#endif
