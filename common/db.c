#include "db.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "util.h"

struct db {
	PGconn *conn;
	struct db_options opts;
	struct db_error error;
	time_t next_attempt;
	long reconnects;
	bool connected_once;
	bool down; /* the last attempt failed: log the next failures quietly */
	bool in_transaction;
};

static void set_error(struct db *db, const char *sqlstate, const char *message, bool unavailable)
{
	if (db->opts.on_error)
		db->opts.on_error();
	snprintf(db->error.sqlstate, sizeof(db->error.sqlstate), "%s", sqlstate ? sqlstate : "");
	snprintf(db->error.message, sizeof(db->error.message), "%s", message ? message : "");
	/* libpq messages end in a newline; the log wants one line. */
	for (char *p = db->error.message; *p; p++)
		if (*p == '\n')
			*p = *(p + 1) ? ' ' : '\0';
	db->error.unavailable = unavailable;
	db->error.lost = false;
}

struct db *db_new(const struct db_options *opts)
{
	struct db *db = xcalloc(1, sizeof(*db));

	db->opts = *opts;
	db->opts.url = xstrdup(opts->url);
	db->opts.role = opts->role && *opts->role ? xstrdup(opts->role) : NULL;
	db->opts.app_name = xstrdup(opts->app_name);
	db->opts.search_path = xstrdup(opts->search_path ? opts->search_path : "");
	return db;
}

void db_free(struct db *db)
{
	if (!db)
		return;
	if (db->conn)
		PQfinish(db->conn);
	free((char *)db->opts.url);
	free((char *)db->opts.role);
	free((char *)db->opts.app_name);
	free((char *)db->opts.search_path);
	free(db);
}

/*
 * A 201 promises the proposal survives a crash; a server with fsync, full_page_writes or
 * synchronous_commit off cannot keep that promise, so such a server is not used at all.
 */
static bool durable(struct db *db)
{
	static const char *const names[] = { "fsync", "full_page_writes", "synchronous_commit" };
	PGresult *res = PQexecParams(db->conn,
				     "SELECT current_setting('fsync'), current_setting('full_page_writes'), "
				     "current_setting('synchronous_commit')",
				     0, NULL, NULL, NULL, NULL, 0);
	bool ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;

	for (int i = 0; ok && i < 3; i++) {
		if (strcmp(PQgetvalue(res, 0, i), "off") == 0) {
			char message[160];

			snprintf(message, sizeof(message),
				 "PostgreSQL runs with %s = off: a crash could lose committed proposals; "
				 "Kenes refuses to use it",
				 names[i]);
			/* 503 for clients: unavailable until an operator turns durability back on. */
			set_error(db, "55000", message, true);
			log_error("%s", message);
			ok = false;
		}
	}
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		set_error(db, PQresultErrorField(res, PG_DIAG_SQLSTATE), PQerrorMessage(db->conn), true);
	PQclear(res);
	return ok;
}

/* The statement's index in the caller's table by its name, or -1. */
static int query_index(const struct db *db, const char *name)
{
	for (int i = 0; i < db->opts.statements->count; i++)
		if (strcmp(db->opts.statements->list[i].name, name) == 0)
			return i;
	return -1;
}

static bool session_ok(struct db *db, PGresult *res, const char *what, const char *name)
{
	bool ok = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;

	if (!ok) {
		set_error(db, PQresultErrorField(res, PG_DIAG_SQLSTATE), PQerrorMessage(db->conn), true);
		log_error("%s %s failed: %s", what, name, db->error.message);
	}
	PQclear(res);
	return ok;
}

/*
 * Every statement prepared in one round trip (libpq's pipeline mode): one by one, a fresh
 * connection paid ~75 round trips, each a wake-up of its backend, so a worker reconnecting
 * on a busy machine after a restart took seconds before its first answer. The first
 * failure is the error; the server skips the rest of the pipeline after it.
 */
