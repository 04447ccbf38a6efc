/*
 * structure.h - each worker's cache of the consultations: their draft structure, topics
 * and regions, as loaded by sql/queries/consultation_all.sql.
 *
 * The cache is reloaded when older than the configured TTL; when a reload fails the old
 * copy stays in use. A request thread takes the current copy with structure_refresh and
 * lets go of it with structure_release; pointers returned stay valid until then, whatever
 * other threads do. Thread-safe.
 */
#ifndef KENES_STRUCTURE_H
#define KENES_STRUCTURE_H

#include <jansson.h>
#include <stdbool.h>
#include <time.h>

struct db;

struct consultation {
	char *slug;
	char *json;  /* the API's JSON text for GET /api/v1/consultations/{slug} */
	json_t *doc; /* the same, parsed; owned by the cache */
	bool open;   /* accepting proposals right now */
};

/*
 * Takes the current structure for this thread, reloading it from the database first when
 * it is older than ttl seconds, empty or invalidated. False when there is none to be had.
 * Calling it again before structure_release does nothing.
 */
bool structure_refresh(struct db *db, time_t ttl);
/* Lets go of what structure_refresh took (at the end of each request). */
void structure_release(void);
/* For a request answered on another thread (fcgi/batch.h's hand-off): structure_detach takes
 * this thread's structure_refresh away (NULL: none); structure_adopt makes it the caller's. */
struct structure_snapshot;
struct structure_snapshot *structure_detach(void);
void structure_adopt(struct structure_snapshot *held);
/* Marks the structure stale: the next structure_refresh reloads it (the draft changed). */
void structure_invalidate(void);
/* Replaces the cache with one consultation from JSON text (tests). */
bool structure_set(const char *slug, const char *json);
/* Drops the cache (tests, shutdown). */
void structure_clear(void);

const struct consultation *structure_find(const char *slug);
/* The single open consultation, or NULL when none or several are open. */
const struct consultation *structure_single_open(void);
/* The first consultation (open or not), for the form page; NULL when none. */
const struct consultation *structure_default(void);

/* The part with this target ("article:4") on the current version, or NULL. Borrowed. */
json_t *structure_part(const struct consultation *c, const char *target);
bool structure_has_topic(const struct consultation *c, const char *slug);
bool structure_has_region(const struct consultation *c, const char *code);
/* The label of an object's "label"/"name" member in a language code. Borrowed. */
const char *structure_label(json_t *obj, const char *member, const char *lang);

#endif
