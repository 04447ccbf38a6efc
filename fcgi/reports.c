#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "reply.h"
#include "params.h"
#include "util.h"

/* A rendering: its ?format= name, its Content-Type, and whether a browser saves it. */
struct format {
	const char *name, *type;
	bool attachment;
};

static const struct format formats[] = {
	{ "html", "text/html; charset=utf-8", true },
	{ "csv", "text/csv; charset=utf-8", true },
	{ "json", "application/json", false },
	{ "md", "text/markdown; charset=utf-8", true },
};

static const char *const parameters[] = { "week", "format", "lang", "consultation", "bom" };

struct report_query {
	const char *kind;         /* "week" or "session" */
	char session[24];         /* the number, for sessions */
	const char *week;         /* NULL: the latest issued */
	const char *consultation; /* NULL: the only one not in draft */
	int format;               /* index into formats */
	const char *lang;
	bool bom;
};

static bool week_shaped(const char *s)
{
	for (int i = 0; i < 8; i++)
		if (i == 4 ? s[i] != '-' : i == 5 ? s[i] != 'W' : s[i] < '0' || s[i] > '9')
			return false;
	return s[8] == '\0' && strcmp(s + 6, "00") != 0 && strcmp(s + 6, "53") <= 0;
}

static void parse_query(const struct form *f, void *query, struct errors *errs)
{
	struct report_query *q = query;
	const struct form_field *v;

	params_check_names(f, parameters, ARRAY_LEN(parameters), strcmp(q->kind, "week") != 0 ? "week" : NULL,
			   errs);
	if ((v = form_get(f, "week")) && *v->value) {
		q->week = v->value;
		if (!week_shaped(q->week))
			errors_add(errs, ERROR_INVALID, "invalid_week", "week",
				   "week must be an ISO week like 2026-W05");
	}
	q->consultation = params_consultation(f, errs);
	if ((v = form_get(f, "format"))) {
		q->format = -1;
		for (size_t k = 0; k < ARRAY_LEN(formats); k++)
			if (strcmp(v->value, formats[k].name) == 0)
				q->format = (int)k;
		if (q->format < 0)
			errors_add(errs, ERROR_INVALID, "invalid_format", "format",
				   "format must be html, csv, json or md");
	}
	q->lang = params_lang(f, "ru", errs);
	q->bom = params_bom(f, errs);
}

/* 404: an unknown session, or a period whose report is not issued yet. */
static void reply_not_issued(struct request *req, const struct report_query *q)
{
	char message[200];
	PGresult *res;

	if (strcmp(q->kind, "week") == 0) {
		snprintf(message, sizeof(message),
			 "no report is issued for %s yet: a week's report is issued by the first refresh "
			 "after it ends",
			 q->week ? q->week : "any week");
		reply_error(req, 404, "not_issued", message);
		return;
	}
	res = db_run(req->read_db, "report_session_known", 2,
		     (const char *[]){ q->consultation, q->session });
	if (!res) {
		reply_db_failure(req, req->read_db, "reading a report");
		return;
	}
	if (strcmp(PQgetvalue(res, 0, 0), "t") == 0) {
		snprintf(message, sizeof(message),
			 "the report of session %s is not issued yet: it is issued by `kenes-aggregator "
			 "report --session %s` "
			 "once the session's date has come",
			 q->session, q->session);
		reply_error(req, 404, "not_issued", message);
	} else {
		snprintf(message, sizeof(message), "there is no session %s", q->session);
		reply_error(req, 404, "not_found", message);
	}
	PQclear(res);
}

bool reports_format_known(const char *name)
{
	for (size_t k = 0; k < ARRAY_LEN(formats); k++)
		if (strcmp(name, formats[k].name) == 0)
			return true;
	return false;
}

void reports_send(struct request *req, const PGresult *res, const char *format, const char *lang,
		  const char *kind, bool bom, bool attachment)
{
	const char *type = "application/octet-stream";
	char etag[80], disposition[200];

	for (size_t k = 0; k < ARRAY_LEN(formats); k++)
		if (strcmp(format, formats[k].name) == 0)
			type = formats[k].type;
	if (strcmp(PQgetvalue(res, 0, 2), "t") != 0) {
		log_error("the stored %s report %s (%s) does not match its SHA-256: it was altered", kind,
			  PQgetvalue(res, 0, 3), format);
		reply_error(req, 500, "report_altered", "the stored report fails its checksum");
		return;
	}
	req->status = 200;
	req->out_type = type;
	buf_reset(&req->out);
	if (bom && strcmp(format, "csv") == 0)
		buf_puts(&req->out, "\xef\xbb\xbf");
	buf_append(&req->out, PQgetvalue(res, 0, 0), (size_t)PQgetlength(res, 0, 0));
	snprintf(etag, sizeof(etag), "\"%s\"", PQgetvalue(res, 0, 1));
	reply_header(req, "ETag", etag);
	reply_header(req, "X-Kenes-Report-Sha256", PQgetvalue(res, 0, 1));
	if (attachment) {
		snprintf(disposition, sizeof(disposition), "attachment; filename=\"kenes-%s-%s-%s-%s.%s\"",
			 PQgetvalue(res, 0, 4), strcmp(kind, "week") == 0 ? "week" : "session",
			 PQgetvalue(res, 0, 3), lang, format);
		reply_header(req, "Content-Disposition", disposition);
	}
}

void reports_handle(struct request *req, const struct route_match *m)
{
	struct report_query q = { .kind = NULL };
	struct form f = { .count = 0 };
	PGresult *res = NULL;
	const char *params[6];

	q.kind = m->arg;
	snprintf(q.session, sizeof(q.session), "%s", m->id);
	if (!params_read_or_reply(req, &f, parse_query, &q))
		goto out;
	params[0] = q.consultation;
	params[1] = q.kind;
	params[2] = strcmp(q.kind, "session") == 0 ? q.session : NULL;
	params[3] = q.week;
	params[4] = formats[q.format].name;
	params[5] = strcmp(formats[q.format].name, "json") == 0 ? "mul" : q.lang;
	res = db_run(req->read_db, "report_get", 6, params);
	if (!res) {
		reply_db_failure(req, req->read_db, "reading a report");
		goto out;
	}
	if (PQntuples(res) == 0) {
		reply_not_issued(req, &q);
		goto out;
	}
	reports_send(req, res, formats[q.format].name, q.lang, q.kind, q.bom, formats[q.format].attachment);
out:
	PQclear(res);
	form_free(&f);
}
