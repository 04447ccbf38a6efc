#include "created.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* PostgreSQL's escape_json (src/backend/utils/adt/json.c): only these are escaped. */
void created_json_string(struct buf *b, const char *s)
{
	const unsigned char *c = (const unsigned char *)s, *run = c;

	buf_putc(b, '"');
	for (; *c; c++) {
		const char *esc;
		char hex[8];

		if (*c >= ' ' && *c != '"' && *c != '\\')
			continue;
		switch (*c) {
		case '\b':
			esc = "\\b";
			break;
		case '\f':
			esc = "\\f";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '"':
			esc = "\\\"";
			break;
		case '\\':
			esc = "\\\\";
			break;
		default:
			snprintf(hex, sizeof(hex), "\\u%04x", *c);
			esc = hex;
		}
		buf_append(b, run, (size_t)(c - run)); /* the plain bytes before it, in one go */
		buf_puts(b, esc);
		run = c + 1;
	}
	buf_append(b, run, (size_t)(c - run));
	buf_putc(b, '"');
}

/* Where a topic stands in the consultation's list (ordered as kenes.topic.ordinal). */
static size_t topic_rank(const struct consultation *c, const char *slug)
{
	json_t *list = json_object_get(c->doc, "topics"), *t;
	size_t i;

	json_array_foreach(list, i, t)
	{
		const char *s = json_string_value(json_object_get(t, "slug"));
		if (s && strcmp(s, slug) == 0)
			return i;
	}
	return json_array_size(list);
}

/* ["a", "b"] in the order proposal_json's jsonb_agg(... ORDER BY t.ordinal) gives. */
static void topics_json(struct buf *b, const struct proposal *p)
{
	const char *sorted[PROPOSAL_MAX_TOPICS];
	size_t rank[PROPOSAL_MAX_TOPICS];
	int n = 0;

	for (int i = 0; i < p->topic_count && n < PROPOSAL_MAX_TOPICS; i++) {
		size_t r = topic_rank(p->consultation, p->topics[i]);
		int j = n++;

		for (; j > 0 && rank[j - 1] > r; j--) {
			sorted[j] = sorted[j - 1];
			rank[j] = rank[j - 1];
		}
		sorted[j] = p->topics[i];
		rank[j] = r;
	}
	buf_putc(b, '[');
	for (int i = 0; i < n; i++) {
		if (i)
			buf_puts(b, ", ");
		created_json_string(b, sorted[i]);
	}
	buf_putc(b, ']');
}

void created_json_member(struct buf *b, const char *key, const char *value, bool spaced)
{
	buf_printf(b, spaced ? ", \"%s\": " : ",\"%s\":", key);
	if (value)
		created_json_string(b, value);
	else
		buf_puts(b, "null");
}

void created_body_parts(const struct proposal *p, struct buf *mid, struct buf *tail)
{
	char target[40];

	snprintf(target, sizeof(target), "%s%s%s", p->kind, p->number[0] ? ":" : "", p->number);
	/* jsonb orders keys by length, then bytes: lang text region stance status target topics
	   channel version supports created_at consultation proposed_wording. */
	created_json_member(mid, "lang", p->lang, true);
	created_json_member(mid, "text", p->text, true);
	created_json_member(mid, "region", p->region, true);
	created_json_member(mid, "stance", p->stance, true);
	created_json_member(mid, "status", "published", true);
	created_json_member(mid, "target", target, true);
	buf_puts(mid, ", \"topics\": ");
	topics_json(mid, p);
	created_json_member(mid, "channel", p->channel, true);
	/* The version validated against, which the database checked was current. */
	buf_printf(mid, ", \"version\": %ld", p->version);
	buf_puts(mid, ", \"supports\": 0, \"created_at\": ");
	created_json_member(tail, "consultation", p->consultation->slug, true);
	created_json_member(tail, "proposed_wording", p->proposed_wording, true);
	buf_putc(tail, '}');
}

char *created_body(long long id, const char *mid, const char *created_at_json, const char *tail)
{
	struct buf b;
	char *body;

	buf_init(&b, 0);
	buf_printf(&b, "{\"id\": %lld", id);
	buf_puts(&b, mid);
	buf_puts(&b, created_at_json);
	buf_puts(&b, tail);
	body = buf_steal(&b);
	buf_free(&b); /* buf_steal leaves an empty buffer behind */
	return body;
}
