/*
 * batch.h - group commit: the proposals (or supports) that request threads submit at the
 * same moment are stored by one writer thread in one call, so one transaction and one
 * commit, and each request is answered only after that commit (synchronous_commit stays on).
 *
 * There is no timer: the writer takes whatever is queued the moment it is free, so a lone
 * request at low load waits for nothing but its own commit, and under load the batches
 * grow by themselves while the previous one commits. A batch holds jobs of one kind, stored
 * by that kind's statement: kenes.proposal_store_batch (sql/migrations/007) or
 * kenes.support_store_batch (022).
 */
#ifndef KENES_BATCH_H
#define KENES_BATCH_H

#include <pthread.h>
#include <stdbool.h>

#include "db.h"
#include "metrics.h"
#include "outcome.h"

struct batch_job {
	enum commit_kind kind; /* in: proposal or support */
	const char *job;       /* in: one job of the kind's statement, a JSON object's text
				  without its opening brace */
	const char *key;       /* in: its idempotency key, or NULL */
	const char *person;    /* in: its submitter or supporter, or NULL */
	struct outcome *out;   /* out: what the database decided, when `stored_ok` */
	long long id;          /* out: a new proposal's id when out->status is 201 "created" */
	char created_at[48];   /* out: ... and its created_at as PostgreSQL writes it in JSON */
	bool stored_ok;        /* out: false when the database could not be asked */
	struct db_error err;   /* out: why not */
	/* private to batch.c */
	bool done;
	pthread_cond_t finished;
	struct batch_job *next;
};

/*
 * Starts `writers` writer threads, each with its own connection, taking batches of at most
 * `max` from one queue: while one batch commits, another can be stored. False when none
 * could be started.
 */
bool batch_start(const struct db_options *opts, int max, int writers);
/* Lets the writer finish what is queued, then stops it. */
void batch_stop(void);
/*
 * Queues the job and waits until its batch is committed (or failed). Thread-safe. No two
 * jobs with the same key or the same person go into one batch (the set-based statements
 * rely on that); the later one waits for the next.
 */
void batch_run(struct batch_job *job);

/* Counters for logs and metrics, per kind: batches run, jobs stored, the largest batch. */
struct batch_stats {
	long batches, jobs, largest;
};
void batch_stats(enum commit_kind kind, struct batch_stats *out);

#endif
