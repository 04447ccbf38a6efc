/*
 * test_created.c - the 201 body the handler writes (fcgi/created.c) against the bytes
 * PostgreSQL writes for kenes.proposal_json_by_id's jsonb as text. The expected strings
 * were taken from PostgreSQL 15 (SELECT kenes.proposal_json_by_id(id)::text); the e2e suite
 * (tests/e2e/api.sh) compares against the live database too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "created.h"
#include "fixture.h"
#include "proposal.h"
#include "structure.h"

#define CREATED "\"2026-11-27T21:26:10.148717+00:00\""

/* The body for p with id 17 and the timestamp above. Caller frees. */
static char *body_of(const struct proposal *p)
{
	struct buf mid, tail;
	char *body;

	buf_init(&mid, 0);
	buf_init(&tail, 0);
	created_body_parts(p, &mid, &tail);
	body = created_body(17, mid.data, CREATED, tail.data);
	buf_free(&mid);
	buf_free(&tail);
	return body;
}

static void test_plain(void **state)
{
	struct proposal p = { .kind = "preamble",
			      .version = 1,
			      .stance = "support",
			      .lang = "en",
			      .region = "unspecified",
			      .channel = "api",
			      .text = (char *)"x" };
	char *body;

	(void)state;
	p.consultation = structure_find(FIXTURE_SLUG);
	body = body_of(&p);
	assert_string_equal(body,
			    "{\"id\": 17, \"lang\": \"en\", \"text\": \"x\", \"region\": \"unspecified\", "
			    "\"stance\": \"support\", \"status\": \"published\", \"target\": \"preamble\", "
			    "\"topics\": [], \"channel\": \"api\", \"version\": 1, \"supports\": 0, "
			    "\"created_at\": " CREATED ", \"consultation\": \"constitution-2026\", "
			    "\"proposed_wording\": null}");
	free(body);
}

/* Topics in the consultation's order whatever order they came in; PostgreSQL's escapes. */
static void test_topics_and_escapes(void **state)
{
	struct proposal p = { .kind = "article",
			      .number = "4",
			      .version = 1,
			      .stance = "amend",
			      .lang = "ru",
			      .region = "KZ-71",
			      .channel = "web",
			      .text = (char *)"a \"b\" \\ / \xc3\xa9\tx\nz\x01\x1f\x7f",
			      .proposed_wording = (char *)"</script>",
			      .topics = { "language", "sovereignty", "courts" },
			      .topic_count = 3 };
	char *body;

	(void)state;
	p.consultation = structure_find(FIXTURE_SLUG);
	body = body_of(&p);
	assert_string_equal(
		body, "{\"id\": 17, \"lang\": \"ru\", "
		      "\"text\": \"a \\\"b\\\" \\\\ / \xc3\xa9\\tx\\nz\\u0001\\u001f\x7f\", "
		      "\"region\": \"KZ-71\", \"stance\": \"amend\", \"status\": \"published\", "
		      "\"target\": \"article:4\", \"topics\": [\"sovereignty\", \"courts\", \"language\"], "
		      "\"channel\": \"web\", \"version\": 1, \"supports\": 0, \"created_at\": " CREATED
		      ", \"consultation\": \"constitution-2026\", \"proposed_wording\": \"</script>\"}");
	free(body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_topics_and_escapes),
	};
	return cmocka_run_group_tests(tests, fixture_load_open, fixture_unload);
}
