#include "staff_flags.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "handlers.h"
#include "outcome.h"
#include "params.h"
#include "reply.h"
#include "staff_pages.h"
#include "staff_session.h"
#include "text.h"
#include "util.h"

#define REASON_MAX 1000 /* bytes, as the moderation log allows */

/* What a moderator may decide, as kenes.moderation_flag_resolve_as takes it, and its label. */
static const char *const decisions[] = { "keep", "hide" };
static const char *const decision_keys[] = { "staff.flags.keep", "staff.action.hide" };

void staff_flags_form(struct buf *b, enum lang lang, const struct route_match *m, const PGresult *flags)
{
	if (PQntuples(flags) == 0)
		return;
	buf_printf(b,
		   "<form method=\"post\" action=\"/staff/moderation/flags?lang=%s\" id=\"resolve\">\n"
		   "<fieldset><legend>%s</legend>\n",
		   lang_code(lang), lang_tr(lang, "staff.flags.resolve"));
	staff_csrf_field(b, m);
	buf_printf(b, "<label>%s <select name=\"flag\">", lang_tr(lang, "staff.flags.flag"));
	for (int i = 0; i < PQntuples(flags); i++) {
		json_t *doc = json_loads(PQgetvalue(flags, i, 1), 0, NULL);

		/* The flag's number, and the proposal's, as the queue above lists it. */
		buf_printf(b, "<option value=\"%s\">%s · %s %lld</option>", PQgetvalue(flags, i, 0),
			   PQgetvalue(flags, i, 0), lang_tr(lang, "staff.flags.proposal"),
			   (long long)json_integer_value(json_object_get(doc, "proposal")));
		json_decref(doc);
	}
	buf_printf(b, "</select></label>\n<label>%s <select name=\"decision\">",
		   lang_tr(lang, "staff.flags.decision"));
	for (size_t i = 0; i < ARRAY_LEN(decisions); i++)
		buf_printf(b, "<option value=\"%s\">%s</option>", decisions[i],
			   lang_tr(lang, decision_keys[i]));
	buf_printf(b,
		   "</select></label>\n<label>%s <input name=\"reason\" required maxlength=\"500\"></label>\n"
		   "<button type=\"submit\">%s</button></fieldset>\n</form>\n",
		   lang_tr(lang, "staff.bulk.reason"), lang_tr(lang, "staff.flags.resolve_button"));
}

/* The form's fields, checked: a flag id, keep or hide, a reason of one clean line. */
static bool fields_valid(const char *flag, const char *decision, const char *reason)
{
	long n;

	return flag && flag[0] != '0' && strlen(flag) <= 18 && parse_long(flag, 1, 999999999999999999L, &n) &&
	       decision && params_one_of(decision, decisions, ARRAY_LEN(decisions)) && reason &&
	       strlen(reason) <= REASON_MAX && text_is_clean_line(reason, strlen(reason));
}

void staff_flags_resolve(struct request *req, const struct route_match *m)
{
	enum lang lang = handler_lang(req, NULL);
	struct form f = { .count = 0 };
	struct outcome o = { 0 };
	const char *flag, *decision, *reason;
	bool sso = staff_session_is_sso(req);
	char location[48];

	snprintf(location, sizeof(location), "/staff/moderation?lang=%s", lang_code(lang));
	if (!form_parse(req->body ? req->body : "", req->body_len, &f)) {
		handler_message_page(req, 422, lang, "staff.bulk.invalid.title", "staff.bulk.invalid");
		goto out;
	}
	flag = form_value(&f, "flag");
	decision = form_value(&f, "decision");
	reason = form_value(&f, "reason");
	if (!flag && !decision && !reason) { /* nothing asked for (an empty form): the queue */
		reply_redirect(req, 303, location);
		goto out;
	}
	if (!fields_valid(flag, decision, reason)) {
		handler_message_page(req, 422, lang, "staff.bulk.invalid.title", "staff.flags.invalid");
		goto out;
	}
	/* A token session acts as its token; under the single sign-on, the trusted subject. */
	if (!outcome_run(req, "staff_resolve_flag", 6,
			 (const char *[]){ sso ? NULL : m->token_hash, sso ? req->trusted_subject : NULL,
					   sso ? req->trusted_role : NULL, flag, decision, reason },
			 "resolving a flag", &o))
		goto out;
	if (o.status == 200)
		reply_redirect(req, 303, location);
	else if (o.status == 404)
		handler_message_page(req, 404, lang, "notfound.title", "staff.flags.unknown");
	else if (o.status == 401)
		handler_message_page(req, 401, lang, "staff.signin.title", "staff.signed_out");
	else
		handler_message_page(req, 403, lang, "staff.forbidden.title", "staff.forbidden");
out:
	outcome_free(&o);
	form_free(&f);
}
