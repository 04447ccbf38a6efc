#include "token.h"

#include <sodium.h>
#include <string.h>

#include "log.h"

void token_generate(char out[TOKEN_LEN + 1])
{
	unsigned char bytes[32];

	randombytes_buf(bytes, sizeof(bytes));
	memcpy(out, TOKEN_PREFIX, sizeof(TOKEN_PREFIX) - 1);
	sodium_bin2base64(out + sizeof(TOKEN_PREFIX) - 1, TOKEN_LEN + 1 - (sizeof(TOKEN_PREFIX) - 1), bytes,
			  sizeof(bytes), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(bytes, sizeof(bytes));
}

void token_sha256_hex(const char *token, char out[65])
{
	unsigned char hash[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(hash, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, hash, sizeof(hash));
}

bool token_create(struct conn *c, const char *role, const char *name, FILE *out, struct agg_error *err)
{
	char token[TOKEN_LEN + 1], hash[65], hint[9];
	const char *params[4] = { name, role, hash, hint };
	PGresult *res;
	size_t chars = 0;

	if (strcmp(role, "staff") != 0 && strcmp(role, "analyst") != 0 && strcmp(role, "moderator") != 0)
		return agg_fail(err, AGG_USAGE, "--role must be staff, analyst or moderator, not \"%s\"",
				role);
	for (const char *p = name; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (chars == 0 || chars > 100)
		return agg_fail(err, AGG_USAGE,
				"--name must have 1 to 100 characters (who or what the token is for)");
	if (sodium_init() < 0)
		return agg_fail(err, AGG_FAILED, "libsodium could not be initialised");
	token_generate(token);
	token_sha256_hex(token, hash);
	memcpy(hint, token, 8);
	hint[8] = '\0';
	res = conn_run_row(c, "token_insert", 4, params, "recording the token", err);
	if (res) {
		fprintf(out, "%s\n", token);
		log_info("token %s (%s, \"%s\") created; it is shown only this once, keep it secret",
			 PQgetvalue(res, 0, 0), role, name);
		PQclear(res);
	}
	sodium_memzero(token, sizeof(token));
	return res != NULL;
}

bool token_revoke(struct conn *c, long id, struct agg_error *err)
{
	char n[24];
	const char *params[1] = { n };
	PGresult *res;

	snprintf(n, sizeof(n), "%ld", id);
	res = conn_run(c, "token_revoke", 1, params, "revoking the token", err);
	if (!res)
		return false;
	if (PQntuples(res) == 0)
		agg_fail(err, AGG_NOT_FOUND, "there is no token %ld (see `kenes-aggregator token list`)", id);
	else
		log_info("token %s (%s, \"%s\") revoked at %s", PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 2),
			 PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 3));
	PQclear(res);
	return err->status == AGG_OK;
}

bool token_list(struct conn *c, FILE *out, struct agg_error *err)
{
	PGresult *res = conn_run(c, "token_list", 0, NULL, "listing the tokens", err);

	if (!res)
		return false;
	fprintf(out, "%-4s  %-9s  %-9s  %-20s  %-20s  %-14s  %s\n", "id", "role", "starts", "created",
		"revoked", "created by", "name");
	for (int i = 0; i < PQntuples(res); i++)
		fprintf(out, "%-4s  %-9s  %-9s  %-20s  %-20s  %-14s  %s\n", PQgetvalue(res, i, 0),
			PQgetvalue(res, i, 1), PQgetvalue(res, i, 3), PQgetvalue(res, i, 4),
			PQgetisnull(res, i, 6) ? "-" : PQgetvalue(res, i, 6), PQgetvalue(res, i, 5),
			PQgetvalue(res, i, 2));
	PQclear(res);
	return true;
}
