/*
 * support.c - POST /api/v1/proposals/{id}/supports gives a person's support (201, or 200
 * when they already support it); DELETE, or a form post with action=withdraw, takes it back.
 * Supports always need an identity. The JSON body is {"iin": "…"} under the "iin" policy
 * and may be empty under "trusted-header".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "handlers.h"
#include "jsonbody.h"
#include "log.h"
#include "page.h"
#include "settings.h"
#include "structure.h"
#include "util.h"
#include "write.h"

static void page_again(struct request *req, int status, const struct person_input *in, json_t *proposal,
		       const struct errors *errs, const char *notice_key)
{
	struct buf html;
	const struct consultation *c =
		structure_find(json_string_value(json_object_get(proposal, "consultation")));

	buf_init(&html, 0);
	page_proposal(&html, handler_lang(req, in->ui_lang), c, proposal, errs, notice_key);
	reply_html(req, status, &html);
	buf_free(&html);
}

static void answer(struct request *req, bool is_form, const struct person_input *in, const char *id,
		   json_t *proposal, const struct outcome *o)
{
	char location[128];

	if (o->status >= 300 && is_form) {
		struct errors errs = { .count = 0 };

		errors_add(&errs, o->status, o->code, NULL, "%s", o->code);
		page_again(req, o->status, in, proposal, &errs, NULL);
		return;
	}
	if (o->status >= 300) {
		reply_outcome_error(req, o);
		return;
	}
	log_info("support %s on proposal %s", o->code, id);
	if (!is_form) {
		reply_json_text(req, o->status, o->body);
		return;
	}
	/* A replayed form (sent twice) tells the same story as the first answer. */
	snprintf(location, sizeof(location), "/proposals/%s?lang=%s&done=%s", id,
		 lang_code(handler_lang(req, in->ui_lang)),
		 strcmp(o->code, "replay") != 0 ? o->code : o->status == 201 ? "created" : "already_supported");
	reply_redirect(req, 303, location);
}

void handle_support(struct request *req, const char *id)
{
	struct person_input in = { 0 };
	struct errors errs = { .count = 0 };
	struct write_guard guard;
	struct outcome o = { 0 };
	bool is_form = request_content_type_is(req, "application/x-www-form-urlencoded");
	bool is_delete = strcmp(req->method, "DELETE") == 0;
	char who[BYTEA_HEX_LEN], cap[24];
	json_t *proposal = NULL;
	const struct consultation *c;
	PGresult *res;
	bool known;

	if (is_form)
		person_input_parse(req, true, &in, &errs);
	else if (request_content_type_is(req, "application/json") || (is_delete && req->body_len == 0))
		person_input_parse(req, false, &in, &errs);
	else if (req->body_len > 0 || !is_delete) {
		reply_error(req, 415, "unsupported_media_type",
			    "send application/json or application/x-www-form-urlencoded");
		goto out;
	}
	if ((errs.count && errors_primary(&errs)->status == 400) ||
	    !write_guard_check(req, is_form, in.form_token, &guard, &errs)) {
		reply_errors(req, &errs);
		goto out;
	}
	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		goto out;
	}
	proposal = handler_fetch_proposal(req, id);
	if (!proposal)
		goto out;
	c = structure_find(json_string_value(json_object_get(proposal, "consultation")));
	if (!c) {
		reply_error(req, 404, "not_found", "no such proposal");
		goto out;
	}
	write_identity(req, c, in.iin, true, who, &known, &errs);
	if (errs.count) {
		if (is_form && errors_primary(&errs)->status == 422)
			page_again(req, 422, &in, proposal, &errs, NULL);
		else
			reply_errors(req, &errs);
		goto out;
	}
	snprintf(cap, sizeof(cap), "%ld", req->settings->supports_per_hour);
	if (is_delete || in.withdraw)
		res = db_run(req->db, "support_withdraw", 2, (const char *[]){ id, who });
	else
		res = db_run(req->db, "support_add", 5, (const char *[]){ id, who, guard.key, guard.hash, cap });
	if (!res) {
		reply_db_failure(req, "recording a support");
		goto out;
	}
	if (!outcome_read(res, &o)) {
		PQclear(res);
		reply_error(req, 500, "internal", "unexpected answer from the database");
		goto out;
	}
	PQclear(res);
	answer(req, is_form, &in, id, proposal, &o);
out:
	json_decref(proposal);
	outcome_free(&o);
	person_input_free(&in);
}
