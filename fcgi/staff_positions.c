#include "staff_positions.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comparative.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "outcome.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "staff_pages.h"
#include "staff_session.h"
#include "util.h"
#include "widget.h"

#define IDS_MAX       1000 /* proposals one form names: as many as a position page lists */
#define SHOWN_MEMBERS 3    /* a suggestion's members quoted on the list */
#define URL_MAX       160

static const char *const langs[] = { "kk", "ru", "en" };
static const char *const decisions[] = { "accepted", "partly", "not_accepted", "outside_scope" };

/* A short page in the workspace's shell: a text (trusted) and a link back to `back`. */
static void message(struct request *req, int status, enum lang lang, const struct route_match *m,
		    const char *text, const char *back)
{
	struct buf html;

	staff_page_begin(&html, lang, m, "staff.pos.refused");
	buf_printf(&html, "<p>%s</p>\n<p><a href=\"", text);
	buf_html(&html, back);
	buf_printf(&html, "\">%s</a></p>\n", lang_tr(lang, "staff.pos.back"));
	page_end(&html);
	reply_html(req, status, &html);
	buf_free(&html);
}

/* What the database refused, said in the page's language (staff.pos.err.<code> of lang.tsv). */
static void refused(struct request *req, enum lang lang, const struct route_match *m, const struct outcome *o,
		    const char *back)
{
	char key[64];

	snprintf(key, sizeof(key), "staff.pos.err.%s", o->code);
	message(req, o->status >= 400 ? o->status : 500, lang, m,
		lang_tr(lang, lang_tr_complete(key) ? key : "staff.pos.err.other"), back);
}

/* ---- the forms' fields, as the API's body */

/* The ids of every "proposals" field (numbers separated by spaces, commas or '#') and "id"
 * field (checkboxes), as a JSON array (the caller's; NULL when there is none). *bad when one
 * is not an id or there are more than IDS_MAX. */
static json_t *ids_of(const struct form *f, bool *bad)
{
	json_t *ids = json_array();

	*bad = false;
	for (int i = 0; i < f->count && !*bad; i++) {
		const char *s = f->fields[i].value;

		if (strcmp(f->fields[i].name, "proposals") != 0 && strcmp(f->fields[i].name, "id") != 0)
			continue;
		while (*(s += strspn(s, " ,;#\t\r\n")) && !*bad) {
			char *end;
			long long v;

			errno = 0;
			v = strtoll(s, &end, 10);
			*bad = *s < '0' || *s > '9' || errno != 0 || v < 1 || end == s ||
			       (*end && !strchr(" ,;#\t\r\n", *end));
			if (!*bad)
				json_array_append_new(ids, json_integer(v));
			s = end;
		}
	}
	*bad = *bad || json_array_size(ids) > IDS_MAX;
	if (*bad || json_array_size(ids) == 0) {
		json_decref(ids);
		return NULL;
	}
	return ids;
}

/* {"kk","ru","en"} of the fields NAME_kk, NAME_ru, NAME_en the form has: an empty one as ""
 * (which clears it) when clear_empty, else left out. NULL when none is left. */
static json_t *texts_of(const struct form *f, const char *name, bool clear_empty)
{
	json_t *t = json_object();

	for (size_t l = 0; l < ARRAY_LEN(langs); l++) {
		char field[40];
		const struct form_field *v;

		snprintf(field, sizeof(field), "%s_%s", name, langs[l]);
		if ((v = form_get(f, field)) && (*v->value || clear_empty))
			json_object_set_new(t, langs[l], json_string(v->value)); /* steals */
	}
	if (json_object_size(t) == 0) {
		json_decref(t);
		return NULL;
	}
	return t;
}

/* The API's body (docs/POSITIONS.md) of a form's fields, the caller's: what a field does not
 * name is left out, and position_act_as ignores what its action does not read. NULL when a
 * field is malformed (not UTF-8, an id that is not a number). The proposals are *ids. */
