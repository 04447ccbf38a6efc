/*
 * test_lang.c - interface languages: parsing, Accept-Language, and that every string the
 * form and its error messages use exists in Kazakh, Russian and English.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "util.h"

static void test_lang_code(void **state)
{
	(void)state;
	assert_string_equal(lang_code(LANG_KK), "kk");
	assert_string_equal(lang_code(LANG_RU), "ru");
	assert_string_equal(lang_code(LANG_EN), "en");
}

static void test_lang_parse(void **state)
{
	static const struct {
		const char *in;
		bool ok;
		enum lang want;
	} cases[] = {
		{ "kk", true, LANG_KK },     { "ru", true, LANG_RU },  { "en", true, LANG_EN },
		{ "KK", false, LANG_KK },    { "kz", false, LANG_KK }, { "k", false, LANG_KK },
		{ "kkk", false, LANG_KK },   { "", false, LANG_KK },   { " en", false, LANG_KK },
		{ "en-US", false, LANG_KK }, { NULL, false, LANG_KK },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		enum lang l = LANG_COUNT; /* a value lang_parse must not leave when it succeeds */

		if (lang_parse(cases[i].in, &l) != cases[i].ok)
			fail_msg("\"%s\": want %s", cases[i].in ? cases[i].in : "(null)",
				 cases[i].ok ? "accepted" : "refused");
		if (cases[i].ok && l != cases[i].want)
			fail_msg("\"%s\": got %d", cases[i].in, (int)l);
	}
	for (int i = 0; i < LANG_COUNT; i++) {
		enum lang l;

		assert_true(lang_parse(lang_code((enum lang)i), &l));
		assert_int_equal(l, i);
	}
}

static const struct {
	const char *header;
	enum lang want;
} accept_cases[] = {
	{ NULL, LANG_KK },
	{ "", LANG_KK },
	{ "de", LANG_KK },
	{ "*", LANG_KK },
	{ "de-DE,fr;q=0.9", LANG_KK },
	{ "ru", LANG_RU },
	{ "EN", LANG_EN },
	{ "En-gb", LANG_EN },
	{ "ru-RU,ru;q=0.9,en;q=0.8", LANG_RU },
	{ "en;q=0.5, kk;q=0.8", LANG_KK },
	{ "en;q=0.5,ru;q=0.6", LANG_RU },
	{ "en-US,en;q=0.9,ru;q=0.8,kk;q=0.7", LANG_EN },
	{ "de-DE,de;q=0.9,ru;q=0.5", LANG_RU },
	{ "zh-Hant-TW,en;q=0.3", LANG_EN },
	{ "ru;q=1, en;q=1.0", LANG_RU }, /* a tie keeps the first */
	{ "en ; q=0.5 , ru ; q=0.7", LANG_RU },
	{ "english,ru;q=0.1", LANG_RU }, /* "eng..." is not "en" */
	{ "ru-RU", LANG_RU },
	{ ",,, ,", LANG_KK },
};

static void test_lang_from_accept(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(accept_cases); i++) {
		/* A heap copy so that a read past the end is caught by the sanitizers. */
		char *h = accept_cases[i].header ? xstrdup(accept_cases[i].header) : NULL;
		enum lang got = lang_from_accept(h);

		if (got != accept_cases[i].want)
			fail_msg("\"%s\": got %s, want %s", h ? h : "(null)", lang_code(got),
				 lang_code(accept_cases[i].want));
		free(h);
	}
}

/*
 * Regression (was a bug): fcgi/lang.c lang_from_accept reads past the end of the header when it ends in "q="
 * (e.g. "en;q="): qp[2] is the terminating NUL, which is not '1', so qp[3] (one byte past
 * the string) is read. AddressSanitizer reports a heap-buffer-overflow (READ of size 1).
 * Expected: no out-of-bounds read and the weight treated as 0 or malformed.
 */
static void test_lang_from_accept_truncated_q(void **state)
{
	char *h = xstrdup("en;q=");

	(void)state;
	(void)lang_from_accept(h);
	free(h);
}

/*
 * Regression (was a bug): fcgi/lang.c lang_from_accept picks a language whose weight is q=0, which RFC 9110
 * section 12.4.2 defines as "not acceptable". Input "en;q=0": expected LANG_KK (the default,
 * nothing acceptable), actual LANG_EN. Likewise "kk;q=0.5,en;q=0" is right only by accident.
 */
static void test_lang_from_accept_q_zero(void **state)
{
	(void)state;
	assert_int_equal(lang_from_accept("en;q=0"), LANG_KK);
	assert_int_equal(lang_from_accept("ru;q=0, en;q=0.0"), LANG_KK);
}

static void test_tr_falls_back_to_key(void **state)
{
	(void)state;
	for (int i = 0; i < LANG_COUNT; i++) {
		assert_string_equal(lang_tr((enum lang)i, "no.such.key"), "no.such.key");
		assert_string_equal(lang_tr((enum lang)i, ""), "");
	}
	assert_false(lang_tr_complete("no.such.key"));
	assert_string_equal(lang_tr(LANG_EN, "form.submit"), "Submit the proposal");
	assert_string_equal(lang_tr(LANG_KK, "lang.name"), "Қазақша");
	assert_string_equal(lang_tr(LANG_RU, "lang.name"), "Русский");
}

