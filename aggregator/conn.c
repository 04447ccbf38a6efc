#include "conn.h"

#include <string.h>

#include "db.h"
#include "log.h"

bool conn_open(struct conn *c, const struct agg_settings *s, struct agg_error *err)
{
	struct db_options o = {
		.url = s->database_url,
		.role = s->database_role,
		.app_name = "kenes-aggregator",
		.connect_timeout = s->connect_timeout,
		.statement_timeout = s->statement_timeout,
	};
	PGresult *res;

	memset(c, 0, sizeof(*c));
	c->db = db_new(&o);
	if (!db_ready(c->db))
		return agg_fail_db(err, c->db, "cannot connect to the database");
	/* JIT compiles each execution of a prepared statement anew: seconds per batch. */
	res = conn_run(c, "session_setup", 1, (const char *[]){ s->work_mem }, "setting up the session", err);
	if (!res)
		return false;
	PQclear(res);
	return true;
}

void conn_close(struct conn *c)
{
	if (!c->db)
		return;
	if (c->in_transaction)
		conn_rollback(c);
	if (c->locked) {
		PGresult *res = db_run(c->db, "tally_unlock", 0, NULL);
		PQclear(res);
	}
	db_free(c->db);
	c->db = NULL;
}

PGresult *conn_run(struct conn *c, const char *name, int nparams, const char *const *params,
		   const char *what, struct agg_error *err)
{
	PGresult *res = db_run(c->db, name, nparams, params);

	if (c->in_transaction && db_reconnects(c->db) != c->reconnects) {
		PQclear(res);
		c->in_transaction = false;
		agg_fail(err, AGG_FAILED, "%s: the database connection was lost; nothing was changed", what);
		return NULL;
	}
	if (!res) {
		agg_fail_db(err, c->db, what);
		return NULL;
	}
	return res;
}

bool conn_each_row(struct conn *c, const char *name, int nparams, const char *const *params,
		   bool (*each)(const PGresult *row, void *arg), void *arg, const char *what, struct agg_error *err)
{
	bool ok = db_each_row(c->db, name, nparams, params, each, arg);

	if (c->in_transaction && db_reconnects(c->db) != c->reconnects) {
		c->in_transaction = false;
		return agg_fail(err, AGG_FAILED, "%s: the database connection was lost; nothing was changed", what);
	}
	/* A callback's own failure is recorded first; this one is then dropped. */
	return ok || agg_fail_db(err, c->db, what);
}

PGresult *conn_run_row(struct conn *c, const char *name, int nparams, const char *const *params,
		       const char *what, struct agg_error *err)
{
	PGresult *res = conn_run(c, name, nparams, params, what, err);

	if (res && PQntuples(res) != 1) {
		agg_fail(err, AGG_FAILED, "%s: expected one row, got %d", what, PQntuples(res));
		PQclear(res);
		return NULL;
	}
	return res;
}

bool conn_lock(struct conn *c, bool wait, struct agg_error *err)
{
	PGresult *res = conn_run_row(c, wait ? "tally_lock_wait" : "tally_lock", 0, NULL,
				     "taking the aggregator lock", err);
	bool got;

	if (!res)
		return false;
	/* pg_advisory_lock returns void (""), pg_try_advisory_lock a boolean. */
	got = wait || strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (!got)
		return agg_fail(err, AGG_BUSY,
				"another kenes-aggregator is refreshing or issuing a report; try again, or pass --wait");
	c->locked = true;
	return true;
}

/* Transaction control goes through prepared statements too (transaction_*.sql). */
static bool control(struct conn *c, const char *name)
{
	PGresult *res = db_run(c->db, name, 0, NULL);

	PQclear(res);
	return res != NULL;
}

bool conn_begin(struct conn *c, struct agg_error *err)
{
	long before = db_reconnects(c->db);

	if (!control(c, "transaction_begin"))
		return agg_fail_db(err, c->db, "starting a transaction");
	c->reconnects = db_reconnects(c->db);
	c->in_transaction = true;
	/* A session that was lost and found again has lost the aggregator lock too. */
	if (c->reconnects != before && c->locked)
		return agg_fail(err, AGG_FAILED, "the database connection was lost; nothing was changed");
	return true;
}

bool conn_commit(struct conn *c, struct agg_error *err)
{
	/* After a reconnection COMMIT would succeed in a new session, committing nothing. */
	bool ok = control(c, "transaction_commit") && db_reconnects(c->db) == c->reconnects;

	c->in_transaction = false;
	if (!ok)
		return agg_fail(err, AGG_FAILED, "committing: %s",
				db_reconnects(c->db) != c->reconnects ? "the database connection was lost; nothing was changed"
								      : db_last_error(c->db)->message);
	return true;
}

void conn_rollback(struct conn *c)
{
	if (c->in_transaction && db_reconnects(c->db) == c->reconnects && !control(c, "transaction_rollback"))
		log_warn("rollback failed: %s", db_last_error(c->db)->message);
	c->in_transaction = false;
}