static json_t *body_of(const struct form *f, bool edit, json_t **ids)
{
	static const char *const strings[] = { "reason", "consultation", "version",
					       "part",   "decision",     "target" };
	static const char *const numbers[] = { "into", "campaign" };
	static const char *const texts[] = { "label", "summary", "decision_reason" };
	json_t *body = json_object();
	bool bad = false;

	for (size_t i = 0; i < ARRAY_LEN(strings); i++) {
		const char *v = form_value(f, strings[i]);

		if (v && json_object_set_new(body, strings[i], json_string(v)) != 0) /* NULL: not UTF-8 */
			bad = true;
	}
	for (size_t i = 0; i < ARRAY_LEN(numbers); i++) {
		const char *v = form_value(f, numbers[i]);
		long n;

		if (v && parse_long(v, 1, 999999999999999999L, &n))
			json_object_set_new(body, numbers[i], json_integer(n));
		else if (v)
			bad = true;
	}
	for (size_t i = 0; i < ARRAY_LEN(texts); i++) {
		json_t *t = texts_of(f, texts[i], edit);

		if (t && json_object_set_new(body, texts[i], t) != 0)
			bad = true;
	}
	*ids = NULL;
	if (!bad) {
		bool bad_id;

		*ids = ids_of(f, &bad_id);
		bad = bad_id;
	}
	if (bad) {
		json_decref(body);
		return NULL;
	}
	return body;
}

/* ---- the actions */

/* Runs position_act_as for the signed-in person: the session's token, or under the single
 * sign-on its subject and role. False when outcome_run answered (5xx). */
static bool act(struct request *req, const struct route_match *m, const char *action, const char *id,
		const json_t *body, struct outcome *o)
{
	char *text = json_dumps(body, JSON_COMPACT);
	bool sso = staff_session_is_sso(req);
	bool ok = outcome_run(req, "staff_position_act", 6,
			      (const char *[]){ sso ? NULL : m->token_hash, sso ? req->trusted_subject : NULL,
						sso ? req->trusted_role : NULL, action, id, text },
			      "changing a position", o);

	free(text);
	return ok;
}

/* The id of the position an outcome's body is (0 when it is none). */
static long long outcome_position(const struct outcome *o)
{
	json_t *doc = o->body ? json_loads(o->body, 0, NULL) : NULL;
	long long id = json_integer_value(json_object_get(doc, "id"));

	json_decref(doc);
	return id;
}

/* A merge or a split, before it is confirmed: what it will do, and the form again. */
static void confirm_page(struct request *req, enum lang lang, const struct route_match *m,
			 const struct form *f, const json_t *ids)
{
	bool merge = strcmp(m->arg, "merge") == 0;
	char cancel[48];
	struct buf html;

	staff_page_begin(&html, lang, m, "staff.confirm.title");
	if (merge)
		buf_printf(&html, "<p>%s: #%s → #%s</p>\n", lang_tr(lang, "staff.pos.confirm.merge"), m->id,
			   form_value(f, "into") ? form_value(f, "into") : "?");
	else
		buf_printf(&html, "<p>%s: #%s, <strong>%zu</strong></p>\n",
			   lang_tr(lang, "staff.pos.confirm.split"), m->id, json_array_size(ids));
	buf_printf(&html, "<form method=\"post\" action=\"/staff/positions/%s/%s?lang=%s\">\n", m->id, m->arg,
		   lang_code(lang));
	staff_csrf_field(&html, m);
	for (int i = 0; i < f->count; i++) {
		if (strcmp(f->fields[i].name, "csrf") == 0 || strcmp(f->fields[i].name, "confirm") == 0)
			continue;
		buf_puts(&html, "<input type=\"hidden\" name=\"");
		buf_html(&html, f->fields[i].name);
		buf_puts(&html, "\" value=\"");
		buf_html(&html, f->fields[i].value);
		buf_puts(&html, "\">\n");
	}
	snprintf(cancel, sizeof(cancel), "/staff/positions/%s", m->id);
	staff_confirm_end(req, &html, lang, cancel);
}

/* True when the form asks for something: a field besides its token. */
static bool asks(const struct form *f)
{
	for (int i = 0; i < f->count; i++)
		if (strcmp(f->fields[i].name, "csrf") != 0 && strcmp(f->fields[i].name, "confirm") != 0)
			return true;
	return false;
}

