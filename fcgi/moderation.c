/*
 * moderation.c - hiding, showing again and marking duplicates; identity flags; the audit
 * log's export. The database functions of sql/migrations/015 do the work and the logging in
 * one statement each, and look the bearer token up themselves: the handler passes the
 * SHA-256 of what the client presented, never a name of its own choosing.
 */
#include "moderation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "csv.h"
#include "db.h"
#include "form.h"
#include "jsonbody.h"
#include "log.h"
#include "outcome.h"
#include "params.h"
#include "reply.h"
#include "text.h"
#include "util.h"

#define LOG_LIMIT_DEFAULT   1000
#define LOG_LIMIT_MAX       10000
#define FLAGS_LIMIT_DEFAULT 100
#define FLAGS_LIMIT_MAX     1000

/* What an action is on: from the row of routes.c that took the request. */
enum resource { PROPOSAL, CAMPAIGN, FLAG };
struct target {
	enum resource resource;
	const char *id, *action;
};

static void parse_reason(json_t *value, struct moderation_body *out, struct errors *errs)
{
	const char *s = json_string_value(value);
	char *clean = NULL;
	size_t chars = 0;

	if (!s)
		return (void)errors_add(errs, ERROR_INVALID, "invalid_type", "reason",
					"reason must be a string");
	switch (text_clean(s, json_string_length(value), &clean, &chars)) {
	case TEXT_OK:
		break;
	case TEXT_INVALID_UTF8:
		return (void)errors_add(errs, ERROR_MALFORMED, "invalid_utf8", "reason",
					"reason is not valid UTF-8");
	case TEXT_CONTROL:
		return (void)errors_add(errs, ERROR_MALFORMED, "control_character", "reason",
					"reason holds control characters");
	}
	if (chars == 0)
		errors_add(errs, ERROR_INVALID, "required", "reason",
			   "reason is required: say why, for the audit log");
	else if (chars > MODERATION_REASON_MAX)
		errors_add(errs, ERROR_INVALID, "reason_too_long", "reason",
			   "reason is at most %d characters", MODERATION_REASON_MAX);
	else
		out->reason = clean, clean = NULL;
	free(clean);
}

static void parse_of(json_t *value, struct moderation_body *out, struct errors *errs)
{
	json_int_t id = json_integer_value(value);

	if (!json_is_integer(value))
		errors_add(errs, ERROR_INVALID, "invalid_type", "of",
			   "of must be the original proposal's id (a number)");
	else if (id < 1 || id > 999999999999999999LL)
		errors_add(errs, ERROR_INVALID, "unknown_original", "of", "there is no such proposal");
	else
		snprintf(out->of, sizeof(out->of), "%lld", (long long)id);
}

static void parse_decision(json_t *value, struct moderation_body *out, struct errors *errs)
{
	const char *s = json_string_value(value);

	if (s && (strcmp(s, "hide") == 0 || strcmp(s, "keep") == 0))
		snprintf(out->decision, sizeof(out->decision), "%s", s);
	else
		errors_add(errs, ERROR_INVALID, "invalid_decision", "decision",
			   "decision must be \"hide\" or \"keep\"");
}

bool moderation_body_parse(const char *body, size_t len, unsigned allowed, struct moderation_body *out,
			   struct errors *errs)
{
	int before = errs->count;
	json_t *doc, *value;
	const char *key;

	memset(out, 0, sizeof(*out));
	doc = len ? jsonbody_parse(body, len, errs) : json_object();
	if (!doc)
		return false;
	json_object_foreach(doc, key, value)
	{
		if (strcmp(key, "reason") == 0)
			parse_reason(value, out, errs);
		else if (strcmp(key, "of") == 0 && (allowed & MODERATION_FIELD_OF))
			parse_of(value, out, errs);
		else if (strcmp(key, "decision") == 0 && (allowed & MODERATION_FIELD_DECISION))
			parse_decision(value, out, errs);
		else
			errors_add(errs, ERROR_INVALID, "unknown_field", key, "unknown field \"%.40s\"", key);
	}
	if (!json_object_get(doc, "reason"))
		errors_add(errs, ERROR_INVALID, "required", "reason",
			   "reason is required: say why, for the audit log");
	if ((allowed & MODERATION_FIELD_DECISION) && !json_object_get(doc, "decision"))
		errors_add(errs, ERROR_INVALID, "required", "decision",
			   "decision is required: \"hide\" or \"keep\"");
	json_decref(doc);
	if (errs->count > before) {
		moderation_body_free(out);
		return false;
	}
	return true;
}

