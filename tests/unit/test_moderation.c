/*
 * test_moderation.c - the moderation API's parsers (fcgi/moderation.c): JSON bodies,
 * the log's and the flags' query strings; and the CSV field writer (common/csv.c).
 * Table-driven: input, whether it is accepted, and what comes out or which error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "moderation.h"
#include "reply.h"
#include "util.h"

static void test_bodies(void **state)
{
	static const struct {
		const char *body;
		unsigned allowed;
		int status;        /* 0: accepted */
		const char *code;  /* the first error's code */
		const char *field; /* ... and field */
		const char *reason, *of, *decision;
	} cases[] = {
		{ "{\"reason\":\"spam\"}", 0, 0, NULL, NULL, "spam", "", "" },
		{ "{\"reason\":\"  trimmed\\r\\nlines  \"}", 0, 0, NULL, NULL, "trimmed\nlines", "", "" },
		/* NFC: e + combining acute becomes é */
		{ "{\"reason\":\"e\\u0301\"}", 0, 0, NULL, NULL, "\xc3\xa9", "", "" },
		{ "{\"reason\":\"dup\",\"of\":12}", MODERATION_FIELD_OF, 0, NULL, NULL, "dup", "12", "" },
		{ "{\"decision\":\"keep\",\"reason\":\"ok\"}", MODERATION_FIELD_DECISION, 0, NULL, NULL, "ok",
		  "", "keep" },
		{ "{\"decision\":\"hide\",\"reason\":\"ok\"}", MODERATION_FIELD_DECISION, 0, NULL, NULL, "ok",
		  "", "hide" },
		/* refused */
		{ "", 0, 422, "required", "reason" },
		{ "{}", 0, 422, "required", "reason" },
		{ "{\"reason\":\" \\t \"}", 0, 422, "required", "reason" },
		{ "{\"reason\":null}", 0, 422, "invalid_type", "reason" },
		{ "{\"reason\":[\"x\"]}", 0, 422, "invalid_type", "reason" },
		{ "{\"reason\":\"x\\u0007\"}", 0, 400, "control_character", "reason" },
		{ "{\"reason\":\"x\",\"of\":12}", 0, 422, "unknown_field", "of" },
		{ "{\"reason\":\"x\",\"decision\":\"keep\"}", MODERATION_FIELD_OF, 422, "unknown_field",
		  "decision" },
		{ "{\"reason\":\"x\",\"of\":\"12\"}", MODERATION_FIELD_OF, 422, "invalid_type", "of" },
		{ "{\"reason\":\"x\",\"of\":1.5}", MODERATION_FIELD_OF, 422, "invalid_type", "of" },
		{ "{\"reason\":\"x\",\"of\":0}", MODERATION_FIELD_OF, 422, "unknown_original", "of" },
		{ "{\"reason\":\"x\",\"of\":-4}", MODERATION_FIELD_OF, 422, "unknown_original", "of" },
		{ "{\"reason\":\"x\"}", MODERATION_FIELD_DECISION, 422, "required", "decision" },
		{ "{\"reason\":\"x\",\"decision\":\"HIDE\"}", MODERATION_FIELD_DECISION, 422,
		  "invalid_decision", "decision" },
		{ "{\"reason\":\"x\",\"decision\":true}", MODERATION_FIELD_DECISION, 422, "invalid_decision",
		  "decision" },
		{ "{\"reason\":\"a\",\"reason\":\"b\"}", 0, 400, "malformed_json", "" },
		{ "[\"reason\"]", 0, 400, "malformed_json", "" },
		{ "{\"reason\":", 0, 400, "malformed_json", "" },
		{ "{\"reason\":\"\xff\"}", 0, 400, "invalid_utf8", "" },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct moderation_body b;
		struct errors errs = { .count = 0 };
		bool ok = moderation_body_parse(cases[i].body, strlen(cases[i].body), cases[i].allowed, &b,
						&errs);

		if (ok != (cases[i].status == 0))
			fail_msg("%s: expected %s", cases[i].body, ok ? "a refusal" : "it accepted");
		if (ok) {
			assert_string_equal(b.reason, cases[i].reason);
			assert_string_equal(b.of, cases[i].of);
			assert_string_equal(b.decision, cases[i].decision);
		} else {
			const struct field_error *e = errors_primary(&errs);

			assert_null(b.reason);
			assert_int_equal(reply_status_of(e->kind), cases[i].status);
			assert_string_equal(e->code, cases[i].code);
			assert_string_equal(e->field, cases[i].field);
		}
		moderation_body_free(&b);
	}
}

