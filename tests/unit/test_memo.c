/*
 * test_memo.c - the memo of rendered pieces (fcgi/memo.h): a piece is served only for its
 * own key and version, another version drops it, and the bounds hold (least recently used
 * dropped first, too large a piece never kept).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo.h"

static int reset(void **state)
{
	(void)state;
	memo_clear();
	return 0;
}

static bool got(const char *key, const char *version, const char *want)
{
	struct buf b;
	bool hit;

	buf_init(&b, 0);
	buf_puts(&b, "<");
	hit = memo_get(key, version, &b);
	if (hit)
		assert_string_equal(b.data + 1, want);
	else
		assert_string_equal(b.data, "<"); /* a miss leaves out as it was */
	buf_free(&b);
	return hit;
}

static void test_key_and_version(void **state)
{
	(void)state;
	assert_false(got("dash|en|", "v1", ""));
	memo_put("dash|en|", "v1", "rows", 4);
	assert_true(got("dash|en|", "v1", "rows"));
	assert_false(got("dash|ru|", "v1", ""));
	memo_put("dash|en|", "v1", "new rows", 8); /* replaces */
	assert_true(got("dash|en|", "v1", "new rows"));
	assert_false(got("dash|en|", "v2", "")); /* another version: a miss, and the piece is gone */
	assert_false(got("dash|en|", "v1", ""));
}

static void test_least_used_goes_first(void **state)
{
	char key[16];

	(void)state;
	for (int i = 0; i < MEMO_ENTRIES; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		memo_put(key, "v", key, strlen(key));
	}
	assert_true(got("k0", "v", "k0")); /* k0 used again: k1 is now the least used */
	memo_put("one more", "v", "x", 1);
	assert_true(got("k0", "v", "k0"));
	assert_false(got("k1", "v", ""));
	assert_true(got("k2", "v", "k2"));
	assert_true(got("one more", "v", "x"));
}

static void test_bytes_bound(void **state)
{
	size_t big = MEMO_BYTES / 4;
	char *data = malloc(big + 1);

	(void)state;
	assert_non_null(data);
	memset(data, 'a', big + 1);
	memo_put("too big", "v", data, big + 1);
	assert_false(got("too big", "v", ""));
	for (int i = 0; i < 5; i++) { /* five quarters do not fit: the first is dropped */
		char key[16];

		snprintf(key, sizeof(key), "q%d", i);
		memo_put(key, "v", data, big);
	}
	{
		struct buf b;

		buf_init(&b, 0);
		assert_false(memo_get("q0", "v", &b));
		assert_true(memo_get("q4", "v", &b));
		assert_int_equal(b.len, big);
		buf_free(&b);
	}
	free(data);
}

static void test_a_full_out_is_a_miss(void **state)
{
	struct buf b;

	(void)state;
	memo_put("k", "v", "0123456789", 10);
	buf_init(&b, 4);
	assert_false(memo_get("k", "v", &b));
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_key_and_version, reset),
		cmocka_unit_test_setup(test_least_used_goes_first, reset),
		cmocka_unit_test_setup(test_bytes_bound, reset),
		cmocka_unit_test_setup(test_a_full_out_is_a_miss, reset),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	memo_clear();
	return failed;
}
