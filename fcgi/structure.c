#include "structure.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "log.h"
#include "util.h"

#define MAX_CONSULTATIONS 32

static struct consultation cache[MAX_CONSULTATIONS];
static int cache_count;
static time_t loaded_at;

static void free_all(struct consultation *list, int n)
{
	for (int i = 0; i < n; i++) {
		free(list[i].slug);
		free(list[i].json);
		json_decref(list[i].doc);
	}
}

void structure_clear(void)
{
	free_all(cache, cache_count);
	cache_count = 0;
	loaded_at = 0;
}

static bool fill(struct consultation *c, const char *slug, const char *json)
{
	json_error_t err;

	c->doc = json_loads(json, JSON_REJECT_DUPLICATES, &err);
	if (!json_is_object(c->doc)) {
		log_error("consultation %s: bad structure JSON: %s", slug, err.text);
		json_decref(c->doc);
		return false;
	}
	c->slug = xstrdup(slug);
	c->json = xstrdup(json);
	c->open = json_is_true(json_object_get(c->doc, "open"));
	return true;
}

bool structure_set(const char *slug, const char *json)
{
	struct consultation c;

	if (!fill(&c, slug, json))
		return false;
	structure_clear();
	cache[0] = c;
	cache_count = 1;
	loaded_at = time(NULL);
	return true;
}

bool structure_refresh(struct db *db, time_t ttl)
{
	struct consultation fresh[MAX_CONSULTATIONS];
	int n = 0, rows;
	time_t now = time(NULL);
	PGresult *res;

	if (cache_count && now - loaded_at < ttl)
		return true;
	res = db_run(db, "consultation_all", 0, NULL);
	if (!res)
		return cache_count > 0;
	rows = PQntuples(res);
	if (rows > MAX_CONSULTATIONS) {
		log_warn("%d consultations; only the first %d are served", rows, MAX_CONSULTATIONS);
		rows = MAX_CONSULTATIONS;
	}
	for (int i = 0; i < rows; i++)
		if (fill(&fresh[n], PQgetvalue(res, i, 0), PQgetvalue(res, i, 1)))
			n++;
	PQclear(res);
	free_all(cache, cache_count);
	memcpy(cache, fresh, sizeof(fresh[0]) * (size_t)n);
	cache_count = n;
	loaded_at = now;
	return true;
}

const struct consultation *structure_find(const char *slug)
{
	for (int i = 0; i < cache_count; i++)
		if (strcmp(cache[i].slug, slug) == 0)
			return &cache[i];
	return NULL;
}

const struct consultation *structure_single_open(void)
{
	const struct consultation *found = NULL;

	for (int i = 0; i < cache_count; i++) {
		if (!cache[i].open)
			continue;
		if (found)
			return NULL;
		found = &cache[i];
	}
	return found;
}

const struct consultation *structure_default(void)
{
	const struct consultation *open = structure_single_open();

	return open ? open : (cache_count ? &cache[0] : NULL);
}

static json_t *find_in(const struct consultation *c, const char *array, const char *member,
		       const char *value)
{
	json_t *list = json_object_get(c->doc, array), *item;
	size_t i;

	json_array_foreach(list, i, item) {
		const char *v = json_string_value(json_object_get(item, member));
		if (v && strcmp(v, value) == 0)
			return item;
	}
	return NULL;
}

json_t *structure_part(const struct consultation *c, const char *target)
{
	return find_in(c, "parts", "target", target);
}

bool structure_has_topic(const struct consultation *c, const char *slug)
{
	return find_in(c, "topics", "slug", slug) != NULL;
}

bool structure_has_region(const struct consultation *c, const char *code)
{
	return find_in(c, "regions", "code", code) != NULL;
}

const char *structure_label(json_t *obj, const char *member, const char *lang)
{
	const char *s = json_string_value(json_object_get(json_object_get(obj, member), lang));

	return s ? s : "";
}
