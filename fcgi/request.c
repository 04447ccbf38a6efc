#include "request.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form.h"
#include "util.h"

void request_init(struct request *req)
{
	memset(req, 0, sizeof(*req));
	req->method = req->path = req->query = "";
	req->host = req->origin = req->sec_fetch_site = req->idempotency_key = req->trusted_subject = "";
	req->authorization = "";
	req->status = 500;
	buf_init(&req->headers, 0);
	buf_init(&req->out, 0);
	req->out_type = "application/json";
}

void request_free(struct request *req)
{
	buf_free(&req->headers);
	buf_free(&req->out);
}

bool request_is_get(const struct request *req)
{
	return strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
}

bool request_content_type_is(const struct request *req, const char *type)
{
	size_t n = strlen(type);
	const char *ct = req->content_type;

	if (!ct || strncasecmp(ct, type, n) != 0)
		return false;
	ct += n;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	return *ct == '\0' || *ct == ';';
}

bool request_query_param(const struct request *req, const char *name, char *out, size_t outlen)
{
	struct form q;
	const struct form_field *f;
	bool found = false;

	if (!form_parse(req->query, strlen(req->query), &q))
		return false;
	f = form_get(&q, name);
	if (f && f->value_len < outlen) {
		memcpy(out, f->value, f->value_len + 1);
		found = true;
	}
	form_free(&q);
	return found;
}

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

void reply_json_text(struct request *req, int status, const char *json)
{
	req->status = status;
	req->out_type = "application/json";
	buf_reset(&req->out);
	buf_puts(&req->out, json);
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

void reply_errors(struct request *req, const struct errors *errs)
{
	const struct field_error *first = errors_primary(errs);
	json_t *doc = json_object(), *all = json_array();

	json_object_set_new(doc, "error", error_object(first));
	for (int i = 0; i < errs->count; i++)
		if (errs->list[i].status == first->status)
			json_array_append_new(all, error_object(&errs->list[i]));
	json_object_set_new(doc, "errors", all);
	reply_json(req, first->status, doc);
}

void reply_error(struct request *req, int status, const char *code, const char *message)
{
	struct errors errs = { .count = 0 };

	errors_add(&errs, status, code, NULL, "%s", message);
	reply_errors(req, &errs);
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

void reply_method_not_allowed(struct request *req, const char *allow)
{
	reply_header(req, "Allow", allow);
	reply_error(req, 405, "method_not_allowed", "method not allowed");
}
