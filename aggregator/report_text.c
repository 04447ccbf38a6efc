#include "report_text.h"

#include <stdio.h>
#include <string.h>

#include "lang_table.h"
#include "util.h"

_Static_assert(LANG_KK == 0 && LANG_RU == 1 && LANG_EN == 2,
	       "enum report_lang numbers the languages as lang_table.h does");

/* The table of texts, kept as data in report_text.tsv (built by common/embed-texts.sh). */
extern const struct lang_text report_texts[];
extern const size_t report_texts_count;

bool report_lang_parse(const char *code, enum report_lang *out)
{
	int i = lang_table_parse(code);

	if (i < 0)
		return false;
	*out = (enum report_lang)i;
	return true;
}

const char *report_lang_code(enum report_lang lang)
{
	return lang_table_code((int)lang);
}

const char *report_text(enum report_lang lang, const char *key)
{
	const struct lang_text *t = lang_table_find(report_texts, report_texts_count, key);

	return t ? t->text[lang] : key;
}

void report_count(enum report_lang lang, long long n, char *out, size_t outlen)
{
	/* kk and ru group digits with a no-break space (U+00A0), en with a comma. */
	const char *sep = lang == LANG_EN ? "," : "\xc2\xa0";
	char digits[32];
	size_t len, o = 0;
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;

	len = (size_t)snprintf(digits, sizeof(digits), "%llu", u);
	if (n < 0 && o + 1 < outlen)
		out[o++] = '-';
	for (size_t i = 0; i < len && o + 4 < outlen; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			for (const char *s = sep; *s && o + 4 < outlen; s++)
				out[o++] = *s;
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void report_change(enum report_lang lang, long long n, char *out, size_t outlen)
{
	char count[48];

	report_count(lang, n < 0 ? -n : n, count, sizeof(count));
	/* U+2212 minus sign: a hyphen would read as a dash. */
	snprintf(out, outlen, "%s%s", n > 0 ? "+" : n < 0 ? "\xe2\x88\x92" : "", count);
}

void report_share(enum report_lang lang, long long part, long long whole, char *out, size_t outlen)
{
	char a[48], b[48];
	long long tenths;

	if (whole <= 0) {
		snprintf(out, outlen, "\xe2\x80\x93"); /* en dash */
		return;
	}
	/* Rounded to a tenth of a percent, half up. */
	tenths = (part * 2000 + whole) / (whole * 2);
	report_count(lang, part, a, sizeof(a));
	report_count(lang, whole, b, sizeof(b));
	snprintf(out, outlen, "%lld%s%lld%s (%s / %s)", tenths / 10, lang == LANG_EN ? "." : ",", tenths % 10,
		 lang == LANG_EN ? "%" : "\xc2\xa0%", a, b);
}
