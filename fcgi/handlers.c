/*
 * handlers.c - the helpers every handler shares, and the handlers too small for a file of
 * their own (the form, a proposal, its receipt, a consultation, health and metrics).
 */
#include "handlers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "page.h"
#include "page_form.h"
#include "page_proposal.h"
#include "reply.h"
#include "settings.h"
#include "structure.h"
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

void handler_form_page(struct request *req, const struct route_match *m)
{
	struct buf html;

	(void)m;
	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		return;
	}
	buf_init(&html, 0);
	page_form(&html, handler_lang(req, NULL), structure_default(), NULL, NULL);
	reply_html(req, 200, &html);
	buf_free(&html);
}

/* Runs `statement` for proposal `id`: its one row, or NULL when there is none, with a
   404/503/500 reply made unless `quiet`. The caller clears the result. */
static PGresult *fetch_row(struct request *req, const char *statement, const char *id, bool quiet)
{
	PGresult *res = db_run(req->db, statement, 1, (const char *[]){ id });

	if (!res) {
		if (!quiet)
			reply_db_failure(req, req->db, "reading a proposal");
		return NULL;
	}
	if (PQntuples(res) == 1)
		return res;
	PQclear(res);
	if (!quiet)
		reply_error(req, 404, "not_found", "no such proposal");
	return NULL;
}

/* As fetch_row, making a document of the row's first value (NULL, with a 404, when none). */
static json_t *fetch_as(struct request *req, const char *statement, const char *id,
			json_t *(*doc_of)(const char *value), bool quiet)
{
	PGresult *res = fetch_row(req, statement, id, quiet);
	json_t *doc = res ? doc_of(PQgetvalue(res, 0, 0)) : NULL;

	if (res && !doc && !quiet)
		reply_error(req, 404, "not_found", "no such proposal");
	PQclear(res);
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

/* The database's document as it is (reply_jsonb_text), not parsed and dumped again. */
void handler_proposal(struct request *req, const struct route_match *m)
{
	PGresult *res = fetch_row(req, "proposal_get", m->id, false);

	if (res)
		reply_jsonb_text(req, 200, PQgetvalue(res, 0, 0));
	PQclear(res);
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

void handler_not_found_page(struct request *req)
{
	handler_message_page(req, 404, handler_lang(req, NULL), "notfound.title", "notfound.text");
}

bool handler_found_or_page(struct request *req, const json_t *doc)
{
	if (!doc && req->status == 404)
		handler_not_found_page(req);
	return doc != NULL;
}

void handler_receipt_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	json_t *doc = handler_fetch_proposal(req, m->id);
	struct buf html;

	if (!handler_found_or_page(req, doc))
		return;
	handler_structure_ready(req);
	buf_init(&html, 0);
	page_proposal_receipt(&html, lang,
			      structure_find(json_string_value(json_object_get(doc, "consultation"))), doc);
	reply_html(req, 200, &html);
	buf_free(&html);
	json_decref(doc);
}

void handler_health(struct request *req, const struct route_match *m)
{
	PGresult *res = db_run(req->db, "health", 0, NULL);

	(void)m;
	if (!res) {
		reply_unavailable(req);
		return;
	}
	PQclear(res);
	reply_json_text(req, 200, "{\"status\":\"ok\"}");
}

/* Prometheus text; nginx serves it to loopback only (deploy/nginx/kenes-server.conf). */
void handler_metrics(struct request *req, const struct route_match *m)
{
	(void)m;
	buf_reset(&req->out);
	metrics_render(&req->out);
	req->status = 200;
	req->out_type = "text/plain; version=0.0.4; charset=utf-8";
}