/* 1000 characters are fine, 1001 are not: counted in code points, not bytes. */
static void test_reason_length(void **state)
{
	struct buf body;
	struct moderation_body b;
	struct errors errs = { .count = 0 };

	(void)state;
	buf_init(&body, 0);
	buf_puts(&body, "{\"reason\":\"");
	for (int i = 0; i < MODERATION_REASON_MAX; i++)
		buf_puts(&body, "\xd0\xb6"); /* ж: two bytes, one character */
	buf_puts(&body, "\"}");
	assert_true(moderation_body_parse(body.data, body.len, 0, &b, &errs));
	moderation_body_free(&b);
	buf_reset(&body);
	buf_puts(&body, "{\"reason\":\"");
	for (int i = 0; i <= MODERATION_REASON_MAX; i++)
		buf_puts(&body, "\xd0\xb6");
	buf_puts(&body, "\"}");
	assert_false(moderation_body_parse(body.data, body.len, 0, &b, &errs));
	assert_string_equal(errors_primary(&errs)->code, "reason_too_long");
	buf_free(&body);
}

static void test_list_queries(void **state)
{
	static const struct {
		const char *query;
		bool is_log;
		const char *code, *field; /* NULL: accepted */
		const char *from, *to, *status, *after, *limit;
		bool csv, bom;
	} cases[] = {
		{ "", true, NULL, NULL, "", "", "open", "0", "1000", false, false },
		{ "", false, NULL, NULL, "", "", "open", "0", "100", false, false },
		{ "from=2026-02-01&to=2026-02-28&format=csv&bom=1&after=7&limit=10000", true, NULL, NULL,
		  "2026-02-01", "2026-02-28", "open", "7", "10000", true, true },
		{ "format=json&bom=0", true, NULL, NULL, "", "", "open", "0", "1000", false, false },
		{ "status=resolved&limit=1000", false, NULL, NULL, "", "", "resolved", "0", "1000", false,
		  false },
		{ "status=all", false, NULL, NULL, "", "", "all", "0", "100", false, false },
		{ "from=2026-02-01&to=2026-02-01", true, NULL, NULL, "2026-02-01", "2026-02-01", "open", "0",
		  "1000" },
		/* refused */
		{ "from=2026-2-01", true, "invalid_date", "from" },
		{ "to=yesterday", true, "invalid_date", "to" },
		{ "from=2026-02-02&to=2026-02-01", true, "invalid_range", "from" },
		{ "format=xml", true, "invalid_format", "format" },
		{ "bom=yes", true, "invalid_bom", "bom" },
		{ "limit=0", true, "invalid_limit", "limit" },
		{ "limit=10001", true, "invalid_limit", "limit" },
		{ "limit=1001", false, "invalid_limit", "limit" },
		{ "after=-1", true, "invalid_after", "after" },
		{ "after=1e3", false, "invalid_after", "after" },
		{ "status=closed", false, "invalid_status", "status" },
		{ "status=open", true, "unknown_parameter", "status" },
		{ "format=csv", false, "unknown_parameter", "format" },
		{ "from=2026-02-01", false, "unknown_parameter", "from" },
		{ "limit=5&limit=6", true, "repeated_parameter", "limit" },
		{ "x=%zz", true, "bad_request", "" },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct moderation_list_query q;
		struct errors errs = { .count = 0 };
		bool ok = moderation_list_query_parse(cases[i].query, cases[i].is_log, &q, &errs);

		if (ok != (cases[i].code == NULL))
			fail_msg("?%s: expected %s", cases[i].query, ok ? "a refusal" : "it accepted");
		if (ok) {
			assert_string_equal(q.from, cases[i].from);
			assert_string_equal(q.to, cases[i].to);
			assert_string_equal(q.status, cases[i].status);
			assert_string_equal(q.after, cases[i].after);
			assert_string_equal(q.limit, cases[i].limit);
			assert_int_equal(q.csv, cases[i].csv);
			assert_int_equal(q.bom, cases[i].bom);
		} else {
			assert_string_equal(errors_primary(&errs)->code, cases[i].code);
			assert_string_equal(errors_primary(&errs)->field, cases[i].field);
		}
	}
}

static void test_csv_fields(void **state)
{
	static const struct {
		const char *value, *out;
	} cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "=SUM(A1:A2)", "\"'=SUM(A1:A2)\"" },
		{ "+7 701", "\"'+7 701\"" },
		{ "-1", "\"'-1\"" },
		{ "@cmd", "\"'@cmd\"" },
		{ "\tx", "\"'\tx\"" },
		{ "=HYPERLINK(\"u\",\"c\")", "\"'=HYPERLINK(\"\"u\"\",\"\"c\"\")\"" },
		{ "a=b", "a=b" },
		{ "Модерация", "Модерация" },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct buf b;

		buf_init(&b, 0);
		csv_put(&b, cases[i].value, true);
		assert_string_equal(b.data, cases[i].out);
		buf_reset(&b);
		csv_put(&b, cases[i].value, false);
		assert_int_equal(b.data[0], ',');
		assert_string_equal(b.data + 1, cases[i].out);
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bodies),
		cmocka_unit_test(test_reason_length),
		cmocka_unit_test(test_list_queries),
		cmocka_unit_test(test_csv_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
