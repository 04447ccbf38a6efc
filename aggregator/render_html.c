/*
 * render_html.c - a report as one self-contained HTML file: inline CSS and SVG, no script,
 * no external resource; readable on screen and printed on A4. Every text that comes from
 * data (titles, labels, proposal excerpts) goes through sink_html.
 */
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "buf.h"
#include "render_html.h"
#include "render_positions.h"

#include "render_internal.h"

static const char style[] =
	":root{--support:#1b6ca8;--oppose:#d95f02;--amend:#8c8c8c;--ink:#1d2733;--muted:#5b6673;--rule:#"
	"d5dbe3}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0 auto;max-width:980px;padding:28px 24px;color:var(--ink);background:#fff;"
	"font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",Arial,sans-serif}\n"
	"h1{font-size:26px;line-height:1.2;margin:4px 0 6px}\n"
	"h2{font-size:18px;margin:30px 0 10px;padding-bottom:4px;border-bottom:2px solid "
	"var(--ink);break-after:avoid}\n"
	"h3{font-size:15px;margin:18px 0 6px;break-after:avoid}\n"
	".kicker{margin:0;color:var(--muted);font-size:12px;letter-spacing:.04em;text-transform:uppercase}\n"
	".heading{font-size:17px;margin:0 0 10px}\n"
	".meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:10px "
	"0;color:var(--muted)}\n"
	".meta dt{font-weight:600}.meta dd{margin:0}\n"
	".status{display:inline-block;padding:3px 9px;border-radius:3px;font-size:12px;font-weight:600}\n"
	".status.issued{background:#e3f0e3;color:#1f5a1f}.status.provisional{background:#fff0d1;color:#"
	"774700}"
	".status.range{background:#eef1f5;color:#3a4654}\n"
	".cards{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;margin:8px 0 14px}\n"
	".card{border:1px solid var(--rule);border-radius:6px;padding:10px 14px}\n"
	".card .n{font-size:30px;font-weight:700;font-variant-numeric:tabular-nums}\n"
	".card .l{color:var(--muted)}.card .c{font-size:12px;color:var(--muted)}\n"
	"table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}\n"
	"th,td{padding:3px 6px;border-bottom:1px solid var(--rule);text-align:right;vertical-align:top}\n"
	"th:first-child,td:first-child{text-align:left}\n"
	"thead th{font-size:12px;color:var(--muted);border-bottom:2px solid "
	"var(--ink);vertical-align:bottom}\n"
	"tr{break-inside:avoid}tr.zero td{color:#a0a8b2}\n"
	".dot{display:inline-block;width:9px;height:9px;border-radius:2px;margin-right:4px}\n"
	".support{background:var(--support)}.oppose{background:var(--oppose)}.amend{background:var(--amend)}"
	"\n"
	".note{color:var(--muted);font-size:12px}\n"
	"svg{display:block;width:100%;height:auto;margin:6px 0}\n"
	"ol.top{margin:0;padding-left:22px}ol.top li{margin:0 0 8px;break-inside:avoid}\n"
	".top .m{color:var(--muted);font-size:12px}.top q{quotes:none}\n"
	".new{color:#1f5a1f;font-weight:600}.burst{color:#a1261b}\n"
	"footer{margin-top:34px;padding-top:8px;border-top:1px solid "
	"var(--rule);color:var(--muted);font-size:12px}\n"
	"@page{size:A4;margin:14mm 12mm}\n"
	"@media print{body{max-width:none;padding:0;font-size:10pt}h2{margin-top:18px}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static void stance_head(struct sink *s, enum report_lang lang, const char *first, bool level)
{
	sink_puts(s, "<table>\n<thead><tr><th>");
	sink_html(s, first);
	sink_printf(s, "</th><th>%s</th>", report_text(lang, "proposals"));
	for (int i = 0; i < 3; i++)
		sink_printf(s, "<th><span class=\"dot %s\"></span>%s</th>", render_stances[i],
			    report_text(lang, render_stances[i]));
	sink_printf(s, "<th>%s</th><th>%s</th>", report_text(lang, "people"), report_text(lang, "supports"));
	if (level)
		sink_printf(s, "<th>%s</th>", report_text(lang, "support_level"));
	sink_puts(s, "</tr></thead>\n<tbody>\n");
}

static void stance_row(struct sink *s, enum report_lang lang, const char *label, const json_t *item,
		       bool level)
{
	sink_printf(s, "<tr%s><td>", render_int(item, "all", "proposals") ? "" : " class=\"zero\"");
	sink_html(s, label);
	render_stance_cells(s, lang, item, level, "</td><td>");
	sink_puts(s, "</td></tr>\n");
}

