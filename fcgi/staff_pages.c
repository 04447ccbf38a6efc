#include "staff_pages.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "csrf.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "log.h"
#include "page.h"
#include "params.h"
#include "reply.h"
#include "settings.h"
#include "staff_session.h"
#include "text.h"
#include "util.h"
#include "widget.h"

#define TOKEN_MAX 200 /* longer than any token: hashed as it is, it can only fail */

static const char *role_key(unsigned role)
{
	return role == AUTH_STAFF     ? "staff.role.staff"
	       : role == AUTH_ANALYST ? "staff.role.analyst"
				      : "staff.role.moderator";
}

static void sign_in_page(struct request *req, int status, enum lang lang, const char *error_key)
{
	struct buf b;

	buf_init(&b, 0);
	page_begin(&b, lang, lang_tr(lang, "staff.signin.title"));
	buf_printf(&b, "<h1>%s</h1>\n", lang_tr(lang, "staff.signin.title"));
	if (error_key)
		buf_printf(&b,
			   "<div class=\"error-summary\" role=\"alert\"><h2>%s</h2><p><a "
			   "href=\"#f-token\">%s</a>"
			   "</p></div>\n",
			   lang_tr(lang, "staff.signin.failed"), lang_tr(lang, error_key));
	buf_printf(&b, "<p>%s</p>\n<form method=\"post\" action=\"/staff/sign-in?lang=%s\">\n",
		   lang_tr(lang, "staff.signin.intro"), lang_code(lang));
	widget_token_field(&b);
	buf_printf(&b,
		   "<div class=\"field\"><label for=\"f-token\">%s</label>\n"
		   "<p class=\"hint\" id=\"f-token-hint\">%s</p>\n"
		   "<input id=\"f-token\" name=\"token\" type=\"password\" autocomplete=\"off\" required "
		   "spellcheck=\"false\" aria-describedby=\"f-token-hint\"%s></div>\n"
		   "<p><button type=\"submit\">%s</button></p>\n</form>\n",
		   lang_tr(lang, "staff.signin.token"), lang_tr(lang, "staff.signin.hint"),
		   error_key ? " aria-invalid=\"true\"" : "", lang_tr(lang, "staff.signin.button"));
	page_end(&b);
	reply_html(req, status, &b);
	buf_free(&b);
}

