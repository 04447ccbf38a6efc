#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csrf.h"

static bool key_ok(const char *key)
{
	size_t n = strlen(key);

	if (n == 0 || n > IDEMPOTENCY_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (key[i] <= ' ' || key[i] >= 127)
			return false;
	return true;
}

bool write_guard_check(const struct request *req, bool is_form, const char *form_token, struct write_guard *g,
		       struct errors *errs)
{
	unsigned char mac[32];
	struct buf msg;

	g->key = NULL;
	if (!csrf_same_origin(req->sec_fetch_site, req->origin, req->host))
		return errors_add(errs, ERROR_FORBIDDEN, "cross_site", NULL,
				  "cross-site requests are refused");
	if (is_form && csrf_token_check(form_token, time(NULL)) != CSRF_OK)
		return errors_add(errs, ERROR_FORBIDDEN, "form_expired", NULL,
				  "the form is missing its token or is too old; reload it and submit again");
	if (*req->idempotency_key) {
		if (!key_ok(req->idempotency_key))
			return errors_add(errs, ERROR_MALFORMED, "invalid_idempotency_key", NULL,
					  "Idempotency-Key must be 1 to %d visible ASCII characters",
					  IDEMPOTENCY_KEY_MAX);
		g->key = req->idempotency_key;
	} else if (is_form) {
		g->key = form_token;
	}
	/* Keyed: the body may hold an IIN, which a plain hash would let anyone guess back. */
	buf_init(&msg, 0);
	buf_printf(&msg, "%s\n%s\n%s\n", req->method, req->path, req->content_type ? req->content_type : "");
	buf_append(&msg, req->body ? req->body : "", req->body_len);
	identity_mac("request", (const unsigned char *)msg.data, msg.len, mac);
	buf_free(&msg);
	identity_pseudonym_hex(mac, g->hash);
	return true;
}

static const char *policy_of(const struct consultation *c)
{
	const char *p = json_string_value(json_object_get(json_object_get(c->doc, "identity"), "policy"));
	return p ? p : "iin";
}

bool write_identity(const struct request *req, const struct consultation *c, const char *iin, bool required,
		    char hex[PSEUDONYM_HEX_LEN], bool *known, struct errors *errs)
{
	unsigned char p[PSEUDONYM_BYTES];

	if (strcmp(policy_of(c), "trusted-header") != 0)
		return identity_from_iin(c->slug, iin, time(NULL), required, hex, known, errs);
	*known = false;
	if (!*req->trusted_subject) {
		if (required)
			return errors_add(
				errs, ERROR_UNAUTHENTICATED, "identity_required", NULL,
				"sign in first: this consultation identifies people by single sign-on");
		return true;
	}
	identity_pseudonym(c->slug, "sso", req->trusted_subject, p);
	identity_pseudonym_hex(p, hex);
	*known = true;
	return true;
}