void moderation_body_free(struct moderation_body *b)
{
	free(b->reason);
	b->reason = NULL;
}

/* YYYY-MM-DD by shape; whether the date exists is the database's to say (SQLSTATE 22008). */
static void copy_checked(char *out, size_t outlen, const struct form_field *v, bool ok, struct errors *errs,
			 const char *code, const char *message)
{
	if (ok && v->value_len < outlen)
		memcpy(out, v->value, v->value_len + 1);
	else
		errors_add(errs, ERROR_INVALID, code, v->name, "%s", message);
}

static void list_param(const struct form_field *v, bool is_log, struct moderation_list_query *q,
		       struct errors *errs)
{
	const char *s = v->value;
	long n;

	if (is_log && (strcmp(v->name, "from") == 0 || strcmp(v->name, "to") == 0))
		copy_checked(strcmp(v->name, "from") == 0 ? q->from : q->to, sizeof(q->from), v,
			     text_is_date_shaped(s), errs, "invalid_date", "a date like 2026-02-01 (UTC)");
	else if (is_log && strcmp(v->name, "format") == 0)
		q->csv = params_format_csv(s, errs);
	else if (is_log && strcmp(v->name, "bom") == 0) {
		q->bom = strcmp(s, "1") == 0;
		if (!q->bom && strcmp(s, "0") != 0)
			errors_add(errs, ERROR_INVALID, "invalid_bom", "bom", "bom must be 0 or 1");
	} else if (!is_log && strcmp(v->name, "status") == 0)
		copy_checked(q->status, sizeof(q->status), v,
			     strcmp(s, "open") == 0 || strcmp(s, "resolved") == 0 || strcmp(s, "all") == 0,
			     errs, "invalid_status", "status must be open, resolved or all");
	else if (strcmp(v->name, "after") == 0)
		copy_checked(q->after, sizeof(q->after), v, parse_long(s, 0, 999999999999999999L, &n), errs,
			     "invalid_after", "after must be an entry id (a number)");
	else if (strcmp(v->name, "limit") == 0)
		copy_checked(q->limit, sizeof(q->limit), v,
			     parse_long(s, 1, is_log ? LOG_LIMIT_MAX : FLAGS_LIMIT_MAX, &n), errs,
			     "invalid_limit",
			     is_log ? "limit must be 1 to 10000" : "limit must be 1 to 1000");
	else
		errors_add(errs, ERROR_INVALID, "unknown_parameter", v->name, "unknown parameter \"%.40s\"",
			   v->name);
}

bool moderation_list_query_parse(const char *query, bool is_log, struct moderation_list_query *q,
				 struct errors *errs)
{
	struct form f;
	int before = errs->count;

	memset(q, 0, sizeof(*q));
	snprintf(q->status, sizeof(q->status), "open");
	snprintf(q->after, sizeof(q->after), "0");
	snprintf(q->limit, sizeof(q->limit), "%d", is_log ? LOG_LIMIT_DEFAULT : FLAGS_LIMIT_DEFAULT);
	if (!form_parse(query, strlen(query), &f)) /* frees what it parsed */
		return errors_add(errs, ERROR_MALFORMED, "bad_request", NULL,
				  "the query string is malformed");
	for (int i = 0; i < f.count; i++) {
		if (form_get(&f, f.fields[i].name) != &f.fields[i])
			errors_add(errs, ERROR_INVALID, "repeated_parameter", f.fields[i].name,
				   "%.40s is given twice", f.fields[i].name);
		else
			list_param(&f.fields[i], is_log, q, errs);
	}
	form_free(&f);
	if (q->from[0] && q->to[0] && strcmp(q->from, q->to) > 0 && errs->count == before)
		errors_add(errs, ERROR_INVALID, "invalid_range", "from", "from is after to");
	return errs->count == before;
}

/* --- answering ---------------------------------------------------------------------------- */

/* What the codes of the moderation functions' 422 outcomes mean, for people. */
static const struct outcome_text messages[] = {
	{ "self_duplicate", "a proposal cannot be a duplicate of itself" },
	{ "unknown_original", "there is no such proposal in the same consultation" },
	{ "original_is_duplicate", "the original is itself marked as a duplicate: name its original" },
	{ "has_duplicates", "other proposals are marked as duplicates of this one: it cannot become one" },
	{ "required", "of is required: the id of the proposal this one duplicates" },
};

