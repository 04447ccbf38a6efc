/*
 * test_agg_text.c - numbers and words of reports (aggregator/report_text.c), truncation of
 * labels (render.c), and the progress bar's text (progress.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "progress.h"
#include "render_internal.h"
#include "report_text.h"
#include "util.h"

#define NBSP "\xc2\xa0"

static void test_counts(void **state)
{
	static const struct {
		enum report_lang lang;
		long long n;
		const char *out;
	} cases[] = {
		{ LANG_EN, 0, "0" },
		{ LANG_EN, 999, "999" },
		{ LANG_EN, 1000, "1,000" },
		{ LANG_EN, 1234567, "1,234,567" },
		{ LANG_RU, 12345, "12" NBSP "345" },
		{ LANG_KK, 100000, "100" NBSP "000" },
		{ LANG_RU, -4321, "-4" NBSP "321" },
	};
	char out[64];

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		report_count(cases[i].lang, cases[i].n, out, sizeof(out));
		assert_string_equal(out, cases[i].out);
	}
}

static void test_changes_and_shares(void **state)
{
	char out[96];

	(void)state;
	report_change(LANG_EN, 1234, out, sizeof(out));
	assert_string_equal(out, "+1,234");
	report_change(LANG_RU, -56, out, sizeof(out));
	assert_string_equal(out, "\xe2\x88\x92"
				 "56"); /* a minus sign, not a hyphen */
	report_change(LANG_KK, 0, out, sizeof(out));
	assert_string_equal(out, "0");
	/* A share always comes with its counts. */
	report_share(LANG_EN, 5, 8, out, sizeof(out));
	assert_string_equal(out, "62.5% (5 / 8)");
	report_share(LANG_RU, 1, 3, out, sizeof(out));
	assert_string_equal(out, "33,3" NBSP "% (1 / 3)");
	report_share(LANG_EN, 2, 3, out, sizeof(out));
	assert_string_equal(out, "66.7% (2 / 3)");
	report_share(LANG_EN, 1, 2000, out, sizeof(out)); /* 0.05%: rounds half up */
	assert_string_equal(out, "0.1% (1 / 2,000)");
	report_share(LANG_EN, 0, 0, out, sizeof(out));
	assert_string_equal(out, "\xe2\x80\x93");
}

static void test_every_key_translated(void **state)
{
	static const char *const keys[] = {
		"report",
		"session",
		"week",
		"range",
		"period",
		"previous",
		"cut_off",
		"time_zone",
		"issued",
		"provisional",
		"ad_hoc",
		"totals",
		"proposals",
		"people",
		"supports",
		"change",
		"all",
		"support",
		"oppose",
		"amend",
		"support_level",
		"support_level_note",
		"parts",
		"part",
		"topics",
		"topic",
		"regions",
		"region",
		"channels",
		"channel",
		"trend",
		"support_chart",
		"heatmap",
		"heatmap_note",
		"top",
		"new",
		"no_proposals",
		"version",
		"notes",
		"note_people",
		"note_supports",
		"note_days",
		"note_top",
		"generated_by",
		"campaigns",
		"campaign",
		"texts",
		"first_seen",
		"last_seen",
		"peak",
		"burst",
		"no_campaigns",
		"note_campaigns",
		"burst_threshold",
		"campaign_texts",
	};
	enum report_lang lang;

	(void)state;
	/* An unknown key comes back as itself; Kazakh and Russian words never look like a key
	 * (English ones may: "new"). */
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		assert_string_not_equal(report_text(LANG_KK, keys[i]), keys[i]);
		assert_string_not_equal(report_text(LANG_RU, keys[i]), keys[i]);
		assert_true(report_text(LANG_EN, keys[i])[0] != '\0');
	}
	assert_string_equal(report_text(LANG_EN, "no-such-key"), "no-such-key");
	assert_true(report_lang_parse("kk", &lang) && lang == LANG_KK);
	assert_false(report_lang_parse("de", &lang));
	assert_false(report_lang_parse("", &lang));
}

static void test_truncate(void **state)
{
	char out[64];

	(void)state;
	render_truncate("short", 10, out, sizeof(out));
	assert_string_equal(out, "short");
	render_truncate("exactly10!", 10, out, sizeof(out));
	assert_string_equal(out, "exactly10!");
	render_truncate("eleven char", 10, out, sizeof(out));
	assert_string_equal(out, "eleven ch\xe2\x80\xa6");
	/* Cyrillic: cut between characters, never inside one. */
	render_truncate("Суверенитет", 5, out, sizeof(out));
	assert_string_equal(out, "Суве\xe2\x80\xa6");
}

static void test_progress_text(void **state)
{
	char out[128];

	(void)state;
	progress_format(out, sizeof(out), 10, 4, 10, "changes");
	assert_string_equal(out, "[####------]  40%  4/10 changes");
	progress_format(out, sizeof(out), 10, 12, 10, "changes"); /* never past the end */
	assert_string_equal(out, "[##########] 100%  10/10 changes");
	progress_format(out, sizeof(out), 10, 7, 0, "steps");
	assert_string_equal(out, "7 steps");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_changes_and_shares),
		cmocka_unit_test(test_every_key_translated),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_progress_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
