#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_csv.h"
#include "render_html.h"
#include "render_internal.h"
#include "render_md.h"
#include "util.h"

const char *const render_stances[3] = { "support", "oppose", "amend" };
const char *const render_week_counts[3] = { "proposals", "people", "supports" };
const char *const render_campaign_counts[3] = { "proposals", "people", "texts" };

static const char *const format_names[REPORT_FORMATS] = { "html", "csv", "json", "md" };

bool report_format_parse(const char *name, enum report_format *out)
{
	for (int i = 0; i < REPORT_FORMATS; i++) {
		if (strcmp(name, format_names[i]) == 0) {
			*out = (enum report_format)i;
			return true;
		}
	}
	return false;
}

const char *report_format_name(enum report_format f)
{
	return format_names[f];
}

const char *render_str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

const char *render_campaign_text(const json_t *item)
{
	const char *text = render_str(item, "text");

	return text[0] ? text : render_str(item, "excerpt");
}

long long render_int(const json_t *o, const char *sub, const char *key)
{
	if (sub)
		o = json_object_get(o, sub);
	return (long long)json_integer_value(json_object_get(o, key));
}

const char *render_label(const json_t *o, enum report_lang lang)
{
	return render_str(json_object_get(o, "label"), report_lang_code(lang));
}

void render_part_label(const json_t *part, enum report_lang lang, char *out, size_t outlen)
{
	if (json_is_true(json_object_get(part, "current")))
		snprintf(out, outlen, "%s", render_label(part, lang));
	else
		snprintf(out, outlen, "%s (%s %lld)", render_label(part, lang), report_text(lang, "version"),
			 render_int(part, NULL, "version"));
}

void render_part_short(const json_t *part, enum report_lang lang, char *out, size_t outlen)
{
	const char *kind = render_str(part, "kind");
	long long n = render_int(part, NULL, "number");
	bool article = strcmp(kind, "article") == 0;

	if (!article && strcmp(kind, "section") != 0)
		snprintf(out, outlen, "%s", render_label(part, lang));
	else if (lang == LANG_KK)
		snprintf(out, outlen, "%lld-%s", n, article ? "бап" : "бөлім");
	else if (lang == LANG_RU)
		snprintf(out, outlen, "%s %lld", article ? "Ст." : "Разд.", n);
	else
		snprintf(out, outlen, "%s %lld", article ? "Art." : "Sec.", n);
}

void render_period(const json_t *period, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s \xe2\x80\x93 %s", render_str(period, "from"), render_str(period, "to"));
}

void render_heading(const json_t *doc, enum report_lang lang, char *out, size_t outlen)
{
	const char *kind = render_str(doc, "kind");
	const json_t *session = json_object_get(doc, "session");

	if (strcmp(kind, "session") == 0)
		snprintf(out, outlen, "%s%lld (%s): %s", report_text(lang, "session"),
			 render_int(session, NULL, "number"), render_str(session, "date"),
			 render_str(session, "title"));
	else if (strcmp(kind, "week") == 0)
		snprintf(out, outlen, "%s %s", report_text(lang, "week"), render_str(doc, "week"));
	else
		snprintf(out, outlen, "%s", report_text(lang, "range"));
}

void render_truncate(const char *text, size_t max_chars, char *out, size_t outlen)
{
	size_t chars = 0, i = 0;

	/* Count characters by their first byte; cut only between characters. */
	for (; text[i]; i++) {
		if (((unsigned char)text[i] & 0xC0) != 0x80 && chars++ == max_chars)
			break;
	}
	if (!text[i]) {
		snprintf(out, outlen, "%s", text);
		return;
	}
	/* Leave room for the ellipsis in place of the last character kept. */
	while (i > 0 && ((unsigned char)text[--i] & 0xC0) == 0x80)
		;
	snprintf(out, outlen, "%.*s\xe2\x80\xa6", (int)i, text);
}

int render_parts_with_proposals(const json_t *doc)
{
	size_t i;
	const json_t *part;
	int n = 0;

	json_array_foreach(json_object_get(doc, "parts"), i, part) n +=
		render_int(part, "all", "proposals") > 0;
	return n;
}

void render_campaign_totals(struct sink *s, enum report_lang lang, const json_t *cs)
{
	sink_printf(s, "%s: ", report_text(lang, "proposals"));
	render_count(s, lang, render_int(cs, NULL, "proposals"));
	sink_printf(s, " \xc2\xb7 %s: ", report_text(lang, "texts"));
	render_count(s, lang, render_int(cs, NULL, "texts"));
}

void render_stance_rows(const json_t *doc, const char *list, enum report_lang lang, struct sink *s,
			render_row *row)
{
	bool parts = strcmp(list, "parts") == 0;
	const json_t *item;
	char label[600];
	size_t i;

	json_array_foreach(json_object_get(doc, list), i, item)
	{
		if (parts)
			render_part_label(item, lang, label, sizeof(label));
		row(s, lang, parts ? label : render_label(item, lang), item, parts);
	}
}

void render_top_lists(const json_t *doc, enum report_lang lang, struct sink *s, const struct render_top *t)
{
	const json_t *part, *p;
	char label[600];
	size_t i, j;

	json_array_foreach(json_object_get(doc, "parts"), i, part)
	{
		if (json_array_size(json_object_get(part, "top")) == 0)
			continue;
		render_part_label(part, lang, label, sizeof(label));
		t->part(s, label);
		json_array_foreach(json_object_get(part, "top"), j, p) t->item(s, lang, p);
		sink_puts(s, t->list_end);
	}
}

static void render_json(const json_t *doc, struct sink *out)
{
	/* Insertion order and four significant digits keep the bytes stable. */
	char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));

	if (!text) {
		out->failed = true;
		return;
	}
	sink_puts(out, text);
	sink_puts(out, "\n");
	free(text);
}

bool render_report(const json_t *doc, enum report_format f, enum report_lang lang, struct sink *out)
{
	switch (f) {
	case FORMAT_HTML:
		render_html(doc, lang, out);
		break;
	case FORMAT_CSV:
		render_csv(doc, lang, out);
		break;
	case FORMAT_JSON:
		render_json(doc, out);
		break;
	case FORMAT_MD:
		render_md(doc, lang, out);
		break;
	}
	return sink_ok(out);
}

void render_count(struct sink *s, enum report_lang lang, long long n)
{
	char text[48];

	report_count(lang, n, text, sizeof(text));
	sink_puts(s, text);
}

void render_count_cells(struct sink *s, enum report_lang lang, const json_t *item, const char *const *keys,
			size_t n, const char *sep)
{
	for (size_t i = 0; i < n; i++) {
		sink_puts(s, sep);
		render_count(s, lang, render_int(item, NULL, keys[i]));
	}
}

void render_stance_cells(struct sink *s, enum report_lang lang, const json_t *item, bool level,
			 const char *sep)
{
	sink_puts(s, sep);
	render_count(s, lang, render_int(item, "all", "proposals"));
	for (int i = 0; i < 3; i++) {
		sink_puts(s, sep);
		render_count(s, lang, render_int(item, render_stances[i], "proposals"));
	}
	sink_puts(s, sep);
	render_count(s, lang, render_int(item, "all", "people"));
	sink_puts(s, sep);
	render_count(s, lang, render_int(item, "all", "supports"));
	if (level) {
		char share[96];
		long long yes = render_int(item, "support_level", "support");

		report_share(lang, yes, yes + render_int(item, "support_level", "oppose"), share,
			     sizeof(share));
		sink_puts(s, sep);
		sink_puts(s, share);
	}
}
