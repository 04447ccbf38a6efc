/*
 * test_agg_render.c - the renderers as case files: the report document of the golden set
 * (tests/aggregator/golden/session-2.json, what `report --format json` wrote for the
 * fixture) in, each golden rendering out, byte for byte. reports.sh checks that the
 * aggregator's database side writes the same document; this checks the renderers alone,
 * and that they stream: the same bytes into a file as into memory.
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
#include "render.h"
#include "sink.h"
#include "util.h"

#define GOLDEN "tests/aggregator/golden/"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[8192], *data;
	size_t n;

	assert_non_null(f);
	buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	*len = b.len;
	data = buf_steal(&b); /* leaves b empty but allocated */
	buf_free(&b);
	return data;
}

static json_t *load_document(void)
{
	json_error_t error;
	json_t *doc = json_load_file(GOLDEN "session-2.json", JSON_DECODE_ANY, &error);

	if (!doc)
		fail_msg("cannot load the golden document: %s (line %d)", error.text, error.line);
	return doc;
}

static void test_golden_renderings(void **state)
{
	static const struct {
		enum report_format format;
		enum report_lang lang;
		const char *file;
	} cases[] = {
		{ FORMAT_JSON, LANG_RU, "session-2.json" },  { FORMAT_HTML, LANG_RU, "session-2.ru.html" },
		{ FORMAT_MD, LANG_RU, "session-2.ru.md" },   { FORMAT_MD, LANG_KK, "session-2.kk.md" },
		{ FORMAT_CSV, LANG_RU, "session-2.ru.csv" }, { FORMAT_CSV, LANG_EN, "session-2.en.csv" },
	};
	json_t *doc = load_document();

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char path[256], *want;
		size_t want_len;
		struct buf got;
		struct sink s;

		snprintf(path, sizeof(path), GOLDEN "%s", cases[i].file);
		want = slurp(path, &want_len);
		buf_init(&got, 0);
		sink_to_buf(&s, &got);
		assert_true(render_report(doc, cases[i].format, cases[i].lang, &s));
		if (got.len != want_len || memcmp(got.data, want, want_len) != 0)
			fail_msg("%s differs from its golden file (%zu bytes, want %zu)", cases[i].file,
				 got.len, want_len);
		buf_free(&got);
		free(want);
	}
	json_decref(doc);
}

/* The renderers write as they go: a file gets the same bytes as a buffer. */
static void test_streams_to_a_file(void **state)
{
	json_t *doc = load_document();
	struct buf mem;
	struct sink s;
	FILE *f = tmpfile();
	char *from_file;
	long len;

	(void)state;
	assert_non_null(f);
	buf_init(&mem, 0);
	sink_to_buf(&s, &mem);
	render_report(doc, FORMAT_HTML, LANG_EN, &s);
	sink_to_file(&s, f);
	assert_true(render_report(doc, FORMAT_HTML, LANG_EN, &s));
	len = ftell(f);
	assert_int_equal((size_t)len, mem.len);
	rewind(f);
	from_file = xmalloc((size_t)len);
	assert_int_equal(fread(from_file, 1, (size_t)len, f), (size_t)len);
	assert_memory_equal(from_file, mem.data, mem.len);
	free(from_file);
	fclose(f);
	buf_free(&mem);
	json_decref(doc);
}

/* User text of every kind, through every renderer: it must come out as text. */
static void test_hostile_text(void **state)
{
	json_t *doc = load_document();
	json_t *part = json_array_get(json_object_get(doc, "parts"), 0);
	json_t *top =
		json_pack("{s:i, s:s, s:i, s:s, s:s, s:s, s:b, s:s}", "id", 99, "stance", "support",
			  "supports", 5, "date", "2026-02-10", "lang", "en", "region", "KZ-71", "new", 1,
			  "excerpt", "</q><script>x()</script>\"'&|*_[x](javascript:y)=HYPERLINK(\"z\")");
	struct buf b;
	struct sink s;

	(void)state;
	json_array_append_new(json_object_get(part, "top"), top);
	json_object_set_new(json_object_get(part, "label"), "en", json_string("<svg onload=alert(1)>"));
	buf_init(&b, 0);
	sink_to_buf(&s, &b);
	render_report(doc, FORMAT_HTML, LANG_EN, &s);
	assert_null(strstr(b.data, "<script>x()"));
	assert_null(strstr(b.data, "<svg onload"));
	assert_non_null(strstr(b.data, "&lt;/q&gt;&lt;script&gt;x()&lt;/script&gt;&quot;&#39;&amp;"));
	buf_reset(&b);
	render_report(doc, FORMAT_MD, LANG_EN, &s);
	assert_null(strstr(b.data, "<script>"));
	assert_non_null(strstr(b.data, "\\[x\\](javascript:y)")); /* no link */
	buf_reset(&b);
	render_report(doc, FORMAT_CSV, LANG_EN, &s);
	assert_non_null(strstr(
		b.data, ",\"</q><script>x()</script>\"\"'&|*_[x](javascript:y)=HYPERLINK(\"\"z\"\")\","));
	buf_free(&b);
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_renderings),
		cmocka_unit_test(test_streams_to_a_file),
		cmocka_unit_test(test_hostile_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
