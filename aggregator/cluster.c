#include "cluster.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* An item keeps its signature only: its band keys are made again when needed (cheap), which
 * saves an eighth of an item, and settled items can be most of a consultation's texts. */
struct item {
	struct minhash sig;
	int parent;
	bool fresh;
	int64_t group;
};

/* Items live in blocks that never move: the set grows without copying (a doubled array would
 * hold the old and the new copy at once) and without unused capacity beyond one block. */
#define CLUSTER_BLOCK 1024

struct cluster_set {
	uint32_t scope;
	struct item **blocks;
	int nblocks;
	int count;
	long long gave_up;
};

/* A bucket's members split by component, for the search in one bucket. */
struct group {
	int root;
	int *members;
	int count, cap;
};

static struct item *item_at(const struct cluster_set *set, int i)
{
	return &set->blocks[i / CLUSTER_BLOCK][i % CLUSTER_BLOCK];
}

struct cluster_set *cluster_new(uint32_t scope)
{
	struct cluster_set *set = xcalloc(1, sizeof(*set));

	set->scope = scope;
	return set;
}

void cluster_free(struct cluster_set *set)
{
	if (!set)
		return;
	for (int b = 0; b < set->nblocks; b++)
		free(set->blocks[b]);
	free(set->blocks);
	free(set);
}

int cluster_add(struct cluster_set *set, const struct minhash *m, bool fresh, int64_t group)
{
	struct item *it;

	if (set->count == set->nblocks * CLUSTER_BLOCK) {
		if ((set->nblocks & (set->nblocks - 1)) == 0) /* 0, 1, 2, 4, ...: the pointers double */
			set->blocks = xrealloc(set->blocks, 2 * ((size_t)set->nblocks + 1) * sizeof(*set->blocks));
		set->blocks[set->nblocks++] = xmalloc(CLUSTER_BLOCK * sizeof(struct item));
	}
	it = item_at(set, set->count);
	it->sig = *m;
	it->parent = set->count;
	it->fresh = fresh;
	it->group = fresh ? 0 : group;
	return set->count++;
}

int cluster_count(const struct cluster_set *set)
{
	return set->count;
}

int cluster_keys(const struct cluster_set *set, int i, int64_t keys[MINHASH_BANDS])
{
	return minhash_bands(&item_at(set, i)->sig, set->scope, keys);
}

long long cluster_gave_up(const struct cluster_set *set)
{
	return set->gave_up;
}

int cluster_root(struct cluster_set *set, int i)
{
	int r = i;

	while (item_at(set, r)->parent != r)
		r = item_at(set, r)->parent;
	while (item_at(set, i)->parent != r) { /* path compression */
		int next = item_at(set, i)->parent;

		item_at(set, i)->parent = r;
		i = next;
	}
	return r;
}

/* Unites two components; the smaller index becomes the root, so roots do not depend on
 * the order links are found in. */
static void unite(struct cluster_set *set, int a, int b)
{
	a = cluster_root(set, a);
	b = cluster_root(set, b);
	if (a == b)
		return;
	if (a < b)
		item_at(set, b)->parent = a;
	else
		item_at(set, a)->parent = b;
}

struct entry {
	int64_t key;
	int item;
};

static int compare_entry(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->item > b->item) - (a->item < b->item);
}

static void group_push(struct group *g, int item)
{
	if (g->count == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 8;
		g->members = xrealloc(g->members, (size_t)g->cap * sizeof(int));
	}
	g->members[g->count++] = item;
}

/* Re-roots the bucket's groups after unions elsewhere and merges groups that became one. */
static int regroup(struct cluster_set *set, struct group *groups, int n)
{
	for (int a = 0; a < n; a++)
		groups[a].root = cluster_root(set, groups[a].root);
	for (int a = 0; a < n; a++) {
		for (int b = a + 1; b < n; b++) {
			if (groups[b].root != groups[a].root)
				continue;
			for (int k = 0; k < groups[b].count; k++)
				group_push(&groups[a], groups[b].members[k]);
			free(groups[b].members);
			groups[b] = groups[--n];
			b--;
		}
	}
	return n;
}

