/*
 * csv.h - RFC 4180 CSV that a spreadsheet cannot mistake for formulas: the reports, the
 * handler's CSV answers and kenes-import's rejects file all write it here.
 *
 * A field holding a comma, a double quote, CR or LF is quoted (quotes doubled); rows end
 * with CRLF. A field that would start with = + - @, a tab or CR is neutralised with a
 * leading apostrophe, so that Excel and LibreOffice show it as text instead of running it
 * (OWASP "CSV injection"). Numbers Kenes writes are never negative, so they never start
 * with '-'.
 */
#ifndef KENES_CSV_H
#define KENES_CSV_H

#include <stdbool.h>

#include "buf.h"
#include "sink.h"

/* UTF-8 byte order mark, for Excel (optional: --bom, ?bom=1). */
#define CSV_BOM "\xef\xbb\xbf"

/* True when a spreadsheet would read the value as a formula. */
bool csv_is_formula(const char *value);
/* Writes one field; first: no separator before it. */
void csv_field(struct sink *s, const char *value, bool first);
void csv_number(struct sink *s, long long value);
void csv_end_row(struct sink *s);
/* csv_field into a buffer. */
void csv_put(struct buf *b, const char *value, bool first);

#endif
