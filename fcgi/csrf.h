/*
 * csrf.h - keeping other sites from posting our forms, and one-time form tokens.
 *
 * Every form carries a token: 16 random bytes, the time it was made, and a MAC under the
 * identity key, base64url-encoded. A POST from a form must bring a token we made in the
 * last 24 hours; the token doubles as the form's idempotency key, so a double click or a
 * browser resubmit stores one proposal. Browsers also say where a request comes from
 * (Sec-Fetch-Site, Origin); a cross-site POST is refused whatever it carries.
 */
#ifndef KENES_CSRF_H
#define KENES_CSRF_H

#include <stdbool.h>
#include <time.h>

#define CSRF_TOKEN_LEN     54 /* characters, without the NUL */
#define CSRF_TOKEN_MAX_AGE (24 * 3600)

enum csrf_status { CSRF_OK, CSRF_MISSING, CSRF_INVALID, CSRF_EXPIRED };

void csrf_token_make(time_t now, char out[CSRF_TOKEN_LEN + 1]);
enum csrf_status csrf_token_check(const char *token, time_t now);

/*
 * False when the browser says the request comes from another site: Sec-Fetch-Site other
 * than same-origin or none, or an Origin whose host name differs from Host's. Requests without
 * either header (curl, old browsers) pass; the token still has to be right.
 */
bool csrf_same_origin(const char *sec_fetch_site, const char *origin, const char *host);

#endif
