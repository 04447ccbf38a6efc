/*
 * support.c - POST /api/v1/proposals/{id}/supports gives a person's support (201, or 200
 * when they already support it); DELETE, or a form post with action=withdraw, takes it back.
 * Supports always need an identity. The JSON body is {"iin": "…"} under the "iin" policy
 * and may be empty under "trusted-header". Supports are stored by the group-commit writer
 * (batch.h) with the other supports of the moment, and answered by it after the commit;
 * withdrawals run on their own.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "created.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "jsonbody.h"
#include "log.h"
#include "outcome.h"
#include "page_proposal.h"
#include "person_action.h"
#include "reply.h"
#include "settings.h"
#include "structure.h"
#include "util.h"
#include "write.h"

static void answer(struct request *req, bool is_form, const struct person_input *in, const char *id,
		   json_t *proposal, const struct outcome *o)
{
	char location[128];

	if (o->status >= 300 && is_form) {
		person_form_outcome(req, in, proposal, o, person_support_page_again);
		return;
	}
	if (o->status >= 300) {
		outcome_reply_error(req, o);
		return;
	}
	log_info("support %s on proposal %s", o->code, id);
	if (!is_form) {
		reply_json_text(req, o->status, o->body);
		return;
	}
	/* A replayed form (sent twice) tells the same story as the first answer. */
	snprintf(location, sizeof(location), "/proposals/%s?lang=%s&done=%s", id,
		 lang_code(handler_lang(req, in->ui_lang)),
		 strcmp(o->code, "replay") != 0 ? o->code
		 : o->status == 201             ? "created"
						: "already_supported");
	reply_redirect(req, 303, location);
}

/*
 * A support as a job of the group-commit writer (kenes.support_store_batch, migration 022):
 * what kenes.support_add took. A withdrawal is not one (false): it runs on its own. `id`
 * is digits (routes.c), so it is a JSON number.
 */
static bool support_job(struct request *req, const char *id, const struct person_input *in,
			const struct person_action *act, struct batch_job *job, struct buf *b)
{
	if (strcmp(req->method, "DELETE") == 0 || in->withdraw)
		return false;
	job->kind = COMMIT_SUPPORTS;
	job->key = act->guard.key;
	job->person = act->who;
	/* Bytea literals lose their "\\x". */
	buf_printf(b, "\"proposal\":%s,\"supporter\":\"%s\",\"hash\":\"%s\",\"per_hour\":%ld", id,
		   act->who + 2, act->guard.hash + 2, req->settings->supports_per_hour);
	if (act->guard.key) {
		buf_puts(b, ",\"key\":");
		created_json_string(b, act->guard.key);
	}
	buf_putc(b, '}');
	job->job = b->data;
	return true;
}

/* A withdrawal. */
static bool run(struct request *req, const char *id, bool is_form, const struct person_input *in,
		const struct person_action *act, struct outcome *o)
{
	(void)is_form;
	(void)in;
	return outcome_run(req, "support_withdraw", 2, (const char *[]){ id, act->who },
			   "recording a support", o);
}

static const struct person_action_kind support_kind = {
	.unavailable_code = "unavailable_support",
	.again = person_support_page_again,
	.run = run,
	.answer = answer,
	.job = support_job,
	.what = "recording a support",
};

void support_handle(struct request *req, const struct route_match *m)
{
	/* A DELETE may come with no body (and no content type) at all. */
	person_action_handle(req, m->id, strcmp(req->method, "DELETE") == 0, &support_kind);
}
