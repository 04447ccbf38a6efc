/*
 * load.c - how a chunk is stored.
 *
 * The direct path: the rows' targets and topics are resolved to ids (maps read at
 * connection), the chunk's rows already stored are found by their (consultation, source,
 * source_id) through the primary key of kenes.proposal_source (migration 023), ids are drawn
 * as the API's are (kenes.proposal_next_id), and the rest is COPYed straight into
 * kenes.proposal, kenes.proposal_topic and kenes.proposal_source. When that fails (a
 * concurrent import stored some of the rows first, a row the database refuses), the chunk
 * goes through the staging path: COPY into a temporary table, one statement inserting the
 * keys ON CONFLICT DO NOTHING and the proposals of the new ones
 * (sql/import/import_insert.sql); and when that fails
 * too, row by row, so only the bad row is rejected, with the database's reason.
 *
 * Re-importing stores nothing twice, by either path. A lost connection, or a draft whose
 * current version changed during the import, stops it: the chunks committed before stay,
 * and running the import again completes it.
 */
#include "load.h"

#include <libpq-fe.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "structure.h"
#include "util.h"

#define MAX_PARTS  4096
#define MAX_TOPICS 1024

/* A part of a current draft version, or a topic, with its ids: from import_parts.sql. */
struct part_ids {
	char *slug, *kind;
	long number; /* 0 for preamble and general */
	char consultation_id[16], version_id[16], part_id[16];
};

struct topic_ids {
	char *consultation, *slug, *id;
};

/* A queued row: where its COPY text is, and what the flush needs to know about it. */
struct pending {
	long line;
	size_t text_start, text_end; /* "consultation_id\t…\tsource_id" in l->copy, no newline */
	size_t key;                  /* its key "consultation_id\0source\0source_id\0" in l->keys */
	const char *consultation_id; /* borrowed from the part map */
	const char *source;          /* borrowed from the rules */
	const char *topics[PROPOSAL_MAX_TOPICS]; /* topic ids, borrowed from the topic map */
	int topic_count;
	bool stored; /* found stored already: a duplicate */
};

/* A chunk of rows: one is filled by the reading thread while the other is stored. */
struct chunk {
	struct buf copy; /* the rows as COPY text (without their first column) */
	struct buf keys; /* the rows' keys */
	struct pending *rows;
	int row_count;
	uint64_t *slots;   /* hash table of row index + 1 by key (0: empty) */
	long long repeats; /* rows dropped as repeats of one in the same chunk */
};

struct import_loader {
	struct db *db;
	int chunk_rows;
	import_refused_fn refused;
	void *ctx;
	char started_at[64]; /* the database's now() at connection: created_at of undated rows */
	char versions[256];  /* the current versions the maps were read with */
	struct part_ids parts[MAX_PARTS];
	int part_count;
	struct topic_ids topics[MAX_TOPICS];
	int topic_count;
	struct chunk chunks[2];
	int filling; /* the chunk the reading thread fills */
	size_t slot_count;
	struct buf out; /* what is sent (storing thread) */
	/* The storing thread: it takes `work`, stores it, and sets it back to NULL. */
	pthread_t thread;
	bool thread_started, stop, failed;
	struct chunk *work;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	char fail_reason[512];
	char *sources[IMPORT_MAX_SOURCES];
	int source_count;
	struct import_counts counts;
	/* Look for stored rows before COPYing: off until a COPY meets one (a re-import). */
	bool check_first;
	bool unique_violation; /* the last COPY failed on the unique index */
};

/* "what: the database's reason" into err; false, for `return fail(...)`. */
static bool fail(const struct import_loader *l, const char *what, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s", what, db_last_error(l->db)->message);
	return false;
}

/* Runs statement `name` of sql/import/: its rows, or NULL with the reason in err. */
static PGresult *rows(const struct import_loader *l, const char *name, int nparams, const char *const *params,
		      const char *what, char *err, size_t errlen)
{
	PGresult *res = db_run(l->db, name, nparams, params);

	if (!res)
		fail(l, what, err, errlen);
	return res;
}

