#include "report.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "log.h"
#include "progress.h"
#include "tally.h"
#include "util.h"

/* A stored rendering must fit in memory; a report is some hundred kilobytes. */
#define RENDERING_LIMIT ((size_t)64 << 20)

static const char *const kind_names[] = { "session", "week", "range" };

/* Where a report goes: standard output; a regular file, written under a temporary name and
 * renamed into place, so that a failed run never leaves half a report behind; or anything
 * else (/dev/stdout, a FIFO, a symbolic link), written in place: renaming over it would
 * replace the device or link itself. */
struct output {
	FILE *file;
	const char *path;
	char tmp[PATH_MAX]; /* "" when written in place */
};

static bool output_open(struct output *o, const char *path, struct agg_error *err)
{
	struct stat st;
	mode_t mask;
	int fd;

	memset(o, 0, sizeof(*o));
	o->path = path;
	if (!path) {
		o->file = stdout;
		return true;
	}
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		o->file = fopen(path, "w");
		if (!o->file)
			return agg_fail(err, AGG_FAILED, "cannot write %s: %s", path, strerror(errno));
		return true;
	}
	if ((size_t)snprintf(o->tmp, sizeof(o->tmp), "%s.XXXXXX", path) >= sizeof(o->tmp))
		return agg_fail(err, AGG_USAGE, "--out: the path is too long");
	fd = mkstemp(o->tmp);
	if (fd < 0)
		return agg_fail(err, AGG_FAILED, "cannot create %s: %s", o->tmp, strerror(errno));
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	o->file = fdopen(fd, "w");
	if (!o->file) {
		close(fd);
		unlink(o->tmp);
		return agg_fail(err, AGG_FAILED, "cannot write %s: %s", o->tmp, strerror(errno));
	}
	return true;
}

/* Flushes and, for a file, renames it into place (ok) or removes it. */
static bool output_close(struct output *o, bool ok, struct agg_error *err)
{
	bool written = fflush(o->file) == 0 && !ferror(o->file);

	if (!o->path) {
		if (ok && !written)
			return agg_fail(err, AGG_FAILED, "cannot write the report to standard output: %s",
					strerror(errno));
		return ok;
	}
	written = fclose(o->file) == 0 && written;
	if (!o->tmp[0]) {
		if (ok && !written)
			return agg_fail(err, AGG_FAILED, "cannot write %s: %s", o->path, strerror(errno));
		return ok && written;
	}
	if (ok && written && rename(o->tmp, o->path) == 0)
		return true;
	if (ok)
		agg_fail(err, AGG_FAILED, "cannot write %s: %s", o->path, strerror(errno));
	unlink(o->tmp);
	return false;
}

static const char *lang_key(enum report_format f, enum report_lang lang)
{
	return f == FORMAT_JSON ? "mul" : report_lang_code(lang);
}

