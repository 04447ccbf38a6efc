/*
 * test_form.c - form_parse, form_get and form_value: urlencoded bodies and query strings.
 *
 * Each case is a body and what it must decode to (or that it must be refused). Bodies are
 * passed with an explicit length, as they come from the network, never relying on a NUL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "form.h"

struct pair {
	const char *name, *value;
	size_t value_len; /* 0: strlen(value) */
};

struct parse_case {
	const char *body;
	int count;
	struct pair want[4];
};

static const struct parse_case accepted[] = {
	{ "", 0, { { 0 } } },
	{ "a=1&b=2", 2, { { "a", "1" }, { "b", "2" } } },
	{ "q=hello+world", 1, { { "q", "hello world" } } },
	{ "q=%41%42%63", 1, { { "q", "ABc" } } },
	{ "q=%4a%4A", 1, { { "q", "JJ" } } },
	/* UTF-8 Cyrillic: а б */
	{ "t=%D0%B0%D0%B1", 1, { { "t", "\xD0\xB0\xD0\xB1" } } },
	/* Kazakh ә in lower-case hex */
	{ "t=%d3%99", 1, { { "t", "\xD3\x99" } } },
	/* Raw (unescaped) UTF-8 bytes are passed through. */
	{ "t=\xD2\x9B", 1, { { "t", "\xD2\x9B" } } },
	{ "a=%2B%26%3D%25", 1, { { "a", "+&=%" } } },
	{ "%61=%62", 1, { { "a", "b" } } },
	{ "first+name=x", 1, { { "first name", "x" } } },
	{ "a=1=2", 1, { { "a", "1=2" } } },
	/* empty pairs are skipped */
	{ "a=1&&b=2", 2, { { "a", "1" }, { "b", "2" } } },
	{ "&&a=1&", 1, { { "a", "1" } } },
	{ "&", 0, { { 0 } } },
	/* a name without '=' has an empty value */
	{ "flag", 1, { { "flag", "" } } },
	{ "flag&a=1", 2, { { "flag", "" }, { "a", "1" } } },
	{ "a=", 1, { { "a", "" } } },
	{ "=v", 1, { { "", "v" } } },
	{ "=", 1, { { "", "" } } },
	{ "a=1&a=2", 2, { { "a", "1" }, { "a", "2" } } },
};

static const char *const refused[] = {
	"%",      "a=%",   "a=%4",     "a=%zz", "a=%4g", "a=%g4",   "a=b%", "a=b%0",
	"a=%%41", "%zz=a", "a=1&b=%x", "a=%00", "%00=a", "a=x%00y", "a=%0", "a=1&%=2",
};

static void check_accepted(const struct parse_case *c)
{
	struct form f;

	if (!form_parse(c->body, strlen(c->body), &f))
		fail_msg("\"%s\" was refused", c->body);
	if (f.count != c->count)
		fail_msg("\"%s\": %d fields, want %d", c->body, f.count, c->count);
	for (int i = 0; i < c->count; i++) {
		const struct pair *w = &c->want[i];
		size_t len = w->value_len ? w->value_len : strlen(w->value);

		if (strcmp(f.fields[i].name, w->name) != 0)
			fail_msg("\"%s\": field %d is named \"%s\", want \"%s\"", c->body, i,
				 f.fields[i].name, w->name);
		if (f.fields[i].value_len != len || memcmp(f.fields[i].value, w->value, len) != 0 ||
		    f.fields[i].value[len] != '\0')
			fail_msg("\"%s\": field %s = \"%s\", want \"%s\"", c->body, w->name,
				 f.fields[i].value, w->value);
	}
	form_free(&f);
	assert_int_equal(f.count, 0);
}

static void test_parse_accepted(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(accepted) / sizeof(accepted[0]); i++)
		check_accepted(&accepted[i]);
}

static void test_parse_refused(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		struct form f;

		if (form_parse(refused[i], strlen(refused[i]), &f)) {
			form_free(&f);
			fail_msg("\"%s\" was accepted", refused[i]);
		}
		/* A refused body leaves nothing to free. */
		assert_int_equal(f.count, 0);
	}
}

/* A raw NUL byte inside the body is refused just like %00. */
static void test_parse_raw_nul(void **state)
{
	static const char body[] = "a=b\0c&d=e";
	struct form f;

	(void)state;
	assert_false(form_parse(body, sizeof(body) - 1, &f));
	assert_int_equal(f.count, 0);
}

/* Only len bytes are read: an escape cut by the length is malformed, not read past. */
static void test_parse_respects_length(void **state)
{
	struct form f;

	(void)state;
	assert_true(form_parse("a=1&b=2", 3, &f));
	assert_int_equal(f.count, 1);
	assert_string_equal(f.fields[0].value, "1");
	form_free(&f);

	assert_false(form_parse("a=%41", 4, &f));
	assert_true(form_parse("a=%41", 5, &f));
	assert_string_equal(f.fields[0].value, "A");
	form_free(&f);
}

/* n pairs "k0=v&k1=v&..." with `empties` extra "&" between them. */
static void many_pairs(char *out, size_t outlen, int n, bool empties)
{
	size_t len = 0;

	out[0] = '\0';
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, outlen - len, "%sk%d=v%s", i ? "&" : "", i,
					empties ? "&" : "");
}

static void test_parse_field_limit(void **state)
{
	char body[2048];
	struct form f;

	(void)state;
	many_pairs(body, sizeof(body), FORM_MAX_FIELDS, false);
	assert_true(form_parse(body, strlen(body), &f));
	assert_int_equal(f.count, FORM_MAX_FIELDS);
	assert_string_equal(f.fields[FORM_MAX_FIELDS - 1].name, "k63");
	form_free(&f);

	/* Empty pairs do not count towards the limit. */
	many_pairs(body, sizeof(body), FORM_MAX_FIELDS, true);
	assert_true(form_parse(body, strlen(body), &f));
	assert_int_equal(f.count, FORM_MAX_FIELDS);
	form_free(&f);

	many_pairs(body, sizeof(body), FORM_MAX_FIELDS + 1, false);
	assert_false(form_parse(body, strlen(body), &f));
	assert_int_equal(f.count, 0);
}

static void test_get_first_value(void **state)
{
	static const char body[] = "topics=a&text=%D0%B0&topics=b&empty=";
	const struct form_field *ff;
	struct form f;

	(void)state;
	assert_true(form_parse(body, strlen(body), &f));
	ff = form_get(&f, "topics");
	assert_non_null(ff);
	assert_string_equal(ff->value, "a");
	ff = form_get(&f, "text");
	assert_non_null(ff);
	assert_int_equal(ff->value_len, 2);
	ff = form_get(&f, "empty");
	assert_non_null(ff);
	assert_string_equal(ff->value, "");
	assert_int_equal(ff->value_len, 0);
	assert_null(form_get(&f, "missing"));
	assert_null(form_get(&f, "topic"));
	assert_null(form_get(&f, "TEXT"));
	/* form_value: an empty field is as good as none */
	assert_string_equal(form_value(&f, "topics"), "a");
	assert_null(form_value(&f, "empty"));
	assert_null(form_value(&f, "missing"));
	form_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_accepted),    cmocka_unit_test(test_parse_refused),
		cmocka_unit_test(test_parse_raw_nul),     cmocka_unit_test(test_parse_respects_length),
		cmocka_unit_test(test_parse_field_limit), cmocka_unit_test(test_get_first_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
