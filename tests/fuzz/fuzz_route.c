/*
 * fuzz_route.c - one whole request through routes_dispatch (fcgi/routes.c): path routing,
 * query strings, headers and bodies into every handler, and the pages and errors they build.
 *
 * Input: ten lines, then the body (raw bytes, up to the end):
 *   METHOD \n PATH \n QUERY \n CONTENT_TYPE \n ACCEPT_LANGUAGE \n HOST \n ORIGIN \n
 *   SEC_FETCH_SITE \n IDEMPOTENCY_KEY \n TRUSTED_SUBJECT \n BODY
 * With fewer newlines, the missing lines are empty and what is left is the body. Header
 * values are C strings, as libfcgi hands them over (a NUL ends one). In the body,
 * "form_token=@" becomes a fresh valid form token, so form posts reach validation.
 *
 * The database is a real struct db whose server does not exist (routes_dispatch with a NULL
 * db would crash: db_run dereferences it), and so is the group-commit writer's, so every
 * handler takes its "database down" path after all input checks. The structure is the unit
 * tests' fixture, cached for good; each request takes and releases it as serve_one does.
 * Whatever comes in, the answer must be a real one (never 500: nothing is internal here),
 * JSON bodies must parse, HTML must be UTF-8 with only our own <script>, and the extra
 * headers must be clean "Name: value" CRLF lines (no header injection).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "batch.h"
#include "csrf.h"
#include "db.h"
#include "fixture.h"
#include "identity.h"
#include "log.h"
#include "metrics.h"
#include "request.h"
#include "routes.h"
#include "settings.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define LINES 10

static struct db *db;
static struct settings settings = {
	.max_body = 131072, .structure_ttl = 1L << 30, .proposals_per_hour = 10, .supports_per_hour = 120
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const unsigned char key[32] = "kenes-fuzz-key-0123456789abcdef";
	const struct db_options dbo = { .url = "host=/nonexistent/kenes-fuzz port=1 dbname=kenes",
					.app_name = "kenes-fuzz",
					.statements = &fcgi_statements,
					.connect_timeout = 1 };

	(void)argc;
	(void)argv;
	log_set_level(L_ERROR);
	identity_key_set(key, sizeof(key));
	db = db_new(&dbo);
	if (!metrics_init() || !batch_start(&dbo, 16, 1) ||
	    !structure_set(FIXTURE_SLUG, FIXTURE_JSON("true")))
		abort();
	return 0;
}

/* The body with each "form_token=@" given a valid token; a new NUL-terminated buffer. */
static char *with_tokens(const char *body, size_t len, size_t *out_len)
{
	static const char mark[] = "form_token=@";
	const size_t m = sizeof(mark) - 1;
	char token[CSRF_TOKEN_LEN + 1], *out, *o;
	size_t marks = 0;

	for (size_t i = 0; i + m <= len; i++)
		marks += memcmp(body + i, mark, m) == 0;
	o = out = malloc(len + marks * CSRF_TOKEN_LEN + 1);
	csrf_token_make(time(NULL), token);
	for (size_t i = 0; i < len; i++) {
		if (i + m <= len && memcmp(body + i, mark, m) == 0) {
			o = (char *)memcpy(o, mark, m - 1) + m - 1;
			o = (char *)memcpy(o, token, CSRF_TOKEN_LEN) + CSRF_TOKEN_LEN;
			i += m - 1;
		} else {
			*o++ = body[i];
		}
	}
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

static bool utf8_ok(const char *s, size_t len)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;

	for (; len > 0; s += n, len -= (size_t)n)
		if ((n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c)) < 0)
			return false;
	return true;
}

/* Every extra header line is "Name: value\r\n", printable, with no CR or LF inside. */
static bool headers_ok(const char *h)
{
	while (*h) {
		const char *end = strstr(h, "\r\n"), *colon = strstr(h, ": ");

		if (!end || !colon || colon > end || colon == h)
			return false;
		for (const char *p = h; p < end; p++)
			if ((unsigned char)*p < ' ' || *p == 127)
				return false;
		h = end + 2;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1), *line[LINES], *p = copy, *script;
	struct request req;
	size_t body_len = 0;
	int scripts = 0;

	memcpy(copy, data, size);
	copy[size] = '\0';
	for (int i = 0; i < LINES; i++) {
		char *nl = memchr(p, '\n', size - (size_t)(p - copy));

		line[i] = nl ? p : "";
		if (nl) {
			*nl = '\0';
			p = nl + 1;
		}
	}
	request_init(&req);
	req.method = line[0];
	req.path = line[1];
	req.query = line[2];
	req.content_type = line[3];
	req.accept_language = line[4];
	req.host = line[5];
	req.origin = line[6];
	req.sec_fetch_site = line[7];
	req.idempotency_key = line[8];
	req.trusted_subject = line[9];
	req.request_id = "fuzz";
	req.body = with_tokens(p, size - (size_t)(p - copy), &body_len);
	req.body_len = body_len;
	req.db = db;
	req.settings = &settings;
	routes_dispatch(&req);
	structure_release();

	if (req.status < 200 || req.status > 599 || req.status == 500 || !headers_ok(req.headers.data))
		abort();
	if (strncmp(req.out_type, "application/json", 16) == 0) {
		json_t *doc = json_loadb(req.out.data, req.out.len, 0, NULL);

		if (!doc)
			abort();
		json_decref(doc);
	} else if (strncmp(req.out_type, "text/html", 9) == 0) {
		for (script = req.out.data; (script = strstr(script, "<script")); script++)
			scripts++;
		if (scripts != 1 || !utf8_ok(req.out.data, req.out.len))
			abort();
	}
	request_free(&req);
	free((char *)req.body);
	free(copy);
	return 0;
}
