/*
 * load.h - storing validated import rows: chunks COPYed into a temporary staging table and
 * inserted from there by one statement per chunk (sql/import/import_insert.sql), one
 * transaction and one commit per chunk.
 *
 * Re-importing stores nothing twice: the insert skips rows whose (consultation, source,
 * source_id) is stored already. A chunk the database refuses as a whole (a row breaking a
 * constraint validation did not foresee) is rolled back and its rows are retried one by
 * one, so only the bad row is rejected, with the database's reason. A lost connection
 * stops the import: the chunks committed before stay, and running the import again
 * completes it.
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

/* One row as a line of COPY text for the staging table (for the loader and its tests). */
void import_copy_line(struct buf *out, long line, const struct import_row *row);

#endif
