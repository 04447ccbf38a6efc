#include "batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "metrics.h"
#include "util.h"

#define EXPIRE_EVERY 600 /* seconds between sweeps of old idempotency keys */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static pthread_cond_t finished = PTHREAD_COND_INITIALIZER;
static struct batch_job *head, *tail;
static bool stopping;
static pthread_t writer_thread;
static bool running;
static struct db *writer_db;
static int batch_max;
static struct batch_stats stats;

/* Takes up to batch_max jobs off the queue; called with mu held. */
static int take(struct batch_job **jobs)
{
	int n = 0;

	while (head && n < batch_max) {
		jobs[n++] = head;
		head = head->next;
	}
	if (!head)
		tail = NULL;
	metrics_queue(-n);
	return n;
}

static void run(struct batch_job **jobs, int n)
{
	json_t *array = json_array();
	char *text;
	PGresult *res;

	for (int i = 0; i < n; i++)
		json_array_append(array, jobs[i]->job); /* borrows: the request thread owns it */
	text = json_dumps(array, JSON_COMPACT);
	json_decref(array);
	res = db_run(writer_db, "proposal_submit_batch", 1, (const char *[]){ text });
	free(text);
	for (int i = 0; i < n; i++) {
		jobs[i]->stored_ok = res && PQntuples(res) == n && outcome_read_row(res, i, 1, jobs[i]->out);
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
		for (int i = 0; i < n; i++)
			jobs[i]->done = true;
		metrics_batch(n);
		stats.batches++;
		stats.jobs += n;
		if (n > stats.largest)
			stats.largest = n;
		pthread_cond_broadcast(&finished);
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
	pthread_mutex_lock(&mu);
	if (tail)
		tail->next = job;
	else
		head = job;
	tail = job;
	metrics_queue(1);
	pthread_cond_signal(&work);
	while (!job->done)
		pthread_cond_wait(&finished, &mu);
	pthread_mutex_unlock(&mu);
}

void batch_stats(struct batch_stats *out)
{
	pthread_mutex_lock(&mu);
	*out = stats;
	pthread_mutex_unlock(&mu);
}
