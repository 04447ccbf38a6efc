/*
 * test_agg_period.c - dates as day numbers and ISO 8601 weeks (aggregator/period.c),
 * table-driven, with the years that have a week 53 and the edges of years.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "period.h"
#include "util.h"

static void test_dates_round_trip(void **state)
{
	static const struct {
		const char *text;
		long day;
	} cases[] = {
		{ "1970-01-01", 0 },      { "1970-01-02", 1 },       { "1969-12-31", -1 },
		{ "2000-02-29", 11016 },  { "2026-01-30", 20483 },   { "2026-12-31", 20818 },
		{ "1900-03-01", -25508 }, { "9999-12-31", 2932896 },
	};
	char out[PERIOD_DATE_LEN];
	long day;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		assert_true(period_parse_date(cases[i].text, &day));
		assert_int_equal(day, cases[i].day);
		period_format_date(day, out);
		assert_string_equal(out, cases[i].text);
	}
}

static void test_dates_refused(void **state)
{
	static const char *const bad[] = {
		"",           "2026-1-30",  "2026-01-30 ", "2026/01/30",       "2026-02-29", "2025-02-29",
		"2100-02-29", "2026-13-01", "2026-00-10",  "2026-04-31",       "2026-01-00", "1899-12-31",
		"20260130",   "2026-01-3x", "+026-01-30",  "2026-01-30T00:00",
	};
	long day = 42;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		assert_false(period_parse_date(bad[i], &day));
		assert_int_equal(day, 42); /* untouched on failure */
	}
	assert_true(period_parse_date("2024-02-29", &day)); /* a leap year */
	assert_true(period_parse_date("2000-02-29", &day)); /* divisible by 400 */
}

static void test_weekdays(void **state)
{
	long day;

	(void)state;
	assert_true(period_parse_date("2026-01-30", &day));
	assert_int_equal(period_weekday(day), 5); /* a Friday */
	assert_int_equal(period_monday(day), day - 4);
	assert_true(period_parse_date("1969-12-29", &day));
	assert_int_equal(period_weekday(day), 1); /* before the epoch too */
	assert_int_equal(period_monday(day), day);
	assert_int_equal(period_weekday(day + 6), 7);
}

static void test_iso_weeks(void **state)
{
	static const struct {
		const char *date, *week;
	} cases[] = {
		{ "2026-01-30", "2026-W05" }, { "2026-01-26", "2026-W05" }, { "2026-02-01", "2026-W05" },
		{ "2026-01-01", "2026-W01" }, { "2025-12-29", "2026-W01" }, /* Monday of 2026's week 1 */
		{ "2026-12-31", "2026-W53" }, { "2027-01-03", "2026-W53" }, /* 2026 has 53 weeks */
		{ "2027-01-04", "2027-W01" }, { "2021-01-03", "2020-W53" }, { "2024-12-30", "2025-W01" },
		{ "2008-12-29", "2009-W01" }, { "2010-01-03", "2009-W53" },
	};
	char out[PERIOD_WEEK_LEN];
	long day, monday;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		assert_true(period_parse_date(cases[i].date, &day));
		period_format_week(day, out);
		assert_string_equal(out, cases[i].week);
		assert_true(period_parse_week(cases[i].week, &monday));
		assert_int_equal(monday, period_monday(day));
	}
}

static void test_weeks_refused(void **state)
{
	static const char *const bad[] = {
		"",         "2026-W00", "2026-W54",  "2027-W53", "2025-W53", "2026W05",
		"2026-w05", "2026-W5",  "2026-W055", "1899-W10", "2026-05",
	};
	long monday = 7;

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(bad); i++)
		assert_false(period_parse_week(bad[i], &monday));
	assert_int_equal(monday, 7);
	assert_true(period_parse_week("2026-W53", &monday));
	assert_true(period_parse_week("2020-W53", &monday));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates_round_trip), cmocka_unit_test(test_dates_refused),
		cmocka_unit_test(test_weekdays),         cmocka_unit_test(test_iso_weeks),
		cmocka_unit_test(test_weeks_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
