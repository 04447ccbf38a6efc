#include "archive.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "consultation.h"
#include "csv.h"
#include "log.h"
#include "sink.h"
#include "util.h"

/* PostgreSQL type OIDs (pg_type.h) that JSON writes as other than strings. */
enum { OID_BOOL = 16, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_JSON = 114, OID_JSONB = 3802 };

struct column_doc {
	const char *name, *doc;
};

/* One table of the archive: files NAME.csv and NAME.jsonl from statement archive_NAME. The
 * README documents each column; a statement whose columns differ from these fails the run,
 * so that the README cannot fall behind the SQL. */
struct archive_table {
	const char *name;
	const char *about; /* what one row is */
	const struct column_doc *columns;
	size_t ncolumns;
	int nparams; /* $1 the consultation id; $2 the time zone of days, where there are days */
};

#define TABLE(n, about, cols)                                                                                \
	{                                                                                                    \
		n, about, cols, ARRAY_LEN(cols), 1                                                           \
	}
#define ZONED_TABLE(n, about, cols)                                                                          \
	{                                                                                                    \
		n, about, cols, ARRAY_LEN(cols), 2                                                           \
	}

static const struct column_doc consultation_cols[] = {
	{ "slug", "the consultation's identifier in URLs and the API" },
	{ "title_kk", "title in Kazakh" },
	{ "title_ru", "title in Russian" },
	{ "title_en", "title in English" },
	{ "opens_at", "when proposals were first accepted (UTC)" },
	{ "closes_at", "when the consultation closes or closed (UTC); empty when no end is set" },
	{ "status", "draft, open or closed" },
	{ "tallies_as_of",
	  "the last refresh of the tallies: tallies.csv counts what was committed then (UTC)" },
	{ "tallies_time_zone", "the time zone in which days and ISO weeks are counted" },
};
static const struct column_doc version_cols[] = {
	{ "version", "number of the draft version, from 1" },
	{ "label_kk", "the version's label in Kazakh" },
	{ "label_ru", "in Russian" },
	{ "label_en", "in English" },
	{ "published_on", "the day the version was published; empty if not given" },
	{ "current", "true for the version proposals are filed against now" },
	{ "replaces", "the version this one replaced; empty for the first" },
};
static const struct column_doc part_cols[] = {
	{ "part_id", "identifier of the part (proposals.part_id)" },
	{ "version", "the draft version the part belongs to" },
	{ "target", "the part as the API names it: preamble, general, section:N or article:N" },
	{ "identity", "stable key of the part across versions (the same article renumbered keeps it)" },
	{ "kind", "preamble, section, article or general" },
	{ "number", "the section's or article's number in its version; empty otherwise" },
	{ "section_id", "the part_id of the section an article is in; empty otherwise" },
	{ "ordinal", "position of the part in its version's text" },
	{ "title_kk", "title in Kazakh (may be empty)" },
	{ "title_ru", "title in Russian" },
	{ "title_en", "title in English" },
	{ "note_kk", "explanatory note in Kazakh (may be empty)" },
	{ "note_ru", "in Russian" },
	{ "note_en", "in English" },
};
static const struct column_doc mapping_cols[] = {
	{ "version", "the version that replaced the one before it" },
	{ "action", "same, renumbered, merged, split, removed or new" },
	{ "from_part_id", "the part of the replaced version; empty for new" },
	{ "to_part_id", "the part of the new version; empty for removed" },
};
static const struct column_doc topic_cols[] = {
	{ "topic", "identifier of the topic (proposals.topics)" },
	{ "label_kk", "label in Kazakh" },
	{ "label_ru", "in Russian" },
	{ "label_en", "in English" },
	{ "ordinal", "order in which the form lists it" },
};
static const struct column_doc region_cols[] = {
	{ "region", "ISO 3166-2:KZ code, or abroad, or unspecified" },
	{ "name_kk", "name in Kazakh" },
	{ "name_ru", "in Russian" },
	{ "name_en", "in English" },
	{ "ordinal", "order in which the form lists it" },
};
static const struct column_doc proposal_cols[] = {
	{ "id", "identifier of the proposal (its page is /proposals/ID)" },
	{ "version", "the draft version it was written for" },
	{ "part_id", "the part it is about (parts.csv)" },
	{ "target", "the same part as the API names it" },
	{ "stance", "support, oppose or amend" },
	{ "topics", "JSON array of topic identifiers (topics.csv), in the form's order" },
	{ "text", "the proposal, as written (NFC)" },
	{ "proposed_wording", "for amend: the wording proposed instead; empty otherwise" },
	{ "lang", "the language it was written in: kk, ru or en" },
	{ "region", "the region the author gave (regions.csv)" },
	{ "channel", "how it came: web (the form), api, or import (paper and e-mail submissions)" },
	{ "created_at", "when it was stored (UTC)" },
	{ "supports", "how many people support it now (one per person)" },
	{ "campaign_id",
	  "the campaign of near-identical proposals it belongs to (campaigns.csv); empty if none" },
};
static const struct column_doc support_cols[] = {
	{ "proposal_id", "the proposal supported (proposals.csv)" },
	{ "day", "the day, in the tallies' time zone" },
	{ "supports", "supports given that day and not withdrawn since" },
};
static const struct column_doc tally_cols[] = {
	{ "key", "the cell's unique key" },
	{ "dim", "what the cell counts by: total, part, topic, region, channel, part_topic or week" },
	{ "version", "for part cells: the version of the part; empty otherwise" },
	{ "target", "for part and part_topic cells: the part; empty otherwise" },
	{ "topic", "for topic and part_topic cells: the topic; empty otherwise" },
	{ "region", "for region cells: the region; empty otherwise" },
	{ "channel", "for channel cells: the channel; empty otherwise" },
	{ "week", "for week cells: the ISO week (2026-W05); empty otherwise" },
	{ "stance", "support, oppose, amend, or all" },
	{ "proposals", "published proposals counted" },
	{ "people", "distinct identified authors among them (an anonymous proposal is no person)" },
	{ "supports", "supports of those proposals" },
};
static const struct column_doc campaign_cols[] = {
	{ "campaign_id", "identifier of the campaign (proposals.campaign_id)" },
	{ "proposals", "its published proposals" },
	{ "people", "distinct identified authors of them (an anonymous one is no person)" },
	{ "texts",
	  "distinct texts among its proposals, after normalising case, spacing and look-alike letters" },
	{ "representative_id",
	  "the proposal whose text is the most frequent, when it is published; empty otherwise" },
	{ "representative", "that proposal's text; empty when it is not published" },
	{ "first_seen", "its first published proposal (UTC)" },
	{ "last_seen", "its last (UTC)" },
	{ "regions", "JSON object: published proposals per region" },
	{ "channels", "JSON object: published proposals per channel" },
	{ "burst_per_minute", "most of its proposals stored within one minute" },
	{ "burst_at", "the start of that minute (UTC)" },
};
static const struct column_doc moderation_cols[] = {
	{ "id", "the entry's number in the moderation log" },
	{ "at", "when (UTC)" },
	{ "role", "the role of whoever acted (moderator); never who" },
	{ "action", "hide, unhide, duplicate, campaign_hide, campaign_unhide or flag_resolve" },
	{ "proposal_id",
	  "the proposal acted on (a hidden one is not in proposals.csv); empty for campaign actions" },
	{ "campaign_id", "for campaign actions: the campaign" },
	{ "duplicate_of", "for duplicate: the proposal it duplicates" },
	{ "decision", "for flag_resolve (a person said a proposal was filed in their name): hide or keep" },
	{ "affected", "proposals whose status the action changed" },
};
static const struct column_doc report_cols[] = {
	{ "report_id", "identifier of the issued report" },
	{ "kind", "session (a Commission session's report) or week (an ISO week's)" },
	{ "session_number", "for session: the session's number" },
	{ "week", "for week: the ISO week" },
	{ "period_from", "first day covered" },
	{ "period_to", "last day covered" },
	{ "time_zone", "the time zone of those days" },
	{ "cut_off", "the report counts what was committed up to then (UTC)" },
	{ "issued_at", "when it was issued (UTC); issued reports never change" },
	{ "file", "its JSON rendering in this archive, byte for byte as stored and served" },
	{ "sha256", "SHA-256 of that file (also in SHA256SUMS and the API's X-Kenes-Report-Sha256)" },
};

