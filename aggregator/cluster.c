#include "cluster.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * An item is small: its signature, when it has one, lives in `sigs`, and its band keys are
 * made again from it when needed (cheap). A settled item added by cluster_add_known has no
 * signature: its buckets and its links with fresh items were worked out by the caller, so a
 * batch holds a few dozen bytes per known text however many of them share its bands.
 */
struct item {
	int parent;
	int sig; /* index into sigs, or -1 */
	int64_t group;
	bool fresh;
};

/* Items and signatures live in blocks that never move: the set grows without copying (a
 * doubled array would hold the old and the new copy at once) or unused capacity. */
#define CLUSTER_BLOCK 1024

struct blocks {
	void **block;
	int nblocks;
	int count;
};

struct entry {
	int64_t key;
	int item;
};

struct cluster_set {
	uint32_t scope;
	struct blocks items, sigs;
	struct blocks known; /* struct entry: the buckets of items without a signature */
	uint64_t *links; /* pairs (item << 32 | item) given similar, sorted */
	size_t nlinks;
	long long gave_up;
};

/* A bucket's members split by component, for the search in one bucket. */
struct group {
	int root;
	int *members;
	int count, cap;
};

static void *block_slot(const struct blocks *b, int i, size_t size)
{
	return (char *)b->block[i / CLUSTER_BLOCK] + (size_t)(i % CLUSTER_BLOCK) * size;
}

/* A new slot at the end; returns its index. */
static int block_add(struct blocks *b, size_t size)
{
	if (b->count == b->nblocks * CLUSTER_BLOCK) {
		if ((b->nblocks & (b->nblocks - 1)) == 0) /* 0, 1, 2, 4, ...: the pointers double */
			b->block = xrealloc(b->block, 2 * ((size_t)b->nblocks + 1) * sizeof(*b->block));
		b->block[b->nblocks++] = xmalloc(CLUSTER_BLOCK * size);
	}
	return b->count++;
}

static void blocks_free(struct blocks *b)
{
	for (int i = 0; i < b->nblocks; i++)
		free(b->block[i]);
	free(b->block);
}

static struct item *item_at(const struct cluster_set *set, int i)
{
	return block_slot(&set->items, i, sizeof(struct item));
}

static const struct minhash *sig_of(const struct cluster_set *set, int i)
{
	const struct item *it = item_at(set, i);

	return it->sig < 0 ? NULL : block_slot(&set->sigs, it->sig, sizeof(struct minhash));
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
	blocks_free(&set->items);
	blocks_free(&set->sigs);
	blocks_free(&set->known);
	free(set->links);
	free(set);
}

static int add_item(struct cluster_set *set, int sig, bool fresh, int64_t group)
{
	int i = block_add(&set->items, sizeof(struct item));

	*item_at(set, i) = (struct item){ .parent = i, .sig = sig, .fresh = fresh, .group = fresh ? 0 : group };
	return i;
}

int cluster_add(struct cluster_set *set, const struct minhash *m, bool fresh, int64_t group)
{
	int s = block_add(&set->sigs, sizeof(struct minhash));

	memcpy(block_slot(&set->sigs, s, sizeof(struct minhash)), m, sizeof(*m));
	return add_item(set, s, fresh, group);
}

int cluster_add_known(struct cluster_set *set, int64_t group, const int64_t *keys, int nkeys)
{
	int i = add_item(set, -1, false, group);

	for (int k = 0; k < nkeys; k++)
		*(struct entry *)block_slot(&set->known, block_add(&set->known, sizeof(struct entry)), sizeof(struct entry)) =
			(struct entry){ keys[k], i };
	return i;
}

static uint64_t pair_key(int a, int b)
{
	return a < b ? (uint64_t)a << 32 | (uint32_t)b : (uint64_t)b << 32 | (uint32_t)a;
}

static int compare_pair(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return (a > b) - (a < b);
}

void cluster_give_links(struct cluster_set *set, uint64_t *pairs, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (pairs[i - 1] > pairs[i]) {
			qsort(pairs, n, sizeof(*pairs), compare_pair);
			break;
		}
	free(set->links);
	set->links = pairs;
	set->nlinks = n;
}

/* Items i and j reach the threshold: by their signatures, or as given by cluster_give_links. */
static bool similar(const struct cluster_set *set, int i, int j, double threshold)
{
	const struct minhash *a = sig_of(set, i), *b = sig_of(set, j);
	uint64_t key = pair_key(i, j);

	if (a && b)
		return minhash_similarity(a, b) >= threshold;
	return set->nlinks != 0 && bsearch(&key, set->links, set->nlinks, sizeof(key), compare_pair) != NULL;
}

