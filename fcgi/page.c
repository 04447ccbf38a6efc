#include "page.h"

#include <stdio.h>
#include <string.h>

static void begin(struct buf *b, enum lang lang, const char *title)
{
	buf_printf(b, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		   lang_code(lang));
	buf_html(b, title);
	buf_puts(b, " — Kenes</title>\n<link rel=\"stylesheet\" href=\"/static/kenes.css\">\n"
		    "<script src=\"/static/kenes.js\" defer></script>\n</head>\n<body>\n"
		    "<header class=\"site\"><p class=\"brand\"><a href=\"/?lang=");
	buf_puts(b, lang_code(lang));
	buf_puts(b, "\">Kenes</a> <span>");
	buf_html(b, tr(lang, "site.tagline"));
	buf_puts(b, "</span></p>\n<nav aria-label=\"Language\"><ul class=\"langs\">");
	for (int i = 0; i < LANG_COUNT; i++) {
		enum lang l = (enum lang)i;

		if (l == lang)
			buf_printf(b, "<li><strong>%s</strong></li>", tr(l, "lang.name"));
		else
			buf_printf(b, "<li><a href=\"?lang=%s\" hreflang=\"%s\" lang=\"%s\">%s</a></li>",
				   lang_code(l), lang_code(l), lang_code(l), tr(l, "lang.name"));
	}
	buf_puts(b, "</ul></nav></header>\n<main id=\"main\">\n");
}

static void end(struct buf *b)
{
	buf_puts(b, "</main>\n</body>\n</html>\n");
}

static void field_error(struct buf *b, enum lang lang, const struct errors *errs, const char *field)
{
	const struct field_error *e = errs ? errors_for(errs, field) : NULL;
	char key[64];

	if (!e)
		return;
	snprintf(key, sizeof(key), "err.%s", e->code);
	buf_printf(b, "<p class=\"field-error\" id=\"e-%s\">", field);
	buf_html(b, tr(lang, key));
	buf_puts(b, "</p>\n");
}

/* aria attributes for a control: its hint (may be NULL) and its error, if any. */
static void described_attrs(struct buf *b, const struct errors *errs, const char *field, const char *hint)
{
	bool invalid = errs && errors_for(errs, field);

	if (invalid)
		buf_puts(b, " aria-invalid=\"true\"");
	if (hint || invalid)
		buf_printf(b, " aria-describedby=\"%s%s%s%s\"", hint ? hint : "", hint && invalid ? " " : "",
			   invalid ? "e-" : "", invalid ? field : "");
}

static void invalid_attrs(struct buf *b, const struct errors *errs, const char *field)
{
	described_attrs(b, errs, field, NULL);
}

static bool has_control(const char *field)
{
	static const char *const controls[] = { "target", "stance", "topics", "text",
						 "proposed_wording", "lang", "region" };

	for (size_t i = 0; i < sizeof(controls) / sizeof(controls[0]); i++)
		if (strcmp(field, controls[i]) == 0)
			return true;
	return false;
}

static void error_summary(struct buf *b, enum lang lang, const struct errors *errs)
{
	if (!errs || errs->count == 0)
		return;
	buf_puts(b, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"errors\">\n<h2>");
	buf_html(b, tr(lang, "errors.summary"));
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
			buf_html(b, tr(lang, label));
			buf_puts(b, ": ");
		}
		buf_html(b, tr(lang, key));
		buf_puts(b, "</a></li>\n");
	}
	buf_puts(b, "</ul>\n</div>\n");
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static void option(struct buf *b, const char *value, const char *label, const char *selected)
{
	buf_puts(b, "<option value=\"");
	buf_html(b, value);
	buf_printf(b, "\"%s>", same(value, selected) ? " selected" : "");
	buf_html(b, label);
	buf_puts(b, "</option>\n");
}

/* Parts of one kind as options; articles of a section are grouped under it when known. */
static void part_options(struct buf *b, json_t *parts, const char *kind, json_t *section,
			 const char *lang, const char *selected)
{
	size_t i;
	json_t *p;

	json_array_foreach(parts, i, p) {
		json_t *sec = json_object_get(p, "section");

		if (strcmp(json_string_value(json_object_get(p, "kind")), kind) != 0)
			continue;
		if (section ? !json_equal(sec, section) : !json_is_null(sec) && sec != NULL)
			continue;
		option(b, json_string_value(json_object_get(p, "target")),
		       structure_label(p, "label", lang), selected);
	}
}