/* The current versions (and, the first time, now()); false on failure. */
static bool read_versions(struct import_loader *l, char *versions, size_t len, char *err, size_t errlen)
{
	PGresult *res = rows(l, "import_versions", 0, NULL, "reading the draft versions", err, errlen);

	if (!res)
		return false;
	snprintf(versions, len, "%s", PQgetvalue(res, 0, 0));
	if (!l->started_at[0])
		snprintf(l->started_at, sizeof(l->started_at), "%s", PQgetvalue(res, 0, 1));
	PQclear(res);
	return true;
}

/* The part and topic maps the direct path resolves rows with. */
static bool read_maps(struct import_loader *l, char *err, size_t errlen)
{
	PGresult *res = rows(l, "import_parts", 0, NULL, "reading the parts", err, errlen);

	if (!res)
		return false;
	for (int i = 0; i < PQntuples(res) && l->part_count < MAX_PARTS; i++) {
		struct part_ids *p = &l->parts[l->part_count++];

		p->slug = xstrdup(PQgetvalue(res, i, 0));
		snprintf(p->consultation_id, sizeof(p->consultation_id), "%s", PQgetvalue(res, i, 1));
		snprintf(p->version_id, sizeof(p->version_id), "%s", PQgetvalue(res, i, 2));
		p->kind = xstrdup(PQgetvalue(res, i, 3));
		p->number = atol(PQgetvalue(res, i, 4));
		snprintf(p->part_id, sizeof(p->part_id), "%s", PQgetvalue(res, i, 5));
	}
	PQclear(res);
	res = rows(l, "import_topics", 0, NULL, "reading the topics", err, errlen);
	if (!res)
		return false;
	for (int i = 0; i < PQntuples(res) && l->topic_count < MAX_TOPICS; i++) {
		struct topic_ids *t = &l->topics[l->topic_count++];

		t->consultation = xstrdup(PQgetvalue(res, i, 0));
		t->slug = xstrdup(PQgetvalue(res, i, 1));
		t->id = xstrdup(PQgetvalue(res, i, 2));
	}
	PQclear(res);
	return read_versions(l, l->versions, sizeof(l->versions), err, errlen);
}

static void *storing_thread(void *arg);

/* The first statements of every session: its settings and the staging table. */
static const char *const session_setup[] = { "stage_settings", "stage_create", NULL };

struct import_loader *import_loader_open(const char *url, const char *role, int chunk_rows,
					 import_refused_fn refused, void *ctx, char *err, size_t errlen)
{
	const struct db_options dbo = {
		.url = url,
		.role = role,
		.app_name = "kenes-import",
		.statements = &import_statements,
		.setup = session_setup,
		/* Every statement names its schema; pg_temp last so nothing can shadow pg_catalog. */
		.search_path = "pg_catalog, pg_temp",
		.connect_timeout = 10,
		.statement_timeout = -1,
	};
	struct import_loader *l = xcalloc(1, sizeof(*l));

	l->chunk_rows = chunk_rows;
	l->refused = refused;
	l->ctx = ctx;
	for (l->slot_count = 64; l->slot_count < 2 * (size_t)chunk_rows; l->slot_count *= 2)
		;
	for (int i = 0; i < 2; i++) {
		l->chunks[i].rows = xcalloc((size_t)chunk_rows, sizeof(*l->chunks[i].rows));
		l->chunks[i].slots = xcalloc(l->slot_count, sizeof(*l->chunks[i].slots));
		buf_init(&l->chunks[i].keys, 0);
		buf_init(&l->chunks[i].copy, 0);
	}
	buf_init(&l->out, 0);
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->changed, NULL);
	l->db = db_new(&dbo);
	/* The consultations' structure by the handler's own statement, as the API validates. */
	if (!db_ready(l->db) || !structure_refresh(l->db, 0)) {
		snprintf(err, errlen, "cannot read the consultations: %s",
			 db_last_error(l->db)->message[0] ? db_last_error(l->db)->message
							  : "none is open or closed");
		goto failed;
	}
	if (!read_maps(l, err, errlen))
		goto failed;
	/* From here on the connection belongs to the storing thread (and sources, before it works). */
	if (pthread_create(&l->thread, NULL, storing_thread, l) != 0) {
		snprintf(err, errlen, "cannot start the storing thread");
		goto failed;
	}
	l->thread_started = true;
	return l;
