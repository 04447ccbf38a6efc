/*
 * agg.h - what every module of the aggregator shares: its settings, its exit statuses, and
 * an error value in which the first error wins.
 *
 * Functions that can fail take a struct agg_error *, return false on failure and leave the
 * reason there; main() prints it once and exits with its status. Strings in the settings
 * are owned by the settings (config_free releases them).
 */
#ifndef KENES_AGG_H
#define KENES_AGG_H

#include <stdbool.h>

#include "db_settings.h"

/* Exit statuses of kenes-aggregator (documented in --help and docs/AGGREGATOR.md). */
enum agg_status {
	AGG_OK = 0,
	AGG_FAILED = 1,    /* database or file error */
	AGG_USAGE = 2,     /* bad command line or settings */
	AGG_BUSY = 3,      /* another aggregator holds the lock (retry, or use --wait) */
	AGG_NOT_FOUND = 4, /* no such consultation, session, report or token */
	AGG_INTEGRITY = 5, /* a stored report fails its checksum, or a tally invariant broke */
};

struct agg_error {
	enum agg_status status; /* AGG_OK until the first failure */
	char message[512];
};

struct agg_settings {
	struct db_settings db; /* database_url, database_role, connect_timeout, statement_timeout */
	char *work_mem;        /* PostgreSQL work_mem for the aggregator's session */
	char *time_zone;       /* days and ISO weeks are local to it */
	long batch_size;       /* queued changes that pick one statement's proposals */
	long top_proposals;    /* most supported proposals per part in a report */
	long excerpt_chars;    /* characters of each excerpt */
	long campaigns;        /* 1: refresh keeps the campaigns too */
	long campaigns_shown;  /* largest campaigns listed in a report */
	long campaign_burst;   /* proposals of one campaign in one minute that make a burst */
	long weekly_reports;   /* 1: refresh issues the reports of finished weeks */
	char *log_level;
};

/* Records the first failure (later ones are dropped) and returns false. */
bool agg_fail(struct agg_error *err, enum agg_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Records a database failure: "<what>: <the server's message>". Returns false. */
bool agg_fail_db(struct agg_error *err, struct db *db, const char *what);

#endif