/* Links item i with each component of the bucket it is similar to (one member suffices). */
static long long link_item(struct cluster_set *set, int i, struct group *groups, int n, double threshold)
{
	long long compared = 0;

	for (int g = 0; g < n; g++) {
		int tries = 0;

		if (groups[g].root == cluster_root(set, i))
			continue;
		for (int k = 0; k < groups[g].count; k++) {
			int j = groups[g].members[k];

			if (!item_at(set, i)->fresh && !item_at(set, j)->fresh)
				continue; /* settled pairs were looked at in an earlier run */
			if (tries++ == CLUSTER_MAX_TRIES) {
				set->gave_up++;
				break;
			}
			compared++;
			if (minhash_similarity(&item_at(set, i)->sig, &item_at(set, j)->sig) >= threshold) {
				unite(set, i, j);
				break;
			}
		}
	}
	return compared;
}

static long long run_bucket(struct cluster_set *set, const struct entry *e, int n, double threshold)
{
	struct group *groups = xcalloc((size_t)n, sizeof(*groups));
	int ngroups = 0;
	long long compared = 0;
	bool any_fresh = false;

	for (int k = 0; k < n; k++)
		any_fresh = any_fresh || item_at(set, e[k].item)->fresh;
	for (int k = 0; any_fresh && k < n; k++) {
		int i = e[k].item, g;

		ngroups = regroup(set, groups, ngroups);
		compared += link_item(set, i, groups, ngroups, threshold);
		ngroups = regroup(set, groups, ngroups);
		for (g = 0; g < ngroups && groups[g].root != cluster_root(set, i); g++)
			;
		if (g == ngroups) /* a fresh slot: regroup may have left a moved group's copy in it */
			groups[ngroups++] = (struct group){ .root = cluster_root(set, i) };
		group_push(&groups[g], i);
	}
	for (int g = 0; g < ngroups; g++)
		free(groups[g].members);
	free(groups);
	return compared;
}

/* Settled items of one group are one component already. */
static void unite_groups(struct cluster_set *set)
{
	struct entry *byg = xmalloc((size_t)set->count * sizeof(*byg) + 1);
	int n = 0;

	for (int i = 0; i < set->count; i++)
		if (item_at(set, i)->group != 0)
			byg[n++] = (struct entry){ item_at(set, i)->group, i };
	qsort(byg, (size_t)n, sizeof(*byg), compare_entry);
	for (int k = 1; k < n; k++)
		if (byg[k].key == byg[k - 1].key)
			unite(set, byg[k - 1].item, byg[k].item);
	free(byg);
}

static int compare_key(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

/* The band keys of the fresh items, sorted and distinct: only their buckets can hold a link
 * to look for (a bucket of settled items alone is skipped), so only they are built. */
static int64_t *fresh_keys(const struct cluster_set *set, size_t *count)
{
	size_t n = 0, cap = 1024, k = 0;
	int64_t *keys = xmalloc(cap * sizeof(*keys));

	for (int i = 0; i < set->count; i++) {
		if (!item_at(set, i)->fresh)
			continue;
		if (n + MINHASH_BANDS > cap) {
			cap *= 2;
			keys = xrealloc(keys, cap * sizeof(*keys));
		}
		n += (size_t)cluster_keys(set, i, keys + n);
	}
	qsort(keys, n, sizeof(*keys), compare_key);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || keys[i] != keys[k - 1])
			keys[k++] = keys[i];
	*count = k;
	return keys;
}

/* Every (key, item) of the items whose keys are among `keys` (sorted), unsorted. */
static struct entry *bucket_entries(const struct cluster_set *set, const int64_t *keys, size_t nkeys, size_t *count)
{
	size_t n = 0, cap = 1024;
	struct entry *e = xmalloc(cap * sizeof(*e));

	for (int i = 0; i < set->count; i++) {
		int64_t k[MINHASH_BANDS];
		int m = cluster_keys(set, i, k);

		for (int b = 0; b < m; b++) {
			if (!bsearch(&k[b], keys, nkeys, sizeof(*keys), compare_key))
				continue;
			if (n == cap) {
				cap *= 2;
				e = xrealloc(e, cap * sizeof(*e));
			}
			e[n++] = (struct entry){ k[b], i };
		}
	}
	*count = n;
	return e;
}

long long cluster_run(struct cluster_set *set, double threshold)
{
	size_t nkeys, n;
	int64_t *keys;
	struct entry *e;
	long long compared = 0;

	unite_groups(set);
	keys = fresh_keys(set, &nkeys);
	e = bucket_entries(set, keys, nkeys, &n);
	free(keys);
	qsort(e, n, sizeof(*e), compare_entry);
	for (size_t s = 0; s < n;) {
		size_t t = s + 1;

		while (t < n && e[t].key == e[s].key)
			t++;
		if (t - s > 1)
			compared += run_bucket(set, e + s, (int)(t - s), threshold);
		s = t;
	}
	free(e);
	return compared;
}
