/*
 * test_routes.c - walks the route table (fcgi/routes.c): every row is reachable by each of
 * its methods and answers 405 with the right Allow for the others, every row that needs a
 * role refuses a request without a token (401) before its handler runs, and paths that are
 * no route's are 404. Also the path shapes ({id}, {int}, {slug}) case by case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "handlers.h"
#include "moderation.h"
#include "overview.h"
#include "positions.h"
#include "comparative.h"
#include "reports.h"
#include "routes.h"
#include "settings.h"
#include "staff_session.h"
#include "util.h"

static const char *const methods[] = { "GET", "HEAD", "POST", "DELETE", "PUT", "PATCH", "OPTIONS" };
static const unsigned method_bits[] = { METHOD_GET, METHOD_GET, METHOD_POST, METHOD_DELETE, 0, 0, 0 };

/* A path of the row's shape: {id} 42, {int} 7, {slug} constitution-2026. */
static void example_path(const char *shape, char *out, size_t outlen)
{
	char *o = out;

	for (const char *s = shape; *s && (size_t)(o - out) + 20 < outlen;) {
		const char *value = strncmp(s, "{id}", 4) == 0     ? "42"
				    : strncmp(s, "{int}", 5) == 0  ? "7"
				    : strncmp(s, "{slug}", 6) == 0 ? "constitution-2026"
								   : NULL;
		if (value) {
			o += sprintf(o, "%s", value);
			s = strchr(s, '}') + 1;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
}

/* The methods of every row with exactly this shape. */
static unsigned methods_of_shape(const char *shape)
{
	unsigned m = 0;

	for (size_t i = 0; i < routes_count; i++)
		if (strcmp(routes[i].path, shape) == 0)
			m |= routes[i].methods;
	return m;
}

static void test_every_row_is_reachable(void **state)
{
	(void)state;
	assert_true(routes_count >= 20);
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];
		char path[200], allow[32];

		assert_non_null(r->handle);
		assert_int_equal(r->path[0], '/');
		assert_int_not_equal(r->label, ROUTE_OTHER);
		assert_int_equal(r->methods & ~(unsigned)(METHOD_GET | METHOD_POST | METHOD_DELETE), 0);
		example_path(r->path, path, sizeof(path));
		for (size_t k = 0; k < ARRAY_LEN(methods); k++) {
			struct route_match m;
			const struct route *first;
			unsigned allowed;
			const struct route *got = routes_find(methods[k], path, &m, &allowed, &first);

			if (r->methods & method_bits[k]) {
				if (got != r)
					fail_msg("%s %s: row %zu, not row %zu, takes it", methods[k], path,
						 got ? (size_t)(got - routes) : (size_t)-1, i);
				assert_ptr_equal(m.arg, r->arg);
				assert_string_equal(m.id, strstr(r->path, "{id}")    ? "42"
							  : strstr(r->path, "{int}") ? "7"
										     : "");
				if (strstr(r->path, "{slug}"))
					assert_string_equal(m.slug, "constitution-2026");
			} else if (!(methods_of_shape(r->path) & method_bits[k])) {
				assert_null(got);
				assert_int_equal(allowed, methods_of_shape(r->path));
				assert_non_null(first);
			}
		}
		routes_allow(methods_of_shape(r->path), allow, sizeof(allow));
		assert_true(strlen(allow) >= 4);
	}
}

static void route(struct request *req, const char *method, const char *path)
{
	static const struct settings settings = { .structure_ttl = 1L << 30 };

	request_init(req);
	req->method = method;
	req->path = path;
	req->accept_language = "en";
	req->settings = &settings;
	routes_dispatch(req);
}

static void test_405_with_allow(void **state)
{
	(void)state;
	for (size_t i = 0; i < routes_count; i++) {
		char path[200], allow[32], header[48];
		struct request req;

		if (methods_of_shape(routes[i].path) & METHOD_DELETE)
			continue; /* PUT is refused everywhere: one method is enough */
		example_path(routes[i].path, path, sizeof(path));
		route(&req, "PUT", path);
		assert_int_equal(req.status, 405);
		routes_allow(methods_of_shape(routes[i].path), allow, sizeof(allow));
		snprintf(header, sizeof(header), "Allow: %s\r\n", allow);
		assert_non_null(strstr(req.headers.data, header));
		assert_int_not_equal(req.route, ROUTE_OTHER);
		request_free(&req);
	}
}

