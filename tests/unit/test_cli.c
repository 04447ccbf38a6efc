/*
 * test_cli.c - command-line options from a table: flags, values, operands between options,
 * unknown options and missing values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>

#include "cli.h"
#include "util.h"

struct opts {
	const char *database, *week;
	bool quiet, full;
};

static const struct cli_option table[] = {
	{ "database", 'd', true, offsetof(struct opts, database) },
	{ "quiet", 'q', false, offsetof(struct opts, quiet) },
	{ "full", 0, false, offsetof(struct opts, full) },
	{ "week", 0, true, offsetof(struct opts, week) },
};

static enum cli_result parse(int argc, char **argv, struct opts *o, int *first, const char **bad)
{
	*o = (struct opts){ 0 };
	return cli_parse(argc, argv, table, ARRAY_LEN(table), o, first, bad);
}

static void test_values_flags_and_operands(void **state)
{
	char *argv[] = { "prog", "-q",       "report", "--week", "2026-W05",
			 "-d",   "dbname=x", "--full", "more",   NULL };
	struct opts o;
	const char *bad = NULL;
	int first = -1;

	(void)state;
	assert_int_equal(parse(9, argv, &o, &first, &bad), CLI_OK);
	assert_true(o.quiet);
	assert_true(o.full);
	assert_string_equal(o.database, "dbname=x");
	assert_string_equal(o.week, "2026-W05");
	/* GNU getopt moves the operands to the end, in their order */
	assert_int_equal(first, 7);
	assert_string_equal(argv[first], "report");
	assert_string_equal(argv[first + 1], "more");
}

static void test_unknown_and_missing(void **state)
{
	char *unknown[] = { "prog", "--bogus", NULL };
	char *short_unknown[] = { "prog", "-x", NULL };
	char *missing[] = { "prog", "--week", NULL };
	char *long_only[] = { "prog", "-f", NULL }; /* --full has no letter */
	struct opts o;
	const char *bad = NULL;
	int first;

	(void)state;
	assert_int_equal(parse(2, unknown, &o, &first, &bad), CLI_UNKNOWN);
	assert_string_equal(bad, "--bogus");
	assert_int_equal(parse(2, short_unknown, &o, &first, &bad), CLI_UNKNOWN);
	assert_int_equal(parse(2, missing, &o, &first, &bad), CLI_NO_VALUE);
	assert_string_equal(bad, "--week");
	assert_int_equal(parse(2, long_only, &o, &first, &bad), CLI_UNKNOWN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_flags_and_operands),
		cmocka_unit_test(test_unknown_and_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