/* Where the person goes back to: the position, or for a new one or a suggestion the list. */
static void back_url(char *out, size_t n, enum lang lang, const struct route_match *m, const struct form *f)
{
	const char *c = form_value(f, "consultation");

	if (m->id[0] && strncmp(m->arg, "suggestion_", 11) != 0)
		snprintf(out, n, "/staff/positions/%s?lang=%s", m->id, lang_code(lang));
	else if (c && params_slug_valid(c))
		snprintf(out, n, "/staff/positions?lang=%s&consultation=%s", lang_code(lang), c);
	else
		snprintf(out, n, "/staff/positions?lang=%s", lang_code(lang));
}

void staff_positions_act(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 };
	struct outcome o = { 0 }, placed = { 0 };
	json_t *body = NULL, *ids = NULL;
	const char *confirm;
	char back[URL_MAX], id[24] = "";
	bool create = strcmp(m->arg, "create") == 0;

	if (!form_parse(req->body ? req->body : "", req->body_len, &f)) {
		message(req, 422, lang, m, lang_tr(lang, "staff.pos.err.invalid_body"), "/staff/positions");
		goto out;
	}
	back_url(back, sizeof(back), lang, m, &f);
	confirm = form_value(&f, "confirm");
	if (!asks(&f)) { /* nothing asked for (an empty form): back */
		reply_redirect(req, 303, back);
		goto out;
	}
	if (!(body = body_of(&f, strcmp(m->arg, "edit") == 0, &ids))) {
		message(req, 422, lang, m, lang_tr(lang, "staff.pos.err.invalid_body"), back);
		goto out;
	}
	if ((strcmp(m->arg, "merge") == 0 || strcmp(m->arg, "split") == 0) &&
	    !(confirm && !strcmp(confirm, "yes"))) {
		confirm_page(req, lang, m, &f, ids);
		goto out;
	}
	if (ids && !create)
		json_object_set(body, "proposals", ids); /* borrows: ids stays ours */
	if (!act(req, m, m->arg, m->id[0] ? m->id : NULL, body, &o))
		goto out;
	if (o.status >= 300) {
		refused(req, lang, m, &o, back);
		goto out;
	}
	if (outcome_position(&o) > 0) {
		snprintf(id, sizeof(id), "%lld", outcome_position(&o));
		snprintf(back, sizeof(back), "/staff/positions/%s?lang=%s", id, lang_code(lang));
	}
	/* A new position with proposals: placed in a second step, logged as an assignment. */
	if (create && ids) {
		json_t *assign =
			json_pack("{sOsO}", "proposals", ids, "reason", json_object_get(body, "reason"));

		if (!act(req, m, "assign", id, assign, &placed)) {
			json_decref(assign);
			goto out;
		}
		json_decref(assign);
		if (placed.status >= 300) {
			refused(req, lang, m, &placed, back);
			goto out;
		}
	}
	reply_redirect(req, 303, back);
out:
	outcome_free(&placed);
	outcome_free(&o);
	json_decref(ids);
	json_decref(body);
	form_free(&f);
}

/* ---- the forms */

/* Opens a form posted to `path` (under /staff/positions) in a section `form` (an id on the
 * page) headed by lang_tr(title_key), with the session's CSRF token. */
static void form_open(struct buf *b, enum lang lang, const struct route_match *m, const char *path,
		      const char *title_key, const char *form)
{
	buf_printf(b,
		   "<section class=\"action\" id=\"%s\"><h2>%s</h2>\n<form method=\"post\" "
		   "action=\"/staff/positions%s?lang=%s\">\n",
		   form, lang_tr(lang, title_key), path, lang_code(lang));
	staff_csrf_field(b, m);
}

/* form_open for an action on the position of m: /staff/positions/{id}/{action}. */
static void action_open(struct buf *b, enum lang lang, const struct route_match *m, const char *action)
{
	char path[48], key[48];

	snprintf(path, sizeof(path), "/%s/%s", m->id, action);
	snprintf(key, sizeof(key), "staff.pos.act.%s", action);
	form_open(b, lang, m, path, key, action);
}

