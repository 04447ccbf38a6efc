/*
 * write.h - the rules every POST shares: where it comes from, its form token, its
 * Idempotency-Key, who the person is, and reading back what the database decided.
 *
 * Each check appends to a struct errors and returns false; callers answer once.
 */
#ifndef KENES_WRITE_H
#define KENES_WRITE_H

#include <jansson.h>
#include <libpq-fe.h>
#include <stdbool.h>

#include "errors.h"
#include "identity.h"
#include "request.h"
#include "structure.h"

#define BYTEA_HEX_LEN (2 * PSEUDONYM_BYTES + 3)
#define IDEMPOTENCY_KEY_MAX 255

struct write_guard {
	const char *key;            /* the Idempotency-Key, or the form's token; NULL if none */
	char hash[BYTEA_HEX_LEN];   /* keyed hash of the request, as a bytea literal */
};

/*
 * Refuses cross-site requests (403 cross_site), forms without a valid token of ours
 * (403 form_expired), and malformed Idempotency-Key headers (400). Fills the guard.
 */
bool write_guard_check(const struct request *req, bool is_form, const char *form_token,
		       struct write_guard *g, struct errors *errs);

/*
 * The person's pseudonym under consultation c's identity policy, as a bytea literal in hex
 * (and *known = true), from the IIN typed (policy "iin") or the subject nginx passed
 * (policy "trusted-header"). Without one: *known = false, and when `required` an error
 * (422 required on iin, or 401 identity_required). A bad IIN is 422 invalid_iin; the IIN
 * itself is never repeated in a message.
 */
bool write_identity(const struct request *req, const struct consultation *c, const char *iin,
		    bool required, char hex[BYTEA_HEX_LEN], bool *known, struct errors *errs);

/*
 * What a person sends to act on a proposal (support, withdraw, report): {"iin": "..."} as
 * JSON, or a form with iin, form_token, ui_lang and the action button. Unknown JSON fields
 * are 422; a malformed body is 400. person_input_free wipes the IIN.
 */
struct person_input {
	char *iin;
	char *form_token;
	char *ui_lang;
	bool withdraw; /* the form's action=withdraw button */
};
void person_input_parse(const struct request *req, bool is_form, struct person_input *in,
			struct errors *errs);
void person_input_free(struct person_input *in);

/* Shows the proposal's page again with the errors of a form (status 422 or the outcome's). */
typedef void (*person_form_again)(struct request *req, int status, const struct person_input *in,
				  json_t *proposal, struct errors *errs);

/* What the steps before a person's action on a proposal established. */
struct person_action {
	struct write_guard guard;
	json_t *proposal;            /* a form's: the proposal as the API shows it; JSON's: only
					{"consultation": slug}; owned: json_decref */
	char who[BYTEA_HEX_LEN];     /* the person's pseudonym */
};

/*
 * The steps every action of a person on proposal `id` shares, after its body was parsed into
 * `in` (with errors in `errs`): the write guard, the structure, the proposal (404 unless
 * published), its consultation, and the person under its identity policy. Answers and
 * returns false when one fails; a form's 422 shows the proposal's page again through `again`.
 */
bool person_action_prepare(struct request *req, const char *id, bool is_form,
			   const struct person_input *in, struct errors *errs, person_form_again again,
			   struct person_action *a);

/*
 * A browser's form on proposal `id` that cannot be taken gets a page, never JSON: the
 * proposal's page again with errs through `again` (proposal borrowed, or read when NULL), or,
 * when the proposal cannot be read, a page with the first error's message.
 */
void person_form_refused(struct request *req, const char *id, const struct person_input *in,
			 json_t *proposal, struct errors *errs, person_form_again again);
/* The same after a failed database call (already answered as JSON): 503 with
 * `unavailable_code` when the database is down, else 500. */
void person_form_db_failure(struct request *req, const char *id, const struct person_input *in,
			    json_t *proposal, const char *unavailable_code, person_form_again again);

/* What a write function of sql/migrations/005 returned (the kenes.outcome type). */
struct outcome {
	int status;
	char code[40];
	char *body; /* JSON text or NULL; owned, free it */
	int retry_after;
};
/* From the only row of res, or from row `row` with the outcome starting at column `col`. */
bool outcome_read(PGresult *res, struct outcome *o);
bool outcome_read_row(PGresult *res, int row, int col, struct outcome *o);
void outcome_free(struct outcome *o);

/* Answers with an outcome that is an error (409, 422, 429, 404): JSON with Retry-After. */
void reply_outcome_error(struct request *req, const struct outcome *o);

/* Answers 503 or 500 after a failed database call, and logs why. */
void reply_db_failure(struct request *req, const char *what);

/* Runs statement `name` and reads the kenes.outcome it returns; answers 5xx and returns false
 * when that fails (`what` says what for the log). */
bool write_run_outcome(struct request *req, const char *name, int nparams, const char *const *values,
		       const char *what, struct outcome *o);

#endif
