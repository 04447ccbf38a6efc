/*
 * fuzz_import.h - the body of the kenes-import harnesses: read every record of the input
 * as a file, validate it by the API's rules plus the import's, and stage the valid ones.
 *
 * What must hold: the reader ends; line numbers never go back; a record either validates
 * or carries errors; a staged row is one line of COPY text with 13 columns (no raw tab or
 * line break inside a value) that never holds the IIN outside what a person typed.
 */
#ifndef KENES_FUZZ_IMPORT_H
#define KENES_FUZZ_IMPORT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fixture.h"
#include "identity.h"
#include "load.h"
#include "reader.h"
#include "validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const unsigned char key[32] = "fuzzing key, 32 bytes long.....";

	(void)argc;
	(void)argv;
	if (!structure_set(FIXTURE_SLUG, FIXTURE_JSON("true")))
		abort();
	identity_key_set(key, sizeof(key));
	return 0;
}

static void check_staged(const struct import_record *rec, const struct import_row *row)
{
	struct buf line;
	int tabs = 0;

	buf_init(&line, 0);
	import_copy_fields(&line, row, "1", "2", "3", "2026-11-27 10:00:00+00");
	for (size_t i = 0; i < line.len; i++) {
		tabs += line.data[i] == '\t';
		if (line.data[i] == '\n' || line.data[i] == '\r' || line.data[i] == '\0')
			abort();
	}
	if (tabs != 12)
		abort();
	/* The IIN itself is never staged (unless a person typed it into a text). */
	if (rec->in.iin && strlen(rec->in.iin) == 12 && strstr(line.data, rec->in.iin) &&
	    !strstr(row->p.text, rec->in.iin) &&
	    !(row->p.proposed_wording && strstr(row->p.proposed_wording, rec->in.iin)) &&
	    !strstr(row->source_id, rec->in.iin))
		abort();
	buf_free(&line);
}

static int fuzz_import(const uint8_t *data, size_t size, enum import_format fmt)
{
	struct import_rules rules = {
		.default_source = "letter", .source_count = 2, .pseudonyms = true, .now = 1790000000
	};
	FILE *f = size ? fmemopen((void *)data, size, "r") : NULL;
	struct import_reader *r;
	struct import_record rec;
	struct import_row row;
	char err[256];
	long last = 0;
	int got;

	if (!f)
		return 0;
	rules.sources[0] = "letter";
	rules.sources[1] = "egov";
	r = import_reader_new(f, fmt, err, sizeof(err));
	if (!r) {
		if (!*err)
			abort();
		fclose(f);
		return 0;
	}
	while ((got = import_reader_next(r, &rec)) == 1) {
		if (rec.line < last || rec.line < 1)
			abort();
		last = rec.line;
		if (import_validate(&rec, &rules, &row))
			check_staged(&rec, &row);
		else if (rec.errs.count == 0)
			abort();
		import_row_free(&row);
		import_record_free(&rec);
	}
	if (got < 0)
		abort();
	import_reader_free(r);
	fclose(f);
	return 0;
}

#endif
