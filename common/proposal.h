/*
 * proposal.h - a citizen's proposal: reading it from JSON, a form or another reader's fields,
 * and validating it against the consultation's structure (the API's rules, which
 * kenes-import applies too). Storing it is the handler's (fcgi/proposal_store.h).
 * struct proposal_input owns what the person sent (the form shows it back on error); struct
 * proposal the validated, normalised values. Both are freed with their *_free function.
 */
#ifndef KENES_PROPOSAL_H
#define KENES_PROPOSAL_H

#include <stdbool.h>
#include <stddef.h>

#include "errors.h"
#include "structure.h"

#define PROPOSAL_MAX_TOPICS 5
#define PROPOSAL_MAX_CHARS  5000
struct proposal_input {
	char *consultation, *target, *stance, *text, *proposed_wording, *lang, *region;
	char *version;                /* optional: the draft version the target's numbering is from */
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

bool proposal_input_from_json(const char *body, size_t len, struct proposal_input *in, struct errors *errs);
bool proposal_input_from_form(const char *body, size_t len, struct proposal_input *in, struct errors *errs);
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

#endif
