/*
 * render_csv.c - a report as one long CSV table, one row per number, easy to filter and
 * pivot in a spreadsheet:
 *
 *   section,key,label,stance,proposals,people,supports,support_share,proposal_id
 *
 * section: report (what the report is: the value is in `label`), totals, part, topic,
 * region, channel, week, part_topic, top (the most supported proposals; label holds the
 * excerpt), texts (the period's proposals with each campaign counted once: proposals holds
 * the distinct texts, key "period"), campaign (one row per campaign, largest first: key
 * its id, label its representative text in full, stance "all" or "burst", proposals, people, and in
 * support_share the distinct texts), position (one row per position of a part the report covers:
 * key <part>/<id>, label its label, stance its decision (empty: none yet), proposals, people,
 * supports, in support_share the distinct texts and in proposal_id the new version's part). stance: all, support, oppose, amend. support_share
 * (in favour / (in favour + against), as a fraction) only on a part's "all" row. Labels in the report's language.
 */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "render_csv.h"
#include "render_positions.h"

#include "render_internal.h"

static const char *const all_stances[4] = { "all", "support", "oppose", "amend" };

static void meta(struct sink *s, const char *key, const char *value)
{
	csv_field(s, "report", true);
	csv_field(s, key, false);
	csv_field(s, value, false);
	sink_puts(s, ",,,,,,");
	csv_end_row(s);
}

/* One row of numbers; share and id may be NULL (empty). */
static void numbers(struct sink *s, const char *section, const char *key, const char *label,
		    const char *stance, const json_t *m, const char *share)
{
	csv_field(s, section, true);
	csv_field(s, key, false);
	csv_field(s, label, false);
	csv_field(s, stance, false);
	csv_number(s, render_int(m, NULL, "proposals"));
	csv_number(s, render_int(m, NULL, "people"));
	csv_number(s, render_int(m, NULL, "supports"));
	csv_field(s, share ? share : "", false);
	csv_field(s, "", false);
	csv_end_row(s);
}

/* The four stance rows of an item. */
static void stanced(struct sink *s, const char *section, const char *key, const char *label,
		    const json_t *item, const char *share)
{
	for (int i = 0; i < 4; i++)
		numbers(s, section, key, label, all_stances[i], json_object_get(item, all_stances[i]),
			i == 0 ? share : NULL);
}

static void part_key(const json_t *part, char *out, size_t outlen)
{
	if (json_is_true(json_object_get(part, "current")))
		snprintf(out, outlen, "%s", render_str(part, "key"));
	else
		snprintf(out, outlen, "v%lld/%s", render_int(part, NULL, "version"), render_str(part, "key"));
}

static void header_and_meta(const json_t *doc, struct sink *s)
{
	const json_t *session = json_object_get(doc, "session");
	const json_t *previous = json_object_get(doc, "previous");
	char number[24];

	sink_puts(s, "section,key,label,stance,proposals,people,supports,support_share,proposal_id");
	csv_end_row(s);
	meta(s, "consultation", render_str(json_object_get(doc, "consultation"), "slug"));
	meta(s, "kind", render_str(doc, "kind"));
	if (json_is_object(session)) {
		snprintf(number, sizeof(number), "%lld", render_int(session, NULL, "number"));
		meta(s, "session_number", number);
		meta(s, "session_date", render_str(session, "date"));
		meta(s, "session_title", render_str(session, "title"));
	}
	if (json_is_string(json_object_get(doc, "week")))
		meta(s, "week", render_str(doc, "week"));
	meta(s, "period_from", render_str(json_object_get(doc, "period"), "from"));
	meta(s, "period_to", render_str(json_object_get(doc, "period"), "to"));
	if (json_is_object(previous)) {
		meta(s, "previous_from", render_str(previous, "from"));
		meta(s, "previous_to", render_str(previous, "to"));
	}
	meta(s, "status", render_str(doc, "status"));
	meta(s, "time_zone", render_str(doc, "time_zone"));
	meta(s, "cut_off", render_str(doc, "cut_off"));
}

