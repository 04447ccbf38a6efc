#include "identity.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "util.h"

#define KEY_MAX 1024

static unsigned char key[KEY_MAX];
static size_t key_len;

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

static int check_digit(const int d[12], const int weights[11])
{
	int sum = 0;

	for (int i = 0; i < 11; i++)
		sum += d[i] * weights[i];
	return sum % 11;
}

enum iin_status identity_iin_check(const char *iin, time_t today)
{
	static const int first[11] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	static const int second[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
	int d[12], year, month, day, check;
	struct tm now;

	if (!iin || strlen(iin) != 12)
		return IIN_FORMAT;
	for (int i = 0; i < 12; i++) {
		if (iin[i] < '0' || iin[i] > '9')
			return IIN_FORMAT;
		d[i] = iin[i] - '0';
	}
	if (d[6] < 1 || d[6] > 6)
		return IIN_CENTURY;
	/* 1-2: born in the 1800s, 3-4: 1900s, 5-6: 2000s; odd for men, even for women. */
	year = 1800 + 100 * ((d[6] - 1) / 2) + d[0] * 10 + d[1];
	month = d[2] * 10 + d[3];
	day = d[4] * 10 + d[5];
	if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
		return IIN_DATE;
	gmtime_r(&today, &now);
	if (year * 10000 + month * 100 + day >
	    (now.tm_year + 1900) * 10000 + (now.tm_mon + 1) * 100 + now.tm_mday)
		return IIN_DATE;
	/* The official rule: weights 1..11; if that gives 10, weights 3..11,1,2; 10 again is no IIN. */
	check = check_digit(d, first);
	if (check == 10)
		check = check_digit(d, second);
	if (check == 10 || check != d[11])
		return IIN_CHECKSUM;
	return IIN_OK;
}

const char *iin_status_message(enum iin_status st)
{
	switch (st) {
	case IIN_OK:
		return "valid";
	case IIN_FORMAT:
		return "an IIN is exactly 12 digits";
	case IIN_DATE:
		return "the first six digits of an IIN are a date of birth (YYMMDD)";
	case IIN_CENTURY:
		return "the seventh digit of an IIN is 1 to 6";
	case IIN_CHECKSUM:
		return "the IIN's check digit does not match";
	}
	return "invalid";
}

bool identity_key_load(const char *path, char *err, size_t errlen)
{
	FILE *f;
	size_t n;

	if (sodium_init() < 0) {
		snprintf(err, errlen, "libsodium cannot initialise");
		return false;
	}
	f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "cannot open pseudonym key file %s: %s", path, strerror(errno));
		return false;
	}
	n = fread(key, 1, sizeof(key), f);
	fclose(f);
	if (n < IDENTITY_KEY_MIN) {
		snprintf(err, errlen,
			 "pseudonym key file %s holds %zu bytes; at least %d are needed "
			 "(e.g. head -c 32 /dev/urandom > %s)",
			 path, n, IDENTITY_KEY_MIN, path);
		sodium_memzero(key, sizeof(key));
		return false;
	}
	key_len = n;
	sodium_mlock(key, sizeof(key));
	return true;
}

bool identity_key_loaded(void)
{
	return key_len > 0;
}

void identity_key_free(void)
{
	sodium_memzero(key, sizeof(key));
	key_len = 0;
}

void identity_key_set(const unsigned char *k, size_t len)
{
	if (len > sizeof(key))
		len = sizeof(key);
	memcpy(key, k, len);
	key_len = len;
}

void identity_mac(const char *label, const unsigned char *data, size_t len, unsigned char out[32])
{
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, key, key_len);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)label, strlen(label) + 1);
	crypto_auth_hmacsha256_update(&st, data, len);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}

void identity_pseudonym(const char *consultation, const char *kind, const char *value,
			unsigned char out[PSEUDONYM_BYTES])
{
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, key, key_len);
	/* NUL separators keep ("ab", "c") and ("a", "bc") apart. */
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"kenes/v1", 9);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)consultation, strlen(consultation) + 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)kind, strlen(kind) + 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)value, strlen(value));
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}

void identity_pseudonym_hex(const unsigned char p[PSEUDONYM_BYTES], char out[2 * PSEUDONYM_BYTES + 3])
{
	out[0] = '\\';
	out[1] = 'x';
	sodium_bin2hex(out + 2, 2 * PSEUDONYM_BYTES + 1, p, PSEUDONYM_BYTES);
}

bool identity_from_iin(const char *consultation, const char *iin, time_t now, bool required,
		       char hex[PSEUDONYM_HEX_LEN], bool *known, struct errors *errs)
{
	unsigned char p[PSEUDONYM_BYTES];
	enum iin_status st;

	*known = false;
	if (!iin || !*iin)
		return !required || errors_add(errs, ERROR_INVALID, "required", "iin", "iin is required");
	st = identity_iin_check(iin, now);
	if (st != IIN_OK)
		return errors_add(errs, ERROR_INVALID, "invalid_iin", "iin", "%s", iin_status_message(st));
	if (!consultation)
		return true;
	identity_pseudonym(consultation, "iin", iin, p);
	identity_pseudonym_hex(p, hex);
	*known = true;
	return true;
}