/* The id of the issued report of a session or week, "" when there is none. */
static bool find_issued(struct conn *c, const struct consultation *k, enum report_kind kind, long session,
			const char *week, char id[16], struct agg_error *err)
{
	char number[24];
	const char *params[4] = { k->id, kind_names[kind], NULL, NULL };
	PGresult *res;

	id[0] = '\0';
	if (kind == REPORT_SESSION) {
		snprintf(number, sizeof(number), "%ld", session);
		params[2] = number;
	} else {
		params[3] = week;
	}
	res = conn_run(c, "report_find", 4, params, "looking for an issued report", err);
	if (!res)
		return false;
	if (PQntuples(res) == 1) {
		snprintf(id, 16, "%s", PQgetvalue(res, 0, 0));
		log_info("the %s report was issued at %s; writing it as stored", kind_names[kind],
			 PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	return true;
}

/* Writes a stored rendering after checking its checksum. */
static bool write_stored(struct conn *c, const char *id, const struct report_request *r,
			 struct agg_error *err)
{
	const char *params[3] = { id, report_format_name(r->format), lang_key(r->format, r->lang) };
	PGresult *res = conn_run(c, "report_output_get", 3, params, "reading the issued report", err);
	struct output out;
	bool ok;

	if (!res)
		return false;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return agg_fail(err, AGG_NOT_FOUND, "the issued report has no %s rendering in %s", params[1],
				params[2]);
	}
	if (strcmp(PQgetvalue(res, 0, 2), "t") != 0) {
		agg_fail(err, AGG_INTEGRITY,
			 "the stored %s rendering of report %s does not match its SHA-256 %s: it was altered",
			 params[1], id, PQgetvalue(res, 0, 1));
		PQclear(res);
		return false;
	}
	if (!output_open(&out, r->out_path, err)) {
		PQclear(res);
		return false;
	}
	if (r->bom && r->format == FORMAT_CSV)
		fputs(CSV_BOM, out.file);
	fwrite(PQgetvalue(res, 0, 0), 1, (size_t)PQgetlength(res, 0, 0), out.file);
	log_info("sha256 %s", PQgetvalue(res, 0, 1));
	PQclear(res);
	ok = output_close(&out, true, err);
	return ok;
}

static void week_period(long monday, struct report_period *p)
{
	memset(p, 0, sizeof(*p));
	p->kind = REPORT_WEEK;
	p->from = monday;
	p->to = monday + 6;
	p->has_previous = true;
	p->previous_from = monday - 7;
	p->previous_to = monday - 1;
	period_format_week(monday, p->week);
}

static void range_period(long from, long to, struct report_period *p)
{
	memset(p, 0, sizeof(*p));
	p->kind = REPORT_RANGE;
	p->from = from;
	p->to = to;
	p->has_previous = true;
	p->previous_from = from - (to - from + 1);
	p->previous_to = from - 1;
}

static bool day_at(const PGresult *res, int col, long fallback, long *day)
{
	if (PQgetisnull(res, 0, col)) {
		*day = fallback;
		return true;
	}
	return period_parse_date(PQgetvalue(res, 0, col), day);
}

/* A session's period: from the previous session's date (or the opening) to the day before
 * its own; the previous period likewise. */
static bool session_period(struct conn *c, const struct consultation *k, long number, struct report_period *p,
			   struct agg_error *err)
{
	char n[24], from[PERIOD_DATE_LEN];
	const char *params[2] = { k->id, n };
	PGresult *res;
	long held, previous, before;
	bool ok = false;

	memset(p, 0, sizeof(*p));
	p->kind = REPORT_SESSION;
	p->session = number;
	snprintf(n, sizeof(n), "%ld", number);
	res = conn_run(c, "report_session", 2, params, "reading the session", err);
	if (!res)
		return false;
	if (PQntuples(res) != 1) {
		agg_fail(err, AGG_NOT_FOUND,
			 "consultation %s has no session %ld (see `kenes-aggregator session list`)", k->slug,
			 number);
		goto out;
	}
	if (!day_at(res, 0, -1, &held) || !day_at(res, 3, k->opens_on, &previous) ||
	    !day_at(res, 4, k->opens_on, &before)) {
		agg_fail(err, AGG_FAILED, "unexpected date from the database");
		goto out;
	}
	snprintf(p->session_date, sizeof(p->session_date), "%s", PQgetvalue(res, 0, 0));
	snprintf(p->session_title, sizeof(p->session_title), "%s", PQgetvalue(res, 0, 1));
	p->from = previous;
	p->to = held - 1;
	if (p->from > p->to) {
		period_format_date(previous, from);
		agg_fail(err, AGG_USAGE,
			 "session %ld on %s leaves no day to report on (its period starts %s)", number,
			 p->session_date, from);
		goto out;
	}
	p->has_previous = !PQgetisnull(res, 0, 2) && before <= previous - 1;
	p->previous_from = before;
	p->previous_to = previous - 1;
	ok = true;
out:
	PQclear(res);
	return ok;
}

/* Renders one format and language into a buffer; false (and err) when it does not fit. */
static bool render_to_buf(const json_t *doc, enum report_format f, enum report_lang lang, struct buf *b,
			  struct agg_error *err)
{
	struct sink sink;

	buf_init(b, RENDERING_LIMIT);
	sink_to_buf(&sink, b);
	if (!render_report(doc, f, lang, &sink))
		return agg_fail(err, AGG_FAILED, "the %s rendering is larger than %zu bytes",
				report_format_name(f), RENDERING_LIMIT);
	return true;
}

/*
 * Stores the report and every rendering of it. When `wanted` is not NULL it receives the
 * rendering in format f and language lang (the caller frees it).
 */
static bool issue(struct conn *c, const struct consultation *k, const struct report_period *p,
		  const json_t *doc, enum report_format f, enum report_lang lang, struct buf *wanted,
		  struct agg_error *err)
{
	char number[24], from[PERIOD_DATE_LEN], to[PERIOD_DATE_LEN], id[16];
	const char *params[6] = { k->id, kind_names[p->kind], NULL, NULL, from, to };
	PGresult *res;
	int stored = 0;

	if (p->kind == REPORT_SESSION) {
		snprintf(number, sizeof(number), "%ld", p->session);
		params[2] = number;
	} else {
		params[3] = p->week;
	}
	period_format_date(p->from, from);
	period_format_date(p->to, to);
	res = conn_run(c, "report_insert", 6, params, "issuing the report", err);
	if (!res)
		return false;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return agg_fail(err, AGG_FAILED,
				"the report was issued by someone else meanwhile; run again");
	}
	snprintf(id, sizeof(id), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	for (int fi = 0; fi < REPORT_FORMATS && err->status == AGG_OK; fi++) {
		for (int li = 0; li < 3 && err->status == AGG_OK; li++) {
			enum report_format rf = (enum report_format)fi;
			enum report_lang rl = (enum report_lang)li;
			struct buf b;
			const char *out_params[4] = { id, report_format_name(rf), lang_key(rf, rl), NULL };

			if (rf == FORMAT_JSON && li > 0)
				continue; /* one JSON for all languages */
			if (render_to_buf(doc, rf, rl, &b, err)) {
				out_params[3] = b.data;
				res = conn_run(c, "report_output_insert", 4, out_params,
					       "storing a rendering", err);
				PQclear(res);
				stored += res != NULL;
			}
			if (wanted && rf == f && (rf == FORMAT_JSON || rl == lang))
				*wanted = b;
			else
				buf_free(&b);
		}
	}
	if (err->status == AGG_OK)
		log_debug("issued the report of %s %s (%s to %s): %d renderings stored", kind_names[p->kind],
			  p->kind == REPORT_SESSION ? number : p->week, from, to, stored);
	return err->status == AGG_OK;
}

/* When the tallies were refreshed, and that the zone matches the settings. */
static bool cut_off(struct conn *c, const struct agg_settings *s, char out[64], long *local_day,
		    struct agg_error *err)
{
	PGresult *res =
		conn_run(c, "tally_cut_off", 1, (const char *[]){ s->time_zone }, "reading the cut-off", err);
	bool ok = false;

	if (!res)
		return false;
	if (PQntuples(res) != 1)
		agg_fail(err, AGG_USAGE, "the tallies were never made: run `kenes-aggregator refresh` first");
	else if (strcmp(PQgetvalue(res, 0, 2), s->time_zone) != 0)
		agg_fail(err, AGG_USAGE,
			 "the tallies count days in time zone %s, but time_zone is now %s; run "
			 "`kenes-aggregator "
			 "refresh --full`",
			 PQgetvalue(res, 0, 2), s->time_zone);
	else if (!period_parse_date(PQgetvalue(res, 0, 1), local_day))
		agg_fail(err, AGG_FAILED, "unexpected date from the database");
	else
		ok = true;
	if (ok)
		snprintf(out, 64, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return ok;
}

static bool request_period(struct conn *c, const struct consultation *k, const struct report_request *r,
			   struct report_period *p, struct agg_error *err)
{
	switch (r->kind) {
	case REPORT_SESSION:
		return session_period(c, k, r->session, p, err);
	case REPORT_WEEK:
		week_period(r->week_monday, p);
		return true;
	case REPORT_RANGE:
		range_period(r->from, r->to, p);
		return true;
	}
	return false;
}

static bool write_rendering(const struct report_request *r, const json_t *doc, const struct buf *stored,
			    struct agg_error *err)
{
	struct output out;
	struct sink sink;
	bool ok;

	if (!output_open(&out, r->out_path, err))
		return false;
	sink_to_file(&sink, out.file);
	if (r->bom && r->format == FORMAT_CSV)
		sink_puts(&sink, CSV_BOM);
	if (stored)
		sink_write(&sink, stored->data, stored->len);
	else
		render_report(doc, r->format, r->lang, &sink);
	ok = sink_ok(&sink);
	if (!ok)
		agg_fail(err, AGG_FAILED, "cannot write the report to %s: %s",
			 r->out_path ? r->out_path : "standard output", strerror(errno));
	return output_close(&out, ok, err);
}

void report_restore_point(struct conn *c)
{
	struct agg_error err = { .status = AGG_OK };
	PGresult *res = conn_run(c, "report_restore_point", 0, NULL, "creating a restore point", &err);

	if (!res) {
		log_warn("%s (the report is issued; recovery by time still works)", err.message);
		return;
	}
	if (PQntuples(res) == 1)
		log_info("restore point %s at WAL %s", PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
	PQclear(res);
}

bool report_run(struct conn *c, const struct agg_settings *s, const struct report_request *r,
		struct agg_error *err)
{
	struct consultation k;
	struct report_period p;
	struct tally_stats st;
	struct buf wanted = { 0 };
	json_t *doc = NULL;
	char id[16] = "", cut[64], week[PERIOD_WEEK_LEN] = "";
	const char *status;
	long cut_day;
	bool ok = false;

	if (r->kind == REPORT_WEEK)
		period_format_week(r->week_monday, week);
	/* An issued report needs no lock and no refresh: it is written as stored. */
	if (!consultation_find(c, r->consultation, s->time_zone, &k, err))
		return false;
	if (r->kind != REPORT_RANGE && !find_issued(c, &k, r->kind, r->session, week, id, err))
		goto out;
	if (id[0]) {
		ok = write_stored(c, id, r, err);
		goto out;
	}
	consultation_free(&k);
	if (!conn_lock(c, r->wait, err) || !conn_begin(c, err))
		return false;
	if (r->refresh && !tally_refresh(c, s, false, r->progress, &st, err))
		return false;
	if (!cut_off(c, s, cut, &cut_day, err) ||
	    !consultation_find(c, r->consultation, s->time_zone, &k, err))
		return false;
	if (!request_period(c, &k, r, &p, err))
		goto out;
	if (r->kind != REPORT_RANGE) {
		if (!find_issued(c, &k, r->kind, r->session, week, id, err))
			goto out;
		if (id[0]) { /* issued meanwhile */
			ok = conn_commit(c, err) && write_stored(c, id, r, err);
			goto out;
		}
	}
	if (r->kind == REPORT_RANGE)
		status = REPORT_AD_HOC;
	else if (k.today > p.to && cut_day > p.to)
		status = REPORT_ISSUED;
	else
		status = REPORT_PROVISIONAL;
	if (strcmp(status, REPORT_PROVISIONAL) == 0) {
		char to[PERIOD_DATE_LEN];

		period_format_date(p.to, to);
		log_info("provisional: the period ends on %s%s; the report is issued the first time it is "
			 "made after that",
			 to,
			 k.today > p.to
				 ? " (the tallies were refreshed before that; run without --no-refresh)"
				 : "");
	}
	doc = report_data_build(c, s, &k, &p, status, cut, err);
	if (!doc)
		goto out;
	if (strcmp(status, REPORT_ISSUED) == 0) {
		char from[PERIOD_DATE_LEN], to[PERIOD_DATE_LEN];

		if (!issue(c, &k, &p, doc, r->format, r->lang, &wanted, err))
			goto out;
		period_format_date(p.from, from);
		period_format_date(p.to, to);
		log_info("issued the %s report (%s to %s, counts as of %s): every format and language is "
			 "stored and "
			 "will be written exactly so from now on",
			 kind_names[p.kind], from, to, cut);
	}
	if (!conn_commit(c, err))
		goto out;
	if (strcmp(status, REPORT_ISSUED) == 0)
		report_restore_point(c);
	ok = write_rendering(r, doc, wanted.data ? &wanted : NULL, err);
out:
	if (wanted.data)
		buf_free(&wanted);
	json_decref(doc);
	consultation_free(&k);
	return ok;
}

/* The rows of statement `name` (what is due, by time zone) and, when there are any, the
 * cut-off the reports issued for them share; NULL on failure. */
static PGresult *due_rows(struct conn *c, const struct agg_settings *s, const char *name, const char *what,
			  char cut[64], long *cut_day, struct agg_error *err)
{
	PGresult *due = conn_run(c, name, 1, (const char *const *)&s->time_zone, what, err);

	if (due && PQntuples(due) > 0 && !cut_off(c, s, cut, cut_day, err)) {
		PQclear(due);
		return NULL;
	}
	return due;
}

bool report_issue_due_weeks(struct conn *c, const struct agg_settings *s, bool show_progress, int *issued,
			    struct agg_error *err)
{
	char cut[64];
	long cut_day;
	PGresult *due = due_rows(c, s, "report_weeks_due", "finding weeks to report", cut, &cut_day, err);
	struct consultation k = { 0 };
	struct progress prog;

	*issued = 0;
	if (!due)
		return false;
	progress_start(&prog, "reports", show_progress);
	for (int i = 0; i < PQntuples(due) && err->status == AGG_OK; i++) {
		struct report_period p;
		json_t *doc;
		long monday;

		progress_update(&prog, i, PQntuples(due), "weekly reports");
		if (!k.slug || strcmp(k.slug, PQgetvalue(due, i, 0)) != 0) {
			consultation_free(&k);
			if (!consultation_find(c, PQgetvalue(due, i, 0), s->time_zone, &k, err))
				break;
		}
		if (!period_parse_date(PQgetvalue(due, i, 1), &monday)) {
			agg_fail(err, AGG_FAILED, "unexpected date from the database");
			break;
		}
		week_period(monday, &p);
		doc = report_data_build(c, s, &k, &p, REPORT_ISSUED, cut, err);
		if (doc && issue(c, &k, &p, doc, FORMAT_JSON, LANG_EN, NULL, err))
			(*issued)++;
		json_decref(doc);
	}
	progress_done(&prog);
	consultation_free(&k);
	PQclear(due);
	return err->status == AGG_OK;
}

bool report_issue_requested(struct conn *c, const struct agg_settings *s, int *issued, struct agg_error *err)
{
	char cut[64];
	long cut_day;
	PGresult *due = due_rows(c, s, "report_requests_due", "finding requested session reports", cut,
				 &cut_day, err);

	*issued = 0;
	if (!due)
		return false;
	for (int i = 0; i < PQntuples(due) && err->status == AGG_OK; i++) {
		struct consultation k;
		struct report_period p;
		json_t *doc = NULL;
		long number = strtol(PQgetvalue(due, i, 1), NULL, 10);

		if (!consultation_find(c, PQgetvalue(due, i, 0), s->time_zone, &k, err))
			break;
		if (!session_period(c, &k, number, &p, err) && err->status == AGG_USAGE) {
			/* A session with no day to report on: said, and no reason to stop refreshing. */
			log_warn("the requested report of session %ld of %s is not issued: %s", number,
				 k.slug, err->message);
			err->status = AGG_OK;
		} else if (err->status == AGG_OK && k.today > p.to && cut_day > p.to &&
			   (doc = report_data_build(c, s, &k, &p, REPORT_ISSUED, cut, err)) &&
			   issue(c, &k, &p, doc, FORMAT_JSON, LANG_EN, NULL, err)) {
			log_info("issued the report of session %ld of %s, as requested from the workspace",
				 number, k.slug);
			(*issued)++;
		}
		json_decref(doc);
		consultation_free(&k);
	}
	PQclear(due);
	return err->status == AGG_OK;
}
