/*
 * browse.c - finding proposals to support: a list per part of the draft (newest or most
 * supported, a page at a time by cursor), as JSON (/api/v1/proposals) or HTML (/proposals), and one
 * proposal's page with its support form (/proposals/{id}).
 */
#include "browse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "handlers.h"
#include "json_text.h"
#include "page_list.h"
#include "page_proposal.h"
#include "reply.h"
#include "structure.h"
#include "util.h"
#include "write.h"

#define PER_PAGE_DEFAULT LIST_PER_PAGE_DEFAULT
#define PER_PAGE_MAX     100
#define PAGE_MAX         1000

/* Reads ?name= as a number in [min, max]; the default when absent; false when bad. */
static bool query_long(const struct request *req, const char *name, long min, long max, long def, long *out)
{
	char v[24];

	*out = def;
	if (!request_query_param(req, name, v, sizeof(v)) || !*v)
		return true;
	return parse_long(v, min, max, out);
}

/* ?version=: a draft version number (kept as its plain digits), or nothing for the current one. */
static bool version_param(struct request *req, struct list_query *q, struct errors *errs)
{
	char v[24];
	long n;

	if (!request_query_param(req, "version", v, sizeof(v)) || !*v)
		return true;
	if (!parse_long(v, 1, 9999, &n))
		return errors_add(errs, ERROR_INVALID, "invalid_version", "version",
				  "version must be a draft version number");
	snprintf(q->version, sizeof(q->version), "%ld", n);
	return true;
}

/*
 * ?after=: the cursor a page handed out for the next one, "n" (newest) or "s" (supported),
 * its sort key, ".", the proposal id. Clients keep it as an opaque string; one from the other
 * sort, or not of this shape, is refused.
 */
static bool after_param(struct request *req, struct list_query *q, struct errors *errs)
{
	char v[64], *dot;
	long long key, id;

	if (!request_query_param(req, "after", v, sizeof(v)) || !*v)
		return true;
	dot = strchr(v, '.');
	if (v[0] != q->sort[0] || !dot || sscanf(v + 1, "%lld", &key) != 1 || key < 0 ||
	    sscanf(dot + 1, "%lld", &id) != 1 || id < 1 || strspn(v + 1, "0123456789.") != strlen(v + 1))
		return errors_add(errs, ERROR_INVALID, "invalid_after", "after",
				  "after is the next_after of the previous page, with the same sort");
	snprintf(q->after_key, sizeof(q->after_key), "%lld", key);
	snprintf(q->after_id, sizeof(q->after_id), "%lld", id);
	return true;
}

/* The target's kind and number on the current version, from the cached structure. */
static bool current_part(struct list_query *q, struct errors *errs)
{
	json_t *part = structure_part(q->consultation, q->target);

	if (!part)
		return errors_add(errs, ERROR_INVALID, "unknown_target", "target",
				  "the current draft has no such part");
	snprintf(q->kind, sizeof(q->kind), "%s", json_string_value(json_object_get(part, "kind")));
	if (json_is_integer(json_object_get(part, "number")))
		snprintf(q->number, sizeof(q->number), "%lld",
			 (long long)json_integer_value(json_object_get(part, "number")));
	return true;
}

static bool list_params(struct request *req, struct list_query *q, struct errors *errs)
{
	char consultation[72] = "";

	memset(q, 0, sizeof(*q));
	request_query_param(req, "consultation", consultation, sizeof(consultation));
	q->consultation = *consultation ? structure_find(consultation) : structure_default();
	if (!q->consultation)
		return errors_add(errs, ERROR_INVALID, "unknown_consultation", "consultation",
				  "no such consultation");
	if (!request_query_param(req, "target", q->target, sizeof(q->target)) || !*q->target)
		return errors_add(errs, ERROR_INVALID, "required", "target",
				  "target is required (preamble, general, section:N or article:N)");
	if (!version_param(req, q, errs))
		return false;
	/* A named version's part is looked up in the database later (version_part_or_reply). */
	if (!q->version[0] && !current_part(q, errs))
		return false;
	if (!request_query_param(req, "sort", q->sort, sizeof(q->sort)) || !*q->sort)
		snprintf(q->sort, sizeof(q->sort), "newest");
	if (strcmp(q->sort, "newest") != 0 && strcmp(q->sort, "supported") != 0)
		return errors_add(errs, ERROR_INVALID, "invalid_sort", "sort", "sort is newest or supported");
	if (!after_param(req, q, errs))
		return false;
	/* page= (an offset) stays for old links; a cursor starts its own count at 1. */
	if (!query_long(req, "page", 1, PAGE_MAX, 1, &q->page))
		return errors_add(errs, ERROR_INVALID, "invalid_page", "page", "page is 1 to %d", PAGE_MAX);
	if (q->after_key[0])
		q->page = 1;
	if (!query_long(req, "per_page", 1, PER_PAGE_MAX, PER_PAGE_DEFAULT, &q->per_page))
		return errors_add(errs, ERROR_INVALID, "invalid_page", "per_page", "per_page is 1 to %d",
				  PER_PAGE_MAX);
	return true;
}

