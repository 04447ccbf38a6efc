/*
 * test_import_reader.c - kenes-import's readers (CSV and JSON Lines), its checks on top of
 * the API's, timestamps, and the COPY text it stages. Files are read from memory with
 * fmemopen; validation runs against the unit tests' fixture consultation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fixture.h"
#include "identity.h"
#include "load.h"
#include "reader.h"
#include "validate.h"

#define HEADER "source_id,target,stance,topics,text,proposed_wording,lang,region\r\n"

struct file {
	FILE *f;
	struct import_reader *r;
	char err[256];
};

static void open_text(struct file *file, const char *text, enum import_format fmt)
{
	file->f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(file->f);
	file->r = import_reader_new(file->f, fmt, file->err, sizeof(file->err));
}

static void close_text(struct file *file)
{
	import_reader_free(file->r);
	fclose(file->f);
}

/* The first error's code, or "" when the record read cleanly. */
static const char *first_code(const struct import_record *rec)
{
	return rec->errs.count ? rec->errs.list[0].code : "";
}

static void test_csv_records_and_lines(void **state)
{
	struct file file;
	struct import_record rec;

	(void)state;
	open_text(&file,
		  HEADER
		  "a-1,article:4,support,sovereignty;courts,\"Quoted, with \"\"quotes\"\"\",,kk,KZ-71\r\n"
		  "a-2,general,amend,,\"two\r\nlines\",new,ru,\n"
		  "\r\n"
		  "a-3,preamble,oppose,,last without a line break,,en,",
		  IMPORT_CSV);
	assert_non_null(file.r);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_int_equal(rec.line, 2);
	assert_string_equal(first_code(&rec), "");
	assert_string_equal(rec.source_id, "a-1");
	assert_string_equal(rec.in.text, "Quoted, with \"quotes\"");
	assert_int_equal(rec.in.topic_count, 2);
	assert_string_equal(rec.in.topics[1], "courts");
	assert_string_equal(rec.in.region, "KZ-71");
	assert_string_equal(rec.in.proposed_wording, "");
	import_record_free(&rec);

	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_int_equal(rec.line, 3);
	assert_string_equal(rec.in.text, "two\r\nlines");
	assert_int_equal(rec.in.topic_count, 0);
	import_record_free(&rec);

	/* The empty line is skipped; line numbers count the two-line record. */
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_int_equal(rec.line, 6);
	assert_string_equal(rec.in.text, "last without a line break");
	assert_string_equal(rec.in.region, "");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 0);
	close_text(&file);
}

static void test_csv_bad_records_do_not_spill(void **state)
{
	static const struct {
		const char *row, *code;
	} cases[] = {
		{ "b-1,general,support,,te\"xt,,en,\r\n", "malformed_csv" },
		{ "b-2,general,support,,\"closed\"then more,,en,\r\n", "malformed_csv" },
		{ "b-3,general,support\r\n", "malformed_csv" },
		{ "b-4,general,support,,x,,en,,extra\r\n", "malformed_csv" },
		{ "b-5,general,support,,\"a, \r\nquoted\r\n, record\",,en,\r\n", "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct file file;
		struct import_record rec;
		struct buf text;

		buf_init(&text, 0);
		buf_printf(&text, HEADER "%sok,general,support,,after,,en,\r\n", cases[i].row);
		open_text(&file, text.data, IMPORT_CSV);
		assert_int_equal(import_reader_next(file.r, &rec), 1);
		assert_string_equal(first_code(&rec), cases[i].code);
		import_record_free(&rec);
		/* The next record is read whole and clean, whatever came before. */
		assert_int_equal(import_reader_next(file.r, &rec), 1);
		assert_string_equal(first_code(&rec), "");
		assert_string_equal(rec.source_id, "ok");
		assert_string_equal(rec.in.text, "after");
		import_record_free(&rec);
		close_text(&file);
		buf_free(&text);
	}
}

static void test_csv_unterminated_and_too_long(void **state)
{
	struct file file;
	struct import_record rec;
	struct buf text;

	(void)state;
	open_text(&file, HEADER "u-1,general,support,,\"never closed,,en,\r\nmore\r\n", IMPORT_CSV);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_string_equal(first_code(&rec), "malformed_csv");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 0);
	close_text(&file);

	buf_init(&text, 0);
	buf_puts(&text, HEADER "l-1,general,support,,");
	for (int i = 0; i < IMPORT_MAX_RECORD + 10; i++)
		buf_putc(&text, 'x');
	buf_puts(&text, ",,en,\r\nl-2,general,support,,short,,en,\r\n");
	open_text(&file, text.data, IMPORT_CSV);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_string_equal(first_code(&rec), "record_too_long");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_string_equal(rec.source_id, "l-2");
	assert_int_equal(rec.line, 3);
	import_record_free(&rec);
	close_text(&file);
	buf_free(&text);
}