static void target_select(struct buf *b, enum lang lang, const struct consultation *c,
			  const char *selected, const struct errors *errs)
{
	json_t *parts = json_object_get(c->doc, "parts"), *p;
	const char *code = lang_code(lang);
	size_t i;

	buf_printf(b, "<div class=\"field\">\n<label for=\"f-target\">%s *</label>\n",
		   tr(lang, "field.target"));
	field_error(b, lang, errs, "target");
	buf_puts(b, "<select id=\"f-target\" name=\"target\" required");
	invalid_attrs(b, errs, "target");
	buf_puts(b, ">\n");
	option(b, "", tr(lang, "target.choose"), selected ? selected : "");
	buf_printf(b, "<optgroup label=\"%s\">\n", tr(lang, "group.whole"));
	part_options(b, parts, "general", NULL, code, selected);
	part_options(b, parts, "preamble", NULL, code, selected);
	buf_printf(b, "</optgroup>\n<optgroup label=\"%s\">\n", tr(lang, "group.sections"));
	part_options(b, parts, "section", NULL, code, selected);
	buf_puts(b, "</optgroup>\n");
	/* Articles whose section the draft states, grouped under that section. */
	json_array_foreach(parts, i, p) {
		if (strcmp(json_string_value(json_object_get(p, "kind")), "section") != 0)
			continue;
		struct buf group;
		buf_init(&group, 0);
		part_options(&group, parts, "article", json_object_get(p, "number"), code, selected);
		if (group.len) {
			buf_puts(b, "<optgroup label=\"");
			buf_html(b, structure_label(p, "label", code));
			buf_printf(b, "\">\n%s</optgroup>\n", group.data);
		}
		buf_free(&group);
	}
	buf_printf(b, "<optgroup label=\"%s\">\n", tr(lang, "group.articles"));
	part_options(b, parts, "article", NULL, code, selected);
	buf_puts(b, "</optgroup>\n</select>\n</div>\n");
}

static void stance_radios(struct buf *b, enum lang lang, const char *selected,
			  const struct errors *errs)
{
	static const char *const stances[] = { "support", "oppose", "amend" };

	buf_printf(b, "<fieldset class=\"field\" id=\"f-stance\"");
	invalid_attrs(b, errs, "stance");
	buf_printf(b, ">\n<legend>%s *</legend>\n", tr(lang, "field.stance"));
	field_error(b, lang, errs, "stance");
	for (int i = 0; i < 3; i++) {
		char key[32];

		snprintf(key, sizeof(key), "stance.%s", stances[i]);
		buf_printf(b, "<label class=\"choice\"><input type=\"radio\" name=\"stance\" value=\"%s\"%s%s> %s</label>\n",
			   stances[i], same(stances[i], selected) ? " checked" : "",
			   i == 0 ? " required" : "", tr(lang, key));
	}
	buf_puts(b, "</fieldset>\n");
}

static void topic_boxes(struct buf *b, enum lang lang, const struct consultation *c,
			const struct proposal_input *in, const struct errors *errs)
{
	json_t *t;
	size_t i;

	buf_printf(b, "<fieldset class=\"field topics\" id=\"f-topics\"");
	invalid_attrs(b, errs, "topics");
	buf_printf(b, ">\n<legend>%s</legend>\n", tr(lang, "field.topics"));
	field_error(b, lang, errs, "topics");
	json_array_foreach(json_object_get(c->doc, "topics"), i, t) {
		const char *slug = json_string_value(json_object_get(t, "slug"));
		bool checked = false;

		for (int j = 0; in && j < in->topic_count; j++)
			checked = checked || same(in->topics[j], slug);
		buf_puts(b, "<label class=\"choice\"><input type=\"checkbox\" name=\"topics\" value=\"");
		buf_html(b, slug);
		buf_printf(b, "\"%s> ", checked ? " checked" : "");
		buf_html(b, structure_label(t, "label", lang_code(lang)));
		buf_puts(b, "</label>\n");
	}
	buf_puts(b, "</fieldset>\n");
}