static void header(const json_t *doc, enum report_lang lang, struct sink *s)
{
	const json_t *consultation = json_object_get(doc, "consultation");
	const char *status = render_str(doc, "status");
	const char *status_key = strcmp(status, "issued") == 0        ? "issued"
				 : strcmp(status, "provisional") == 0 ? "provisional"
								      : "ad_hoc";
	char text[1200], period[64];

	render_heading(doc, lang, text, sizeof(text));
	sink_printf(s,
		    "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<meta name=\"generator\" content=\"kenes-aggregator (%s)\">\n<title>",
		    report_lang_code(lang), render_str(doc, "format"));
	sink_html(s, report_text(lang, "report"));
	sink_puts(s, " \xe2\x80\x94 ");
	sink_html(s, text);
	sink_printf(s, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<p class=\"kicker\">",
		    style);
	sink_html(s, render_str(json_object_get(consultation, "title"), report_lang_code(lang)));
	sink_printf(s, "</p>\n<h1>%s</h1>\n<p class=\"heading\">", report_text(lang, "report"));
	sink_html(s, text);
	render_period(json_object_get(doc, "period"), period, sizeof(period));
	sink_printf(s, "</p>\n<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>", report_text(lang, "period"),
		    period);
	if (json_is_object(json_object_get(doc, "previous"))) {
		render_period(json_object_get(doc, "previous"), period, sizeof(period));
		sink_printf(s, "<dt>%s</dt><dd>%s</dd>", report_text(lang, "previous"), period);
	}
	sink_printf(s, "<dt>%s</dt><dd>", report_text(lang, "cut_off"));
	sink_html(s, render_str(doc, "cut_off"));
	sink_printf(s, " (%s: ", report_text(lang, "time_zone"));
	sink_html(s, render_str(doc, "time_zone"));
	sink_printf(s, ")</dd></dl>\n<p class=\"status %s\">%s</p>\n</header>\n",
		    status[0] ? status : "range", report_text(lang, status_key));
}

static void totals(const json_t *doc, enum report_lang lang, struct sink *s)
{
	static const char *const measures[] = { "proposals", "people", "supports" };
	const json_t *now = json_object_get(json_object_get(doc, "totals"), "period");
	const json_t *before = json_object_get(json_object_get(doc, "totals"), "previous");
	char text[64];

	sink_printf(s, "<section id=\"totals\">\n<h2>%s</h2>\n<div class=\"cards\">\n",
		    report_text(lang, "totals"));
	for (int i = 0; i < 3; i++) {
		long long a = render_int(now, "all", measures[i]);

		sink_puts(s, "<div class=\"card\"><div class=\"n\">");
		render_count(s, lang, a);
		sink_printf(s, "</div><div class=\"l\">%s</div>", report_text(lang, measures[i]));
		if (json_is_object(before)) {
			long long b = render_int(before, "all", measures[i]);

			report_change(lang, a - b, text, sizeof(text));
			sink_printf(s, "<div class=\"c\">%s %s (%s: ", report_text(lang, "change"), text,
				    report_text(lang, "previous"));
			render_count(s, lang, b);
			sink_puts(s, ")</div>");
		}
		sink_puts(s, "</div>\n");
	}
	sink_puts(s, "</div>\n");
	stance_head(s, lang, "", false);
	render_period(json_object_get(doc, "period"), text, sizeof(text));
	stance_row(s, lang, text, now, false);
	if (json_is_object(before)) {
		render_period(json_object_get(doc, "previous"), text, sizeof(text));
		stance_row(s, lang, text, before, false);
	}
	sink_puts(s, "</tbody></table>\n</section>\n");
}

static void dimension(const json_t *doc, enum report_lang lang, struct sink *s, const char *list,
		      const char *one)
{
	sink_printf(s, "<section id=\"%s\">\n<h2>%s</h2>\n", list, report_text(lang, list));
	stance_head(s, lang, report_text(lang, one), false);
	render_stance_rows(doc, list, lang, s, stance_row);
	sink_puts(s, "</tbody></table>\n</section>\n");
}

static void parts(const json_t *doc, enum report_lang lang, struct sink *s)
{
	sink_printf(s, "<section id=\"stances\">\n<h2>%s</h2>\n", report_text(lang, "support_chart"));
	if (render_parts_with_proposals(doc) == 0)
		sink_printf(s, "<p>%s</p>\n", report_text(lang, "no_proposals"));
	chart_stances(s, doc, lang);
	sink_printf(s, "</section>\n<section id=\"parts\">\n<h2>%s</h2>\n", report_text(lang, "parts"));
	stance_head(s, lang, report_text(lang, "part"), true);
	render_stance_rows(doc, "parts", lang, s, stance_row);
	sink_printf(s, "</tbody></table>\n<p class=\"note\">%s: %s.</p>\n</section>\n",
		    report_text(lang, "support_level"), report_text(lang, "support_level_note"));
}

