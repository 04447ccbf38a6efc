/*
 * render_md.c - a report as Markdown (CommonMark with pipe tables): the same sections as
 * the HTML report, without the charts. Text from the data is escaped so that it stays
 * text: Markdown punctuation gets a backslash, and < > & become entities, so no viewer
 * turns a proposal into markup.
 */
#include <stdio.h>
#include <string.h>

#include "render_md.h"

#include "render_internal.h"
#include "render_positions.h"

/* Escapes what Markdown would act on inside a line (emphasis, code, links, table cells,
 * strikethrough) and HTML; newlines become spaces (a table row is one line). Without [ ]
 * there is no link, so parentheses stay as they are. */
static void md_text(struct sink *s, const char *text)
{
	for (const char *p = text; *p; p++) {
		switch (*p) {
		case '<':
			sink_puts(s, "&lt;");
			break;
		case '>':
			sink_puts(s, "&gt;");
			break;
		case '&':
			sink_puts(s, "&amp;");
			break;
		case '\n':
		case '\r':
			sink_puts(s, " ");
			break;
		case '\\':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '|':
		case '~':
			sink_write(s, "\\", 1);
			sink_write(s, p, 1);
			break;
		default:
			sink_write(s, p, 1);
		}
	}
}

/* | label | all | in favour | against | amendment | people | supports | */
static void stance_header(struct sink *s, enum report_lang lang, const char *first, bool level)
{
	sink_printf(s, "| %s | %s | %s | %s | %s | %s | %s |", first, report_text(lang, "proposals"),
		    report_text(lang, "support"), report_text(lang, "oppose"), report_text(lang, "amend"),
		    report_text(lang, "people"), report_text(lang, "supports"));
	if (level)
		sink_printf(s, " %s |", report_text(lang, "support_level"));
	sink_puts(s, "\n|---|---:|---:|---:|---:|---:|---:|");
	sink_puts(s, level ? "---:|\n" : "\n");
}

static void stance_row(struct sink *s, enum report_lang lang, const char *label, const json_t *item,
		       bool level)
{
	sink_puts(s, "| ");
	md_text(s, label);
	render_stance_cells(s, lang, item, level, " | ");
	sink_puts(s, " |\n");
}

static void totals(const json_t *doc, enum report_lang lang, struct sink *s)
{
	const json_t *now = json_object_get(json_object_get(doc, "totals"), "period");
	const json_t *before = json_object_get(json_object_get(doc, "totals"), "previous");
	static const char *const measures[] = { "proposals", "people", "supports" };
	char period[64], previous[64];

	sink_printf(s, "\n## %s\n\n", report_text(lang, "totals"));
	render_period(json_object_get(doc, "period"), period, sizeof(period));
	sink_printf(s, "| | %s (%s) |", report_text(lang, "period"), period);
	if (json_is_object(before)) {
		render_period(json_object_get(doc, "previous"), previous, sizeof(previous));
		sink_printf(s, " %s (%s) | %s |", report_text(lang, "previous"), previous,
			    report_text(lang, "change"));
	}
	sink_puts(s, json_is_object(before) ? "\n|---|---:|---:|---:|\n" : "\n|---|---:|\n");
	for (int i = 0; i < 3; i++) {
		long long a = render_int(now, "all", measures[i]);

		sink_printf(s, "| %s | ", report_text(lang, measures[i]));
		render_count(s, lang, a);
		if (json_is_object(before)) {
			long long b = render_int(before, "all", measures[i]);
			char change[48];

			sink_puts(s, " | ");
			render_count(s, lang, b);
			report_change(lang, a - b, change, sizeof(change));
			sink_printf(s, " | %s", change);
		}
		sink_puts(s, " |\n");
	}
	sink_puts(s, "\n");
	stance_header(s, lang, report_text(lang, "period"), false);
	stance_row(s, lang, period, now, false);
	if (json_is_object(before))
		stance_row(s, lang, previous, before, false);
}