static void hex_sha256(const char *s, size_t n, char hex[65])
{
	unsigned char hash[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(hash, (const unsigned char *)s, n);
	sodium_bin2hex(hex, 65, hash, sizeof(hash));
}

/* Signs in with the token of the form; answers. */
static void sign_in_post(struct request *req, enum lang lang)
{
	struct form f = { .count = 0 };
	const struct form_field *token, *form_token;
	char id[STAFF_SESSION_ID_LEN + 1], session_hex[65], token_hex[65], failures[24];
	const char *params[4] = { session_hex, token_hex, req->remote_addr, failures };
	PGresult *res = NULL;
	const char *outcome;

	if (!csrf_same_origin(req->sec_fetch_site, req->origin, req->host)) {
		handler_message_page(req, 403, lang, "staff.forbidden.title", "staff.cross_site");
		goto out;
	}
	if (!request_content_type_is(req, "application/x-www-form-urlencoded") ||
	    !form_parse(req->body ? req->body : "", req->body_len, &f) ||
	    !(form_token = form_get(&f, "form_token")) ||
	    csrf_token_check(form_token->value, time(NULL)) != CSRF_OK) {
		handler_message_page(req, 403, lang, "staff.forbidden.title", "staff.csrf");
		goto out;
	}
	token = form_get(&f, "token");
	if (!token || !*token->value) {
		sign_in_page(req, 422, lang, "staff.signin.empty");
		goto out;
	}
	/* What was pasted, without the blanks around it; the hash of anything else fails. */
	{
		const char *t = token->value;
		size_t n = strlen(t);

		while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
			t++, n--;
		while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n' || t[n - 1] == '\r'))
			n--;
		hex_sha256(t, n > TOKEN_MAX ? TOKEN_MAX : n, token_hex);
	}
	staff_session_id_make(id, session_hex);
	snprintf(failures, sizeof(failures), "%ld", req->settings->staff_sign_in_failures);
	res = db_run(req->db, "staff_session_open", 4, params);
	if (!res) {
		reply_db_failure(req, req->db, "signing a staff member in");
		goto out;
	}
	outcome = PQgetvalue(res, 0, 0);
	if (strcmp(outcome, "throttled") == 0) {
		log_info("staff sign-in from %s throttled", req->remote_addr);
		reply_header(req, "Retry-After", "60");
		handler_message_page(req, 429, lang, "staff.signin.title", "staff.signin.throttled");
	} else if (strcmp(outcome, "invalid") == 0) {
		log_info("a staff sign-in from %s failed", req->remote_addr);
		sign_in_page(req, 401, lang, "staff.signin.invalid");
	} else {
		char location[40];

		log_info("a %s signed in to the staff workspace from %s", outcome, req->remote_addr);
		staff_session_set_cookie(req, id);
		/* Moderators have no dashboard: their first page is their account's. */
		snprintf(location, sizeof(location), "/staff/%s?lang=%s",
			 strcmp(outcome, "moderator") == 0 ? "account" : "", lang_code(lang));
		reply_redirect(req, 303, location);
	}
out:
	PQclear(res);
	form_free(&f);
}

void staff_sign_in(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);

	(void)m;
	if (request_is_get(req))
		sign_in_page(req, 200, lang, NULL);
	else
		sign_in_post(req, lang);
}

void staff_sign_out(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	const char *params[2] = { m->token_hash, req->remote_addr };
	PGresult *res = db_run(req->db, "staff_session_close", 2, params);
	char location[40];

	if (!res) {
		reply_db_failure(req, req->db, "signing a staff member out");
		return;
	}
	PQclear(res);
	staff_session_set_cookie(req, "");
	snprintf(location, sizeof(location), "/staff/sign-in?lang=%s", lang_code(lang));
	reply_redirect(req, 303, location);
}

void staff_nav(struct buf *b, enum lang lang, const struct route_match *m)
{
	const char *code = lang_code(lang);

	buf_printf(b, "<nav class=\"staff\" aria-label=\"%s\"><ul>", lang_tr(lang, "staff.nav"));
	if (m->role & (AUTH_ANALYST | AUTH_STAFF))
		buf_printf(b, "<li><a href=\"/staff/?lang=%s\">%s</a></li>", code,
			   lang_tr(lang, "staff.dash.title"));
	if (m->role & (AUTH_ANALYST | AUTH_STAFF)) /* the analysts' query builder */
		buf_printf(b, "<li><a href=\"/staff/query?lang=%s\">%s</a></li>", code,
			   lang_tr(lang, "staff.query.title"));
	if (m->role & AUTH_MODERATOR)
		buf_printf(b, "<li><a href=\"/staff/moderation?lang=%s\">%s</a></li>", code,
			   lang_tr(lang, "staff.moderation.title"));
	if (m->role & AUTH_STAFF) /* positions (fcgi/staff_positions.h) */
		buf_printf(b, "<li><a href=\"/staff/positions?lang=%s\">%s</a></li>", code,
			   lang_tr(lang, "staff.pos.title"));
	if (m->role & AUTH_STAFF) /* reports and the audit log (fcgi/staff_reports.h, staff_audit.h) */
		buf_printf(b,
			   "<li><a href=\"/staff/reports?lang=%s\">%s</a></li><li><a "
			   "href=\"/staff/audit?lang=%s\">%s</a></li>",
			   code, lang_tr(lang, "staff.nav.reports"), code, lang_tr(lang, "staff.nav.audit"));
	buf_printf(b, "<li><a href=\"/staff/account?lang=%s\">%s</a></li>", code,
		   lang_tr(lang, "staff.home.title"));
	buf_printf(b, "<li><form method=\"post\" action=\"/staff/sign-out?lang=%s\">", code);
	staff_csrf_field(b, m);
	buf_printf(b, "<button type=\"submit\">%s</button></form></li></ul></nav>\n",
		   lang_tr(lang, "staff.signout.button"));
}

