/*
 * fuzz_jsonbody.c - jsonbody_parse (fcgi/jsonbody.c): the strict JSON reader every API body
 * goes through.
 *
 * Checks jsonbody.h's contract on whatever it accepts: one object, nested at most
 * JSONBODY_MAX_DEPTH deep, no NUL inside any string; on refusal, exactly the 400 it promises.
 * What it accepts must survive a round trip (dump, parse again, equal). At start-up:
 * duplicate keys (at any depth) and a 17th level of nesting are refused, 16 levels are not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonbody.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Nesting depth (an object or array counts one level), and whether every string is NUL-free. */
static int depth(json_t *v, int *nul)
{
	int deepest = 0, d;
	const char *key;
	json_t *item;
	size_t i;

	if (json_is_string(v) && strlen(json_string_value(v)) != json_string_length(v))
		*nul = 1;
	if (json_is_object(v)) {
		json_object_foreach(v, key, item) if ((d = depth(item, nul)) > deepest) deepest = d;
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, item) if ((d = depth(item, nul)) > deepest) deepest = d;
	} else {
		return 0;
	}
	return deepest + 1;
}

/* Hardening issue #7 asks for exactly this; checked once, before fuzzing. */
static bool accepts(const char *text)
{
	struct errors errs = { .count = 0 };
	json_t *doc = jsonbody_parse(text, strlen(text), &errs);

	json_decref(doc);
	return doc != NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (accepts("{\"a\":1,\"a\":2}") || accepts("{\"a\":{\"b\":1,\"b\":2}}") ||
	    !accepts("{\"a\":[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]}") ||
	    accepts("{\"a\":[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]}") || accepts("[]") ||
	    accepts("{\"a\":\"\\u0000\"}"))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct errors errs = { .count = 0 };
	json_t *doc = jsonbody_parse((const char *)data, size, &errs), *again;
	char *text;
	int nul = 0;

	if (!doc) {
		if (errs.count != 1 || errs.list[0].kind != ERROR_MALFORMED)
			abort();
		return 0;
	}
	if (errs.count != 0 || !json_is_object(doc) || depth(doc, &nul) > JSONBODY_MAX_DEPTH || nul)
		abort();
	text = json_dumps(doc, JSON_COMPACT);
	again = text ? jsonbody_parse(text, strlen(text), &errs) : NULL;
	if (!again || !json_equal(doc, again))
		abort();
	free(text);
	json_decref(again);
	json_decref(doc);
	return 0;
}
