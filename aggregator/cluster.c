#include "cluster.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * The method. Texts are taken in the order they were first seen. Each is compared with the
 * leaders before it that share an LSH band with it (minhash.h; the first CLUSTER_MAX_TRIES
 * leaders of each band) and follows the earliest one it matches (cluster_match); a text that
 * matches none leads. So two texts are never grouped because a third resembles both (single
 * linkage strung short proposals together through one shared sentence), campaigns never
 * merge, and refreshes that add texts in order give what one run over all texts gives. The
 * earliest leader, not the most similar: when a copy misses its letter's leader (a rare band
 * miss) it leads, and copies like it that come later still go to the first leader.
 */

/* A new text of the batch and the best leader it has matched so far. */
struct text {
	struct minhash sig;
	double similarity; /* to `leader` */
	int leader;        /* CLUSTER_LEADS until one matches */
	bool met;          /* `leader` is a leader met, not a new text */
};

/* One band key of a new text; entries are sorted by key, then text. */
struct entry {
	int64_t key;
	int text;
};

/* One distinct key among the new texts: its entries, and the leaders in its bucket so far. */
struct bucket {
	size_t first, count; /* its entries */
	int met;             /* leaders met with this key */
	int *leads;          /* new texts that lead, in order */
	int nleads, cap;
};

struct cluster_set {
	uint32_t scope;
	struct text *texts;
	int ntexts, cap;
	struct entry *entries;
	struct bucket *buckets;
	size_t nbuckets;
	int *stamp; /* by text: the leader (met) or text that last compared with it */
	bool indexed;
	long long compared, gave_up;
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
	for (size_t b = 0; b < set->nbuckets; b++)
		free(set->buckets[b].leads);
	free(set->buckets);
	free(set->entries);
	free(set->stamp);
	free(set->texts);
	free(set);
}

bool cluster_match(const struct minhash *a, const struct minhash *b, double *similarity)
{
	double j = minhash_similarity(a, b);

	*similarity = j;
	return j >= CLUSTER_COPY || (j >= CLUSTER_THRESHOLD && minhash_shared(a, b, j) >= CLUSTER_MIN_SHARED);
}

int cluster_add(struct cluster_set *set, const struct minhash *m)
{
	if (set->ntexts == set->cap) {
		set->cap = set->cap ? 2 * set->cap : 64;
		set->texts = xrealloc(set->texts, (size_t)set->cap * sizeof(*set->texts));
	}
	set->texts[set->ntexts] = (struct text){ .sig = *m, .leader = CLUSTER_LEADS };
	return set->ntexts++;
}

int cluster_count(const struct cluster_set *set)
{
	return set->ntexts;
}

int cluster_keys(const struct cluster_set *set, int i, int64_t keys[MINHASH_BANDS])
{
	return minhash_bands(&set->texts[i].sig, set->scope, keys);
}

static int compare_entry(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->text > b->text) - (a->text < b->text);
}

/* The new texts' keys, sorted, and one bucket per distinct key. */
static void build_index(struct cluster_set *set)
{
	size_t n = 0;

	set->entries = xmalloc(((size_t)set->ntexts * MINHASH_BANDS + 1) * sizeof(*set->entries));
	for (int t = 0; t < set->ntexts; t++) {
		int64_t k[MINHASH_BANDS];
		int nk = cluster_keys(set, t, k);

		for (int j = 0; j < nk; j++)
			set->entries[n++] = (struct entry){ k[j], t };
	}
	qsort(set->entries, n, sizeof(*set->entries), compare_entry);
	set->buckets = xcalloc(n + 1, sizeof(*set->buckets));
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || set->entries[i].key != set->entries[i - 1].key)
			set->buckets[set->nbuckets++].first = i;
		set->buckets[set->nbuckets - 1].count++;
	}
	set->stamp = xmalloc(((size_t)set->ntexts + 1) * sizeof(int));
	memset(set->stamp, 0xFF, ((size_t)set->ntexts + 1) * sizeof(int));
	set->indexed = true;
}