failed:
	import_loader_close(l);
	return NULL;
}

void import_loader_close(struct import_loader *l)
{
	if (!l)
		return;
	if (l->thread_started) {
		pthread_mutex_lock(&l->lock);
		l->stop = true;
		pthread_cond_broadcast(&l->changed);
		pthread_mutex_unlock(&l->lock);
		pthread_join(l->thread, NULL);
	}
	pthread_mutex_destroy(&l->lock);
	pthread_cond_destroy(&l->changed);
	db_free(l->db);
	for (int i = 0; i < 2; i++) {
		buf_free(&l->chunks[i].copy);
		buf_free(&l->chunks[i].keys);
		free(l->chunks[i].slots);
		free(l->chunks[i].rows);
	}
	buf_free(&l->out);
	for (int i = 0; i < l->part_count; i++) {
		free(l->parts[i].slug);
		free(l->parts[i].kind);
	}
	for (int i = 0; i < l->topic_count; i++) {
		free(l->topics[i].consultation);
		free(l->topics[i].slug);
		free(l->topics[i].id);
	}
	for (int i = 0; i < l->source_count; i++)
		free(l->sources[i]);
	free(l);
}

bool import_loader_sources(struct import_loader *l, struct import_rules *rules, char *err, size_t errlen)
{
	PGresult *res = rows(l, "import_sources", 0, NULL, "reading kenes.import_source", err, errlen);

	if (!res)
		return false;
	for (int i = 0; i < PQntuples(res) && l->source_count < IMPORT_MAX_SOURCES; i++)
		l->sources[l->source_count++] = xstrdup(PQgetvalue(res, i, 0));
	PQclear(res);
	for (int i = 0; i < l->source_count; i++)
		rules->sources[i] = l->sources[i];
	rules->source_count = l->source_count;
	return true;
}

/* COPY text: backslash, tab, line feed and carriage return escaped. */
static void copy_text(struct buf *out, const char *s)
{
	const char *run_start = s;

	for (; *s; s++) {
		const char *esc = *s == '\\'   ? "\\\\"
				  : *s == '\t' ? "\\t"
				  : *s == '\n' ? "\\n"
				  : *s == '\r' ? "\\r"
					       : NULL;

		if (!esc)
			continue;
		buf_append(out, run_start, (size_t)(s - run_start));
		buf_puts(out, esc);
		run_start = s + 1;
	}
	buf_append(out, run_start, (size_t)(s - run_start));
}

static void copy_field(struct buf *out, const char *s, bool last)
{
	if (s)
		copy_text(out, s);
	else
		buf_puts(out, "\\N");
	if (!last)
		buf_putc(out, '\t');
}

void import_copy_fields(struct buf *out, const struct import_row *row, const char *consultation_id,
			const char *version_id, const char *part_id, const char *created_at)
{
	const struct proposal *p = &row->p;

	copy_field(out, consultation_id, false);
	copy_field(out, version_id, false);
	copy_field(out, part_id, false);
	copy_field(out, p->stance, false);
	copy_field(out, p->text, false);
	copy_field(out, p->proposed_wording, false);
	copy_field(out, p->lang, false);
	copy_field(out, p->region, false);
	copy_field(out, "import", false);
	copy_field(out, row->has_submitter ? row->submitter : NULL, false);
	copy_field(out, row->submitted_at ? row->submitted_at : created_at, false);
	copy_field(out, row->source, false);
	copy_field(out, row->source_id, true);
}