static void textarea(struct buf *b, enum lang lang, const char *field, const char *value,
		     bool required, const struct errors *errs)
{
	char key[64];

	snprintf(key, sizeof(key), "field.%s", field);
	buf_printf(b, "<div class=\"field\">\n<label for=\"f-%s\">%s%s</label>\n", field, tr(lang, key),
		   required ? " *" : "");
	field_error(b, lang, errs, field);
	if (required)
		buf_printf(b, "<p class=\"hint\" id=\"h-%s\" data-left=\"%s\">%s</p>\n", field,
			   tr(lang, "text.left"), tr(lang, "text.hint"));
	buf_printf(b, "<textarea id=\"f-%s\" name=\"%s\" rows=\"%d\" maxlength=\"5000\"%s", field, field,
		   required ? 10 : 5, required ? " required" : "");
	described_attrs(b, errs, field, required ? "h-text" : NULL);
	buf_puts(b, ">");
	/* Bytes refused as malformed are not echoed back into the page. */
	if (value && !(errs && errors_for(errs, field) && errors_for(errs, field)->status == 400))
		buf_html(b, value);
	buf_puts(b, "</textarea>\n</div>\n");
}

static void lang_select(struct buf *b, enum lang lang, const char *selected,
			const struct errors *errs)
{
	buf_printf(b, "<div class=\"field\">\n<label for=\"f-lang\">%s *</label>\n", tr(lang, "field.lang"));
	field_error(b, lang, errs, "lang");
	buf_puts(b, "<select id=\"f-lang\" name=\"lang\"");
	invalid_attrs(b, errs, "lang");
	buf_puts(b, ">\n");
	for (int i = 0; i < LANG_COUNT; i++)
		option(b, lang_code((enum lang)i), tr((enum lang)i, "lang.name"),
		       selected ? selected : lang_code(lang));
	buf_puts(b, "</select>\n</div>\n");
}

static void region_select(struct buf *b, enum lang lang, const struct consultation *c,
			  const char *selected, const struct errors *errs)
{
	json_t *r;
	size_t i;

	buf_printf(b, "<div class=\"field\">\n<label for=\"f-region\">%s</label>\n", tr(lang, "field.region"));
	field_error(b, lang, errs, "region");
	buf_puts(b, "<select id=\"f-region\" name=\"region\"");
	invalid_attrs(b, errs, "region");
	buf_puts(b, ">\n");
	json_array_foreach(json_object_get(c->doc, "regions"), i, r) {
		option(b, json_string_value(json_object_get(r, "code")),
		       structure_label(r, "name", lang_code(lang)), selected ? selected : "unspecified");
	}
	buf_puts(b, "</select>\n</div>\n");
}

void page_form(struct buf *b, enum lang lang, const struct consultation *c,
	       const struct proposal_input *in, const struct errors *errs)
{
	const char *code = lang_code(lang);

	if (!c) {
		page_message(b, lang, "form.heading", "none.consultation");
		return;
	}
	begin(b, lang, structure_label(c->doc, "title", code));
	buf_puts(b, "<h1>");
	buf_html(b, structure_label(c->doc, "title", code));
	buf_printf(b, "</h1>\n<h2>%s</h2>\n", tr(lang, "form.heading"));
	if (!c->open) {
		buf_printf(b, "<p class=\"notice\">%s</p>\n", tr(lang, "form.closed"));
		end(b);
		return;
	}
	buf_printf(b, "<p>%s</p>\n", tr(lang, "form.intro"));
	error_summary(b, lang, errs);
	buf_puts(b, "<form method=\"post\" action=\"/api/v1/proposals\" accept-charset=\"utf-8\" novalidate>\n"
		    "<input type=\"hidden\" name=\"consultation\" value=\"");
	buf_html(b, c->slug);
	buf_printf(b, "\">\n<input type=\"hidden\" name=\"ui_lang\" value=\"%s\">\n", code);
	target_select(b, lang, c, in ? in->target : NULL, errs);
	stance_radios(b, lang, in ? in->stance : NULL, errs);
	topic_boxes(b, lang, c, in, errs);
	textarea(b, lang, "text", in ? in->text : NULL, true, errs);
	textarea(b, lang, "proposed_wording", in ? in->proposed_wording : NULL, false, errs);
	lang_select(b, lang, in ? in->lang : NULL, errs);
	region_select(b, lang, c, in ? in->region : NULL, errs);
	buf_printf(b, "<p><button type=\"submit\">%s</button></p>\n</form>\n", tr(lang, "form.submit"));
	end(b);
}

