#include "widget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csrf.h"
#include "util.h"

void widget_field_error(struct buf *b, enum lang lang, const struct errors *errs, const char *field)
{
	const struct field_error *e = errs ? errors_for(errs, field) : NULL;
	char key[64];

	if (!e)
		return;
	snprintf(key, sizeof(key), "err.%s", e->code);
	buf_printf(b, "<p class=\"field-error\" id=\"e-%s\">", field);
	buf_html(b, lang_tr(lang, key));
	buf_puts(b, "</p>\n");
}

/* aria attributes for a control: its hint (may be NULL) and its error, if any. */
void widget_described_attrs(struct buf *b, const struct errors *errs, const char *field, const char *hint)
{
	bool invalid = errs && errors_for(errs, field);

	if (invalid)
		buf_puts(b, " aria-invalid=\"true\"");
	if (hint || invalid)
		buf_printf(b, " aria-describedby=\"%s%s%s%s\"", hint ? hint : "", hint && invalid ? " " : "",
			   invalid ? "e-" : "", invalid ? field : "");
}

void widget_invalid_attrs(struct buf *b, const struct errors *errs, const char *field)
{
	widget_described_attrs(b, errs, field, NULL);
}

static bool has_control(const char *field)
{
	static const char *const controls[] = { "target", "stance", "topics", "text",      "proposed_wording",
						"lang",   "region", "iin",    "report_iin" };

	for (size_t i = 0; i < sizeof(controls) / sizeof(controls[0]); i++)
		if (strcmp(field, controls[i]) == 0)
			return true;
	return false;
}

void widget_error_summary(struct buf *b, enum lang lang, const struct errors *errs)
{
	if (!errs || errs->count == 0)
		return;
	buf_puts(b, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"errors\">\n<h2>");
	buf_html(b, lang_tr(lang, "errors.summary"));
	buf_puts(b, "</h2>\n<ul>\n");
	for (int i = 0; i < errs->count; i++) {
		const struct field_error *e = &errs->list[i];
		char key[64];

		snprintf(key, sizeof(key), "err.%s", e->code);
		if (has_control(e->field))
			buf_printf(b, "<li><a href=\"#f-%s\">", e->field);
		else
			buf_puts(b, "<li><a href=\"#main\">");
		if (e->field[0]) {
			char label[64];

			snprintf(label, sizeof(label), "field.%s", e->field);
			buf_html(b, lang_tr(lang, label));
			buf_puts(b, ": ");
		}
		buf_html(b, lang_tr(lang, key));
		buf_puts(b, "</a></li>\n");
	}
	buf_puts(b, "</ul>\n</div>\n");
}

bool widget_same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

void widget_option(struct buf *b, const char *value, const char *label, const char *selected)
{
	buf_puts(b, "<option value=\"");
	buf_html(b, value);
	buf_printf(b, "\"%s>", widget_same(value, selected) ? " selected" : "");
	buf_html(b, label);
	buf_puts(b, "</option>\n");
}

/* Parts of one kind as options; articles of a section are grouped under it when known. */
void widget_part_options(struct buf *b, json_t *parts, const char *kind, json_t *section, const char *lang,
			 const char *selected)
{
	size_t i;
	json_t *p;

	json_array_foreach(parts, i, p)
	{
		json_t *sec = json_object_get(p, "section");

		if (strcmp(json_string_value(json_object_get(p, "kind")), kind) != 0)
			continue;
		if (section ? !json_equal(sec, section) : !json_is_null(sec) && sec != NULL)
			continue;
		widget_option(b, json_string_value(json_object_get(p, "target")),
			      structure_label(p, "label", lang), selected);
	}
}

void widget_select_open(struct buf *b, enum lang lang, const struct errors *errs, const char *field,
			const char *label_key, bool required)
{
	buf_printf(b, "<div class=\"field\">\n<label for=\"f-%s\">%s%s</label>\n", field,
		   lang_tr(lang, label_key), required ? " *" : "");
	widget_field_error(b, lang, errs, field);
	buf_printf(b, "<select id=\"f-%s\" name=\"%s\"%s", field, field, required ? " required" : "");
	widget_invalid_attrs(b, errs, field);
	buf_puts(b, ">\n");
}