/* The reason (for the log) and the submit button, and the end of the form. */
static void form_close_plain(struct buf *b, enum lang lang, const char *form)
{
	buf_printf(b,
		   "<div class=\"field\"><label for=\"%s-reason\">%s</label><input id=\"%s-reason\" "
		   "name=\"reason\" required maxlength=\"1000\" size=\"40\"></div>\n"
		   "<p><button type=\"submit\">%s</button></p>\n</form>\n",
		   form, lang_tr(lang, "staff.pos.reason"), form, lang_tr(lang, "staff.pos.submit"));
}

/* form_close_plain, and the end of form_open's section. */
static void form_close(struct buf *b, enum lang lang, const char *form)
{
	form_close_plain(b, lang, form);
	buf_puts(b, "</section>\n");
}

/* An input (or a textarea when rows > 0) named `name` with its label, its id unique on the page. */
static void field(struct buf *b, const char *form, const char *name, const char *label, const char *value,
		  int rows)
{
	buf_printf(b, "<div class=\"field\"><label for=\"%s-%s\">%s</label>", form, name, label);
	if (rows > 0)
		buf_printf(b, "<textarea id=\"%s-%s\" name=\"%s\" rows=\"%d\" cols=\"60\">", form, name, name,
			   rows);
	else
		buf_printf(b, "<input id=\"%s-%s\" name=\"%s\" size=\"40\" value=\"", form, name, name);
	buf_html(b, value ? value : "");
	buf_puts(b, rows > 0 ? "</textarea></div>\n" : "\"></div>\n");
}

/* One field per language, NAME_kk, NAME_ru and NAME_en, each holding its text of `current`. */
static void text_fields(struct buf *b, enum lang lang, const char *form, const char *name,
			const char *label_key, const json_t *current, int rows)
{
	for (size_t l = 0; l < ARRAY_LEN(langs); l++) {
		char n[40], label[160];

		snprintf(n, sizeof(n), "%s_%s", name, langs[l]);
		snprintf(label, sizeof(label), "%s (%s)", lang_tr(lang, label_key), langs[l]);
		field(b, form, n, label, json_string_value(json_object_get(current, langs[l])), rows);
	}
}

/* The proposals a form names, by id. */
static void ids_field(struct buf *b, enum lang lang, const char *form)
{
	field(b, form, "proposals", lang_tr(lang, "staff.pos.ids"), NULL, 3);
}

/* ---- the list */

static void part_html(struct buf *b, enum lang lang, const json_t *part, const char *slug)
{
	const json_t *positions = json_object_get(part, "positions"), *p;
	size_t i;

	buf_puts(b, "<section class=\"part\"><h2>");
	buf_html(b, comparative_text_in(json_object_get(part, "label"), lang));
	buf_puts(b, " <code>");
	buf_html(b, widget_str((json_t *)part, "part"));
	buf_puts(b, "</code></h2>\n");
	if (json_array_size(positions) > 0) {
		widget_table_head(b, "staff wrap positions",
				  (const char *const[]){ lang_tr(lang, "table.position"),
							 lang_tr(lang, "table.decision"),
							 lang_tr(lang, "table.counts"), NULL });
		buf_puts(b, "\n<tbody>\n");
		json_array_foreach(positions, i, p)
		{
			const char *decision = json_string_value(json_object_get(p, "decision"));
			char key[40];
			long long id = json_integer_value(json_object_get(p, "id"));

			snprintf(key, sizeof(key), "decision.%s", decision ? decision : "none");
			buf_printf(b,
				   "<tr id=\"position-%lld\"><td><a "
				   "href=\"/staff/positions/%lld?lang=%s\">#%lld ",
				   id, id, lang_code(lang), id);
			buf_html(b, comparative_text_in(json_object_get(p, "label"), lang));
			buf_printf(b, "</a></td><td>%s</td>", lang_tr(lang, key));
			comparative_counts_html(b, json_object_get(p, "counts"), lang);
			buf_puts(b, "</tr>\n");
		}
		buf_puts(b, "</tbody></table>\n");
	}
	buf_printf(b,
		   "<p class=\"unplaced\">%s: <a "
		   "href=\"/staff/proposals?lang=%s&amp;consultation=%s&amp;target=",
		   lang_tr(lang, "table.unplaced"), lang_code(lang), slug);
	buf_html(b, widget_str((json_t *)part, "part"));
	buf_printf(b, "&amp;status=published\">%lld</a></p></section>\n",
		   (long long)json_integer_value(json_object_get(part, "unplaced")));
}

