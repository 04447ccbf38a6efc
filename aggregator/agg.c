#include "agg.h"

#include <stdarg.h>
#include <stdio.h>

#include "db.h"

bool agg_fail(struct agg_error *err, enum agg_status status, const char *fmt, ...)
{
	va_list ap;

	if (err->status != AGG_OK)
		return false;
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return false;
}

bool agg_fail_db(struct agg_error *err, struct db *db, const char *what)
{
	const struct db_error *e = db_last_error(db);

	return agg_fail(err, AGG_FAILED, "%s: %s%s%s%s", what, e->message,
			e->sqlstate[0] ? " (SQLSTATE " : "", e->sqlstate, e->sqlstate[0] ? ")" : "");
}