static const struct archive_table tables[] = {
	TABLE("consultation", "The consultation (one row).", consultation_cols),
	TABLE("versions", "One row per version of the draft.", version_cols),
	TABLE("parts", "One row per part (preamble, section, article, general) of every version.", part_cols),
	TABLE("part_mapping", "How each part of a replaced version maps to the version that replaced it.",
	      mapping_cols),
	TABLE("topics", "The topics a proposal may be filed under.", topic_cols),
	TABLE("regions", "The regions an author may give.", region_cols),
	TABLE("proposals", "One row per published proposal, in id order.", proposal_cols),
	ZONED_TABLE("support_days", "Supports of published proposals, counted per proposal and day.",
		    support_cols),
	TABLE("tallies",
	      "The tallies the reports and the API show, one row per cell, as of consultation.tallies_as_of.",
	      tally_cols),
	TABLE("campaigns",
	      "Campaigns: groups of near-identical proposals (form letters) with a published member.",
	      campaign_cols),
	TABLE("moderation_log", "What moderation did, in order, without personal data.", moderation_cols),
	TABLE("reports", "The issued reports: a Commission session's or an ISO week's.", report_cols),
};

/* A file written so far, for SHA256SUMS. */
struct written {
	char *name; /* relative to the archive directory */
	char sha256[65];
};