static const char *str(json_t *o, const char *member)
{
	const char *s = json_string_value(json_object_get(o, member));
	return s ? s : "";
}

static void row(struct buf *b, const char *label, const char *value)
{
	buf_puts(b, "<dt>");
	buf_html(b, label);
	buf_puts(b, "</dt><dd>");
	buf_html(b, value);
	buf_puts(b, "</dd>\n");
}

void page_receipt(struct buf *b, enum lang lang, const struct consultation *c, json_t *p)
{
	const char *code = lang_code(lang);
	json_t *part = c ? structure_part(c, str(p, "target")) : NULL;
	char number[32], key[32], when[32];
	long long id = json_integer_value(json_object_get(p, "id"));

	snprintf(number, sizeof(number), "%lld", id);
	/* "2026-11-27T18:20:01.123+00:00" shown as "2026-11-27 18:20:01". */
	snprintf(when, sizeof(when), "%.10s %.8s", str(p, "created_at"),
		 strlen(str(p, "created_at")) > 11 ? str(p, "created_at") + 11 : "");
	begin(b, lang, tr(lang, "receipt.title"));
	buf_printf(b, "<h1>%s</h1>\n<div class=\"receipt\">\n<p class=\"number\">%s: <strong>%s</strong></p>\n"
		      "<p>%s</p>\n<dl>\n",
		   tr(lang, "receipt.title"), tr(lang, "receipt.number"), number, tr(lang, "receipt.keep"));
	row(b, tr(lang, "receipt.recorded"), when);
	row(b, tr(lang, "field.target"), part ? structure_label(part, "label", code) : str(p, "target"));
	snprintf(key, sizeof(key), "stance.%s", str(p, "stance"));
	row(b, tr(lang, "field.stance"), tr(lang, key));
	buf_printf(b, "<dt>%s</dt><dd>", tr(lang, "field.topics"));
	{
		json_t *t;
		size_t i;

		json_array_foreach(json_object_get(p, "topics"), i, t) {
			json_t *topic = NULL, *cand;
			size_t j;

			json_array_foreach(c ? json_object_get(c->doc, "topics") : NULL, j, cand)
				if (json_equal(json_object_get(cand, "slug"), t))
					topic = cand;
			buf_puts(b, i ? ", " : "");
			buf_html(b, topic ? structure_label(topic, "label", code) : json_string_value(t));
		}
	}
	buf_puts(b, "</dd>\n");
	buf_printf(b, "<dt>%s</dt><dd><blockquote class=\"text\">", tr(lang, "field.text"));
	buf_html(b, str(p, "text"));
	buf_puts(b, "</blockquote></dd>\n");
	if (json_is_string(json_object_get(p, "proposed_wording"))) {
		buf_printf(b, "<dt>%s</dt><dd><blockquote class=\"text\">", tr(lang, "field.proposed_wording"));
		buf_html(b, str(p, "proposed_wording"));
		buf_puts(b, "</blockquote></dd>\n");
	}
	{
		enum lang text_lang;

		row(b, tr(lang, "field.lang"),
		    lang_parse(str(p, "lang"), &text_lang) ? tr(text_lang, "lang.name") : str(p, "lang"));
	}
	{
		json_t *r, *region = NULL;
		size_t i;

		json_array_foreach(c ? json_object_get(c->doc, "regions") : NULL, i, r)
			if (json_equal(json_object_get(r, "code"), json_object_get(p, "region")))
				region = r;
		row(b, tr(lang, "field.region"), region ? structure_label(region, "name", code) : str(p, "region"));
	}
	buf_printf(b, "</dl>\n</div>\n<p><a href=\"/?lang=%s\">%s</a> · <a href=\"/api/v1/proposals/%s\">%s</a></p>\n",
		   code, tr(lang, "receipt.another"), number, tr(lang, "receipt.json"));
	end(b);
}

void page_message(struct buf *b, enum lang lang, const char *title_key, const char *text_key)
{
	begin(b, lang, tr(lang, title_key));
	buf_printf(b, "<h1>%s</h1>\n<p>%s</p>\n<p><a href=\"/?lang=%s\">Kenes</a></p>\n",
		   tr(lang, title_key), tr(lang, text_key), lang_code(lang));
	end(b);
}