static void trend(const json_t *doc, enum report_lang lang, struct sink *s)
{
	const json_t *week;
	size_t i;
	char period[64];

	sink_printf(s, "<section id=\"trend\">\n<h2>%s</h2>\n", report_text(lang, "trend"));
	chart_trend(s, doc, lang);
	sink_printf(s,
		    "<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></"
		    "thead>\n<tbody>\n",
		    report_text(lang, "week"), report_text(lang, "period"), report_text(lang, "proposals"),
		    report_text(lang, "people"), report_text(lang, "supports"));
	json_array_foreach(json_object_get(doc, "weeks"), i, week)
	{
		render_period(week, period, sizeof(period));
		sink_printf(s, "<tr%s><td>%s</td><td>%s",
			    render_int(week, NULL, "proposals") ? "" : " class=\"zero\"",
			    render_str(week, "week"), period);
		render_count_cells(s, lang, week, render_week_counts, 3, "</td><td>");
		sink_puts(s, "</td></tr>\n");
	}
	sink_puts(s, "</tbody></table>\n</section>\n");
}

static void top_part(struct sink *s, const char *label)
{
	sink_puts(s, "<h3>");
	sink_html(s, label);
	sink_puts(s, "</h3>\n<ol class=\"top\">\n");
}

static void top_item(struct sink *s, enum report_lang lang, const json_t *p)
{
	sink_printf(s,
		    "<li><div class=\"m\">#%lld \xc2\xb7 <span class=\"dot %s\"></span>%s "
		    "\xc2\xb7 %s: ",
		    render_int(p, NULL, "id"), render_str(p, "stance"),
		    report_text(lang, render_str(p, "stance")), report_text(lang, "supports"));
	render_count(s, lang, render_int(p, NULL, "supports"));
	sink_puts(s, " \xc2\xb7 ");
	sink_html(s, render_str(p, "date"));
	if (json_is_true(json_object_get(p, "new")))
		sink_printf(s, " \xc2\xb7 <span class=\"new\">%s</span>", report_text(lang, "new"));
	sink_puts(s, "</div><q>");
	sink_html(s, render_str(p, "excerpt"));
	sink_puts(s, "</q></li>\n");
}

static void top(const json_t *doc, enum report_lang lang, struct sink *s)
{
	static const struct render_top lists = { top_part, top_item, "</ol>\n" };

	sink_printf(s, "<section id=\"top\">\n<h2>%s</h2>\n", report_text(lang, "top"));
	if (render_parts_with_proposals(doc) == 0)
		sink_printf(s, "<p>%s</p>\n", report_text(lang, "no_proposals"));
	render_top_lists(doc, lang, s, &lists);
	sink_printf(s, "<p class=\"note\">%s</p>\n</section>\n", report_text(lang, "note_top"));
}

/* The period's proposals with each campaign as one text, and the largest campaigns. */
/* Text as typed, escaped, its line breaks kept. */
static void html_lines(struct sink *s, const char *text)
{
	struct buf line;

	buf_init(&line, 0);
	for (const char *p = text;; p++) {
		if (*p != '\n' && *p != '\0') {
			if (*p != '\r')
				buf_putc(&line, *p);
			continue;
		}
		sink_html(s, line.data);
		buf_reset(&line);
		if (*p == '\0')
			break;
		sink_puts(s, "<br>");
	}
	buf_free(&line);
}

