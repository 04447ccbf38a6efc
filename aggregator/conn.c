#include "conn.h"

#include <string.h>

#include "db.h"
#include "log.h"

bool conn_open(struct conn *c, const struct agg_settings *s, struct agg_error *err)
{
	struct db_options o = db_options_from(&s->db, "kenes-aggregator", &aggregator_statements);
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
	db_rollback(c->db);
	if (c->locked) {
		PGresult *res = db_run(c->db, "tally_unlock", 0, NULL);
		PQclear(res);
	}
	db_free(c->db);
	c->db = NULL;
}

PGresult *conn_run(struct conn *c, const char *name, int nparams, const char *const *params, const char *what,
		   struct agg_error *err)
{
	PGresult *res = db_run(c->db, name, nparams, params);

	if (!res)
		agg_fail_db(err, c->db, what);
	return res;
}

bool conn_each_row(struct conn *c, const char *name, int nparams, const char *const *params,
		   bool (*each)(const PGresult *row, void *arg), void *arg, const char *what,
		   struct agg_error *err)
{
	/* A callback's own failure is recorded first; this one is then dropped. */
	return db_each_row(c->db, name, nparams, params, each, arg) || agg_fail_db(err, c->db, what);
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
				"another kenes-aggregator is refreshing or issuing a report; try again, or "
				"pass --wait");
	c->locked = true;
	return true;
}

bool conn_begin(struct conn *c, struct agg_error *err)
{
	long before = db_reconnects(c->db);

	if (!db_begin(c->db, true))
		return agg_fail_db(err, c->db, "starting a transaction");
	/* A session that was lost and found again has lost the aggregator lock too. */
	if (db_reconnects(c->db) != before && c->locked)
		return agg_fail(err, AGG_FAILED, "the database connection was lost; nothing was changed");
	return true;
}

bool conn_commit(struct conn *c, struct agg_error *err)
{
	if (!db_commit(c->db))
		return agg_fail(err, AGG_FAILED, "committing: %s", db_last_error(c->db)->message);
	return true;
}

void conn_rollback(struct conn *c)
{
	db_rollback(c->db);
}
