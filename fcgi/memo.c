#include "memo.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct piece {
	char *key, *version, *data; /* key NULL: a free slot */
	size_t len;
	uint64_t used; /* the tick of its last use */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct piece pieces[MEMO_ENTRIES];
static size_t bytes;
static uint64_t tick;

static void drop(struct piece *p)
{
	bytes -= p->len;
	free(p->key);
	free(p->version);
	free(p->data);
	memset(p, 0, sizeof(*p));
}

static struct piece *find(const char *key)
{
	for (size_t i = 0; i < MEMO_ENTRIES; i++)
		if (pieces[i].key && strcmp(pieces[i].key, key) == 0)
			return &pieces[i];
	return NULL;
}

/* The least recently used piece; NULL when there is none. */
static struct piece *least_used(void)
{
	struct piece *o = NULL;

	for (size_t i = 0; i < MEMO_ENTRIES; i++)
		if (pieces[i].key && (!o || pieces[i].used < o->used))
			o = &pieces[i];
	return o;
}

/* A free slot, made by dropping the least recently used piece when all are taken. */
static struct piece *free_slot(void)
{
	for (size_t i = 0; i < MEMO_ENTRIES; i++)
		if (!pieces[i].key)
			return &pieces[i];
	drop(least_used());
	return free_slot();
}

bool memo_get(const char *key, const char *version, struct buf *out)
{
	struct piece *p;
	bool hit = false;

	pthread_mutex_lock(&lock);
	if ((p = find(key)) && strcmp(p->version, version) != 0)
		drop(p);
	else if (p && buf_append(out, p->data, p->len)) {
		p->used = ++tick;
		hit = true;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void memo_put(const char *key, const char *version, const char *data, size_t len)
{
	struct piece *p, fresh = { .len = len };

	if (len > MEMO_BYTES / 4)
		return;
	fresh.key = strdup(key);
	fresh.version = strdup(version);
	fresh.data = malloc(len ? len : 1);
	if (!fresh.key || !fresh.version || !fresh.data) {
		free(fresh.key);
		free(fresh.version);
		free(fresh.data);
		return;
	}
	memcpy(fresh.data, data, len);
	pthread_mutex_lock(&lock);
	if ((p = find(key)))
		drop(p);
	while (bytes + len > MEMO_BYTES && (p = least_used()))
		drop(p);
	p = free_slot();
	fresh.used = ++tick;
	*p = fresh;
	bytes += len;
	pthread_mutex_unlock(&lock);
}

void memo_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < MEMO_ENTRIES; i++)
		if (pieces[i].key)
			drop(&pieces[i]);
	pthread_mutex_unlock(&lock);
}
