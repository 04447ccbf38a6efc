/*
 * lang.h - the interface languages (Kazakh, Russian, English) and their strings.
 * All strings are static; nothing here allocates.
 */
#ifndef KENES_LANG_H
#define KENES_LANG_H

#include <stdbool.h>

enum lang { LANG_KK, LANG_RU, LANG_EN };
#define LANG_COUNT 3

/* "kk", "ru" or "en". */
const char *lang_code(enum lang l);
/* Parses "kk", "ru" or "en"; false otherwise. */
bool lang_parse(const char *s, enum lang *out);
/* The best interface language for an Accept-Language header; Kazakh when nothing matches. */
enum lang lang_from_accept(const char *header);
/* The string for key in language l; the key itself when missing (and a test catches that). */
const char *lang_tr(enum lang l, const char *key);
/* Whether key exists in every language (for tests). */
bool lang_tr_complete(const char *key);

#endif
