#include "staff_session.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "auth.h"
#include "csrf.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "identity.h"
#include "log.h"
#include "reply.h"
#include "settings.h"

#define TIME_BYTES 8
#define MAC_BYTES  16

static void sha256_hex(const char *data, size_t len, char hex[65])
{
	unsigned char hash[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(hash, (const unsigned char *)data, len);
	sodium_bin2hex(hex, 65, hash, sizeof(hash));
}

void staff_session_id_make(char id[STAFF_SESSION_ID_LEN + 1], char hex[65])
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(id, STAFF_SESSION_ID_LEN + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sha256_hex(id, STAFF_SESSION_ID_LEN, hex);
}

bool staff_session_cookie(const char *header, const char *name, char *out, size_t outlen)
{
	size_t n = strlen(name);

	for (const char *p = header; p && *p;) {
		const char *end = strchr(p, ';');
		size_t len;

		while (*p == ' ' || *p == '\t')
			p++;
		len = end ? (size_t)(end - p) : strlen(p);
		if (len > n && strncmp(p, name, n) == 0 && p[n] == '=') {
			len -= n + 1;
			if (len >= outlen)
				return false;
			memcpy(out, p + n + 1, len);
			out[len] = '\0';
			return true;
		}
		p = end ? end + 1 : NULL;
	}
	return false;
}

const char *staff_session_cookie_name(const struct request *req)
{
	/* Browsers refuse a __Host- cookie without Secure, and a Secure one over plain HTTP
	   (localhost aside): the local run and the tests use the plain name (docs/STAFF.md). */
	return req->https ? "__Host-kenes_staff" : "kenes_staff";
}

void staff_session_set_cookie(struct request *req, const char *id)
{
	char line[200];

	snprintf(line, sizeof(line), "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
		 staff_session_cookie_name(req), id, req->https ? "; Secure" : "", *id ? "" : "; Max-Age=0");
	reply_header(req, "Set-Cookie", line);
}

static void mac_of(const char *binding, const unsigned char when[TIME_BYTES], unsigned char mac[MAC_BYTES])
{
	unsigned char msg[64 + TIME_BYTES], full[32];
	size_t n = strlen(binding) < 64 ? strlen(binding) : 64;

	memcpy(msg, binding, n);
	memcpy(msg + n, when, TIME_BYTES);
	identity_mac("staff-csrf", msg, n + TIME_BYTES, full);
	memcpy(mac, full, MAC_BYTES);
}

void staff_csrf_make(const char *binding, time_t now, char out[STAFF_CSRF_LEN + 1])
{
	unsigned char raw[TIME_BYTES + MAC_BYTES];
	unsigned long long t = (unsigned long long)now;

	for (int i = 0; i < TIME_BYTES; i++)
		raw[i] = (unsigned char)(t >> (8 * (TIME_BYTES - 1 - i)));
	mac_of(binding, raw, raw + TIME_BYTES);
	sodium_bin2base64(out, STAFF_CSRF_LEN + 1, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool staff_csrf_check(const char *binding, const char *token, time_t now, long max_age)
{
	unsigned char raw[TIME_BYTES + MAC_BYTES], mac[MAC_BYTES];
	unsigned long long t = 0;
	size_t len;

	if (!token || strlen(token) != STAFF_CSRF_LEN ||
	    sodium_base642bin(raw, sizeof(raw), token, STAFF_CSRF_LEN, NULL, &len, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len != sizeof(raw))
		return false;
	mac_of(binding, raw, mac);
	if (sodium_memcmp(mac, raw + TIME_BYTES, MAC_BYTES) != 0)
		return false;
	for (int i = 0; i < TIME_BYTES; i++)
		t = (t << 8) | raw[i];
	return (long long)t <= (long long)now + 300 && (long long)now - (long long)t <= max_age;
}

void staff_csrf_field(struct buf *b, const struct route_match *m)
{
	char token[STAFF_CSRF_LEN + 1];

	staff_csrf_make(m->token_hash, time(NULL), token);
	buf_printf(b, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", token);
}

/* The single sign-on's person: both trusted parameters set, the role one of ours. */
static bool sso_principal(const struct request *req, struct route_match *m)
{
	struct buf b;

	if (!staff_session_is_sso(req))
		return false;
	m->role = auth_role_parse(req->trusted_role);
	buf_init(&b, 0);
	buf_printf(&b, "sso\n%s\n%s", req->trusted_subject, req->trusted_role);
	sha256_hex(b.data, b.len, m->token_hash);
	buf_free(&b);
	return true;
}

bool staff_session_is_sso(const struct request *req)
{
	return *req->trusted_subject && *req->trusted_role && auth_role_parse(req->trusted_role);
}

/* The session of the cookie: 1 live (m filled), 0 none, -1 the database failed (answered). */
static int cookie_principal(struct request *req, struct route_match *m)
{
	char id[STAFF_SESSION_ID_LEN + 2], idle[24], life[24];
	const char *params[3] = { m->token_hash, idle, life };
	PGresult *res;
	int found;

	if (!staff_session_cookie(req->cookie, staff_session_cookie_name(req), id, sizeof(id)) ||
	    strlen(id) != STAFF_SESSION_ID_LEN)
		return 0;
	sha256_hex(id, STAFF_SESSION_ID_LEN, m->token_hash);
	snprintf(idle, sizeof(idle), "%ld", req->settings->staff_idle_timeout);
	snprintf(life, sizeof(life), "%ld", req->settings->staff_session_lifetime);
	res = db_run(req->db, "staff_session_check", 3, params);
	if (!res) {
		reply_db_failure(req, req->db, "checking a staff session");
		return -1;
	}
	found = PQntuples(res) == 1 ? 1 : 0;
	if (found)
		m->role = auth_role_parse(PQgetvalue(res, 0, 0));
	PQclear(res);
	return found && m->role ? 1 : 0;
}

/* A POST's origin and form token; false when refused (answered 403). */
static bool form_guard_or_reply(struct request *req, const struct route_match *m, enum lang lang)
{
	struct form f = { .count = 0 };
	const struct form_field *token;
	bool ok;

	if (!csrf_same_origin(req->sec_fetch_site, req->origin, req->host)) {
		log_info("a cross-site POST to %s was refused", req->path);
		handler_message_page(req, 403, lang, "staff.forbidden.title", "staff.cross_site");
		return false;
	}
	ok = request_content_type_is(req, "application/x-www-form-urlencoded") &&
	     form_parse(req->body ? req->body : "", req->body_len, &f) && (token = form_get(&f, "csrf")) &&
	     staff_csrf_check(m->token_hash, token->value, time(NULL), req->settings->staff_session_lifetime);
	form_free(&f);
	if (!ok)
		handler_message_page(req, 403, lang, "staff.forbidden.title", "staff.csrf");
	return ok;
}

bool staff_session_require_or_reply(struct request *req, unsigned allowed, struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	int found = sso_principal(req, m) ? 1 : cookie_principal(req, m);

	if (found < 0)
		return false;
	if (found == 0) {
		log_debug("no staff session on %s %s (single sign-on subject %s, role \"%.16s\")",
			  req->method, req->path, *req->trusted_subject ? "set" : "unset", req->trusted_role);
		memset(m->token_hash, 0, sizeof(m->token_hash));
		m->role = 0;
		if (request_is_get(req)) {
			char location[64];

			snprintf(location, sizeof(location), "/staff/sign-in?lang=%s", lang_code(lang));
			reply_redirect(req, 303, location);
		} else {
			handler_message_page(req, 401, lang, "staff.signin.title", "staff.signed_out");
		}
		return false;
	}
	if (!(m->role & allowed)) {
		log_info("a staff session was refused on %s", req->path);
		handler_message_page(req, 403, lang, "staff.forbidden.title", "staff.forbidden");
		return false;
	}
	return request_is_get(req) || form_guard_or_reply(req, m, lang);
}