/* The period's proposals with each campaign as one text, and the largest campaigns. */
static void campaigns(const json_t *doc, enum report_lang lang, struct sink *s)
{
	const json_t *cs = json_object_get(doc, "campaigns"), *item;
	size_t i;

	if (!json_is_object(cs))
		return; /* a document made before campaigns were kept */
	sink_printf(s, "\n## %s\n\n", report_text(lang, "campaigns"));
	render_campaign_totals(s, lang, cs);
	sink_puts(s, "\n\n");
	if (json_array_size(json_object_get(cs, "items")) == 0) {
		sink_printf(s, "%s\n", report_text(lang, "no_campaigns"));
		return;
	}
	sink_printf(s, "| %s | %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---|---|---|\n",
		    report_text(lang, "campaign"), report_text(lang, "proposals"),
		    report_text(lang, "people"), report_text(lang, "texts"), report_text(lang, "first_seen"),
		    report_text(lang, "last_seen"), report_text(lang, "peak"));
	json_array_foreach(json_object_get(cs, "items"), i, item)
	{
		sink_printf(s, "| \\#%lld ", render_int(item, NULL, "id"));
		md_text(s, render_str(item, "excerpt"));
		render_count_cells(s, lang, item, render_campaign_counts, 3, " | ");
		sink_printf(s, " | %s | %s | ", render_str(item, "first"), render_str(item, "last"));
		render_count(s, lang, render_int(item, NULL, "peak_per_minute"));
		if (json_is_true(json_object_get(item, "burst")))
			sink_printf(s, " **%s**", report_text(lang, "burst"));
		sink_printf(s, " %s |\n", render_str(item, "peak_minute"));
	}
	sink_printf(s, "\n### %s\n\n", report_text(lang, "campaign_texts"));
	json_array_foreach(json_object_get(cs, "items"), i, item)
	{
		sink_printf(s, "**\\#%lld** ", render_int(item, NULL, "id"));
		md_text(s, render_campaign_text(item));
		sink_puts(s, "\n\n");
	}
	sink_printf(s, "%s %s: %lld.\n", report_text(lang, "note_campaigns"),
		    report_text(lang, "burst_threshold"), render_int(cs, NULL, "burst_per_minute"));
}

/* The positions section's markup (render_positions.h). */
static void md_heading(struct sink *s, int level, const char *text)
{
	/* The section opens after a line of text; everything else ends with a blank line. */
	sink_printf(s, "%s%.*s ", level == 2 ? "\n" : "", level, "####");
	md_text(s, text);
	sink_puts(s, "\n\n");
}

static void md_quote(struct sink *s, const char *text)
{
	sink_puts(s, "> ");
	for (const char *p = text; *p; p++) {
		char one[2] = { *p, '\0' };

		if (*p == '\n')
			sink_puts(s, "\n> ");
		else if (*p != '\r')
			md_text(s, one);
	}
	sink_puts(s, "\n\n");
}

static void md_table_begin(struct sink *s, const char *const *headers, int n)
{
	for (int i = 0; i < n; i++) {
		sink_puts(s, "| ");
		md_text(s, headers[i]);
		sink_puts(s, " ");
	}
	sink_puts(s, "|\n");
	for (int i = 0; i < n; i++)
		sink_puts(s, i < 3 ? "|---" : "|---:");
	sink_puts(s, "|\n");
}

static void md_cell(struct sink *s, int column)
{
	sink_puts(s, column == 0 ? "| " : " | ");
}

static const struct render_markup md_markup = {
	md_heading, md_text, md_quote, md_table_begin, md_cell, " |\n", "\n", "", "\n\n",
};

/* A part's most supported proposals (render_top_lists). */
static void top_part(struct sink *s, const char *label)
{
	sink_puts(s, "### ");
	md_text(s, label);
	sink_puts(s, "\n\n");
}

