/*
 * auth.h - bearer tokens for the staff and analyst APIs.
 *
 * Tokens are made with `kenes-aggregator token create` ("kns_" and 43 base64url
 * characters); the database keeps only their SHA-256 (sql/migrations/012). The handler
 * hashes what the client presents and asks kenes.staff_token_role for a live token's role.
 */
#ifndef KENES_AUTH_H
#define KENES_AUTH_H

#include <stdbool.h>

#include "request.h"

enum auth_role {
	AUTH_STAFF = 1u << 0,
	AUTH_ANALYST = 1u << 1,
	AUTH_MODERATOR = 1u << 2,
	AUTH_ANY = AUTH_STAFF | AUTH_ANALYST | AUTH_MODERATOR,
};

/* The role named "staff", "analyst" or "moderator" (the database's names); 0 for any other. */
unsigned auth_role_parse(const char *name);

/*
 * True when `authorization` (the Authorization header; NULL or "" when absent) carries a
 * live token whose role is one of `allowed` (a mask of enum auth_role). Otherwise answers
 * and returns false: 401 with WWW-Authenticate when there is no valid token, 403 when its
 * role is not allowed, 503 when the database is unavailable. The token is never logged.
 */
bool auth_require_or_reply(struct request *req, const char *authorization, unsigned allowed);

/*
 * The same, and on success the token's SHA-256 in hex (64 characters and a NUL), for the
 * database functions that look the token up again themselves (to log who acted).
 */
bool auth_require_token_or_reply(struct request *req, const char *authorization, unsigned allowed,
				 char sha256_hex[65]);

#endif