static const struct part_ids *find_part(const struct import_loader *l, const struct proposal *p)
{
	long number = p->number[0] ? atol(p->number) : 0;

	for (int i = 0; i < l->part_count; i++) {
		const struct part_ids *x = &l->parts[i];

		if (x->number == number && strcmp(x->kind, p->kind) == 0 &&
		    strcmp(x->slug, p->consultation->slug) == 0)
			return x;
	}
	return NULL;
}

static const char *find_topic(const struct import_loader *l, const char *consultation, const char *slug)
{
	for (int i = 0; i < l->topic_count; i++)
		if (strcmp(l->topics[i].slug, slug) == 0 &&
		    strcmp(l->topics[i].consultation, consultation) == 0)
			return l->topics[i].id;
	return NULL;
}

/* FNV-1a over the key's bytes. */
static uint64_t key_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

static const char *key_of(const struct chunk *c, int row)
{
	return c->keys.data + c->rows[row].key;
}

/* The key's length, its three NUL-terminated parts included. */
static size_t key_len(const char *key)
{
	size_t n = 0;

	for (int part = 0; part < 3; part++)
		n += strlen(key + n) + 1;
	return n;
}

/* The row with this key in the chunk, or -1; with row >= 0, remembers `row` under it. */
static int key_find(const struct import_loader *l, struct chunk *c, const char *key, int row)
{
	size_t len = key_len(key), mask = l->slot_count - 1;

	for (size_t i = key_hash(key, len) & mask;; i = (i + 1) & mask) {
		uint64_t at = c->slots[i];

		if (at == 0) {
			if (row >= 0)
				c->slots[i] = (uint64_t)row + 1;
			return -1;
		}
		if (memcmp(key_of(c, (int)at - 1), key, len) == 0)
			return (int)at - 1;
	}
}

/* Marks the rows of one (consultation, source) whose source ids are stored already. */
static bool mark_stored(struct import_loader *l, struct chunk *c, const char *consultation_id,
			const char *source, const struct buf *ids, char *err, size_t errlen)
{
	const char *params[3] = { consultation_id, source, ids->data };
	PGresult *res = rows(l, "import_existing", 3, params, "looking for stored rows", err, errlen);
	struct buf key;

	if (!res)
		return false;
	buf_init(&key, 0);
	for (int i = 0; i < PQntuples(res); i++) {
		int row;

		buf_reset(&key);
		buf_printf(&key, "%s%c%s%c%s", consultation_id, 0, source, 0, PQgetvalue(res, i, 0));
		buf_putc(&key, '\0');
		row = key_find(l, c, key.data, -1);
		if (row >= 0)
			c->rows[row].stored = true;
	}
	buf_free(&key);
	PQclear(res);
	return true;
}

/* Asks once per (consultation, source) in the chunk which of its rows are stored. */
static bool find_stored(struct import_loader *l, struct chunk *c, char *err, size_t errlen)
{
	bool ok = true;
	bool *asked = xcalloc((size_t)c->row_count, sizeof(*asked));
	struct buf ids;

	buf_init(&ids, 0);
	for (int i = 0; i < c->row_count && ok; i++) {
		if (asked[i])
			continue;
		buf_reset(&ids);
		for (int j = i; j < c->row_count; j++) {
			const struct pending *r = &c->rows[j];
			const char *key = key_of(c, j), *id;

			if (asked[j] || r->source != c->rows[i].source ||
			    strcmp(r->consultation_id, c->rows[i].consultation_id) != 0)
				continue;
			asked[j] = true;
			if (ids.len)
				buf_putc(&ids, '\n');
			/* The key's third part: the source id (one clean line, no newline in it). */
			id = key + strlen(key) + 1;
			buf_puts(&ids, id + strlen(id) + 1);
		}
		ok = mark_stored(l, c, c->rows[i].consultation_id, c->rows[i].source, &ids, err, errlen);
	}
	buf_free(&ids);
	free(asked);
	return ok;
}

