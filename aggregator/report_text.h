/*
 * report_text.h - the words of a report in Kazakh, Russian and English, and numbers
 * written the way each language writes them. Returned strings are static.
 */
#ifndef KENES_REPORT_TEXT_H
#define KENES_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum report_lang { LANG_KK, LANG_RU, LANG_EN };

bool report_lang_parse(const char *code, enum report_lang *out);
const char *report_lang_code(enum report_lang lang); /* "kk", "ru", "en" */

/* The text for `key` (see report_text.tsv); the key itself when there is none, which the
 * tests catch. */
const char *report_text(enum report_lang lang, const char *key);

/* 12345 as "12 345" (kk, ru: a no-break space) or "12,345" (en). */
void report_count(enum report_lang lang, long long n, char *out, size_t outlen);
/* A signed change: "+1 234", "−56" (a minus sign), "0". */
void report_change(enum report_lang lang, long long n, char *out, size_t outlen);
/* part of whole, never a bare percentage: "62.5% (5 / 8)" ("62,5 %" in kk and ru);
 * "–" when whole is 0. */
void report_share(enum report_lang lang, long long part, long long whole, char *out, size_t outlen);

#endif
