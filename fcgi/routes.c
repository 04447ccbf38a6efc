/*
 * routes.c - which handler answers which path, and the handlers themselves.
 *
 * Each handler starts from "failed" (status 500 from request_init), answers through the
 * reply_* helpers exactly once, and frees what it allocated at one exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "handlers.h"
#include "i18n.h"
#include "log.h"
#include "moderation.h"
#include "page.h"
#include "proposal.h"
#include "reports.h"
#include "request.h"
#include "settings.h"
#include "structure.h"
#include "tallies.h"
#include "util.h"

enum lang handler_lang(const struct request *req, const char *ui_lang)
{
	char q[8];
	enum lang l;

	if (request_query_param(req, "lang", q, sizeof(q)) && lang_parse(q, &l))
		return l;
	if (ui_lang && lang_parse(ui_lang, &l))
		return l;
	return lang_from_accept(req->accept_language);
}

bool handler_structure_ready(struct request *req)
{
	return structure_refresh(req->db, req->settings->structure_ttl);
}

/* Parses the decimal id between prefix and suffix of the path; false when it is not one. */
static bool path_id(const char *path, const char *prefix, const char *suffix, char *out, size_t outlen)
{
	size_t plen = strlen(prefix), slen = strlen(suffix), len = strlen(path), n;
	long id;

	if (len <= plen + slen || strncmp(path, prefix, plen) != 0 || strcmp(path + len - slen, suffix) != 0)
		return false;
	n = len - plen - slen;
	if (n >= outlen || n > 18)
		return false;
	memcpy(out, path + plen, n);
	out[n] = '\0';
	return out[0] != '0' && parse_long(out, 1, 999999999999999999L, &id);
}

static void form_page(struct request *req)
{
	struct buf html;

	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		return;
	}
	buf_init(&html, 0);
	page_form(&html, handler_lang(req, NULL), structure_default(), NULL, NULL);
	reply_html(req, 200, &html);
	buf_free(&html);
}

/* Runs `statement` for proposal `id` and makes a document of its one row's first value;
   NULL when there is none, with a 404/503/500 reply made unless `quiet`. */
static json_t *fetch_as(struct request *req, const char *statement, const char *id,
			json_t *(*doc_of)(const char *value), bool quiet)
{
	PGresult *res = db_run(req->db, statement, 1, (const char *[]){ id });
	json_t *doc = NULL;

	if (!res) {
		if (quiet)
			return NULL;
		if (db_last_error(req->db)->unavailable)
			reply_unavailable(req);
		else
			reply_error(req, 500, "internal", "could not read the proposal");
		return NULL;
	}
	if (PQntuples(res) == 1)
		doc = doc_of(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (!doc && !quiet)
		reply_error(req, 404, "not_found", "no such proposal");
	return doc;
}

static json_t *fetch(struct request *req, const char *statement, const char *id,
		     json_t *(*doc_of)(const char *value))
{
	return fetch_as(req, statement, id, doc_of, false);
}

static json_t *parsed(const char *value)
{
	return json_loads(value, 0, NULL);
}

static json_t *consultation_only(const char *slug)
{
	return json_pack("{s:s}", "consultation", slug);
}

json_t *handler_fetch_proposal(struct request *req, const char *id)
{
	return fetch(req, "proposal_get", id, parsed);
}

json_t *handler_read_proposal(struct request *req, const char *id)
{
	return fetch_as(req, "proposal_get", id, parsed, true);
}

json_t *handler_fetch_consultation(struct request *req, const char *id)
{
	return fetch(req, "proposal_consultation", id, consultation_only);
}

static void proposal_get(struct request *req, const char *id)
{
	json_t *doc = handler_fetch_proposal(req, id);

	if (doc)
		reply_json(req, 200, doc);
}

void handler_message_page(struct request *req, int status, enum lang lang, const char *title_key,
			  const char *text_key)
{
	struct buf html;

	buf_init(&html, 0);
	page_message(&html, lang, title_key, text_key);
	reply_html(req, status, &html);
	buf_free(&html);
}

static void not_found_page(struct request *req, enum lang lang)
{
	handler_message_page(req, 404, lang, "notfound.title", "notfound.text");
}

static void receipt(struct request *req, const char *id)
{
	enum lang lang = handler_lang(req, NULL);
	json_t *doc = handler_fetch_proposal(req, id);
	struct buf html;

	if (!doc) {
		if (req->status == 404)
			not_found_page(req, lang);
		return;
	}
	handler_structure_ready(req);
	buf_init(&html, 0);
	page_receipt(&html, lang, structure_find(json_string_value(json_object_get(doc, "consultation"))), doc);
	reply_html(req, 200, &html);
	buf_free(&html);
	json_decref(doc);
}

static void consultation_get(struct request *req, const char *slug)
{
	const struct consultation *c;

	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		return;
	}
	c = structure_find(slug);
	if (c)
		reply_json_text(req, 200, c->json);
	else
		reply_error(req, 404, "not_found", "no such consultation");
}