void widget_target_select(struct buf *b, enum lang lang, const struct consultation *c, const char *selected,
			  const struct errors *errs)
{
	json_t *parts = json_object_get(c->doc, "parts"), *p;
	const char *code = lang_code(lang);
	size_t i;

	widget_select_open(b, lang, errs, "target", "field.target", true);
	widget_option(b, "", lang_tr(lang, "target.choose"), selected ? selected : "");
	buf_printf(b, "<optgroup label=\"%s\">\n", lang_tr(lang, "group.whole"));
	widget_part_options(b, parts, "general", NULL, code, selected);
	widget_part_options(b, parts, "preamble", NULL, code, selected);
	buf_printf(b, "</optgroup>\n<optgroup label=\"%s\">\n", lang_tr(lang, "group.sections"));
	widget_part_options(b, parts, "section", NULL, code, selected);
	buf_puts(b, "</optgroup>\n");
	/*
	 * Articles whose section the draft states, grouped under that section: one pass puts each
	 * article's option into its section's group (a pass over every part per section was a
	 * quarter of the list page's rendering).
	 */
	size_t n = json_array_size(parts), sections = 0;
	json_t **numbers = xcalloc(n + 1, sizeof(*numbers)); /* the sections' numbers, in order */
	json_t **labels = xcalloc(n + 1, sizeof(*labels));
	struct buf *groups = xcalloc(n + 1, sizeof(*groups));

	json_array_foreach(parts, i, p)
	{
		if (strcmp(json_string_value(json_object_get(p, "kind")), "section") != 0)
			continue;
		numbers[sections] = json_object_get(p, "number");
		labels[sections] = p;
		buf_init(&groups[sections++], 0);
	}
	json_array_foreach(parts, i, p)
	{
		json_t *sec = json_object_get(p, "section");

		if (!sec || json_is_null(sec) ||
		    strcmp(json_string_value(json_object_get(p, "kind")), "article") != 0)
			continue;
		for (size_t s = 0; s < sections; s++)
			if (json_equal(sec, numbers[s]))
				widget_option(&groups[s], json_string_value(json_object_get(p, "target")),
					      structure_label(p, "label", code), selected);
	}
	for (size_t s = 0; s < sections; s++) {
		if (groups[s].len) {
			buf_puts(b, "<optgroup label=\"");
			buf_html(b, structure_label(labels[s], "label", code));
			buf_printf(b, "\">\n%s</optgroup>\n", groups[s].data);
		}
		buf_free(&groups[s]);
	}
	free(groups);
	free(labels);
	free(numbers);
	buf_printf(b, "<optgroup label=\"%s\">\n", lang_tr(lang, "group.articles"));
	widget_part_options(b, parts, "article", NULL, code, selected);
	buf_puts(b, "</optgroup>\n</select>\n</div>\n");
}

/* A fresh one-time token (csrf.h): every form carries one. */
void widget_input(struct buf *b, const char *id, const char *name, const char *label, const char *type,
		  const char *value)
{
	buf_printf(b, "<div class=\"field\"><label for=\"%s\">%s</label><input id=\"%s\" name=\"%s\" ", id,
		   label, id, name);
	if (type)
		buf_printf(b, "type=\"%s\" ", type);
	buf_puts(b, "value=\"");
	buf_html(b, value ? value : "");
	buf_puts(b, "\"></div>\n");
}

void widget_table_head(struct buf *b, const char *class, const char *const *labels)
{
	buf_printf(b, "<table class=\"%s\"><thead><tr>", class);
	for (; *labels; labels++)
		buf_printf(b, "<th scope=\"col\">%s</th>", *labels);
	buf_puts(b, "</tr></thead>");
}

void widget_token_field(struct buf *b)
{
	char token[CSRF_TOKEN_LEN + 1];

	csrf_token_make(time(NULL), token);
	buf_printf(b, "<input type=\"hidden\" name=\"form_token\" value=\"%s\">\n", token);
}

bool widget_uses_iin(const struct consultation *c)
{
	const char *policy =
		json_string_value(json_object_get(json_object_get(c->doc, "identity"), "policy"));

	return !policy || strcmp(policy, "iin") == 0;
}

/*
 * The IIN is never echoed back: a person retypes it after an error. `field` names the
 * control (f-FIELD, hint h-FIELD) and its errors; the input is always named iin.
 */
void widget_iin_input(struct buf *b, enum lang lang, bool required, const struct errors *errs,
		      const char *field)
{
	char hint[32], label[32];

	snprintf(hint, sizeof(hint), "h-%s", field);
	snprintf(label, sizeof(label), "field.%s", field);
	buf_printf(b, "<div class=\"field\">\n<label for=\"f-%s\">%s%s</label>\n", field,
		   lang_tr(lang, label), required ? " *" : "");
	widget_field_error(b, lang, errs, field);
	buf_printf(b, "<p class=\"hint\" id=\"%s\">%s %s</p>\n", hint,
		   required ? "" : lang_tr(lang, "iin.optional"), lang_tr(lang, "iin.privacy"));
	buf_printf(b,
		   "<input id=\"f-%s\" name=\"iin\" inputmode=\"numeric\" autocomplete=\"off\" "
		   "pattern=\"[0-9]{12}\" maxlength=\"12\" size=\"14\"%s",
		   field, required ? " required" : "");
	widget_described_attrs(b, errs, field, hint);
	buf_puts(b, ">\n</div>\n");
}

void widget_iin_field(struct buf *b, enum lang lang, bool required, const struct errors *errs)
{
	widget_iin_input(b, lang, required, errs, "iin");
}

const char *widget_str(json_t *o, const char *member)
{
	const char *s = json_string_value(json_object_get(o, member));
	return s ? s : "";
}
