#include "matchtext.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "util.h"

/*
 * Letters that look like a Latin letter, after case folding, in the alphabets of kk, ru and
 * en texts (and Greek, which look-alike spoofing also borrows from). The upper-case forms
 * fold to these first, so "Т" and "T" meet at "t" although "т" does not look like "t".
 * Kazakh һ and Cyrillic н both become "h", ү and у both "y": for matching that costs
 * nothing, since a word differing only there is the same word to a reader.
 * Sorted by code point (bsearch).
 */
static const struct {
	int32_t from, to;
} skeletons[] = {
	{ 0x03B1, 'a' }, /* α */ { 0x03B2, 'b' }, /* β */ { 0x03B5, 'e' }, /* ε */
	{ 0x03B9, 'i' }, /* ι */ { 0x03BA, 'k' }, /* κ */ { 0x03BD, 'v' }, /* ν */
	{ 0x03BF, 'o' }, /* ο */ { 0x03C1, 'p' }, /* ρ */ { 0x03C4, 't' }, /* τ */
	{ 0x03C5, 'u' }, /* υ */ { 0x03C7, 'x' },                          /* χ */
	{ 0x0430, 'a' }, /* а */ { 0x0432, 'b' }, /* в */ { 0x0435, 'e' }, /* е */
	{ 0x043A, 'k' }, /* к */ { 0x043C, 'm' }, /* м */ { 0x043D, 'h' }, /* н */
	{ 0x043E, 'o' }, /* о */ { 0x0440, 'p' }, /* р */ { 0x0441, 'c' }, /* с */
	{ 0x0442, 't' }, /* т */ { 0x0443, 'y' }, /* у */ { 0x0445, 'x' }, /* х */
	{ 0x0455, 's' }, /* ѕ */ { 0x0456, 'i' }, /* і */ { 0x0458, 'j' }, /* ј */
	{ 0x04AF, 'y' }, /* ү */ { 0x04BB, 'h' }, /* һ */ { 0x04C0, 'l' }, /* Ӏ */
	{ 0x04CF, 'l' }, /* ӏ */ { 0x0501, 'd' }, /* ԁ */ { 0x051B, 'q' }, /* ԛ */
	{ 0x051D, 'w' },                                                   /* ԝ */
};

static int compare_from(const void *key, const void *entry)
{
	int32_t c = *(const int32_t *)key, from = *(const int32_t *)entry;

	return (c > from) - (c < from);
}

int32_t matchtext_skeleton(int32_t c)
{
	const int32_t *hit = bsearch(&c, skeletons, ARRAY_LEN(skeletons), sizeof(skeletons[0]), compare_from);

	return hit ? hit[1] : c;
}

/* A word's characters are letters and numbers of every kind (Roman numerals, superscripts). */
static bool is_word_char(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);

	return text_is_letter_or_digit(c) || cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO;
}

char *matchtext_normalise(const char *text, size_t len)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &folded,
					  UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
						  UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	char *out, *w;
	bool space = false;

	if (n < 0)
		return NULL;
	/* Every skeleton is ASCII, so the result is never longer than the folded text. */
	out = w = xmalloc((size_t)n + 1);
	for (utf8proc_ssize_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(folded + i, n - i, &c);

		if (k <= 0)
			break; /* cannot happen: utf8proc_map wrote valid UTF-8 */
		i += k;
		if (!is_word_char(c)) {
			space = w != out;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		w += utf8proc_encode_char(matchtext_skeleton(c), (utf8proc_uint8_t *)w);
	}
	*w = '\0';
	free(folded);
	return out;
}
