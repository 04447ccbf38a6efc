#include "lang_table.h"

#include <string.h>

static const char *const codes[LANG_TABLE_LANGS] = { "kk", "ru", "en" };

/* A linear search: the tables have a few hundred rows and are read a few times a page. */
const struct lang_text *lang_table_find(const struct lang_text *table, size_t count, const char *key)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(table[i].key, key) == 0)
			return &table[i];
	return NULL;
}

const char *lang_table_code(int lang)
{
	return codes[lang];
}

int lang_table_parse(const char *code)
{
	for (int i = 0; code && i < LANG_TABLE_LANGS; i++)
		if (strcmp(code, codes[i]) == 0)
			return i;
	return -1;
}