/*
 * With ?version=N: the target's part on that version, from the database, since the cached
 * structure holds the current version only. Replies 422 when the consultation has no such
 * version (naming those it has) or that version no such part, or the database failure;
 * true when q has the part's kind, number and label.
 */
static bool version_part_or_reply(struct request *req, struct list_query *q)
{
	const char *params[2] = { q->consultation->slug, q->target };
	struct errors errs = { .count = 0 };
	char versions[120] = "";
	size_t used = 0;
	int row = -1;
	PGresult *res = db_run(req->db, "proposal_list_part", 2, params);

	if (!res) {
		reply_db_failure(req, req->db, "finding a part of an older draft version");
		return false;
	}
	for (int i = 0; i < PQntuples(res); i++) {
		if (used < sizeof(versions))
			used += (size_t)snprintf(versions + used, sizeof(versions) - used, "%s%s",
						 i ? ", " : "", PQgetvalue(res, i, 0));
		if (strcmp(PQgetvalue(res, i, 0), q->version) == 0)
			row = i;
	}
	if (row < 0)
		errors_add(&errs, ERROR_INVALID, "unknown_version", "version",
			   "consultation \"%s\" has no draft version %s (its versions: %s)",
			   q->consultation->slug, q->version, versions);
	else if (PQgetisnull(res, row, 1))
		errors_add(&errs, ERROR_INVALID, "unknown_target", "target",
			   "version %s of the draft has no part \"%.40s\"", q->version, q->target);
	else {
		snprintf(q->kind, sizeof(q->kind), "%s", PQgetvalue(res, row, 1));
		if (!PQgetisnull(res, row, 2))
			snprintf(q->number, sizeof(q->number), "%s", PQgetvalue(res, row, 2));
		q->part = json_loads(PQgetvalue(res, row, 3), 0, NULL);
	}
	PQclear(res);
	if (errs.count)
		reply_errors(req, &errs);
	return errs.count == 0;
}

/* The page's proposals (one more than asked, to know whether there is a next page), and the
   cursor of its last one in q->next when there is. Rows (sql/queries/proposal_list.sql): for
   JSON the proposal as jsonb text, else the HTML card's columns; then its sort key, its id.
   NULL when the database failed. */
static PGresult *list_fetch(struct request *req, struct list_query *q, bool html)
{
	char limit[24], offset[24];
	const char *params[10] = { q->consultation->slug,
				   q->kind,
				   q->number[0] ? q->number : NULL,
				   q->sort,
				   limit,
				   q->version[0] ? q->version : NULL,
				   q->after_key[0] ? q->after_key : NULL,
				   q->after_id[0] ? q->after_id : NULL,
				   offset,
				   html ? "true" : "false" };
	PGresult *res;

	snprintf(limit, sizeof(limit), "%ld", q->per_page + 1);
	snprintf(offset, sizeof(offset), "%ld", (q->page - 1) * q->per_page);
	res = db_run(req->db, "proposal_list", 10, params);
	if (res && PQntuples(res) > q->per_page) {
		int last = (int)q->per_page - 1;

		snprintf(q->next, sizeof(q->next), "%c%s.%s", q->sort[0], PQgetvalue(res, last, 1),
			 PQgetvalue(res, last, 2));
	}
	return res;
}

/* The page's proposals for the HTML page, `n` of them: the members its cards show, borrowed
   from `res` (xmalloc'ed array; NULL when there are none). */
static struct list_card *list_cards(const PGresult *res, const struct list_query *q, size_t *n)
{
	struct list_card *cards;