/* Every key page.c and routes.c ask for. */
static const char *const page_keys[] = {
	"lang.name",
	"site.tagline",
	"form.heading",
	"form.intro",
	"form.closed",
	"field.target",
	"target.choose",
	"group.whole",
	"group.sections",
	"group.articles",
	"field.stance",
	"stance.support",
	"stance.oppose",
	"stance.amend",
	"field.topics",
	"field.text",
	"text.hint",
	"count.left.one",
	"count.left.few",
	"count.left.many",
	"count.left.other",
	"count.over.one",
	"count.over.few",
	"count.over.many",
	"count.over.other",
	"list.sort",
	"nav.lang",
	"nav.pages",
	"view.stance",
	"view.stance.support",
	"view.stance.oppose",
	"view.stance.amend",
	"view.topics",
	"view.text",
	"view.proposed_wording",
	"view.region",
	"support.not_supported",
	"err.unavailable_support",
	"err.unavailable_report",
	"err.unavailable_action",
	"err.internal",
	"field.proposed_wording",
	"field.lang",
	"field.region",
	"form.submit",
	"errors.summary",
	"receipt.title",
	"receipt.number",
	"receipt.recorded",
	"receipt.keep",
	"receipt.another",
	"receipt.json",
	"notfound.title",
	"notfound.text",
	"error.title",
	"none.consultation",
	"report.title",
	"report.intro",
	"report.button",
	"report.done",
	"field.report_iin",
	"err.not_filed_in_your_name",
};

/*
 * Every code fcgi/proposal.c and fcgi/routes.c add to a struct errors that page_form can show
 * ("err." + code), except the ones listed in test_tr_error_codes_not_shown_in_forms.
 */
static const char *const form_error_codes[] = {
	"required",
	"invalid_type",
	"unknown_target",
	"invalid_target",
	"invalid_stance",
	"unknown_topic",
	"too_many_topics",
	"text_too_long",
	"wording_not_allowed",
	"invalid_lang",
	"unknown_region",
	"unknown_consultation",
	"consultation_closed",
	"invalid_utf8",
	"control_character",
	"unavailable",
};

/* The analysts' pages (fcgi/staff_parts.c, staff_query.c). */
static const char *const analyst_page_keys[] = {
	"staff.part.all",      "staff.part.campaigns",  "staff.part.excerpt", "staff.part.figures",
	"staff.part.none",     "staff.part.note",       "staff.part.on_part", "staff.part.search",
	"staff.part.size",     "staff.part.stances",    "staff.part.top",     "staff.part.topics",
	"staff.part.trend",    "staff.part.trend_desc", "staff.part.unknown", "staff.part.week",
	"staff.part.wordings", "staff.query.answer",    "staff.query.bom",    "staff.query.button",
	"staff.query.by",      "staff.query.csv_note",  "staff.query.curl",   "staff.query.format",
	"staff.query.intro",   "staff.query.invalid",   "staff.query.key",    "staff.query.label",
	"staff.query.labels",  "staff.query.title",     "staff.query.url",
};

static void assert_complete(const char *key)
{
	if (!lang_tr_complete(key))
		fail_msg("\"%s\" is missing in at least one language", key);
	for (int i = 0; i < LANG_COUNT; i++)
		if (strcmp(lang_tr((enum lang)i, key), key) == 0 || lang_tr((enum lang)i, key)[0] == '\0')
			fail_msg("\"%s\" has no %s text", key, lang_code((enum lang)i));
}

static void test_tr_page_keys_complete(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(page_keys); i++)
		assert_complete(page_keys[i]);
}

static void test_tr_analyst_page_keys_complete(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(analyst_page_keys); i++)
		assert_complete(analyst_page_keys[i]);
}

static void test_tr_error_codes_complete(void **state)
{
	char key[64];

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(form_error_codes); i++) {
		snprintf(key, sizeof(key), "err.%s", form_error_codes[i]);
		assert_complete(key);
	}
}

/* The form's error summary labels each error with "field." + the field it names. */
static void test_tr_field_labels_complete(void **state)
{
	static const char *const fields[] = {
		"field.target",           "field.stance", "field.topics", "field.text",
		"field.proposed_wording", "field.lang",   "field.region",
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(fields); i++)
		assert_complete(fields[i]);
}

/*
 * Regression (was a bug): fcgi/lang.c has no "field.consultation" string, but fcgi/proposal.c
 * validate_consultation adds errors with field "consultation" (unknown_consultation,
 * required, consultation_closed). A form posted with an unknown consultation slug is shown
 * again (routes.c form_again) and page.c error_summary prints the raw key
 * "field.consultation: ..." in the summary. Expected: a label in kk, ru and en.
 */
static void test_tr_consultation_label(void **state)
{
	(void)state;
	assert_complete("field.consultation");
}

/*
 * Regression (was a bug): fcgi/proposal.c proposal_input_from_json adds code "unknown_field" with a field name,
 * but fcgi/lang.c has no "err.unknown_field" string (nor "err.malformed_json" and
 * "err.malformed_form", which have no field). Today these reach only JSON replies (400s and
 * unknown JSON members never render the form), so page_form would show the raw key if it
 * were ever given one. Expected: lang_tr_complete("err.unknown_field") is true.
 */
static void test_tr_unknown_field_message(void **state)
{
	(void)state;
	assert_complete("err.unknown_field");
	assert_complete("err.malformed_json");
	assert_complete("err.malformed_form");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang_code),
		cmocka_unit_test(test_lang_parse),
		cmocka_unit_test(test_lang_from_accept),
		cmocka_unit_test(test_tr_falls_back_to_key),
		cmocka_unit_test(test_tr_page_keys_complete),
		cmocka_unit_test(test_tr_analyst_page_keys_complete),
		cmocka_unit_test(test_tr_error_codes_complete),
		cmocka_unit_test(test_tr_field_labels_complete),
		cmocka_unit_test(test_lang_from_accept_truncated_q),
		cmocka_unit_test(test_lang_from_accept_q_zero),
		cmocka_unit_test(test_tr_consultation_label),
		cmocka_unit_test(test_tr_unknown_field_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
