/*
 * kenes-import - proposals from other channels (e-Otinish and eGov exports, letters typed
 * by staff) into Kenes, checked by exactly the API's rules. See usage() and docs/IMPORT.md.
 *
 * Standard output gets the summary; standard error the rejected rows (the first
 * MAX_SHOWN), the progress bar (on a terminal) and fatal errors. The exit status:
 *   0  every row stored or already there
 *   1  done, but some rows were rejected (the others are stored)
 *   2  usage, configuration or input error (a file that cannot be read, a bad header)
 *   3  database error: chunks committed before it stay; running again completes the import
 */
#include <errno.h>
#include <stddef.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "csv.h"
#include "identity.h"
#include "load.h"
#include "log.h"
#include "progress.h"
#include "reader.h"
#include "structure.h"
#include "text.h"
#include "util.h"
#include "validate.h"

#define MAX_SHOWN 100

enum { EXIT_REJECTS = 1, EXIT_USAGE = 2, EXIT_DATABASE = 3 };

struct options {
	const char *database, *role, *format, *source, *rejects_path, *key_file, *chunk_arg;
	long chunk;
	bool dry_run, quiet, help;
};

struct run {
	struct options opt;
	struct import_rules rules;
	struct import_loader *loader;
	FILE *rejects;
	const char *file; /* the file being read, for messages */
	long long read, valid, rejected, shown;
	/* Rows are rejected by the reading thread and by the loader's storing thread. */
	pthread_mutex_t lock;
};

static void usage(FILE *f)
{
	fputs("Usage: kenes-import [OPTIONS] FILE...\n"
	      "Imports proposals from other channels (CSV or JSON Lines) into Kenes. Every row is\n"
	      "checked by the same rules as POST /api/v1/proposals; bad rows are reported with\n"
	      "their line and reason and the rest are stored. Importing a file again stores\n"
	      "nothing twice: a row is known by (consultation, source, source_id).\n"
	      "\n"
	      "  -d, --database URL    libpq connection string or URI (KENES_DATABASE_URL;\n"
	      "                        default dbname=kenes)\n"
	      "      --role ROLE       role to SET after connecting, e.g. kenes_importer\n"
	      "                        (KENES_DATABASE_ROLE)\n"
	      "  -f, --format FMT      csv or jsonl (default: from the file name; - is stdin)\n"
	      "  -s, --source CODE     the source of rows without a source column:\n"
	      "                        e-otinish, egov or letter (kenes.import_source)\n"
	      "      --rejects FILE    write every rejected row as CSV: file,line,source_id,\n"
	      "                        field,code,message\n"
	      "      --key-file FILE   pseudonym key, to store IINs as pseudonyms\n"
	      "                        (KENES_PSEUDONYM_KEY_FILE; needed only if rows carry an iin)\n"
	      "  -n, --dry-run         check every row, store nothing\n"
	      "      --chunk N         rows per transaction (default 10000)\n"
	      "  -q, --quiet           no progress bar and no rejected rows on stderr\n"
	      "  -h, --help            this text\n"
	      "\n"
	      "Columns (CSV header, or JSON members): the API's consultation, target, stance,\n"
	      "topics (CSV: separated by ';'), text, proposed_wording, lang, region, iin; and\n"
	      "source_id (required: the source's own id), source, submitted_at (RFC 3339 with a\n"
	      "zone; default: now).\n"
	      "\n"
	      "Exit status: 0 all stored or already there; 1 some rows rejected, the rest stored;\n"
	      "2 usage or input error; 3 database error (committed chunks stay; run it again).\n",
	      f);
}

