/*
 * test_page.c - the HTML pages: the form in each language, the form shown again after an
 * error, the receipt, and that whatever a person typed appears only escaped.
 *
 * The checks read the HTML as text: what must be there, what must not, and in which order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "page.h"
#include "page_form.h"
#include "page_list.h"
#include "page_proposal.h"
#include "util.h"

static char *render_form(enum lang lang, const struct proposal_input *in, const struct errors *errs)
{
	struct buf b;
	char *html;

	buf_init(&b, 0);
	page_form(&b, lang, structure_default(), in, errs);
	html = buf_steal(&b);
	buf_free(&b); /* buf_steal leaves b initialised and empty */
	return html;
}

static void assert_contains(const char *html, const char *needle)
{
	if (!strstr(html, needle))
		fail_msg("the page lacks: %s", needle);
}

static void assert_lacks(const char *html, const char *needle)
{
	const char *at = strstr(html, needle);

	if (at)
		fail_msg("the page has: %s (at \"%.60s\")", needle, at);
}

static int count(const char *html, const char *needle)
{
	int n = 0;

	for (const char *p = html; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* The first a, then b after it, and (when c is not NULL) b before the next c. */
static void assert_order(const char *html, const char *a, const char *b, const char *c)
{
	const char *pa = strstr(html, a), *pb, *pc;

	if (!pa)
		fail_msg("the page lacks: %s", a);
	pb = strstr(pa + strlen(a), b);
	if (!pb)
		fail_msg("the page lacks \"%s\" after \"%s\"", b, a);
	pc = c ? strstr(pa + strlen(a), c) : NULL;
	if (c && (!pc || pc < pb))
		fail_msg("\"%s\" is not between \"%s\" and the next \"%s\"", b, a, c);
}

/* A copy of the whole tag "<...>" that contains needle (caller frees). */
static char *tag_with(const char *html, const char *needle)
{
	const char *at = strstr(html, needle), *start, *end;

	if (!at)
		fail_msg("the page lacks: %s", needle);
	for (start = at; start > html && *start != '<'; start--)
		;
	end = strchr(at, '>');
	assert_non_null(end);
	return xstrndup(start, (size_t)(end - start + 1));
}

/* Every control id="f-X" has a <label for="f-X">, unless it is a fieldset with a legend. */
static void assert_every_control_labelled(const char *html)
{
	for (const char *p = html; (p = strstr(p, " id=\"f-")); p++) {
		const char *id = p + 5, *quote = strchr(id, '"'), *tag = p;
		char label[80];

		while (tag > html && *tag != '<')
			tag--;
		if (strncmp(tag, "<fieldset", 9) == 0) {
			assert_order(tag, "<fieldset", "<legend>", "</fieldset>");
			continue;
		}
		snprintf(label, sizeof(label), "<label for=\"%.*s\"", (int)(quote - id), id);
		assert_contains(html, label);
	}
	/* Radios and checkboxes are labelled by the <label> around them. */
	assert_int_equal(count(html, "<label class=\"choice\"><input type=\"radio\""),
			 count(html, "type=\"radio\""));
	assert_int_equal(count(html, "<label class=\"choice\"><input type=\"checkbox\""),
			 count(html, "type=\"checkbox\""));
	/* Selects and textareas all carry an id, so the check above saw them. */
	assert_int_equal(count(html, "<select id=\"f-"), count(html, "<select"));
	assert_int_equal(count(html, "<textarea id=\"f-"), count(html, "<textarea"));
}

/* Every link of the error summary leads to an element of the page. */
static void assert_summary_links_resolve(const char *html)
{
	for (const char *p = html; (p = strstr(p, "href=\"#")); p++) {
		const char *id = p + 7, *quote = strchr(id, '"');
		char target[80];

		snprintf(target, sizeof(target), " id=\"%.*s\"", (int)(quote - id), id);
		assert_contains(html, target);
	}
}

/* No i18n key shows through untranslated. */
static void assert_no_raw_keys(const char *html)
{
	static const char *const prefixes[] = {
		"lang.", "site.",   "form.", "field.",   "target.",   "group.", "stance.",
		"text.", "errors.", "err.",  "receipt.", "notfound.", "error.", "none.",
	};

	for (size_t i = 0; i < ARRAY_LEN(prefixes); i++)
		assert_lacks(html, prefixes[i]);
}

/* "style=..." or an event handler such as "onerror=..." */
static bool is_inline_code_attribute(const char *attr)
{
	size_t letters;

	if (strncmp(attr, "style=", 6) == 0)
		return true;
	if (strncmp(attr, "on", 2) != 0)
		return false;
	letters = strspn(attr + 2, "abcdefghijklmnopqrstuvwxyz");
	return letters > 0 && attr[2 + letters] == '=';
}

/* Pages load /static/kenes.js and kenes.css only: nothing inline for the CSP to refuse. */
static void assert_no_inline_code(const char *html)
{
	assert_int_equal(count(html, "<script"), 1);
	assert_contains(html, "<script src=\"/static/kenes.js\" defer></script>");
	assert_lacks(html, "<style");
	assert_lacks(html, "javascript:");
	/* no style or on* attribute in any tag */
	for (const char *tag = html; (tag = strchr(tag, '<')); tag++) {
		const char *end = strchr(tag, '>');
		char *copy = xstrndup(tag, (size_t)(end - tag));

		for (const char *a = copy; (a = strchr(a, ' ')); a++)
			if (is_inline_code_attribute(a + 1))
				fail_msg("inline code in the tag %s>", copy);
		free(copy);
	}
}

static void test_form_each_language(void **state)
{
	static const struct {
		enum lang lang;
		const char *title, *section_group;
	} cases[] = {
		{ LANG_KK, "Конституция жобасы", "<optgroup label=\"1-бөлім\">" },
		{ LANG_RU, "Проект Конституции", "<optgroup label=\"Раздел 1\">" },
		{ LANG_EN, "Draft Constitution", "<optgroup label=\"Section 1\">" },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		enum lang l = cases[i].lang;
		char *html = render_form(l, NULL, NULL);
		char want[128];

		snprintf(want, sizeof(want), "<html lang=\"%s\">", lang_code(l));
		assert_contains(html, want);
		snprintf(want, sizeof(want), "<h1>%s</h1>", cases[i].title);
		assert_contains(html, want);
		assert_contains(html, lang_tr(l, "form.heading"));
		assert_contains(html, lang_tr(l, "form.submit"));
		assert_contains(html, "<form method=\"post\" action=\"/api/v1/proposals\"");
		assert_contains(html,
				"<input type=\"hidden\" name=\"consultation\" value=\"" FIXTURE_SLUG "\">");
		snprintf(want, sizeof(want), "<input type=\"hidden\" name=\"ui_lang\" value=\"%s\">",
			 lang_code(l));
		assert_contains(html, want);
		assert_contains(html, "<select id=\"f-target\" name=\"target\"");
		assert_contains(html, "<option value=\"article:4\">");
		/* article 1 belongs to section 1 and is listed under it, once */
		assert_order(html, cases[i].section_group, "<option value=\"article:1\">", "</optgroup>");
		assert_int_equal(count(html, "value=\"article:1\""), 1);
		assert_int_equal(count(html, "value=\"article:4\""), 1);
		assert_contains(html, "<option value=\"\" selected>");
		/* the proposal's language defaults to the page's, the region to "unspecified" */
		snprintf(want, sizeof(want), "<option value=\"%s\" selected>", lang_code(l));
		assert_contains(html, want);
		assert_contains(html, "<option value=\"unspecified\" selected>");
		assert_int_equal(count(html, " selected"), 3);
		assert_int_equal(count(html, " checked"), 0);
		assert_int_equal(count(html, "type=\"checkbox\" name=\"topics\""), 6);
		assert_lacks(html, "error-summary");
		assert_lacks(html, "field-error");
		assert_lacks(html, "aria-invalid");
		assert_every_control_labelled(html);
		assert_no_raw_keys(html);
		assert_no_inline_code(html);
		free(html);
	}
}

/* Labels from the structure are escaped too ("Rights & freedoms"). */
static void test_form_escapes_structure_labels(void **state)
{
	char *html = render_form(LANG_EN, NULL, NULL);

	(void)state;
	assert_contains(html, "> Rights &amp; freedoms</label>");
	assert_lacks(html, "Rights & ");
	free(html);
}

/* Reads a form body and validates it, the way the handler does before showing it again. */
static void submit_form(const char *body, struct proposal_input *in, struct errors *errs)
{
	struct proposal p;

	memset(in, 0, sizeof(*in));
	errs->count = 0;
	in->channel = "web";
	assert_true(proposal_input_from_form(body, strlen(body), in, errs));
	assert_false(proposal_validate(in, &p, errs));
	proposal_free(&p);
}

static void test_form_again_after_errors(void **state)
{
	static const char body[] =
		"consultation=" FIXTURE_SLUG "&ui_lang=ru&target=article%3A99"
		"&text=%D0%9C%D0%BE%D0%B9+%D1%82%D0%B5%D0%BA%D1%81%D1%82&topics=courts&lang=en"
		"&region=KZ-75";
	struct proposal_input in;
	struct errors errs;
	char *html, *tag;

	(void)state;
	submit_form(body, &in, &errs);
	assert_int_equal(errs.count, 2); /* target unknown, stance missing */
	html = render_form(LANG_RU, &in, &errs);

	/* the summary first, with a link to each field */
	assert_order(html, "<div class=\"error-summary\" role=\"alert\"", lang_tr(LANG_RU, "errors.summary"),
		     "<form");
	assert_contains(html, "<li><a href=\"#f-target\">");
	assert_contains(html, "<li><a href=\"#f-stance\">");
	assert_summary_links_resolve(html);

	/* each message beside its field, between the label and the control */
	assert_order(html, "<label for=\"f-target\">", "<p class=\"field-error\" id=\"e-target\">",
		     "<select id=\"f-target\"");
	assert_order(html, "<p class=\"field-error\" id=\"e-target\">",
		     lang_tr(LANG_RU, "err.unknown_target"), "</p>");
	assert_order(html, "id=\"f-stance\"", "<p class=\"field-error\" id=\"e-stance\">", "</fieldset>");
	assert_order(html, "<p class=\"field-error\" id=\"e-stance\">", lang_tr(LANG_RU, "err.required"),
		     "</p>");
	assert_int_equal(count(html, "class=\"field-error\""), 2);
	tag = tag_with(html, "<select id=\"f-target\"");
	assert_contains(tag, " aria-invalid=\"true\" aria-describedby=\"e-target\"");
	free(tag);
	tag = tag_with(html, "id=\"f-stance\"");
	assert_contains(tag, " aria-invalid=\"true\"");
	free(tag);

	/* what was typed and chosen is kept */
	assert_contains(html, "rows=\"10\" maxlength=\"5000\" required aria-describedby=\"h-text\">"
			      "\xD0\x9C\xD0\xBE\xD0\xB9 \xD1\x82\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82</textarea>");
	assert_contains(html, "value=\"courts\" checked>");
	assert_int_equal(count(html, " checked"), 1);
	assert_contains(html, "<option value=\"en\" selected>");
	assert_contains(html, "<option value=\"KZ-75\" selected>");
	assert_lacks(html, "<option value=\"\" selected>"); /* "article:99" is no option */

	assert_every_control_labelled(html);
	assert_no_raw_keys(html);
	assert_no_inline_code(html);
	free(html);
	proposal_input_free(&in);
}

/* The selected part, stance and topics are shown again as chosen. */
static void test_form_again_keeps_choices(void **state)
{
	static const char body[] = "consultation=" FIXTURE_SLUG "&target=article%3A4&stance=amend"
				   "&topics=rights&topics=language&text=x&proposed_wording=y&lang=kk"
				   "&region=nowhere";
	struct proposal_input in;
	struct errors errs;
	char *html;

	(void)state;
	submit_form(body, &in, &errs);
	html = render_form(LANG_EN, &in, &errs);
	assert_contains(html, "<option value=\"article:4\" selected>");
	assert_contains(html, "value=\"amend\" checked>");
	assert_contains(html, "value=\"rights\" checked>");
	assert_contains(html, "value=\"language\" checked>");
	assert_int_equal(count(html, " checked"), 3);
	assert_contains(html, "name=\"proposed_wording\" rows=\"5\" maxlength=\"5000\">y</textarea>");
	assert_order(html, "<label for=\"f-region\">", "id=\"e-region\">", "<select id=\"f-region\"");
	assert_summary_links_resolve(html);
	free(html);
	proposal_input_free(&in);
}

static const char *const xss[] = {
	"<script>alert(1)</script>",
	"\"><img src=x onerror=alert(1)>",
	"'><svg onload=alert(1)>",
	"</textarea><script>alert(1)</script>",
};

static const char *const xss_escaped[] = {
	"&lt;script&gt;alert(1)&lt;/script&gt;",
	"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
	"&#39;&gt;&lt;svg onload=alert(1)&gt;",
	"&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
};

/* No markup from the payloads made it through. */
static void assert_no_payload_markup(const char *html)
{
	assert_lacks(html, "<script>");
	assert_lacks(html, "<img");
	assert_lacks(html, "<svg");
	assert_lacks(html, "</textarea><");
	assert_lacks(html, "alert(1)\"");
	assert_int_equal(count(html, "<textarea"), 2);
	assert_int_equal(count(html, "</textarea>"), 2);
}

static void test_form_escapes_what_was_typed(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(xss); i++) {
		/* Every field holds the payload; the text and the wording are shown back. */
		struct proposal_input in = {
			.consultation = xstrdup(xss[i]),
			.target = xstrdup(xss[i]),
			.stance = xstrdup(xss[i]),
			.text = xstrdup(xss[i]),
			.proposed_wording = xstrdup(xss[i]),
			.lang = xstrdup(xss[i]),
			.region = xstrdup(xss[i]),
			.ui_lang = xstrdup(xss[i]),
			.topics = { xstrdup(xss[i]) },
			.topic_count = 1,
		};
		struct errors errs = { .count = 0 };
		struct proposal p;
		char *html;

		in.text_len = in.wording_len = strlen(xss[i]);
		/* shown with the errors the payload causes, and with none */
		assert_false(proposal_validate(&in, &p, &errs));
		proposal_free(&p);
		for (int with_errors = 0; with_errors < 2; with_errors++) {
			html = render_form(LANG_EN, &in, with_errors ? &errs : NULL);
			assert_no_payload_markup(html);
			assert_int_equal(count(html, xss_escaped[i]), 2);
			assert_no_inline_code(html);
			free(html);
		}
		proposal_input_free(&in);
	}
}

/* Bytes refused as malformed (a 400 on the field) are not echoed into the page. */
static void test_form_does_not_echo_bad_bytes(void **state)
{
	struct proposal_input in;
	struct errors errs;
	char *html;

	(void)state;
	submit_form("target=article%3A4&stance=support&text=secret%07bytes&lang=kk", &in, &errs);
	assert_int_equal(errors_for(&errs, "text")->kind, ERROR_MALFORMED);
	html = render_form(LANG_KK, &in, &errs);
	assert_lacks(html, "secret");
	assert_contains(html, "id=\"e-text\">");
	assert_contains(html, lang_tr(LANG_KK, "err.control_character"));
	free(html);
	proposal_input_free(&in);
}

static void test_form_closed(void **state)
{
	char *html = render_form(LANG_RU, NULL, NULL);

	(void)state;
	assert_contains(html, "<p class=\"notice\">");
	assert_contains(html, lang_tr(LANG_RU, "form.closed"));
	assert_contains(html, "<h1>\xD0\x9F\xD1\x80\xD0\xBE\xD0\xB5\xD0\xBA\xD1\x82 "); /* Проект */
	assert_lacks(html, "<form");
	assert_lacks(html, "<select");
	free(html);
}

static void test_form_without_consultation(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	page_form(&b, LANG_EN, NULL, NULL, NULL);
	assert_contains(b.data, "<h1>Submit a proposal</h1>");
	assert_contains(b.data, lang_tr(LANG_EN, "none.consultation"));
	assert_lacks(b.data, "<form");
	buf_free(&b);
}

/*
 * Regression (was a bug): fcgi/page.c textarea writes aria-describedby="h-text" for the required text field and
 * invalid_attrs then adds a second aria-describedby="e-text" when the text has an error:
 *   <textarea id="f-text" ... required aria-describedby="h-text" aria-invalid="true"
 *   aria-describedby="e-text">
 * A duplicate attribute is invalid HTML; parsers keep the first, so screen readers are never
 * told the error message. Expected: one aria-describedby="h-text e-text" (or "e-text h-text").
 * Input: page_form with errors {422 required field "text"}.
 */
static void test_form_text_error_described_once(void **state)
{
	struct proposal_input in;
	struct errors errs;
	char *html, *tag;

	(void)state;
	submit_form("target=article%3A4&stance=support&text=+&lang=kk", &in, &errs);
	html = render_form(LANG_EN, &in, &errs);
	tag = tag_with(html, "<textarea id=\"f-text\"");
	assert_int_equal(count(tag, "aria-describedby="), 1);
	assert_contains(tag, "e-text");
	assert_contains(tag, "h-text");
	free(tag);
	free(html);
	proposal_input_free(&in);
}

/*
 * Regression (was a bug): an error about the consultation (a form posted with an unknown consultation slug,
 * which routes.c form_again shows again with the default consultation) is listed in the
 * summary as "field.consultation: There is no such consultation." with a link to
 * #f-consultation, an id the page does not have. fcgi/page.c error_summary looks up
 * "field." + field and fcgi/lang.c has no "field.consultation". Expected: a translated
 * label and a link that leads somewhere (or no link).
 */
static void test_form_consultation_error_summary(void **state)
{
	struct proposal_input in;
	struct errors errs;
	char *html;

	(void)state;
	submit_form("consultation=gone&target=article%3A4&stance=support&text=x&lang=kk", &in, &errs);
	html = render_form(LANG_EN, &in, &errs);
	assert_no_raw_keys(html);
	assert_summary_links_resolve(html);
	free(html);
	proposal_input_free(&in);
}

/* A stored proposal as the API returns it, with payloads in every free-text place. */
#define RECEIPT_JSON                                                                                         \
	"{\"id\":17,\"consultation\":\"" FIXTURE_SLUG "\",\"version\":1,\"target\":\"article:4\","           \
	"\"stance\":\"amend\",\"topics\":[\"rights\",\"<b>x</b>\"],"                                         \
	"\"text\":\"<script>alert(1)</script> & \\\"q\\\" 'a'\","                                            \
	"\"proposed_wording\":\"\\\"><img src=x onerror=alert(1)>\",\"lang\":\"ru\","                        \
	"\"region\":\"KZ-71\",\"channel\":\"web\",\"status\":\"published\","                                 \
	"\"created_at\":\"2026-11-27T18:20:01.123+00:00\"}"

static char *render_receipt(enum lang lang, const struct consultation *c, const char *json)
{
	json_t *doc = json_loads(json, 0, NULL);
	struct buf b;
	char *html;

	assert_non_null(doc);
	buf_init(&b, 0);
	page_proposal_receipt(&b, lang, c, doc);
	json_decref(doc);
	html = buf_steal(&b);
	buf_free(&b); /* buf_steal leaves b initialised and empty */
	return html;
}

static void test_receipt(void **state)
{
	char *html = render_receipt(LANG_EN, structure_find(FIXTURE_SLUG), RECEIPT_JSON);

	(void)state;
	assert_contains(html, "<html lang=\"en\">");
	assert_contains(html, "<h1>Thank you! Your proposal is recorded</h1>");
	assert_contains(html, "<strong>17</strong>");
	assert_contains(html, "<dd>2026-11-27 18:20:01</dd>");
	assert_contains(html, "<dd>Article 4</dd>");
	assert_contains(html, "<dd>I propose a change</dd>");
	assert_contains(html, "<dd>Rights &amp; freedoms, &lt;b&gt;x&lt;/b&gt;</dd>");
	assert_contains(html, "<blockquote class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
			      "&quot;q&quot; &#39;a&#39;</blockquote>");
	assert_contains(html, "<blockquote class=\"text\">"
			      "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</blockquote>");
	assert_contains(html, "<dd>\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9</dd>");
	assert_contains(html, "<dd>Astana</dd>");
	assert_contains(html, "<a href=\"/api/v1/proposals/17\">");
	assert_contains(html, "<a href=\"/?lang=en\">");
	assert_lacks(html, "<script>");
	assert_lacks(html, "<img");
	assert_lacks(html, "<b>");
	assert_no_raw_keys(html);
	assert_no_inline_code(html);
	free(html);
}

/* Without the structure (or with unknown values) the raw values are shown, escaped. */
static void test_receipt_without_structure(void **state)
{
	static const char json[] =
		"{\"id\":5,\"target\":\"<svg onload=x>\",\"stance\":\"support\",\"topics\":[\"rights\"],"
		"\"text\":\"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\",\"proposed_wording\":null,"
		"\"lang\":\"kk\",\"region\":\"<i>KZ</i>\",\"created_at\":\"2026-01-30T10:00:00Z\"}";
	char *html = render_receipt(LANG_KK, NULL, json);

	(void)state;
	assert_contains(html, "<dd>&lt;svg onload=x&gt;</dd>");
	assert_contains(html, "<dd>rights</dd>");
	assert_contains(html, "<dd>&lt;i&gt;KZ&lt;/i&gt;</dd>");
	assert_contains(html, "<blockquote class=\"text\">"
			      "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82</blockquote>");
	assert_int_equal(count(html, "<blockquote"), 1); /* no wording row */
	assert_contains(html, "<dd>2026-01-30 10:00:00</dd>");
	assert_lacks(html, "<svg");
	assert_lacks(html, "<i>");
	free(html);
}

static void test_message(void **state)
{
	(void)state;
	for (int i = 0; i < LANG_COUNT; i++) {
		enum lang l = (enum lang)i;
		struct buf b;
		char want[256];

		buf_init(&b, 0);
		page_message(&b, l, "notfound.title", "notfound.text");
		snprintf(want, sizeof(want), "<h1>%s</h1>\n<p>%s</p>", lang_tr(l, "notfound.title"),
			 lang_tr(l, "notfound.text"));
		assert_contains(b.data, want);
		snprintf(want, sizeof(want), "<title>%s — Kenes</title>", lang_tr(l, "notfound.title"));
		assert_contains(b.data, want);
		assert_no_raw_keys(b.data);
		assert_no_inline_code(b.data);
		buf_free(&b);
	}
}

static char *render_proposal(enum lang lang, const struct errors *support_errs,
			     const struct errors *report_errs)
{
	json_t *doc = json_loads(RECEIPT_JSON, 0, NULL);
	struct buf b;
	char *html;

	assert_non_null(doc);
	buf_init(&b, 0);
	if (report_errs)
		page_proposal_report(&b, lang, structure_find(FIXTURE_SLUG), doc, report_errs);
	else
		page_proposal(&b, lang, structure_find(FIXTURE_SLUG), doc, support_errs, NULL);
	json_decref(doc);
	html = buf_steal(&b);
	buf_free(&b);
	return html;
}

/* The proposal page carries two forms: support, and "filed in my name" (report_identity.c),
 * each with its own token and its own IIN control; errors go beside the form they are about. */
static void test_proposal_page_report_form(void **state)
{
	struct errors errs = { .count = 0 };
	char *html;

	(void)state;
	for (int i = 0; i < LANG_COUNT; i++) {
		html = render_proposal((enum lang)i, NULL, NULL);
		assert_contains(html, "action=\"/api/v1/proposals/17/supports\"");
		assert_contains(html, "action=\"/api/v1/proposals/17/report-identity\"");
		assert_order(html, "/supports\"", "/report-identity\"", NULL);
		assert_int_equal(count(html, "name=\"form_token\""), 2);
		assert_int_equal(count(html, "id=\"f-iin\""), 1);
		assert_int_equal(count(html, "id=\"f-report_iin\""), 1);
		assert_contains(html, "<label for=\"f-report_iin\">");
		assert_contains(html, lang_tr((enum lang)i, "report.title"));
		assert_no_raw_keys(html);
		assert_no_inline_code(html);
		assert_lacks(html, "<script>");
		free(html);
	}
	errors_add(&errs, ERROR_INVALID, "invalid_iin", "report_iin", "bad");
	html = render_proposal(LANG_RU, NULL, &errs);
	assert_contains(html, "<a href=\"#f-report_iin\">");
	assert_order(html, "/report-identity\"", "id=\"e-report_iin\"", "</form>");
	assert_contains(html, "aria-describedby=\"h-report_iin e-report_iin\"");
	assert_lacks(html, "id=\"e-iin\"");
	free(html);
	errs.count = 0;
	errors_add(&errs, ERROR_INVALID, "invalid_iin", "iin", "bad");
	html = render_proposal(LANG_RU, &errs, NULL);
	assert_order(html, "/supports\"", "id=\"e-iin\"", "</form>");
	assert_lacks(html, "id=\"e-report_iin\"");
	free(html);
	errs.count = 0;
	errors_add(&errs, ERROR_FORBIDDEN, "not_filed_in_your_name", NULL, "x");
	html = render_proposal(LANG_KK, NULL, &errs);
	assert_contains(html, lang_tr(LANG_KK, "err.not_filed_in_your_name"));
	free(html);
}

/* A reader of someone else's proposal sees labels meant for a reader, not the form's "your …"
 * with its limits; the receipt (the author's own) keeps "your". */
static void test_proposal_page_labels_for_a_reader(void **state)
{
	(void)state;
	for (int i = 0; i < LANG_COUNT; i++) {
		enum lang l = (enum lang)i;
		char *html = render_proposal(l, NULL, NULL);
		char want[160];

		static const char *const form_only[] = { "field.stance",           "field.region",
							 "field.topics",           "field.text",
							 "field.proposed_wording", "stance.amend" };
		for (size_t k = 0; k < ARRAY_LEN(form_only); k++) {
			snprintf(want, sizeof(want), "<dt>%s</dt>", lang_tr(l, form_only[k]));
			assert_lacks(html, want);
			snprintf(want, sizeof(want), "<dd>%s</dd>", lang_tr(l, form_only[k]));
			assert_lacks(html, want);
		}
		snprintf(want, sizeof(want), "<dt>%s</dt><dd>%s</dd>", lang_tr(l, "view.stance"),
			 lang_tr(l, "view.stance.amend"));
		assert_contains(html, want);
		snprintf(want, sizeof(want), "<dt>%s</dt>", lang_tr(l, "view.region"));
		assert_contains(html, want);
		snprintf(want, sizeof(want), "<dt>%s</dt>", lang_tr(l, "view.topics"));
		assert_contains(html, want);
		snprintf(want, sizeof(want), "<nav aria-label=\"%s\">", lang_tr(l, "nav.lang"));
		assert_contains(html, want);
		free(html);
	}
	assert_string_equal(lang_tr(LANG_RU, "view.region"), "Регион");
	assert_string_equal(lang_tr(LANG_KK, "nav.lang"), "Тіл");
}

/* The list's sort picker has its own label; its page navigation is named in the page's language. */
static void test_list_labels(void **state)
{
	struct list_query q = { .consultation = structure_find(FIXTURE_SLUG),
				.target = "article:1",
				.kind = "article",
				.number = "1",
				.sort = "newest",
				.page = 2,
				.per_page = 20,
				.next = "n1769940000000000.3" };
	const struct list_card cards[] = {
		{ .id = 3, .stance = "support", .text = "x", .supports = 1, .day = "2026-02-01" },
	};

	(void)state;
	for (int i = 0; i < LANG_COUNT; i++) {
		enum lang l = (enum lang)i;
		struct buf b;
		char want[160];

		buf_init(&b, 0);
		page_list(&b, l, &q, cards, 1);
		snprintf(want, sizeof(want), "<label for=\"f-sort\">%s</label>", lang_tr(l, "list.sort"));
		assert_contains(b.data, want);
		snprintf(want, sizeof(want), "<label for=\"f-sort\">%s</label>", lang_tr(l, "list.title"));
		assert_lacks(b.data, want);
		snprintf(want, sizeof(want), "<nav class=\"pages\" aria-label=\"%s\">",
			 lang_tr(l, "nav.pages"));
		assert_contains(b.data, want);
		assert_contains(b.data, lang_tr(l, "view.stance.support"));
		assert_lacks(b.data, "aria-label=\"pages\"");
		/* The next page by its cursor; the previous by page number (no cursor here). */
		assert_contains(b.data, "&amp;after=n1769940000000000.3&amp;lang=");
		assert_contains(b.data, lang_tr(l, "list.prev"));
		assert_lacks(b.data, lang_tr(l, "list.first"));
		assert_no_raw_keys(b.data);
		buf_free(&b);
	}
}

/* The character counter's phrases come with the page, one per plural category. */
static void test_form_counter_phrases(void **state)
{
	char *html = render_form(LANG_RU, NULL, NULL);

	(void)state;
	assert_contains(html, "data-left-one=\"Остался {n} символ\"");
	assert_contains(html, "data-left-few=\"Осталось {n} символа\"");
	assert_contains(html, "data-left-many=\"Осталось {n} символов\"");
	assert_contains(html, "data-over-many=\"Лишних {n} символов\"");
	assert_lacks(html, "data-left=");
	free(html);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_each_language),
		cmocka_unit_test(test_form_escapes_structure_labels),
		cmocka_unit_test(test_form_again_after_errors),
		cmocka_unit_test(test_form_again_keeps_choices),
		cmocka_unit_test(test_form_escapes_what_was_typed),
		cmocka_unit_test(test_form_does_not_echo_bad_bytes),
		cmocka_unit_test_setup_teardown(test_form_closed, fixture_load_closed, fixture_load_open),
		cmocka_unit_test(test_form_without_consultation),
		cmocka_unit_test(test_receipt),
		cmocka_unit_test(test_receipt_without_structure),
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_form_text_error_described_once),
		cmocka_unit_test(test_form_consultation_error_summary),
		cmocka_unit_test(test_proposal_page_report_form),
		cmocka_unit_test(test_proposal_page_labels_for_a_reader),
		cmocka_unit_test(test_list_labels),
		cmocka_unit_test(test_form_counter_phrases),
	};

	return cmocka_run_group_tests(tests, fixture_load_open, fixture_unload);
}
