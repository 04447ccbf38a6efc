/*
 * submit.c - POST /api/v1/proposals: a proposal from the JSON API or the web form.
 *
 * Order matters: malformed bodies (400) and cross-site or token-less forms (403) stop
 * first, then every field rule is checked and reported together (422), then the identity,
 * and only then is the database asked. A 201 (or the form's 303) is sent after the commit.
 */
#include "submit.h"

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

void submit_handle(struct request *req, const struct route_match *m)
{
	struct proposal_input in = { 0 };
	struct proposal p = { 0 };
	struct errors errs = { .count = 0 };
	struct write_guard guard;
	struct outcome o = { 0 };
	bool is_form = request_content_type_is(req, "application/x-www-form-urlencoded");
	bool is_json = request_content_type_is(req, "application/json");
	char who[PSEUDONYM_HEX_LEN];
	bool known = false;

	(void)m;

	if (!is_form && !is_json) {
		reply_error(req, 415, "unsupported_media_type",
			    "send application/json or application/x-www-form-urlencoded");
		goto out;
	}
	in.channel = is_json ? "api" : "web";
	/* Malformed bodies stop here; field problems (422) are gathered with the rest below. */
	(is_json ? proposal_input_from_json : proposal_input_from_form)(req->body, req->body_len, &in, &errs);
	if (!handler_structure_ready(req)) {
		reply_unavailable(req);
		goto out;
	}
	if ((errs.count && errors_primary(&errs)->kind == ERROR_MALFORMED) ||
	    !write_guard_check(req, is_form, in.form_token, &guard, &errs)) {
		refuse(req, is_form, &in, &errs);
		goto out;
	}
	proposal_validate(&in, &p, &errs);
	if (p.consultation)
		write_identity(req, p.consultation, in.iin, proposals_need_identity(p.consultation), who,
			       &known, &errs);
	if (errs.count) {
		refuse(req, is_form, &in, &errs);
		goto out;
	}
	if (!proposal_store(req->db, &p, known ? who : NULL, guard.key, guard.hash,
			    req->settings->proposals_per_hour, &o)) {
		if (is_form && db_last_error(req->db)->unavailable) {
			errors_add(&errs, ERROR_UNAVAILABLE, "unavailable", NULL, "database unavailable");
			reply_header(req, "Retry-After", "2");
			form_again(req, &in, &errs);
		} else {
			reply_db_failure(req, req->db, "storing a proposal");
		}
		goto out;
	}
	if (o.status == 201) {
		accepted(req, is_form, &in, &o);
	} else if (strcmp(o.code, "version_not_current") == 0) {
		/* Another version became current after this worker checked the target. */
		json_t *now = json_loads(o.body ? o.body : "{}", 0, NULL);

		structure_invalidate();
		errors_add(&errs, ERROR_INVALID, "version_not_current", "target",
			   "the draft changed: version %lld is current now; check the target against it and "
			   "send again",
			   (long long)json_integer_value(json_object_get(now, "version")));
		json_decref(now);
		refuse(req, is_form, &in, &errs);
	} else {
		if (strcmp(o.code, "unknown_target") == 0 || strcmp(o.code, "version_not_current") == 0)
			structure_invalidate(); /* the draft changed under our cache */
		log_info("proposal refused by the database: %d %s", o.status, o.code);
		refuse_outcome(req, is_form, &in, &o);
	}
out:
	outcome_free(&o);
	proposal_free(&p);
	proposal_input_free(&in);
}
