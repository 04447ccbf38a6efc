#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csrf.h"
#include "text.h"
#include "util.h"

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
	buf_printf(b, "</span></p>\n<nav aria-label=\"%s\"><ul class=\"langs\">", tr(lang, "nav.lang"));
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
	static const char *const controls[] = { "target", "stance", "topics", "text", "proposed_wording",
						 "lang", "region", "iin", "report_iin" };

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

/*
 * What a person typed, back into the form: only when it is text we would accept (valid
 * UTF-8, no control characters), since the form may come back before validation ran
 * (an expired token). Anything else is dropped rather than put into a UTF-8 page.
 */
static void echo_text(struct buf *b, const char *value)
{
	char *clean = NULL;
	size_t chars;

	if (value && text_clean(value, strlen(value), &clean, &chars) == TEXT_OK)
		buf_html(b, value);
	free(clean);
}

static void textarea(struct buf *b, enum lang lang, const char *field, const char *value,
		     bool required, const struct errors *errs)
{
	char key[64];

	snprintf(key, sizeof(key), "field.%s", field);
	buf_printf(b, "<div class=\"field\">\n<label for=\"f-%s\">%s%s</label>\n", field, tr(lang, key),
		   required ? " *" : "");
	field_error(b, lang, errs, field);
	if (required) {
		/* The counter's phrases by plural category, for static/kenes.js. */
		static const char *const forms[] = { "left.one", "left.few", "left.many", "left.other",
						     "over.one", "over.few", "over.many", "over.other" };

		buf_printf(b, "<p class=\"hint\" id=\"h-%s\"", field);
		for (size_t i = 0; i < ARRAY_LEN(forms); i++) {
			char count_key[32];

			snprintf(count_key, sizeof(count_key), "count.%s", forms[i]);
			buf_printf(b, " data-%.*s-%s=\"", (int)strcspn(forms[i], "."), forms[i],
				   strchr(forms[i], '.') + 1);
			buf_html(b, tr(lang, count_key));
			buf_putc(b, '"');
		}
		buf_printf(b, ">%s</p>\n", tr(lang, "text.hint"));
	}
	buf_printf(b, "<textarea id=\"f-%s\" name=\"%s\" rows=\"%d\" maxlength=\"5000\"%s", field, field,
		   required ? 10 : 5, required ? " required" : "");
	described_attrs(b, errs, field, required ? "h-text" : NULL);
	buf_puts(b, ">");
	echo_text(b, value);
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

/* A fresh one-time token (csrf.h): every form carries one. */
static void token_field(struct buf *b)
{
	char token[CSRF_TOKEN_LEN + 1];

	csrf_token_make(time(NULL), token);
	buf_printf(b, "<input type=\"hidden\" name=\"form_token\" value=\"%s\">\n", token);
}

static bool uses_iin(const struct consultation *c)
{
	const char *policy = json_string_value(json_object_get(json_object_get(c->doc, "identity"), "policy"));

	return !policy || strcmp(policy, "iin") == 0;
}

/*
 * The IIN is never echoed back: a person retypes it after an error. `field` names the
 * control (f-FIELD, hint h-FIELD) and its errors; the input is always named iin.
 */
static void iin_input(struct buf *b, enum lang lang, bool required, const struct errors *errs, const char *field)
{
	char hint[32], label[32];

	snprintf(hint, sizeof(hint), "h-%s", field);
	snprintf(label, sizeof(label), "field.%s", field);
	buf_printf(b, "<div class=\"field\">\n<label for=\"f-%s\">%s%s</label>\n", field, tr(lang, label),
		   required ? " *" : "");
	field_error(b, lang, errs, field);
	buf_printf(b, "<p class=\"hint\" id=\"%s\">%s %s</p>\n", hint, required ? "" : tr(lang, "iin.optional"),
		   tr(lang, "iin.privacy"));
	buf_printf(b, "<input id=\"f-%s\" name=\"iin\" inputmode=\"numeric\" autocomplete=\"off\" "
		      "pattern=\"[0-9]{12}\" maxlength=\"12\" size=\"14\"%s",
		   field, required ? " required" : "");
	described_attrs(b, errs, field, hint);
	buf_puts(b, ">\n</div>\n");
}

static void iin_field(struct buf *b, enum lang lang, bool required, const struct errors *errs)
{
	iin_input(b, lang, required, errs, "iin");
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
	/* The version whose numbering the picker shows: a post after the draft changed is
	   refused rather than filed under another article with the same number. */
	buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\">\n",
		   (long long)json_integer_value(json_object_get(c->doc, "version")));
	token_field(b);
	target_select(b, lang, c, in ? in->target : NULL, errs);
	stance_radios(b, lang, in ? in->stance : NULL, errs);
	topic_boxes(b, lang, c, in, errs);
	textarea(b, lang, "text", in ? in->text : NULL, true, errs);
	textarea(b, lang, "proposed_wording", in ? in->proposed_wording : NULL, false, errs);
	lang_select(b, lang, in ? in->lang : NULL, errs);
	region_select(b, lang, c, in ? in->region : NULL, errs);
	if (uses_iin(c))
		iin_field(b, lang, json_is_true(json_object_get(json_object_get(c->doc, "identity"),
								"proposals_require_identity")),
			  errs);
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

/* For a proposal on an older draft version: that version, and what its part is now. */
static void part_now(struct buf *b, enum lang lang, json_t *own)
{
	json_t *now = json_object_get(own, "now"), *part;
	const char *action = json_string_value(json_object_get(now, "action"));
	char key[32], number[24];
	size_t i;

	snprintf(number, sizeof(number), "%lld", (long long)json_integer_value(json_object_get(own, "version")));
	row(b, tr(lang, "field.version"), number);
	if (!action)
		return;
	snprintf(key, sizeof(key), "part.%s", action);
	buf_printf(b, "<dt>%s (%lld)</dt><dd>", tr(lang, "part.now"),
		   (long long)json_integer_value(json_object_get(now, "version")));
	buf_html(b, tr(lang, key));
	json_array_foreach(json_object_get(now, "parts"), i, part) {
		buf_puts(b, i ? ", " : ": ");
		buf_html(b, structure_label(part, "label", lang_code(lang)));
	}
	buf_puts(b, "</dd>\n");
}

/* What a proposal says, as a definition list: on its author's receipt (`author`, "your
   position") or on its page, to any reader ("position: supports it"). */
static void proposal_details(struct buf *b, enum lang lang, const struct consultation *c, json_t *p, bool author)
{
	const char *code = lang_code(lang);
	json_t *own = json_object_get(p, "part"); /* the part on the proposal's own version */
	json_t *part = json_is_object(own) ? own : c ? structure_part(c, str(p, "target")) : NULL;
	char key[32], when[32];
	enum lang text_lang;
	json_t *t, *r, *region = NULL;
	size_t i;

	/* "2026-11-27T18:20:01.123+00:00" shown as "2026-11-27 18:20:01". */
	snprintf(when, sizeof(when), "%.10s %.8s", str(p, "created_at"),
		 strlen(str(p, "created_at")) > 11 ? str(p, "created_at") + 11 : "");
	buf_puts(b, "<dl>\n");
	row(b, tr(lang, "receipt.recorded"), when);
	row(b, tr(lang, "field.target"), part ? structure_label(part, "label", code) : str(p, "target"));
	if (json_is_false(json_object_get(own, "current")))
		part_now(b, lang, own);
	snprintf(key, sizeof(key), author ? "stance.%s" : "view.stance.%s", str(p, "stance"));
	row(b, tr(lang, author ? "field.stance" : "view.stance"), tr(lang, key));
	buf_printf(b, "<dt>%s</dt><dd>", tr(lang, "view.topics"));
	json_array_foreach(json_object_get(p, "topics"), i, t) {
		json_t *topic = NULL, *cand;
		size_t j;

		json_array_foreach(c ? json_object_get(c->doc, "topics") : NULL, j, cand)
			if (json_equal(json_object_get(cand, "slug"), t))
				topic = cand;
		buf_puts(b, i ? ", " : "");
		buf_html(b, topic ? structure_label(topic, "label", code) : json_string_value(t));
	}
	buf_puts(b, "</dd>\n");
	buf_printf(b, "<dt>%s</dt><dd><blockquote class=\"text\">", tr(lang, author ? "field.text" : "view.text"));
	buf_html(b, str(p, "text"));
	buf_puts(b, "</blockquote></dd>\n");
	if (json_is_string(json_object_get(p, "proposed_wording"))) {
		buf_printf(b, "<dt>%s</dt><dd><blockquote class=\"text\">", tr(lang, "view.proposed_wording"));
		buf_html(b, str(p, "proposed_wording"));
		buf_puts(b, "</blockquote></dd>\n");
	}
	row(b, tr(lang, "field.lang"),
	    lang_parse(str(p, "lang"), &text_lang) ? tr(text_lang, "lang.name") : str(p, "lang"));
	json_array_foreach(c ? json_object_get(c->doc, "regions") : NULL, i, r)
		if (json_equal(json_object_get(r, "code"), json_object_get(p, "region")))
			region = r;
	row(b, tr(lang, author ? "field.region" : "view.region"), region ? structure_label(region, "name", code) : str(p, "region"));
	buf_printf(b, "<dt>%s</dt><dd class=\"supports\">%lld</dd>\n", tr(lang, "support.count"),
		   (long long)json_integer_value(json_object_get(p, "supports")));
	buf_puts(b, "</dl>\n");
}

/* Links to the proposal's own page and to the list of its part. */
static void proposal_links(struct buf *b, enum lang lang, json_t *p, bool own_page)
{
	const char *code = lang_code(lang);
	long long id = json_integer_value(json_object_get(p, "id"));

	buf_puts(b, "<ul class=\"links\">\n");
	if (!own_page)
		buf_printf(b, "<li><a href=\"/proposals/%lld?lang=%s\">%s</a></li>\n", id, code,
			   tr(lang, "proposal.view"));
	/* The list is of the current version's parts: its "article:N" may be another article. */
	if (!json_is_false(json_object_get(json_object_get(p, "part"), "current"))) {
		buf_puts(b, "<li><a href=\"/proposals?target=");
		buf_html(b, str(p, "target"));
		buf_printf(b, "&amp;lang=%s\">%s</a></li>\n", code, tr(lang, "list.link"));
	}
	buf_printf(b, "<li><a href=\"/?lang=%s\">%s</a></li>\n<li><a href=\"/api/v1/proposals/%lld\">%s</a></li>\n</ul>\n",
		   code, tr(lang, "receipt.another"), id, tr(lang, "receipt.json"));
}

void page_receipt(struct buf *b, enum lang lang, const struct consultation *c, json_t *p)
{
	begin(b, lang, tr(lang, "receipt.title"));
	buf_printf(b, "<h1>%s</h1>\n<div class=\"receipt\">\n<p class=\"number\">%s: <strong>%lld</strong></p>\n"
		      "<p>%s</p>\n",
		   tr(lang, "receipt.title"), tr(lang, "receipt.number"),
		   (long long)json_integer_value(json_object_get(p, "id")), tr(lang, "receipt.keep"));
	proposal_details(b, lang, c, p, true);
	buf_puts(b, "</div>\n");
	proposal_links(b, lang, p, false);
	end(b);
}

/* "Filed in my name without me?": a person reports it to the moderators (report_identity.c). */
static void report_form(struct buf *b, enum lang lang, const struct consultation *c, long long id,
			const struct errors *errs)
{
	buf_printf(b, "<section class=\"report-identity\" aria-labelledby=\"report-title\">\n"
		      "<h2 id=\"report-title\">%s</h2>\n<p>%s</p>\n"
		      "<form method=\"post\" action=\"/api/v1/proposals/%lld/report-identity\" "
		      "accept-charset=\"utf-8\" class=\"report\" novalidate>\n"
		      "<input type=\"hidden\" name=\"ui_lang\" value=\"%s\">\n",
		   tr(lang, "report.title"), tr(lang, "report.intro"), id, lang_code(lang));
	token_field(b);
	if (uses_iin(c))
		iin_input(b, lang, true, errs, "report_iin");
	buf_printf(b, "<p><button type=\"submit\" class=\"secondary\">%s</button></p>\n</form>\n</section>\n",
		   tr(lang, "report.button"));
}

/* The proposal page; support_errs go with the support form, report_errs with the report form. */
static void proposal_page(struct buf *b, enum lang lang, const struct consultation *c, json_t *p,
			  const struct errors *support_errs, const struct errors *report_errs,
			  const char *notice_key)
{
	long long id = json_integer_value(json_object_get(p, "id"));
	char title[64];

	snprintf(title, sizeof(title), "%s %lld", tr(lang, "proposal.title"), id);
	begin(b, lang, title);
	buf_printf(b, "<h1>%s</h1>\n", title);
	if (notice_key)
		buf_printf(b, "<p class=\"notice\" role=\"status\">%s</p>\n", tr(lang, notice_key));
	error_summary(b, lang, support_errs ? support_errs : report_errs);
	buf_puts(b, "<div class=\"receipt\">\n");
	proposal_details(b, lang, c, p, false);
	buf_puts(b, "</div>\n");
	if (c && c->open) {
		buf_printf(b, "<h2>%s</h2>\n<p>%s</p>\n<form method=\"post\" action=\"/api/v1/proposals/%lld/supports\" "
			      "accept-charset=\"utf-8\" class=\"support\" novalidate>\n"
			      "<input type=\"hidden\" name=\"ui_lang\" value=\"%s\">\n",
			   tr(lang, "support.title"), tr(lang, "support.intro"), id, lang_code(lang));
		token_field(b);
		if (uses_iin(c))
			iin_field(b, lang, true, support_errs);
		buf_printf(b, "<p><button type=\"submit\" name=\"action\" value=\"support\">%s</button> "
			      "<button type=\"submit\" name=\"action\" value=\"withdraw\" class=\"secondary\">%s</button></p>\n"
			      "</form>\n",
			   tr(lang, "support.button"), tr(lang, "support.withdraw"));
	}
	proposal_links(b, lang, p, true);
	if (c)
		report_form(b, lang, c, id, report_errs);
	end(b);
}

void page_proposal(struct buf *b, enum lang lang, const struct consultation *c, json_t *p,
		   const struct errors *errs, const char *notice_key)
{
	proposal_page(b, lang, c, p, errs, NULL, notice_key);
}

void page_proposal_report(struct buf *b, enum lang lang, const struct consultation *c, json_t *p,
			  const struct errors *errs)
{
	proposal_page(b, lang, c, p, NULL, errs, NULL);
}

/* The first ~280 characters of a text, cut at a character boundary. */
static void excerpt(struct buf *b, const char *text)
{
	size_t n = 0, chars = 0;

	while (text[n] && chars < 280) {
		n++;
		while ((text[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	buf_puts(b, "<p class=\"excerpt\">");
	{
		struct buf tmp;

		buf_init(&tmp, 0);
		buf_append(&tmp, text, n);
		buf_html(b, tmp.data);
		buf_free(&tmp);
	}
	buf_puts(b, text[n] ? "…</p>\n" : "</p>\n");
}

static void list_link(struct buf *b, enum lang lang, const struct list_query *q, long page, const char *label_key)
{
	/* target and sort were checked against the structure, but escape them all the same. */
	buf_puts(b, "<a href=\"/proposals?target=");
	buf_html(b, q->target);
	buf_puts(b, "&amp;sort=");
	buf_html(b, q->sort);
	if (q->version[0])
		buf_printf(b, "&amp;version=%s", q->version); /* digits only (browse.c) */
	buf_printf(b, "&amp;page=%ld&amp;lang=%s\">%s</a>", page, lang_code(lang), tr(lang, label_key));
}

void page_list(struct buf *b, enum lang lang, const struct list_query *q, json_t *items, bool more)
{
	const struct consultation *c = q->consultation;
	/* With ?version= the part (and its label) is that version's, which the cache lacks. */
	json_t *part = q->version[0] ? q->part : q->target[0] ? structure_part(c, q->target) : NULL;
	const char *code = lang_code(lang);
	json_t *p;
	size_t i;

	begin(b, lang, tr(lang, "list.title"));
	buf_printf(b, "<h1>%s", tr(lang, "list.title"));
	if (part) {
		buf_puts(b, ": ");
		buf_html(b, structure_label(part, "label", code));
	}
	buf_printf(b, "</h1>\n<form method=\"get\" action=\"/proposals\" class=\"filter\">\n"
		      "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n", code);
	/* The select lists the current version's parts: an older version's target may name another. */
	target_select(b, lang, c, part && !q->version[0] ? q->target : NULL, NULL);
	buf_printf(b, "<div class=\"field\"><label for=\"f-sort\">%s</label>\n<select id=\"f-sort\" name=\"sort\">\n",
		   tr(lang, "list.sort"));
	option(b, "newest", tr(lang, "list.newest"), q->sort);
	option(b, "supported", tr(lang, "list.supported"), q->sort);
	buf_printf(b, "</select></div>\n<p><button type=\"submit\">%s</button></p>\n</form>\n", tr(lang, "list.show"));
	if (!part) {
		end(b);
		return;
	}
	if (json_array_size(items) == 0)
		buf_printf(b, "<p>%s</p>\n", tr(lang, "list.empty"));
	buf_puts(b, "<ol class=\"proposals\">\n");
	json_array_foreach(items, i, p) {
		long long id = json_integer_value(json_object_get(p, "id"));
		char key[32];

		snprintf(key, sizeof(key), "view.stance.%s", str(p, "stance"));
		buf_printf(b, "<li><h2><a href=\"/proposals/%lld?lang=%s\">%s %lld</a> · %s</h2>\n", id, code,
			   tr(lang, "proposal.title"), id, tr(lang, key));
		excerpt(b, str(p, "text"));
		buf_printf(b, "<p class=\"meta\">%s: <strong>%lld</strong> · %.10s</p></li>\n", tr(lang, "support.count"),
			   (long long)json_integer_value(json_object_get(p, "supports")), str(p, "created_at"));
	}
	buf_printf(b, "</ol>\n<nav class=\"pages\" aria-label=\"%s\">", tr(lang, "nav.pages"));
	if (q->page > 1)
		list_link(b, lang, q, q->page - 1, "list.prev");
	buf_printf(b, " <span>%s %ld</span> ", tr(lang, "list.page"), q->page);
	if (more)
		list_link(b, lang, q, q->page + 1, "list.next");
	buf_puts(b, "</nav>\n");
	end(b);
}

void page_message(struct buf *b, enum lang lang, const char *title_key, const char *text_key)
{
	begin(b, lang, tr(lang, title_key));
	buf_printf(b, "<h1>%s</h1>\n<p>%s</p>\n<p><a href=\"/?lang=%s\">Kenes</a></p>\n",
		   tr(lang, title_key), tr(lang, text_key), lang_code(lang));
	end(b);
}