struct archive {
	const char *dir;
	struct written *files;
	size_t nfiles, cap;
	long long rows[ARRAY_LEN(tables)];
	struct agg_error *err;
};

/* A file being written: DIR/NAME.tmp, renamed to DIR/NAME once complete. */
struct out_file {
	char *path, *tmp, *name;
	FILE *f;
	struct sink sink;
};

/* DIR/NAME followed by suffix, allocated. */
static char *path_of(const char *dir, const char *name, const char *suffix)
{
	size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s%s", dir, name, suffix);
	return p;
}

static bool out_open(struct archive *a, struct out_file *o, const char *name)
{
	o->name = xstrdup(name);
	o->path = path_of(a->dir, name, "");
	o->tmp = path_of(a->dir, name, ".tmp");
	o->f = fopen(o->tmp, "wb");
	if (!o->f) {
		agg_fail(a->err, AGG_FAILED, "cannot write %s: %s", o->tmp, strerror(errno));
		return false;
	}
	sink_to_file(&o->sink, o->f);
	return true;
}

static bool sha256_file(const char *path, char out[65])
{
	unsigned char block[65536], hash[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	FILE *f = fopen(path, "rb");
	size_t n;
	bool failed;

	if (!f)
		return false;
	crypto_hash_sha256_init(&st);
	while ((n = fread(block, 1, sizeof(block), f)) > 0)
		crypto_hash_sha256_update(&st, block, n);
	failed = ferror(f) != 0;
	fclose(f);
	crypto_hash_sha256_final(&st, hash);
	sodium_bin2hex(out, 65, hash, sizeof(hash));
	return !failed;
}

/* Closes the file; when all went well, renames it into place and records its checksum.
 * Frees the file either way. */
static bool out_close(struct archive *a, struct out_file *o, bool ok)
{
	struct written *w;

	if (o->f) {
		ok = ok && sink_ok(&o->sink) && fflush(o->f) == 0;
		if (fclose(o->f) != 0)
			ok = false;
		if (!ok && a->err->status == AGG_OK)
			agg_fail(a->err, AGG_FAILED, "cannot write %s: %s", o->tmp, strerror(errno));
		if (ok && rename(o->tmp, o->path) != 0)
			ok = agg_fail(a->err, AGG_FAILED, "cannot rename %s: %s", o->tmp, strerror(errno));
		if (!ok)
			unlink(o->tmp);
	}
	if (ok) {
		if (a->nfiles == a->cap) {
			a->cap = a->cap ? a->cap * 2 : 32;
			a->files = xrealloc(a->files, a->cap * sizeof(*a->files));
		}
		w = &a->files[a->nfiles++];
		w->name = o->name;
		o->name = NULL;
		if (!sha256_file(o->path, w->sha256))
			ok = agg_fail(a->err, AGG_FAILED, "cannot read back %s: %s", o->path,
				      strerror(errno));
	}
	free(o->name);
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	return ok;
}

/* --- one table: every row to CSV and JSON Lines at once ------------------------------- */

struct table_run {
	struct archive *a;
	const struct archive_table *t;
	size_t index;
	struct out_file csv, jsonl;
	int ncols;    /* the statement's columns, the report body included */
	int body_col; /* reports: the stored JSON, written to its own file; -1 otherwise */
	int file_col; /* reports: that file's name */
	bool checked; /* columns compared with the documentation */
};

/* The statement's columns must be the documented ones, in order (the body aside). */
static bool check_columns(struct table_run *r, const PGresult *row)
{
	size_t doc = 0;

	r->ncols = PQnfields(row);
	r->body_col = PQfnumber(row, "body");
	r->file_col = PQfnumber(row, "file");
	for (int i = 0; i < r->ncols; i++) {
		if (i == r->body_col)
			continue;
		if (doc >= r->t->ncolumns || strcmp(PQfname(row, i), r->t->columns[doc].name) != 0)
			return agg_fail(r->a->err, AGG_FAILED,
					"archive_%s.sql returns column %s where the README documents %s",
					r->t->name, PQfname(row, i),
					doc < r->t->ncolumns ? r->t->columns[doc].name : "nothing");
		doc++;
	}
	if (doc != r->t->ncolumns)
		return agg_fail(r->a->err, AGG_FAILED, "archive_%s.sql returns %zu documented columns of %zu",
				r->t->name, doc, r->t->ncolumns);
	r->checked = true;
	return true;
}

/* The value of one field as JSON (a new reference), NULL when it cannot be read. */
static json_t *field_json(const PGresult *row, int i)
{
	const char *v = PQgetvalue(row, 0, i);

	if (PQgetisnull(row, 0, i))
		return json_null();
	switch (PQftype(row, i)) {
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		return json_integer(strtoll(v, NULL, 10));
	case OID_BOOL:
		return json_boolean(v[0] == 't');
	case OID_JSON:
	case OID_JSONB:
		return json_loads(v, JSON_DECODE_ANY, NULL);
	default:
		return json_stringn(v, (size_t)PQgetlength(row, 0, i));
	}
}

static int dump_to_sink(const char *p, size_t n, void *arg)
{
	sink_write(arg, p, n);
	return 0;
}

#define JSON_FLAGS (JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY)

/* One field into CSV: JSON columns in the same compact form as in JSON Lines. */
static void field_csv(struct sink *s, const PGresult *row, int i, const json_t *value, bool first)
{
	Oid type = PQftype(row, i);

	if (PQgetisnull(row, 0, i)) {
		csv_field(s, "", first);
	} else if (type == OID_JSON || type == OID_JSONB) {
		char *text = json_dumps(value, JSON_FLAGS);

		csv_field(s, text, first);
		free(text);
	} else if (type == OID_BOOL) {
		csv_field(s, json_is_true(value) ? "true" : "false", first);
	} else {
		csv_field(s, PQgetvalue(row, 0, i), first);
	}
}

static bool write_body(struct table_run *r, const PGresult *row)
{
	struct out_file o = { 0 };

	if (!out_open(r->a, &o, PQgetvalue(row, 0, r->file_col)))
		return false;
	sink_write(&o.sink, PQgetvalue(row, 0, r->body_col), (size_t)PQgetlength(row, 0, r->body_col));
	return out_close(r->a, &o, true);
}

static bool each_row(const PGresult *row, void *arg)
{
	struct table_run *r = arg;
	json_t *obj;
	bool first = true, ok = true;

	if (!r->checked && !check_columns(r, row))
		return false;
	obj = json_object();
	for (int i = 0; i < r->ncols && ok; i++) {
		json_t *value;

		if (i == r->body_col)
			continue;
		value = field_json(row, i);
		if (!value) {
			ok = agg_fail(r->a->err, AGG_FAILED,
				      "archive_%s.sql: column %s is not valid JSON or UTF-8", r->t->name,
				      PQfname(row, i));
			break;
		}
		field_csv(&r->csv.sink, row, i, value, first);
		first = false;
		json_object_set_new(obj, PQfname(row, i), value); /* steals value */
	}
	if (ok) {
		csv_end_row(&r->csv.sink);
		json_dump_callback(obj, dump_to_sink, &r->jsonl.sink, JSON_FLAGS);
		sink_puts(&r->jsonl.sink, "\n");
		r->a->rows[r->index]++;
	}
	json_decref(obj);
	if (ok && r->body_col >= 0)
		ok = write_body(r, row);
	if (ok && (!sink_ok(&r->csv.sink) || !sink_ok(&r->jsonl.sink)))
		ok = agg_fail(r->a->err, AGG_FAILED, "cannot write %s: %s", r->t->name, strerror(errno));
	return ok;
}

static bool write_table(struct conn *c, struct archive *a, size_t index, const char *const params[2])
{
	struct table_run r = { .a = a, .t = &tables[index], .index = index, .body_col = -1, .file_col = -1 };
	char name[64], csv_name[80], jsonl_name[80], what[96];
	bool ok;

	snprintf(name, sizeof(name), "archive_%s", r.t->name);
	snprintf(csv_name, sizeof(csv_name), "%s.csv", r.t->name);
	snprintf(jsonl_name, sizeof(jsonl_name), "%s.jsonl", r.t->name);
	snprintf(what, sizeof(what), "reading the %s for the archive", r.t->name);
	if (!out_open(a, &r.csv, csv_name) || !out_open(a, &r.jsonl, jsonl_name)) {
		out_close(a, &r.csv, false);
		out_close(a, &r.jsonl, false);
		return false;
	}
	for (size_t i = 0; i < r.t->ncolumns; i++)
		csv_field(&r.csv.sink, r.t->columns[i].name, i == 0);
	csv_end_row(&r.csv.sink);
	ok = conn_each_row(c, name, r.t->nparams, params, each_row, &r, what, a->err);
	ok = out_close(a, &r.csv, ok) && ok;
	ok = out_close(a, &r.jsonl, ok) && ok;
	if (ok)
		log_info("archive: %s, %lld rows", r.t->name, a->rows[index]);
	return ok;
}

/* --- README and SHA256SUMS ------------------------------------------------------------ */

static void readme_table(struct sink *s, const struct archive_table *t, long long rows)
{
	sink_printf(s, "### %s.csv, %s.jsonl (%lld row%s)\n\n%s\n\n| column | meaning |\n|---|---|\n",
		    t->name, t->name, rows, rows == 1 ? "" : "s", t->about);
	for (size_t i = 0; i < t->ncolumns; i++)
		sink_printf(s, "| %s | %s |\n", t->columns[i].name, t->columns[i].doc);
	sink_puts(s, "\n");
}

static bool write_readme(struct archive *a, const struct consultation *k)
{
	struct out_file o = { 0 };
	struct sink *s;
	size_t reports = ARRAY_LEN(tables) - 1;

	if (!out_open(a, &o, "README"))
		return false;
	s = &o.sink;
	sink_printf(s, "# Open data: %s (%s)\n\n", k->title[2], k->slug);
	sink_puts(
		s,
		"The proposals, supports, tallies, campaigns, reports, moderation log and draft structure of "
		"one\n"
		"public consultation, written by `kenes-aggregator archive`. The same database gives the "
		"same\n"
		"bytes; `sha256sum -c SHA256SUMS` checks every file.\n\n"
		"## Formats\n\n"
		"Each table is written twice, with the same rows in the same order:\n\n"
		"- `NAME.csv`: CSV as in RFC 4180, UTF-8 without a byte order mark, a header row, CRLF line\n"
		"  ends. An empty field is a missing value. A field a spreadsheet would run as a formula\n"
		"  (starting with `=`, `+`, `-`, `@`, a tab or CR) has an apostrophe put before it; the "
		"JSON\n"
		"  Lines file has the value exactly.\n"
		"- `NAME.jsonl`: JSON Lines, one object per row and line (LF), keys sorted, UTF-8; a "
		"missing\n"
		"  value is null, numbers are numbers, true and false are booleans.\n\n"
		"Times are UTC in ISO 8601 with microseconds (`2026-02-01T09:30:00.000000Z`). Days are dates "
		"in\n"
		"the tallies' time zone (consultation.tallies_time_zone). Lists and objects (topics, "
		"regions,\n"
		"channels) are JSON in both formats.\n\n"
		"## What is not here\n\n"
		"- Who wrote or supported a proposal: no name, identity number or pseudonym, ever. Supports "
		"are\n"
		"  counts (proposals.supports, support_days).\n"
		"- Hidden proposals: nothing of them, not their text; the moderation log says only that an\n"
		"  action was taken on proposal N, and when.\n"
		"- Who moderated, and the reasons given (free text that may name people).\n"
		"- Positions of organisations: Kenes does not record them yet; an archive made after it "
		"does\n"
		"  will add them.\n\n"
		"## Files\n\n");
	for (size_t i = 0; i < ARRAY_LEN(tables); i++)
		readme_table(s, &tables[i], a->rows[i]);
	sink_printf(s,
		    "### reports/report-ID.json (%lld file%s)\n\n"
		    "The issued reports' JSON renderings, byte for byte as stored and served by the reports\n"
		    "API; listed in reports.csv with their SHA-256.\n\n"
		    "### SHA256SUMS\n\n"
		    "The SHA-256 of every other file, as `sha256sum` writes them.\n",
		    a->rows[reports], a->rows[reports] == 1 ? "" : "s");
	return out_close(a, &o, true);
}

static int by_name(const void *x, const void *y)
{
	return strcmp(((const struct written *)x)->name, ((const struct written *)y)->name);
}

static bool write_sums(struct archive *a)
{
	struct out_file o = { 0 };
	size_t n = a->nfiles;

	qsort(a->files, n, sizeof(*a->files), by_name);
	if (!out_open(a, &o, "SHA256SUMS"))
		return false;
	for (size_t i = 0; i < n; i++)
		sink_printf(&o.sink, "%s  %s\n", a->files[i].sha256, a->files[i].name);
	return out_close(a, &o, true);
}

/* The directory and its reports/ folder, without the report files of an earlier archive
 * (a report is never deleted, but another consultation's archive may have been here). */
static bool prepare_dir(struct archive *a)
{
	char *reports = path_of(a->dir, "reports", "");
	DIR *d;
	struct dirent *e;
	bool ok = true;

	if ((mkdir(a->dir, 0755) != 0 && errno != EEXIST) || (mkdir(reports, 0755) != 0 && errno != EEXIST))
		ok = agg_fail(a->err, AGG_FAILED, "cannot create %s: %s", reports, strerror(errno));
	else if (!(d = opendir(reports)))
		ok = agg_fail(a->err, AGG_FAILED, "cannot read %s: %s", reports, strerror(errno));
	else {
		while ((e = readdir(d)) != NULL) {
			size_t len = strlen(e->d_name);

			if (strncmp(e->d_name, "report-", 7) == 0 && len > 5 &&
			    strcmp(e->d_name + len - 5, ".json") == 0) {
				char *path = path_of(reports, e->d_name, "");

				unlink(path);
				free(path);
			}
		}
		closedir(d);
	}
	free(reports);
	return ok;
}

bool archive_write(struct conn *c, const struct agg_settings *s, const char *consultation, const char *dir,
		   struct agg_error *err)
{
	struct archive a = { .dir = dir, .err = err };
	struct consultation k = { 0 };
	const char *params[2];
	bool ok = false;

	if (sodium_init() < 0)
		return agg_fail(err, AGG_FAILED, "cannot initialise libsodium");
	/* One snapshot for every file: the counts agree with one another. */
	if (!conn_begin(c, err) || !consultation_find(c, consultation, s->time_zone, &k, err))
		goto out;
	if (!prepare_dir(&a))
		goto out;
	params[0] = k.id;
	params[1] = s->time_zone;
	for (size_t i = 0; i < ARRAY_LEN(tables); i++)
		if (!write_table(c, &a, i, params))
			goto out;
	ok = write_readme(&a, &k) && write_sums(&a) && conn_commit(c, err);
	if (ok)
		log_info("archive of %s written to %s: %zu files and SHA256SUMS", k.slug, dir, a.nfiles);
out:
	for (size_t i = 0; i < a.nfiles; i++)
		free(a.files[i].name);
	free(a.files);
	consultation_free(&k);
	return ok;
}
