#include "batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "metrics.h"
#include "util.h"

#define EXPIRE_EVERY 600 /* seconds between sweeps of old idempotency keys */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static struct batch_job *head, *tail;
static bool stopping;
static pthread_t writer_thread;
static bool running;
static struct db *writer_db;
static int batch_max;
static struct batch_stats stats;

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Whether job may join the n already taken: not with the same key or submitter. */
static bool fits(struct batch_job *const *jobs, int n, const struct batch_job *job)
{
	for (int i = 0; i < n; i++)
		if (same(jobs[i]->key, job->key) || same(jobs[i]->submitter, job->submitter))
			return false;
	return true;
}

/* Takes up to batch_max jobs off the queue, in order, leaving those that do not fit for
   the next batch; called with mu held. */
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
	metrics_queue(-n);
	return n;
}

/* Reads row i of the batch's result into jobs[i]; false when it is not there. */
static bool read_row(PGresult *res, int i, struct batch_job *job)
{
	if (!outcome_read_row(res, i, 1, job->out) || atoi(PQgetvalue(res, i, 0)) != i + 1)
		return false;
	if (job->out->status == 201 && strcmp(job->out->code, "created") == 0) {
		if (PQgetisnull(res, i, 5) || PQgetisnull(res, i, 6))
			return false;
		job->id = atoll(PQgetvalue(res, i, 5));
		snprintf(job->created_at, sizeof(job->created_at), "%s", PQgetvalue(res, i, 6));
	}
	return true;
}

static void run(struct batch_job **jobs, int n)
{
	json_t *array = json_array();
	char *text;
	PGresult *res;

	for (int i = 0; i < n; i++) {
		/* The request thread owns the job and waits; "ord" numbers the result rows. */
		json_object_set_new(jobs[i]->job, "ord", json_integer(i + 1));
		json_array_append(array, jobs[i]->job);
	}
	text = json_dumps(array, JSON_COMPACT);
	json_decref(array);
	res = db_run(writer_db, "proposal_store_batch", 1, (const char *[]){ text });
	free(text);
	for (int i = 0; i < n; i++) {
		jobs[i]->stored_ok = res && PQntuples(res) == n && read_row(res, i, jobs[i]);
		if (!jobs[i]->stored_ok)
			jobs[i]->err = *db_last_error(writer_db);
	}
	if (res && PQntuples(res) != n)
		log_error("a batch of %d proposals came back with %d rows", n, PQntuples(res));
	PQclear(res);
}

static void expire_keys(time_t *last)
{
	PGresult *res;
	time_t now = time(NULL);

	if (now - *last < EXPIRE_EVERY)
		return;
	*last = now;
	res = db_run(writer_db, "idempotency_expire", 0, NULL);
	if (res && atoi(PQgetvalue(res, 0, 0)) > 0)
		log_info("expired %s idempotency keys older than a day", PQgetvalue(res, 0, 0));
	PQclear(res);
}

static void *writer(void *arg)
{
	struct batch_job **jobs = xcalloc((size_t)batch_max, sizeof(*jobs));
	time_t last_expire = time(NULL) - EXPIRE_EVERY + 5 + rand() % 60;

	(void)arg;
	for (;;) {
		int n;

		pthread_mutex_lock(&mu);
		while (!head && !stopping)
			pthread_cond_wait(&work, &mu);
		n = take(jobs);
		pthread_mutex_unlock(&mu);
		if (n == 0)
			break; /* stopping, and nothing left to store */
		run(jobs, n);
		pthread_mutex_lock(&mu);
		/* Each request thread waits on its own condition: no herd to wake. */
		for (int i = 0; i < n; i++) {
			jobs[i]->done = true;
			pthread_cond_signal(&jobs[i]->finished);
		}
		metrics_batch(n);
		stats.batches++;
		stats.jobs += n;
		if (n > stats.largest)
			stats.largest = n;
		pthread_mutex_unlock(&mu);
		expire_keys(&last_expire);
	}
	free(jobs);
	return NULL;
}

bool batch_start(const struct db_options *opts, int max)
{
	batch_max = max > 0 ? max : 1;
	writer_db = db_new(opts);
	stopping = false;
	if (pthread_create(&writer_thread, NULL, writer, NULL) != 0) {
		db_free(writer_db);
		writer_db = NULL;
		return false;
	}
	running = true;
	return true;
}

void batch_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&mu);
	stopping = true;
	pthread_cond_signal(&work);
	pthread_mutex_unlock(&mu);
	pthread_join(writer_thread, NULL);
	running = false;
	db_free(writer_db);
	writer_db = NULL;
	log_info("group commit: %ld batches, %ld proposals, largest batch %ld", stats.batches, stats.jobs,
		 stats.largest);
}

void batch_run(struct batch_job *job)
{
	job->done = false;
	job->stored_ok = false;
	job->next = NULL;
	pthread_cond_init(&job->finished, NULL);
	pthread_mutex_lock(&mu);
	if (tail)
		tail->next = job;
	else
		head = job;
	tail = job;
	metrics_queue(1);
	pthread_cond_signal(&work);
	while (!job->done)
		pthread_cond_wait(&job->finished, &mu);
	pthread_mutex_unlock(&mu);
	pthread_cond_destroy(&job->finished);
}

void batch_stats(struct batch_stats *out)
{
	pthread_mutex_lock(&mu);
	*out = stats;
	pthread_mutex_unlock(&mu);
}
