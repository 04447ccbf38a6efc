/*
 * report_identity.c - POST /api/v1/proposals/{id}/report-identity: a person says a proposal
 * was filed in their name without them. They identify themselves as for a support (the IIN
 * under the "iin" policy, the single sign-on under "trusted-header"); the database raises a
 * flag for moderators only when their pseudonym is the proposal's submitter, and answers
 * everyone else with the same 403, which says nothing of who filed it. JSON {"iin": "…"} or
 * the no-JavaScript form on the proposal page (iin, form_token, ui_lang).
 */
#include "report_identity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "form.h"
#include "handlers.h"
#include "jsonbody.h"
#include "log.h"
#include "outcome.h"
#include "page_proposal.h"
#include "person_action.h"
#include "reply.h"
#include "structure.h"
#include "util.h"
#include "write.h"

/* Attempts per person per hour, whatever their answer: each tells whether a proposal was
 * filed with that identity, so a guessed IIN must not be tried against many proposals. */
#define REPORTS_PER_HOUR "10"

static void answer(struct request *req, bool is_form, const struct person_input *in, const char *id,
		   json_t *proposal, const struct outcome *o)
{
	char location[128];

	if (o->status >= 300 && is_form) {
		person_form_outcome(req, in, proposal, o, person_report_page_again);
	} else if (o->status == 403) {
		reply_error(
			req, 403, o->code,
			"this proposal was not filed with your identity: only the person it was filed in the "
			"name of can report it");
	} else if (o->status >= 300) {
		outcome_reply_error(req, o);
	} else if (!is_form) {
		reply_json_text(req, o->status, o->body);
	} else {
		snprintf(location, sizeof(location), "/proposals/%s?lang=%s&done=reported", id,
			 lang_code(handler_lang(req, in->ui_lang)));
		reply_redirect(req, 303, location);
	}
	if (o->status < 300)
		log_info("identity report on proposal %s: %s", id, o->code);
}

static bool run(struct request *req, const char *id, bool is_form, const struct person_input *in,
		const struct person_action *act, struct outcome *o)
{
	(void)in;
	return outcome_run(req, "identity_report", 6,
			   (const char *[]){ id, act->who, is_form ? "web" : "api", act->guard.key,
					     act->guard.hash, REPORTS_PER_HOUR },
			   "recording an identity report", o);
}

static const struct person_action_kind report_kind = {
	.unavailable_code = "unavailable_report",
	.again = person_report_page_again,
	.run = run,
	.answer = answer,
};

void report_identity_handle(struct request *req, const struct route_match *m)
{
	person_action_handle(req, m->id, true, &report_kind);
}
