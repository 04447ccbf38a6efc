/*
 * tallies.h - GET /api/v1/tallies: the aggregator's tallies for analysts, read from the
 * summary tables (sql/migrations/010), as JSON or CSV. Needs an analyst or staff token.
 *
 *   ?consultation=SLUG  (default: the only one not in draft, or among several the open one)
 *   &by=article|part|topic|region|channel|week|article,topic|part,topic  (default article)
 *   &from=YYYY-MM-DD&to=YYYY-MM-DD  (local days, both included; default: all time)
 *   &stance=support|oppose|amend|all  (default: every stance, grouped per row)
 *   &format=json|csv  &lang=kk|ru|en (CSV labels, default en)  &bom=1 (CSV for Excel)
 */
#ifndef KENES_TALLIES_H
#define KENES_TALLIES_H

#include <stdbool.h>

#include "routes.h"

/* Its row in routes.c checks the method and the token. */
route_handler tallies_handle;

#endif
