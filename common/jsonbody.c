#include "jsonbody.h"

#include <stdbool.h>

/*
 * Jansson's own depth limit is a compile-time 2048; a quick scan outside strings keeps
 * hostile nesting from costing anything.
 */
static bool depth_ok(const char *s, size_t len)
{
	int depth = 0;
	bool in_string = false;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
		} else if (c == '"') {
			in_string = true;
		} else if (c == '{' || c == '[') {
			if (++depth > JSONBODY_MAX_DEPTH)
				return false;
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return true;
}

json_t *jsonbody_parse(const char *body, size_t len, struct errors *errs)
{
	json_error_t err;
	json_t *doc;

	if (!depth_ok(body, len)) {
		errors_add(errs, ERROR_MALFORMED, "malformed_json", NULL, "JSON nested deeper than %d levels",
			   JSONBODY_MAX_DEPTH);
		return NULL;
	}
	doc = json_loadb(body, len, JSON_REJECT_DUPLICATES, &err);
	if (!doc && json_error_code(&err) == json_error_invalid_utf8) {
		errors_add(errs, ERROR_MALFORMED, "invalid_utf8", NULL, "the body is not valid UTF-8");
		return NULL;
	}
	if (!doc && json_error_code(&err) == json_error_null_character) {
		errors_add(errs, ERROR_MALFORMED, "control_character", NULL,
			   "NUL characters are not allowed");
		return NULL;
	}
	if (!doc) {
		errors_add(errs, ERROR_MALFORMED, "malformed_json", NULL,
			   "malformed JSON at line %d column %d: %s", err.line, err.column, err.text);
		return NULL;
	}
	if (!json_is_object(doc)) {
		json_decref(doc);
		errors_add(errs, ERROR_MALFORMED, "malformed_json", NULL, "the body must be a JSON object");
		return NULL;
	}
	return doc;
}
