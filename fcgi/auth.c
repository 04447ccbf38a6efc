#include "auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "log.h"
#include "reply.h"

#define TOKEN_PREFIX "kns_"
#define TOKEN_LEN    47 /* the prefix and 43 base64url characters (32 bytes) */

static const struct {
	const char *name;
	unsigned role;
} roles[] = {
	{ "staff", AUTH_STAFF },
	{ "analyst", AUTH_ANALYST },
	{ "moderator", AUTH_MODERATOR },
};

unsigned auth_role_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i].name, name) == 0)
			return roles[i].role;
	return 0;
}

static bool unauthorized(struct request *req, const char *challenge, const char *code, const char *message)
{
	reply_header(req, "WWW-Authenticate", challenge);
	reply_error(req, 401, code, message);
	return false;
}

/* The token in "Bearer <token>", or NULL when the header is not of that shape. */
static const char *bearer_token(const char *authorization)
{
	const char *p = authorization;
	size_t n;

	if (strncasecmp(p, "Bearer", 6) != 0 || (p[6] != ' ' && p[6] != '\t'))
		return NULL;
	p += 6;
	while (*p == ' ' || *p == '\t')
		p++;
	n = strlen(p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n != TOKEN_LEN || strncmp(p, TOKEN_PREFIX, sizeof(TOKEN_PREFIX) - 1) != 0)
		return NULL;
	for (size_t i = sizeof(TOKEN_PREFIX) - 1; i < n; i++) {
		char c = p[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_'))
			return NULL;
	}
	return p;
}

bool auth_require_or_reply(struct request *req, const char *authorization, unsigned allowed)
{
	char hex[crypto_hash_sha256_BYTES * 2 + 1];

	return auth_require_token_or_reply(req, authorization, allowed, hex);
}

bool auth_require_token_or_reply(struct request *req, const char *authorization, unsigned allowed,
				 char hex[crypto_hash_sha256_BYTES * 2 + 1])
{
	const char *token;
	unsigned char hash[crypto_hash_sha256_BYTES];
	const char *params[1] = { hex };
	PGresult *res;
	unsigned role = 0;
	char role_name[16] = "";

	if (!authorization || !*authorization)
		return unauthorized(req, "Bearer realm=\"kenes\"", "unauthorized",
				    "this resource needs a bearer token: Authorization: Bearer kns_...");
	token = bearer_token(authorization);
	if (!token)
		return unauthorized(req, "Bearer realm=\"kenes\", error=\"invalid_token\"", "invalid_token",
				    "the Authorization header is not a Kenes bearer token");
	/* Only the token's 47 characters: trailing blanks are not part of it. */
	crypto_hash_sha256(hash, (const unsigned char *)token, TOKEN_LEN);
	sodium_bin2hex(hex, crypto_hash_sha256_BYTES * 2 + 1, hash, sizeof(hash));
	res = db_run(req->db, "token_check", 1, params);
	if (!res) {
		if (db_last_error(req->db)->unavailable) {
			reply_unavailable(req);
		} else {
			log_error("checking a token failed: %s", db_last_error(req->db)->message);
			reply_error(req, 500, "internal", "the token could not be checked");
		}
		return false;
	}
	if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		snprintf(role_name, sizeof(role_name), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	role = auth_role_parse(role_name);
	if (!role)
		return unauthorized(req, "Bearer realm=\"kenes\", error=\"invalid_token\"", "invalid_token",
				    "the bearer token is unknown or revoked");
	if (!(role & allowed)) {
		log_info("a %s token was refused on %s", role_name, req->path);
		reply_header(req, "WWW-Authenticate", "Bearer realm=\"kenes\", error=\"insufficient_scope\"");
		reply_error(req, 403, "forbidden", "this token's role may not use this resource");
		return false;
	}
	return true;
}