static void test_roles_need_a_token(void **state)
{
	int with_role = 0;

	(void)state;
	for (size_t i = 0; i < routes_count; i++) {
		char path[200];
		struct request req;

		if (!routes[i].role)
			continue;
		with_role++;
		example_path(routes[i].path, path, sizeof(path));
		route(&req, routes[i].methods & METHOD_GET ? "GET" : "POST", path);
		if (routes[i].role & STAFF_SESSION) {
			/* A staff page without a session: a GET goes to the sign-in page, a POST 401. */
			int want = routes[i].methods & METHOD_GET ? 303 : 401;

			if (req.status != want)
				fail_msg("%s without a staff session: %d", path, req.status);
			if (want == 303)
				assert_non_null(strstr(req.headers.data, "Location: /staff/sign-in?lang="));
			assert_null(strstr(req.headers.data, "WWW-Authenticate"));
			assert_int_equal(req.route, routes[i].label);
			request_free(&req);
			continue;
		}
		if (req.status != 401)
			fail_msg("%s without a token: %d", path, req.status);
		assert_non_null(strstr(req.headers.data, "WWW-Authenticate: Bearer"));
		assert_int_equal(req.route, routes[i].label);
		request_free(&req);
	}
	assert_true(with_role >= 12);
}

static void test_allow_text(void **state)
{
	char out[32];

	(void)state;
	routes_allow(METHOD_GET, out, sizeof(out));
	assert_string_equal(out, "GET, HEAD");
	routes_allow(METHOD_GET | METHOD_POST, out, sizeof(out));
	assert_string_equal(out, "GET, HEAD, POST");
	routes_allow(METHOD_POST | METHOD_DELETE, out, sizeof(out));
	assert_string_equal(out, "POST, DELETE");
	routes_allow(METHOD_POST, out, sizeof(out));
	assert_string_equal(out, "POST");
}