/* Sends l->out as the data of COPY statement `name`. */
static bool copy_out(struct import_loader *l, const char *name, char *err, size_t errlen)
{
	if (db_copy(l->db, name, l->out.data, l->out.len))
		return true;
	l->unique_violation = strcmp(db_last_error(l->db)->sqlstate, "23505") == 0;
	return fail(l, "COPY", err, errlen);
}

static void row_text(struct buf *out, const struct chunk *c, const struct pending *r)
{
	buf_append(out, c->copy.data + r->text_start, r->text_end - r->text_start);
}

/*
 * The row's key as a line of direct_sources' COPY: the row's first column (consultation_id)
 * and its last two (source, source_id), escaped as they are already, then its id.
 */
static void key_line(struct buf *out, const struct chunk *c, const struct pending *r, const char *id)
{
	const char *s = c->copy.data + r->text_start, *e = c->copy.data + r->text_end;
	const char *first = memchr(s, '\t', (size_t)(e - s)), *last = e;

	for (int tabs = 0; last > first && tabs < 2;)
		tabs += *--last == '\t';
	buf_append(out, s, (size_t)(first - s));
	buf_append(out, last, (size_t)(e - last));
	buf_printf(out, "\t%s\n", id);
}

/*
 * The direct path, inside the caller's transaction: ids drawn for the rows not stored yet
 * (all of them until a COPY has met a stored one), then COPY straight into kenes.proposal,
 * kenes.proposal_topic and kenes.proposal_source (whose key refuses a stored row).
 */
static bool store_direct(struct import_loader *l, struct chunk *c, long long *stored, char *err,
			 size_t errlen)
{
	char count[16], versions[256];
	int fresh = 0;
	PGresult *ids;
	bool ok;

	if (!read_versions(l, versions, sizeof(versions), err, errlen))
		return false;
	if (strcmp(versions, l->versions) != 0) {
		snprintf(err, errlen,
			 "the draft's current version changed during the import: run it again "
			 "(what is stored is skipped)");
		return false;
	}
	for (int i = 0; i < c->row_count; i++)
		c->rows[i].stored = false;
	if (l->check_first && !find_stored(l, c, err, errlen))
		return false;
	for (int i = 0; i < c->row_count; i++)
		fresh += !c->rows[i].stored;
	*stored = fresh;
	if (fresh == 0)
		return true;
	snprintf(count, sizeof(count), "%d", fresh);
	ids = rows(l, "import_ids", 1, (const char *[]){ count }, "drawing ids", err, errlen);
	if (!ids)
		return false;
	buf_reset(&l->out);
	for (int i = 0, k = 0; i < c->row_count; i++)
		if (!c->rows[i].stored) {
			buf_printf(&l->out, "%s\t", PQgetvalue(ids, k++, 0));
			row_text(&l->out, c, &c->rows[i]);
			buf_putc(&l->out, '\n');
		}
	ok = copy_out(l, "direct_copy", err, errlen);
	buf_reset(&l->out);
	for (int i = 0, k = 0; i < c->row_count && ok; i++) {
		if (c->rows[i].stored)
			continue;
		for (int t = 0; t < c->rows[i].topic_count; t++)
			buf_printf(&l->out, "%s\t%s\n", PQgetvalue(ids, k, 0), c->rows[i].topics[t]);
		k++;
	}
	ok = ok && copy_out(l, "direct_topics", err, errlen);
	buf_reset(&l->out);
	for (int i = 0, k = 0; i < c->row_count && ok; i++)
		if (!c->rows[i].stored)
			key_line(&l->out, c, &c->rows[i], PQgetvalue(ids, k++, 0));
	PQclear(ids);
	return ok && copy_out(l, "direct_sources", err, errlen);
}

