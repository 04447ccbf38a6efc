#include "http_cache.h"

#include <sodium.h>
#include <string.h>

void http_cache_etag(const char *body, size_t len, char out[HTTP_CACHE_ETAG_LEN + 1])
{
	unsigned char hash[16];

	crypto_generichash(hash, sizeof(hash), (const unsigned char *)body, len, NULL, 0);
	out[0] = '"';
	sodium_bin2hex(out + 1, 2 * sizeof(hash) + 1, hash, sizeof(hash));
	out[HTTP_CACHE_ETAG_LEN - 1] = '"';
	out[HTTP_CACHE_ETAG_LEN] = '\0';
}

bool http_cache_matches(const char *if_none_match, const char *etag)
{
	const char *p = if_none_match;
	size_t n = strlen(etag);

	while (p && *p) {
		size_t len;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '*')
			return true;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		len = strcspn(p, ", \t");
		if (len == n && memcmp(p, etag, n) == 0)
			return true;
		p += len;
	}
	return false;
}
