/*
 * test_buf.c - growable buffers with a size cap, HTML escaping, handing bytes over.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

/* The buffer holds exactly `want` (len bytes, then a NUL). */
static void assert_buf(const struct buf *b, const char *want, size_t len)
{
	assert_int_equal(b->len, len);
	assert_memory_equal(b->data, want, len);
	assert_int_equal(b->data[len], '\0');
}

static void test_init_is_empty(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	assert_buf(&b, "", 0);
	assert_false(b.overflow);
	buf_free(&b);
	assert_null(b.data);
}

static void test_append_puts_putc_printf(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	assert_true(buf_append(&b, "ab", 2));
	assert_true(buf_puts(&b, "cd"));
	assert_true(buf_putc(&b, 'e'));
	assert_true(buf_printf(&b, "-%d-%s-%03d", 42, "x", 7));
	assert_true(buf_append(&b, "", 0));
	assert_true(buf_puts(&b, ""));
	assert_true(buf_printf(&b, "%s", ""));
	assert_buf(&b, "abcde-42-x-007", 14);
	/* Binary data with a NUL inside is kept, and still terminated. */
	assert_true(buf_append(&b, "\0z", 2));
	assert_buf(&b, "abcde-42-x-007\0z", 16);
	buf_free(&b);
}

static void test_grows(void **state)
{
	struct buf b;
	char want[5000];

	(void)state;
	buf_init(&b, 0);
	for (size_t i = 0; i < sizeof(want); i++) {
		want[i] = (char)('a' + i % 26);
		assert_true(buf_putc(&b, want[i]));
	}
	assert_buf(&b, want, sizeof(want));
	assert_true(b.cap > b.len);
	buf_reset(&b);
	assert_buf(&b, "", 0);
	/* One printf larger than the current capacity. */
	assert_true(buf_printf(&b, "%09000d", 5));
	assert_int_equal(b.len, 9000);
	assert_int_equal(b.data[8999], '5');
	assert_int_equal(b.data[9000], '\0');
	buf_free(&b);
}

static void test_limit_append(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_true(buf_puts(&b, "12345"));
	/* Would make 9 bytes: nothing is appended. */
	assert_false(buf_puts(&b, "6789"));
	assert_true(b.overflow);
	assert_buf(&b, "12345", 5);
	assert_false(buf_append(&b, "6789", 4));
	assert_buf(&b, "12345", 5);
	/* Up to the limit exactly is fine; the flag stays set until a reset. */
	assert_true(buf_puts(&b, "678"));
	assert_buf(&b, "12345678", 8);
	assert_true(b.overflow);
	assert_false(buf_putc(&b, '9'));
	assert_buf(&b, "12345678", 8);
	buf_reset(&b);
	assert_false(b.overflow);
	assert_buf(&b, "", 0);
	assert_true(buf_puts(&b, "abcdefgh"));
	assert_false(b.overflow);
	buf_free(&b);
}

static void test_limit_printf(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 10);
	assert_true(buf_printf(&b, "%s", "abc"));
	assert_false(buf_printf(&b, "%s-%d", "defghij", 1));
	assert_true(b.overflow);
	assert_buf(&b, "abc", 3);
	assert_true(buf_printf(&b, "%07d", 12));
	assert_buf(&b, "abc0000012", 10);
	assert_false(buf_printf(&b, "%c", 'x'));
	assert_buf(&b, "abc0000012", 10);
	buf_free(&b);

	/* A limit far below what the allocation would be: no growth past it. */
	buf_init(&b, 100);
	assert_false(buf_printf(&b, "%0100000d", 1));
	assert_buf(&b, "", 0);
	assert_true(b.cap <= 128);
	buf_free(&b);
}

static const struct {
	const char *in, *want;
} html_cases[] = {
	{ "", "" },
	{ "plain text", "plain text" },
	{ "&", "&amp;" },
	{ "<", "&lt;" },
	{ ">", "&gt;" },
	{ "\"", "&quot;" },
	{ "'", "&#39;" },
	{ "a<b>&'\"c", "a&lt;b&gt;&amp;&#39;&quot;c" },
	{ "&amp;", "&amp;amp;" },
	{ "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" },
	{ "\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" },
	{ "' onmouseover='x", "&#39; onmouseover=&#39;x" },
	/* UTF-8 passes through untouched: Қазақстан, «ә», an emoji */
	{ "\xD2\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD2\x9B\xD1\x81\xD1\x82\xD0\xB0\xD0\xBD",
	  "\xD2\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD2\x9B\xD1\x81\xD1\x82\xD0\xB0\xD0\xBD" },
	{ "\xC2\xAB\xD3\x99\xC2\xBB & \xF0\x9F\x98\x80", "\xC2\xAB\xD3\x99\xC2\xBB &amp; \xF0\x9F\x98\x80" },
	{ "line\nbreak\ttab", "line\nbreak\ttab" },
};

static void test_html_escaping(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(html_cases); i++) {
		struct buf b;

		buf_init(&b, 0);
		assert_true(buf_puts(&b, "["));
		assert_true(buf_html(&b, html_cases[i].in));
		assert_true(buf_puts(&b, "]"));
		if (b.len != strlen(html_cases[i].want) + 2 ||
		    strncmp(b.data + 1, html_cases[i].want, b.len - 2) != 0)
			fail_msg("\"%s\" escaped to %s, want [%s]", html_cases[i].in, b.data,
				 html_cases[i].want);
		buf_free(&b);
	}
}

/* Escaping respects the limit: overflow is reported and the buffer never passes it. */
static void test_html_limit(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 12);
	assert_true(buf_html(&b, "<<<"));
	assert_buf(&b, "&lt;&lt;&lt;", 12);
	assert_false(buf_html(&b, "<"));
	assert_true(b.overflow);
	assert_buf(&b, "&lt;&lt;&lt;", 12);
	buf_free(&b);

	buf_init(&b, 10);
	assert_false(buf_html(&b, "abc&defghijkl"));
	assert_true(b.overflow);
	assert_true(b.len <= 10);
	assert_int_equal(b.data[b.len], '\0');
	/* Whatever was kept is a prefix of the escaped text that never cuts an entity. */
	assert_memory_equal(b.data, "abc&amp;defghijkl", b.len);
	assert_true(strrchr(b.data, '&') == NULL || strchr(strrchr(b.data, '&'), ';') != NULL);
	buf_free(&b);
}

static void test_steal(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b, 16);
	assert_true(buf_puts(&b, "0123456789"));
	assert_false(buf_puts(&b, "0123456789"));
	s = buf_steal(&b);
	assert_string_equal(s, "0123456789");
	free(s);
	/* The buffer is empty, usable, and keeps its limit; the overflow flag is cleared. */
	assert_buf(&b, "", 0);
	assert_false(b.overflow);
	assert_int_equal(b.limit, 16);
	assert_true(buf_puts(&b, "again"));
	assert_false(buf_puts(&b, "0123456789012"));
	s = buf_steal(&b);
	assert_string_equal(s, "again");
	free(s);
	/* Stealing an empty buffer hands over an empty string, not NULL. */
	s = buf_steal(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_empty), cmocka_unit_test(test_append_puts_putc_printf),
		cmocka_unit_test(test_grows),         cmocka_unit_test(test_limit_append),
		cmocka_unit_test(test_limit_printf),  cmocka_unit_test(test_html_escaping),
		cmocka_unit_test(test_html_limit),    cmocka_unit_test(test_steal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