static void suggestion_html(struct buf *b, enum lang lang, const struct route_match *m, json_t *s,
			    const char *slug)
{
	long long id = json_integer_value(json_object_get(s, "id"));
	const json_t *member;
	char path[64], form[32];
	size_t i;

	buf_printf(b, "<article class=\"suggestion\" id=\"suggestion-%lld\"><h3>#%lld · <code>", id, id);
	buf_html(b, widget_str(s, "part"));
	buf_printf(b, "</code> · %s: %lld</h3>\n<ul>\n", lang_tr(lang, "table.proposals"),
		   (long long)json_integer_value(json_object_get(s, "proposals")));
	json_array_foreach(json_object_get(s, "members"), i, member)
	{
		if (i >= SHOWN_MEMBERS)
			break;
		buf_printf(b, "<li><a href=\"/staff/proposals/%lld?lang=%s\">#%lld</a> ",
			   (long long)json_integer_value(json_object_get(member, "id")), lang_code(lang),
			   (long long)json_integer_value(json_object_get(member, "id")));
		buf_html(b, widget_str((json_t *)member, "text"));
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ul>\n");
	snprintf(path, sizeof(path), "/suggestions/%lld/accept", id);
	snprintf(form, sizeof(form), "accept-%lld", id);
	form_open(b, lang, m, path, "staff.pos.act.suggestion_accept", form);
	buf_printf(b, "<input type=\"hidden\" name=\"consultation\" value=\"%s\">\n", slug);
	text_fields(b, lang, form, "label", "staff.pos.label", NULL, 0);
	form_close(b, lang, form);
	snprintf(path, sizeof(path), "/suggestions/%lld/reject", id);
	snprintf(form, sizeof(form), "reject-%lld", id);
	form_open(b, lang, m, path, "staff.pos.act.suggestion_reject", form);
	buf_printf(b, "<input type=\"hidden\" name=\"consultation\" value=\"%s\">\n", slug);
	form_close(b, lang, form);
	buf_puts(b, "</article>\n");
}

static void create_form(struct buf *b, enum lang lang, const struct route_match *m, const json_t *doc,
			const char *slug)
{
	const json_t *part;
	size_t i;

	form_open(b, lang, m, "", "staff.pos.act.create", "create");
	buf_printf(
		b,
		"<input type=\"hidden\" name=\"consultation\" value=\"%s\">\n<input type=\"hidden\" "
		"name=\"version\" value=\"%lld\">\n<div class=\"field\"><label for=\"create-part\">%s</label>"
		"<select id=\"create-part\" name=\"part\" required>",
		slug, (long long)json_integer_value(json_object_get(doc, "version")),
		lang_tr(lang, "field.target"));
	json_array_foreach(json_object_get(doc, "parts"), i, part)
	{
		buf_puts(b, "<option value=\"");
		buf_html(b, widget_str((json_t *)part, "part"));
		buf_puts(b, "\">");
		buf_html(b, comparative_text_in(json_object_get(part, "label"), lang));
		buf_puts(b, "</option>");
	}
	buf_puts(b, "</select></div>\n");
	text_fields(b, lang, "create", "label", "staff.pos.label", NULL, 0);
	text_fields(b, lang, "create", "summary", "staff.pos.summary", NULL, 2);
	ids_field(b, lang, "create");
	form_close(b, lang, "create");
}

void staff_positions_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	char slug[64] = "", version[8] = "";
	json_t *doc = NULL, *suggestions = NULL, *s, *part;
	PGresult *res = NULL;
	const char *chosen;
	long n;
	size_t i;
	bool failed;
	struct buf html;

	if (!request_is_get(req)) {
		staff_positions_act(req, m);
		return;
	}
	if ((request_query_param(req, "consultation", slug, sizeof(slug)) && *slug &&
	     !params_slug_valid(slug)) ||
	    (request_query_param(req, "version", version, sizeof(version)) && *version &&
	     (version[0] == '0' || !parse_long(version, 1, 9999, &n)))) {
		message(req, 404, lang, m, lang_tr(lang, "none.consultation"), "/staff/positions");
		goto out;
	}
	doc = comparative_table_read(req, req->db, *slug ? slug : NULL, *version ? version : NULL, &failed);
	if (failed)
		goto out;
	if (!doc) {
		message(req, 404, lang, m, lang_tr(lang, "none.consultation"), "/staff/");
		goto out;
	}
	chosen = widget_str(doc, "consultation"); /* a slug: letters, digits and '-' */
	if (!(res = db_run(req->db, "suggestion_list", 2, (const char *[]){ chosen, NULL }))) {
		reply_db_failure(req, req->db, "listing the suggestions");
		goto out;
	}
	suggestions = PQntuples(res) == 1 ? json_loads(PQgetvalue(res, 0, 0), 0, NULL) : NULL;
	staff_page_begin(&html, lang, m, "staff.pos.title");
	buf_printf(&html, "<p>%s: <strong>", lang_tr(lang, "field.consultation"));
	buf_html(&html, comparative_text_in(json_object_get(doc, "title"), lang));
	buf_printf(&html,
		   "</strong> · %s %lld. %s <a "
		   "href=\"/consultations/%s/comparative-table?version=%lld&amp;lang=%s\">%s</a></p>\n",
		   lang_tr(lang, "table.version"),
		   (long long)json_integer_value(json_object_get(doc, "version")),
		   lang_tr(lang, "staff.pos.intro"), chosen,
		   (long long)json_integer_value(json_object_get(doc, "version")), lang_code(lang),
		   lang_tr(lang, "table.title"));
	json_array_foreach(json_object_get(doc, "parts"), i, part)
	{
		if (json_array_size(json_object_get(part, "positions")) > 0 ||
		    json_integer_value(json_object_get(part, "unplaced")) > 0)
			part_html(&html, lang, part, chosen);
	}
	buf_printf(&html, "<h2 id=\"suggestions\">%s</h2>\n", lang_tr(lang, "staff.pos.suggestions"));
	if (json_array_size(suggestions) == 0)
		buf_printf(&html, "<p>%s</p>\n", lang_tr(lang, "staff.pos.no_suggestions"));
	json_array_foreach(suggestions, i, s) suggestion_html(&html, lang, m, s, chosen);
	create_form(&html, lang, m, doc, chosen);
	page_end(&html);
	reply_html(req, 200, &html);
	buf_free(&html);
out:
	PQclear(res);
	json_decref(suggestions);
	json_decref(doc);
}

