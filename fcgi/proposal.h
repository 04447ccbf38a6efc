/*
 * proposal.h - a citizen's proposal: reading it from JSON or a form, validating it against
 * the consultation's structure, storing it.
 *
 * struct proposal_input holds what the person sent, as strings it owns (the form shows them
 * back on error); struct proposal holds the validated, normalised values. Both are freed
 * with their *_free function. Validation appends every problem to a struct errors.
 */
#ifndef KENES_PROPOSAL_H
#define KENES_PROPOSAL_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"
#include "structure.h"

#define PROPOSAL_MAX_TOPICS 5
#define PROPOSAL_MAX_CHARS 5000

struct db;

struct proposal_input {
	char *consultation, *target, *stance, *text, *proposed_wording, *lang, *region;
	char *version; /* optional: the draft version the target's numbering is from */
	size_t text_len, wording_len; /* bytes; text may hold a NUL the validator refuses */
	char *topics[PROPOSAL_MAX_TOPICS + 1];
	int topic_count;  /* capped at PROPOSAL_MAX_TOPICS + 1 */
	char *iin;        /* the person's IIN when the policy asks for one; never logged */
	char *ui_lang;    /* form only: the interface language the person used */
	char *form_token; /* form only: see csrf.h */
	char *channel;    /* "api" or "web", set by the caller */
};

struct proposal {
	const struct consultation *consultation; /* borrowed from the structure cache */
	char kind[16];
	char number[16]; /* "" for preamble and general */
	long version;    /* the draft version the target was checked against */
	const char *stance, *lang, *region, *channel;
	char *text;             /* NFC, owned */
	char *proposed_wording; /* NFC or NULL, owned */
	const char *topics[PROPOSAL_MAX_TOPICS];
	int topic_count;
};

bool proposal_input_from_json(const char *body, size_t len, struct proposal_input *in,
			      struct errors *errs);
bool proposal_input_from_form(const char *body, size_t len, struct proposal_input *in,
			      struct errors *errs);
/* The members of a parsed JSON object (borrowed), by the same rules as the JSON body. */
bool proposal_input_from_object(json_t *doc, struct proposal_input *in, struct errors *errs);
/*
 * Sets one field by its API name from len bytes (copied); "topics" adds one topic. False
 * when the name is no field of the API. For readers of other formats (kenes-import's CSV).
 */
bool proposal_input_set(struct proposal_input *in, const char *name, const char *value, size_t len);
void proposal_input_free(struct proposal_input *in);

/* Every rule of the API; false with at least one error appended. */
bool proposal_validate(const struct proposal_input *in, struct proposal *out, struct errors *errs);
void proposal_free(struct proposal *p);

struct outcome;
/*
 * Stores the proposal through kenes.proposal_submit: `submitter` is the pseudonym as a
 * bytea literal or NULL, `key` the idempotency key or NULL, `hash` the request's keyed hash.
 * False when the database could not be asked (see db_last_error); otherwise *o says what
 * happened (201 with the proposal's JSON, a replay, 409, 422 or 429).
 */
bool proposal_store(struct db *db, const struct proposal *p, const char *submitter, const char *key,
		    const char *hash, long per_hour, struct outcome *o);

#endif
