#include "page_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "text.h"
#include "util.h"
#include "widget.h"

static void stance_radios(struct buf *b, enum lang lang, const char *selected, const struct errors *errs)
{
	static const char *const stances[] = { "support", "oppose", "amend" };

	buf_printf(b, "<fieldset class=\"field\" id=\"f-stance\"");
	widget_invalid_attrs(b, errs, "stance");
	buf_printf(b, ">\n<legend>%s *</legend>\n", lang_tr(lang, "field.stance"));
	widget_field_error(b, lang, errs, "stance");
	for (int i = 0; i < 3; i++) {
		char key[32];

		snprintf(key, sizeof(key), "stance.%s", stances[i]);
		buf_printf(b,
			   "<label class=\"choice\"><input type=\"radio\" name=\"stance\" value=\"%s\"%s%s> "
			   "%s</label>\n",
			   stances[i], widget_same(stances[i], selected) ? " checked" : "",
			   i == 0 ? " required" : "", lang_tr(lang, key));
	}
	buf_puts(b, "</fieldset>\n");
}

static void topic_boxes(struct buf *b, enum lang lang, const struct consultation *c,
			const struct proposal_input *in, const struct errors *errs)
{
	json_t *t;
	size_t i;

	buf_printf(b, "<fieldset class=\"field topics\" id=\"f-topics\"");
	widget_invalid_attrs(b, errs, "topics");
	buf_printf(b, ">\n<legend>%s</legend>\n", lang_tr(lang, "field.topics"));
	widget_field_error(b, lang, errs, "topics");
	json_array_foreach(json_object_get(c->doc, "topics"), i, t)
	{
		const char *slug = json_string_value(json_object_get(t, "slug"));
		bool checked = false;

		for (int j = 0; in && j < in->topic_count; j++)
			checked = checked || widget_same(in->topics[j], slug);
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

static void textarea(struct buf *b, enum lang lang, const char *field, const char *value, bool required,
		     const struct errors *errs)
{
	char key[64];

	snprintf(key, sizeof(key), "field.%s", field);
	buf_printf(b, "<div class=\"field\">\n<label for=\"f-%s\">%s%s</label>\n", field, lang_tr(lang, key),
		   required ? " *" : "");
	widget_field_error(b, lang, errs, field);
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
			buf_html(b, lang_tr(lang, count_key));
			buf_putc(b, '"');
		}
		buf_printf(b, ">%s</p>\n", lang_tr(lang, "text.hint"));
	}
	buf_printf(b, "<textarea id=\"f-%s\" name=\"%s\" rows=\"%d\" maxlength=\"5000\"%s", field, field,
		   required ? 10 : 5, required ? " required" : "");
	widget_described_attrs(b, errs, field, required ? "h-text" : NULL);
	buf_puts(b, ">");
	echo_text(b, value);
	buf_puts(b, "</textarea>\n</div>\n");
}

static void lang_select(struct buf *b, enum lang lang, const char *selected, const struct errors *errs)
{
	widget_select_open(b, lang, errs, "lang", "field.lang", true);
	for (int i = 0; i < LANG_COUNT; i++)
		widget_option(b, lang_code((enum lang)i), lang_tr((enum lang)i, "lang.name"),
			      selected ? selected : lang_code(lang));
	buf_puts(b, "</select>\n</div>\n");
}

static void region_select(struct buf *b, enum lang lang, const struct consultation *c, const char *selected,
			  const struct errors *errs)
{
	json_t *r;
	size_t i;

	widget_select_open(b, lang, errs, "region", "field.region", false);
	json_array_foreach(json_object_get(c->doc, "regions"), i, r)
	{
		widget_option(b, json_string_value(json_object_get(r, "code")),
			      structure_label(r, "name", lang_code(lang)),
			      selected ? selected : "unspecified");
	}
	buf_puts(b, "</select>\n</div>\n");
}

void page_form(struct buf *b, enum lang lang, const struct consultation *c, const struct proposal_input *in,
	       const struct errors *errs)
{
	const char *code = lang_code(lang);

	if (!c) {
		page_message(b, lang, "form.heading", "none.consultation");
		return;
	}
	page_begin(b, lang, structure_label(c->doc, "title", code));
	buf_puts(b, "<h1>");
	buf_html(b, structure_label(c->doc, "title", code));
	buf_printf(b, "</h1>\n<h2>%s</h2>\n", lang_tr(lang, "form.heading"));
	if (!c->open) {
		buf_printf(b, "<p class=\"notice\">%s</p>\n", lang_tr(lang, "form.closed"));
		page_end(b);
		return;
	}
	buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "form.intro"));
	widget_error_summary(b, lang, errs);
	buf_puts(b,
		 "<form method=\"post\" action=\"/api/v1/proposals\" accept-charset=\"utf-8\" novalidate>\n"
		 "<input type=\"hidden\" name=\"consultation\" value=\"");
	buf_html(b, c->slug);
	buf_printf(b, "\">\n<input type=\"hidden\" name=\"ui_lang\" value=\"%s\">\n", code);
	/* The version whose numbering the picker shows: a post after the draft changed is
	   refused rather than filed under another article with the same number. */
	buf_printf(b, "<input type=\"hidden\" name=\"version\" value=\"%lld\">\n",
		   (long long)json_integer_value(json_object_get(c->doc, "version")));
	widget_token_field(b);
	widget_target_select(b, lang, c, in ? in->target : NULL, errs);
	stance_radios(b, lang, in ? in->stance : NULL, errs);
	topic_boxes(b, lang, c, in, errs);
	textarea(b, lang, "text", in ? in->text : NULL, true, errs);
	textarea(b, lang, "proposed_wording", in ? in->proposed_wording : NULL, false, errs);
	lang_select(b, lang, in ? in->lang : NULL, errs);
	region_select(b, lang, c, in ? in->region : NULL, errs);
	if (widget_uses_iin(c))
		widget_iin_field(b, lang,
				 json_is_true(json_object_get(json_object_get(c->doc, "identity"),
							      "proposals_require_identity")),
				 errs);
	buf_printf(b, "<p><button type=\"submit\">%s</button></p>\n</form>\n", lang_tr(lang, "form.submit"));
	page_end(b);
}