static bool prepare_pipelined(struct db *db)
{
	const struct db_query *list = db->opts.statements->list;
	int n = db->opts.statements->count, failed = -1;
	bool sent = PQenterPipelineMode(db->conn);
	PGresult *res;

	for (int i = 0; sent && i < n; i++)
		sent = PQsendPrepare(db->conn, list[i].name, list[i].sql, 0, NULL);
	if (!sent || !PQpipelineSync(db->conn)) {
		set_error(db, "08006", PQerrorMessage(db->conn), true);
		log_error("preparing statements failed: %s", db->error.message);
		return false;
	}
	for (int i = 0; i < n; i++) {
		res = PQgetResult(db->conn);
		if (!res)
			break; /* the connection is gone: PQexitPipelineMode below says so */
		if (failed < 0 && PQresultStatus(res) != PGRES_COMMAND_OK) {
			failed = i;
			session_ok(db, res, "preparing statement", list[i].name);
		} else {
			PQclear(res);
		}
		while ((res = PQgetResult(db->conn)) != NULL) /* each query's results end with NULL */
			PQclear(res);
	}
	while ((res = PQgetResult(db->conn)) != NULL) {
		bool sync = PQresultStatus(res) == PGRES_PIPELINE_SYNC;

		PQclear(res);
		if (sync)
			break;
	}
	if (!PQexitPipelineMode(db->conn) || PQstatus(db->conn) != CONNECTION_OK) {
		if (failed < 0) {
			set_error(db, "08006", PQerrorMessage(db->conn), true);
			log_error("preparing statements failed: %s", db->error.message);
		}
		return false;
	}
	return failed < 0;
}

/* The caller's setup statements (a temporary table, session settings), then its statements. */
static bool prepare_statements(struct db *db)
{
	const struct db_query *list = db->opts.statements->list;

	for (const char *const *s = db->opts.setup; s && *s; s++) {
		int i = query_index(db, *s);

		PGresult *res;

		if (i < 0) {
			log_error("no statement named %s", *s);
			return false;
		}
		res = PQexecParams(db->conn, list[i].sql, 0, NULL, NULL, NULL, NULL, 0);
		if (!session_ok(db, res, "session setup", *s))
			return false;
	}
	return db->opts.pooled || prepare_pipelined(db);
}

/*
 * The session's settings in one round trip: search_path, UTC, the statement timeout and the
 * role (the last two only when given). Fewer round trips per connection, and a connection
 * that a failing statement keeps resetting has fewer steps to get through.
 */
static bool set_session(struct db *db)
{
	char timeout[32] = "";
	const char *params[3] = { db->opts.search_path, timeout, db->opts.role ? db->opts.role : "" };
	PGresult *res;
	bool ok;

	if (db->opts.statement_timeout >= 0)
		snprintf(timeout, sizeof(timeout), "%ld", db->opts.statement_timeout);
	res = PQexecParams(db->conn,
			   "SELECT pg_catalog.set_config('search_path', $1::text, false), "
			   "pg_catalog.set_config('TimeZone', 'UTC', false), "
			   "CASE WHEN $2::text <> '' THEN pg_catalog.set_config('statement_timeout', "
			   "$2::text, false) END, "
			   "CASE WHEN $3::text <> '' THEN pg_catalog.set_config('role', $3::text, false) END",
			   3, NULL, params, NULL, NULL, 0);
	ok = PQresultStatus(res) == PGRES_TUPLES_OK;
	if (!ok)
		set_error(db, PQresultErrorField(res, PG_DIAG_SQLSTATE), PQerrorMessage(db->conn), true);
	PQclear(res);
	return ok;
}

/* Session settings and prepared statements for a fresh connection. */
static bool setup_session(struct db *db)
{
	if (db->opts.pooled)
		return (!db->opts.require_durability || durable(db)) && prepare_statements(db);
	if (!set_session(db))
		return false;
	if (db->opts.require_durability && !durable(db))
		return false;
	return prepare_statements(db);
}

