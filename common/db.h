/*
 * db.h - one libpq connection with the caller's statement table (common/embed-sql.sh)
 * prepared on it; statements run only by name, with $n parameters. A lost connection is
 * re-made at most once a second, except inside a transaction, whose work it lost: then every
 * call fails until db_rollback. Outside one, a deadlock or serialization failure is run again
 * (DB_ATTEMPTS in all). Results are the caller's (PQclear); the struct db owns its connection.
 */
#ifndef KENES_DB_H
#define KENES_DB_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

struct db_query {
	const char *name, *sql;
};
struct db_statements {
	const struct db_query *list;
	int count;
};

#define DB_ATTEMPTS 3 /* runs of a statement that meets a deadlock or serialization failure */
struct db_error {
	char sqlstate[6], message[256];
	bool unavailable; /* connection-level: the caller may try again later */
	bool lost;        /* the connection went away inside a transaction: its work is gone */
};

struct db_options {
	const char *url, *role, *app_name; /* conninfo or URI; SET ROLE (NULL: the login's) */
	const struct db_statements *statements;
	const char *const *setup; /* statements run on each new session first (NULL-terminated) */
	const char *search_path;  /* NULL: "" (every name schema-qualified) */
	long connect_timeout;     /* seconds */
	long statement_timeout;   /* milliseconds; 0 none, -1 the login's own */
	bool require_durability;  /* refuse fsync, full_page_writes or synchronous_commit off */
	bool pooled;              /* transaction-mode pooler: unnamed statements, no SET */
	void (*on_error)(void), (*on_reconnect)(void); /* optional, for metrics */
};

struct db *db_new(const struct db_options *opts);
void db_free(struct db *db);
/* Connects if needed; false when unreachable now (or not durable: SQLSTATE 55000). */
bool db_ready(struct db *db);
/* Runs a statement by name: its result, or NULL with the reason in db_last_error. */
PGresult *db_run(struct db *db, const char *name, int nparams, const char *const *values);
/* One row at a time (single-row mode); `each` returning false stops and makes it false. */
bool db_each_row(struct db *db, const char *name, int nparams, const char *const *values,
		 bool (*each)(const PGresult *row, void *arg), void *arg);
/* Runs COPY ... FROM STDIN statement `name` with `data` (COPY text); false on failure. */
bool db_copy(struct db *db, const char *name, const char *data, size_t len);
bool db_begin(struct db *db, bool snapshot); /* REPEATABLE READ with `snapshot` */
bool db_commit(struct db *db);               /* false unless it committed */
void db_rollback(struct db *db);
const struct db_error *db_last_error(const struct db *db);
void db_set_error(struct db *db, const struct db_error *err); /* from another connection */
long db_reconnects(const struct db *db);

#endif
