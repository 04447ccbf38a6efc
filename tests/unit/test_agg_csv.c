/*
 * test_agg_csv.c - RFC 4180 fields and formula neutralisation (aggregator/csv.c),
 * table-driven: value in, field out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "buf.h"
#include "csv.h"
#include "sink.h"
#include "util.h"

static void test_fields(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "plain", "plain" },
		{ "Статья 4", "Статья 4" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "line\nbreak", "\"line\nbreak\"" },
		{ "cr\rhere", "\"cr\rhere\"" },
		/* formulas: a leading apostrophe, inside quotes */
		{ "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"" },
		{ "+SUM(1,2)", "\"'+SUM(1,2)\"" },
		{ "-2+3", "\"'-2+3\"" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"" },
		{ "\tTAB", "\"'\tTAB\"" },
		{ "\rCR", "\"'\rCR\"" },
		{ "=\"quoted\"", "\"'=\"\"quoted\"\"\"" },
		/* only the first character matters */
		{ "a=b", "a=b" },
		{ " =x", " =x" },
		{ "1-2", "1-2" },
	};
	struct buf b;
	struct sink s;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf_init(&b, 0);
		sink_to_buf(&s, &b);
		csv_field(&s, cases[i].in, true);
		assert_string_equal(b.data, cases[i].out);
		assert_int_equal(csv_is_formula(cases[i].in),
				 cases[i].out[0] == '"' && cases[i].out[1] == '\'');
		buf_free(&b);
	}
}

static void test_rows(void **state)
{
	struct buf b;
	struct sink s;

	(void)state;
	buf_init(&b, 0);
	sink_to_buf(&s, &b);
	csv_field(&s, "part", true);
	csv_field(&s, "article:4", false);
	csv_number(&s, 12);
	csv_field(&s, "", false);
	csv_end_row(&s);
	assert_string_equal(b.data, "part,article:4,12,\r\n");
	assert_true(sink_ok(&s));
	buf_free(&b);
}

static void test_sink_limit(void **state)
{
	struct buf b;
	struct sink s;

	(void)state;
	buf_init(&b, 8);
	sink_to_buf(&s, &b);
	csv_field(&s, "12345", true);
	assert_true(sink_ok(&s));
	csv_field(&s, "67890", false); /* over the buffer's limit: the sink fails, and stays failed */
	assert_false(sink_ok(&s));
	csv_field(&s, "x", false);
	assert_false(sink_ok(&s));
	assert_string_equal(b.data, "12345,"); /* the separator fitted, the field did not */
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_sink_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
