/*
 * submit.c - POST /api/v1/proposals: a proposal from the JSON API or the web form.
 *
 * Order matters: malformed bodies (400) and cross-site or token-less forms (403) stop
 * first, then every field rule is checked and reported together (422), then the identity,
 * and only then is the database asked. A 201 (or the form's 303) is sent after the commit,
 * by the writer thread that committed it (batch.h's hand-off).
 */
#include "submit.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "handlers.h"
#include "log.h"
#include "outcome.h"
#include "page_form.h"
#include "proposal_store.h"
#include "reply.h"
#include "settings.h"
#include "structure.h"
#include "util.h"
#include "write.h"

static void form_again(struct request *req, const struct proposal_input *in, const struct errors *errs)
{
	struct buf html;
	const struct consultation *c = in->consultation ? structure_find(in->consultation) : NULL;
	const struct field_error *first = errors_primary(errs);

	buf_init(&html, 0);
	page_form(&html, handler_lang(req, in->ui_lang), c ? c : structure_default(), in, errs);
	reply_html(req, first ? reply_status_of(first->kind) : 422, &html);
	buf_free(&html);
}

static void refuse(struct request *req, bool is_form, const struct proposal_input *in, struct errors *errs)
{
	const struct field_error *first = errors_primary(errs);

	log_info("proposal refused: %d %s%s%s", reply_status_of(first->kind), first->code,
		 first->field[0] ? " on " : "", first->field);
	/* A malformed or cross-site form post gets the plain error; anything a person can fix
	   gets the form back. */
	if (is_form && first->kind != ERROR_MALFORMED && strcmp(first->code, "cross_site") != 0 &&
	    structure_default())
		form_again(req, in, errs);
	else
		reply_errors(req, errs);
}

static bool proposals_need_identity(const struct consultation *c)
{
	return json_is_true(
		json_object_get(json_object_get(c->doc, "identity"), "proposals_require_identity"));
}

/* The database said no (422, 409, 429): the API gets the JSON error, the form its page. */
static void refuse_outcome(struct request *req, bool is_form, const struct proposal_input *in,
			   const struct outcome *o)
{
	struct errors errs = { .count = 0 };

	if (!is_form) {
		outcome_reply_error(req, o);
		return;
	}
	if (o->retry_after > 0) {
		char seconds[16];

		snprintf(seconds, sizeof(seconds), "%d", o->retry_after);
		reply_header(req, "Retry-After", seconds);
	}
	errors_add(&errs, reply_class_of(o->status),
		   strcmp(o->code, "unknown_target") == 0 ? "unknown_target" : o->code,
		   strcmp(o->code, "unknown_target") == 0 ? "target" : NULL, "%s", o->code);
	form_again(req, in, &errs);
}

static void accepted(struct request *req, bool is_form, const struct proposal_input *in,
		     const struct outcome *o)
{
	long long id = 0;
	char location[96];

	/* Every proposal body, new or replayed, starts with its id (jsonb's key order). */
	if (sscanf(o->body, "{\"id\": %lld", &id) != 1) {
		json_t *doc = json_loads(o->body, 0, NULL);

		id = json_integer_value(json_object_get(doc, "id"));
		json_decref(doc);
	}
	log_info("proposal %lld %s", id, strcmp(o->code, "replay") == 0 ? "replayed" : "stored");
	if (is_form) {
		snprintf(location, sizeof(location), "/proposals/%lld/receipt?lang=%s", id,
			 lang_code(handler_lang(req, in->ui_lang)));
		reply_redirect(req, 303, location);
		return;
	}
	snprintf(location, sizeof(location), "/api/v1/proposals/%lld", id);
	reply_header(req, "Location", location);
	reply_json_text(req, o->status, o->body);
}

/*
 * A proposal between its validation and its answer. The request thread fills it and hands
 * its job to the writer (batch_hand_off); stored() answers after the commit, on the writer
 * or, in the unit tests, on the same thread. Owned by the hand-off until stored() frees it.
 */
