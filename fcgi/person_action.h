/*
 * person_action.h - the steps every action of a person on a proposal shares (support,
 * withdraw, report-identity), after common/person.h read the body: the write guard, the
 * structure, the proposal (404 unless published), its consultation, and the person under
 * its identity policy. The action's own statement comes after.
 */
#ifndef KENES_PERSON_ACTION_H
#define KENES_PERSON_ACTION_H

#include <jansson.h>
#include <stdbool.h>

#include "person.h"
#include "write.h"

struct outcome;

/* Reads a person's body: a form, JSON, or nothing when empty_ok; else 415, answered. */
bool person_action_read_or_reply(struct request *req, bool is_form, bool empty_ok, struct person_input *in,
				 struct errors *errs);

/* Shows the proposal's page again with the errors of a form (status 422 or the outcome's). */
typedef void (*person_form_again)(struct request *req, int status, const struct person_input *in,
				  json_t *proposal, struct errors *errs);

/* The proposal's page again with errs: with its support form, or its "filed in my name" form. */
void person_support_page_again(struct request *req, int status, const struct person_input *in,
			       json_t *proposal, struct errors *errs);
void person_report_page_again(struct request *req, int status, const struct person_input *in,
			      json_t *proposal, struct errors *errs);

struct person_action {
	struct write_guard guard;
	json_t *proposal;            /* a form's: the proposal as the API shows it; JSON's only
					 {"consultation": slug}; owned: json_decref */
	char who[PSEUDONYM_HEX_LEN]; /* the person's pseudonym */
};

/* Answers and returns false when a step fails; a form's 422 shows the page again. */
bool person_action_prepare(struct request *req, const char *id, bool is_form, const struct person_input *in,
			   struct errors *errs, person_form_again again, struct person_action *a);

/* A form's action the database refused (409, 422, 429...): its page again, with Retry-After. */
void person_form_outcome(struct request *req, const struct person_input *in, json_t *proposal,
			 const struct outcome *o, person_form_again again);
/* A form that cannot be taken gets a page, never JSON: the proposal's page again with errs
 * (proposal borrowed, or read when NULL), or a page with the first error's message. */
void person_form_refused(struct request *req, const char *id, const struct person_input *in, json_t *proposal,
			 struct errors *errs, person_form_again again);
/* The same after a failed database call: 503 `unavailable_code` when it is down, else 500. */
void person_form_db_failure(struct request *req, const char *id, const struct person_input *in,
			    json_t *proposal, const char *unavailable_code, person_form_again again);

#endif