static void campaigns(const json_t *doc, enum report_lang lang, struct sink *s)
{
	const json_t *cs = json_object_get(doc, "campaigns"), *item;
	size_t i;

	if (!json_is_object(cs))
		return; /* a document made before campaigns were kept */
	sink_printf(s, "<section id=\"campaigns\">\n<h2>%s</h2>\n<p>", report_text(lang, "campaigns"));
	render_campaign_totals(s, lang, cs);
	sink_puts(s, "</p>\n");
	if (json_array_size(json_object_get(cs, "items")) == 0) {
		sink_printf(s, "<p>%s</p>\n</section>\n", report_text(lang, "no_campaigns"));
		return;
	}
	sink_printf(s,
		    "<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		    "<th>%s</th></tr></thead>\n<tbody>\n",
		    report_text(lang, "campaign"), report_text(lang, "proposals"),
		    report_text(lang, "people"), report_text(lang, "texts"), report_text(lang, "first_seen"),
		    report_text(lang, "last_seen"), report_text(lang, "peak"));
	json_array_foreach(json_object_get(cs, "items"), i, item)
	{
		sink_printf(s, "<tr><td>#%lld <q>", render_int(item, NULL, "id"));
		sink_html(s, render_str(item, "excerpt"));
		sink_puts(s, "</q>");
		render_count_cells(s, lang, item, render_campaign_counts, 3, "</td><td>");
		sink_puts(s, "</td><td>");
		sink_html(s, render_str(item, "first"));
		sink_puts(s, "</td><td>");
		sink_html(s, render_str(item, "last"));
		sink_puts(s, "</td><td>");
		render_count(s, lang, render_int(item, NULL, "peak_per_minute"));
		if (json_is_true(json_object_get(item, "burst")))
			sink_printf(s, " <strong class=\"burst\">%s</strong> ", report_text(lang, "burst"));
		sink_html(s, render_str(item, "peak_minute"));
		sink_puts(s, "</td></tr>\n");
	}
	sink_printf(s, "</tbody></table>\n<h3>%s</h3>\n<dl class=\"campaign-texts\">\n",
		    report_text(lang, "campaign_texts"));
	json_array_foreach(json_object_get(cs, "items"), i, item)
	{
		sink_printf(s, "<dt>#%lld</dt><dd>", render_int(item, NULL, "id"));
		html_lines(s, render_campaign_text(item));
		sink_puts(s, "</dd>\n");
	}
	sink_printf(s, "</dl>\n<p class=\"note\">%s %s: %lld.</p>\n</section>\n",
		    report_text(lang, "note_campaigns"), report_text(lang, "burst_threshold"),
		    render_int(cs, NULL, "burst_per_minute"));
}

/* The positions section's markup (render_positions.h). */
static void html_heading(struct sink *s, int level, const char *text)
{
	sink_printf(s, "<h%d>", level);
	sink_html(s, text);
	sink_printf(s, "</h%d>\n", level);
}

static void html_quote(struct sink *s, const char *text)
{
	sink_puts(s, "<blockquote>");
	html_lines(s, text);
	sink_puts(s, "</blockquote>\n");
}

static void html_table_begin(struct sink *s, const char *const *headers, int n)
{
	sink_puts(s, "<table>\n<thead><tr>");
	for (int i = 0; i < n; i++) {
		sink_puts(s, i < 3 ? "<th>" : "<th class=\"n\">");
		sink_html(s, headers[i]);
		sink_puts(s, "</th>");
	}
	sink_puts(s, "</tr></thead>\n<tbody>\n");
}

static void html_cell(struct sink *s, int column)
{
	sink_puts(s, column == 0 ? "<tr><td>" : column < 3 ? "</td><td>" : "</td><td class=\"n\">");
}

static void html_put(struct sink *s, const char *text)
{
	sink_html(s, text);
}

static const struct render_markup html_markup = {
	html_heading,         html_put, html_quote, html_table_begin, html_cell, "</td></tr>\n",
	"</tbody></table>\n", "<p>",    "</p>\n",
};

static void positions(const json_t *doc, enum report_lang lang, struct sink *s)
{
	if (json_array_size(json_object_get(doc, "positions")) == 0)
		return;
	sink_puts(s, "<section id=\"positions\">\n");
	render_positions(doc, lang, s, &html_markup);
	sink_puts(s, "</section>\n");
}

void render_html(const json_t *doc, enum report_lang lang, struct sink *s)
{
	header(doc, lang, s);
	sink_puts(s, "<main>\n");
	totals(doc, lang, s);
	campaigns(doc, lang, s);
	parts(doc, lang, s);
	positions(doc, lang, s);
	dimension(doc, lang, s, "topics", "topic");
	if (json_array_size(json_object_get(json_object_get(doc, "heatmap"), "rows")) > 0) {
		sink_printf(s, "<section id=\"heatmap\">\n<h2>%s</h2>\n<p class=\"note\">%s</p>\n",
			    report_text(lang, "heatmap"), report_text(lang, "heatmap_note"));
		chart_heatmap(s, doc, lang);
		sink_puts(s, "</section>\n");
	}
	dimension(doc, lang, s, "regions", "region");
	dimension(doc, lang, s, "channels", "channel");
	trend(doc, lang, s);
	top(doc, lang, s);
	sink_printf(s,
		    "</main>\n<footer>\n<h2>%s</h2>\n<ul>\n<li>%s</li>\n<li>%s</li>\n<li>%s</li>\n</"
		    "ul>\n<p>%s \xc2\xb7 ",
		    report_text(lang, "notes"), report_text(lang, "note_people"),
		    report_text(lang, "note_supports"), report_text(lang, "note_days"),
		    report_text(lang, "generated_by"));
	sink_html(s, render_str(doc, "format"));
	sink_puts(s, "</p>\n</footer>\n</body>\n</html>\n");
}
