#include "period.h"

#include <stdio.h>
#include <string.h>

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms). */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static bool digits(const char *s, int n, long *out)
{
	long v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static int days_in_month(long y, long m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

bool period_parse_date(const char *s, long *day)
{
	long y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) || !digits(s + 5, 2, &m) ||
	    !digits(s + 8, 2, &d))
		return false;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*day = days_from_civil(y, m, d);
	return true;
}

void period_format_date(long day, char out[PERIOD_DATE_LEN])
{
	long y, m, d;

	char text[64];

	civil_from_days(day, &y, &m, &d);
	snprintf(text, sizeof(text), "%04ld-%02ld-%02ld", y % 10000, m, d);
	memcpy(out, text, PERIOD_DATE_LEN - 1);
	out[PERIOD_DATE_LEN - 1] = '\0';
}

int period_weekday(long day)
{
	/* 1970-01-01 was a Thursday (4). */
	long w = (day % 7 + 7 + 3) % 7; /* 0 = Monday */

	return (int)w + 1;
}

long period_monday(long day)
{
	return day - (period_weekday(day) - 1);
}

/* The Monday of ISO week 1 of `year`: the week holding January 4th. */
static long week_one(long year)
{
	return period_monday(days_from_civil(year, 1, 4));
}

static long iso_year(long day)
{
	long y, m, d;

	civil_from_days(day - (period_weekday(day) - 1) + 3, &y, &m, &d); /* that week's Thursday */
	return y;
}

bool period_parse_week(const char *s, long *monday)
{
	long y, w, first;

	if (strlen(s) != 8 || s[4] != '-' || s[5] != 'W' || !digits(s, 4, &y) || !digits(s + 6, 2, &w))
		return false;
	if (y < 1900 || w < 1 || w > 53)
		return false;
	first = week_one(y);
	/* Week 53 exists only when the next year's week 1 starts 53 weeks on. */
	if (w == 53 && week_one(y + 1) - first < 53 * 7)
		return false;
	*monday = first + (w - 1) * 7;
	return true;
}

void period_format_week(long day, char out[PERIOD_WEEK_LEN])
{
	long y = iso_year(day);
	char text[64];

	snprintf(text, sizeof(text), "%04ld-W%02ld", y % 10000, (period_monday(day) - week_one(y)) / 7 + 1);
	memcpy(out, text, PERIOD_WEEK_LEN - 1);
	out[PERIOD_WEEK_LEN - 1] = '\0';
}
