#include "metrics.h"

#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>

static const char *const route_names[ROUTE_COUNT] = {
	"other",
	"form",
	"submit",
	"proposal",
	"list",
	"proposal_page",
	"receipt",
	"support",
	"consultation",
	"health",
	"metrics",
	"report_identity",
	"tallies",
	"reports",
	"moderation",
	"overview",
	"staff",
	"positions",
	"comparative_table",
};

/* The statuses Kenes answers with; anything else is counted as its class (e.g. 5xx). */
static const int statuses[] = { 200, 201, 303, 400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503 };
#define STATUS_COUNT (sizeof(statuses) / sizeof(statuses[0]))
#define STATUS_SLOTS (STATUS_COUNT + 1) /* + "other" */

static const double latency_bounds[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5 };
#define LATENCY_BUCKETS (sizeof(latency_bounds) / sizeof(latency_bounds[0]))
static const int batch_bounds[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500 };
#define BATCH_BUCKETS (sizeof(batch_bounds) / sizeof(batch_bounds[0]))

struct shared {
	atomic_long requests[ROUTE_COUNT][STATUS_SLOTS];
	atomic_long latency[LATENCY_BUCKETS + 1];
	atomic_long latency_micros;
	atomic_long batch[COMMIT_KINDS][BATCH_BUCKETS + 1];
	atomic_long batch_jobs[COMMIT_KINDS];
	atomic_long commit_latency[COMMIT_KINDS][LATENCY_BUCKETS + 1];
	atomic_long commit_micros[COMMIT_KINDS];
	atomic_long queue[COMMIT_KINDS];
	atomic_long db_errors;
	atomic_long db_reconnects;
	atomic_long restarts;
};

static struct shared *m;

