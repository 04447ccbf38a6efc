/*
 * conn.h - the aggregator's database connection: the aggregator lock, REPEATABLE READ
 * transactions, and statements that fail rather than reconnect in the middle of one.
 *
 * The statements, transactions and retries are common/db.c's; this turns its failures into
 * agg_error messages that say what was being done. Results returned are the caller's.
 */
#ifndef KENES_CONN_H
#define KENES_CONN_H

#include <libpq-fe.h>
#include <stdbool.h>

#include "agg.h"

/* The aggregator's statements, embedded from sql/aggregator/ (build/agg_queries.c). */
extern const struct db_statements aggregator_statements;

struct conn {
	struct db *db;
	bool locked;
};

/* Connects, sets work_mem and turns JIT off for the session. */
bool conn_open(struct conn *c, const struct agg_settings *s, struct agg_error *err);
/* Rolls back an open transaction, releases the lock, disconnects. */
void conn_close(struct conn *c);

/* Takes the aggregator's advisory lock (one refresh or report at a time). Without wait, a
 * lock held elsewhere fails with AGG_BUSY. Released by conn_close or on disconnect. */
bool conn_lock(struct conn *c, bool wait, struct agg_error *err);

/* db_begin (REPEATABLE READ), db_commit and db_rollback, with the aggregator's messages. */
bool conn_begin(struct conn *c, struct agg_error *err);
bool conn_commit(struct conn *c, struct agg_error *err);
void conn_rollback(struct conn *c);

/* Runs a prepared statement of sql/aggregator/; NULL with err set on failure. `what` says
 * what failed, for the message. */
PGresult *conn_run(struct conn *c, const char *name, int nparams, const char *const *params, const char *what,
		   struct agg_error *err);
/* As conn_run for a statement returning one row; false (and err) unless it did. */
PGresult *conn_run_row(struct conn *c, const char *name, int nparams, const char *const *params,
		       const char *what, struct agg_error *err);
/* As conn_run, one row at a time (db_each_row): for results too big to hold whole. `each`
 * records its own failure in err (the first error wins) and returns false to stop. */
bool conn_each_row(struct conn *c, const char *name, int nparams, const char *const *params,
		   bool (*each)(const PGresult *row, void *arg), void *arg, const char *what,
		   struct agg_error *err);

#endif
