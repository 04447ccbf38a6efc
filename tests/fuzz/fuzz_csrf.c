/*
 * fuzz_csrf.c - csrf_token_check and csrf_same_origin (fcgi/csrf.c): the form token and
 * the Sec-Fetch-Site, Origin and Host headers, all from the client.
 *
 * Input: "sec-fetch-site\norigin\nhost\ntoken" (missing parts are empty). The key is fixed,
 * so the seed corpus holds tokens made under it (valid, expired, future). A token that
 * checks as valid must stop being valid when any one of its characters changes: base64url
 * without padding has spare bits, and a second spelling of one token would be a second
 * idempotency key for the same form.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csrf.h"
#include "identity.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NOW ((time_t)1795737600)
static char made[CSRF_TOKEN_LEN + 1];
static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const unsigned char key[32] = "kenes-fuzz-key-0123456789abcdef";

	(void)argc;
	(void)argv;
	identity_key_set(key, sizeof(key));
	csrf_token_make(NOW, made);
	if (csrf_token_check(made, NOW) != CSRF_OK ||
	    csrf_token_check(made, NOW + CSRF_TOKEN_MAX_AGE + 1) != CSRF_EXPIRED)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1), *part[4] = { "", "", "", "" }, *p = copy;

	memcpy(copy, data, size);
	copy[size] = '\0';
	for (int n = 0; n < 4 && p; n++) {
		char *nl = n < 3 ? strchr(p, '\n') : NULL;

		part[n] = p;
		if (nl)
			*nl = '\0';
		p = nl ? nl + 1 : NULL;
	}
	if (csrf_token_check(part[3], NOW) == CSRF_OK) {
		for (size_t i = 0; i < CSRF_TOKEN_LEN; i++) {
			char saved = part[3][i];

			for (const char *c = alphabet; *c; c++) {
				part[3][i] = *c;
				if (*c != saved && csrf_token_check(part[3], NOW) == CSRF_OK)
					abort();
			}
			part[3][i] = saved;
		}
	}
	csrf_same_origin(part[0], part[1], part[2]);
	csrf_same_origin(NULL, part[1], NULL);
	free(copy);
	return 0;
}
