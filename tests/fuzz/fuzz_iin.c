/*
 * fuzz_iin.c - identity_iin_check (fcgi/identity.c): the 12-digit IIN people type.
 *
 * Input is taken as a C string, as the handlers pass it (an embedded NUL ends it). An IIN
 * that passes must be 12 digits, with a century digit 1-6, a birth date no later than
 * `today`, and its check digit the only one that passes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "identity.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TODAY     ((time_t)1795737600) /* 2026-11-27 00:00 UTC */
#define TODAY_YMD 20261127

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[32];
	enum iin_status st;
	int year, month, day;

	if (size >= sizeof(s))
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	st = identity_iin_check(s, TODAY);
	/* Only the date check depends on the day. */
	if (!iin_status_message(st) ||
	    (identity_iin_check(s, time(NULL)) == IIN_FORMAT) != (st == IIN_FORMAT))
		abort();
	if (st != IIN_OK)
		return 0;
	if (strlen(s) != 12 || strspn(s, "0123456789") != 12 || s[6] < '1' || s[6] > '6')
		abort();
	year = 1800 + 100 * ((s[6] - '1') / 2) + (s[0] - '0') * 10 + (s[1] - '0');
	month = (s[2] - '0') * 10 + (s[3] - '0');
	day = (s[4] - '0') * 10 + (s[5] - '0');
	if (month < 1 || month > 12 || day < 1 || day > 31 || year * 10000 + month * 100 + day > TODAY_YMD)
		abort();
	for (char c = '0'; c <= '9'; c++) {
		char other[13];

		memcpy(other, s, 13);
		other[11] = c;
		if (c != s[11] && identity_iin_check(other, TODAY) != IIN_CHECKSUM)
			abort();
	}
	return 0;
}