static void test_csv_headers(void **state)
{
	static const struct {
		const char *text, *err;
	} cases[] = {
		{ "", "empty" },
		{ "source_id,colour\r\n", "unknown column \"colour\"" },
		{ "source_id,text,text\r\n", "appears twice" },
		{ "source_id,\"te\"xt\r\n", "malformed" },
		{ "channel,text\r\n", "unknown column \"channel\"" },
	};
	struct file file;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		open_text(&file, cases[i].text, IMPORT_CSV);
		assert_null(file.r);
		assert_non_null(strstr(file.err, cases[i].err));
		fclose(file.f);
	}
	/* A byte-order mark before the header is allowed. */
	open_text(&file, "\xEF\xBB\xBFsource_id,text\r\nx,y\r\n", IMPORT_CSV);
	assert_non_null(file.r);
	close_text(&file);
}

static void test_jsonl(void **state)
{
	struct file file;
	struct import_record rec;

	(void)state;
	open_text(&file,
		  "{\"source_id\":\"j-1\",\"source\":\"egov\",\"target\":\"general\",\"topics\":[\"courts\"],"
		  "\"text\":\"x\",\"submitted_at\":null}\r\n"
		  "\n"
		  "   \n"
		  "{\"source_id\":\"j-2\",\"colour\":\"red\"}\n"
		  "{\"source_id\":3}\n"
		  "{broken\n"
		  "[1]\n"
		  "{\"source_id\":\"j-6\",\"text\":\"\\u0000\"}",
		  IMPORT_JSONL);
	assert_non_null(file.r);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_int_equal(rec.line, 1);
	assert_string_equal(first_code(&rec), "");
	assert_string_equal(rec.source, "egov");
	assert_null(rec.submitted_at);
	assert_string_equal(rec.in.topics[0], "courts");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_int_equal(rec.line, 4);
	assert_string_equal(first_code(&rec), "unknown_field");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_string_equal(first_code(&rec), "invalid_type");
	assert_string_equal(rec.errs.list[0].field, "source_id");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_int_equal(rec.line, 6);
	assert_string_equal(first_code(&rec), "malformed_json");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_string_equal(first_code(&rec), "malformed_json");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 1);
	assert_int_equal(rec.line, 8);
	assert_string_equal(first_code(&rec), "control_character");
	import_record_free(&rec);
	assert_int_equal(import_reader_next(file.r, &rec), 0);
	close_text(&file);
}

