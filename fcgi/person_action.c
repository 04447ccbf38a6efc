#include "person_action.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "db.h"
#include "handlers.h"
#include "outcome.h"
#include "page_proposal.h"
#include "reply.h"
#include "structure.h"
#include "util.h"

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

/* The same after a failed database call (error e): 503 `unavailable_code` when it is down,
 * else 500. */
static void person_form_db_failure(struct request *req, const char *id, const struct person_input *in,
				   json_t *proposal, const struct db_error *e, const char *unavailable_code,
				   person_form_again again)
{
	struct errors errs = { .count = 0 };
	bool down = e->unavailable;

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
			person_form_db_failure(req, id, in, NULL, db_last_error(req->db),
					       "unavailable_action", again);
		return false;
	}
	/* A form's errors show the proposal's page again; JSON needs only its consultation. */
	a->proposal = is_form ? handler_fetch_proposal(req, id) : handler_fetch_consultation(req, id);
	if (!a->proposal) {
		if (is_form && req->status == 404)
			handler_message_page(req, 404, handler_lang(req, in->ui_lang), "notfound.title",
					     "notfound.text");
		else if (is_form)
			person_form_db_failure(req, id, in, NULL, db_last_error(req->db),
					       "unavailable_action", again);
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

/*
 * One person's action between its checks and its answer. When the kind makes a batch job
 * of it (supports), the job is handed to the writer (batch.h) and person_call_stored answers
 * after the commit; owned by the hand-off until then.
 */
struct person_call {
	struct request *req;
	const struct person_action_kind *kind;
	char id[24];
	bool is_form;
	struct person_input in;
	struct person_action act;
	struct outcome o;
	struct batch_job job;
	struct buf text; /* the job's */
};

static void person_call_free(struct person_call *c)
{
	json_decref(c->act.proposal);
	outcome_free(&c->o);
	person_input_free(&c->in);
	buf_free(&c->text);
	free(c);
}

/* After the action's statement: its answer, or a form's page when the database failed (e;
 * a JSON request's failure is answered already). */
static void person_call_answer(struct person_call *c, bool ran, const struct db_error *e)
{
	if (ran)
		c->kind->answer(c->req, c->is_form, &c->in, c->id, c->act.proposal, &c->o);
	else if (c->is_form)
		person_form_db_failure(c->req, c->id, &c->in, c->act.proposal, e, c->kind->unavailable_code,
				       c->kind->again);
}

/* batch.h's `done`: the job's batch committed (or failed). */
static void person_call_stored(struct batch_job *job)
{
	struct person_call *c = (struct person_call *)((char *)job - offsetof(struct person_call, job));

	if (!job->stored_ok && !c->is_form)
		reply_db_error(c->req, &job->err, c->kind->what);
	person_call_answer(c, job->stored_ok, &job->err);
	person_call_free(c);
}

void person_action_handle(struct request *req, const char *id, bool empty_ok,
			  const struct person_action_kind *kind)
{
	struct person_call *c = xcalloc(1, sizeof(*c));
	struct errors errs = { .count = 0 };
	bool ran;

	c->req = req;
	c->kind = kind;
	snprintf(c->id, sizeof(c->id), "%s", id);
	c->is_form = request_content_type_is(req, "application/x-www-form-urlencoded");
	buf_init(&c->text, 0);
	if (!person_action_read_or_reply(req, c->is_form, empty_ok, &c->in, &errs))
		goto out;
	if (!person_action_prepare(req, id, c->is_form, &c->in, &errs, kind->again, &c->act))
		goto out;
	if (kind->job && kind->job(req, id, &c->in, &c->act, &c->job, &c->text)) {
		c->job.out = &c->o;
		c->job.req = req;
		c->job.done = person_call_stored;
		batch_hand_off(&c->job); /* c is the hand-off's now */
		return;
	}
	ran = kind->run(req, id, c->is_form, &c->in, &c->act, &c->o);
	person_call_answer(c, ran, db_last_error(req->db));
out:
	person_call_free(c);
}
