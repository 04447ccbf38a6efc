/*
 * batch.h - group commit: the proposals (or supports) queued at the same moment are stored
 * by one writer thread in one call, one transaction and one commit, and each request is
 * answered only after that commit (synchronous_commit stays on). A batch holds jobs of one
 * kind: kenes.proposal_store_batch (sql/migrations/007) or kenes.support_store_batch (022).
 * A handed-off job is answered by the writer itself (batch.c: the hand-off).
 */
#ifndef KENES_BATCH_H
#define KENES_BATCH_H

#include <pthread.h>
#include <stdbool.h>

#include "db.h"
#include "metrics.h"
#include "outcome.h"

struct request;

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
	struct request *req;   /* in, for batch_hand_off: the request, and its answer (may free) */
	void (*done)(struct batch_job *job);
	bool settled; /* private to batch.c: committed or failed; the waiter's wake-up; the queue */
	pthread_cond_t finished;
	struct batch_job *next;
};

/* Starts `writers` writer threads, each with its own connection, taking batches of at most
 * `max` from one queue: while one batch commits, another can be stored. False: none started. */
bool batch_start(const struct db_options *opts, int max, int writers);
void batch_stop(void); /* lets the writers finish what is queued, then stops them */
/* Queues the job and waits until its batch is committed (or failed). Thread-safe. No two
 * jobs with the same key or person go into one batch (the set-based statements rely on
 * that); the later one waits for the next. */
void batch_run(struct batch_job *job);
/* The job's request is answered after the commit by job->done: when job->req can be
 * finished from another thread (req->finish), the job is left in req->handed_off for main.c
 * to batch_submit once the handler has returned; else (unit tests) batch_run, then done. */
void batch_hand_off(struct batch_job *job);
/* Queues a job with `req` and `done` set and returns; the writer then calls
 * request_resume, job->done(job) and req->finish(req), in that order, on its thread. */
void batch_submit(struct batch_job *job);

/* Counters for logs and metrics, per kind: batches run, jobs stored, the largest batch. */
struct batch_stats {
	long batches, jobs, largest;
};
void batch_stats(enum commit_kind kind, struct batch_stats *out);

#endif
