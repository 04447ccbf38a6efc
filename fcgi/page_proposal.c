#include "page_proposal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page.h"
#include "util.h"
#include "widget.h"

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

	snprintf(number, sizeof(number), "%lld",
		 (long long)json_integer_value(json_object_get(own, "version")));
	row(b, lang_tr(lang, "field.version"), number);
	if (!action)
		return;
	snprintf(key, sizeof(key), "part.%s", action);
	buf_printf(b, "<dt>%s (%lld)</dt><dd>", lang_tr(lang, "part.now"),
		   (long long)json_integer_value(json_object_get(now, "version")));
	buf_html(b, lang_tr(lang, key));
	json_array_foreach(json_object_get(now, "parts"), i, part)
	{
		buf_puts(b, i ? ", " : ": ");
		buf_html(b, structure_label(part, "label", lang_code(lang)));
	}
	buf_puts(b, "</dd>\n");
}

/* What a proposal says, as a definition list: on its author's receipt (`author`, "your
   position") or on its page, to any reader ("position: supports it"). */
static void proposal_details(struct buf *b, enum lang lang, const struct consultation *c, json_t *p,
			     bool author)
{
	const char *code = lang_code(lang);
	json_t *own = json_object_get(p, "part"); /* the part on the proposal's own version */
	json_t *part = json_is_object(own) ? own : c ? structure_part(c, widget_str(p, "target")) : NULL;
	char key[32], when[32];
	enum lang text_lang;
	json_t *t, *r, *region = NULL;
	size_t i;

	/* "2026-11-27T18:20:01.123+00:00" shown as "2026-11-27 18:20:01". */
	snprintf(when, sizeof(when), "%.10s %.8s", widget_str(p, "created_at"),
		 strlen(widget_str(p, "created_at")) > 11 ? widget_str(p, "created_at") + 11 : "");
	buf_puts(b, "<dl>\n");
	row(b, lang_tr(lang, "receipt.recorded"), when);
	row(b, lang_tr(lang, "field.target"),
	    part ? structure_label(part, "label", code) : widget_str(p, "target"));
	if (json_is_false(json_object_get(own, "current")))
		part_now(b, lang, own);
	snprintf(key, sizeof(key), author ? "stance.%s" : "view.stance.%s", widget_str(p, "stance"));
	row(b, lang_tr(lang, author ? "field.stance" : "view.stance"), lang_tr(lang, key));
	buf_printf(b, "<dt>%s</dt><dd>", lang_tr(lang, "view.topics"));
	json_array_foreach(json_object_get(p, "topics"), i, t)
	{
		json_t *topic = NULL, *cand;
		size_t j;

		json_array_foreach(c ? json_object_get(c->doc, "topics") : NULL, j,
				   cand) if (json_equal(json_object_get(cand, "slug"), t)) topic = cand;
		buf_puts(b, i ? ", " : "");
		buf_html(b, topic ? structure_label(topic, "label", code) : json_string_value(t));
	}
	buf_puts(b, "</dd>\n");
	buf_printf(b, "<dt>%s</dt><dd><blockquote class=\"text\">",
		   lang_tr(lang, author ? "field.text" : "view.text"));
	buf_html(b, widget_str(p, "text"));
	buf_puts(b, "</blockquote></dd>\n");
	if (json_is_string(json_object_get(p, "proposed_wording"))) {
		buf_printf(b, "<dt>%s</dt><dd><blockquote class=\"text\">",
			   lang_tr(lang, "view.proposed_wording"));
		buf_html(b, widget_str(p, "proposed_wording"));
		buf_puts(b, "</blockquote></dd>\n");
	}
	row(b, lang_tr(lang, "field.lang"),
	    lang_parse(widget_str(p, "lang"), &text_lang) ? lang_tr(text_lang, "lang.name")
							  : widget_str(p, "lang"));
	json_array_foreach(c ? json_object_get(c->doc, "regions") : NULL, i,
			   r) if (json_equal(json_object_get(r, "code"), json_object_get(p, "region")))
		region = r;
	row(b, lang_tr(lang, author ? "field.region" : "view.region"),
	    region ? structure_label(region, "name", code) : widget_str(p, "region"));
	buf_printf(b, "<dt>%s</dt><dd class=\"supports\">%lld</dd>\n", lang_tr(lang, "support.count"),
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
			   lang_tr(lang, "proposal.view"));
	/* The list is of the current version's parts: its "article:N" may be another article. */
	if (!json_is_false(json_object_get(json_object_get(p, "part"), "current"))) {
		buf_puts(b, "<li><a href=\"/proposals?target=");
		buf_html(b, widget_str(p, "target"));
		buf_printf(b, "&amp;lang=%s\">%s</a></li>\n", code, lang_tr(lang, "list.link"));
	}
	buf_printf(b,
		   "<li><a href=\"/?lang=%s\">%s</a></li>\n<li><a "
		   "href=\"/api/v1/proposals/%lld\">%s</a></li>\n</ul>\n",
		   code, lang_tr(lang, "receipt.another"), id, lang_tr(lang, "receipt.json"));
}

