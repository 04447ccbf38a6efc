/*
 * person_action.h - the steps every action of a person on a proposal shares (support,
 * withdraw, report-identity), after common/person.h read the body: the write guard, the
 * structure, the proposal (404 unless published), its consultation, and the person under
 * its identity policy. The action's own statement (or batch job) comes after.
 */
#ifndef KENES_PERSON_ACTION_H
#define KENES_PERSON_ACTION_H

#include <jansson.h>
#include <stdbool.h>

#include "person.h"
#include "write.h"

struct batch_job;
struct buf;
struct outcome;
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

/* A form's action the database refused (409, 422, 429...): its page again, with Retry-After. */
void person_form_outcome(struct request *req, const struct person_input *in, json_t *proposal,
			 const struct outcome *o, person_form_again again);
/* One kind of action: what it runs after the shared steps and how it answers. */
struct person_action_kind {
	const char *unavailable_code; /* a form's code when the database is down */
	person_form_again again;
	/* The action's statement, into o; false when the database could not be asked (a JSON
	 * request is answered; a form gets its page from person_action_handle). */
	bool (*run)(struct request *req, const char *id, bool is_form, const struct person_input *in,
		    const struct person_action *a, struct outcome *o);
	void (*answer)(struct request *req, bool is_form, const struct person_input *in, const char *id,
		       json_t *proposal, const struct outcome *o);
	/* Optional: the action as a batch writer's job (batch.h: kind, key, person, its text
	 * in `text`), answered after the commit; false: not one, `run` it. `what`: for logs. */
	bool (*job)(struct request *req, const char *id, const struct person_input *in,
		    const struct person_action *a, struct batch_job *job, struct buf *text);
	const char *what;
};

/* The whole request for proposal id: reads the body (none is fine when empty_ok), the shared
 * steps (each failure answered), then kind's statement and answer. `kind`: a static. */
void person_action_handle(struct request *req, const char *id, bool empty_ok,
			  const struct person_action_kind *kind);

#endif