void staff_page_begin(struct buf *b, enum lang lang, const struct route_match *m, const char *title_key)
{
	buf_init(b, 0);
	page_begin(b, lang, lang_tr(lang, title_key));
	staff_nav(b, lang, m);
	buf_printf(b, "<h1>%s</h1>\n", lang_tr(lang, title_key));
}

bool staff_filter_read(const struct form *f, struct staff_filter *q)
{
	static const char *const stances[] = { "support", "oppose", "amend" };
	long n;

	q->consultation = form_value(f, "consultation");
	q->from = form_value(f, "from");
	q->to = form_value(f, "to");
	q->stance = form_value(f, "stance");
	q->version = form_value(f, "version");
	if (q->stance && strcmp(q->stance, "all") == 0)
		q->stance = NULL;
	return (!q->consultation || params_slug_valid(q->consultation)) &&
	       (!q->from || text_is_date_shaped(q->from)) && (!q->to || text_is_date_shaped(q->to)) &&
	       (!q->from || !q->to || strcmp(q->from, q->to) <= 0) &&
	       (!q->stance || params_one_of(q->stance, stances, ARRAY_LEN(stances))) &&
	       (!q->version || strcmp(q->version, "all") == 0 || strcmp(q->version, "current") == 0 ||
		(q->version[0] != '0' && parse_long(q->version, 1, 9999, &n)));
}

void staff_download_link(struct buf *b, enum lang lang, const char *path, const char *query)
{
	buf_printf(b, "<p><a href=\"%s?lang=%s&amp;format=csv", path, lang_code(lang));
	buf_html(b, query);
	buf_printf(b, "\" download>%s</a></p>\n", lang_tr(lang, "staff.audit.csv"));
}

void staff_next_link(struct buf *b, enum lang lang, const char *path, const char *query, const char *after)
{
	buf_printf(b, "<nav class=\"pages\" aria-label=\"%s\"><a href=\"%s?lang=%s",
		   lang_tr(lang, "nav.pages"), path, lang_code(lang));
	buf_html(b, query);
	buf_printf(b, "&amp;after=%s\">%s</a></nav>\n", after, lang_tr(lang, "list.next"));
}

void staff_confirm_end(struct request *req, struct buf *b, enum lang lang, const char *cancel_path)
{
	buf_printf(b, "<button type=\"submit\" name=\"confirm\" value=\"yes\">%s</button>\n</form>\n",
		   lang_tr(lang, "staff.confirm.button"));
	buf_printf(b, "<p><a href=\"%s?lang=%s\">%s</a></p>\n", cancel_path, lang_code(lang),
		   lang_tr(lang, "staff.confirm.cancel"));
	page_end(b);
	reply_html(req, 200, b);
	buf_free(b);
}

void staff_home(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct buf b;

	buf_init(&b, 0);
	page_begin(&b, lang, lang_tr(lang, "staff.home.title"));
	buf_printf(&b, "<h1>%s</h1>\n<p>%s: <strong>%s</strong></p>\n", lang_tr(lang, "staff.home.title"),
		   lang_tr(lang, "staff.home.role"), lang_tr(lang, role_key(m->role)));
	buf_printf(&b, "<form method=\"post\" action=\"/staff/sign-out?lang=%s\">\n", lang_code(lang));
	staff_csrf_field(&b, m);
	buf_printf(&b, "<p><button type=\"submit\">%s</button></p>\n</form>\n",
		   lang_tr(lang, "staff.signout.button"));
	page_end(&b);
	reply_html(req, 200, &b);
	buf_free(&b);
}
