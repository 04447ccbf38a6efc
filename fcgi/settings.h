/*
 * settings.h - the handler's configuration (see deploy/kenes.conf.example).
 */
#ifndef KENES_SETTINGS_H
#define KENES_SETTINGS_H

#include "db_settings.h"

/* The handler's statements, embedded from sql/queries/ (build/queries.c). */
extern const struct db_statements fcgi_statements;

struct settings {
	char *socket;                /* unix socket path nginx connects to */
	long socket_mode;            /* octal permission bits, e.g. 0660 */
	long workers;                /* worker processes */
	long threads;                /* request threads per worker, one database connection each */
	long in_flight;              /* requests a worker holds at once (batch.h's hand-off) */
	long batch_max;              /* most proposals stored in one transaction */
	long writers;                /* writer threads per worker (group commit), one connection each */
	struct db_settings db;       /* database_url, database_role, connect_timeout, statement_timeout */
	char *read_database_url;     /* a hot standby for the tallies and reports APIs ("" = database_url) */
	char *pool_mode;             /* "session" (direct or session pooling) or "transaction" (pgbouncer) */
	long max_body;               /* bytes; larger bodies get 413 */
	long structure_ttl;          /* seconds a worker keeps the consultation structure cached */
	char *log_level;             /* debug, info, warn, error */
	char *pseudonym_key_file;    /* secret key for pseudonyms and form tokens */
	char *trusted_subject_param; /* FastCGI parameter nginx sets to the SSO subject */
	long proposals_per_hour;     /* per person; 0 = no cap */
	long supports_per_hour;      /* per person; 0 = no cap */
	/* The staff workspace (docs/STAFF.md) */
	char *trusted_role_param;    /* FastCGI parameter nginx sets to the SSO's staff role */
	long staff_idle_timeout;     /* seconds a staff session lives unused */
	long staff_session_lifetime; /* seconds a staff session lives at most */
	long staff_sign_in_failures; /* failed sign-ins per address per minute before 429 */
};

#endif