static void top_item(struct sink *s, enum report_lang lang, const json_t *p)
{
	sink_printf(s, "- \\#%lld · %s · %s: ", render_int(p, NULL, "id"),
		    report_text(lang, render_str(p, "stance")), report_text(lang, "supports"));
	render_count(s, lang, render_int(p, NULL, "supports"));
	sink_printf(s, " · %s", render_str(p, "date"));
	if (json_is_true(json_object_get(p, "new")))
		sink_printf(s, " · %s", report_text(lang, "new"));
	sink_puts(s, "  \n  ");
	md_text(s, render_str(p, "excerpt"));
	sink_puts(s, "\n");
}

static const struct render_top top_lists = { top_part, top_item, "\n" };

void render_md(const json_t *doc, enum report_lang lang, struct sink *s)
{
	const json_t *item;
	const char *status = render_str(doc, "status");
	char text[1200], period[64];
	size_t i;
	static const char *const dims[][2] = { { "topics", "topic" },
					       { "regions", "region" },
					       { "channels", "channel" } };

	sink_printf(s, "# %s\n\n", report_text(lang, "report"));
	sink_puts(s, "**");
	md_text(s, render_str(json_object_get(json_object_get(doc, "consultation"), "title"),
			      report_lang_code(lang)));
	sink_puts(s, "**\n\n");
	render_heading(doc, lang, text, sizeof(text));
	sink_puts(s, "## ");
	md_text(s, text);
	render_period(json_object_get(doc, "period"), period, sizeof(period));
	sink_printf(s, "\n\n- %s: %s\n- %s: %s (%s: %s)\n", report_text(lang, "period"), period,
		    report_text(lang, "cut_off"), render_str(doc, "cut_off"), report_text(lang, "time_zone"),
		    render_str(doc, "time_zone"));
	sink_printf(s, "- %s\n",
		    report_text(lang, strcmp(status, "issued") == 0        ? "issued"
				      : strcmp(status, "provisional") == 0 ? "provisional"
									   : "ad_hoc"));
	totals(doc, lang, s);
	campaigns(doc, lang, s);

	sink_printf(s, "\n## %s\n\n", report_text(lang, "parts"));
	stance_header(s, lang, report_text(lang, "part"), true);
	render_stance_rows(doc, "parts", lang, s, stance_row);
	sink_printf(s, "\n%s: %s.\n", report_text(lang, "support_level"),
		    report_text(lang, "support_level_note"));
	render_positions(doc, lang, s, &md_markup);

	for (size_t d = 0; d < 3; d++) {
		char key[32];

		snprintf(key, sizeof(key), "%s", dims[d][0]);
		sink_printf(s, "\n## %s\n\n", report_text(lang, key));
		stance_header(s, lang, report_text(lang, dims[d][1]), false);
		render_stance_rows(doc, dims[d][0], lang, s, stance_row);
	}

	sink_printf(s, "\n## %s\n\n| %s | %s | %s | %s | %s |\n|---|---|---:|---:|---:|\n",
		    report_text(lang, "trend"), report_text(lang, "week"), report_text(lang, "period"),
		    report_text(lang, "proposals"), report_text(lang, "people"),
		    report_text(lang, "supports"));
	json_array_foreach(json_object_get(doc, "weeks"), i, item)
	{
		render_period(item, period, sizeof(period));
		sink_printf(s, "| %s | %s", render_str(item, "week"), period);
		render_count_cells(s, lang, item, render_week_counts, 3, " | ");
		sink_puts(s, " |\n");
	}

	sink_printf(s, "\n## %s\n\n", report_text(lang, "top"));
	if (render_parts_with_proposals(doc) == 0)
		sink_printf(s, "%s\n", report_text(lang, "no_proposals"));
	render_top_lists(doc, lang, s, &top_lists);

	sink_printf(s, "\n## %s\n\n- %s\n- %s\n- %s\n- %s\n", report_text(lang, "notes"),
		    report_text(lang, "note_people"), report_text(lang, "note_supports"),
		    report_text(lang, "note_days"), report_text(lang, "note_top"));
}
