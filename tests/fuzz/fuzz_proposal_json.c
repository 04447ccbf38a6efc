/*
 * fuzz_proposal_json.c - a JSON proposal as the API receives it: proposal_input_from_json,
 * then proposal_validate against the unit tests' fixture (tests/unit/fixture.h), in the
 * order submit_handle uses them (no validation after a 400).
 *
 * A proposal that validates must be complete and within the rules of proposal.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "proposal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!structure_set(FIXTURE_SLUG, FIXTURE_JSON("true")))
		abort();
	return 0;
}

/* What proposal.h promises about a proposal that validated. */
static void check_valid(const struct proposal *p)
{
	size_t chars = 0;

	if (!p->consultation || !p->stance || !p->lang || !p->region || !p->text || !*p->kind ||
	    p->topic_count < 0 || p->topic_count > PROPOSAL_MAX_TOPICS)
		abort();
	for (const char *s = p->text; *s; s++)
		chars += ((unsigned char)*s & 0xc0) != 0x80;
	if (chars == 0 || chars > PROPOSAL_MAX_CHARS ||
	    (p->proposed_wording && strcmp(p->stance, "amend") != 0))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct proposal_input in = { 0 };
	struct proposal p = { 0 };
	struct errors errs = { .count = 0 };

	proposal_input_from_json((const char *)data, size, &in, &errs);
	in.channel = "api";
	if (!(errs.count && errors_primary(&errs)->kind == ERROR_MALFORMED) &&
	    proposal_validate(&in, &p, &errs))
		check_valid(&p);
	if (errs.count < 0 || errs.count > ERRORS_MAX || (errs.count && !errors_primary(&errs)))
		abort();
	proposal_free(&p);
	proposal_input_free(&in);
	return 0;
}
