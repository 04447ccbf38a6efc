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
 *
 * The hand-off: a request thread need not wait for the commit. batch_hand_off leaves the
 * job with the request (main.c queues it once the handler has returned) and the request
 * thread goes back to accepting; the writer, after the commit, calls the job's `done`, which
 * builds the answer with the same code a waiting thread would run, then the request's
 * `finish` (main.c), which sends it. So a batch is bounded by the requests a worker holds
 * (its `in_flight` setting), not by its request threads, and a request costs no wake-up of
 * a sleeping thread.
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
	/* in, for batch_hand_off: the request it answers, and what builds that answer once the
	   batch committed (or failed); `done` may free the job. */
	struct request *req;
	void (*done)(struct batch_job *job);
	/* private to batch.c */
	bool settled; /* its batch committed or failed */
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
/*
 * The job's request is answered after the commit by job->done: when job->req can be
 * finished from another thread (req->finish, set by main.c), the job is left in
 * req->handed_off for main.c to pass to batch_submit once the handler has returned;
 * otherwise (unit tests, fuzzers) it is stored at once with batch_run and done is called
 * before this returns.
 */
void batch_hand_off(struct batch_job *job);
/*
 * Queues a job with `req` and `done` set, and returns at once. The writer then calls
 * request_resume(req), job->done(job) and req->finish(req), in that order, on its thread.
 */
void batch_submit(struct batch_job *job);

/* Counters for logs and metrics, per kind: batches run, jobs stored, the largest batch. */
struct batch_stats {
	long batches, jobs, largest;
};
void batch_stats(enum commit_kind kind, struct batch_stats *out);

#endif