/* Runs one action statement and answers with its outcome. */
static void run_action(struct request *req, const char *statement, int nparams, const char *const *params,
		       const char *not_found)
{
	PGresult *res = db_run(req->db, statement, nparams, params);
	struct outcome o = { 0 };

	if (!res) {
		reply_db_failure(req, req->db, statement);
		return;
	}
	if (outcome_read(res, &o))
		outcome_reply_action(req, &o, "a moderation function", not_found, messages,
				     ARRAY_LEN(messages));
	else
		reply_error(req, 500, "internal", "unexpected answer from the database");
	PQclear(res);
	outcome_free(&o);
	if (req->status == 200)
		log_info("moderation: %s answered %s", statement, req->out.data);
}

static void act(struct request *req, const struct target *path, const char *token_hash)
{
	struct moderation_body body;
	struct errors errs = { .count = 0 };
	unsigned allowed = strcmp(path->action, "duplicate") == 0 ? MODERATION_FIELD_OF
			   : strcmp(path->action, "resolve") == 0 ? MODERATION_FIELD_DECISION
								  : 0;

	if (req->body_len > 0 && !request_content_type_is(req, "application/json")) {
		reply_error(req, 415, "unsupported_media_type", "send application/json");
		return;
	}
	if (!moderation_body_parse(req->body, req->body_len, allowed, &body, &errs)) {
		reply_errors(req, &errs);
		return;
	}
	if (allowed == MODERATION_FIELD_OF && !body.of[0]) {
		errors_add(&errs, ERROR_INVALID, "required", "of",
			   "of is required: the id of the proposal this one duplicates");
		reply_errors(req, &errs);
	} else if (path->resource == PROPOSAL) {
		run_action(req, "moderate_proposal", 5,
			   (const char *[]){ token_hash, path->action, path->id, body.reason,
					     body.of[0] ? body.of : NULL },
			   "no such proposal");
	} else if (path->resource == CAMPAIGN) {
		run_action(req, "moderate_campaign", 4,
			   (const char *[]){ token_hash, path->action, path->id, body.reason },
			   "no such campaign");
	} else {
		run_action(req, "moderation_resolve_flag", 4,
			   (const char *[]){ token_hash, path->id, body.decision, body.reason },
			   "no such flag");
	}
	moderation_body_free(&body);
}

static json_t *nullable_int(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? json_null()
					  : json_integer(strtoll(PQgetvalue(res, row, col), NULL, 10));
}

static json_t *nullable_str(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? json_null() : json_string(PQgetvalue(res, row, col));
}

/* Column order of sql/queries/moderation_log.sql. */
static const char *const log_columns[] = { "id",       "at",       "token_id", "actor",        "role",
					   "action",   "proposal", "campaign", "duplicate_of", "flag",
					   "decision", "affected", "reason",   "sso_subject" };

static void log_csv(struct request *req, const PGresult *res, const struct moderation_list_query *q)
{
	req->status = 200;
	req->out_type = "text/csv; charset=utf-8";
	buf_reset(&req->out);
	if (q->bom)
		buf_puts(&req->out, "\xef\xbb\xbf");
	for (size_t c = 0; c < ARRAY_LEN(log_columns); c++)
		csv_put(&req->out, log_columns[c], c == 0);
	buf_puts(&req->out, "\r\n");
	for (int i = 0; i < PQntuples(res); i++) {
		for (int c = 0; c < (int)ARRAY_LEN(log_columns); c++)
			csv_put(&req->out, PQgetvalue(res, i, c), c == 0);
		buf_puts(&req->out, "\r\n");
	}
	reply_header(req, "Content-Disposition", "attachment; filename=\"kenes-moderation-log.csv\"");
}

static json_t *log_json(const PGresult *res)
{
	json_t *items = json_array();

	for (int i = 0; i < PQntuples(res); i++) {
		json_t *item = json_object();

		/* json_object_set_new steals each new value. */
		json_object_set_new(item, "id", nullable_int(res, i, 0));
		json_object_set_new(item, "at", nullable_str(res, i, 1));
		json_object_set_new(item, "actor",
				    json_pack("{s:o, s:o, s:o, s:o}", "token", nullable_int(res, i, 2),
					      "sso_subject", nullable_str(res, i, 13), "name",
					      nullable_str(res, i, 3), "role", nullable_str(res, i, 4)));
		json_object_set_new(item, "action", nullable_str(res, i, 5));
		json_object_set_new(item, "proposal", nullable_int(res, i, 6));
		json_object_set_new(item, "campaign", nullable_int(res, i, 7));
		json_object_set_new(item, "duplicate_of", nullable_int(res, i, 8));
		json_object_set_new(item, "flag", nullable_int(res, i, 9));
		json_object_set_new(item, "decision", nullable_str(res, i, 10));
		json_object_set_new(item, "affected", nullable_int(res, i, 11));
		json_object_set_new(item, "reason", nullable_str(res, i, 12));
		json_array_append_new(items, item);
	}
	return items;
}