/* The staging path for rows [first, last): ON CONFLICT decides what is stored already. */
static bool store_staged(struct import_loader *l, struct chunk *c, int first, int last, long long *stored,
			 long long *gone, char *err, size_t errlen)
{
	PGresult *res;
	char *unresolved, *tok, *save = NULL;

	buf_reset(&l->out);
	for (int i = first; i < last; i++) {
		const struct pending *r = &c->rows[i];

		buf_printf(&l->out, "%ld\t", r->line);
		row_text(&l->out, c, r);
		buf_puts(&l->out, "\t{");
		for (int t = 0; t < r->topic_count; t++)
			buf_printf(&l->out, "%s%s", t ? "," : "", r->topics[t]);
		buf_puts(&l->out, "}\n");
	}
	if (!copy_out(l, "stage_copy", err, errlen))
		return false;
	res = rows(l, "import_insert", 0, NULL, "inserting", err, errlen);
	if (!res)
		return false;
	unresolved = xstrdup(PQgetvalue(res, 0, 0));
	*stored = atoll(PQgetvalue(res, 0, 1));
	PQclear(res);
	/* "{12,40}": lines of rows whose draft version is no longer current. */
	*gone = 0;
	for (tok = strtok_r(unresolved + 1, ",}", &save); tok; tok = strtok_r(NULL, ",}", &save)) {
		l->refused(l->ctx, atol(tok), "unknown_target",
			   "the draft's current version changed during the import: import this row again");
		(*gone)++;
	}
	free(unresolved);
	return true;
}

enum path { DIRECT, STAGED };

/* Rows [first, last) of the chunk in one transaction, by either path. */
static bool store(struct import_loader *l, struct chunk *c, enum path path, int first, int last, char *err,
		  size_t errlen)
{
	long long stored = 0, gone = 0;
	bool ok;

	*err = '\0';
	l->unique_violation = false;
	ok = (db_begin(l->db, false) || fail(l, "BEGIN", err, errlen)) &&
	     (path == DIRECT ? store_direct(l, c, &stored, err, errlen)
			     : store_staged(l, c, first, last, &stored, &gone, err, errlen)) &&
	     (db_commit(l->db) || fail(l, "COMMIT", err, errlen));
	if (!ok) {
		db_rollback(l->db);
		return false;
	}
	l->counts.stored += stored;
	l->counts.duplicates += last - first - stored - gone;
	return true;
}

static bool fatal(const struct import_loader *l, const char *err)
{
	return db_last_error(l->db)->unavailable || strstr(err, "current version changed");
}

/*
 * Stores a chunk (storing thread). The direct path first; on a unique violation (rows stored
 * already: a re-import, or a concurrent one) again, looking for stored rows first from now
 * on; when it fails otherwise (a row the database refuses), the staging path with the whole
 * chunk, and when that fails too, row by row, so that only the bad row is rejected.
 */
static bool store_chunk(struct import_loader *l, struct chunk *c, char *err, size_t errlen)
{
	l->counts.duplicates += c->repeats;
	if (c->row_count == 0 || store(l, c, DIRECT, 0, c->row_count, err, errlen))
		return true;
	if (l->unique_violation && !l->check_first && !fatal(l, err)) {
		l->check_first = true;
		if (store(l, c, DIRECT, 0, c->row_count, err, errlen))
			return true;
	}
	if (fatal(l, err))
		return false;
	if (store(l, c, STAGED, 0, c->row_count, err, errlen))
		return true;
	for (int i = 0; i < c->row_count; i++) {
		if (store(l, c, STAGED, i, i + 1, err, errlen))
			continue;
		if (fatal(l, err))
			return false;
		l->refused(l->ctx, c->rows[i].line, "database_refused", err);
	}
	*err = '\0';
	return true;
}