/* ---- one position */

static void texts_html(struct buf *b, enum lang lang, const json_t *doc)
{
	static const char *const kinds[] = { "label", "summary" };

	buf_puts(b, "<dl class=\"texts\">");
	for (size_t k = 0; k < ARRAY_LEN(kinds); k++)
		for (size_t l = 0; l < ARRAY_LEN(langs); l++) {
			const char *t =
				json_string_value(json_object_get(json_object_get(doc, kinds[k]), langs[l]));
			char key[40];

			snprintf(key, sizeof(key), "staff.pos.%s", kinds[k]);
			buf_printf(b, "<dt>%s (%s)</dt><dd lang=\"%s\">", lang_tr(lang, key), langs[l],
				   langs[l]);
			buf_html(b, t ? t : "—");
			buf_puts(b, "</dd>");
		}
	buf_puts(b, "</dl>\n");
}

static void decision_html(struct buf *b, enum lang lang, const json_t *doc)
{
	const char *decision = json_string_value(json_object_get(doc, "decision"));
	const json_t *target = json_object_get(doc, "target");
	char key[40];

	snprintf(key, sizeof(key), "decision.%s", decision ? decision : "none");
	buf_printf(b, "<p>%s: <strong>%s</strong>", lang_tr(lang, "table.decision"), lang_tr(lang, key));
	if (json_is_object(target)) {
		buf_printf(b, " · %s: <code>", lang_tr(lang, "table.new_part"));
		buf_html(b, widget_str((json_t *)target, "part"));
		buf_puts(b, "</code>");
	}
	buf_puts(b, "</p>\n<p>");
	buf_html(b, comparative_text_in(json_object_get(doc, "decision_reason"), lang));
	buf_puts(b, "</p>\n");
}