bool metrics_init(void)
{
	void *p =
		mmap(NULL, sizeof(struct shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return false;
	memset(p, 0, sizeof(struct shared));
	m = p;
	return true;
}

/* Counts one latency in its histogram (buckets: LATENCY_BUCKETS + 1) and adds it to the sum. */
static void observe_latency(atomic_long *buckets, atomic_long *micros, double seconds)
{
	size_t b = 0;

	while (b < LATENCY_BUCKETS && seconds > latency_bounds[b])
		b++;
	atomic_fetch_add(&buckets[b], 1);
	atomic_fetch_add(micros, (long)(seconds * 1e6));
}

static int status_slot(int status)
{
	for (size_t i = 0; i < STATUS_COUNT; i++)
		if (statuses[i] == status)
			return (int)i;
	return (int)STATUS_COUNT;
}

void metrics_request(enum route_label route, int status, double seconds)
{
	if (!m)
		return;
	atomic_fetch_add(&m->requests[route][status_slot(status)], 1);
	observe_latency(m->latency, &m->latency_micros, seconds);
}

void metrics_batch(enum commit_kind kind, int size)
{
	size_t b = 0;

	if (!m)
		return;
	while (b < BATCH_BUCKETS && size > batch_bounds[b])
		b++;
	atomic_fetch_add(&m->batch[kind][b], 1);
	atomic_fetch_add(&m->batch_jobs[kind], size);
}

void metrics_commit(enum commit_kind kind, double seconds)
{
	if (!m)
		return;
	observe_latency(m->commit_latency[kind], &m->commit_micros[kind], seconds);
}

void metrics_queue(enum commit_kind kind, int delta)
{
	if (m)
		atomic_fetch_add(&m->queue[kind], delta);
}

void metrics_db_error(void)
{
	if (m)
		atomic_fetch_add(&m->db_errors, 1);
}

void metrics_db_reconnect(void)
{
	if (m)
		atomic_fetch_add(&m->db_reconnects, 1);
}

void metrics_worker_restart(void)
{
	if (m)
		atomic_fetch_add(&m->restarts, 1);
}

/* The batch-size histogram and the queue gauge of one kind of group commit. */
static void render_commits(struct buf *out, enum commit_kind kind)
{
	static const char *const prefix[COMMIT_KINDS] = { "kenes_commit", "kenes_support_commit" };
	static const char *const noun[COMMIT_KINDS] = { "Proposals", "Supports" };
	const char *p = prefix[kind];
	long cumulative = 0;

	buf_printf(out,
		   "# HELP %s_batch_size %s stored per transaction (group commit).\n"
		   "# TYPE %s_batch_size histogram\n",
		   p, noun[kind], p);
	for (size_t b = 0; b < BATCH_BUCKETS; b++) {
		cumulative += atomic_load(&m->batch[kind][b]);
		buf_printf(out, "%s_batch_size_bucket{le=\"%d\"} %ld\n", p, batch_bounds[b], cumulative);
	}
	cumulative += atomic_load(&m->batch[kind][BATCH_BUCKETS]);
	buf_printf(out, "%s_batch_size_bucket{le=\"+Inf\"} %ld\n", p, cumulative);
	buf_printf(out, "%s_batch_size_sum %ld\n%s_batch_size_count %ld\n", p,
		   atomic_load(&m->batch_jobs[kind]), p, cumulative);
	buf_printf(out,
		   "# HELP %s_duration_seconds %s: one group-commit transaction, its commit included.\n"
		   "# TYPE %s_duration_seconds histogram\n",
		   p, noun[kind], p);
	cumulative = 0;
	for (size_t b = 0; b < LATENCY_BUCKETS; b++) {
		cumulative += atomic_load(&m->commit_latency[kind][b]);
		buf_printf(out, "%s_duration_seconds_bucket{le=\"%g\"} %ld\n", p, latency_bounds[b],
			   cumulative);
	}
	cumulative += atomic_load(&m->commit_latency[kind][LATENCY_BUCKETS]);
	buf_printf(out, "%s_duration_seconds_bucket{le=\"+Inf\"} %ld\n", p, cumulative);
	buf_printf(out, "%s_duration_seconds_sum %.6f\n%s_duration_seconds_count %ld\n", p,
		   (double)atomic_load(&m->commit_micros[kind]) / 1e6, p, cumulative);
	buf_printf(out,
		   "# HELP %s_queue_depth %s waiting for the writer right now.\n"
		   "# TYPE %s_queue_depth gauge\n%s_queue_depth %ld\n",
		   p, noun[kind], p, p, atomic_load(&m->queue[kind]));
}

void metrics_render(struct buf *out)
{
	long count = 0, cumulative = 0;

	if (!m)
		return;
	buf_puts(out, "# HELP kenes_requests_total Requests answered by the handler, by route and status.\n"
		      "# TYPE kenes_requests_total counter\n");
	for (int r = 0; r < ROUTE_COUNT; r++) {
		for (size_t s = 0; s < STATUS_SLOTS; s++) {
			long v = atomic_load(&m->requests[r][s]);

			if (!v)
				continue;
			if (s < STATUS_COUNT)
				buf_printf(out, "kenes_requests_total{route=\"%s\",status=\"%d\"} %ld\n",
					   route_names[r], statuses[s], v);
			else
				buf_printf(out, "kenes_requests_total{route=\"%s\",status=\"other\"} %ld\n",
					   route_names[r], v);
			count += v;
		}
	}
	buf_puts(out, "# HELP kenes_request_duration_seconds Time from the request's arrival to its answer.\n"
		      "# TYPE kenes_request_duration_seconds histogram\n");
	for (size_t b = 0; b < LATENCY_BUCKETS; b++) {
		cumulative += atomic_load(&m->latency[b]);
		buf_printf(out, "kenes_request_duration_seconds_bucket{le=\"%g\"} %ld\n", latency_bounds[b],
			   cumulative);
	}
	cumulative += atomic_load(&m->latency[LATENCY_BUCKETS]);
	buf_printf(out, "kenes_request_duration_seconds_bucket{le=\"+Inf\"} %ld\n", cumulative);
	buf_printf(out, "kenes_request_duration_seconds_sum %.6f\n",
		   (double)atomic_load(&m->latency_micros) / 1e6);
	buf_printf(out, "kenes_request_duration_seconds_count %ld\n", cumulative);
	for (int k = 0; k < COMMIT_KINDS; k++)
		render_commits(out, (enum commit_kind)k);
	buf_printf(out,
		   "# HELP kenes_db_errors_total Failed database calls.\n"
		   "# TYPE kenes_db_errors_total counter\nkenes_db_errors_total %ld\n",
		   atomic_load(&m->db_errors));
	buf_printf(out,
		   "# HELP kenes_db_reconnects_total Connections re-established after a loss.\n"
		   "# TYPE kenes_db_reconnects_total counter\nkenes_db_reconnects_total %ld\n",
		   atomic_load(&m->db_reconnects));
	buf_printf(out,
		   "# HELP kenes_worker_restarts_total Worker processes restarted after dying.\n"
		   "# TYPE kenes_worker_restarts_total counter\nkenes_worker_restarts_total %ld\n",
		   atomic_load(&m->restarts));
	(void)count;
}