int cluster_count(const struct cluster_set *set)
{
	return set->items.count;
}

int cluster_keys(const struct cluster_set *set, int i, int64_t keys[MINHASH_BANDS])
{
	const struct minhash *m = sig_of(set, i);

	return m ? minhash_bands(m, set->scope, keys) : 0;
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
			if (similar(set, i, j, threshold)) {
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
	struct entry *byg = xmalloc((size_t)set->items.count * sizeof(*byg) + 1);
	int n = 0;

	for (int i = 0; i < set->items.count; i++)
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

	for (int i = 0; i < set->items.count; i++) {
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

static void push_entry(struct entry **e, size_t *n, size_t *cap, struct entry x)
{
	if (*n == *cap) {
		*cap *= 2;
		*e = xrealloc(*e, *cap * sizeof(**e));
	}
	(*e)[(*n)++] = x;
}

/* Every (key, item) of the items with a signature whose keys are among `keys` (sorted). */
static struct entry *sig_entries(const struct cluster_set *set, const int64_t *keys, size_t nkeys, size_t *count)
{
	size_t n = 0, cap = 1024;
	struct entry *e = xmalloc(cap * sizeof(*e));

	for (int i = 0; i < set->items.count; i++) {
		int64_t k[MINHASH_BANDS];
		int m = cluster_keys(set, i, k);

		for (int b = 0; b < m; b++)
			if (bsearch(&k[b], keys, nkeys, sizeof(*keys), compare_key))
				push_entry(&e, &n, &cap, (struct entry){ k[b], i });
	}
	qsort(e, n, sizeof(*e), compare_entry);
	*count = n;
	return e;
}

/*
 * The items without a signature by bucket, as offsets (start[k]..start[k + 1]) into an array
 * of items: key k of `keys` holds items[start[k]...]. Items come in the order they were
 * added, so each bucket's list is in index order, as the sort of the other entries gives.
 * Counting instead of sorting (entries of known texts can be most of the set's memory):
 * 4 bytes an entry, where a sort would copy 16 and take as much again.
 */
static int *known_buckets(const struct cluster_set *set, const int64_t *keys, size_t nkeys, size_t **start)
{
	const struct blocks *kn = &set->known;
	size_t *at = xcalloc(nkeys + 2, sizeof(*at));
	int *items = NULL;

	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < kn->count; k++) {
			const struct entry *x = block_slot(kn, k, sizeof(*x));
			const int64_t *hit = bsearch(&x->key, keys, nkeys, sizeof(*keys), compare_key);

			if (!hit)
				continue;
			if (pass == 0)
				at[hit - keys + 2]++;
			else
				items[at[hit - keys + 1]++] = x->item;
		}
		if (pass == 0) { /* at[b + 1] = where bucket b begins; filled, it is where b + 1 does */
			for (size_t b = 2; b < nkeys + 2; b++)
				at[b] += at[b - 1];
			items = xmalloc((at[nkeys + 1] + 1) * sizeof(*items));
		}
	}
	*start = at;
	return items;
}

/* Runs the bucket of key k: its items with a signature (e, n) and without (known, nknown),
 * both in index order, merged into `bucket`. */
static long long run_key(struct cluster_set *set, const struct entry *e, size_t n, const int *known, size_t nknown,
			 struct entry **bucket, size_t *cap, double threshold)
{
	size_t a = 0, b = 0, m = 0;

	if (n + nknown < 2)
		return 0;
	if (n + nknown > *cap) {
		*cap = n + nknown;
		*bucket = xrealloc(*bucket, *cap * sizeof(**bucket));
	}
	while (a < n || b < nknown)
		(*bucket)[m++] = b == nknown || (a < n && e[a].item < known[b]) ? e[a++]
										: (struct entry){ 0, known[b++] };
	return run_bucket(set, *bucket, (int)m, threshold);
}

long long cluster_run(struct cluster_set *set, double threshold)
{
	size_t nkeys, n, *start, s = 0, cap = 0;
	int64_t *keys;
	struct entry *e, *bucket = NULL;
	int *known;
	long long compared = 0;

	unite_groups(set);
	keys = fresh_keys(set, &nkeys);
	e = sig_entries(set, keys, nkeys, &n);
	known = known_buckets(set, keys, nkeys, &start);
	for (size_t k = 0; k < nkeys; k++) { /* every entry of e has one of the keys */
		size_t t = s;

		while (t < n && e[t].key == keys[k])
			t++;
		compared += run_key(set, e + s, t - s, known + start[k], start[k + 1] - start[k], &bucket, &cap, threshold);
		s = t;
	}
	free(keys);
	free(e);
	free(known);
	free(start);
	free(bucket);
	return compared;
}