static void test_timestamps(void **state)
{
	static const struct {
		const char *s;
		long long t; /* -1: refused */
	} cases[] = {
		{ "2026-02-08T12:30:09+05:00", 1770535809 },
		{ "2026-02-08T07:30:09Z", 1770535809 },
		{ "2026-02-08 07:30:09.123456z", 1770535809 },
		{ "2024-02-29T00:00:00-01:30", 1709170200 },
		{ "2026-02-29T00:00:00Z", -1 },
		{ "2026-02-08T12:30:09", -1 },
		{ "2026-02-08", -1 },
		{ "2026-13-01T00:00:00Z", -1 },
		{ "2026-02-08T24:00:00Z", -1 },
		{ "2026-02-08T12:30:09+0500", -1 },
		{ "2026-02-08T12:30:09.Z", -1 },
		{ "1999-12-31T23:59:59Z", -1 },
		{ "yesterday", -1 },
		{ "", -1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		time_t t = 0;
		bool ok = import_timestamp_parse(cases[i].s, &t);

		if (cases[i].t < 0) {
			assert_false(ok);
		} else {
			assert_true(ok);
			assert_int_equal((long long)t, cases[i].t);
		}
	}
}

static struct import_rules rules(void)
{
	struct import_rules r = { .default_source = "letter", .source_count = 3, .now = 1790000000 };

	r.sources[0] = "e-otinish";
	r.sources[1] = "egov";
	r.sources[2] = "letter";
	return r;
}

/* Validates the only record of a CSV body under HEADER plus extra columns. */
static bool validate_csv(const char *header, const char *row, const struct import_rules *r,
			 struct import_record *rec, struct import_row *out)
{
	struct file file;
	struct buf text;
	bool ok;

	buf_init(&text, 0);
	buf_printf(&text, "%s\r\n%s\r\n", header, row);
	open_text(&file, text.data, IMPORT_CSV);
	assert_non_null(file.r);
	assert_int_equal(import_reader_next(file.r, rec), 1);
	ok = import_validate(rec, r, out);
	close_text(&file);
	buf_free(&text);
	return ok;
}

static void test_validate(void **state)
{
	static const struct {
		const char *header, *row, *code, *field;
	} cases[] = {
		{ "source_id,target,stance,text,lang", "v,article:4,support,ok,kk", "", "" },
		{ "source_id,target,stance,text,lang,source", "v,article:4,support,ok,kk,egov", "", "" },
		{ "source_id,target,stance,text,lang,source", "v,article:4,support,ok,kk,post",
		  "unknown_source", "source" },
		{ "target,stance,text,lang", "article:4,support,ok,kk", "required", "source_id" },
		{ "source_id,target,stance,text,lang", "\"a\rb\",article:4,support,ok,kk",
		  "invalid_source_id", "source_id" },
		{ "source_id,target,stance,text,lang,submitted_at",
		  "v,article:4,support,ok,kk,2030-01-01T00:00:00Z", "submitted_in_future", "submitted_at" },
		{ "source_id,target,stance,text,lang,iin", "v,article:4,support,ok,kk,900101300000",
		  "invalid_iin", "iin" },
		{ "source_id,target,stance,text,lang", "v,article:9,support,ok,kk", "unknown_target",
		  "target" },
		{ "source_id,target,stance,text,lang,topics", "v,article:4,support,ok,kk,courts;", "required",
		  "topics" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct import_rules r = rules();
		struct import_record rec;
		struct import_row row;
		bool ok = validate_csv(cases[i].header, cases[i].row, &r, &rec, &row);

		assert_int_equal(ok, cases[i].code[0] == '\0');
		if (!ok) {
			assert_string_equal(rec.errs.list[0].code, cases[i].code);
			assert_string_equal(rec.errs.list[0].field, cases[i].field);
		} else {
			assert_string_equal(row.p.channel, "import");
			assert_string_equal(row.source, strstr(cases[i].header, "source,") ||
									strstr(cases[i].header, ",source")
								? "egov"
								: "letter");
		}
		import_row_free(&row);
		import_record_free(&rec);
	}
}

static void test_source_id_length(void **state)
{
	struct import_rules r = rules();
	struct import_record rec;
	struct import_row row;
	char line[400];

	(void)state;
	memset(line, 'i', IMPORT_SOURCE_ID_MAX + 1);
	snprintf(line + IMPORT_SOURCE_ID_MAX + 1, sizeof(line) - IMPORT_SOURCE_ID_MAX - 1,
		 ",general,support,x,en");
	assert_false(validate_csv("source_id,target,stance,text,lang", line, &r, &rec, &row));
	assert_string_equal(rec.errs.list[0].code, "source_id_too_long");
	import_row_free(&row);
	import_record_free(&rec);
	memmove(line + 1, line + 2, strlen(line + 2) + 1);
	assert_true(validate_csv("source_id,target,stance,text,lang", line, &r, &rec, &row));
	import_row_free(&row);
	import_record_free(&rec);
}

static void test_pseudonym_and_copy_line(void **state)
{
	static const unsigned char key[32] = "0123456789abcdef0123456789abcdef";
	struct import_rules r = rules();
	struct import_record rec;
	struct import_row row;
	unsigned char expect[PSEUDONYM_BYTES];
	char hex[PSEUDONYM_HEX_LEN];
	struct buf line;

	(void)state;
	identity_key_set(key, sizeof(key));
	r.pseudonyms = true;
	assert_true(validate_csv(
		"source_id,target,stance,topics,text,proposed_wording,lang,iin,submitted_at",
		"id\\1,article:4,amend,courts;rights;courts,\" tab\there\r\nnext \",new,ru,900101300007,"
		"2026-02-08T12:30:09+05:00",
		&r, &rec, &row));
	identity_pseudonym(FIXTURE_SLUG, "iin", "900101300007", expect);
	identity_pseudonym_hex(expect, hex);
	assert_true(row.has_submitter);
	assert_string_equal(row.submitter, hex);
	buf_init(&line, 0);
	import_copy_fields(&line, &row, "1", "2", "3", "2026-11-27 10:00:00+00");
	/* Tabs, line breaks and backslashes escaped; the text trimmed; the IIN nowhere. */
	assert_int_equal(
		strncmp(line.data, "1\t2\t3\tamend\ttab\\there\\nnext\tnew\tru\tunspecified\timport\t\\\\x",
			strlen("1\t2\t3\tamend\ttab\\there\\nnext\tnew\tru\tunspecified\timport\t\\\\x")),
		0);
	assert_non_null(strstr(line.data, "\t2026-02-08T12:30:09+05:00\tletter\tid\\\\1"));
	assert_int_equal(line.data[line.len - 1], '1');
	assert_null(strstr(line.data, "900101300007"));
	assert_int_equal(row.p.topic_count, 2); /* courts twice counts once */
	buf_reset(&line);
	row.submitted_at = NULL;
	import_copy_fields(&line, &row, "1", "2", "3", "2026-11-27 10:00:00+00");
	assert_non_null(strstr(line.data, "\t2026-11-27 10:00:00+00\tletter\t"));
	buf_free(&line);
	import_row_free(&row);
	import_record_free(&rec);
	identity_key_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_records_and_lines),
		cmocka_unit_test(test_csv_bad_records_do_not_spill),
		cmocka_unit_test(test_csv_unterminated_and_too_long),
		cmocka_unit_test(test_csv_headers),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_source_id_length),
		cmocka_unit_test(test_pseudonym_and_copy_line),
	};

	return cmocka_run_group_tests(tests, fixture_load_open, fixture_unload);
}