/* The id to pass as ?after= for the next page, when this one is full. */
static json_t *next_after(const PGresult *res, const struct moderation_list_query *q)
{
	int n = PQntuples(res);

	if (n == 0 || n < atoi(q->limit))
		return json_null();
	return json_integer(strtoll(PQgetvalue(res, n - 1, 0), NULL, 10));
}

static void export_log(struct request *req, const struct moderation_list_query *q)
{
	PGresult *res = db_run(
		req->db, "moderation_log", 4,
		(const char *[]){ q->from[0] ? q->from : NULL, q->to[0] ? q->to : NULL, q->after, q->limit });
	json_t *more;

	if (!res) {
		reply_db_failure(req, req->db, "reading the moderation log");
		return;
	}
	more = next_after(res, q);
	if (!json_is_null(more)) {
		char value[32];

		snprintf(value, sizeof(value), "%lld", (long long)json_integer_value(more));
		reply_header(req, "X-Kenes-Next-After", value);
	}
	if (q->csv) {
		log_csv(req, res, q);
		json_decref(more);
	} else {
		reply_json(req, 200,
			   json_pack("{s:s?, s:s?, s:o, s:o}", "from", q->from[0] ? q->from : NULL, "to",
				     q->to[0] ? q->to : NULL, "items", log_json(res), "next_after", more));
	}
	PQclear(res);
}

static void list_flags(struct request *req, const struct moderation_list_query *q)
{
	PGresult *res =
		db_run(req->db, "moderation_flags", 3, (const char *[]){ q->status, q->after, q->limit });
	json_t *items;

	if (!res) {
		reply_db_failure(req, req->db, "listing identity flags");
		return;
	}
	items = json_array();
	for (int i = 0; i < PQntuples(res); i++) {
		json_t *item = json_loads(PQgetvalue(res, i, 1), 0, NULL);

		if (item)
			json_array_append_new(items, item);
	}
	reply_json(req, 200,
		   json_pack("{s:s, s:o, s:o}", "status", q->status, "items", items, "next_after",
			     next_after(res, q)));
	PQclear(res);
}

/* GET proposals/{id} or campaigns/{id}: one JSON document from the database, or 404. */
static void show_one(struct request *req, const struct target *path)
{
	bool proposal = path->resource == PROPOSAL;
	PGresult *res = db_run(req->db, proposal ? "moderation_proposal" : "moderation_campaign", 1,
			       (const char *[]){ path->id });

	if (!res) {
		reply_db_failure(req, req->db,
				 proposal ? "reading a proposal for moderators" : "reading a campaign");
		return;
	}
	if (PQntuples(res) == 1)
		reply_json_text(req, 200, PQgetvalue(res, 0, 0));
	else
		reply_error(req, 404, "not_found", proposal ? "no such proposal" : "no such campaign");
	PQclear(res);
}

void moderation_act_proposal(struct request *req, const struct route_match *m)
{
	act(req, &(struct target){ PROPOSAL, m->id, m->arg }, m->token_hash);
}

void moderation_act_campaign(struct request *req, const struct route_match *m)
{
	act(req, &(struct target){ CAMPAIGN, m->id, m->arg }, m->token_hash);
}

void moderation_resolve(struct request *req, const struct route_match *m)
{
	act(req, &(struct target){ FLAG, m->id, "resolve" }, m->token_hash);
}

static void show(struct request *req, const struct target *t)
{
	if (*req->query)
		reply_error(req, 422, "unknown_parameter", "this resource takes no parameters");
	else
		show_one(req, t);
}

void moderation_proposal(struct request *req, const struct route_match *m)
{
	show(req, &(struct target){ PROPOSAL, m->id, "" });
}

void moderation_campaign(struct request *req, const struct route_match *m)
{
	show(req, &(struct target){ CAMPAIGN, m->id, "" });
}

/* GET flags and GET log (the row's arg "log"): a page of a list, by the query string. */
void moderation_list(struct request *req, const struct route_match *m)
{
	struct moderation_list_query q;
	struct errors errs = { .count = 0 };
	bool is_log = strcmp(m->arg, "log") == 0;

	if (!moderation_list_query_parse(req->query, is_log, &q, &errs))
		reply_errors(req, &errs);
	else if (is_log)
		export_log(req, &q);
	else
		list_flags(req, &q);
}
