/*
 * render.h - a report document (report_data.h) written out as HTML, CSV, JSON or Markdown.
 *
 * Renderers are pure: the same document, format and language always give the same bytes,
 * which is what lets an issued report be regenerated identically. They write to the sink
 * as they go and read the document without changing it.
 */
#ifndef KENES_RENDER_H
#define KENES_RENDER_H

#include <jansson.h>
#include <stdbool.h>

#include "report_text.h"
#include "sink.h"

enum report_format { FORMAT_HTML, FORMAT_CSV, FORMAT_JSON, FORMAT_MD };

#define REPORT_FORMATS 4

bool report_format_parse(const char *name, enum report_format *out);
const char *report_format_name(enum report_format f); /* "html", "csv", "json", "md" */

/* False when the sink failed (see sink.h). JSON ignores the language: it carries all three. */
bool render_report(const json_t *doc, enum report_format f, enum report_lang lang, struct sink *out);

#endif
