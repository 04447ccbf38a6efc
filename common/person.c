#include "person.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "jsonbody.h"
#include "util.h"

void person_input_free(struct person_input *in)
{
	if (in->iin)
		memset(in->iin, 0, strlen(in->iin));
	free(in->iin);
	free(in->form_token);
	free(in->ui_lang);
}

static void person_from_json(const char *body, size_t len, struct person_input *in, struct errors *errs)
{
	json_t *doc, *value;
	const char *key;

	if (len == 0)
		return;
	doc = jsonbody_parse(body, len, errs);
	if (!doc)
		return;
	json_object_foreach(doc, key, value)
	{
		if (strcmp(key, "iin") != 0)
			errors_add(errs, ERROR_INVALID, "unknown_field", key, "unknown field \"%.40s\"", key);
		else if (!json_is_string(value))
			errors_add(errs, ERROR_INVALID, "invalid_type", key,
				   "iin must be a string of 12 digits");
		else
			in->iin = xstrdup(json_string_value(value));
	}
	json_decref(doc);
}

static void person_from_form(const char *body, size_t len, struct person_input *in, struct errors *errs)
{
	struct form f;
	const struct form_field *v;

	if (!form_parse(body, len, &f)) {
		errors_add(errs, ERROR_MALFORMED, "malformed_form", NULL, "malformed form body");
		return;
	}
	/* An IIN with a NUL inside is no IIN: leave it out, and "required" says so. */
	if ((v = form_get(&f, "iin")) && strlen(v->value) == v->value_len)
		in->iin = xstrdup(v->value);
	if ((v = form_get(&f, "form_token")))
		in->form_token = xstrdup(v->value);
	if ((v = form_get(&f, "ui_lang")))
		in->ui_lang = xstrdup(v->value);
	in->withdraw = (v = form_get(&f, "action")) && strcmp(v->value, "withdraw") == 0;
	form_free(&f);
}

void person_input_parse(const char *body, size_t len, bool is_form, struct person_input *in,
			struct errors *errs)
{
	if (is_form)
		person_from_form(body, len, in, errs);
	else
		person_from_json(body, len, in, errs);
}
