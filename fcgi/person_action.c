#include "person_action.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "handlers.h"
#include "outcome.h"
#include "page_proposal.h"
#include "reply.h"
#include "structure.h"

/* A form that cannot be taken gets a page, never JSON: the proposal's page again with errs
 * (proposal borrowed, or read when NULL), or a page with the first error's message. */
static void person_form_refused(struct request *req, const char *id, const struct person_input *in,
				json_t *proposal, struct errors *errs, person_form_again again)
{
	const struct field_error *first = errors_primary(errs);
	json_t *p = proposal ? json_incref(proposal) : NULL;
	char key[64];

	if (!p && handler_structure_ready(req))
		p = handler_read_proposal(req, id);
	if (p) {
		again(req, reply_status_of(first->kind), in, p, errs);
		json_decref(p);
		return;
	}
	snprintf(key, sizeof(key), "err.%s", first->code);
	handler_message_page(req, reply_status_of(first->kind), handler_lang(req, in->ui_lang), "error.title",
			     key);
}

/* The same after a failed database call: 503 `unavailable_code` when it is down, else 500. */
static void person_form_db_failure(struct request *req, const char *id, const struct person_input *in,
				   json_t *proposal, const char *unavailable_code, person_form_again again)
{
	struct errors errs = { .count = 0 };
	bool down = db_last_error(req->db)->unavailable;

	errors_add(&errs, down ? ERROR_UNAVAILABLE : ERROR_INTERNAL, down ? unavailable_code : "internal",
		   NULL, "database failure");
	person_form_refused(req, id, in, proposal, &errs, again);
}

/* The write guard, the structure, the proposal, its consultation and the person: answers
 * and returns false when a step fails; a form's 422 shows the page again. */
static bool person_action_prepare(struct request *req, const char *id, bool is_form,
				  const struct person_input *in, struct errors *errs, person_form_again again,
				  struct person_action *a)
{
	const struct consultation *c;
	bool known;

	a->proposal = NULL;
	if (errs->count && errors_primary(errs)->kind == ERROR_MALFORMED) {
		reply_errors(req, errs);
		return false;
	}
	if (!write_guard_check(req, is_form, in->form_token, &a->guard, errs)) {
		/* An expired form is a person's to fix; a cross-site post is nobody's page. */
		if (is_form && strcmp(errors_primary(errs)->code, "cross_site") != 0)
			person_form_refused(req, id, in, NULL, errs, again);
		else
			reply_errors(req, errs);
		return false;
	}
	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		if (is_form)
			person_form_db_failure(req, id, in, NULL, "unavailable_action", again);
		return false;
	}
	/* A form's errors show the proposal's page again; JSON needs only its consultation. */
	a->proposal = is_form ? handler_fetch_proposal(req, id) : handler_fetch_consultation(req, id);
	if (!a->proposal) {
		if (is_form && req->status == 404)
			handler_message_page(req, 404, handler_lang(req, in->ui_lang), "notfound.title",
					     "notfound.text");
		else if (is_form)
			person_form_db_failure(req, id, in, NULL, "unavailable_action", again);
		return false;
	}
	c = structure_find(json_string_value(json_object_get(a->proposal, "consultation")));
	if (!c) {
		reply_error(req, 404, "not_found", "no such proposal");
		return false;
	}
	write_identity(req, c, in->iin, true, a->who, &known, errs);
	if (!errs->count)
		return true;
	if (is_form)
		person_form_refused(req, id, in, a->proposal, errs, again);
	else
		reply_errors(req, errs);
	return false;
}

/* Reads a person's body: a form, JSON, or nothing when empty_ok; else 415, answered. */
static bool person_action_read_or_reply(struct request *req, bool is_form, bool empty_ok,
					struct person_input *in, struct errors *errs)
{
	if (is_form || request_content_type_is(req, "application/json") || (empty_ok && req->body_len == 0)) {
		person_input_parse(req->body, req->body_len, is_form, in, errs);
		return true;
	}
	reply_error(req, 415, "unsupported_media_type",
		    "send application/json or application/x-www-form-urlencoded");
	return false;
}

void person_form_outcome(struct request *req, const struct person_input *in, json_t *proposal,
			 const struct outcome *o, person_form_again again)
{
	struct errors errs = { .count = 0 };
	char seconds[16];

	if (o->retry_after > 0) {
		snprintf(seconds, sizeof(seconds), "%d", o->retry_after);
		reply_header(req, "Retry-After", seconds);
	}
	errors_add(&errs, reply_class_of(o->status), o->code, NULL, "%s", o->code);
	again(req, o->status, in, proposal, &errs);
}

/* The proposal's page again with errs: its support form, or its "filed in my name" form. */
static void page_again(struct request *req, int status, const struct person_input *in, json_t *proposal,
		       struct errors *errs, bool report_form)
{
	struct buf html;
	const struct consultation *c =
		structure_find(json_string_value(json_object_get(proposal, "consultation")));
	enum lang lang = handler_lang(req, in->ui_lang);

	buf_init(&html, 0);
	if (report_form) {
		/* The report form's IIN field is report_iin: the support form's is iin. */
		for (int i = 0; i < errs->count; i++)
			if (strcmp(errs->list[i].field, "iin") == 0)
				snprintf(errs->list[i].field, sizeof(errs->list[i].field), "report_iin");
		page_proposal_report(&html, lang, c, proposal, errs);
	} else {
		page_proposal(&html, lang, c, proposal, errs, NULL);
	}
	reply_html(req, status, &html);
	buf_free(&html);
}

void person_support_page_again(struct request *req, int status, const struct person_input *in,
			       json_t *proposal, struct errors *errs)
{
	page_again(req, status, in, proposal, errs, false);
}

void person_report_page_again(struct request *req, int status, const struct person_input *in,
			      json_t *proposal, struct errors *errs)
{
	page_again(req, status, in, proposal, errs, true);
}

void person_action_handle(struct request *req, const char *id, bool empty_ok,
			  const struct person_action_kind *kind)
{
	struct person_input in = { 0 };
	struct errors errs = { .count = 0 };
	struct person_action act = { .proposal = NULL };
	struct outcome o = { 0 };
	bool is_form = request_content_type_is(req, "application/x-www-form-urlencoded");

	if (!person_action_read_or_reply(req, is_form, empty_ok, &in, &errs))
		goto out;
	if (!person_action_prepare(req, id, is_form, &in, &errs, kind->again, &act))
		goto out;
	if (!kind->run(req, id, is_form, &in, &act, &o)) {
		if (is_form)
			person_form_db_failure(req, id, &in, act.proposal, kind->unavailable_code,
					       kind->again);
		goto out;
	}
	kind->answer(req, is_form, &in, id, act.proposal, &o);
out:
	json_decref(act.proposal);
	outcome_free(&o);
	person_input_free(&in);
}
