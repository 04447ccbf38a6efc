/*
 * test_identity.c - the IIN validator, pseudonyms, form tokens and the same-origin check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "csrf.h"
#include "identity.h"
#include "util.h"

/* 2026-11-27 12:00 UTC: "today" for the date checks. */
#define TODAY ((time_t)1795780800)

static const struct {
	const char *iin;
	enum iin_status want;
	const char *why;
} iin_cases[] = {
	{ "900101301233", IIN_OK, "1990-01-01, man, first check pass" },
	{ "851231405677", IIN_OK, "1985-12-31, woman" },
	{ "770707100129", IIN_OK, "1877-07-07: century digit 1" },
	{ "880628300056", IIN_OK, "1988-06-28" },
	{ "000101500011", IIN_OK, "2000-01-01, century digit 5" },
	{ "991231400014", IIN_OK, "1999-12-31" },
	{ "000229500014", IIN_CHECKSUM, "2000-02-29 exists (leap year); wrong check digit" },
	{ "900101301234", IIN_CHECKSUM, "check digit off by one" },
	{ "900101301230", IIN_CHECKSUM, "check digit zero" },
	{ "020229500011", IIN_DATE, "2002-02-29 does not exist" },
	{ "000229300011", IIN_DATE, "1900-02-29 does not exist (1900 is no leap year)" },
	{ "901301301233", IIN_DATE, "month 13" },
	{ "900001301233", IIN_DATE, "month 0" },
	{ "900100301233", IIN_DATE, "day 0" },
	{ "900431301233", IIN_DATE, "April 31" },
	{ "271231500011", IIN_DATE, "2027-12-31 is in the future" },
	{ "900101001233", IIN_CENTURY, "century digit 0" },
	{ "900101701233", IIN_CENTURY, "century digit 7" },
	{ "900101901233", IIN_CENTURY, "century digit 9" },
	{ "90010130123", IIN_FORMAT, "11 digits" },
	{ "9001013012330", IIN_FORMAT, "13 digits" },
	{ "", IIN_FORMAT, "empty" },
	{ "90010130123a", IIN_FORMAT, "a letter" },
	{ "900101 01233", IIN_FORMAT, "a space" },
	{ "９00101301233", IIN_FORMAT, "a full-width digit" },
	{ "-90101301233", IIN_FORMAT, "a sign" },
};

static void test_iin_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(iin_cases); i++) {
		enum iin_status got = identity_iin_check(iin_cases[i].iin, TODAY);

		if (got != iin_cases[i].want)
			fail_msg("%s (%s): got %d (%s), want %d", iin_cases[i].iin, iin_cases[i].why, got,
				 iin_status_message(got), iin_cases[i].want);
	}
	assert_int_equal(identity_iin_check(NULL, TODAY), IIN_FORMAT);
}

/* Every number whose check digit comes out as 10 twice is refused, whatever its last digit. */
static void test_iin_second_pass(void **state)
{
	int twice = 0, second = 0;

	(void)state;
	for (unsigned serial = 0; serial < 10000; serial++) {
		char iin[13];
		int d[11], s1 = 0, s2 = 0;
		static const int w2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };

		snprintf(iin, sizeof(iin), "9001013%04u", serial % 10000);
		for (int i = 0; i < 11; i++) {
			d[i] = iin[i] - '0';
			s1 += d[i] * (i + 1);
			s2 += d[i] * w2[i];
		}
		if (s1 % 11 != 10)
			continue;
		if (s2 % 11 == 10) {
			twice++;
			for (char c = '0'; c <= '9'; c++) {
				iin[11] = c;
				iin[12] = '\0';
				assert_int_equal(identity_iin_check(iin, TODAY), IIN_CHECKSUM);
			}
		} else {
			second++;
			iin[11] = (char)('0' + s2 % 11);
			iin[12] = '\0';
			assert_int_equal(identity_iin_check(iin, TODAY), IIN_OK);
		}
	}
	assert_true(second > 0);
	assert_true(twice > 0);
}

static const unsigned char key_a[32] = "0123456789abcdef0123456789abcdef";
static const unsigned char key_b[32] = "fedcba9876543210fedcba9876543210";

