#include "proposal_store.h"

#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "buf.h"
#include "created.h"
#include "db.h"
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

bool proposal_store(struct db *db, const struct proposal *p, const char *submitter, const char *key,
		    const char *hash, long per_hour, struct outcome *o)
{
	struct batch_job job = { .kind = COMMIT_PROPOSALS, .out = o, .key = key, .person = submitter };
	struct buf mid, tail;
	char *text;

	(void)db; /* stored by the batch writer's own connection */
	buf_init(&mid, 0);
	buf_init(&tail, 0);
	created_body_parts(p, &mid, &tail);
	text = store_job(p, submitter, key, hash, per_hour, &mid, &tail);
	job.job = text;
	batch_run(&job);
	free(text);
	if (!job.stored_ok)
		db_set_error(db, &job.err);
	else if (o->status == 201 && strcmp(o->code, "created") == 0)
		o->body = created_body(job.id, mid.data, job.created_at, tail.data);
	buf_free(&mid);
	buf_free(&tail);
	return job.stored_ok;
}
