/*
 * test_text.c - text_clean and text_is_clean_line: what people type, checked and normalised.
 *
 * Inputs are bytes with an explicit length (so a NUL can be inside); expected outputs are
 * the exact NFC bytes and the code point count.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define KAZAKH_LOWER    "\xD3\x99\xD2\x93\xD2\x9B\xD2\xA3\xD3\xA9\xD2\xB1\xD2\xAF\xD2\xBB\xD1\x96"
#define KAZAKH_UPPER    "\xD3\x98\xD2\x92\xD2\x9A\xD2\xA2\xD3\xA8\xD2\xB0\xD2\xAE\xD2\xBA\xD0\x86"
#define NBSP            "\xC2\xA0"
#define COMBINING_ACUTE "\xCC\x81"

struct clean_case {
	const char *in;
	size_t len; /* 0: strlen(in) */
	const char *out;
	size_t chars;
};

static const struct clean_case cleaned[] = {
	{ "hello", 0, "hello", 5 },
	{ "a", 0, "a", 1 },
	/* Привет, мир! */
	{ "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80!", 0,
	  "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80!", 12 },
	/* ә ғ қ ң ө ұ ү һ і and their capitals are kept byte for byte */
	{ KAZAKH_LOWER, 0, KAZAKH_LOWER, 9 },
	{ KAZAKH_UPPER, 0, KAZAKH_UPPER, 9 },
	/* precomposed ё and й stay as they are */
	{ "\xD1\x91\xD0\xB9", 0, "\xD1\x91\xD0\xB9", 2 },
	/* NFD to NFC: e + U+0301 -> é, и + U+0306 -> й, е + U+0308 -> ё */
	{ "e" COMBINING_ACUTE, 0, "\xC3\xA9", 1 },
	{ "\xD0\xB8\xCC\x86", 0, "\xD0\xB9", 1 },
	{ "\xD0\xB5\xCC\x88", 0, "\xD1\x91", 1 },
	/* Cyrillic е + U+0301 has no precomposed form: NFC keeps both code points. */
	{ "\xD0\xB5" COMBINING_ACUTE, 0, "\xD0\xB5" COMBINING_ACUTE, 2 },
	/* combining marks are reordered canonically (dot below before acute) */
	{ "e" COMBINING_ACUTE "\xCC\xA3", 0, "\xE1\xBA\xB9" COMBINING_ACUTE, 2 },
	/* line endings */
	{ "a\r\nb", 0, "a\nb", 3 },
	{ "a\rb", 0, "a\nb", 3 },
	{ "a\r\r\nb", 0, "a\n\nb", 4 },
	{ "a\n\rb", 0, "a\n\nb", 4 },
	{ "a\r", 0, "a", 1 },
	{ "line one\r\nline two\r\n", 0, "line one\nline two", 17 },
	/* inner whitespace and tabs are kept, ends are trimmed */
	{ "a\tb", 0, "a\tb", 3 },
	{ "a  \n\n  b", 0, "a  \n\n  b", 8 },
	{ "  a b  ", 0, "a b", 3 },
	{ "\t\n a \n\t", 0, "a", 1 },
	{ NBSP "a" NBSP, 0, "a", 1 },
	{ "a" NBSP "b", 0, "a" NBSP "b", 3 },
	{ "\xE3\x80\x80"
	  "a\xE2\x80\x83",
	  0, "a", 1 }, /* ideographic space, em space */
	{ "\xE2\x80\xA8"
	  "a\xE2\x80\xA9",
	  0, "a", 1 }, /* line and paragraph separators */
	/* nothing left */
	{ "", 0, "", 0 },
	{ "   ", 0, "", 0 },
	{ "\r\n\r\n", 0, "", 0 },
	{ "\t \n", 0, "", 0 },
	{ NBSP NBSP, 0, "", 0 },
	/* outside the BMP: one code point, four bytes */
	{ "\xF0\x9F\x98\x80", 0, "\xF0\x9F\x98\x80", 1 },
	{ "\xF4\x8F\xBF\xBD", 0, "\xF4\x8F\xBF\xBD", 1 }, /* U+10FFFD, the last plane */
	/* only len bytes count */
	{ "abcdef", 3, "abc", 3 },
};

struct refuse_case {
	const char *in;
	size_t len; /* 0: strlen(in) */
	enum text_status want;
};

