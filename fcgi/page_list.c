#include "page_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "util.h"
#include "widget.h"

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

/* A link to another page of the same list: by cursor (`after`), else by page number. */
static void list_link(struct buf *b, enum lang lang, const struct list_query *q, const char *after, long page,
		      const char *label_key)
{
	/* target and sort were checked against the structure, but escape them all the same. */
	buf_puts(b, "<a href=\"/proposals?target=");
	buf_html(b, q->target);
	buf_puts(b, "&amp;sort=");
	buf_html(b, q->sort);
	if (q->version[0])
		buf_printf(b, "&amp;version=%s", q->version); /* digits only (browse.c) */
	if (q->per_page != LIST_PER_PAGE_DEFAULT)
		buf_printf(b, "&amp;per_page=%ld", q->per_page);
	if (after) {
		buf_puts(b, "&amp;after=");
		buf_html(b, after);
	} else if (page > 1)
		buf_printf(b, "&amp;page=%ld", page);
	buf_printf(b, "&amp;lang=%s\">%s</a>", lang_code(lang), lang_tr(lang, label_key));
}

void page_list(struct buf *b, enum lang lang, const struct list_query *q, const struct list_card *cards,
	       size_t n)
{
	const struct consultation *c = q->consultation;
	/* With ?version= the part (and its label) is that version's, which the cache lacks. */
	json_t *part = q->version[0] ? q->part : q->target[0] ? structure_part(c, q->target) : NULL;
	const char *code = lang_code(lang);

	page_begin(b, lang, lang_tr(lang, "list.title"));
	buf_printf(b, "<h1>%s", lang_tr(lang, "list.title"));
	if (part) {
		buf_puts(b, ": ");
		buf_html(b, structure_label(part, "label", code));
	}
	buf_printf(b,
		   "</h1>\n<form method=\"get\" action=\"/proposals\" class=\"filter\">\n"
		   "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n",
		   code);
	/* The select lists the current version's parts: an older version's target may name another. */
	widget_target_select(b, lang, c, part && !q->version[0] ? q->target : NULL, NULL);
	buf_printf(b,
		   "<div class=\"field\"><label for=\"f-sort\">%s</label>\n<select id=\"f-sort\" "
		   "name=\"sort\">\n",
		   lang_tr(lang, "list.sort"));
	widget_option(b, "newest", lang_tr(lang, "list.newest"), q->sort);
	widget_option(b, "supported", lang_tr(lang, "list.supported"), q->sort);
	buf_printf(b, "</select></div>\n<p><button type=\"submit\">%s</button></p>\n</form>\n",
		   lang_tr(lang, "list.show"));
	if (!part) {
		page_end(b);
		return;
	}
	if (n == 0)
		buf_printf(b, "<p>%s</p>\n", lang_tr(lang, "list.empty"));
	buf_puts(b, "<ol class=\"proposals\">\n");
	for (size_t i = 0; i < n; i++) {
		const struct list_card *p = &cards[i];
		char key[32];

		snprintf(key, sizeof(key), "view.stance.%s", p->stance);
		buf_printf(b, "<li><h2><a href=\"/proposals/%lld?lang=%s\">%s %lld</a> · %s</h2>\n", p->id,
			   code, lang_tr(lang, "proposal.title"), p->id, lang_tr(lang, key));
		excerpt(b, p->text);
		buf_printf(b, "<p class=\"meta\">%s: <strong>%lld</strong> · %.10s</p></li>\n",
			   lang_tr(lang, "support.count"), p->supports, p->day);
	}
	buf_printf(b, "</ol>\n<nav class=\"pages\" aria-label=\"%s\">", lang_tr(lang, "nav.pages"));
	/* A cursor only walks forward: from a cursor's page, back means the first page. */
	if (q->after_key[0])
		list_link(b, lang, q, NULL, 1, "list.first");
	else if (q->page > 1)
		list_link(b, lang, q, NULL, q->page - 1, "list.prev");
	if (!q->after_key[0])
		buf_printf(b, " <span>%s %ld</span> ", lang_tr(lang, "list.page"), q->page);
	if (q->next[0])
		list_link(b, lang, q, q->next, 0, "list.next");
	buf_puts(b, "</nav>\n");
	page_end(b);
}