static void chunk_reset(const struct import_loader *l, struct chunk *c)
{
	c->row_count = 0;
	c->repeats = 0;
	buf_reset(&c->copy);
	buf_reset(&c->keys);
	memset(c->slots, 0, l->slot_count * sizeof(*c->slots));
}

static void *storing_thread(void *arg)
{
	struct import_loader *l = arg;
	char err[512];

	pthread_mutex_lock(&l->lock);
	for (;;) {
		while (!l->work && !l->stop)
			pthread_cond_wait(&l->changed, &l->lock);
		if (!l->work)
			break;
		struct chunk *c = l->work;

		pthread_mutex_unlock(&l->lock);
		bool ok = l->failed || store_chunk(l, c, err, sizeof(err));
		chunk_reset(l, c);
		pthread_mutex_lock(&l->lock);
		if (!ok && !l->failed) {
			l->failed = true;
			snprintf(l->fail_reason, sizeof(l->fail_reason), "%s", err);
		}
		l->work = NULL;
		pthread_cond_broadcast(&l->changed);
	}
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

/* Waits until the storing thread is idle; false (with its reason) when it failed. */
static bool wait_idle(struct import_loader *l, char *err, size_t errlen)
{
	bool ok;

	pthread_mutex_lock(&l->lock);
	while (l->work)
		pthread_cond_wait(&l->changed, &l->lock);
	ok = !l->failed;
	if (!ok)
		snprintf(err, errlen, "%s", l->fail_reason);
	pthread_mutex_unlock(&l->lock);
	return ok;
}

/* Hands the filled chunk to the storing thread and goes on filling the other one. */
static bool hand_over(struct import_loader *l, char *err, size_t errlen)
{
	if (!wait_idle(l, err, errlen))
		return false;
	pthread_mutex_lock(&l->lock);
	l->work = &l->chunks[l->filling];
	pthread_cond_broadcast(&l->changed);
	pthread_mutex_unlock(&l->lock);
	l->filling ^= 1;
	return true;
}

bool import_loader_flush(struct import_loader *l, char *err, size_t errlen)
{
	struct chunk *c = &l->chunks[l->filling];

	if ((c->row_count || c->repeats) && !hand_over(l, err, errlen))
		return false;
	return wait_idle(l, err, errlen);
}

bool import_loader_add(struct import_loader *l, long line, const struct import_row *row, char *err,
		       size_t errlen)
{
	const struct part_ids *part = find_part(l, &row->p);
	struct chunk *c = &l->chunks[l->filling];
	struct pending *r = &c->rows[c->row_count];
	size_t key_start = c->keys.len;

	if (!part) {
		/* Validated against a structure the database no longer has: the draft changed. */
		l->refused(l->ctx, line, "unknown_target", "the current draft has no such part");
		return true;
	}
	buf_printf(&c->keys, "%s%c%s%c%s", part->consultation_id, 0, row->source, 0, row->source_id);
	buf_putc(&c->keys, '\0');
	memset(r, 0, sizeof(*r));
	r->key = key_start;
	if (key_find(l, c, c->keys.data + key_start, c->row_count) >= 0) {
		c->keys.len = key_start; /* a repeat within the chunk: the first one wins */
		c->repeats++;
		return true;
	}
	r->line = line;
	r->consultation_id = part->consultation_id;
	r->source = row->source;
	for (int i = 0; i < row->p.topic_count; i++) {
		const char *id = find_topic(l, row->p.consultation->slug, row->p.topics[i]);

		if (id)
			r->topics[r->topic_count++] = id;
	}
	r->text_start = c->copy.len;
	import_copy_fields(&c->copy, row, part->consultation_id, part->version_id, part->part_id,
			   l->started_at);
	r->text_end = c->copy.len;
	c->row_count++;
	return c->row_count < l->chunk_rows || hand_over(l, err, errlen);
}

const struct import_counts *import_loader_counts(const struct import_loader *l)
{
	return &l->counts;
}
