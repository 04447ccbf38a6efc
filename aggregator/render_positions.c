#include "render_positions.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "render_internal.h"

/* A {"kk","ru","en"} text in the report's language, else in the first that has it. */
static const char *text_in(const json_t *texts, enum report_lang lang)
{
	const char *t = json_string_value(json_object_get(texts, report_lang_code(lang)));
	static const char *const codes[] = { "kk", "ru", "en" };

	for (int i = 0; !t && i < 3; i++)
		t = json_string_value(json_object_get(texts, codes[i]));
	return t ? t : "";
}

static const char *decision_key(const json_t *position)
{
	const char *d = json_string_value(json_object_get(position, "decision"));

	return d ? d : "decision_none";
}

static void count_cell(struct sink *s, const struct render_markup *mk, int column, enum report_lang lang,
		       const json_t *counts, const char *stance, const char *measure)
{
	const json_t *c = stance ? json_object_get(json_object_get(counts, "stances"), stance) : counts;

	mk->cell(s, column);
	render_count(s, lang, render_int(c, NULL, measure));
}

static void position_row(struct sink *s, enum report_lang lang, const json_t *p,
			 const struct render_markup *mk)
{
	const json_t *counts = json_object_get(p, "counts"), *target = json_object_get(p, "target");

	mk->cell(s, 0);
	mk->text(s, text_in(json_object_get(p, "label"), lang));
	mk->cell(s, 1);
	mk->text(s, report_text(lang, decision_key(p)));
	if (*text_in(json_object_get(p, "decision_reason"), lang)) {
		mk->text(s, ": ");
		mk->text(s, text_in(json_object_get(p, "decision_reason"), lang));
	}
	mk->cell(s, 2);
	mk->text(s, json_is_object(target) ? text_in(json_object_get(target, "label"), lang) : "");
	count_cell(s, mk, 3, lang, counts, NULL, "proposals");
	count_cell(s, mk, 4, lang, counts, NULL, "texts");
	count_cell(s, mk, 5, lang, counts, NULL, "people");
	count_cell(s, mk, 6, lang, counts, NULL, "supports");
	for (int i = 0; i < 3; i++)
		count_cell(s, mk, 7 + i, lang, counts, render_stances[i], "proposals");
	sink_puts(s, mk->row_end);
}

/* A paragraph of text, escaped. */
static void paragraph(struct sink *s, const struct render_markup *mk, const char *text)
{
	sink_puts(s, mk->paragraph_begin);
	mk->text(s, text);
	sink_puts(s, mk->paragraph_end);
}

/* Each position's summary and its two quotes in full, after the part's table. */
static void position_texts(struct sink *s, enum report_lang lang, const json_t *p,
			   const struct render_markup *mk)
{
	static const char *const quotes[] = { "most_supported", "shortest" };

	mk->heading(s, 4, text_in(json_object_get(p, "label"), lang));
	if (*text_in(json_object_get(p, "summary"), lang)) {
		paragraph(s, mk, text_in(json_object_get(p, "summary"), lang));
	}
	for (size_t i = 0; i < 2; i++) {
		const json_t *q = json_object_get(json_object_get(p, "quotes"), quotes[i]);
		char line[160];

		if (!json_is_object(q))
			continue;
		snprintf(line, sizeof(line), "#%lld, %s: %lld", render_int(q, NULL, "id"),
			 report_text(lang, "supports"), render_int(q, NULL, "supports"));
		mk->quote(s, render_str(q, "text"));
		paragraph(s, mk, line);
	}
}

void render_positions(const json_t *doc, enum report_lang lang, struct sink *s,
		      const struct render_markup *mk)
{
	const char *headers[10];
	const json_t *part, *p;
	size_t i, j;

	if (json_array_size(json_object_get(doc, "positions")) == 0)
		return;
	headers[0] = report_text(lang, "position");
	headers[1] = report_text(lang, "decision");
	headers[2] = report_text(lang, "new_part");
	headers[3] = report_text(lang, "proposals");
	headers[4] = report_text(lang, "texts");
	headers[5] = report_text(lang, "people");
	headers[6] = report_text(lang, "supports");
	for (int k = 0; k < 3; k++)
		headers[7 + k] = report_text(lang, render_stances[k]);
	mk->heading(s, 2, report_text(lang, "positions"));
	paragraph(s, mk, report_text(lang, "positions_note"));
	json_array_foreach(json_object_get(doc, "positions"), i, part)
	{
		char label[600], line[200];

		render_part_label(part, lang, label, sizeof(label));
		mk->heading(s, 3, label);
		mk->table_begin(s, headers, 10);
		json_array_foreach(json_object_get(part, "positions"), j, p) position_row(s, lang, p, mk);
		sink_puts(s, mk->table_end);
		snprintf(line, sizeof(line), "%s: %lld", report_text(lang, "unplaced"),
			 render_int(part, NULL, "unplaced"));
		paragraph(s, mk, line);
		json_array_foreach(json_object_get(part, "positions"), j, p) position_texts(s, lang, p, mk);
	}
}

void render_positions_csv(const json_t *doc, enum report_lang lang, struct sink *s)
{
	const json_t *part, *p;
	size_t i, j;

	json_array_foreach(json_object_get(doc, "positions"), i, part)
	{
		json_array_foreach(json_object_get(part, "positions"), j, p)
		{
			const json_t *counts = json_object_get(p, "counts"),
				     *target = json_object_get(p, "target");
			char key[200];

			snprintf(key, sizeof(key), "%s/%lld", render_str(part, "key"),
				 render_int(p, NULL, "id"));
			csv_field(s, "position", true);
			csv_field(s, key, false);
			csv_field(s, text_in(json_object_get(p, "label"), lang), false);
			csv_field(s,
				  json_is_string(json_object_get(p, "decision"))
					  ? json_string_value(json_object_get(p, "decision"))
					  : "",
				  false);
			csv_number(s, render_int(counts, NULL, "proposals"));
			csv_number(s, render_int(counts, NULL, "people"));
			csv_number(s, render_int(counts, NULL, "supports"));
			csv_number(s, render_int(counts, NULL, "texts"));
			csv_field(s, json_is_object(target) ? render_str(target, "part") : "", false);
			csv_end_row(s);
		}
	}
}
