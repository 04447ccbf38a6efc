#include "request.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form.h"
#include "reply.h"
#include "util.h"

void request_init(struct request *req)
{
	memset(req, 0, sizeof(*req));
	req->method = req->path = req->query = "";
	req->host = req->origin = req->sec_fetch_site = req->idempotency_key = req->trusted_subject = "";
	req->authorization = req->trusted_role = req->cookie = req->remote_addr = "";
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