static void members_html(struct buf *b, enum lang lang, const json_t *doc)
{
	const json_t *id;
	size_t i;

	buf_printf(b, "<h2 id=\"members\">%s: %lld</h2>\n<ul class=\"ids\">",
		   lang_tr(lang, "table.proposals"),
		   (long long)json_integer_value(json_object_get(doc, "members")));
	json_array_foreach(json_object_get(doc, "proposals"), i, id)
	{
		buf_printf(b, "<li><a href=\"/staff/proposals/%lld?lang=%s\">#%lld</a></li>",
			   (long long)json_integer_value(id), lang_code(lang),
			   (long long)json_integer_value(id));
	}
	buf_puts(b, "</ul>\n");
	json_array_foreach(json_object_get(doc, "campaigns"), i, id)
	{
		buf_printf(b, "<p>%s #%lld</p>\n", lang_tr(lang, "staff.pos.campaign"),
			   (long long)json_integer_value(json_object_get(id, "campaign")));
	}
}

static void log_html(struct buf *b, enum lang lang, const json_t *doc)
{
	const json_t *e;
	size_t i;

	buf_printf(b, "<h2 id=\"log\">%s</h2>\n", lang_tr(lang, "staff.pos.log"));
	widget_table_head(
		b, "staff wrap log",
		(const char *const[]){ lang_tr(lang, "staff.pos.at"), lang_tr(lang, "staff.pos.who"),
				       lang_tr(lang, "staff.pos.action"), lang_tr(lang, "staff.pos.affected"),
				       lang_tr(lang, "staff.pos.reason"), NULL });
	buf_puts(b, "\n<tbody>\n");
	json_array_foreach(json_object_get(doc, "log"), i, e)
	{
		char key[48];

		snprintf(key, sizeof(key), "staff.pos.act.%s", widget_str((json_t *)e, "action"));
		buf_puts(b, "<tr><td>");
		buf_html(b, widget_str((json_t *)e, "at"));
		buf_puts(b, "</td><td>");
		buf_html(b, widget_str((json_t *)e, "actor"));
		buf_puts(b, " (");
		buf_html(b, widget_str((json_t *)e, "role"));
		buf_printf(b, ")</td><td>%s</td><td>%lld</td><td>", lang_tr(lang, key),
			   (long long)json_integer_value(json_object_get(e, "affected")));
		buf_html(b, widget_str((json_t *)e, "reason"));
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
}

/* The forms of every action on a live position. */
static void action_forms(struct buf *b, enum lang lang, const struct route_match *m, const json_t *doc)
{
	const char *decision = json_string_value(json_object_get(doc, "decision"));
	const json_t *target = json_object_get(doc, "target");

	action_open(b, lang, m, "assign");
	ids_field(b, lang, "assign");
	field(b, "assign", "campaign", lang_tr(lang, "staff.pos.campaign"), NULL, 0);
	form_close(b, lang, "assign");
	action_open(b, lang, m, "unassign");
	ids_field(b, lang, "unassign");
	field(b, "unassign", "campaign", lang_tr(lang, "staff.pos.campaign"), NULL, 0);
	form_close(b, lang, "unassign");
	action_open(b, lang, m, "disposition");
	buf_printf(b,
		   "<div class=\"field\"><label for=\"disposition-decision\">%s</label><select "
		   "id=\"disposition-decision\" name=\"decision\" required>",
		   lang_tr(lang, "table.decision"));
	for (size_t i = 0; i < ARRAY_LEN(decisions); i++) {
		char key[40];

		snprintf(key, sizeof(key), "decision.%s", decisions[i]);
		widget_option(b, decisions[i], lang_tr(lang, key), decision);
	}
	buf_puts(b, "</select></div>\n");
	text_fields(b, lang, "disposition", "decision_reason", "staff.pos.decision_reason",
		    json_object_get(doc, "decision_reason"), 2);
	field(b, "disposition", "target", lang_tr(lang, "staff.pos.target"),
	      json_is_object(target) ? widget_str((json_t *)target, "part") : NULL, 0);
	form_close(b, lang, "disposition");
	action_open(b, lang, m, "edit");
	text_fields(b, lang, "edit", "label", "staff.pos.label", json_object_get(doc, "label"), 0);
	text_fields(b, lang, "edit", "summary", "staff.pos.summary", json_object_get(doc, "summary"), 2);
	form_close(b, lang, "edit");
	action_open(b, lang, m, "split");
	ids_field(b, lang, "split");
	text_fields(b, lang, "split", "label", "staff.pos.label", NULL, 0);
	form_close(b, lang, "split");
	action_open(b, lang, m, "merge");
	field(b, "merge", "into", lang_tr(lang, "staff.pos.into"), NULL, 0);
	form_close(b, lang, "merge");
}

void staff_position_page(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	PGresult *res = db_run(req->db, "position_get", 1, (const char *[]){ m->id });
	json_t *doc = NULL;
	const char *slug;
	struct buf html;

	if (!res) {
		reply_db_failure(req, req->db, "reading a position");
		return;
	}
	if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0) ||
	    !(doc = json_loads(PQgetvalue(res, 0, 0), 0, NULL))) {
		message(req, 404, lang, m, lang_tr(lang, "staff.pos.err.not_found"), "/staff/positions");
		goto out;
	}
	slug = widget_str(doc, "consultation");
	staff_page_begin(&html, lang, m, "staff.pos.one");
	buf_printf(&html,
		   "<p><a href=\"/staff/positions?lang=%s&amp;consultation=%s#position-%s\">%s</a> · #%s · "
		   "%s %lld · <code>",
		   lang_code(lang), slug, m->id, lang_tr(lang, "staff.pos.title"), m->id,
		   lang_tr(lang, "table.version"),
		   (long long)json_integer_value(json_object_get(doc, "version")));
	buf_html(&html, widget_str(doc, "part"));
	buf_puts(&html, "</code></p>\n");
	texts_html(&html, lang, doc);
	decision_html(&html, lang, doc);
	if (json_is_integer(json_object_get(doc, "merged_into"))) {
		long long into = json_integer_value(json_object_get(doc, "merged_into"));

		buf_printf(&html,
			   "<p class=\"merged\">%s <a href=\"/staff/positions/%lld?lang=%s\">#%lld</a></p>\n",
			   lang_tr(lang, "staff.pos.merged_into"), into, lang_code(lang), into);
	}
	members_html(&html, lang, doc);
	if (!json_is_integer(json_object_get(doc, "merged_into")))
		action_forms(&html, lang, m, doc);
	log_html(&html, lang, doc);
	page_end(&html);
	reply_html(req, 200, &html);
	buf_free(&html);
out:
	json_decref(doc);
	PQclear(res);
}

/* ---- a new position from a search's selection */

void staff_positions_selection_begin(struct buf *b, enum lang lang, const struct route_match *m)
{
	buf_printf(b, "<form method=\"post\" action=\"/staff/positions?lang=%s\">\n", lang_code(lang));
	staff_csrf_field(b, m);
}

void staff_positions_selection_end(struct buf *b, enum lang lang, const char *slug, const char *part,
				   const char *version)
{
	char label[40];

	buf_printf(b, "<fieldset class=\"bulk\"><legend>%s</legend>\n",
		   lang_tr(lang, "staff.pos.from_selection"));
	buf_printf(b, "<input type=\"hidden\" name=\"consultation\" value=\"%s\">\n", slug);
	if (version)
		buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%s\">\n", version);
	buf_puts(b, "<input type=\"hidden\" name=\"part\" value=\"");
	buf_html(b, part);
	buf_puts(b, "\">\n");
	snprintf(label, sizeof(label), "label_%s", lang_code(lang));
	field(b, "selection", label, lang_tr(lang, "staff.pos.label"), NULL, 0);
	buf_puts(b, "</fieldset>\n");
	form_close_plain(b, lang, "selection");
}
