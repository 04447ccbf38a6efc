/*
 * fixture.h - a small consultation structure for the unit tests, in the shape that
 * kenes.consultation_json (sql/migrations/003_consultation_functions.sql) builds.
 *
 * Parts: general, preamble, section:1, article:1 (in section 1) and article:4 (no section).
 * Six topics, three regions. FIXTURE_JSON("true") is open, FIXTURE_JSON("false") closed.
 */
#ifndef KENES_TEST_FIXTURE_H
#define KENES_TEST_FIXTURE_H

#include "structure.h"

#define FIXTURE_SLUG "constitution-2026"

#define FIXTURE_LABEL(kk, ru, en) "{\"kk\":\"" kk "\",\"ru\":\"" ru "\",\"en\":\"" en "\"}"

#define FIXTURE_PART(target, kind, number, section, label)                                      \
	"{\"target\":\"" target "\",\"kind\":\"" kind "\",\"number\":" number                   \
	",\"section\":" section ",\"label\":" label "}"

#define FIXTURE_TOPIC(slug, label) "{\"slug\":\"" slug "\",\"label\":" label "}"
#define FIXTURE_REGION(code, name) "{\"code\":\"" code "\",\"name\":" name "}"

#define FIXTURE_JSON(open)                                                                      \
	"{\"slug\":\"" FIXTURE_SLUG "\",\"status\":\"open\",\"open\":" open ",\"version\":1,"     \
	"\"title\":" FIXTURE_LABEL("Конституция жобасы", "Проект Конституции",                   \
				   "Draft Constitution") ","                                     \
	"\"parts\":["                                                                           \
	FIXTURE_PART("general", "general", "null", "null",                                      \
		     FIXTURE_LABEL("Жалпы ұсыныстар", "Общие предложения", "General proposals")) "," \
	FIXTURE_PART("preamble", "preamble", "null", "null",                                    \
		     FIXTURE_LABEL("Преамбула", "Преамбула", "Preamble")) ","                    \
	FIXTURE_PART("section:1", "section", "1", "null",                                       \
		     FIXTURE_LABEL("1-бөлім", "Раздел 1", "Section 1")) ","                      \
	FIXTURE_PART("article:1", "article", "1", "1",                                          \
		     FIXTURE_LABEL("1-бап", "Статья 1", "Article 1")) ","                        \
	FIXTURE_PART("article:4", "article", "4", "null",                                       \
		     FIXTURE_LABEL("4-бап", "Статья 4", "Article 4")) "],"                       \
	"\"topics\":["                                                                          \
	FIXTURE_TOPIC("sovereignty", FIXTURE_LABEL("Егемендік", "Суверенитет", "Sovereignty")) "," \
	FIXTURE_TOPIC("rights", FIXTURE_LABEL("Құқықтар", "Права", "Rights & freedoms")) ","     \
	FIXTURE_TOPIC("parliament", FIXTURE_LABEL("Парламент", "Парламент", "Parliament")) ","   \
	FIXTURE_TOPIC("president", FIXTURE_LABEL("Президент", "Президент", "President")) ","     \
	FIXTURE_TOPIC("courts", FIXTURE_LABEL("Соттар", "Суды", "Courts")) ","                   \
	FIXTURE_TOPIC("language", FIXTURE_LABEL("Тіл", "Язык", "Language")) "],"                 \
	"\"regions\":["                                                                         \
	FIXTURE_REGION("KZ-71", FIXTURE_LABEL("Астана", "Астана", "Astana")) ","                 \
	FIXTURE_REGION("KZ-75", FIXTURE_LABEL("Алматы", "Алматы", "Almaty")) ","                 \
	FIXTURE_REGION("unspecified", FIXTURE_LABEL("Көрсетілмеген", "Не указан", "Not stated")) \
	"]}"

/* cmocka setup and teardown: the fixture loaded open or closed, or nothing loaded. */
static inline int fixture_load_open(void **state)
{
	(void)state;
	return structure_set(FIXTURE_SLUG, FIXTURE_JSON("true")) ? 0 : -1;
}

static inline int fixture_load_closed(void **state)
{
	(void)state;
	return structure_set(FIXTURE_SLUG, FIXTURE_JSON("false")) ? 0 : -1;
}

static inline int fixture_unload(void **state)
{
	(void)state;
	structure_clear();
	return 0;
}

#endif