static void campaigns(const json_t *doc, struct sink *s)
{
	const json_t *cs = json_object_get(doc, "campaigns"), *item;
	char key[32];
	size_t i;

	if (!json_is_object(cs))
		return; /* a document made before campaigns were kept */
	csv_field(s, "texts", true);
	csv_field(s, "period", false);
	csv_field(s, "", false);
	csv_field(s, "all", false);
	csv_number(s, render_int(cs, NULL, "texts"));
	sink_puts(s, ",,,,");
	csv_end_row(s);
	json_array_foreach(json_object_get(cs, "items"), i, item)
	{
		snprintf(key, sizeof(key), "%lld", render_int(item, NULL, "id"));
		csv_field(s, "campaign", true);
		csv_field(s, key, false);
		csv_field(s, render_campaign_text(item), false);
		csv_field(s, json_is_true(json_object_get(item, "burst")) ? "burst" : "all", false);
		csv_number(s, render_int(item, NULL, "proposals"));
		csv_number(s, render_int(item, NULL, "people"));
		sink_puts(s, ",");
		csv_number(s, render_int(item, NULL, "texts"));
		sink_puts(s, ",");
		csv_end_row(s);
	}
}

void render_csv(const json_t *doc, enum report_lang lang, struct sink *s)
{
	const json_t *totals = json_object_get(doc, "totals");
	const json_t *item, *heat = json_object_get(doc, "heatmap"), *parts = json_object_get(doc, "parts");
	static const char *const dims[][2] = { { "topics", "topic" },
					       { "regions", "region" },
					       { "channels", "channel" } };
	char key[160], label[600], share[32];
	size_t i, j;

	header_and_meta(doc, s);
	stanced(s, "totals", "period", report_text(lang, "period"), json_object_get(totals, "period"), NULL);
	if (json_is_object(json_object_get(totals, "previous")))
		stanced(s, "totals", "previous", report_text(lang, "previous"),
			json_object_get(totals, "previous"), NULL);
	campaigns(doc, s);
	render_positions_csv(doc, lang, s);

	json_array_foreach(parts, i, item)
	{
		const json_t *level = json_object_get(item, "support_level");

		part_key(item, key, sizeof(key));
		render_part_label(item, lang, label, sizeof(label));
		share[0] = '\0';
		if (json_is_real(json_object_get(level, "share")))
			snprintf(share, sizeof(share), "%.3f",
				 json_real_value(json_object_get(level, "share")));
		stanced(s, "part", key, label, item, share);
	}
	for (size_t d = 0; d < 3; d++)
		json_array_foreach(json_object_get(doc, dims[d][0]), i, item)
			stanced(s, dims[d][1], render_str(item, "key"), render_label(item, lang), item, NULL);
	json_array_foreach(json_object_get(doc, "weeks"), i, item)
	{
		snprintf(label, sizeof(label), "%s/%s", render_str(item, "from"), render_str(item, "to"));
		numbers(s, "week", render_str(item, "week"), label, "all", item, NULL);
	}
	json_array_foreach(json_object_get(heat, "rows"), i, item)
	{
		const json_t *topics = json_object_get(doc, "topics"), *count;

		json_array_foreach(json_object_get(item, "counts"), j, count)
		{
			const json_t *topic = json_array_get(topics, j);
			const json_t *part = NULL, *p;
			size_t k;

			if (json_integer_value(count) == 0)
				continue;
			json_array_foreach(
				parts, k, p) if (strcmp(render_str(p, "key"), render_str(item, "key")) == 0 &&
						 render_int(p, NULL, "version") ==
							 render_int(item, NULL, "version")) part = p;
			if (!part || !topic)
				continue;
			part_key(part, key, sizeof(key));
			snprintf(key + strlen(key), sizeof(key) - strlen(key), "/%s",
				 render_str(topic, "key"));
			snprintf(label, sizeof(label), "%s / %s", render_label(part, lang),
				 render_label(topic, lang));
			csv_field(s, "part_topic", true);
			csv_field(s, key, false);
			csv_field(s, label, false);
			csv_field(s, "all", false);
			csv_number(s, json_integer_value(count));
			sink_puts(s, ",,,,");
			csv_end_row(s);
		}
	}
	json_array_foreach(parts, i, item)
	{
		const json_t *top;

		part_key(item, key, sizeof(key));
		json_array_foreach(json_object_get(item, "top"), j, top)
		{
			csv_field(s, "top", true);
			csv_field(s, key, false);
			csv_field(s, render_str(top, "excerpt"), false);
			csv_field(s, render_str(top, "stance"), false);
			sink_puts(s, ",,");
			csv_number(s, render_int(top, NULL, "supports"));
			sink_puts(s, ",");
			csv_number(s, render_int(top, NULL, "id"));
			csv_end_row(s);
		}
	}
}
