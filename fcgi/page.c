#include "page.h"

#include <stdio.h>

void page_begin(struct buf *b, enum lang lang, const char *title)
{
	buf_printf(b,
		   "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		   lang_code(lang));
	buf_html(b, title);
	buf_puts(b, " — Kenes</title>\n<link rel=\"stylesheet\" href=\"/static/kenes.css\">\n"
		    "<script src=\"/static/kenes.js\" defer></script>\n</head>\n<body>\n"
		    "<header class=\"site\"><p class=\"brand\"><a href=\"/?lang=");
	buf_puts(b, lang_code(lang));
	buf_puts(b, "\">Kenes</a> <span>");
	buf_html(b, lang_tr(lang, "site.tagline"));
	buf_printf(b, "</span></p>\n<nav aria-label=\"%s\"><ul class=\"langs\">", lang_tr(lang, "nav.lang"));
	for (int i = 0; i < LANG_COUNT; i++) {
		enum lang l = (enum lang)i;

		if (l == lang)
			buf_printf(b, "<li><strong>%s</strong></li>", lang_tr(l, "lang.name"));
		else
			buf_printf(b, "<li><a href=\"?lang=%s\" hreflang=\"%s\" lang=\"%s\">%s</a></li>",
				   lang_code(l), lang_code(l), lang_code(l), lang_tr(l, "lang.name"));
	}
	buf_puts(b, "</ul></nav></header>\n<main id=\"main\">\n");
}

void page_end(struct buf *b)
{
	buf_puts(b, "</main>\n</body>\n</html>\n");
}

void page_message(struct buf *b, enum lang lang, const char *title_key, const char *text_key)
{
	page_begin(b, lang, lang_tr(lang, title_key));
	buf_printf(b, "<h1>%s</h1>\n<p>%s</p>\n<p><a href=\"/?lang=%s\">Kenes</a></p>\n",
		   lang_tr(lang, title_key), lang_tr(lang, text_key), lang_code(lang));
	page_end(b);
}
