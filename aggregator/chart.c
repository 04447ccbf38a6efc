#include "chart.h"

#include <stdio.h>
#include <string.h>

#include "render_internal.h"

/* The stance colours (blue, orange, grey) and the trend lines' (blue, green, orange). */
static const char *const stance_colours[3] = { "#1b6ca8", "#d95f02", "#8c8c8c" };

#define WIDTH 720

static void svg_open(struct sink *s, int height, const char *title)
{
	sink_printf(s,
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
		    "font-family=\"system-ui, sans-serif\" font-size=\"11\"><title>",
		    WIDTH, height);
	sink_html(s, title);
	sink_puts(s, "</title>\n");
}

static void text_at(struct sink *s, double x, double y, const char *anchor, const char *fill,
		    const char *text)
{
	sink_printf(s, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">", x, y, anchor, fill);
	sink_html(s, text);
	sink_puts(s, "</text>\n");
}

static void legend(struct sink *s, double x, double y, const char *colour, const char *dash,
		   const char *label)
{
	if (dash)
		sink_printf(s,
			    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
			    "stroke-width=\"2.5\" "
			    "stroke-dasharray=\"%s\"/>\n",
			    x, y - 4, x + 18, y - 4, colour, dash);
	else
		sink_printf(s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>\n", x,
			    y - 9, colour);
	text_at(s, x + (dash ? 22 : 14), y, "start", "#1d2733", label);
}

void chart_stances(struct sink *s, const json_t *doc, enum report_lang lang)
{
	const json_t *parts = json_object_get(doc, "parts"), *part;
	const double label_w = 150, bar_w = 440, row_h = 18, top = 28;
	long long max = 0;
	int rows = render_parts_with_proposals(doc), row = 0;
	size_t i;

	if (rows == 0)
		return;
	json_array_foreach(parts, i, part) if (render_int(part, "all", "proposals") > max) max =
		render_int(part, "all", "proposals");
	svg_open(s, (int)(top + rows * row_h + 8), report_text(lang, "support_chart"));
	for (int k = 0; k < 3; k++)
		legend(s, label_w + k * 150, 14, stance_colours[k], NULL,
		       report_text(lang, render_stances[k]));
	json_array_foreach(parts, i, part)
	{
		double x = label_w, y = top + row * row_h;
		char full[160], name[160], counts[96];

		if (render_int(part, "all", "proposals") == 0)
			continue;
		render_part_short(part, lang, full, sizeof(full));
		render_truncate(full, 22, name, sizeof(name));
		text_at(s, label_w - 6, y + 12, "end", "#1d2733", name);
		for (int k = 0; k < 3; k++) {
			double w = bar_w * (double)render_int(part, render_stances[k], "proposals") /
				   (double)max;

			if (w > 0)
				sink_printf(s,
					    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
					    "fill=\"%s\"/>\n",
					    x, y + 3, w, row_h - 6, stance_colours[k]);
			x += w;
		}
		snprintf(counts, sizeof(counts), "%lld / %lld / %lld",
			 render_int(part, "support", "proposals"), render_int(part, "oppose", "proposals"),
			 render_int(part, "amend", "proposals"));
		text_at(s, x + 6, y + 12, "start", "#5b6673", counts);
		row++;
	}
	sink_puts(s, "</svg>\n");
}

