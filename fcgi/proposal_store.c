#include "proposal_store.h"

#include <stdlib.h>
#include <string.h>

#include "created.h"
#include "outcome.h"

/*
 * One job of kenes.proposal_store_batch (sql/migrations/007) as JSON text without its
 * opening brace: the writer puts {"ord":N, in front. Written directly rather than through a
 * jansson tree (a sixth of the handler's CPU went to jansson). Bytea literals lose "\\x".
 */
static char *store_job(const struct proposal *p, const char *submitter, const char *key, const char *hash,
		       long per_hour, const struct buf *mid, const struct buf *tail)
{
	struct buf b;
	char *job;

	buf_init(&b, 0);
	buf_puts(&b, "\"consultation\":");
	created_json_string(&b, p->consultation->slug);
	created_json_member(&b, "kind", p->kind, false);
	created_json_member(&b, "number", p->number[0] ? p->number : NULL, false);
	created_json_member(&b, "stance", p->stance, false);
	created_json_member(&b, "text", p->text, false);
	created_json_member(&b, "proposed_wording", p->proposed_wording, false);
	created_json_member(&b, "lang", p->lang, false);
	created_json_member(&b, "region", p->region, false);
	created_json_member(&b, "channel", p->channel, false);
	buf_puts(&b, ",\"topics\":[");
	for (int i = 0; i < p->topic_count; i++) {
		if (i)
			buf_putc(&b, ',');
		created_json_string(&b, p->topics[i]);
	}
	/* The version validated against: refused if another became current meanwhile. */
	buf_printf(&b, "],\"version\":%ld", p->version);
	if (submitter) {
		created_json_member(&b, "submitter", submitter + 2, false);
		buf_printf(&b, ",\"per_hour\":%ld", per_hour);
	}
	if (key) {
		/* The stored answer for replays: the same pieces as the 201 sent now. */
		created_json_member(&b, "key", key, false);
		created_json_member(&b, "hash", hash + 2, false);
		created_json_member(&b, "body_mid", mid->data, false);
		created_json_member(&b, "body_tail", tail->data, false);
	}
	buf_putc(&b, '}');
	job = buf_steal(&b);
	buf_free(&b);
	return job;
}

void proposal_job_init(struct proposal_job *j, const struct proposal *p, const char *submitter,
		       const char *key, const char *hash, long per_hour, struct outcome *o)
{
	memset(j, 0, sizeof(*j));
	j->batch.kind = COMMIT_PROPOSALS;
	j->batch.out = o;
	j->batch.key = key;
	j->batch.person = submitter;
	buf_init(&j->mid, 0);
	buf_init(&j->tail, 0);
	created_body_parts(p, &j->mid, &j->tail);
	j->text = store_job(p, submitter, key, hash, per_hour, &j->mid, &j->tail);
	j->batch.job = j->text;
}

bool proposal_job_end(struct proposal_job *j)
{
	struct outcome *o = j->batch.out;

	if (j->batch.stored_ok && o->status == 201 && strcmp(o->code, "created") == 0)
		o->body = created_body(j->batch.id, j->mid.data, j->batch.created_at, j->tail.data);
	free(j->text);
	j->text = NULL;
	buf_free(&j->mid);
	buf_free(&j->tail);
	return j->batch.stored_ok;
}
