/*
 * load.h - storing validated import rows, one transaction and one commit per chunk, on a
 * storing thread while the next chunk is read (the paths it takes: load.c).
 *
 * Re-importing stores nothing twice. A lost connection, or a draft whose current version
 * changed during the import, stops it: the chunks committed before stay, and running the
 * import again completes it. The loader owns its connection and the copies of its rows.
 */
#ifndef KENES_IMPORT_LOAD_H
#define KENES_IMPORT_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "validate.h"

struct import_loader;
struct db_statements;
/* The importer's statements, embedded from sql/import/ (build/import_queries.c). */
extern const struct db_statements import_statements;

struct import_counts {
	long long stored, duplicates;
};

/* Called for a row the database refused: its line and the reason. */
typedef void (*import_refused_fn)(void *ctx, long line, const char *code, const char *message);

/*
 * Connects (url: libpq conninfo or URI; role: SET after connecting, or NULL), creates the
 * staging table, prepares the statements and reads the consultations' structure (the
 * structure cache of common/structure.h). NULL with the reason in err.
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
