#include "csrf.h"

#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "identity.h"

#define NONCE_BYTES 16
#define TIME_BYTES  8
#define MAC_BYTES   16
#define RAW_BYTES   (NONCE_BYTES + TIME_BYTES + MAC_BYTES)

static void sign(const unsigned char *msg, unsigned char mac[MAC_BYTES])
{
	unsigned char full[32];

	identity_mac("form-token", msg, NONCE_BYTES + TIME_BYTES, full);
	memcpy(mac, full, MAC_BYTES);
}

void csrf_token_make(time_t now, char out[CSRF_TOKEN_LEN + 1])
{
	unsigned char raw[RAW_BYTES];
	unsigned long long t = (unsigned long long)now;

	randombytes_buf(raw, NONCE_BYTES);
	for (int i = 0; i < TIME_BYTES; i++)
		raw[NONCE_BYTES + i] = (unsigned char)(t >> (8 * (TIME_BYTES - 1 - i)));
	sign(raw, raw + NONCE_BYTES + TIME_BYTES);
	sodium_bin2base64(out, CSRF_TOKEN_LEN + 1, raw, RAW_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

enum csrf_status csrf_token_check(const char *token, time_t now)
{
	unsigned char raw[RAW_BYTES], mac[MAC_BYTES];
	unsigned long long t = 0;
	size_t len;

	if (!token || !*token)
		return CSRF_MISSING;
	if (strlen(token) != CSRF_TOKEN_LEN ||
	    sodium_base642bin(raw, sizeof(raw), token, CSRF_TOKEN_LEN, NULL, &len, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len != RAW_BYTES)
		return CSRF_INVALID;
	sign(raw, mac);
	if (sodium_memcmp(mac, raw + NONCE_BYTES + TIME_BYTES, MAC_BYTES) != 0)
		return CSRF_INVALID;
	for (int i = 0; i < TIME_BYTES; i++)
		t = (t << 8) | raw[NONCE_BYTES + i];
	if ((long long)t > (long long)now + 300 || (long long)now - (long long)t > CSRF_TOKEN_MAX_AGE)
		return CSRF_EXPIRED;
	return CSRF_OK;
}

/* The length of a "host[:port]" without its port ("[::1]:8080" keeps its brackets). */
static size_t host_len(const char *h)
{
	const char *end = h[0] == '[' ? strchr(h, ']') : NULL;
	const char *colon = strrchr(end ? end : h, ':');

	return colon ? (size_t)(colon - h) : strlen(h);
}

bool csrf_same_origin(const char *sec_fetch_site, const char *origin, const char *host)
{
	const char *sep;
	size_t n;

	if (sec_fetch_site && *sec_fetch_site && strcmp(sec_fetch_site, "same-origin") != 0 &&
	    strcmp(sec_fetch_site, "none") != 0)
		return false;
	if (!origin || !*origin)
		return true;
	/* "null" (sandboxed frames, some redirects) is never us. */
	sep = strstr(origin, "://");
	if (!sep || !host || !*host)
		return false;
	/* Hosts are compared without ports: nginx's Debian fastcgi_params pass $host, which has
	   none. A different port on the same host is "same-site", which Sec-Fetch-Site refuses. */
	sep += 3;
	n = host_len(sep);
	return n == host_len(host) && strncasecmp(sep, host, n) == 0;
}
