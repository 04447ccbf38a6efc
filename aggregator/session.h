/*
 * session.h - recording the Commission's sessions (`kenes-aggregator session ...`).
 */
#ifndef KENES_SESSION_H
#define KENES_SESSION_H

#include <stdbool.h>
#include <stdio.h>

#include "agg.h"
#include "conn.h"

/* Records session `number` held on `date` (YYYY-MM-DD) with a title. */
bool session_add(struct conn *c, const struct agg_settings *s, const char *consultation, long number,
		 const char *date, const char *title, struct agg_error *err);
/* Lists the sessions, the period each report covers and whether it was issued. */
bool session_list(struct conn *c, const struct agg_settings *s, const char *consultation, FILE *out,
		  struct agg_error *err);

#endif