static void test_pseudonyms(void **state)
{
	unsigned char p1[PSEUDONYM_BYTES], p2[PSEUDONYM_BYTES];
	char hex[2 * PSEUDONYM_BYTES + 3];

	(void)state;
	identity_key_set(key_a, sizeof(key_a));
	identity_pseudonym("constitution-2026", "iin", "900101301233", p1);
	identity_pseudonym("constitution-2026", "iin", "900101301233", p2);
	assert_memory_equal(p1, p2, PSEUDONYM_BYTES); /* stable */
	identity_pseudonym("constitution-2026", "iin", "851231405677", p2);
	assert_memory_not_equal(p1, p2, PSEUDONYM_BYTES); /* per person */
	identity_pseudonym("budget-2027", "iin", "900101301233", p2);
	assert_memory_not_equal(p1, p2, PSEUDONYM_BYTES); /* per consultation */
	identity_pseudonym("constitution-2026", "sso", "900101301233", p2);
	assert_memory_not_equal(p1, p2, PSEUDONYM_BYTES); /* per kind */
	identity_pseudonym("constitution-202", "6iin", "900101301233", p2);
	assert_memory_not_equal(p1, p2, PSEUDONYM_BYTES); /* separators hold */
	identity_key_set(key_b, sizeof(key_b));
	identity_pseudonym("constitution-2026", "iin", "900101301233", p2);
	assert_memory_not_equal(p1, p2, PSEUDONYM_BYTES); /* per key */
	identity_pseudonym_hex(p1, hex);
	assert_int_equal(strlen(hex), 66);
	assert_memory_equal(hex, "\\x", 2);
	assert_null(strstr(hex, "900101301233"));
	identity_key_free();
}

static void test_tokens(void **state)
{
	char token[CSRF_TOKEN_LEN + 1], forged[CSRF_TOKEN_LEN + 1];

	(void)state;
	identity_key_set(key_a, sizeof(key_a));
	csrf_token_make(TODAY, token);
	assert_int_equal(strlen(token), CSRF_TOKEN_LEN);
	assert_int_equal(csrf_token_check(token, TODAY), CSRF_OK);
	assert_int_equal(csrf_token_check(token, TODAY + CSRF_TOKEN_MAX_AGE), CSRF_OK);
	assert_int_equal(csrf_token_check(token, TODAY + CSRF_TOKEN_MAX_AGE + 1), CSRF_EXPIRED);
	assert_int_equal(csrf_token_check(token, TODAY - 3600), CSRF_EXPIRED); /* from the future */
	assert_int_equal(csrf_token_check("", TODAY), CSRF_MISSING);
	assert_int_equal(csrf_token_check(NULL, TODAY), CSRF_MISSING);
	assert_int_equal(csrf_token_check("short", TODAY), CSRF_INVALID);
	memcpy(forged, token, sizeof(forged));
	forged[10] = forged[10] == 'A' ? 'B' : 'A';
	assert_int_equal(csrf_token_check(forged, TODAY), CSRF_INVALID);
	memset(forged, '!', CSRF_TOKEN_LEN);
	assert_int_equal(csrf_token_check(forged, TODAY), CSRF_INVALID);
	identity_key_set(key_b, sizeof(key_b));
	assert_int_equal(csrf_token_check(token, TODAY), CSRF_INVALID); /* another key */
	identity_key_free();
}

static void test_same_origin(void **state)
{
	(void)state;
	assert_true(csrf_same_origin("", "", "kenes.kz")); /* curl */
	assert_true(csrf_same_origin("same-origin", "https://kenes.kz", "kenes.kz"));
	assert_true(csrf_same_origin("none", "", "kenes.kz")); /* typed URL */
	assert_true(csrf_same_origin("", "http://127.0.0.1:8080", "127.0.0.1"));
	assert_true(csrf_same_origin("", "https://KENES.kz", "kenes.kz"));
	assert_true(csrf_same_origin("", "http://[::1]:8080", "[::1]"));
	assert_false(csrf_same_origin("cross-site", "", "kenes.kz"));
	assert_false(csrf_same_origin("same-site", "", "kenes.kz"));
	assert_false(csrf_same_origin("", "https://evil.example", "kenes.kz"));
	assert_false(csrf_same_origin("", "https://kenes.kz.evil.example", "kenes.kz"));
	assert_false(csrf_same_origin("", "https://evilkenes.kz", "kenes.kz"));
	assert_false(csrf_same_origin("", "null", "kenes.kz"));
	assert_false(csrf_same_origin("", "https://kenes.kz", ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iin_table),   cmocka_unit_test(test_iin_second_pass),
		cmocka_unit_test(test_pseudonyms),  cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_same_origin),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