static void healthz(struct request *req)
{
	PGresult *res = db_run(req->db, "health", 0, NULL);

	if (!res) {
		reply_unavailable(req);
		return;
	}
	PQclear(res);
	reply_json_text(req, 200, "{\"status\":\"ok\"}");
}

/* Prometheus text; nginx serves it to loopback only (deploy/nginx/kenes-server.conf). */
static void metrics(struct request *req)
{
	buf_reset(&req->out);
	metrics_render(&req->out);
	req->status = 200;
	req->out_type = "text/plain; version=0.0.4; charset=utf-8";
}

void route_request(struct request *req)
{
	const char *path = req->path;
	char id[24];
	bool get = request_is_get(req);

	if (strcmp(path, "/") == 0) {
		req->route = ROUTE_FORM;
		if (get)
			form_page(req);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strcmp(path, "/api/v1/proposals") == 0) {
		req->route = strcmp(req->method, "POST") == 0 ? ROUTE_SUBMIT : ROUTE_LIST;
		if (strcmp(req->method, "POST") == 0)
			handle_submit(req);
		else if (get)
			handle_list(req, false);
		else
			reply_method_not_allowed(req, "GET, HEAD, POST");
	} else if (path_id(path, "/api/v1/proposals/", "/supports", id, sizeof(id))) {
		req->route = ROUTE_SUPPORT;
		if (strcmp(req->method, "POST") == 0 || strcmp(req->method, "DELETE") == 0)
			handle_support(req, id);
		else
			reply_method_not_allowed(req, "POST, DELETE");
	} else if (path_id(path, "/api/v1/proposals/", "/report-identity", id, sizeof(id))) {
		req->route = ROUTE_EXTENSION;
		if (strcmp(req->method, "POST") == 0)
			handle_report_identity(req, id);
		else
			reply_method_not_allowed(req, "POST");
	} else if (strcmp(path, "/proposals") == 0) {
		req->route = ROUTE_LIST;
		if (get)
			handle_list(req, true);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (path_id(path, "/proposals/", "", id, sizeof(id))) {
		req->route = ROUTE_PROPOSAL_PAGE;
		if (get)
			handle_proposal_page(req, id);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (path_id(path, "/api/v1/proposals/", "", id, sizeof(id))) {
		req->route = ROUTE_PROPOSAL;
		if (get)
			proposal_get(req, id);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (path_id(path, "/proposals/", "/receipt", id, sizeof(id))) {
		req->route = ROUTE_RECEIPT;
		if (get)
			receipt(req, id);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strncmp(path, "/api/v1/consultations/", 22) == 0 && path[22] &&
		   !strchr(path + 22, '/')) {
		req->route = ROUTE_CONSULTATION;
		if (get)
			consultation_get(req, path + 22);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strcmp(path, "/healthz") == 0) {
		req->route = ROUTE_HEALTH;
		if (get)
			healthz(req);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strcmp(path, "/metrics") == 0) {
		req->route = ROUTE_METRICS;
		if (get)
			metrics(req);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strcmp(path, "/api/v1/tallies") == 0) {
		req->route = ROUTE_EXTENSION;
		tallies_handle(req, req->authorization);
	} else if (strncmp(path, "/api/v1/reports/", 16) == 0) {
		req->route = ROUTE_EXTENSION;
		reports_handle(req, path + 16, req->authorization);
	} else if (strncmp(path, "/api/v1/moderation/", 19) == 0) {
		req->route = ROUTE_EXTENSION;
		moderation_handle(req, path + 19);
	} else if (strncmp(path, "/api/", 5) == 0) {
		reply_error(req, 404, "not_found", "no such resource");
	} else {
		not_found_page(req, handler_lang(req, NULL));
	}
}
