/*
 * proposal_store.h - a validated proposal handed to the batch writer (batch.h), which
 * stores it through kenes.proposal_store_batch with other requests' in one transaction.
 *
 * The 201 body is built here from created.h's pieces, so a replay is byte-identical.
 * The outcome's body is the caller's (outcome_free).
 */
#ifndef KENES_PROPOSAL_STORE_H
#define KENES_PROPOSAL_STORE_H

#include <stdbool.h>

#include "proposal.h"

struct db;
struct outcome;

/*
 * Stores the proposal: `submitter` is the pseudonym as a bytea literal or NULL, `key` the
 * idempotency key or NULL, `hash` the request's keyed hash. False when the database could
 * not be asked (the reason in db_last_error(db)); otherwise *o says what happened (201 with
 * the proposal's JSON, a replay, 409, 422 or 429).
 */
bool proposal_store(struct db *db, const struct proposal *p, const char *submitter, const char *key,
		    const char *hash, long per_hour, struct outcome *o);

#endif
