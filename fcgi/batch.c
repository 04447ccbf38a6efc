/*
 * batch.c - the group-commit writers.
 *
 * There is no timer: a writer takes whatever is queued the moment it is free, so a lone
 * request at low load waits for nothing but its own commit, and under load the batches
 * grow by themselves while the previous one commits.
 *
 * The hand-off: batch_hand_off leaves the job with its request (main.c queues it once the
 * handler has returned) and the request thread goes back to accepting; the writer, after
 * the commit, calls the job's `done`, which builds the answer with the same code a waiting
 * thread would run, then the request's `finish` (main.c), which sends it. So a batch is
 * bounded by the requests a worker holds (its `in_flight` setting), not by its request
 * threads, and a request costs no wake-up of a sleeping thread.
 */
#include "batch.h"

#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "log.h"
#include "metrics.h"
#include "request.h"
#include "structure.h"
#include "util.h"

#define EXPIRE_EVERY 600 /* seconds between sweeps of old idempotency keys */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static struct batch_job *head, *tail;
static bool stopping;
#define MAX_WRITERS 8
static pthread_t writer_threads[MAX_WRITERS];
static struct db *writer_dbs[MAX_WRITERS];
static bool writer_up[MAX_WRITERS]; /* its connection worked when it last looked */
static int writer_count;
static bool running;
static int batch_max;
static struct batch_stats stats[COMMIT_KINDS];

/* Each kind's statement (sql/queries/) and what its rows carry. */
static const struct {
	const char *statement;
	const char *noun; /* for logs */
	bool with_id;     /* a 201 "created" row carries the new id and created_at */
} kinds[COMMIT_KINDS] = {
	[COMMIT_PROPOSALS] = { "proposal_store_batch", "proposals", true },
	[COMMIT_SUPPORTS] = { "support_store_batch", "supports", false },
};

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Whether job may join the n already taken: of their kind, not with the same key or person. */
static bool fits(struct batch_job *const *jobs, int n, const struct batch_job *job)
{
	if (n > 0 && job->kind != jobs[0]->kind)
		return false;
	for (int i = 0; i < n; i++)
		if (same(jobs[i]->key, job->key) || same(jobs[i]->person, job->person))
			return false;
	return true;
}

/* Takes up to batch_max jobs of the first job's kind off the queue, in order, leaving those
   that do not fit for the next batch; called with mu held. */
static int take(struct batch_job **jobs)
{
	struct batch_job **link = &head;
	int n = 0;

	tail = NULL;
	while (*link && n < batch_max) {
		struct batch_job *job = *link;

		if (fits(jobs, n, job)) {
			jobs[n++] = job;
			*link = job->next;
		} else {
			tail = job;
			link = &job->next;
		}
	}
	while (*link) {
		tail = *link;
		link = &(*link)->next;
	}
	if (n > 0)
		metrics_queue(jobs[0]->kind, -n);
	return n;
}

/* Reads row i of the batch's result into jobs[i]; false when it is not there. */
static bool read_row(PGresult *res, int i, struct batch_job *job)
{
	if (!outcome_read_row(res, i, 1, job->out) || atoi(PQgetvalue(res, i, 0)) != i + 1)
		return false;
	if (kinds[job->kind].with_id && job->out->status == 201 && strcmp(job->out->code, "created") == 0) {
		if (PQgetisnull(res, i, 5) || PQgetisnull(res, i, 6))
			return false;
		job->id = atoll(PQgetvalue(res, i, 5));
		snprintf(job->created_at, sizeof(job->created_at), "%s", PQgetvalue(res, i, 6));
	}
	return true;
}

static void run(struct db *db, struct batch_job **jobs, int n)
{
	const char *statement = kinds[jobs[0]->kind].statement;
	struct buf array;
	PGresult *res;

	/* "ord" numbers the jobs; the result rows come back with it. */
	buf_init(&array, 0);
	buf_putc(&array, '[');
	for (int i = 0; i < n; i++)
		buf_printf(&array, "%s{\"ord\":%d,%s", i ? "," : "", i + 1, jobs[i]->job);
	buf_putc(&array, ']');
	res = db_run(db, statement, 1, (const char *[]){ array.data });
	buf_free(&array);
	for (int i = 0; i < n; i++) {
		jobs[i]->stored_ok = res && PQntuples(res) == n && read_row(res, i, jobs[i]);
		if (!jobs[i]->stored_ok)
			jobs[i]->err = *db_last_error(db);
	}
	if (res && PQntuples(res) != n)
		log_error("a batch of %d %s came back with %d rows", n, kinds[jobs[0]->kind].noun,
			  PQntuples(res));
	PQclear(res);
}

static void expire_keys(struct db *db, time_t *last)
{
	PGresult *res;
	time_t now = time(NULL);

	if (now - *last < EXPIRE_EVERY)
		return;
	*last = now;
	res = db_run(db, "idempotency_expire", 0, NULL);
	if (res && atoi(PQgetvalue(res, 0, 0)) > 0)
		log_info("expired %s idempotency keys older than a day", PQgetvalue(res, 0, 0));
	PQclear(res);
}

/*
 * Gives freed heap pages back to the system, at most once a second. Each request thread
 * allocates and frees in its own malloc arena, and with 32 of them a worker's resident set
 * kept growing from fragmentation (docs/BENCHMARKS.md, finding 4) while the live heap
 * stayed flat; malloc_trim releases the free pages of every arena.
 */
static void trim_memory(struct timespec *last)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec == last->tv_sec)
		return;
	*last = now;
	malloc_trim(0);
}

/* On the writer, for a handed-off request: its request id in the logs, and the structure
   its handler read as this thread's (let go of by structure_release in req->finish). */
