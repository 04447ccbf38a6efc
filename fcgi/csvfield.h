/*
 * csvfield.h - one CSV field into a buffer, safe to open in a spreadsheet.
 *
 * The same rules as aggregator/csv.c (which the handler does not link): a field is quoted
 * when it holds , " CR or LF, and one a spreadsheet would take for a formula (starting with
 * = + - @ tab or CR) is quoted with a leading apostrophe, so it shows as text.
 */
#ifndef KENES_CSVFIELD_H
#define KENES_CSVFIELD_H

#include <stdbool.h>

#include "buf.h"

/* Appends `value` (NUL-terminated), preceded by a comma unless it is the row's first. */
void csvfield_put(struct buf *b, const char *value, bool first);

#endif
