/*
 * load.h - storing validated import rows, one transaction and one commit per chunk.
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
 *
 * The loader owns its connection and the copies of the rows it holds.
 */
#ifndef KENES_IMPORT_LOAD_H
#define KENES_IMPORT_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "validate.h"

struct import_loader;

struct import_counts {
	long long stored, duplicates;
};

/* Called for a row the database refused: its line and the reason. */
typedef void (*import_refused_fn)(void *ctx, long line, const char *code, const char *message);

/*
 * Connects (url: libpq conninfo or URI; role: SET after connecting, or NULL), creates the
 * staging table and prepares the statements. NULL with the reason in err.
 */
struct import_loader *import_loader_open(const char *url, const char *role, int chunk_rows,
					 import_refused_fn refused, void *ctx, char *err, size_t errlen);
void import_loader_close(struct import_loader *l);

/* The codes of kenes.import_source into rules (strings owned by the loader). */
bool import_loader_sources(struct import_loader *l, struct import_rules *rules, char *err, size_t errlen);

/* Queues a validated row; stores the chunk when it is full. False on a database failure. */
bool import_loader_add(struct import_loader *l, long line, const struct import_row *row, char *err,
		       size_t errlen);
/* Stores what is queued. False on a database failure (err says why). */
bool import_loader_flush(struct import_loader *l, char *err, size_t errlen);
const struct import_counts *import_loader_counts(const struct import_loader *l);

/*
 * A row's columns as COPY text (no line break), from consultation_id to source_id, in the
 * order of sql/import/direct_copy.sql after its id: for the loader and its tests.
 * created_at is used when the row has no submitted_at.
 */
void import_copy_fields(struct buf *out, const struct import_row *row, const char *consultation_id,
			const char *version_id, const char *part_id, const char *created_at);

#endif
