/*
 * token.h - bearer tokens for the staff and analyst APIs (`kenes-aggregator token ...`).
 *
 * A token is "kns_" and 43 base64url characters (32 random bytes from libsodium). Only
 * its SHA-256 is stored; the token itself is printed once, by token_create, and cannot be
 * recovered: a lost token is revoked and replaced.
 */
#ifndef KENES_TOKEN_H
#define KENES_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "agg.h"
#include "conn.h"

#define TOKEN_PREFIX "kns_"
#define TOKEN_LEN    47 /* "kns_" + 43 */

/* A new random token (NUL-terminated) into out. */
void token_generate(char out[TOKEN_LEN + 1]);
/* The SHA-256 of a token as 64 lower-case hex digits (and a NUL). */
void token_sha256_hex(const char *token, char out[65]);

/* role: staff, analyst or moderator. Prints the token alone on `out`. */
bool token_create(struct conn *c, const char *role, const char *name, FILE *out, struct agg_error *err);
bool token_revoke(struct conn *c, long id, struct agg_error *err);
bool token_list(struct conn *c, FILE *out, struct agg_error *err);

#endif