/* Paths case by case: the handler and arg that take them, or none (404). */
static void test_paths(void **state)
{
	static const struct {
		const char *method, *path;
		route_handler *handle; /* NULL: no route */
		const char *id, *arg;
	} cases[] = {
		{ "GET", "/", handler_form_page, "", NULL },
		{ "POST", "/api/v1/moderation/proposals/17/hide", moderation_act_proposal, "17", "hide" },
		{ "POST", "/api/v1/moderation/proposals/17/unhide", moderation_act_proposal, "17", "unhide" },
		{ "POST", "/api/v1/moderation/proposals/999999999999999999/duplicate",
		  moderation_act_proposal, "999999999999999999", "duplicate" },
		{ "POST", "/api/v1/moderation/campaigns/3/hide", moderation_act_campaign, "3", "hide" },
		{ "POST", "/api/v1/moderation/campaigns/3/unhide", moderation_act_campaign, "3", "unhide" },
		{ "POST", "/api/v1/moderation/flags/9/resolve", moderation_resolve, "9", NULL },
		{ "GET", "/api/v1/moderation/flags", moderation_list, "", "flags" },
		{ "GET", "/api/v1/moderation/proposals/17", moderation_proposal, "17", NULL },
		{ "GET", "/api/v1/moderation/campaigns/3", moderation_campaign, "3", NULL },
		{ "GET", "/api/v1/moderation/log", moderation_list, "", "log" },
		{ "GET", "/api/v1/reports/weekly", reports_handle, "", "week" },
		{ "GET", "/api/v1/reports/sessions/2147483647", reports_handle, "2147483647", "session" },
		{ "GET", "/api/v1/consultations/a", overview_consultation, "", NULL },
		{ "GET", "/consultations/constitution-2026", overview_page, "", NULL },
		{ "GET", "/consultations/constitution-2026/comparative-table", comparative_page, "", NULL },
		{ "GET", "/api/v1/comparative-table", comparative_api, "", NULL },
		{ "POST", "/api/v1/positions", positions_act, "", "create" },
		{ "GET", "/api/v1/positions/5", positions_show, "5", NULL },
		{ "POST", "/api/v1/positions/5/merge", positions_act, "5", "merge" },
		{ "POST", "/api/v1/positions/5/disposition", positions_act, "5", "disposition" },
		{ "GET", "/api/v1/positions/suggestions", positions_suggestions, "", NULL },
		{ "POST", "/api/v1/positions/suggestions/8/edit", positions_act, "8", "suggestion_edit" },
		/* refused */
		{ "GET", "/consultations//comparative-table", NULL, NULL, NULL },
		{ "GET", "/consultations/constitution-2026/comparative-table/", NULL, NULL, NULL },
		{ "GET", "/consultations/constitution-2026/comparative", NULL, NULL, NULL },
		{ "GET",
		  "/consultations/"
		  "a234567890123456789012345678901234567890123456789012345678901234/comparative-table",
		  NULL, NULL, NULL },
		{ "POST", "/api/v1/positions/suggestions/8/merge", NULL, NULL, NULL },
		{ "POST", "/api/v1/positions/5/accept", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/17/resolve", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/campaigns/3/duplicate", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/flags/9/hide", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/017/hide", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/0/hide", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/-1/hide", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/+1/hide", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/1x/hide", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/1000000000000000000/hide", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals//hide", NULL, NULL, NULL },
		{ "GET", "/api/v1/moderation/flags/9", NULL, NULL, NULL },
		{ "GET", "/api/v1/moderation/proposals/017", NULL, NULL, NULL },
		{ "GET", "/api/v1/moderation/proposals/", NULL, NULL, NULL },
		{ "GET", "/api/v1/moderation/proposals/17/", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/17/hide/", NULL, NULL, NULL },
		{ "POST", "/api/v1/moderation/proposals/17/hidex", NULL, NULL, NULL },
		{ "GET", "/api/v1/moderation/logs", NULL, NULL, NULL },
		{ "GET", "/api/v1/moderation/log/", NULL, NULL, NULL },
		{ "GET", "/api/v1/moderation/", NULL, NULL, NULL },
		{ "GET", "/api/v1/reports/sessions/2147483648", NULL, NULL, NULL },
		{ "GET", "/api/v1/reports/sessions/0", NULL, NULL, NULL },
		{ "GET", "/api/v1/consultations/", NULL, NULL, NULL },
		{ "GET", "/api/v1/consultations/a/b", NULL, NULL, NULL },
		{ "GET", "/proposals/5/", NULL, NULL, NULL },
		{ "GET", "//", NULL, NULL, NULL },
		{ "GET", "", NULL, NULL, NULL },
	};

	struct route_match slug_match;
	const struct route *slug_first;
	unsigned slug_allow;

	(void)state;
	/* A {slug} mid-path is the segment alone, a string of its own. */
	assert_non_null(routes_find("GET", "/consultations/a-63-chars/comparative-table", &slug_match,
				    &slug_allow, &slug_first));
	assert_string_equal(slug_match.slug, "a-63-chars");
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct route_match m;
		const struct route *first;
		unsigned allow;
		const struct route *r = routes_find(cases[i].method, cases[i].path, &m, &allow, &first);

		if (!cases[i].handle) {
			if (r || allow)
				fail_msg("%s %s: expected no route", cases[i].method, cases[i].path);
			continue;
		}
		if (!r || r->handle != cases[i].handle)
			fail_msg("%s %s: taken by the wrong row", cases[i].method, cases[i].path);
		assert_string_equal(m.id, cases[i].id);
		if (cases[i].arg)
			assert_string_equal(m.arg, cases[i].arg);
		else
			assert_null(m.arg);
	}
}

static void test_unknown_paths_are_404(void **state)
{
	struct request req;

	(void)state;
	route(&req, "GET", "/api/v1/nothing");
	assert_int_equal(req.status, 404);
	assert_non_null(strstr(req.out.data, "\"not_found\""));
	assert_int_equal(req.route, ROUTE_OTHER);
	request_free(&req);
	route(&req, "GET", "/nothing");
	assert_int_equal(req.status, 404);
	assert_string_equal(req.out_type, "text/html; charset=utf-8");
	request_free(&req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_row_is_reachable),
		cmocka_unit_test(test_405_with_allow),
		cmocka_unit_test(test_roles_need_a_token),
		cmocka_unit_test(test_allow_text),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_unknown_paths_are_404),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
