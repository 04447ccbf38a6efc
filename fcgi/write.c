#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csrf.h"
#include "db.h"
#include "form.h"
#include "handlers.h"
#include "jsonbody.h"
#include "log.h"
#include "util.h"

static bool key_ok(const char *key)
{
	size_t n = strlen(key);

	if (n == 0 || n > IDEMPOTENCY_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (key[i] <= ' ' || key[i] >= 127)
			return false;
	return true;
}

bool write_guard_check(const struct request *req, bool is_form, const char *form_token,
		       struct write_guard *g, struct errors *errs)
{
	unsigned char mac[32];
	struct buf msg;

	g->key = NULL;
	if (!csrf_same_origin(req->sec_fetch_site, req->origin, req->host))
		return errors_add(errs, 403, "cross_site", NULL, "cross-site requests are refused");
	if (is_form && csrf_token_check(form_token, time(NULL)) != CSRF_OK)
		return errors_add(errs, 403, "form_expired", NULL,
				  "the form is missing its token or is too old; reload it and submit again");
	if (*req->idempotency_key) {
		if (!key_ok(req->idempotency_key))
			return errors_add(errs, 400, "invalid_idempotency_key", NULL,
					  "Idempotency-Key must be 1 to %d visible ASCII characters",
					  IDEMPOTENCY_KEY_MAX);
		g->key = req->idempotency_key;
	} else if (is_form) {
		g->key = form_token;
	}
	/* Keyed: the body may hold an IIN, which a plain hash would let anyone guess back. */
	buf_init(&msg, 0);
	buf_printf(&msg, "%s\n%s\n%s\n", req->method, req->path, req->content_type ? req->content_type : "");
	buf_append(&msg, req->body ? req->body : "", req->body_len);
	identity_mac("request", (const unsigned char *)msg.data, msg.len, mac);
	buf_free(&msg);
	identity_pseudonym_hex(mac, g->hash);
	return true;
}

static const char *policy_of(const struct consultation *c)
{
	const char *p = json_string_value(json_object_get(json_object_get(c->doc, "identity"), "policy"));
	return p ? p : "iin";
}

bool write_identity(const struct request *req, const struct consultation *c, const char *iin,
		    bool required, char hex[BYTEA_HEX_LEN], bool *known, struct errors *errs)
{
	unsigned char p[PSEUDONYM_BYTES];

	*known = false;
	if (strcmp(policy_of(c), "trusted-header") == 0) {
		if (!*req->trusted_subject) {
			if (required)
				return errors_add(errs, 401, "identity_required", NULL,
						  "sign in first: this consultation identifies people by single sign-on");
			return true;
		}
		identity_pseudonym(c->slug, "sso", req->trusted_subject, p);
	} else {
		enum iin_status st;

		if (!iin || !*iin) {
			if (required)
				return errors_add(errs, 422, "required", "iin", "iin is required");
			return true;
		}
		st = iin_check(iin, time(NULL));
		if (st != IIN_OK)
			return errors_add(errs, 422, "invalid_iin", "iin", "%s", iin_status_message(st));
		identity_pseudonym(c->slug, "iin", iin, p);
	}
	identity_pseudonym_hex(p, hex);
	*known = true;
	return true;
}

bool outcome_read_row(PGresult *res, int row, int col, struct outcome *o)
{
	memset(o, 0, sizeof(*o));
	if (row >= PQntuples(res) || PQnfields(res) < col + 4)
		return false;
	o->status = atoi(PQgetvalue(res, row, col));
	snprintf(o->code, sizeof(o->code), "%s", PQgetvalue(res, row, col + 1));
	if (!PQgetisnull(res, row, col + 2))
		o->body = xstrdup(PQgetvalue(res, row, col + 2));
	o->retry_after = PQgetisnull(res, row, col + 3) ? 0 : atoi(PQgetvalue(res, row, col + 3));
	return o->status >= 100 && o->status < 600;
}

bool outcome_read(PGresult *res, struct outcome *o)
{
	return PQntuples(res) == 1 && outcome_read_row(res, 0, 0, o);
}

void outcome_free(struct outcome *o)
{
	free(o->body);
	o->body = NULL;
}

void reply_outcome_error(struct request *req, const struct outcome *o)
{
	static const struct {
		const char *code;
		const char *message;
	} messages[] = {
		{ "request_in_flight", "a request with this Idempotency-Key is still being processed; retry shortly" },
		{ "idempotency_key_reused", "this Idempotency-Key was used with a different request" },
		{ "rate_limited", "too many requests from this person; retry later" },
		{ "not_found", "no such proposal" },
		{ "consultation_closed", "the consultation is not accepting this any more" },
		{ "unknown_target", "the current draft has no such part" },
	};
	const char *message = "the request could not be completed";
	char seconds[16];

	for (size_t i = 0; i < ARRAY_LEN(messages); i++)
		if (strcmp(messages[i].code, o->code) == 0)
			message = messages[i].message;
	if (o->retry_after > 0) {
		snprintf(seconds, sizeof(seconds), "%d", o->retry_after);
		reply_header(req, "Retry-After", seconds);
	}
	reply_error(req, o->status, o->code, message);
}

void reply_db_failure(struct request *req, const char *what)
{
	const struct db_error *e = db_last_error(req->db);

	if (e->unavailable) {
		log_warn("%s: database unavailable: %s", what, e->message);
		reply_unavailable(req);
	} else {
		log_error("%s: %s %s", what, e->sqlstate, e->message);
		reply_error(req, 500, "internal", "the request could not be completed");
	}
}

void person_input_free(struct person_input *in)
{
	if (in->iin)
		memset(in->iin, 0, strlen(in->iin));
	free(in->iin);
	free(in->form_token);
	free(in->ui_lang);
}

static void person_from_json(const struct request *req, struct person_input *in, struct errors *errs)
{
	json_t *doc, *value;
	const char *key;

	if (req->body_len == 0)
		return;
	doc = jsonbody_parse(req->body, req->body_len, errs);
	if (!doc)
		return;
	json_object_foreach(doc, key, value) {
		if (strcmp(key, "iin") != 0)
			errors_add(errs, 422, "unknown_field", key, "unknown field \"%.40s\"", key);
		else if (!json_is_string(value))
			errors_add(errs, 422, "invalid_type", key, "iin must be a string of 12 digits");
		else
			in->iin = xstrdup(json_string_value(value));
	}
	json_decref(doc);
}

static void person_from_form(const struct request *req, struct person_input *in, struct errors *errs)
{
	struct form f;
	const struct form_field *v;

	if (!form_parse(req->body, req->body_len, &f)) {
		errors_add(errs, 400, "malformed_form", NULL, "malformed form body");
		return;
	}
	/* An IIN with a NUL inside is no IIN: leave it out, and "required" says so. */
	if ((v = form_get(&f, "iin")) && strlen(v->value) == v->value_len)
		in->iin = xstrdup(v->value);
	if ((v = form_get(&f, "form_token")))
		in->form_token = xstrdup(v->value);
	if ((v = form_get(&f, "ui_lang")))
		in->ui_lang = xstrdup(v->value);
	in->withdraw = (v = form_get(&f, "action")) && strcmp(v->value, "withdraw") == 0;
	form_free(&f);
}

void person_input_parse(const struct request *req, bool is_form, struct person_input *in,
			struct errors *errs)
{
	if (is_form)
		person_from_form(req, in, errs);
	else
		person_from_json(req, in, errs);
}

void person_form_refused(struct request *req, const char *id, const struct person_input *in,
			 json_t *proposal, struct errors *errs, person_form_again again)
{
	const struct field_error *first = errors_primary(errs);
	json_t *p = proposal ? json_incref(proposal) : NULL;
	char key[64];

	if (!p && handler_structure_ready(req))
		p = handler_read_proposal(req, id);
	if (p) {
		again(req, first->status, in, p, errs);
		json_decref(p);
		return;
	}
	snprintf(key, sizeof(key), "err.%s", first->code);
	handler_message_page(req, first->status, handler_lang(req, in->ui_lang), "error.title", key);
}

void person_form_db_failure(struct request *req, const char *id, const struct person_input *in,
			    json_t *proposal, const char *unavailable_code, person_form_again again)
{
	struct errors errs = { .count = 0 };
	bool down = db_last_error(req->db)->unavailable;

	errors_add(&errs, down ? 503 : 500, down ? unavailable_code : "internal", NULL, "database failure");
	person_form_refused(req, id, in, proposal, &errs, again);
}

bool person_action_prepare(struct request *req, const char *id, bool is_form,
			   const struct person_input *in, struct errors *errs, person_form_again again,
			   struct person_action *a)
{
	const struct consultation *c;
	bool known;

	a->proposal = NULL;
	if (errs->count && errors_primary(errs)->status == 400) {
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

bool write_run_outcome(struct request *req, const char *name, int nparams, const char *const *values,
		       const char *what, struct outcome *o)
{
	PGresult *res = db_run(req->db, name, nparams, values);
	bool ok;

	if (!res) {
		reply_db_failure(req, what);
		return false;
	}
	ok = outcome_read(res, o);
	PQclear(res);
	if (!ok)
		reply_error(req, 500, "internal", "unexpected answer from the database");
	return ok;
}