static bool parse_options(int argc, char **argv, struct options *o, int *first_file)
{
	static const struct cli_option opts[] = {
		{ "database", 'd', true, offsetof(struct options, database) },
		{ "role", 0, true, offsetof(struct options, role) },
		{ "format", 'f', true, offsetof(struct options, format) },
		{ "source", 's', true, offsetof(struct options, source) },
		{ "rejects", 0, true, offsetof(struct options, rejects_path) },
		{ "key-file", 0, true, offsetof(struct options, key_file) },
		{ "dry-run", 'n', false, offsetof(struct options, dry_run) },
		{ "chunk", 0, true, offsetof(struct options, chunk_arg) },
		{ "quiet", 'q', false, offsetof(struct options, quiet) },
		{ "help", 'h', false, offsetof(struct options, help) },
	};
	const char *bad = NULL;

	o->database = getenv("KENES_DATABASE_URL") ? getenv("KENES_DATABASE_URL") : "dbname=kenes";
	o->role = getenv("KENES_DATABASE_ROLE");
	o->key_file = getenv("KENES_PSEUDONYM_KEY_FILE");
	o->chunk = 10000;
	switch (cli_parse(argc, argv, opts, ARRAY_LEN(opts), o, first_file, &bad)) {
	case CLI_NO_VALUE:
		fprintf(stderr, "kenes-import: option %s needs a value\n", bad);
		return false;
	case CLI_UNKNOWN:
		fprintf(stderr, "kenes-import: unknown option %s\n", bad);
		return false;
	case CLI_OK:
		break;
	}
	if (o->help) {
		usage(stdout);
		exit(0);
	}
	if (o->chunk_arg && !parse_long(o->chunk_arg, 1, 1000000, &o->chunk)) {
		fprintf(stderr, "kenes-import: --chunk takes 1 to 1000000\n");
		return false;
	}
	if (*first_file == argc) {
		fprintf(stderr, "kenes-import: no file given (- reads standard input)\n");
		return false;
	}
	return true;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

static bool file_format(const struct options *o, const char *path, enum import_format *fmt)
{
	if (o->format)
		return import_format_parse(o->format, fmt);
	if (ends_with(path, ".csv"))
		*fmt = IMPORT_CSV;
	else if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson") || ends_with(path, ".json"))
		*fmt = IMPORT_JSONL;
	else
		return false;
	return true;
}

/* A rejected row: on stderr (the first MAX_SHOWN) and in the rejects file. */
static void reject(struct run *run, long line, const char *source_id, const struct errors *errs)
{
	pthread_mutex_lock(&run->lock);
	run->rejected++;
	if (!run->opt.quiet && run->shown < MAX_SHOWN) {
		fprintf(stderr, "%s:%ld: rejected:", run->file, line);
		for (int i = 0; i < errs->count; i++)
			fprintf(stderr, "%s %s%s%s: %s", i ? ";" : "", errs->list[i].code,
				errs->list[i].field[0] ? " on " : "", errs->list[i].field,
				errs->list[i].message);
		fputc('\n', stderr);
		if (++run->shown == MAX_SHOWN)
			fprintf(stderr, "kenes-import: further rejected rows are not shown here%s\n",
				run->rejects ? " (see the rejects file)" : " (use --rejects FILE)");
	}
	for (int i = 0; run->rejects && i < errs->count; i++) {
		char number[24];
		struct sink out;

		snprintf(number, sizeof(number), "%ld", line);
		/* common/csv.c: quoted when it has to be, formulas neutralised. */
		sink_to_file(&out, run->rejects);
		csv_field(&out, run->file, true);
		csv_field(&out, number, false);
		/* Only an id that is one clean line goes into the report. */
		csv_field(&out, source_id ? source_id : "", false);
		csv_field(&out, errs->list[i].field, false);
		csv_field(&out, errs->list[i].code, false);
		csv_field(&out, errs->list[i].message, false);
		csv_end_row(&out);
	}
	pthread_mutex_unlock(&run->lock);
}

/* The loader's report of a row the database refused (called by its storing thread). */
static void refused(void *ctx, long line, const char *code, const char *message)
{
	struct run *run = ctx;
	struct errors errs = { .count = 0 };

	errors_add(&errs, ERROR_INVALID, code, NULL, "%s", message);
	reject(run, line, NULL, &errs);
}

static bool clean_id(const char *s)
{
	return s && text_is_clean_line(s, strlen(s));
}

/* Reads, checks and queues every row of one file. The exit status so far, or a fatal one. */
static int import_file(struct run *run, const char *path)
{
	enum import_format fmt;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct import_reader *reader;
	struct import_record rec;
	struct import_row row;
	struct progress bar;
	struct stat st;
	long long size = 0;
	char err[512];
	int got, status = 0;

	run->file = strcmp(path, "-") == 0 ? "stdin" : path;
	if (!file_format(&run->opt, path, &fmt)) {
		fprintf(stderr, "kenes-import: %s: say --format csv or --format jsonl\n", run->file);
		return EXIT_USAGE;
	}
	if (!f) {
		fprintf(stderr, "kenes-import: %s: %s\n", path, strerror(errno));
		return EXIT_USAGE;
	}
	reader = import_reader_new(f, fmt, err, sizeof(err));
	if (!reader) {
		fprintf(stderr, "kenes-import: %s: %s\n", run->file, err);
		status = EXIT_USAGE;
		goto out;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
		size = st.st_size;
	progress_start(&bar, "import", !run->opt.quiet);
	while ((got = import_reader_next(reader, &rec)) == 1) {
		run->read++;
		if (import_validate(&rec, &run->rules, &row) && rec.in.iin && *rec.in.iin &&
		    !run->rules.pseudonyms && !run->opt.dry_run) {
			/* Stored without it, the person would count as anonymous: stop instead. */
			fprintf(stderr,
				"kenes-import: %s:%ld: rows carry IINs: give the pseudonym key "
				"(--key-file or KENES_PSEUDONYM_KEY_FILE)\n",
				run->file, rec.line);
			status = EXIT_USAGE;
		} else if (!rec.errs.count) {
			run->valid++;
			if (!run->opt.dry_run &&
			    !import_loader_add(run->loader, rec.line, &row, err, sizeof(err))) {
				fprintf(stderr, "kenes-import: %s: %s\n", run->file, err);
				status = EXIT_DATABASE;
			}
		} else {
			reject(run, rec.line, clean_id(rec.source_id) ? rec.source_id : NULL, &rec.errs);
		}
		import_row_free(&row);
		import_record_free(&rec);
		if (status)
			break;
		progress_update(&bar, import_reader_offset(reader), size, "bytes");
	}
	progress_done(&bar);
	if (got < 0) {
		fprintf(stderr, "kenes-import: %s: read error\n", run->file);
		status = EXIT_USAGE;
	}
	if (!status && !run->opt.dry_run && !import_loader_flush(run->loader, err, sizeof(err))) {
		fprintf(stderr, "kenes-import: %s: %s\n", run->file, err);
		status = EXIT_DATABASE;
	}
out:
	import_reader_free(reader);
	if (f != stdin)
		fclose(f);
	return status;
}

static bool load_key(struct run *run)
{
	char err[256];

	if (!run->opt.key_file || !*run->opt.key_file)
		return true;
	if (!identity_key_load(run->opt.key_file, err, sizeof(err))) {
		fprintf(stderr, "kenes-import: %s\n", err);
		return false;
	}
	run->rules.pseudonyms = true;
	return true;
}

static int setup(struct run *run)
{
	char err[512];

	run->rules.default_source = run->opt.source;
	run->rules.now = time(NULL);
	if (!load_key(run))
		return EXIT_USAGE;
	run->loader = import_loader_open(run->opt.database, run->opt.role, (int)run->opt.chunk, refused, run,
					 err, sizeof(err));
	if (!run->loader || !import_loader_sources(run->loader, &run->rules, err, sizeof(err))) {
		fprintf(stderr, "kenes-import: %s\n", err);
		return EXIT_DATABASE;
	}
	if (run->opt.source && !import_validate_source_known(&run->rules, run->opt.source)) {
		fprintf(stderr,
			"kenes-import: unknown source \"%s\" (kenes.import_source has:", run->opt.source);
		for (int i = 0; i < run->rules.source_count; i++)
			fprintf(stderr, " %s", run->rules.sources[i]);
		fprintf(stderr, ")\n");
		return EXIT_USAGE;
	}
	if (run->opt.rejects_path) {
		run->rejects = fopen(run->opt.rejects_path, "w");
		if (!run->rejects) {
			fprintf(stderr, "kenes-import: %s: %s\n", run->opt.rejects_path, strerror(errno));
			return EXIT_USAGE;
		}
		fputs("file,line,source_id,field,code,message\r\n", run->rejects);
	}
	return 0;
}

static void summary(const struct run *run, double seconds)
{
	const struct import_counts none = { 0 };
	const struct import_counts *c = run->loader ? import_loader_counts(run->loader) : &none;

	if (run->opt.dry_run)
		printf("dry run: read %lld rows: %lld valid, %lld rejected; nothing stored (%.1f s)\n",
		       run->read, run->valid, run->rejected, seconds);
	else
		printf("read %lld rows: stored %lld, duplicates skipped %lld, rejected %lld (%.1f s, %.0f "
		       "rows/s)\n",
		       run->read, c->stored, c->duplicates, run->rejected, seconds,
		       seconds > 0 ? (double)run->read / seconds : 0.0);
}

int main(int argc, char **argv)
{
	struct run run = { 0 };
	struct timespec t0, t1;
	int first, status;

	pthread_mutex_init(&run.lock, NULL);

	if (!parse_options(argc, argv, &run.opt, &first)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	log_set_level(L_WARN);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	status = setup(&run);
	for (int i = first; i < argc && !status; i++)
		status = import_file(&run, argv[i]);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!status || status == EXIT_DATABASE)
		summary(&run, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (run.rejects && fclose(run.rejects) != 0) {
		fprintf(stderr, "kenes-import: %s: %s\n", run.opt.rejects_path, strerror(errno));
		status = status ? status : EXIT_USAGE;
	}
	import_loader_close(run.loader);
	structure_clear();
	identity_key_free();
	if (!status && run.rejected)
		status = EXIT_REJECTS;
	return status;
}
