/*
 * staff_session.h - who is signed in to the staff workspace (/staff/, docs/STAFF.md), and the
 * CSRF tokens of its forms.
 *
 * Two ways in, one role model (auth.h): single sign-on, where nginx sets the trusted subject
 * and role parameters (trusted_subject_param, trusted_role_param) for every request, or a
 * session made at /staff/sign-in from a bearer token: a random id in a cookie
 * (`__Host-kenes_staff` over HTTPS, `kenes_staff` on plain HTTP), of which PostgreSQL keeps
 * only the SHA-256 (sql/migrations/029). The dispatcher (routes.c) calls
 * staff_session_require_or_reply for every row whose role mask has STAFF_SESSION, so a
 * handler never checks a session or a form token itself.
 */
#ifndef KENES_STAFF_SESSION_H
#define KENES_STAFF_SESSION_H

#include <stdbool.h>
#include <time.h>

#include "buf.h"
#include "request.h"
#include "routes.h"

/* In a route's role mask: the roles are a staff session's, not a bearer token's. */
#define STAFF_SESSION (1u << 8)

#define STAFF_SESSION_ID_LEN 43 /* base64url characters of 32 random bytes */
#define STAFF_CSRF_LEN       32 /* base64url characters of the time and a MAC */

/*
 * True when the request comes from a signed-in person whose role is in `allowed` (enum
 * auth_role); then m->role is that role and m->token_hash the session's binding (the SHA-256
 * of its id in hex, or of the single sign-on's subject and role), which its CSRF tokens carry.
 * A POST must also be same-origin and carry a CSRF token of that binding in its form field
 * "csrf". Otherwise answers and returns false: no live session, a GET 303 to the sign-in
 * page and a POST 401; a role not allowed 403; a POST without a good token or from another
 * site 403; the database unavailable 503.
 */
bool staff_session_require_or_reply(struct request *req, unsigned allowed, struct route_match *m);
/* True when the request comes through the single sign-on (both trusted parameters set, the
   role one of ours): then the person is req->trusted_subject, and no token acts. */
bool staff_session_is_sso(const struct request *req);

/* A new session id (STAFF_SESSION_ID_LEN characters) and the SHA-256 of it in hex. */
void staff_session_id_make(char id[STAFF_SESSION_ID_LEN + 1], char sha256_hex[65]);
/* The value of cookie `name` in a Cookie header, copied into out; false when absent or too long. */
bool staff_session_cookie(const char *header, const char *name, char *out, size_t outlen);
/* The session cookie's name: with the __Host- prefix over HTTPS, where browsers allow it. */
const char *staff_session_cookie_name(const struct request *req);
/* Sets the session cookie to `id` (HttpOnly, SameSite=Strict, Secure over HTTPS); "" clears it. */
void staff_session_set_cookie(struct request *req, const char *id);

/* A CSRF token for forms of the session with this binding, made at `now`. */
void staff_csrf_make(const char *binding, time_t now, char out[STAFF_CSRF_LEN + 1]);
/* True when `token` was made for `binding` less than `max_age` seconds ago. */
bool staff_csrf_check(const char *binding, const char *token, time_t now, long max_age);
/* The hidden "csrf" field of a form, for the signed-in person of m. */
void staff_csrf_field(struct buf *b, const struct route_match *m);

#endif
