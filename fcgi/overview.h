/*
 * overview.h - the public overview of a consultation's draft: every part of the current
 * version with its published proposals per stance, counted raw and with each campaign once,
 * and their supports, from the aggregator's tallies (as of its last refresh). HTML at
 * /consultations/{slug}, JSON as /api/v1/consultations/{slug}?include=overview. Public, no
 * token; cached like the other public reads (fcgi/main.c public_read).
 */
#ifndef KENES_OVERVIEW_H
#define KENES_OVERVIEW_H

#include "routes.h"

route_handler overview_page;         /* GET /consultations/{slug} */
route_handler overview_consultation; /* GET /api/v1/consultations/{slug}[?include=overview] */

#endif