static struct bucket *find_bucket(const struct cluster_set *set, int64_t key)
{
	size_t lo = 0, hi = set->nbuckets;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t k = set->entries[set->buckets[mid].first].key;

		if (k == key)
			return &set->buckets[mid];
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Whether leader `who` (met or new) came before the leader t has: met leaders come in
 * order of their numbers and before every new text, new ones in order of their index. */
static bool earlier(const struct text *t, int who, bool met)
{
	if (t->leader == CLUSTER_LEADS)
		return true;
	if (met != t->met)
		return met;
	return who < t->leader;
}

/* Text t meets leader `who`: t follows the earliest leader it matches, so once it has one,
 * later leaders are not compared. Returns whether a comparison was made. */
static bool consider(struct text *t, int who, bool met, const struct minhash *m)
{
	double s;

	if (!earlier(t, who, met))
		return false;
	if (cluster_match(m, &t->sig, &s)) {
		t->similarity = s;
		t->leader = who;
		t->met = met;
	}
	return true;
}

/*
 * A leader is compared through a key only while it is among the first CLUSTER_MAX_TRIES
 * leaders of that key: the candidates statement reads at most that many per key, and every
 * leader the set is given comes in order, so counting them here makes the rule exact, as if
 * all leaders were met — which is what makes a refresh equal to a rebuild.
 */
void cluster_meet_leader(struct cluster_set *set, int leader, const struct minhash *m)
{
	int64_t k[MINHASH_BANDS];
	int nk = minhash_bands(m, set->scope, k);

	if (!set->indexed)
		build_index(set);
	for (int j = 0; j < nk; j++) {
		struct bucket *b = find_bucket(set, k[j]);

		if (!b)
			continue;
		if (b->met++ >= CLUSTER_MAX_TRIES)
			continue;
		for (size_t e = b->first; e < b->first + b->count; e++) {
			int t = set->entries[e].text;

			if (set->stamp[t] == leader)
				continue;
			set->stamp[t] = leader;
			set->compared += consider(&set->texts[t], leader, true, m);
		}
	}
}

static void bucket_push(struct bucket *b, int t)
{
	if (b->nleads == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 4;
		b->leads = xrealloc(b->leads, (size_t)b->cap * sizeof(int));
	}
	b->leads[b->nleads++] = t;
}

void cluster_run(struct cluster_set *set)
{
	if (!set->indexed)
		build_index(set);
	memset(set->stamp, 0xFF, ((size_t)set->ntexts + 1) * sizeof(int));
	for (int t = 0; t < set->ntexts; t++) {
		int64_t k[MINHASH_BANDS];
		int nk = cluster_keys(set, t, k);
		struct bucket *mine[MINHASH_BANDS];

		for (int j = 0; j < nk; j++) {
			struct bucket *b = mine[j] = find_bucket(set, k[j]);
			int room =
				CLUSTER_MAX_TRIES - (b->met < CLUSTER_MAX_TRIES ? b->met : CLUSTER_MAX_TRIES);

			if (b->met + b->nleads >= CLUSTER_MAX_TRIES)
				set->gave_up++;
			for (int l = 0; l < b->nleads && l < room; l++) {
				int who = b->leads[l];

				if (set->stamp[who] == t)
					continue;
				set->stamp[who] = t;
				set->compared += consider(&set->texts[t], who, false, &set->texts[who].sig);
			}
		}
		if (set->texts[t].leader == CLUSTER_LEADS)
			for (int j = 0; j < nk; j++)
				bucket_push(mine[j], t);
	}
}

int cluster_leader(const struct cluster_set *set, int i, bool *met)
{
	*met = set->texts[i].met;
	return set->texts[i].leader;
}

long long cluster_compared(const struct cluster_set *set)
{
	return set->compared;
}

long long cluster_gave_up(const struct cluster_set *set)
{
	return set->gave_up;
}