/* Server notices (and the FATAL a dying connection sends) go to our log, not raw stderr. */
static void on_notice(void *arg, const char *message)
{
	char line[512];
	size_t n;

	(void)arg;
	snprintf(line, sizeof(line), "%s", message);
	n = strlen(line);
	while (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';
	log_info("database says: %s", line);
}

static bool db_connect(struct db *db)
{
	char timeout[32];
	const char *keys[] = { "dbname", "fallback_application_name", "connect_timeout", NULL };
	const char *values[] = { db->opts.url, db->opts.app_name, timeout, NULL };

	snprintf(timeout, sizeof(timeout), "%ld", db->opts.connect_timeout);
	if (db->conn)
		PQfinish(db->conn);
	db->conn = PQconnectdbParams(keys, values, 1);
	if (PQstatus(db->conn) == CONNECTION_OK)
		PQsetNoticeProcessor(db->conn, on_notice, NULL);
	if (PQstatus(db->conn) != CONNECTION_OK) {
		set_error(db, "08006", PQerrorMessage(db->conn), true);
		/* Once per outage per connection; every retry after that at debug level. */
		log_msg(db->down ? L_DEBUG : L_ERROR, "cannot connect to the database: %s",
			db->error.message);
		db->down = true;
		goto fail;
	}
	if (!setup_session(db))
		goto fail;
	db->down = false;
	if (db->connected_once) {
		db->reconnects++;
		if (db->opts.on_reconnect)
			db->opts.on_reconnect();
		log_info("reconnected to the database");
	}
	db->connected_once = true;
	return true;
fail:
	PQfinish(db->conn);
	db->conn = NULL;
	return false;
}

/*
 * A server that restarted while this connection sat idle has closed it (with a FATAL
 * message): the socket is readable. Noticing that before sending anything lets us
 * reconnect at once instead of failing a request, and never sends a statement twice.
 */
static bool still_connected(struct db *db)
{
	struct pollfd p = { .fd = PQsocket(db->conn), .events = POLLIN };

	/*
	 * The FATAL message and the end of the stream may take two reads: libpq sees the close
	 * only when a read returns nothing, so read while there is something to read.
	 */
	for (int i = 0; i < 4 && PQstatus(db->conn) == CONNECTION_OK && poll(&p, 1, 0) > 0; i++)
		PQconsumeInput(db->conn);
	return PQstatus(db->conn) == CONNECTION_OK;
}

bool db_ready(struct db *db)
{
	time_t now;

	if (db->conn && still_connected(db))
		return true;
	if (db->in_transaction) {
		/* A new session would run the rest of the transaction's statements on their own. */
		set_error(db, "08006", "the database connection was lost; nothing was changed", true);
		db->error.lost = true;
		return false;
	}
	now = time(NULL);
	/* While the database is down, answer at once instead of waiting on every request. */
	if (now < db->next_attempt) {
		set_error(db, "08006", "database unavailable (retrying)", true);
		return false;
	}
	if (db_connect(db))
		return true;
	db->next_attempt = now + 1;
	return false;
}

static bool result_ok(struct db *db, PGresult *res)
{
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
		return true;
	/* A broken connection gives PGRES_FATAL_ERROR with CONNECTION_BAD. */
	set_error(db, PQresultErrorField(res, PG_DIAG_SQLSTATE), PQerrorMessage(db->conn),
		  PQstatus(db->conn) != CONNECTION_OK);
	if (db->error.unavailable && !db->error.sqlstate[0])
		snprintf(db->error.sqlstate, sizeof(db->error.sqlstate), "08006");
	db->error.lost = db->in_transaction && PQstatus(db->conn) != CONNECTION_OK;
	/* Server shutting down, too many connections, and the like: the client may retry. */
	if (strncmp(db->error.sqlstate, "08", 2) == 0 || strncmp(db->error.sqlstate, "57P", 3) == 0 ||
	    strcmp(db->error.sqlstate, "53300") == 0)
		db->error.unavailable = true;
	return false;
}

/* Runs the statement: prepared on the session, or as an unnamed one through a pooler (it
 * lives for this one Parse/Bind/Execute/Sync exchange). False for a name that is not one. */
static bool send(struct db *db, const char *name, int nparams, const char *const *values, PGresult **res)
{
	int i = db->opts.pooled ? query_index(db, name) : 0;

	if (i < 0) {
		set_error(db, "26000", "no such statement", false);
		log_error("no statement named %s", name);
		return false;
	}
	*res = db->opts.pooled ? PQexecParams(db->conn, db->opts.statements->list[i].sql, nparams, NULL,
					      values, NULL, NULL, 0)
			       : PQexecPrepared(db->conn, name, nparams, values, NULL, NULL, 0);
	return true;
}

/* As send, without waiting for the result. */
static bool send_async(struct db *db, const char *name, int nparams, const char *const *values)
{
	int i = db->opts.pooled ? query_index(db, name) : 0;
	int sent;

	if (i < 0) {
		set_error(db, "26000", "no such statement", false);
		log_error("no statement named %s", name);
		return false;
	}
	sent = db->opts.pooled ? PQsendQueryParams(db->conn, db->opts.statements->list[i].sql, nparams, NULL,
						   values, NULL, NULL, 0)
			       : PQsendQueryPrepared(db->conn, name, nparams, values, NULL, NULL, 0);
	if (!sent || !PQsetSingleRowMode(db->conn)) {
		set_error(db, "08006", PQerrorMessage(db->conn), PQstatus(db->conn) != CONNECTION_OK);
		return false;
	}
	return true;
}

bool db_each_row(struct db *db, const char *name, int nparams, const char *const *values,
		 bool (*each)(const PGresult *row, void *arg), void *arg)
{
	PGresult *res;
	bool ok = true, stopped = false;

	if (!db_ready(db) || !send_async(db, name, nparams, values))
		return false;
	/* Every result up to NULL is read, whatever happened, so the connection is free again. */
	while ((res = PQgetResult(db->conn)) != NULL) {
		if (PQresultStatus(res) == PGRES_SINGLE_TUPLE) {
			if (ok && !stopped && !each(res, arg))
				stopped = true;
		} else if (ok && !result_ok(db, res)) {
			ok = false;
		}
		PQclear(res);
	}
	return ok && !stopped;
}

/*
 * A deadlock or a serialization failure rolled the statement back whole. Outside a
 * transaction (each of the handler's statements is one) it can simply run again, as
 * PostgreSQL asks of its clients; inside one (the aggregator's) the caller's work is lost
 * and the error is the caller's.
 */
static bool retryable(struct db *db)
{
	return (strcmp(db->error.sqlstate, "40P01") == 0 || strcmp(db->error.sqlstate, "40001") == 0) &&
	       PQtransactionStatus(db->conn) == PQTRANS_IDLE;
}

PGresult *db_run(struct db *db, const char *name, int nparams, const char *const *values)
{
	if (!db_ready(db))
		return NULL;
	for (int attempt = 1;; attempt++) {
		PGresult *res;

		if (!send(db, name, nparams, values, &res))
			return NULL;
		if (result_ok(db, res))
			return res;
		PQclear(res);
		if (attempt == DB_ATTEMPTS || !retryable(db))
			return NULL;
		log_warn("%s: %s (%s); running it again (%d of %d)", name, db->error.message,
			 db->error.sqlstate, attempt + 1, DB_ATTEMPTS);
		/* A few milliseconds, different per thread, so the two sides do not meet again. */
		nanosleep(&(struct timespec){ .tv_nsec = (long)(rand() % 10 + 1) * 1000000L }, NULL);
	}
}

bool db_copy(struct db *db, const char *name, const char *data, size_t len)
{
	PGresult *res;
	bool ok;

	if (!db_ready(db) || !send(db, name, 0, NULL, &res))
		return false;
	ok = PQresultStatus(res) == PGRES_COPY_IN;
	if (!ok)
		result_ok(db, res);
	PQclear(res);
	if (!ok)
		return false;
	/* Sent whole: libpq buffers it and PostgreSQL parses it as one stream. */
	if ((len && PQputCopyData(db->conn, data, (int)len) != 1) || PQputCopyEnd(db->conn, NULL) != 1) {
		set_error(db, "08006", PQerrorMessage(db->conn), true);
		ok = false;
	} else {
		ok = true;
	}
	while ((res = PQgetResult(db->conn)) != NULL) {
		if (ok && !result_ok(db, res))
			ok = false;
		PQclear(res);
	}
	return ok;
}

/* Transaction control: constant statements, unnamed, and the tag each answers when it worked. */
enum control { BEGIN, BEGIN_SNAPSHOT, COMMIT, ROLLBACK };
static const struct db_query transaction_control[] = {
	[BEGIN] = { "BEGIN", "BEGIN" },
	[BEGIN_SNAPSHOT] = { "BEGIN", "BEGIN ISOLATION LEVEL REPEATABLE READ" },
	[COMMIT] = { "COMMIT", "COMMIT" },
	[ROLLBACK] = { "ROLLBACK", "ROLLBACK" },
};

static bool control(struct db *db, enum control which)
{
	PGresult *res = PQexecParams(db->conn, transaction_control[which].sql, 0, NULL, NULL, NULL, NULL, 0);
	bool ok = result_ok(db, res);

	/* COMMIT of a transaction that failed answers ROLLBACK: nothing was committed. */
	if (ok && strcmp(PQcmdStatus(res), transaction_control[which].name) != 0) {
		set_error(db, "40000", "the transaction was rolled back", false);
		ok = false;
	}
	PQclear(res);
	return ok;
}

bool db_begin(struct db *db, bool snapshot)
{
	if (!db_ready(db) || !control(db, snapshot ? BEGIN_SNAPSHOT : BEGIN))
		return false;
	db->in_transaction = true;
	return true;
}

bool db_commit(struct db *db)
{
	bool ok = db->in_transaction && db_ready(db) && control(db, COMMIT);

	db->in_transaction = false;
	return ok;
}

void db_rollback(struct db *db)
{
	if (db->in_transaction && db->conn && PQstatus(db->conn) == CONNECTION_OK && !control(db, ROLLBACK))
		log_warn("rollback failed: %s", db->error.message);
	db->in_transaction = false;
}

const struct db_error *db_last_error(const struct db *db)
{
	return &db->error;
}

void db_set_error(struct db *db, const struct db_error *err)
{
	db->error = *err;
}

long db_reconnects(const struct db *db)
{
	return db->reconnects;
}
