/*
 * reader.h - the records of an import file: CSV (RFC 4180, UTF-8, a header row) or JSON
 * Lines, turned into the API's proposal fields plus the import's own (source, source_id,
 * submitted_at).
 *
 * The API's field rules are not repeated here: a CSV cell goes through proposal_input_set
 * and a JSON line through jsonbody_parse and proposal_input_from_object, exactly as a body
 * of POST /api/v1/proposals would; import_validate (validate.h) then applies
 * proposal_validate. A record that cannot be read (a malformed line, a wrong number of
 * cells, a line over IMPORT_MAX_RECORD bytes) comes back with its errors and the reader
 * goes on with the next one. Records own their strings; import_record_free releases them.
 */
#ifndef KENES_IMPORT_READER_H
#define KENES_IMPORT_READER_H

#include <stdbool.h>
#include <stdio.h>

#include "errors.h"
#include "proposal.h"

/* Longest record read: two 5,000-character texts of 4-byte characters, doubled quotes. */
#define IMPORT_MAX_RECORD  (128 * 1024)
#define IMPORT_MAX_COLUMNS 32

enum import_format { IMPORT_CSV, IMPORT_JSONL };

struct import_record {
	long line; /* the line the record starts on, 1-based */
	struct proposal_input in;
	char *source, *source_id, *submitted_at; /* NULL when absent */
	struct errors errs;                      /* what was wrong reading it */
};

struct import_reader;

/*
 * Starts reading f (borrowed; the caller closes it). For CSV, reads and checks the header:
 * NULL with the reason in err when it is missing, malformed or names an unknown column.
 */
struct import_reader *import_reader_new(FILE *f, enum import_format format, char *err, size_t errlen);
void import_reader_free(struct import_reader *r);

/* 1 with the next record (which may carry errors), 0 at the end, -1 when f fails to read. */
int import_reader_next(struct import_reader *r, struct import_record *rec);
void import_record_free(struct import_record *rec);

/* Bytes consumed so far, for progress. */
long long import_reader_offset(const struct import_reader *r);

/* "csv" or "jsonl" (also "json", "ndjson"); false otherwise. */
bool import_format_parse(const char *name, enum import_format *out);

#endif
