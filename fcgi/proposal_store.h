/*
 * proposal_store.h - a validated proposal handed to the batch writer (batch.h), which
 * stores it through kenes.proposal_store_batch with other requests' in one transaction.
 *
 * The 201 body is built here from created.h's pieces, so a replay is byte-identical.
 * The outcome's body is the caller's (outcome_free); the job is the caller's, from
 * proposal_job_init to proposal_job_end.
 */
#ifndef KENES_PROPOSAL_STORE_H
#define KENES_PROPOSAL_STORE_H

#include <stdbool.h>

#include "batch.h"
#include "buf.h"
#include "proposal.h"

struct outcome;

/* A proposal on its way to the writer: its batch job, and the pieces of its 201 body. */
struct proposal_job {
	struct batch_job batch;
	struct buf mid, tail;
	char *text;
};

/*
 * The job that stores the proposal: `submitter` is the pseudonym as a bytea literal or
 * NULL, `key` the idempotency key or NULL, `hash` the request's keyed hash (both borrowed
 * until proposal_job_end). The outcome goes into *o. Then batch_run or batch_hand_off.
 */
void proposal_job_init(struct proposal_job *j, const struct proposal *p, const char *submitter,
		       const char *key, const char *hash, long per_hour, struct outcome *o);
/*
 * After its batch: false when the database could not be asked (the reason in
 * j->batch.err); otherwise *o says what happened (201 with the proposal's JSON, a replay,
 * 409, 422 or 429). Frees what proposal_job_init allocated.
 */
bool proposal_job_end(struct proposal_job *j);

#endif
