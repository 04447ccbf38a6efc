/*
 * db.h - one libpq connection with every statement in sql/queries/ prepared on it.
 *
 * The statements are embedded at build time (build/queries.c) and prepared once per
 * connection; they run only with PQexecPrepared and $n parameters (or, behind a
 * transaction-mode pooler, as unnamed statements with PQexecParams: see `pooled`). A lost connection is
 * noticed on the next call, retried at most once per second, and re-prepared when it
 * comes back, so callers only ever see "worked" or "failed, with a reason".
 * Results returned are owned by the caller (PQclear); the struct db owns its connection.
 */
#ifndef KENES_DB_H
#define KENES_DB_H

#include <libpq-fe.h>
#include <stdbool.h>

struct db_query {
	const char *name;
	const char *sql;
};

/* Generated from the files in sql/queries/ by the Makefile. */
extern const struct db_query db_queries[];
extern const int db_query_count;

struct db;

/* How many times a statement runs when it meets a deadlock or serialization failure. */
#define DB_ATTEMPTS 3

struct db_error {
	char sqlstate[6];
	char message[256];
	bool unavailable; /* connection-level: answer 503 and let the client retry */
};

struct db_options {
	const char *url;         /* libpq connection string or URI */
	const char *role;        /* SET ROLE after connecting; NULL or "" to keep the login */
	const char *app_name;    /* fallback_application_name */
	long connect_timeout;    /* seconds */
	long statement_timeout;  /* milliseconds, 0 = server default */
	bool require_durability; /* refuse servers with fsync, full_page_writes or synchronous_commit off */
	/*
	 * A transaction-mode pooler (pgbouncer before 1.21) sits in front: a server connection
	 * is ours only for one transaction, so nothing may live in the session. Statements run
	 * unnamed (PQexecParams with their text), and no session setting is sent: search_path,
	 * TimeZone, statement_timeout and the role come from the login (ALTER ROLE ... SET).
	 */
	bool pooled;
	void (*on_error)(void);     /* optional: called on every failed call (for metrics) */
	void (*on_reconnect)(void); /* optional: called when a lost connection is back */
};

struct db *db_new(const struct db_options *opts);
void db_free(struct db *db);

/*
 * Connects (or reconnects) if needed. False when the database is unreachable right now, or
 * (with require_durability) runs with durability turned off: SQLSTATE 55000, not retried.
 */
bool db_ready(struct db *db);

/*
 * Runs a prepared statement by name. Returns the result (tuples or command OK) or NULL,
 * with the reason in db_last_error(). NULL values are passed as NULL pointers. Outside a
 * transaction, a statement that meets a deadlock or serialization failure runs again, up to
 * DB_ATTEMPTS times in all.
 */
PGresult *db_run(struct db *db, const char *name, int nparams, const char *const *values);
/*
 * Runs a prepared statement by name in single-row mode: `each` gets one row at a time (a
 * result of one tuple, freed after the call), so a big result is never held whole. `each`
 * returning false stops the calls (the rest is read and dropped) and makes this return
 * false with db_last_error() untouched: the callback keeps its own reason. False with the
 * reason in db_last_error() when the statement fails. Never run again on a deadlock.
 */
bool db_each_row(struct db *db, const char *name, int nparams, const char *const *values,
		 bool (*each)(const PGresult *row, void *arg), void *arg);
const struct db_error *db_last_error(const struct db *db);
/* Records an error that happened on another connection for this one's callers to read. */
void db_set_error(struct db *db, const struct db_error *err);


/* Counters for logs and metrics. */
long db_reconnects(const struct db *db);

#endif
