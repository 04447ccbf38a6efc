/*
 * person.h - what a person sends to act on a proposal (support, withdraw, report):
 * {"iin": "..."} as JSON, or a form with iin, form_token, ui_lang and the action button.
 *
 * Unknown JSON fields are invalid, a body that cannot be read is malformed (errors.h). The
 * struct owns its strings; person_input_free wipes the IIN before freeing it.
 */
#ifndef KENES_PERSON_H
#define KENES_PERSON_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"

struct person_input {
	char *iin;
	char *form_token;
	char *ui_lang;
	bool withdraw; /* the form's action=withdraw button */
};

void person_input_parse(const char *body, size_t len, bool is_form, struct person_input *in,
			struct errors *errs);
void person_input_free(struct person_input *in);

#endif
