/*
 * write.h - the rules every POST shares: where it comes from, its form token, its
 * Idempotency-Key, and who the person is (outcome.h reads back what the database decided,
 * person_action.h puts these together for a person's action on a proposal).
 *
 * Each check appends to a struct errors and returns false; callers answer once.
 */
#ifndef KENES_WRITE_H
#define KENES_WRITE_H

#include <stdbool.h>

#include "errors.h"
#include "identity.h"
#include "request.h"
#include "structure.h"

#define IDEMPOTENCY_KEY_MAX 255

struct write_guard {
	const char *key;              /* the Idempotency-Key, or the form's token; NULL if none */
	char hash[PSEUDONYM_HEX_LEN]; /* keyed hash of the request, as a bytea literal */
};

/*
 * Refuses cross-site requests (403 cross_site), forms without a valid token of ours
 * (403 form_expired), and malformed Idempotency-Key headers (400). Fills the guard.
 */
bool write_guard_check(const struct request *req, bool is_form, const char *form_token, struct write_guard *g,
		       struct errors *errs);

/*
 * The person's pseudonym under consultation c's identity policy, as a bytea literal in hex
 * (and *known = true), from the IIN typed (policy "iin") or the subject nginx passed
 * (policy "trusted-header"). Without one: *known = false, and when `required` an error
 * (422 required on iin, or 401 identity_required). A bad IIN is 422 invalid_iin; the IIN
 * itself is never repeated in a message.
 */
bool write_identity(const struct request *req, const struct consultation *c, const char *iin, bool required,
		    char hex[PSEUDONYM_HEX_LEN], bool *known, struct errors *errs);

#endif
