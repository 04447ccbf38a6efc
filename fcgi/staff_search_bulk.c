#include "staff_search_bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "handlers.h"
#include "page.h"
#include "reply.h"
#include "staff_moderation.h"
#include "staff_pages.h"
#include "staff_proposals.h"
#include "staff_reports.h"
#include "staff_session.h"
#include "util.h"

#define ID_SIZE 24 /* a bigint's digits (and sign) and its NUL */

/* The matched ids, in one block the size of the cap (ids points into it). */
struct matches {
	char (*text)[ID_SIZE];
	const char **ids;
	int count;
};

static void collect(const char *id, void *arg)
{
	struct matches *mt = arg;

	if (mt->count < STAFF_SEARCH_BULK_MAX) { /* the one past the cap only counts */
		snprintf(mt->text[mt->count], ID_SIZE, "%s", id);
		mt->ids[mt->count] = mt->text[mt->count];
		mt->count++;
	}
}

/* The count, the action and the reason, and a form that asks again with confirm=yes, the
   count and the highest id matched (newer proposals are not part of what was confirmed). */
static void confirm_page(struct request *req, enum lang lang, const struct route_match *m,
			 const struct form *f, const struct matches *mt)
{
	char action_key[40];
	struct buf html;

	snprintf(action_key, sizeof(action_key), "staff.action.%s", form_value(f, "action"));
	staff_page_begin(&html, lang, m, "staff.confirm.title");
	buf_printf(&html, "<p>%s</p>\n<p>%s: <strong>%s</strong>. %s: <strong>%d</strong>.</p>\n<p>%s: ",
		   lang_tr(lang, "staff.bulk.search.legend"), lang_tr(lang, "staff.bulk.action"),
		   lang_tr(lang, action_key), lang_tr(lang, "staff.confirm.count"), mt->count,
		   lang_tr(lang, "staff.bulk.reason"));
	buf_html(&html, form_value(f, "reason"));
	buf_printf(&html, "</p>\n<form method=\"post\" action=\"/staff/moderation/proposals?lang=%s\">\n",
		   lang_code(lang));
	staff_csrf_field(&html, m);
	buf_printf(&html,
		   "<input type=\"hidden\" name=\"scope\" value=\"search\">\n"
		   "<input type=\"hidden\" name=\"count\" value=\"%d\">\n"
		   "<input type=\"hidden\" name=\"upto\" value=\"%s\">\n",
		   mt->count, mt->ids[0]);
	for (const char *const *name = (const char *const[]){ "search", "action", "reason", "of", NULL };
	     *name; name++)
		if (form_value(f, *name)) {
			buf_printf(&html, "<input type=\"hidden\" name=\"%s\" value=\"", *name);
			buf_html(&html, form_value(f, *name));
			buf_puts(&html, "\">\n");
		}
	staff_confirm_end(req, &html, lang, "/staff/proposals");
}

/* The id just above upto (the confirmed highest), so that the search runs "below" it; false
   when upto is not an id. */
static bool bound_above(const char *upto, char out[ID_SIZE])
{
	long n;

	if (!upto || upto[0] == '0' || strlen(upto) > 18 || !parse_long(upto, 1, 999999999999999999L, &n))
		return false;
	snprintf(out, ID_SIZE, "%ld", n + 1);
	return true;
}

/* Runs the form's search and answers: a refusal, the confirmation or the result. */
static void search_bulk(struct request *req, const struct route_match *m, enum lang lang,
			const struct form *f)
{
	const char *search = form_value(f, "search"), *confirm = form_value(f, "confirm");
	bool confirmed = confirm && strcmp(confirm, "yes") == 0;
	struct matches mt = { xcalloc(STAFF_SEARCH_BULK_MAX, ID_SIZE),
			      xcalloc(STAFF_SEARCH_BULK_MAX, sizeof(const char *)), 0 };
	char below[ID_SIZE];
	long expected = -1;
	int total = 0;
	enum staff_search_status st;

	if (!search || !form_value(f, "action") || !form_value(f, "reason") ||
	    !staff_moderation_fields_valid(form_value(f, "action"), form_value(f, "reason"),
					   form_value(f, "of")) ||
	    (confirmed && (!bound_above(form_value(f, "upto"), below) || !form_value(f, "count") ||
			   !parse_long(form_value(f, "count"), 1, STAFF_SEARCH_BULK_MAX, &expected)))) {
		staff_message_page(req, 422, lang, m, "staff.bulk.invalid.title", "staff.bulk.invalid");
		goto out;
	}
	st = staff_proposals_each_id(req, search, m->role, confirmed ? below : NULL, STAFF_SEARCH_BULK_MAX,
				     collect, &mt, &total);
	if (st == STAFF_SEARCH_DB)
		reply_db_failure(req, req->db, "searching proposals for a bulk action");
	else if (st != STAFF_SEARCH_OK)
		staff_message_page(req, 422, lang, m, "staff.bulk.invalid.title", "staff.dash.bad_filter");
	else if (total > STAFF_SEARCH_BULK_MAX)
		staff_message_page(req, 422, lang, m, "staff.bulk.invalid.title",
				   "staff.bulk.search.too_many");
	else if (mt.count == 0)
		staff_message_page(req, 422, lang, m, "staff.bulk.invalid.title", "list.empty");
	else if (!confirmed)
		confirm_page(req, lang, m, f, &mt);
	else if (mt.count != expected) /* the result changed since it was confirmed */
		staff_message_page(req, 409, lang, m, "staff.bulk.invalid.title",
				   "staff.bulk.search.changed");
	else
		staff_moderation_run(req, lang, m, form_value(f, "action"), form_value(f, "reason"),
				     form_value(f, "of"), NULL, mt.ids, mt.count);
out:
	free(mt.text);
	free(mt.ids);
}

bool staff_search_bulk_if_asked(struct request *req, const struct route_match *m)
{
	struct form f = { .count = 0 };
	const struct form_field *scope;
	bool asked;

	/* A body that does not parse is the usual flow's to refuse. */
	asked = form_parse(req->body ? req->body : "", req->body_len, &f) &&
		(scope = form_get(&f, "scope")) && strcmp(scope->value, "search") == 0;
	if (asked)
		search_bulk(req, m, handler_lang(req, NULL), &f);
	form_free(&f);
	return asked;
}
