/*
 * test_json_text.c - jsonb's text into Jansson's compact form: each case is what PostgreSQL
 * 15 printed for a jsonb (`doc::text`), and the answer must be what json_dumps(JSON_COMPACT)
 * makes of the same document, byte for byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "json_text.h"

/* Printed by PostgreSQL: jsonb_build_object(...)::text. */
static const char *const jsonb_texts[] = {
	"{}",
	"[]",
	"{\"e\": [], \"n\": -12, \"o\": {}, \"t\": true, \"z\": null, \"arr\": [1, \"x, y\", {\"k: \": "
	"\"v\\\\\"}, false], \"text\": \"a, b: \\\"c\\\" \\\\ d\\n\\t\\u0001\\u001f\x7f /Ж€😀\"}",
	/* chr(1) to chr(127) */
	"{\"s\": \"\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
	"\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c"
	"\\u001d\\u001e\\u001f !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`"
	"abcdefghijklmnopqrstuvwxyz{|}~\x7f\"}",
	/* a proposal as sql/queries/proposal_get.sql answers */
	"{\"id\": 5, \"lang\": \"ru\", \"part\": {\"now\": null, \"label\": {\"en\": \"Article 4\", \"kk\": "
	"\"4-бап\", \"ru\": \"Статья 4\"}, \"current\": true, \"version\": 1, \"identity\": \"article-4\"}, "
	"\"text\": \"Уважаемые члены комиссии!\", \"region\": \"KZ-75\", \"stance\": \"amend\", \"status\": "
	"\"published\", \"target\": \"article:4\", \"topics\": [\"sovereignty\", \"referendum-amendments\"], "
	"\"channel\": \"web\", \"version\": 1, \"supports\": 5, \"created_at\": "
	"\"2026-02-01T20:29:33+00:00\", "
	"\"consultation\": \"constitution-2026\", \"proposed_wording\": null}",
};

static void test_same_as_jansson(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(jsonb_texts) / sizeof(jsonb_texts[0]); i++) {
		json_t *doc = json_loads(jsonb_texts[i], 0, NULL);
		char *want;
		struct buf got;

		assert_non_null(doc);
		want = json_dumps(doc, JSON_COMPACT | JSON_ENCODE_ANY);
		buf_init(&got, 0);
		assert_true(json_text_compact(&got, jsonb_texts[i]));
		if (strcmp(got.data, want) != 0)
			fail_msg("case %zu:\n got %s\nwant %s", i, got.data, want);
		buf_free(&got);
		free(want);
		json_decref(doc);
	}
}

static void test_shape(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	assert_true(json_text_compact(&b, "{\"a\": [1, \"x, y: \\u001f\"], \"b\": null}"));
	assert_string_equal(b.data, "{\"a\":[1,\"x, y: \\u001F\"],\"b\":null}");
	buf_free(&b);
}

static void test_limit(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_false(json_text_compact(&b, "{\"a\": 1, \"b\": 2, \"c\": 3}"));
	assert_true(b.overflow);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_jansson),
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