struct submission {
	struct request *req;
	struct proposal_input in;
	struct proposal p;
	struct write_guard guard;
	struct outcome o;
	struct proposal_job job;
	bool is_form;
	char who[PSEUDONYM_HEX_LEN];
};

static void submission_free(struct submission *s)
{
	outcome_free(&s->o);
	proposal_free(&s->p);
	proposal_input_free(&s->in);
	free(s);
}

/* What the database said, answered: 201 (the form's 303), a refusal, or 503/500. */
static void answer(struct submission *s)
{
	struct request *req = s->req;
	const struct outcome *o = &s->o;
	struct errors errs = { .count = 0 };

	if (!proposal_job_end(&s->job)) {
		if (s->is_form && s->job.batch.err.unavailable) {
			errors_add(&errs, ERROR_UNAVAILABLE, "unavailable", NULL, "database unavailable");
			reply_header(req, "Retry-After", "2");
			form_again(req, &s->in, &errs);
		} else {
			reply_db_error(req, &s->job.batch.err, "storing a proposal");
		}
		return;
	}
	if (o->status == 201) {
		accepted(req, s->is_form, &s->in, o);
	} else if (strcmp(o->code, "version_not_current") == 0) {
		/* Another version became current after this worker checked the target. */
		json_t *now = json_loads(o->body ? o->body : "{}", 0, NULL);

		structure_invalidate();
		errors_add(&errs, ERROR_INVALID, "version_not_current", "target",
			   "the draft changed: version %lld is current now; check the target against it and "
			   "send again",
			   (long long)json_integer_value(json_object_get(now, "version")));
		json_decref(now);
		refuse(req, s->is_form, &s->in, &errs);
	} else {
		if (strcmp(o->code, "unknown_target") == 0)
			structure_invalidate(); /* the draft changed under our cache */
		log_info("proposal refused by the database: %d %s", o->status, o->code);
		refuse_outcome(req, s->is_form, &s->in, o);
	}
}

/* batch.h's `done`: the batch committed (or failed). */
static void stored(struct batch_job *job)
{
	struct submission *s = (struct submission *)((char *)job - offsetof(struct submission, job.batch));

	answer(s);
	submission_free(s);
}

void submit_handle(struct request *req, const struct route_match *m)
{
	struct submission *s = xcalloc(1, sizeof(*s));
	struct errors errs = { .count = 0 };
	bool is_json = request_content_type_is(req, "application/json");
	bool known = false;

	(void)m;
	s->req = req;
	s->is_form = request_content_type_is(req, "application/x-www-form-urlencoded");
	if (!s->is_form && !is_json) {
		reply_error(req, 415, "unsupported_media_type",
			    "send application/json or application/x-www-form-urlencoded");
		goto refused;
	}
	s->in.channel = is_json ? "api" : "web";
	/* Malformed bodies stop here; field problems (422) are gathered with the rest below. */
	(is_json ? proposal_input_from_json : proposal_input_from_form)(req->body, req->body_len, &s->in,
									&errs);
	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		goto refused;
	}
	if ((errs.count && errors_primary(&errs)->kind == ERROR_MALFORMED) ||
	    !write_guard_check(req, s->is_form, s->in.form_token, &s->guard, &errs)) {
		refuse(req, s->is_form, &s->in, &errs);
		goto refused;
	}
	proposal_validate(&s->in, &s->p, &errs);
	if (s->p.consultation)
		write_identity(req, s->p.consultation, s->in.iin, proposals_need_identity(s->p.consultation),
			       s->who, &known, &errs);
	if (errs.count) {
		refuse(req, s->is_form, &s->in, &errs);
		goto refused;
	}
	proposal_job_init(&s->job, &s->p, known ? s->who : NULL, s->guard.key, s->guard.hash,
			  req->settings->proposals_per_hour, &s->o);
	s->job.batch.req = req;
	s->job.batch.done = stored;
	batch_hand_off(&s->job.batch); /* s is the hand-off's now */
	return;
refused:
	submission_free(s);
}