	*n = 0;
	if (!res || PQntuples(res) == 0)
		return NULL;
	cards = xmalloc(sizeof(*cards) * (size_t)PQntuples(res));
	for (int i = 0; i < PQntuples(res) && i < q->per_page; i++, (*n)++)
		cards[i] = (struct list_card){ .id = strtoll(PQgetvalue(res, i, 2), NULL, 10),
					       .stance = PQgetvalue(res, i, 3),
					       .text = PQgetvalue(res, i, 4),
					       .supports = strtoll(PQgetvalue(res, i, 5), NULL, 10),
					       .day = PQgetvalue(res, i, 6) };
	return cards;
}

/* The JSON list: its head from Jansson, then the page's documents in the bytes Jansson would
   write for them (json_text.h), so no proposal is parsed into a tree and dumped again. */
static void list_json(struct request *req, const struct list_query *q, const PGresult *res)
{
	json_t *doc = json_pack("{s:s, s:s}", "consultation", q->consultation->slug, "target", q->target);
	char *head;
	struct buf b;

	if (q->version[0]) /* echoed only when asked, so answers without it stay as they were */
		json_object_set_new(doc, "version", json_integer(strtoll(q->version, NULL, 10)));
	json_object_update_new(doc,
			       json_pack("{s:s, s:i, s:i, s:b, s:o}", "sort", q->sort, "page", (int)q->page,
					 "per_page", (int)q->per_page, "has_more", q->next[0] != '\0',
					 "next_after", q->next[0] ? json_string(q->next) : json_null()));
	head = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (!head) {
		reply_error(req, 500, "internal", "the list could not be written");
		return;
	}
	buf_init(&b, 0);
	buf_append(&b, head, strlen(head) - 1); /* "items" goes last, before the closing brace */
	buf_puts(&b, ",\"items\":[");
	for (int i = 0; i < PQntuples(res) && i < q->per_page; i++) {
		if (i)
			buf_putc(&b, ',');
		json_text_compact(&b, PQgetvalue(res, i, 0));
	}
	buf_puts(&b, "]}");
	reply_json_text(req, 200, b.data);
	buf_free(&b);
	free(head);
}

static void list(struct request *req, bool html)
{
	struct list_query q;
	struct errors errs = { .count = 0 };
	PGresult *res = NULL;

	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		return;
	}
	if (!list_params(req, &q, &errs) && !(html && errors_for(&errs, "target") &&
					      strcmp(errors_for(&errs, "target")->code, "required") == 0)) {
		reply_errors(req, &errs);
		return;
	}
	if (q.version[0] && !version_part_or_reply(req, &q))
		goto out;
	/* The HTML list without a target just asks for one. */
	if (q.kind[0] && !(res = list_fetch(req, &q, html))) {
		reply_db_failure(req, req->db, "listing proposals");
		goto out;
	}
	if (html) {
		size_t n;
		struct list_card *cards = list_cards(res, &q, &n);
		struct buf b;

		buf_init(&b, 0);
		page_list(&b, handler_lang(req, NULL), &q, cards, n);
		reply_html(req, 200, &b);
		buf_free(&b);
		free(cards);
	} else {
		list_json(req, &q, res);
	}
out:
	PQclear(res);
	json_decref(q.part);
}

void browse_list(struct request *req, const struct route_match *m)
{
	list(req, strcmp(m->arg, "html") == 0);
}

void browse_proposal_page(struct request *req, const struct route_match *m)
{
	json_t *proposal;
	struct buf b;
	char done[32] = "";
	const char *notice = NULL;
	enum lang lang = handler_lang(req, NULL);

	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		return;
	}
	proposal = handler_fetch_proposal(req, m->id);
	if (!handler_found_or_page(req, proposal))
		return;
	/* After a form's support: which message to show ("created" etc. from support.c). */
	if (request_query_param(req, "done", done, sizeof(done))) {
		if (strcmp(done, "created") == 0)
			notice = "support.done";
		else if (strcmp(done, "already_supported") == 0)
			notice = "support.already";
		else if (strcmp(done, "withdrawn") == 0)
			notice = "support.withdrawn";
		else if (strcmp(done, "not_supported") == 0)
			notice = "support.not_supported";
		else if (strcmp(done, "reported") == 0)
			notice = "report.done";
	}
	buf_init(&b, 0);
	page_proposal(&b, lang, structure_find(json_string_value(json_object_get(proposal, "consultation"))),
		      proposal, NULL, notice);
	reply_html(req, 200, &b);
	buf_free(&b);
	json_decref(proposal);
}
