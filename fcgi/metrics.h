/*
 * metrics.h - counters for /metrics (Prometheus text format), shared by every worker.
 *
 * The master maps one block of shared memory before it forks; each worker adds to it with
 * atomic operations, so any worker can answer /metrics for the whole handler. Nothing here
 * allocates after metrics_init or takes a lock.
 */
#ifndef KENES_METRICS_H
#define KENES_METRICS_H

#include <stdbool.h>

#include "buf.h"

enum route_label {
	ROUTE_OTHER,
	ROUTE_FORM,
	ROUTE_SUBMIT,
	ROUTE_PROPOSAL,
	ROUTE_LIST,
	ROUTE_PROPOSAL_PAGE,
	ROUTE_RECEIPT,
	ROUTE_SUPPORT,
	ROUTE_CONSULTATION,
	ROUTE_HEALTH,
	ROUTE_METRICS,
	ROUTE_REPORT_IDENTITY,
	ROUTE_TALLIES,
	ROUTE_REPORTS,
	ROUTE_MODERATION,
	ROUTE_OVERVIEW, /* issue 15: the public overview of a draft */
	ROUTE_STAFF,
	ROUTE_POSITIONS,   /* the staff's positions API */
	ROUTE_COMPARATIVE, /* the comparative table, API and page */
	ROUTE_COUNT
};

/* What a group-commit batch stores (fcgi/batch.h); each has its own histogram and gauge. */
enum commit_kind { COMMIT_PROPOSALS, COMMIT_SUPPORTS, COMMIT_KINDS };

/* Maps the shared block; call once in the master, before forking. */
bool metrics_init(void);
void metrics_request(enum route_label route, int status, double seconds);
void metrics_batch(enum commit_kind kind, int size);
/* The time of one group-commit transaction (its fsync and any synchronous standby's). */
void metrics_commit(enum commit_kind kind, double seconds);
void metrics_queue(enum commit_kind kind, int delta);
void metrics_db_error(void);
void metrics_db_reconnect(void);
void metrics_worker_restart(void);
/* Appends the exposition text. */
void metrics_render(struct buf *out);

#endif
