/*
 * test_http_cache.c - ETags of bodies and If-None-Match (the public reads' 304s).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <string.h>

#include "http_cache.h"

static void test_etag_shape_and_stability(void **state)
{
	char a[HTTP_CACHE_ETAG_LEN + 1], b[HTTP_CACHE_ETAG_LEN + 1], c[HTTP_CACHE_ETAG_LEN + 1];

	(void)state;
	http_cache_etag("{\"id\":1}", 8, a);
	http_cache_etag("{\"id\":1}", 8, b);
	http_cache_etag("{\"id\":2}", 8, c);
	assert_int_equal(strlen(a), HTTP_CACHE_ETAG_LEN);
	assert_int_equal(a[0], '"');
	assert_int_equal(a[HTTP_CACHE_ETAG_LEN - 1], '"');
	assert_int_equal(strspn(a + 1, "0123456789abcdef"), HTTP_CACHE_ETAG_LEN - 2);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
}

static void test_if_none_match(void **state)
{
	const char *tag = "\"0123456789abcdef0123456789abcdef\"";
	static const struct {
		const char *header;
		bool matches;
	} cases[] = {
		{ NULL, false },
		{ "", false },
		{ "*", true },
		{ "\"0123456789abcdef0123456789abcdef\"", true },
		{ "W/\"0123456789abcdef0123456789abcdef\"", true },
		{ "\"other\", \"0123456789abcdef0123456789abcdef\"", true },
		{ "\"other\",\"0123456789abcdef0123456789abcdef\"", true },
		{ "\"0123456789abcdef0123456789abcdef", false },
		{ "\"0123456789abcdef0123456789abcdef\"x", false },
		{ "\"other\"", false },
		{ "0123456789abcdef0123456789abcdef", false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (http_cache_matches(cases[i].header, tag) != cases[i].matches)
			fail_msg("If-None-Match: %s", cases[i].header ? cases[i].header : "(none)");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_etag_shape_and_stability),
		cmocka_unit_test(test_if_none_match),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
