/*
 * validate.h - one import record checked by the API's rules, and the import's own.
 *
 * The proposal itself goes through proposal_validate (common/proposal.c) against the same
 * structure cache the handler uses, and an IIN through identity_from_iin (common/identity.c)
 * as the handler's write_identity does; nothing of those rules is repeated here. What the
 * import adds: a source (from the row or the command line) that
 * kenes.import_source knows, the source's own id (1-200 bytes, one clean line) and an
 * optional submitted_at (RFC 3339 with a time zone, not in the future).
 *
 * Differences from the API, on purpose (docs/IMPORT.md): no per-person hourly cap, and a
 * consultation that asks for identity still takes imported rows without one.
 */
#ifndef KENES_IMPORT_VALIDATE_H
#define KENES_IMPORT_VALIDATE_H

#include <stdbool.h>
#include <time.h>

#include "proposal.h"
#include "reader.h"
#include "identity.h"

#define IMPORT_SOURCE_ID_MAX 200
#define IMPORT_MAX_SOURCES   32

struct import_rules {
	const char *default_source;              /* --source, or NULL */
	const char *sources[IMPORT_MAX_SOURCES]; /* codes kenes.import_source has */
	int source_count;
	bool pseudonyms; /* a key is loaded: IINs become pseudonyms (else only checked) */
	time_t now;
};

struct import_row {
	struct proposal p;                    /* validated, owns its texts */
	const char *source;                   /* borrowed from the rules */
	const char *source_id, *submitted_at; /* borrowed from the record */
	bool has_submitter;
	char submitter[PSEUDONYM_HEX_LEN]; /* "\x…" when has_submitter */
};

/*
 * Checks rec (its reading errors first) and fills row. False with every problem in
 * rec->errs. row borrows from rec and rules: free it with import_row_free before them.
 */
bool import_validate(struct import_record *rec, const struct import_rules *rules, struct import_row *row);
void import_row_free(struct import_row *row);

/* True when kenes.import_source (as loaded into rules) has this code. */
bool import_validate_source_known(const struct import_rules *rules, const char *code);

/* RFC 3339 date-time with a zone ("2026-02-08T12:30:09+05:00", "…Z", fraction allowed). */
bool import_timestamp_parse(const char *s, time_t *out);

#endif
