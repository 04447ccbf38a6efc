/*
 * lang_table.h - tables of strings in Kazakh, Russian and English looked up by key, and the
 * three languages' codes. Each program keeps its own table (fcgi/lang.tsv the interface,
 * aggregator/report_text.tsv the reports) and its own language enum, numbered in this order:
 * 0 kk, 1 ru, 2 en. Tables and strings are static; nothing here allocates.
 */
#ifndef KENES_LANG_TABLE_H
#define KENES_LANG_TABLE_H

#include <stddef.h>

#define LANG_TABLE_LANGS 3

struct lang_text {
	const char *key;
	const char *text[LANG_TABLE_LANGS]; /* kk, ru, en */
};

/* The row of table (count rows) whose key is key; NULL when there is none. */
const struct lang_text *lang_table_find(const struct lang_text *table, size_t count, const char *key);
/* "kk", "ru" or "en" for 0, 1 or 2. */
const char *lang_table_code(int lang);
/* 0, 1 or 2 for "kk", "ru" or "en"; -1 for anything else, NULL included. */
int lang_table_parse(const char *code);

#endif
