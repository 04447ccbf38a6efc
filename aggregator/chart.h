/*
 * chart.h - the HTML report's inline SVG charts. Each fits the width of an A4 page and
 * scales with it (viewBox, width 100%); colours are told apart by colour-blind readers and
 * in grey print (lines also differ by dash). Every label is escaped.
 */
#ifndef KENES_CHART_H
#define KENES_CHART_H

#include <jansson.h>

#include "report_text.h"
#include "sink.h"

/* Stacked bars of in favour / against / amendment per part with proposals. */
void chart_stances(struct sink *s, const json_t *doc, enum report_lang lang);
/* Parts x topics, shaded by the number of proposals. */
void chart_heatmap(struct sink *s, const json_t *doc, enum report_lang lang);
/* Proposals, people and supports per ISO week. */
void chart_trend(struct sink *s, const json_t *doc, enum report_lang lang);

#endif
