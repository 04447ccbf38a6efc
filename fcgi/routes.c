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
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "proposal.h"
#include "request.h"
#include "settings.h"
#include "structure.h"
#include "util.h"

/* The interface language: ?lang=, else the form's ui_lang, else Accept-Language. */
static enum lang page_lang(const struct request *req, const char *ui_lang)
{
	char q[8];
	enum lang l;

	if (request_query_param(req, "lang", q, sizeof(q)) && lang_parse(q, &l))
		return l;
	if (ui_lang && lang_parse(ui_lang, &l))
		return l;
	return lang_from_accept(req->accept_language);
}

static bool structure_ready(struct request *req)
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

	if (!structure_ready(req)) {
		reply_unavailable(req);
		return;
	}
	buf_init(&html, 0);
	page_form(&html, page_lang(req, NULL), structure_default(), NULL, NULL);
	reply_html(req, 200, &html);
	buf_free(&html);
}

static void form_again(struct request *req, const struct proposal_input *in, const struct errors *errs)
{
	struct buf html;
	const struct consultation *c = in->consultation ? structure_find(in->consultation) : NULL;
	const struct field_error *first = errors_primary(errs);

	buf_init(&html, 0);
	page_form(&html, page_lang(req, in->ui_lang), c ? c : structure_default(), in, errs);
	reply_html(req, first ? first->status : 422, &html);
	buf_free(&html);
}

static void submit_failed(struct request *req, bool is_form, const struct proposal_input *in,
			  struct errors *errs)
{
	if (is_form)
		form_again(req, in, errs);
	else
		reply_errors(req, errs);
}

static void submit(struct request *req)
{
	struct proposal_input in = { 0 };
	struct proposal p = { 0 };
	struct errors errs = { .count = 0 };
	bool is_form = request_content_type_is(req, "application/x-www-form-urlencoded");
	bool is_json = request_content_type_is(req, "application/json");
	char *json = NULL, location[96];
	long long id;

	if (!is_form && !is_json) {
		reply_error(req, 415, "unsupported_media_type",
			    "send application/json or application/x-www-form-urlencoded");
		goto out;
	}
	in.channel = is_json ? "api" : "web";
	/* Malformed bodies stop here; field problems (422) are gathered with the rest below. */
	(is_json ? proposal_input_from_json : proposal_input_from_form)(req->body, req->body_len, &in, &errs);
	if (errs.count && errors_primary(&errs)->status == 400) {
		reply_errors(req, &errs);
		goto out;
	}
	if (!structure_ready(req)) {
		reply_unavailable(req);
		goto out;
	}
	if (!proposal_validate(&in, &p, &errs) || errs.count) {
		log_info("proposal refused: %d %s (%s)", errors_primary(&errs)->status,
			 errors_primary(&errs)->code, errors_primary(&errs)->field);
		submit_failed(req, is_form, &in, &errs);
		goto out;
	}
	switch (proposal_store(req->db, &p, &json, &id)) {
	case STORE_OK:
		break;
	case STORE_STALE:
		structure_clear();
		errors_add(&errs, 422, "unknown_target", "target", "the current draft has no such part");
		submit_failed(req, is_form, &in, &errs);
		goto out;
	case STORE_FAILED:
		if (db_last_error(req->db)->unavailable) {
			log_warn("proposal not stored, database unavailable: %s", db_last_error(req->db)->message);
			if (is_form) {
				errors_add(&errs, 503, "unavailable", NULL, "database unavailable");
				reply_header(req, "Retry-After", "2");
				form_again(req, &in, &errs);
			} else {
				reply_unavailable(req);
			}
		} else {
			log_error("proposal not stored: %s %s", db_last_error(req->db)->sqlstate,
				  db_last_error(req->db)->message);
			reply_error(req, 500, "internal", "the proposal could not be stored");
		}
		goto out;
	}
	log_info("proposal %lld stored (%s, %s%s%s, %s)", id, p.channel, p.kind, p.number[0] ? ":" : "",
		 p.number, p.lang);
	if (is_form) {
		snprintf(location, sizeof(location), "/proposals/%lld/receipt?lang=%s", id,
			 lang_code(page_lang(req, in.ui_lang)));
		reply_redirect(req, 303, location);
	} else {
		snprintf(location, sizeof(location), "/api/v1/proposals/%lld", id);
		reply_header(req, "Location", location);
		reply_json_text(req, 201, json);
	}
out:
	free(json);
	proposal_free(&p);
	proposal_input_free(&in);
}

/* Fetches a published proposal's JSON; NULL (with the reply made) when there is none. */
static json_t *fetch_proposal(struct request *req, const char *id)
{
	PGresult *res = db_run(req->db, "proposal_get", 1, (const char *[]){ id });
	json_t *doc = NULL;

	if (!res) {
		if (db_last_error(req->db)->unavailable)
			reply_unavailable(req);
		else
			reply_error(req, 500, "internal", "could not read the proposal");
		return NULL;
	}
	if (PQntuples(res) == 1)
		doc = json_loads(PQgetvalue(res, 0, 0), 0, NULL);
	PQclear(res);
	if (!doc)
		reply_error(req, 404, "not_found", "no such proposal");
	return doc;
}

static void proposal_get(struct request *req, const char *id)
{
	json_t *doc = fetch_proposal(req, id);

	if (doc)
		reply_json(req, 200, doc);
}

static void not_found_page(struct request *req, enum lang lang)
{
	struct buf html;

	buf_init(&html, 0);
	page_message(&html, lang, "notfound.title", "notfound.text");
	reply_html(req, 404, &html);
	buf_free(&html);
}

static void receipt(struct request *req, const char *id)
{
	enum lang lang = page_lang(req, NULL);
	json_t *doc = fetch_proposal(req, id);
	struct buf html;

	if (!doc) {
		if (req->status == 404)
			not_found_page(req, lang);
		return;
	}
	structure_ready(req);
	buf_init(&html, 0);
	page_receipt(&html, lang, structure_find(json_string_value(json_object_get(doc, "consultation"))), doc);
	reply_html(req, 200, &html);
	buf_free(&html);
	json_decref(doc);
}

static void consultation_get(struct request *req, const char *slug)
{
	const struct consultation *c;

	if (!structure_ready(req)) {
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

void route_request(struct request *req)
{
	const char *path = req->path;
	char id[24];
	bool get = request_is_get(req);

	if (strcmp(path, "/") == 0) {
		if (get)
			form_page(req);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strcmp(path, "/api/v1/proposals") == 0) {
		if (strcmp(req->method, "POST") == 0)
			submit(req);
		else
			reply_method_not_allowed(req, "POST");
	} else if (path_id(path, "/api/v1/proposals/", "", id, sizeof(id))) {
		if (get)
			proposal_get(req, id);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (path_id(path, "/proposals/", "/receipt", id, sizeof(id))) {
		if (get)
			receipt(req, id);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strncmp(path, "/api/v1/consultations/", 22) == 0 && path[22] &&
		   !strchr(path + 22, '/')) {
		if (get)
			consultation_get(req, path + 22);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strcmp(path, "/healthz") == 0) {
		if (get)
			healthz(req);
		else
			reply_method_not_allowed(req, "GET, HEAD");
	} else if (strncmp(path, "/api/", 5) == 0) {
		reply_error(req, 404, "not_found", "no such resource");
	} else {
		not_found_page(req, page_lang(req, NULL));
	}
}