/* #eef3fa for zero to #0b3d73 for the maximum, on a square-root scale. */
static void shade(long long n, long long max, char out[8], bool *dark)
{
	static const int low[3] = { 0xee, 0xf3, 0xfa }, high[3] = { 0x0b, 0x3d, 0x73 };
	double t = 0;
	int c[3];

	if (max > 0 && n > 0) {
		/* sqrt without libm: a few Newton steps on a value in (0, 1]. */
		double v = (double)n / (double)max, r = v;

		for (int k = 0; k < 20; k++)
			r = 0.5 * (r + v / r);
		t = r;
	}
	for (int k = 0; k < 3; k++)
		c[k] = (int)(low[k] + (high[k] - low[k]) * t + 0.5);
	snprintf(out, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
	*dark = t > 0.55;
}

static const json_t *heat_part(const json_t *doc, const json_t *row)
{
	const json_t *part;
	size_t i;

	json_array_foreach(json_object_get(doc, "parts"), i,
			   part) if (strcmp(render_str(part, "key"), render_str(row, "key")) == 0 &&
				     render_int(part, NULL, "version") ==
					     render_int(row, NULL, "version")) return part;
	return NULL;
}

void chart_heatmap(struct sink *s, const json_t *doc, enum report_lang lang)
{
	const json_t *heat = json_object_get(doc, "heatmap"), *topics = json_object_get(doc, "topics");
	const json_t *rows = json_object_get(heat, "rows"), *row, *count;
	size_t ntopics = json_array_size(topics), i, j;
	const double label_w = 150, head_h = 180, row_h = 18;
	double cell_w;
	long long max = 0;

	if (json_array_size(rows) == 0 || ntopics == 0)
		return;
	cell_w = (WIDTH - label_w - 10) / (double)ntopics;
	if (cell_w > 44)
		cell_w = 44;
	json_array_foreach(rows, i, row) json_array_foreach(json_object_get(row, "counts"), j,
							    count) if (json_integer_value(count) > max) max =
		json_integer_value(count);
	svg_open(s, (int)(head_h + (double)json_array_size(rows) * row_h + 6), report_text(lang, "heatmap"));
	/* Topic names upright in their column, bottom to top, cut to fit the header. */
	for (j = 0; j < ntopics; j++) {
		double x = label_w + ((double)j + 0.5) * cell_w + 4;
		char name[160];

		render_truncate(render_label(json_array_get(topics, j), lang), 26, name, sizeof(name));
		sink_printf(s,
			    "<text transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"start\" "
			    "fill=\"#1d2733\">",
			    x, head_h - 6);
		sink_html(s, name);
		sink_puts(s, "</text>\n");
	}
	json_array_foreach(rows, i, row)
	{
		const json_t *part = heat_part(doc, row);
		double y = head_h + (double)i * row_h;
		char full[160], name[160];

		if (part)
			render_part_short(part, lang, full, sizeof(full));
		else
			snprintf(full, sizeof(full), "%s", render_str(row, "key"));
		render_truncate(full, 22, name, sizeof(name));
		text_at(s, label_w - 6, y + 12, "end", "#1d2733", name);
		json_array_foreach(json_object_get(row, "counts"), j, count)
		{
			long long n = json_integer_value(count);
			double x = label_w + (double)j * cell_w;
			char fill[8], number[24];
			bool dark;

			shade(n, max, fill, &dark);
			sink_printf(s,
				    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
				    "stroke=\"#ffffff\"/>\n",
				    x, y, cell_w, row_h, fill);
			if (n > 0) {
				snprintf(number, sizeof(number), "%lld", n);
				text_at(s, x + cell_w / 2, y + 12.5, "middle", dark ? "#ffffff" : "#1d2733",
					number);
			}
		}
	}
	sink_puts(s, "</svg>\n");
}

void chart_trend(struct sink *s, const json_t *doc, enum report_lang lang)
{
	static const char *const series[3] = { "proposals", "people", "supports" };
	static const char *const colours[3] = { "#1b6ca8", "#2b8a3e", "#d95f02" };
	static const char *const dashes[3] = { "none", "6 3", "2 2" };
	const json_t *weeks = json_object_get(doc, "weeks"), *week;
	const double left = 56, right = 16, top = 30, height = 260, bottom = 36;
	double plot_w = WIDTH - left - right, plot_h = height - top - bottom, step;
	size_t n = json_array_size(weeks), i, every;
	long long max = 0;
	char number[48];

	if (n == 0)
		return;
	json_array_foreach(weeks, i, week) for (int k = 0; k < 3;
						k++) if (render_int(week, NULL, series[k]) > max) max =
		render_int(week, NULL, series[k]);
	if (max == 0)
		max = 1;
	step = n > 1 ? plot_w / (double)(n - 1) : 0;
	svg_open(s, (int)height, report_text(lang, "trend"));
	for (int k = 0; k < 3; k++)
		legend(s, left + k * 170, 14, colours[k], dashes[k], report_text(lang, series[k]));
	/* Axes, gridlines at 0, half and the maximum. */
	for (int g = 0; g <= 2; g++) {
		double y = top + plot_h - plot_h * g / 2.0;

		sink_printf(s, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d5dbe3\"/>\n",
			    left, y, left + plot_w, y);
		report_count(lang, max * g / 2, number, sizeof(number));
		text_at(s, left - 6, y + 4, "end", "#5b6673", number);
	}
	/* About a dozen week labels at most. */
	every = (n + 11) / 12;
	json_array_foreach(weeks, i, week)
	{
		const char *name = render_str(week, "week");

		if (i % every == 0 || i == n - 1)
			text_at(s, left + step * (double)i, top + plot_h + 16, "middle", "#5b6673",
				strlen(name) > 5 ? name + 5 : name);
	}
	for (int k = 0; k < 3; k++) {
		sink_printf(s,
			    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
			    "stroke-dasharray=\"%s\" points=\"",
			    colours[k], dashes[k]);
		json_array_foreach(weeks, i, week) sink_printf(
			s, "%s%.1f,%.1f", i ? " " : "", left + step * (double)i,
			top + plot_h - plot_h * (double)render_int(week, NULL, series[k]) / (double)max);
		sink_puts(s, "\"/>\n");
	}
	sink_puts(s, "</svg>\n");
}