void page_proposal_receipt(struct buf *b, enum lang lang, const struct consultation *c, json_t *p)
{
	page_begin(b, lang, lang_tr(lang, "receipt.title"));
	buf_printf(b,
		   "<h1>%s</h1>\n<div class=\"receipt\">\n<p class=\"number\">%s: <strong>%lld</strong></p>\n"
		   "<p>%s</p>\n",
		   lang_tr(lang, "receipt.title"), lang_tr(lang, "receipt.number"),
		   (long long)json_integer_value(json_object_get(p, "id")), lang_tr(lang, "receipt.keep"));
	proposal_details(b, lang, c, p, true);
	buf_puts(b, "</div>\n");
	proposal_links(b, lang, p, false);
	page_end(b);
}

/* "Filed in my name without me?": a person reports it to the moderators (report_identity.c). */
static void report_form(struct buf *b, enum lang lang, const struct consultation *c, long long id,
			const struct errors *errs)
{
	buf_printf(b,
		   "<section class=\"report-identity\" aria-labelledby=\"report-title\">\n"
		   "<h2 id=\"report-title\">%s</h2>\n<p>%s</p>\n"
		   "<form method=\"post\" action=\"/api/v1/proposals/%lld/report-identity\" "
		   "accept-charset=\"utf-8\" class=\"report\" novalidate>\n"
		   "<input type=\"hidden\" name=\"ui_lang\" value=\"%s\">\n",
		   lang_tr(lang, "report.title"), lang_tr(lang, "report.intro"), id, lang_code(lang));
	widget_token_field(b);
	if (widget_uses_iin(c))
		widget_iin_input(b, lang, true, errs, "report_iin");
	buf_printf(b, "<p><button type=\"submit\" class=\"secondary\">%s</button></p>\n</form>\n</section>\n",
		   lang_tr(lang, "report.button"));
}

/* The proposal page; support_errs go with the support form, report_errs with the report form. */
static void proposal_page(struct buf *b, enum lang lang, const struct consultation *c, json_t *p,
			  const struct errors *support_errs, const struct errors *report_errs,
			  const char *notice_key)
{
	long long id = json_integer_value(json_object_get(p, "id"));
	char title[64];

	snprintf(title, sizeof(title), "%s %lld", lang_tr(lang, "proposal.title"), id);
	page_begin(b, lang, title);
	buf_printf(b, "<h1>%s</h1>\n", title);
	if (notice_key)
		buf_printf(b, "<p class=\"notice\" role=\"status\">%s</p>\n", lang_tr(lang, notice_key));
	widget_error_summary(b, lang, support_errs ? support_errs : report_errs);
	buf_puts(b, "<div class=\"receipt\">\n");
	proposal_details(b, lang, c, p, false);
	buf_puts(b, "</div>\n");
	if (c && c->open) {
		buf_printf(b,
			   "<h2>%s</h2>\n<p>%s</p>\n<form method=\"post\" "
			   "action=\"/api/v1/proposals/%lld/supports\" "
			   "accept-charset=\"utf-8\" class=\"support\" novalidate>\n"
			   "<input type=\"hidden\" name=\"ui_lang\" value=\"%s\">\n",
			   lang_tr(lang, "support.title"), lang_tr(lang, "support.intro"), id,
			   lang_code(lang));
		widget_token_field(b);
		if (widget_uses_iin(c))
			widget_iin_field(b, lang, true, support_errs);
		buf_printf(b,
			   "<p><button type=\"submit\" name=\"action\" value=\"support\">%s</button> "
			   "<button type=\"submit\" name=\"action\" value=\"withdraw\" "
			   "class=\"secondary\">%s</button></p>\n"
			   "</form>\n",
			   lang_tr(lang, "support.button"), lang_tr(lang, "support.withdraw"));
	}
	proposal_links(b, lang, p, true);
	if (c)
		report_form(b, lang, c, id, report_errs);
	page_end(b);
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
