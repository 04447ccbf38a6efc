#include "tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "progress.h"
#include "util.h"

/* Queue rows after which a refresh refreshes the planner's statistics too. */
#define TALLY_ANALYZE_AFTER 10000

static long long value_ll(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? 0 : strtoll(PQgetvalue(res, row, col), NULL, 10);
}

/* Checks the zone and decides between incremental and full; sets *full and *pending. */
static bool plan(struct conn *c, const struct agg_settings *s, bool *full, long long *pending,
		 struct agg_error *err)
{
	const char *tz = s->time_zone;
	PGresult *res = conn_run_row(c, "tally_zone_valid", 1, &tz, "checking time_zone", err);
	bool valid;

	if (!res)
		return false;
	valid = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (!valid)
		return agg_fail(
			err, AGG_USAGE,
			"time_zone \"%s\" is not a time zone name PostgreSQL knows (e.g. Asia/Almaty)", tz);
	res = conn_run_row(c, "tally_state", 0, NULL, "reading the tally state", err);
	if (!res)
		return false;
	*pending = value_ll(res, 0, 4);
	if (PQgetisnull(res, 0, 0)) {
		if (!*full)
			log_info("the tallies were never made: rebuilding them from scratch");
		*full = true;
	} else if (!PQgetisnull(res, 0, 5)) {
		if (!*full)
			log_info("rebuilding the tallies from scratch: %s", PQgetvalue(res, 0, 5));
		*full = true;
	} else if (!*full && strcmp(PQgetvalue(res, 0, 0), tz) != 0) {
		agg_fail(err, AGG_USAGE,
			 "the tallies count days in time zone %s, but time_zone is now %s; run "
			 "`kenes-aggregator refresh --full` to rebuild them in the new zone",
			 PQgetvalue(res, 0, 0), tz);
	}
	PQclear(res);
	return err->status == AGG_OK;
}

static bool ensure_cells(struct conn *c, const struct agg_settings *s, bool full, struct agg_error *err)
{
	const char *params[2] = { s->time_zone, full ? "true" : "false" };
	PGresult *res = conn_run_row(c, "tally_cells", 2, params, "creating tally cells", err);

	if (!res)
		return false;
	if (value_ll(res, 0, 0) > 0)
		log_debug("created %lld tally cells", value_ll(res, 0, 0));
	PQclear(res);
	return true;
}

static bool rebuild(struct conn *c, const struct agg_settings *s, bool show_progress, struct tally_stats *st,
		    struct agg_error *err)
{
	static const struct {
		const char *name, *what;
		bool zone;
	} steps[] = {
		{ "tally_rebuild_clear", "clearing the tallies", false },
		{ "tally_rebuild_applied", "counting proposals", true },
		{ "tally_rebuild_supports", "counting supports", true },
		{ "tally_rebuild_days", "summing days", false },
		{ "tally_rebuild_people", "pairing people's days", false },
		{ "tally_rebuild_cells", "summing cells", false },
	};
	struct progress p;

	progress_start(&p, "rebuild", show_progress);
	for (size_t i = 0; i < ARRAY_LEN(steps); i++) {
		PGresult *res;

		progress_update(&p, (long long)i, (long long)ARRAY_LEN(steps), "steps");
		res = conn_run_row(c, steps[i].name, steps[i].zone ? 1 : 0,
				   (const char *const *)&s->time_zone, steps[i].what, err);
		if (!res)
			break;
		if (i == 0)
			st->changes = value_ll(res, 0, 0);
		else if (i == 1)
			st->proposals = value_ll(res, 0, 0);
		else if ((i == 3 || i == 4) && value_ll(res, 0, 1) != 0)
			agg_fail(err, AGG_INTEGRITY,
				 "%lld sums found no tally cell (a channel, region or date the cells do not "
				 "cover); nothing was changed",
				 value_ll(res, 0, 1));
		log_debug("%s: %s", steps[i].what, PQgetvalue(res, 0, 0));
		PQclear(res);
		if (err->status != AGG_OK)
			break;
	}
	progress_done(&p);
	return err->status == AGG_OK;
}

/* Deletes the day rows a batch left at zero. */
static bool cleanup(struct conn *c, const PGresult *batch, struct agg_error *err)
{
	const char *params[2] = { PQgetvalue(batch, 0, 4), PQgetvalue(batch, 0, 5) };
	PGresult *res;

	if (strcmp(params[0], "{}") == 0)
		return true;
	res = conn_run(c, "tally_cleanup", 2, params, "deleting empty day rows", err);
	PQclear(res);
	return res != NULL;
}

static bool apply_queue(struct conn *c, const struct agg_settings *s, long long pending, bool show_progress,
			struct tally_stats *st, struct agg_error *err)
{
	char batch[24];
	const char *params[2] = { batch, s->time_zone };
	struct progress p;
	long long consumed;

	snprintf(batch, sizeof(batch), "%ld", s->batch_size);
	progress_start(&p, "refresh", show_progress);
	do {
		PGresult *res;

		progress_update(&p, st->changes, pending, "changes");
		res = conn_run_row(c, "tally_apply", 2, params, "applying changes", err);
		if (!res)
			break;
		consumed = value_ll(res, 0, 0);
		st->changes += consumed;
		st->proposals += value_ll(res, 0, 1);
		st->support_days += value_ll(res, 0, 2);
		if (value_ll(res, 0, 3) != 0)
			agg_fail(err, AGG_INTEGRITY,
				 "%lld changes found no tally cell (a channel, region or date the cells do "
				 "not cover); nothing was changed. `refresh --full` covers every date",
				 value_ll(res, 0, 3));
		else
			cleanup(c, res, err);
		log_debug("batch: %lld changes, %lld proposals, %lld support days", consumed,
			  value_ll(res, 0, 1), value_ll(res, 0, 2));
		PQclear(res);
	} while (err->status == AGG_OK && consumed > 0 && st->changes < pending);
	progress_update(&p, st->changes, pending, "changes");
	progress_done(&p);
	return err->status == AGG_OK;
}

bool tally_refresh(struct conn *c, const struct agg_settings *s, bool full, bool show_progress,
		   struct tally_stats *st, struct agg_error *err)
{
	long long pending = 0;
	char changes[24];
	const char *params[3] = { s->time_zone, NULL, changes };
	PGresult *res;

	memset(st, 0, sizeof(*st));
	if (!plan(c, s, &full, &pending, err) || !ensure_cells(c, s, full, err))
		return false;
	st->full = full;
	if (full ? !rebuild(c, s, show_progress, st, err)
		 : !apply_queue(c, s, pending, show_progress, st, err))
		return false;
	/* Statistics for what was just written, before this transaction reads it again. */
	if (full || st->changes >= TALLY_ANALYZE_AFTER) {
		res = conn_run(c, "tally_analyze", 0, NULL, "analysing the tallies", err);
		if (!res)
			return false;
		PQclear(res);
	}
	params[1] = full ? "true" : "false";
	/* The state counts queue rows applied since the last rebuild. */
	snprintf(changes, sizeof(changes), "%lld", full ? 0 : st->changes);
	res = conn_run_row(c, "tally_state_save", 3, params, "recording the refresh", err);
	if (!res)
		return false;
	snprintf(st->refreshed_at, sizeof(st->refreshed_at), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return !s->campaigns || campaign_refresh(c, full, show_progress, &st->campaigns, err);
}
