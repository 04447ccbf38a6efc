#include "reply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "json_text.h"
#include "log.h"
#include "util.h"

void reply_header(struct request *req, const char *name, const char *value)
{
	buf_printf(&req->headers, "%s: %s\r\n", name, value);
}

void reply_json(struct request *req, int status, json_t *doc)
{
	char *text = json_dumps(doc, JSON_COMPACT);

	json_decref(doc);
	reply_json_text(req, status, text ? text : "{}");
	free(text);
}

static void json_begin(struct request *req, int status)
{
	req->status = status;
	req->out_type = "application/json";
	buf_reset(&req->out);
}

void reply_json_text(struct request *req, int status, const char *json)
{
	json_begin(req, status);
	buf_puts(&req->out, json);
	buf_putc(&req->out, '\n');
}

void reply_jsonb_text(struct request *req, int status, const char *jsonb_text)
{
	json_begin(req, status);
	json_text_compact(&req->out, jsonb_text);
	buf_putc(&req->out, '\n');
}

/* Messages may quote what the client sent; keep them printable ASCII whatever it was. */
static json_t *safe_string(const char *s)
{
	char clean[256];
	size_t i;

	for (i = 0; s[i] && i < sizeof(clean) - 1; i++)
		clean[i] = (s[i] >= ' ' && s[i] < 127) ? s[i] : '?';
	clean[i] = '\0';
	return json_string(clean);
}

static json_t *error_object(const struct field_error *e)
{
	json_t *o = json_object();

	/* json_object_set_new steals the new references. */
	json_object_set_new(o, "code", json_string(e->code));
	json_object_set_new(o, "field", e->field[0] ? safe_string(e->field) : json_null());
	json_object_set_new(o, "message", safe_string(e->message));
	return o;
}

/* Each class's HTTP status: the one place a class becomes a status. */
static const struct {
	enum error_class kind;
	int status;
} class_status[] = {
	{ ERROR_INVALID, 422 },   { ERROR_MALFORMED, 400 },    { ERROR_TOO_LARGE, 413 },
	{ ERROR_CONFLICT, 409 },  { ERROR_FORBIDDEN, 403 },    { ERROR_UNAUTHENTICATED, 401 },
	{ ERROR_NOT_FOUND, 404 }, { ERROR_RATE_LIMITED, 429 }, { ERROR_UNAVAILABLE, 503 },
	{ ERROR_INTERNAL, 500 },
};

int reply_status_of(enum error_class kind)
{
	for (size_t i = 0; i < ARRAY_LEN(class_status); i++)
		if (class_status[i].kind == kind)
			return class_status[i].status;
	return 500;
}

enum error_class reply_class_of(int status)
{
	for (size_t i = 0; i < ARRAY_LEN(class_status); i++)
		if (class_status[i].status == status)
			return class_status[i].kind;
	return ERROR_INTERNAL;
}

/* {"error": first, "errors": [every one of first's class]}, answered with `status`. */
static void reply_error_list(struct request *req, int status, const struct errors *errs,
			     const struct field_error *first)
{
	json_t *doc = json_object(), *all = json_array();

	json_object_set_new(doc, "error", error_object(first));
	for (int i = 0; i < errs->count; i++)
		if (errs->list[i].kind == first->kind)
			json_array_append_new(all, error_object(&errs->list[i]));
	json_object_set_new(doc, "errors", all);
	reply_json(req, status, doc);
}

void reply_errors(struct request *req, const struct errors *errs)
{
	const struct field_error *first = errors_primary(errs);

	reply_error_list(req, reply_status_of(first->kind), errs, first);
}

void reply_error(struct request *req, int status, const char *code, const char *message)
{
	struct errors errs = { .count = 0 };

	errors_add(&errs, reply_class_of(status), code, NULL, "%s", message);
	reply_error_list(req, status, &errs, &errs.list[0]);
}

void reply_unavailable(struct request *req)
{
	reply_header(req, "Retry-After", "2");
	reply_error(req, 503, "unavailable", "the database is unavailable; retry shortly");
}

void reply_redirect(struct request *req, int status, const char *location)
{
	req->status = status;
	reply_header(req, "Location", location);
	req->out_type = "text/plain; charset=utf-8";
	buf_reset(&req->out);
}

void reply_html(struct request *req, int status, struct buf *html)
{
	req->status = status;
	req->out_type = "text/html; charset=utf-8";
	buf_free(&req->out);
	req->out = *html;
	buf_init(html, html->limit);
}

void reply_stream_begin(struct request *req, int status, const char *type)
{
	req->status = status;
	req->out_type = type;
	req->streaming = true;
	buf_reset(&req->out);
}

void reply_stream_flush(struct request *req)
{
	if (req->streaming && req->flush)
		req->flush(req);
}

void reply_method_not_allowed(struct request *req, const char *allow)
{
	reply_header(req, "Allow", allow);
	reply_error(req, 405, "method_not_allowed", "method not allowed");
}

void reply_db_failure(struct request *req, struct db *db, const char *what)
{
	reply_db_error(req, db_last_error(db), what);
}

void reply_db_error(struct request *req, const struct db_error *e, const char *what)
{
	if (strcmp(e->sqlstate, "22008") == 0 || strcmp(e->sqlstate, "22007") == 0) {
		reply_error(req, 422, "invalid_date", "from or to is not a date that exists");
	} else if (e->unavailable) {
		log_warn("%s: database unavailable: %s", what, e->message);
		reply_unavailable(req);
	} else {
		log_error("%s: %s %s", what, e->sqlstate, e->message);
		reply_error(req, 500, "internal", "the request could not be completed");
	}
}
