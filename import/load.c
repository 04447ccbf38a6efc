#include "load.h"

#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

/* Generated from sql/import/ by the Makefile (common/embed-sql.sh, renamed). */
struct import_query {
	const char *name;
	const char *sql;
};
extern const struct import_query import_queries[];
extern const int import_query_count;

struct import_loader {
	PGconn *conn;
	int chunk_rows;
	import_refused_fn refused;
	void *ctx;
	struct buf copy;     /* the chunk as COPY text */
	size_t *row_end;     /* where each row's line ends in `copy` */
	long *lines;         /* each row's line in the file */
	int rows;
	/* Keys (consultation, source, source_id) of the chunk's rows: a repeat is a duplicate. */
	struct buf keys;
	uint64_t *slots; /* hash table of key offsets + 1 (0: empty), 2 * chunk_rows rounded up */
	size_t slot_count;
	char *sources[IMPORT_MAX_SOURCES];
	int source_count;
	struct import_counts counts;
};

/* The index of an embedded statement of sql/import/. */
static int statement(const char *name)
{
	for (int i = 0; i < import_query_count; i++)
		if (strcmp(import_queries[i].name, name) == 0)
			return i;
	abort(); /* a statement the build did not embed: a programming error */
}

/* One-line libpq message, for err buffers. */
static void fail(char *err, size_t errlen, const char *what, const char *message)
{
	snprintf(err, errlen, "%s: %s", what, message ? message : "unknown error");
	for (char *p = err; *p; p++)
		if (*p == '\n')
			*p = *(p + 1) ? ' ' : '\0';
}

/* Checks and frees the result of a statement without results; false with the reason in err. */
static bool done(PGconn *conn, PGresult *res, const char *what, char *err, size_t errlen)
{
	bool ok = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;

	if (!ok)
		fail(err, errlen, what, PQerrorMessage(conn));
	PQclear(res);
	return ok;
}

static bool set_config(PGconn *conn, const char *name, const char *value, char *err, size_t errlen)
{
	const char *params[2] = { name, value };
	PGresult *res = PQexecParams(conn, "SELECT pg_catalog.set_config($1, $2, false)", 2, NULL,
				     params, NULL, NULL, 0);
	bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;

	if (!ok)
		fail(err, errlen, name, PQerrorMessage(conn));
	PQclear(res);
	return ok;
}

struct import_loader *import_loader_open(const char *url, const char *role, int chunk_rows,
					 import_refused_fn refused, void *ctx, char *err, size_t errlen)
{
	const char *keys[] = { "dbname", "fallback_application_name", "connect_timeout", NULL };
	const char *values[] = { url, "kenes-import", "10", NULL };
	struct import_loader *l = xcalloc(1, sizeof(*l));
	int settings = statement("stage_settings"), create = statement("stage_create");
	int insert = statement("import_insert");

	l->chunk_rows = chunk_rows;
	l->refused = refused;
	l->ctx = ctx;
	l->row_end = xcalloc((size_t)chunk_rows, sizeof(*l->row_end));
	l->lines = xcalloc((size_t)chunk_rows, sizeof(*l->lines));
	for (l->slot_count = 64; l->slot_count < 2 * (size_t)chunk_rows; l->slot_count *= 2)
		;
	l->slots = xcalloc(l->slot_count, sizeof(*l->slots));
	buf_init(&l->keys, 0);
	buf_init(&l->copy, 0);
	l->conn = PQconnectdbParams(keys, values, 1);
	if (PQstatus(l->conn) != CONNECTION_OK) {
		fail(err, errlen, "cannot connect to the database", PQerrorMessage(l->conn));
		goto failed;
	}
	/* Every statement names its schema; pg_temp last so nothing can shadow pg_catalog. */
	if (!set_config(l->conn, "search_path", "pg_catalog, pg_temp", err, errlen) ||
	    !set_config(l->conn, "TimeZone", "UTC", err, errlen) ||
	    (role && *role && !set_config(l->conn, "role", role, err, errlen)) ||
	    !done(l->conn, PQexec(l->conn, import_queries[settings].sql), "session settings", err, errlen) ||
	    !done(l->conn, PQexec(l->conn, import_queries[create].sql), "creating the staging table", err, errlen) ||
	    !done(l->conn, PQprepare(l->conn, "import_insert", import_queries[insert].sql, 0, NULL),
		  "preparing the insert", err, errlen))
		goto failed;
	return l;
failed:
	import_loader_close(l);
	return NULL;
}

void import_loader_close(struct import_loader *l)
{
	if (!l)
		return;
	PQfinish(l->conn);
	buf_free(&l->copy);
	buf_free(&l->keys);
	free(l->slots);
	free(l->row_end);
	free(l->lines);
	for (int i = 0; i < l->source_count; i++)
		free(l->sources[i]);
	free(l);
}

bool import_loader_sources(struct import_loader *l, struct import_rules *rules, char *err, size_t errlen)
{
	int sources = statement("import_sources");
	PGresult *res = PQexec(l->conn, import_queries[sources].sql);

	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		fail(err, errlen, "reading kenes.import_source", PQerrorMessage(l->conn));
		PQclear(res);
		return false;
	}
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
		const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r" : NULL;

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
	buf_putc(out, last ? '\n' : '\t');
}

