#include "structure.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "log.h"
#include "util.h"

#define MAX_CONSULTATIONS 32

/*
 * The cache is a reference-counted snapshot: a request takes the current one at its start
 * (structure_refresh) and lets go at its end (structure_release), so a refresh by another
 * thread never frees what a request is still reading. The mutex guards only the pointer
 * swap and the counts; loading from the database happens outside it.
 */
struct structure_snapshot {
	int refs;
	int count;
	time_t loaded_at;
	struct consultation list[MAX_CONSULTATIONS];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct structure_snapshot *current;
static bool stale;
static _Thread_local struct structure_snapshot *mine;

static void snapshot_unref(struct structure_snapshot *snap)
{
	if (!snap || --snap->refs > 0)
		return;
	for (int i = 0; i < snap->count; i++) {
		free(snap->list[i].slug);
		free(snap->list[i].json);
		json_decref(snap->list[i].doc);
	}
	free(snap);
}

/* Makes `fresh` (or nothing) the current snapshot. */
static void publish(struct structure_snapshot *fresh)
{
	pthread_mutex_lock(&lock);
	snapshot_unref(current);
	current = fresh;
	stale = false;
	pthread_mutex_unlock(&lock);
}

void structure_clear(void)
{
	structure_release();
	publish(NULL);
}

void structure_invalidate(void)
{
	pthread_mutex_lock(&lock);
	stale = true;
	pthread_mutex_unlock(&lock);
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
	struct structure_snapshot *fresh = xcalloc(1, sizeof(*fresh));

	if (!fill(&fresh->list[0], slug, json)) {
		free(fresh);
		return false;
	}
	fresh->refs = 1;
	fresh->count = 1;
	fresh->loaded_at = time(NULL);
	structure_release();
	publish(fresh);
	return true;
}

static struct structure_snapshot *load(struct db *db)
{
	struct structure_snapshot *fresh;
	PGresult *res = db_run(db, "consultation_all", 0, NULL);
	int rows;

	if (!res)
		return NULL;
	fresh = xcalloc(1, sizeof(*fresh));
	rows = PQntuples(res);
	if (rows > MAX_CONSULTATIONS) {
		log_warn("%d consultations; only the first %d are served", rows, MAX_CONSULTATIONS);
		rows = MAX_CONSULTATIONS;
	}
	fresh->refs = 1;
	fresh->loaded_at = time(NULL);
	/*
	 * All or nothing: a consultation that cannot be read now (out of memory while parsing)
	 * must not vanish from the served snapshot; the caller keeps the older one instead.
	 */
	for (int i = 0; i < rows; i++) {
		if (!fill(&fresh->list[fresh->count], PQgetvalue(res, i, 0), PQgetvalue(res, i, 1))) {
			snapshot_unref(fresh);
			fresh = NULL;
			break;
		}
		fresh->count++;
	}
	PQclear(res);
	return fresh;
}

bool structure_refresh(struct db *db, time_t ttl)
{
	bool need;

	if (mine)
		return true;
	pthread_mutex_lock(&lock);
	need = !current || stale || time(NULL) - current->loaded_at >= ttl;
	pthread_mutex_unlock(&lock);
	if (need) {
		struct structure_snapshot *fresh = load(db);

		/* When the database cannot be asked, an older snapshot is better than none. */
		if (fresh)
			publish(fresh);
	}
	pthread_mutex_lock(&lock);
	mine = current;
	if (mine)
		mine->refs++;
	pthread_mutex_unlock(&lock);
	return mine != NULL;
}

void structure_release(void)
{
	if (!mine)
		return;
	pthread_mutex_lock(&lock);
	snapshot_unref(mine);
	mine = NULL;
	pthread_mutex_unlock(&lock);
}

struct structure_snapshot *structure_detach(void)
{
	struct structure_snapshot *held = mine;

	mine = NULL;
	return held;
}

void structure_adopt(struct structure_snapshot *held)
{
	structure_release();
	mine = held;
}

/* The snapshot this thread reads: its own during a request, else the current one (tests). */
static struct structure_snapshot *snap(void)
{
	return mine ? mine : current;
}

const struct consultation *structure_find(const char *slug)
{
	struct structure_snapshot *s = snap();

	for (int i = 0; s && i < s->count; i++)
		if (strcmp(s->list[i].slug, slug) == 0)
			return &s->list[i];
	return NULL;
}

const struct consultation *structure_single_open(void)
{
	struct structure_snapshot *s = snap();
	const struct consultation *found = NULL;

	for (int i = 0; s && i < s->count; i++) {
		if (!s->list[i].open)
			continue;
		if (found)
			return NULL;
		found = &s->list[i];
	}
	return found;
}

const struct consultation *structure_default(void)
{
	const struct consultation *open = structure_single_open();
	struct structure_snapshot *s = snap();

	return open ? open : (s && s->count ? &s->list[0] : NULL);
}

static json_t *find_in(const struct consultation *c, const char *array, const char *member, const char *value)
{
	json_t *list = json_object_get(c->doc, array), *item;
	size_t i;

	json_array_foreach(list, i, item)
	{
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
