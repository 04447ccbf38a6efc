/*
 * test_staff_session.c - the staff workspace's form tokens are bound to one session and
 * expire, its cookie is found in a Cookie header among others, and it is named and flagged
 * for HTTPS (__Host-, Secure) and for the plain-HTTP local run (fcgi/staff_session.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "identity.h"
#include "request.h"
#include "staff_session.h"

static const char *const session_a = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
static const char *const session_b = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

static void test_csrf_bound_to_its_session(void **state)
{
	char token[STAFF_CSRF_LEN + 1];

	(void)state;
	staff_csrf_make(session_a, 1000000, token);
	assert_int_equal(strlen(token), STAFF_CSRF_LEN);
	assert_true(staff_csrf_check(session_a, token, 1000000, 3600));
	assert_false(staff_csrf_check(session_b, token, 1000000, 3600));
	assert_true(staff_csrf_check(session_a, token, 1003600, 3600));
	assert_false(staff_csrf_check(session_a, token, 1003601, 3600));       /* expired */
	assert_false(staff_csrf_check(session_a, token, 1000000 - 301, 3600)); /* from the future */
	token[5] = token[5] == 'A' ? 'B' : 'A';
	assert_false(staff_csrf_check(session_a, token, 1000000, 3600));
	assert_false(staff_csrf_check(session_a, "", 1000000, 3600));
	assert_false(staff_csrf_check(session_a, NULL, 1000000, 3600));
}

static void test_cookie_found_among_others(void **state)
{
	char v[64];

	(void)state;
	assert_true(staff_session_cookie("a=1; kenes_staff=xyz; b=2", "kenes_staff", v, sizeof(v)));
	assert_string_equal(v, "xyz");
	assert_true(staff_session_cookie("kenes_staff=", "kenes_staff", v, sizeof(v)));
	assert_string_equal(v, "");
	assert_false(staff_session_cookie("xkenes_staff=1; kenes_staffx=2", "kenes_staff", v, sizeof(v)));
	assert_false(staff_session_cookie("", "kenes_staff", v, sizeof(v)));
	assert_false(staff_session_cookie("kenes_staff=0123456789", "kenes_staff", v, 5)); /* too long */
}

static void test_cookie_attributes(void **state)
{
	struct request req;

	(void)state;
	request_init(&req);
	req.https = true;
	assert_string_equal(staff_session_cookie_name(&req), "__Host-kenes_staff");
	staff_session_set_cookie(&req, "abc");
	assert_string_equal(
		req.headers.data,
		"Set-Cookie: __Host-kenes_staff=abc; Path=/; HttpOnly; SameSite=Strict; Secure\r\n");
	request_free(&req);
	request_init(&req);
	assert_string_equal(staff_session_cookie_name(&req), "kenes_staff");
	staff_session_set_cookie(&req, "");
	assert_string_equal(req.headers.data,
			    "Set-Cookie: kenes_staff=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0\r\n");
	request_free(&req);
}

static void test_session_ids(void **state)
{
	char a[STAFF_SESSION_ID_LEN + 1], b[STAFF_SESSION_ID_LEN + 1], ha[65], hb[65];

	(void)state;
	staff_session_id_make(a, ha);
	staff_session_id_make(b, hb);
	assert_int_equal(strlen(a), STAFF_SESSION_ID_LEN);
	assert_int_equal(strlen(ha), 64);
	assert_string_not_equal(a, b);
	assert_string_not_equal(ha, hb);
}

int main(void)
{
	static const unsigned char key[32] = { 7 };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csrf_bound_to_its_session),
		cmocka_unit_test(test_cookie_found_among_others),
		cmocka_unit_test(test_cookie_attributes),
		cmocka_unit_test(test_session_ids),
	};
	int rc;

	identity_key_set(key, sizeof(key));
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	identity_key_free();
	return rc;
}
