/*
 * test_comparative.c - the comparative table's CSV and HTML from a table document (the shape
 * of sql/functions/comparative_table.sql): one row per position and per part's unplaced
 * proposals, formulas neutralised, the language chosen with a fallback, everything escaped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "comparative.h"

static const char doc_text[] =
	"{\"consultation\":\"c\",\"title\":{\"ru\":\"Проект\"},\"version\":1,\"current\":true,\"parts\":["
	"{\"part\":\"article:4\",\"label\":{\"kk\":\"4-бап\",\"ru\":\"Статья 4\",\"en\":\"Article 4\"},"
	"\"proposals\":9,\"unplaced\":3,\"positions\":[{\"id\":7,"
	"\"label\":{\"kk\":null,\"ru\":\"=СУММ(A1)\",\"en\":null},\"summary\":{\"en\":\"<b>x</b>\"},"
	"\"decision\":\"partly\",\"decision_reason\":{\"en\":\"In part, \\\"quoted\\\"\"},"
	"\"target\":{\"version\":2,\"part\":\"article:5\",\"label\":{\"en\":\"Article 5\"}},"
	"\"counts\":{\"proposals\":6,\"texts\":4,\"people\":5,\"supports\":11,\"stances\":{"
	"\"support\":{\"proposals\":1},\"oppose\":{\"proposals\":2},\"amend\":{\"proposals\":3}}},"
	"\"quotes\":{\"most_supported\":{\"id\":42,\"text\":\"+1 <script>\",\"lang\":\"ru\",\"supports\":8},"
	"\"shortest\":null}}]},"
	"{\"part\":\"general\",\"label\":{\"en\":\"General\"},\"proposals\":0,\"unplaced\":0,\"positions\":[]"
	"}]}";

static json_t *doc(void)
{
	json_t *d = json_loads(doc_text, 0, NULL);

	assert_non_null(d);
	return d;
}

static void test_csv(void **state)
{
	json_t *d = doc();
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	comparative_csv(&b, d, LANG_EN);
	/* the label falls back to Russian, and a formula is neutralised */
	assert_non_null(strstr(
		b.data,
		"\r\narticle:4,Article 4,7,\"'=СУММ(A1)\",<b>x</b>,partly,"
		"\"In part, \"\"quoted\"\"\",article:5,Article 5,6,4,5,11,1,2,3,42,\"'+1 <script>\",,\r\n"));
	assert_non_null(strstr(b.data, "\r\narticle:4,Article 4,,Proposals not yet in any position,,,,,,3,"));
	assert_non_null(strstr(b.data, "\r\ngeneral,General,,Proposals not yet in any position,,,,,,0,"));
	buf_free(&b);
	json_decref(d);
}

static void test_html(void **state)
{
	json_t *d = doc();
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	comparative_html(&b, d, LANG_RU);
	assert_non_null(strstr(b.data, "Сравнительная таблица"));
	assert_non_null(strstr(b.data, "&lt;b&gt;x&lt;/b&gt;"));
	assert_non_null(strstr(b.data, "+1 &lt;script&gt;"));
	assert_null(strstr(b.data, "<script>"));
	assert_non_null(strstr(b.data, "Принято частично"));
	/* a part with neither positions nor proposals is left out */
	assert_null(strstr(b.data, "General"));
	buf_free(&b);
	json_decref(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_html),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
