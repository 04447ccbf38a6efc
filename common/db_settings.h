/*
 * db_settings.h - the connection settings a program reads with its own config rows (its own
 * defaults and bounds, common/config.h), and the db_options (db.h) they make. The strings
 * belong to the program's settings.
 */
#ifndef KENES_DB_SETTINGS_H
#define KENES_DB_SETTINGS_H

#include "db.h"

struct db_settings {
	char *url, *role;       /* libpq URL; SET ROLE after connecting ("": the login's) */
	long connect_timeout;   /* seconds */
	long statement_timeout; /* milliseconds, 0 = none */
};

/* Options for `s` (borrowed: it must outlive the connection), the rest left zero. */
struct db_options db_options_from(const struct db_settings *s, const char *app_name,
				  const struct db_statements *statements);

#endif