static void request_resume(struct request *req)
{
	log_set_request_id(req->request_id);
	structure_adopt(req->structure);
	req->structure = NULL;
}

/*
 * Wakes the batch's waiting request threads, counts the batch, then answers its handed-off
 * requests (batch_submit) on this thread. A waiting thread may free its job as soon as it
 * is signalled, so which jobs were handed off is read first.
 */
static void finish(struct batch_job **jobs, int n)
{
	enum commit_kind kind = jobs[0]->kind;
	int handed = 0;

	pthread_mutex_lock(&mu);
	/* Each request thread waits on its own condition: no herd to wake. */
	for (int i = 0; i < n; i++) {
		if (jobs[i]->done) {
			jobs[handed++] = jobs[i];
			continue;
		}
		jobs[i]->settled = true;
		pthread_cond_signal(&jobs[i]->finished);
	}
	metrics_batch(kind, n);
	stats[kind].batches++;
	stats[kind].jobs += n;
	if (n > stats[kind].largest)
		stats[kind].largest = n;
	pthread_mutex_unlock(&mu);
	for (int i = 0; i < handed; i++) {
		struct request *req = jobs[i]->req; /* done frees the job */

		request_resume(req);
		jobs[i]->done(jobs[i]);
		req->finish(req);
	}
}

/*
 * Whether writer `index` should leave the queue to another: its connection is down (waiting
 * out db_ready's pause between attempts) while another writer's works. Taking jobs now
 * would fail them all at once, and a writer that fails fast would take most of them.
 * Called with mu held.
 */
static bool stand_aside(int index)
{
	if (writer_up[index] || stopping)
		return false;
	for (int i = 0; i < writer_count; i++)
		if (i != index && writer_up[i])
			return true;
	return false;
}

/* One writer: arg is its index; writer 0 also expires old keys and trims memory. */
static void *writer(void *arg)
{
	int index = (int)(intptr_t)arg;
	struct db *db = writer_dbs[index];
	struct batch_job **jobs = xcalloc((size_t)batch_max, sizeof(*jobs));
	time_t last_expire = time(NULL) - EXPIRE_EVERY + 5 + rand() % 60;
	struct timespec last_trim = { 0 }, t0, t1;

	for (;;) {
		bool up = db_ready(db);
		int n;

		pthread_mutex_lock(&mu);
		writer_up[index] = up;
		while (!head && !stopping)
			pthread_cond_wait(&work, &mu);
		if (stand_aside(index)) {
			pthread_cond_signal(&work); /* the wake-up was meant for a writer that works */
			pthread_mutex_unlock(&mu);
			nanosleep(&(struct timespec){ .tv_nsec = 100 * 1000 * 1000 }, NULL);
			continue;
		}
		n = take(jobs);
		pthread_mutex_unlock(&mu);
		if (n == 0)
			break; /* stopping, and nothing left to store */
		clock_gettime(CLOCK_MONOTONIC, &t0);
		run(db, jobs, n);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		metrics_commit(jobs[0]->kind,
			       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
		finish(jobs, n);
		if (index == 0) {
			expire_keys(db, &last_expire);
			trim_memory(&last_trim);
		}
	}
	free(jobs);
	return NULL;
}

bool batch_start(const struct db_options *opts, int max, int writers)
{
	batch_max = max > 0 ? max : 1;
	stopping = false;
	writer_count = 0;
	writers = writers < 1 ? 1 : writers > MAX_WRITERS ? MAX_WRITERS : writers;
	for (int i = 0; i < writers; i++) {
		writer_dbs[i] = db_new(opts);
		if (pthread_create(&writer_threads[i], NULL, writer, (void *)(intptr_t)i) != 0) {
			db_free(writer_dbs[i]);
			writer_dbs[i] = NULL;
			break;
		}
		writer_count++;
	}
	running = writer_count > 0;
	if (running && writer_count < writers)
		log_warn("group commit: started %d of %d writers", writer_count, writers);
	return running;
}

void batch_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&mu);
	stopping = true;
	pthread_cond_broadcast(&work);
	pthread_mutex_unlock(&mu);
	for (int i = 0; i < writer_count; i++) {
		pthread_join(writer_threads[i], NULL);
		db_free(writer_dbs[i]);
		writer_dbs[i] = NULL;
	}
	running = false;
	for (int k = 0; k < COMMIT_KINDS; k++)
		log_info("group commit: %ld batches, %ld %s, largest batch %ld", stats[k].batches,
			 stats[k].jobs, kinds[k].noun, stats[k].largest);
}

/* Puts the job at the queue's end and wakes a writer; called with mu held. */
static void enqueue(struct batch_job *job)
{
	job->stored_ok = false;
	job->next = NULL;
	if (tail)
		tail->next = job;
	else
		head = job;
	tail = job;
	metrics_queue(job->kind, 1);
	pthread_cond_signal(&work);
}

void batch_run(struct batch_job *job)
{
	job->done = NULL;
	job->settled = false;
	pthread_cond_init(&job->finished, NULL);
	pthread_mutex_lock(&mu);
	enqueue(job);
	while (!job->settled)
		pthread_cond_wait(&job->finished, &mu);
	pthread_mutex_unlock(&mu);
	pthread_cond_destroy(&job->finished);
}

void batch_submit(struct batch_job *job)
{
	pthread_mutex_lock(&mu);
	enqueue(job);
	pthread_mutex_unlock(&mu);
}

void batch_hand_off(struct batch_job *job)
{
	void (*done)(struct batch_job *) = job->done;

	if (job->req->finish) {
		job->req->handed_off = job;
		return;
	}
	batch_run(job);
	done(job);
}

void batch_stats(enum commit_kind kind, struct batch_stats *out)
{
	pthread_mutex_lock(&mu);
	*out = stats[kind];
	pthread_mutex_unlock(&mu);
}