static const struct refuse_case refused[] = {
	{ "\xFF", 0, TEXT_INVALID_UTF8 },
	{ "a\xFF", 0, TEXT_INVALID_UTF8 },
	{ "\xFE", 0, TEXT_INVALID_UTF8 },
	{ "\x80", 0, TEXT_INVALID_UTF8 }, /* lone continuation byte */
	{ "\xD0", 0, TEXT_INVALID_UTF8 }, /* truncated two-byte sequence */
	{ "a\xD0", 0, TEXT_INVALID_UTF8 },
	{ "\xE2\x82", 0, TEXT_INVALID_UTF8 }, /* truncated three-byte sequence */
	{ "\xD0\xB0", 1, TEXT_INVALID_UTF8 }, /* cut by the length */
	{ "\xD0"
	  "a",
	  0, TEXT_INVALID_UTF8 },                     /* lead byte without continuation */
	{ "\xC0\x80", 0, TEXT_INVALID_UTF8 },         /* overlong NUL */
	{ "\xC1\xBF", 0, TEXT_INVALID_UTF8 },         /* overlong */
	{ "\xE0\x80\xAF", 0, TEXT_INVALID_UTF8 },     /* overlong '/' */
	{ "\xED\xA0\x80", 0, TEXT_INVALID_UTF8 },     /* surrogate U+D800 */
	{ "\xED\xBF\xBF", 0, TEXT_INVALID_UTF8 },     /* surrogate U+DFFF */
	{ "\xF4\x90\x80\x80", 0, TEXT_INVALID_UTF8 }, /* U+110000 */
	{ "\xF8\x88\x80\x80\x80", 0, TEXT_INVALID_UTF8 },
	{ "ok \xFF then a bell \x07", 0, TEXT_INVALID_UTF8 }, /* the first problem wins */
	{ "\0", 1, TEXT_CONTROL },
	{ "a\0b", 3, TEXT_CONTROL },
	{ "a\x07", 0, TEXT_CONTROL },
	{ "\x01"
	  "a",
	  0, TEXT_CONTROL },
	{ "a\x0B"
	  "b",
	  0, TEXT_CONTROL }, /* vertical tab */
	{ "a\x0C"
	  "b",
	  0, TEXT_CONTROL },             /* form feed */
	{ "\x1B[31m", 0, TEXT_CONTROL }, /* escape */
	{ "a\x1F", 0, TEXT_CONTROL },
	{ "a\x7F"
	  "b",
	  0, TEXT_CONTROL },              /* DEL */
	{ "a\xC2\x80", 0, TEXT_CONTROL }, /* C1 U+0080 */
	{ "a\xC2\x85"
	  "b",
	  0, TEXT_CONTROL },               /* C1 NEL U+0085 */
	{ "a\xC2\x9F", 0, TEXT_CONTROL },  /* C1 U+009F */
	{ "   \x07   ", 0, TEXT_CONTROL }, /* inside whitespace that would be trimmed */
};

static size_t case_len(const char *s, size_t len)
{
	return len ? len : strlen(s);
}

static void test_clean_accepts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cleaned) / sizeof(cleaned[0]); i++) {
		const struct clean_case *c = &cleaned[i];
		char *out = NULL;
		size_t chars = 999;
		enum text_status st = text_clean(c->in, case_len(c->in, c->len), &out, &chars);

		if (st != TEXT_OK)
			fail_msg("case %zu: status %d, want TEXT_OK", i, (int)st);
		if (strcmp(out, c->out) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, out, c->out);
		if (chars != c->chars)
			fail_msg("case %zu: %zu chars, want %zu", i, chars, c->chars);
		free(out);
	}
}

static void test_clean_refuses(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		const struct refuse_case *c = &refused[i];
		char *out = NULL;
		size_t chars = 0;
		enum text_status st = text_clean(c->in, case_len(c->in, c->len), &out, &chars);

		if (st != c->want)
			fail_msg("case %zu: status %d, want %d", i, (int)st, (int)c->want);
		/* Nothing is handed out on failure. */
		assert_null(out);
	}
}

/* The count is of code points, not bytes: 5000 Cyrillic letters are 10000 bytes. */
static void test_clean_counts_code_points(void **state)
{
	enum { N = 5000 };
	char *in = malloc(2 * N), *out = NULL;
	size_t chars = 0;

	(void)state;
	for (int i = 0; i < N; i++)
		memcpy(in + 2 * i, "\xD0\xB0", 2);
	assert_int_equal(text_clean(in, 2 * N, &out, &chars), TEXT_OK);
	assert_int_equal(chars, N);
	assert_int_equal(strlen(out), 2 * N);
	assert_memory_equal(out, in, 2 * N);
	free(out);
	free(in);
}

struct line_case {
	const char *in;
	size_t len; /* 0: strlen(in) */
	bool clean;
};

static const struct line_case lines[] = {
	{ "", 0, true },
	{ "article:4", 0, true },
	{ "a b", 0, true },
	{ KAZAKH_LOWER, 0, true },
	{ NBSP, 0, true },
	{ "\xF0\x9F\x98\x80", 0, true },
	{ "a\tb", 0, false },
	{ "a\nb", 0, false },
	{ "a\rb", 0, false },
	{ "a\x7F", 0, false },
	{ "a\xC2\x85", 0, false },
	{ "a\0b", 3, false },
	{ "\xFF", 0, false },
	{ "\xD0", 0, false },
	{ "\xC0\x80", 0, false },
	{ "\xED\xA0\x80", 0, false },
	{ "\xF4\x90\x80\x80", 0, false },
};

static void test_clean_line(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		const struct line_case *c = &lines[i];

		if (text_is_clean_line(c->in, case_len(c->in, c->len)) != c->clean)
			fail_msg("case %zu: want %s", i, c->clean ? "clean" : "refused");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_accepts),
		cmocka_unit_test(test_clean_refuses),
		cmocka_unit_test(test_clean_counts_code_points),
		cmocka_unit_test(test_clean_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
