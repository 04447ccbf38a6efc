#include "cluster.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct item {
	struct minhash sig;
	int64_t keys[MINHASH_BANDS];
	int nkeys;
	int parent;
	bool fresh;
	int64_t group;
};

struct cluster_set {
	uint32_t scope;
	struct item *items;
	int count, cap;
	long long gave_up;
};

/* A bucket's members split by component, for the search in one bucket. */
struct group {
	int root;
	int *members;
	int count, cap;
};

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
	free(set->items);
	free(set);
}

int cluster_add(struct cluster_set *set, const struct minhash *m, bool fresh, int64_t group)
{
	struct item *it;

	if (set->count == set->cap) {
		set->cap = set->cap ? 2 * set->cap : 256;
		set->items = xrealloc(set->items, (size_t)set->cap * sizeof(*set->items));
	}
	it = &set->items[set->count];
	it->sig = *m;
	it->nkeys = minhash_bands(m, set->scope, it->keys);
	it->parent = set->count;
	it->fresh = fresh;
	it->group = fresh ? 0 : group;
	return set->count++;
}

int cluster_count(const struct cluster_set *set)
{
	return set->count;
}

int cluster_keys(const struct cluster_set *set, int i, const int64_t **keys)
{
	*keys = set->items[i].keys;
	return set->items[i].nkeys;
}

long long cluster_gave_up(const struct cluster_set *set)
{
	return set->gave_up;
}

int cluster_root(struct cluster_set *set, int i)
{
	int r = i;

	while (set->items[r].parent != r)
		r = set->items[r].parent;
	while (set->items[i].parent != r) { /* path compression */
		int next = set->items[i].parent;

		set->items[i].parent = r;
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
		set->items[b].parent = a;
	else
		set->items[a].parent = b;
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

			if (!set->items[i].fresh && !set->items[j].fresh)
				continue; /* settled pairs were looked at in an earlier run */
			if (tries++ == CLUSTER_MAX_TRIES) {
				set->gave_up++;
				break;
			}
			compared++;
			if (minhash_similarity(&set->items[i].sig, &set->items[j].sig) >= threshold) {
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
		any_fresh = any_fresh || set->items[e[k].item].fresh;
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
		if (set->items[i].group != 0)
			byg[n++] = (struct entry){ set->items[i].group, i };
	qsort(byg, (size_t)n, sizeof(*byg), compare_entry);
	for (int k = 1; k < n; k++)
		if (byg[k].key == byg[k - 1].key)
			unite(set, byg[k - 1].item, byg[k].item);
	free(byg);
}

long long cluster_run(struct cluster_set *set, double threshold)
{
	size_t total = 0, n = 0;
	struct entry *e;
	long long compared = 0;

	unite_groups(set);
	for (int i = 0; i < set->count; i++)
		total += (size_t)set->items[i].nkeys;
	e = xmalloc(total * sizeof(*e) + 1);
	for (int i = 0; i < set->count; i++)
		for (int b = 0; b < set->items[i].nkeys; b++)
			e[n++] = (struct entry){ set->items[i].keys[b], i };
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