void import_copy_line(struct buf *out, long line, const struct import_row *row)
{
	const struct proposal *p = &row->p;
	char number[24];

	buf_printf(out, "%ld\t", line);
	copy_field(out, p->consultation->slug, false);
	copy_field(out, p->kind, false);
	snprintf(number, sizeof(number), "%s", p->number);
	copy_field(out, p->number[0] ? number : NULL, false);
	copy_field(out, p->stance, false);
	copy_field(out, p->text, false);
	copy_field(out, p->proposed_wording, false);
	copy_field(out, p->lang, false);
	copy_field(out, p->region, false);
	/* Topic slugs validated against the structure are [a-z0-9-]: no array quoting needed. */
	buf_putc(out, '{');
	for (int i = 0; i < p->topic_count; i++)
		buf_printf(out, "%s%s", i ? "," : "", p->topics[i]);
	buf_puts(out, "}\t");
	copy_field(out, row->has_submitter ? row->submitter : NULL, false);
	copy_field(out, row->source, false);
	copy_field(out, row->source_id, false);
	copy_field(out, row->submitted_at, true);
}

/* COPYs bytes [from, to) of the chunk into the staging table. */
static bool copy_rows(struct import_loader *l, size_t from, size_t to, char *err, size_t errlen)
{
	int copy = statement("stage_copy");
	PGresult *res = PQexec(l->conn, import_queries[copy].sql);
	bool ok = PQresultStatus(res) == PGRES_COPY_IN;

	PQclear(res);
	if (!ok) {
		fail(err, errlen, "starting COPY", PQerrorMessage(l->conn));
		return false;
	}
	ok = PQputCopyData(l->conn, l->copy.data + from, (int)(to - from)) == 1 &&
	     PQputCopyEnd(l->conn, NULL) == 1;
	while ((res = PQgetResult(l->conn))) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && ok) {
			fail(err, errlen, "COPY", PQerrorMessage(l->conn));
			ok = false;
		}
		PQclear(res);
	}
	if (!ok && !*err)
		fail(err, errlen, "COPY", PQerrorMessage(l->conn));
	return ok;
}

/* Inserts the `staged` rows of the staging table; reports lines whose part is gone. */
static bool insert_staged(struct import_loader *l, long long staged, char *err, size_t errlen)
{
	PGresult *res = PQexecPrepared(l->conn, "import_insert", 0, NULL, NULL, NULL, 0);
	long long inserted, gone = 0;
	char *unresolved, *tok, *save = NULL;

	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		fail(err, errlen, "inserting", PQerrorMessage(l->conn));
		PQclear(res);
		return false;
	}
	unresolved = xstrdup(PQgetvalue(res, 0, 0));
	inserted = atoll(PQgetvalue(res, 0, 1));
	PQclear(res);
	/* "{12,40}": lines of rows whose target the current draft no longer has. */
	for (tok = strtok_r(unresolved + 1, ",}", &save); tok; tok = strtok_r(NULL, ",}", &save)) {
		l->refused(l->ctx, atol(tok), "unknown_target",
			   "the current draft has no such part (it changed during the import)");
		gone++;
	}
	free(unresolved);
	l->counts.stored += inserted;
	l->counts.duplicates += staged - gone - inserted;
	return true;
}

/* Stores rows [first, last) of the chunk in one transaction. */
static bool store(struct import_loader *l, int first, int last, char *err, size_t errlen)
{
	size_t from = first ? l->row_end[first - 1] : 0, to = l->row_end[last - 1];
	struct import_counts before = l->counts;

	*err = '\0';
	if (done(l->conn, PQexec(l->conn, "BEGIN"), "BEGIN", err, errlen) &&
	    copy_rows(l, from, to, err, errlen) && insert_staged(l, last - first, err, errlen) &&
	    done(l->conn, PQexec(l->conn, "COMMIT"), "COMMIT", err, errlen))
		return true;
	l->counts = before;
	PGresult *res = PQexec(l->conn, "ROLLBACK");
	PQclear(res);
	return false;
}

bool import_loader_flush(struct import_loader *l, char *err, size_t errlen)
{
	bool ok = true;

	if (l->rows == 0)
		return true;
	if (!store(l, 0, l->rows, err, errlen)) {
		if (PQstatus(l->conn) != CONNECTION_OK)
			return false;
		/* The database refused the chunk: find the row (or rows) one at a time. */
		for (int i = 0; i < l->rows && ok; i++) {
			if (store(l, i, i + 1, err, errlen))
				continue;
			if (PQstatus(l->conn) != CONNECTION_OK)
				ok = false;
			else
				l->refused(l->ctx, l->lines[i], "database_refused", err);
		}
	}
	l->rows = 0;
	buf_reset(&l->copy);
	buf_reset(&l->keys);
	memset(l->slots, 0, l->slot_count * sizeof(*l->slots));
	return ok;
}

/* FNV-1a over the key's bytes. */
static uint64_t key_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

/* True when the chunk already holds a row with this key; otherwise remembers it. */
static bool seen_in_chunk(struct import_loader *l, const struct import_row *row)
{
	size_t start = l->keys.len, len, mask = l->slot_count - 1;
	uint64_t h;

	buf_printf(&l->keys, "%s%c%s%c%s", row->p.consultation->slug, 0, row->source, 0, row->source_id);
	buf_putc(&l->keys, '\0');
	len = l->keys.len - start;
	h = key_hash(l->keys.data + start, len);
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint64_t at = l->slots[i];

		if (at == 0) {
			l->slots[i] = start + 1;
			return false;
		}
		if (memcmp(l->keys.data + at - 1, l->keys.data + start, len) == 0) {
			l->keys.len = start;
			return true;
		}
	}
}

bool import_loader_add(struct import_loader *l, long line, const struct import_row *row, char *err,
		       size_t errlen)
{
	if (seen_in_chunk(l, row)) {
		l->counts.duplicates++;
		return true;
	}
	import_copy_line(&l->copy, line, row);
	l->lines[l->rows] = line;
	l->row_end[l->rows++] = l->copy.len;
	return l->rows < l->chunk_rows || import_loader_flush(l, err, errlen);
}

const struct import_counts *import_loader_counts(const struct import_loader *l)
{
	return &l->counts;
}
