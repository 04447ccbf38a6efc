/*
 * render_positions.h - a report's positions section (the comparative table for the parts the
 * report covers), written once for HTML and Markdown: each format gives its markup as a
 * table of functions and literal strings, so the section is not a pair of near-copies.
 */
#ifndef KENES_RENDER_POSITIONS_H
#define KENES_RENDER_POSITIONS_H

#include <jansson.h>

#include "report_text.h"
#include "sink.h"

struct render_markup {
	void (*heading)(struct sink *s, int level, const char *text); /* level 2 or 3 */
	void (*text)(struct sink *s, const char *text);               /* inline, escaped */
	void (*quote)(struct sink *s, const char *text);              /* a proposal in full */
	void (*table_begin)(struct sink *s, const char *const *headers, int n);
	void (*cell)(struct sink *s, int column);                          /* before each cell of a row */
	const char *row_end, *table_end, *paragraph_begin, *paragraph_end; /* written as they are */
};

/* The section, when the document has positions (documents made before them have none). */
void render_positions(const json_t *doc, enum report_lang lang, struct sink *s,
		      const struct render_markup *mk);
/* The same as CSV rows: position,<part>/<id>,<label>,<decision>,proposals,people,supports,
 * texts,<new part>. */
void render_positions_csv(const json_t *doc, enum report_lang lang, struct sink *s);

#endif
