#include "lang.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lang_table.h"

_Static_assert(LANG_COUNT == LANG_TABLE_LANGS && LANG_KK == 0 && LANG_RU == 1 && LANG_EN == 2,
	       "enum lang numbers the languages as lang_table.h does");

/* The texts are data (fcgi/lang.tsv), built into build/fcgi_texts.c by common/embed-texts.sh. */
extern const struct lang_text fcgi_texts[];
extern const size_t fcgi_texts_count;

const char *lang_code(enum lang l)
{
	return lang_table_code((int)l);
}

bool lang_parse(const char *s, enum lang *out)
{
	int i = lang_table_parse(s);

	if (i < 0)
		return false;
	*out = (enum lang)i;
	return true;
}

/* "1", "1.0", "0.8", "0": tenths, -1 when unreadable. Reads only up to the string's end. */
static int accept_q(const char *s)
{
	if (s[0] == '1')
		return 10;
	if (s[0] != '0')
		return -1;
	if (s[1] == '.' && isdigit((unsigned char)s[2]))
		return s[2] - '0';
	return 0;
}

/*
 * Picks the highest-q supported language from "ru-RU,ru;q=0.9,en;q=0.8". Only the primary
 * subtag matters; q values are read to one decimal place, which is all browsers send.
 */
enum lang lang_from_accept(const char *header)
{
	enum lang best = LANG_KK;
	int best_q = -1;
	const char *p = header;

	while (p && *p) {
		char tag[4] = { 0 };
		int n = 0, q = 10;
		enum lang l;

		while (*p == ' ' || *p == ',')
			p++;
		while (isalpha((unsigned char)*p) && n < 3)
			tag[n++] = (char)tolower((unsigned char)*p++);
		while (*p && *p != ',' && *p != ';')
			p++;
		if (*p == ';') {
			const char *qp = strstr(p, "q=");
			const char *comma = strchr(p, ',');

			if (qp && (!comma || qp < comma))
				q = accept_q(qp + 2);
			while (*p && *p != ',')
				p++;
		}
		/* q=0 means "not acceptable". */
		if (n == 2 && q > 0 && lang_parse(tag, &l) && q > best_q) {
			best = l;
			best_q = q;
		}
	}
	return best;
}

static const struct lang_text *find(const char *key)
{
	return lang_table_find(fcgi_texts, fcgi_texts_count, key);
}

const char *lang_tr(enum lang l, const char *key)
{
	const struct lang_text *e = find(key);

	return e && e->text[l] ? e->text[l] : key;
}

bool lang_tr_complete(const char *key)
{
	const struct lang_text *e = find(key);

	return e && e->text[0] && e->text[1] && e->text[2];
}
