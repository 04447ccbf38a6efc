/*
 * period.h - calendar arithmetic for report periods: dates as day numbers (days since
 * 1970-01-01, proleptic Gregorian), ISO 8601 weeks. Pure functions, no time zones: the
 * database turns instants into local days; these only name and count them.
 */
#ifndef KENES_PERIOD_H
#define KENES_PERIOD_H

#include <stdbool.h>

#define PERIOD_DATE_LEN 11 /* "2026-01-30" and NUL */
#define PERIOD_WEEK_LEN 9  /* "2026-W05" and NUL */

/* "YYYY-MM-DD", a real date between 1900 and 9999; false otherwise. */
bool period_parse_date(const char *s, long *day);
void period_format_date(long day, char out[PERIOD_DATE_LEN]);
/* 1 = Monday ... 7 = Sunday. */
int period_weekday(long day);
long period_monday(long day);
/* "YYYY-Www" naming a week that exists (W53 only in years that have one); sets the Monday. */
bool period_parse_week(const char *s, long *monday);
/* The ISO week a day belongs to, e.g. "2026-W05". */
void period_format_week(long day, char out[PERIOD_WEEK_LEN]);

#endif
