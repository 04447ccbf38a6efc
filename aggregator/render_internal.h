/*
 * render_internal.h - the helpers the renderers (render_csv.h, render_html.h, render_md.h)
 * share to read a report document. Not for use outside render*.c and chart.c.
 */
#ifndef KENES_RENDER_INTERNAL_H
#define KENES_RENDER_INTERNAL_H

#include <jansson.h>

#include "report_text.h" /* and <stdbool.h>, <stddef.h> */
#include "sink.h"

/* The stances in the order reports show them (their text keys); the counts of a week of the
 * trend and of a campaign, in their tables' order. */
extern const char *const render_stances[3];         /* support, oppose, amend */
extern const char *const render_week_counts[3];     /* proposals, people, supports */
extern const char *const render_campaign_counts[3]; /* proposals, people, texts */

const char *render_str(const json_t *o, const char *key); /* a string member, "" when missing */
/* A campaign item's representative text in full; its excerpt in documents made before. */
const char *render_campaign_text(const json_t *item);
/* An integer member of o (or of its member `sub` when not NULL); 0 when missing. */
long long render_int(const json_t *o, const char *sub, const char *key);
const char *render_label(const json_t *o, enum report_lang lang); /* o's "label" in the language */
/* A part's label for tables: its label, with the draft version when not the current one. */
void render_part_label(const json_t *part, enum report_lang lang, char *out, size_t outlen);
/* A part's short name for charts: "4-бап", "Ст. 4", "Art. 4"; sections alike. */
void render_part_short(const json_t *part, enum report_lang lang, char *out, size_t outlen);
/* The report's heading: "Commission session No. 5: <title>", "Week 2026-W05", "Period". */
void render_heading(const json_t *doc, enum report_lang lang, char *out, size_t outlen);
void render_period(const json_t *period, char *out, size_t outlen); /* "2026-01-26 – 2026-02-01" */
/* At most max_chars characters of text (UTF-8), with "…" when cut. */
void render_truncate(const char *text, size_t max_chars, char *out, size_t outlen);
void render_count(struct sink *s, enum report_lang lang, long long n); /* as the language writes it */
/* The counts of item's members keys[0..n-1], each after `sep`. */
void render_count_cells(struct sink *s, enum report_lang lang, const json_t *item, const char *const *keys,
			size_t n, const char *sep);
/* A table row's stance cells, each after `sep`: all, support, oppose, amend, people,
 * supports, and with `level` the support share. */
void render_stance_cells(struct sink *s, enum report_lang lang, const json_t *item, bool level,
			 const char *sep);
int render_parts_with_proposals(const json_t *doc); /* how many parts have proposals in the period */
/* "Proposals: 1 234 · Texts: 56", the campaigns section's totals (cs: its object). */
void render_campaign_totals(struct sink *s, enum report_lang lang, const json_t *cs);
/* `row` for each item of the document's `list` ("parts", "topics", "regions", "channels")
 * with its label (render_part_label for parts, which also get the support level). */
typedef void render_row(struct sink *s, enum report_lang lang, const char *label, const json_t *item,
			bool level);
void render_stance_rows(const json_t *doc, const char *list, enum report_lang lang, struct sink *s,
			render_row *row);
/* The most supported proposals of each part that has some, in the draft's order: `part`
 * with the part's label, `item` for each proposal, then `list_end`. */
struct render_top {
	void (*part)(struct sink *s, const char *label);
	void (*item)(struct sink *s, enum report_lang lang, const json_t *proposal);
	const char *list_end;
};
void render_top_lists(const json_t *doc, enum report_lang lang, struct sink *s, const struct render_top *t);

#endif
