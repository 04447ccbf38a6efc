#include "positions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "jsonbody.h"
#include "log.h"
#include "outcome.h"
#include "params.h"
#include "reply.h"
#include "util.h"

/* What the codes of kenes.position_act's 4xx outcomes mean, for people. */
static const struct outcome_text messages[] = {
	{ "invalid_body", "the body must be a JSON object" },
	{ "reason_required", "reason is required: say why, for the log" },
	{ "reason_too_long", "reason is at most 1000 characters" },
	{ "unknown_part", "the consultation's version has no such part (e.g. article:5, general)" },
	{ "label_required",
	  "label is required: {\"kk\", \"ru\", \"en\"}, one at least, 200 characters each" },
	{ "invalid_summary", "summary is {\"kk\", \"ru\", \"en\"}, 4000 characters each" },
	{ "unknown_position", "into must be the id of another position" },
	{ "not_mergeable", "a position merges into a live position of the same part" },
	{ "selection_required", "name the proposals: one of proposals (ids), filter or campaign" },
	{ "proposals_required", "proposals (ids) is required" },
	{ "unknown_proposal", "a proposal listed is not of this consultation" },
	{ "unknown_campaign", "there is no such campaign in this consultation" },
	{ "invalid_decision", "decision must be accepted, partly, not_accepted or outside_scope" },
	{ "invalid_decision_reason", "decision_reason is {\"kk\", \"ru\", \"en\"}, 4000 characters each" },
	{ "unknown_target", "target must be a part of the version that replaced this one" },
	{ "target_not_allowed", "only an accepted or partly accepted position has a target" },
	{ "position_merged", "this position was merged into another" },
	{ "suggestion_decided", "this suggestion was decided already" },
};

void positions_act(struct request *req, const struct route_match *m)
{
	struct errors errs = { .count = 0 };
	struct outcome o = { 0 };
	json_t *doc = NULL;
	char *body = NULL;

	if (!request_content_type_is(req, "application/json")) {
		reply_error(req, 415, "unsupported_media_type", "send application/json");
		goto out;
	}
	/* The shape (one object, UTF-8, no duplicate keys) here; the meaning in the database. */
	doc = jsonbody_parse(req->body, req->body_len, &errs);
	if (!doc) {
		reply_errors(req, &errs);
		goto out;
	}
	body = json_dumps(doc, JSON_COMPACT);
	if (!outcome_run(req, "position_act", 4,
			 (const char *[]){ m->token_hash, m->arg, m->id[0] ? m->id : NULL, body },
			 "changing a position", &o))
		goto out;
	outcome_reply_action(req, &o, "kenes.position_act", "no such position or suggestion", messages,
			     ARRAY_LEN(messages));
	if (req->status < 300)
		log_info("positions: %s %s by a staff token", m->arg, m->id[0] ? m->id : "(new)");
out:
	outcome_free(&o);
	free(body);
	json_decref(doc);
}

/* Runs a statement whose one row is a JSON document (NULL: not_found), and answers it. */
static void reply_document(struct request *req, const char *statement, int n, const char *const *params,
			   const char *not_found)
{
	PGresult *res = db_run(req->db, statement, n, params);

	if (!res) {
		reply_db_failure(req, req->db, statement);
		return;
	}
	if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		reply_json_text(req, 200, PQgetvalue(res, 0, 0));
	else
		reply_error(req, 404, "not_found", not_found);
	PQclear(res);
}

void positions_show(struct request *req, const struct route_match *m)
{
	if (*req->query)
		reply_error(req, 422, "unknown_parameter", "this resource takes no parameters");
	else
		reply_document(req, "position_get", 1, (const char *[]){ m->id }, "no such position");
}

struct list_query {
	const char *consultation, *version, *part;
	bool suggestions;
};

static void parse_list(const struct form *f, void *query, struct errors *errs)
{
	static const char *const list_names[] = { "consultation", "version", "part" };
	static const char *const suggestion_names[] = { "consultation", "part" };
	struct list_query *q = query;
	const struct form_field *v;

	if (q->suggestions)
		params_check_names(f, suggestion_names, ARRAY_LEN(suggestion_names), NULL, errs);
	else
		params_check_names(f, list_names, ARRAY_LEN(list_names), NULL, errs);
	q->consultation = params_consultation_required(f, errs);
	if (!q->suggestions)
		q->version = params_version(f, errs);
	if ((v = form_get(f, "part")))
		q->part = v->value;
}

void positions_list(struct request *req, const struct route_match *m)
{
	struct form f = { .count = 0 };
	struct list_query q = { .suggestions = false };

	(void)m;
	if (params_read_or_reply(req, &f, parse_list, &q))
		reply_document(req, "position_list", 3, (const char *[]){ q.consultation, q.version, q.part },
			       "no such consultation or version");
	form_free(&f);
}

void positions_suggestions(struct request *req, const struct route_match *m)
{
	struct form f = { .count = 0 };
	struct list_query q = { .suggestions = true };

	(void)m;
	if (params_read_or_reply(req, &f, parse_list, &q))
		reply_document(req, "suggestion_list", 2, (const char *[]){ q.consultation, q.part },
			       "no such consultation");
	form_free(&f);
}
