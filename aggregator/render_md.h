/*
 * render_md.h - a report document (report_data.h) as MD, streamed into a sink as it is
 * written. The document is borrowed; a write error sticks in the sink (sink_ok).
 */
#ifndef KENES_RENDER_MD_H
#define KENES_RENDER_MD_H

#include <jansson.h>

#include "report_text.h"
#include "sink.h"

void render_md(const json_t *doc, enum report_lang lang, struct sink *out);

#endif
